"""Calls that look at their caller's frame, by the names programs call them by (a fact of
the source the baseline and the JIT both read, so it lives beside the compiler).

A debugger, tracing and profiling hooks, ``sys._getframe``, ``inspect``'s stack, and
logging and warnings (which report their caller's file and line) see the frame that
calls them. Where Tauraro's resume interpreter would be that caller -- finishing a loop
iteration after a side exit, or finishing an inlined function's call after an exit inside
it -- they would see its frame instead of the program's: the baseline keeps loops making
such calls out of native code (``tauraro.vm.instrument``), and the JIT re-runs a call of a
function making them instead of resuming inside it (``tauraro.jit.ir.record``).
"""
from __future__ import annotations

# called by a bare name or as a method (pdb.set_trace, sys._getframe, inspect.stack)
FRAME_CALLS = frozenset(("breakpoint", "set_trace", "settrace", "setprofile", "_getframe",
                         "currentframe", "stack", "getframeinfo"))
# logging's and warnings', as methods (logging.info, log.debug, logger.log, warnings.warn):
# a bare log(x) is math's far more often than logging's
LOGGING_CALLS = frozenset(("debug", "info", "warning", "warn", "error", "exception", "critical", "log"))
