"""Are the program's threads running? Native code must then run nothing.

Native code reads copies of the data it took in (a loop waiting on another thread's work
would wait for ever), and it runs with the GIL let go (ctypes), where two threads in one
wasmtime store race -- wrong sums, traps, wasmtime's abort. The program's threads are
``threading``'s and those it starts with ``_thread`` itself (which ``threading`` does not
list); Tauraro's own, also ``_thread``'s, are counted out: the Ctrl-C watchdog, for good
(``started_own``), and the engine made aside at the JIT's start, waited for until it is
gone (``JitController._made_aside``).
"""
from __future__ import annotations

import _thread
import sys

_count = _thread._count
_own = [0]          # Tauraro's threads that run for good


def started_own() -> None:
    """One of Tauraro's threads that runs for good was started."""
    _own[0] += 1


def program_threads() -> bool:
    """Does the program run threads besides its main one?"""
    if _count() > _own[0]:
        return True
    threading = sys.modules.get("threading")      # (a Thread started, not yet running)
    return threading is not None and len(threading._active) + len(threading._limbo) > 1


def program_threads_test(const) -> str:
    """``program_threads()`` as an expression of generated code (``const(value)``: the name
    of ``value`` in its namespace): the same C-level calls, without the Python frames -- a
    function compiled whole's prologue asks at every call (``tauraro.jit.functions``)."""
    return ("%s() > %s[0] or (th := %s.get('threading')) is not None and len(th._active) + len(th._limbo) > 1"
            % (const(_count), const(_own), const(sys.modules)))
