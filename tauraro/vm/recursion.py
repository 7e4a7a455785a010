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

The JIT's own work at a loop's trip or a function's first calls -- its controller, the
register compiler, typing and code generation, hundreds of frames at their deepest --
runs on the program's stack too, where a program near its limit (deep recursion, or a
limit of 40) has no room for it: it runs with HEADROOM more (``headroom``), which any
program code it runs meanwhile (``deeper``: the resume interpreter) does not get.
"""
from __future__ import annotations

import operator
import sys
from sys import _getframe

_real_get = sys.getrecursionlimit
_real_set = sys.setrecursionlimit


# the frames the JIT's own work may take beyond the program's limit (``headroom``)
HEADROOM = 600
# how near the program's limit the JIT does nothing (``headroom``)
NEAR = 16


# the greatest limit (a C int), and how far below it the real one stays where the program
# sets one near it: the frames below and the JIT's room are added to it, and must not overflow
_INT_MAX = 2 ** 31 - 1
_CLAMP = _INT_MAX - 65536
_TOO_LOW = "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low"


class _Below:
    """The frames under way that CPython would not have (``frames``), the room the JIT's
    work has beside them (``room``), the limit the program set where the real one could
    not be that far above it (``clamped``), and whether the program's view is installed."""
    frames = 0
    room = 0
    clamped = None
    installed = False


def program_limit() -> int:
    clamped = _Below.clamped
    if clamped is not None:
        return clamped
    return _real_get() - _Below.frames - _Below.room


def set_program_limit(*args, **kw) -> None:
    """sys.setrecursionlimit as the program sees it: its errors CPython's, their depth the
    program's."""
    if kw:
        raise TypeError("sys.setrecursionlimit() takes no keyword arguments")
    if len(args) != 1:
        raise TypeError("sys.setrecursionlimit() takes exactly one argument (%d given)" % len(args))
    limit = operator.index(args[0])
    if not -_INT_MAX - 1 <= limit <= _INT_MAX:
        raise OverflowError("Python int too large to convert to C int")
    if limit < 1:
        raise ValueError("recursion limit must be greater or equal than 1")
    real = limit + _Below.frames + _Below.room
    clamped = None
    if real > _CLAMP:
        real, clamped = _CLAMP, limit
    try:
        _real_set(real)
    except RecursionError as e:
        # (CPython's depth: this call's frame, which CPython's C function does not have,
        # and the frames below not counted)
        depth = int(str(e).split("depth ")[1].split(":")[0]) - _Below.frames - _Below.room - 1
        if depth >= limit:
            raise RecursionError(_TOO_LOW % (limit, depth)) from None
        _real_set(real + 1)         # (as deep as the limit: CPython's call, one frame less, sets it)
        clamped = limit
    _Below.clamped = clamped


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
    kept: it is set relative to ``below`` too) -- and without the JIT's ``headroom``: it
    runs the program's code, which must meet the limit where CPython's would."""
    room = _Below.room
    if extra <= 0 and not room:
        return run(*args, **kw)
    if not _Below.installed:
        install()
    extra = max(extra, 0)
    _Below.frames += extra
    _Below.room = 0
    _real_set(_real_get() + extra - room)
    try:
        return run(*args, **kw)
    finally:
        _Below.frames -= extra
        _Below.room = room
        _real_set(_real_get() - extra + room)


def headroom(at_the_limit, run, *args):
    """``run(*args)``, the JIT's own work at a trip of the program's code, with HEADROOM
    more frames than the program's limit leaves (the program's view of its limit kept).
    The program's code it runs goes through ``deeper``, which takes the room back.
    ``at_the_limit`` instead where the stack is within NEAR frames of the limit: the JIT
    does nothing there, and the program goes on as CPython's would. (Native code left
    mid-iteration there would have the resume interpreter finish the iteration a few
    frames deeper, where on 3.11 each call of a builtin counts against the limit too --
    a helper doing ``s ^= i`` raised RecursionError where CPython's inline operation does
    not; and the room must be taken back where the stack is not at the lower limit.)"""
    if not _Below.installed or _Below.room:
        return run(*args)
    try:
        limit = _real_get()
        _getframe(limit - NEAR)
    except ValueError:          # (the stack is not that deep)
        pass
    except RecursionError:      # (3.11, at the very limit: not even a builtin's call fits)
        return at_the_limit
    else:
        return at_the_limit
    _real_set(limit + HEADROOM)
    _Below.room = HEADROOM
    try:
        return run(*args)
    finally:
        _Below.room = 0
        _real_set(_real_get() - HEADROOM)
