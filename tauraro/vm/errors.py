"""Errors of Tauraro itself (as opposed to errors of the program it runs)."""


class InternalError(BaseException):
    """A bug in Tauraro. A BaseException, so a program's ``except Exception`` does not
    swallow it; the command line reports it as an internal error (exit 70)."""
