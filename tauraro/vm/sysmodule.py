"""The ``sys`` module as a Tauraro program sees it.

Everything is the host's ``sys`` except what describes the program's own
execution: the recursion limit counts Tauraro frames (so a program that
recurses 1000 deep gets CPython's RecursionError at the same depth), and
``exc_info()`` reports the exception the program is handling.
"""
from __future__ import annotations

import sys
import types

from .state import STATE

# host Python frames per Tauraro frame (trampoline, run loop, block) plus headroom
_HOST_FRAMES_PER_FRAME = 4


def setrecursionlimit(limit):
    if not isinstance(limit, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(limit).__name__)
    if limit < 1:
        raise ValueError("recursion limit must be greater or equal than one")
    if limit <= STATE.depth:
        raise RecursionError("cannot set the recursion limit to %d at the recursion depth %d: "
                             "the limit is too low" % (limit, STATE.depth))
    STATE.recursion_limit = limit
    ensure_host_limit(limit)


def ensure_host_limit(limit):
    needed = limit * _HOST_FRAMES_PER_FRAME + 1000
    if sys.getrecursionlimit() < needed:
        sys.setrecursionlimit(needed)


def getrecursionlimit():
    return STATE.recursion_limit


def exc_info():
    e = STATE.handling
    if e is None:
        return (None, None, None)
    return (type(e), e, e.__traceback__)


class SysModule(types.ModuleType):
    """Forwards to the host ``sys`` except for the names defined on the instance."""

    def __getattr__(self, name):
        return getattr(sys, name)

    def __setattr__(self, name, value):
        if name in self.__dict__ and name in _OWN:
            types.ModuleType.__setattr__(self, name, value)
        else:
            setattr(sys, name, value)

    def __dir__(self):
        return sorted(set(dir(sys)) | set(self.__dict__))


_OWN = {"setrecursionlimit", "getrecursionlimit", "exc_info"}

SYS = SysModule("sys", sys.__doc__)
for _name in _OWN:
    types.ModuleType.__setattr__(SYS, _name, globals()[_name])
