"""The recursion limit the program sees, and the frames Tauraro's own code adds below it.

CPython raises RecursionError when a thread's frames reach ``sys.getrecursionlimit()``.
Under Tauraro the program's frames sit deeper than under ``python3``: the launcher's
frames are below its module code, and where native code leaves a loop mid-iteration the
rest of the iteration runs in the resume interpreter, a few frames (the hook, the resume
interpreter's blocks) below the loop's frame. So the real limit is kept higher than the
program's by ``below``, the frames under way that CPython would not have, and the program
is shown its own limit: ``sys.getrecursionlimit`` and ``sys.setrecursionlimit`` are
replaced (``install``) by functions that take ``below`` off and add it on. A run that
adds frames (``deeper``) raises ``below`` for as long as it runs, so a call it makes
recurses exactly as deep as CPython's would, and the program reading its limit there --
``depth(sys.getrecursionlimit() - 4)`` -- reads what it set, not the raised one.
"""
from __future__ import annotations

import operator
import sys

_real_get = sys.getrecursionlimit
_real_set = sys.setrecursionlimit


class _Below:
    """The frames under way that CPython would not have (``frames``), and whether the
    program's view is installed."""
    frames = 0
    installed = False


def program_limit() -> int:
    return _real_get() - _Below.frames


def set_program_limit(limit) -> None:
    limit = operator.index(limit)
    if limit < 1:
        raise ValueError("recursion limit must be greater or equal than 1")
    _real_set(limit + _Below.frames)


program_limit.__doc__ = _real_get.__doc__
set_program_limit.__doc__ = _real_set.__doc__


def install(extra: int = 0) -> None:
    """The program's frames start ``extra`` frames deeper than CPython's (the launcher's):
    raise the real limit by that much, and show the program its own."""
    if not _Below.installed:
        _Below.installed = True
        sys.getrecursionlimit = program_limit
        sys.setrecursionlimit = set_program_limit
    if extra > 0:
        _Below.frames += extra
        _real_set(_real_get() + extra)


def deeper(extra: int, run, *args, **kw):
    """``run(*args, **kw)``, whose frames run ``extra`` deeper than CPython's would, with
    the real limit that much higher while it runs (a limit the program sets meanwhile is
    kept: it is set relative to ``below`` too)."""
    if extra <= 0:
        return run(*args, **kw)
    if not _Below.installed:
        install()
    _Below.frames += extra
    _real_set(_real_get() + extra)
    try:
        return run(*args, **kw)
    finally:
        _Below.frames -= extra
        _real_set(_real_get() - extra)
