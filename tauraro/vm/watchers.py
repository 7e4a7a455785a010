"""Is something watching the program run, event by event? Then native code must not run.

A tracer (``sys.settrace``) sees every line, a profiler (``sys.setprofile``) every call,
and on 3.12+ a ``sys.monitoring`` tool whatever events it asked for -- cProfile is one
there, not a profiler of ``sys.getprofile``. Native code makes no events: an iteration or
a call run natively would be missing from what they count. (The instrumented code itself
tests ``sys.gettrace()`` before calling a site: ``tauraro.vm.instrument``.)
"""
from __future__ import annotations

import sys

_getprofile = sys.getprofile
_gettrace = sys.gettrace        # (the real one: the program's hides the JIT's sampler)
_monitoring = getattr(sys, "monitoring", None)
_TOOLS = range(6)
_samplers: set = set()          # the global trace functions of the JIT's line samples

#: What the instrumented code's ``<sys>`` is (``tauraro.vm.loader``): the real gettrace and
#: getprofile, for it must see the JIT's sampler as a tracer (and wait while it runs).
SYS_VIEW = type(sys)("sys")
SYS_VIEW.gettrace = _gettrace
SYS_VIEW.getprofile = _getprofile
real_gettrace = _gettrace


def program_gettrace():
    """``sys.gettrace()`` as the program sees it: the trace function it set, or None --
    not the one a line sample of the JIT's sets for a while (``tauraro.vm.linesample``),
    which a program saving and restoring the tracer, or asking whether a debugger runs,
    would otherwise find."""
    fn = _gettrace()
    return None if fn in _samplers else fn


def sampling(fn) -> None:
    """``fn`` is a line sample's global trace function, set now (see program_gettrace)."""
    _samplers.add(fn)


def sampled(fn) -> None:
    _samplers.discard(fn)


def install() -> None:
    """The program's ``sys.gettrace`` (from its start)."""
    sys.gettrace = program_gettrace


def profiled() -> bool:
    """A profiler, or (3.12+) a monitoring tool."""
    if _getprofile() is not None:
        return True
    if _monitoring is not None:
        get_tool = _monitoring.get_tool
        for tool in _TOOLS:
            if get_tool(tool) is not None:
                return True
    return False


def watched() -> bool:
    """A tracer (the JIT's sampler too), a profiler or (3.12+) a monitoring tool."""
    return _gettrace() is not None or profiled()
