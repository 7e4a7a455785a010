"""Errors the compiler reports about the user's program (not about itself)."""
from __future__ import annotations


class UnsupportedConstruct(Exception):
    """A valid Python construct Tauraro does not run (yet).

    Reported as one line naming the construct, file and line; the CLI exits 2.
    """

    def __init__(self, construct: str, filename: str, lineno: int, detail: str = ""):
        self.construct = construct
        self.filename = filename
        self.lineno = lineno
        self.detail = detail
        super().__init__(self.message())

    def message(self) -> str:
        text = 'File "%s", line %d: %s is not supported by Tauraro' % (
            self.filename, self.lineno, self.construct)
        if self.detail:
            text += " (%s)" % self.detail
        return text
