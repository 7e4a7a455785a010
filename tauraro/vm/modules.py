"""Running a module's code object in a module namespace."""
from __future__ import annotations

from ..compiler.code import CodeObject, UNBOUND
from .builtins import BUILTINS
from .interpreter import run, runtime_of


def execute_module(code: CodeObject, G: dict):
    """Run module-level ``code`` with ``G`` as its globals (and ``__builtins__``)."""
    G.setdefault("__builtins__", BUILTINS)
    rt = runtime_of(code, G)
    r = [UNBOUND] * code.nregs + [None, None]
    run(rt, r, rt.entry)
