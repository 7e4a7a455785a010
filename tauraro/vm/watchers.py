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
_gettrace = sys.gettrace
_monitoring = getattr(sys, "monitoring", None)
_TOOLS = range(6)


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
    """A tracer, a profiler or (3.12+) a monitoring tool."""
    return _gettrace() is not None or profiled()


def watched_test(const) -> str:
    """``watched()`` as an expression of generated code (``const(value)``: the name of
    ``value`` in its namespace): the same C-level calls, without the Python frames -- a
    function compiled whole's prologue asks at every call (``tauraro.jit.functions``)."""
    parts = ["%s() is not None" % const(_gettrace), "%s() is not None" % const(_getprofile)]
    if _monitoring is not None:
        get_tool = const(_monitoring.get_tool)
        parts += ["%s(%d) is not None" % (get_tool, tool) for tool in _TOOLS]
    return " or ".join(parts)
