"""The resume interpreter's state: the exception being handled.

One instance, ``STATE``, is shared by the generated blocks (Tauraro runs one program
per process); ``tauraro.vm.resume`` sets it from ``sys.exc_info()`` when resuming and
restores it after, and the PUSH_EXC/POP_EXC/RAISE templates keep it as CPython keeps
its handled exception.

CPython's own handled exception -- what ``sys.exc_info()`` and ``sys.exception()``
give a function the handler calls -- is kept with it (``hold``): a block running an
``except`` clause runs outside any ``except`` of CPython's, where ``sys.exc_info()``
had said (None, None, None) -- ``raise exc_info[1]`` in the next iteration then
re-raised nothing's traceback.
"""
from __future__ import annotations

_set_handled = None


def set_handled(exc) -> None:
    """Make ``exc`` (or None) the exception CPython's ``sys.exc_info()`` reports as handled
    (``PyErr_SetHandledException``, 3.11+)."""
    global _set_handled
    if _set_handled is None:
        # (imported as Tauraro's own, not the program's: a second ctypes, the program's,
        # made wasmtime's pointer types another's -- tauraro.boundary)
        from ..boundary import BOUNDARY
        with BOUNDARY:
            import ctypes
        f = ctypes.pythonapi.PyErr_SetHandledException
        f.argtypes, f.restype = [ctypes.py_object], None
        _set_handled = f
    _set_handled(exc)


class VMState:
    __slots__ = ("handling",)

    def __init__(self):
        # the exception an ``except``/``finally`` block is handling (sys.exc_info())
        self.handling = None

    def hold(self, exc) -> None:
        """``exc`` is the exception handled now, for the blocks and for CPython."""
        self.handling = exc
        set_handled(exc)


STATE = VMState()
