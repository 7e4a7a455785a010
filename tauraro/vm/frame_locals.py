"""Reading a running function frame's variables without keeping them alive.

Under CPython 3.11 and 3.12 ``frame.f_locals`` of a function frame is a dict the frame
keeps: a snapshot of its variables, refreshed at each read of ``f_locals`` and held until
the frame ends. A hook that read it once kept every value the function held then alive
for the rest of the call, whatever the function rebound since: graph_structure.py's
``main``, whose loop tripped once, held its first graph's lists of 85,000 and 40,000
elements through the later rounds, and every full collection of the garbage collector
walked them (tarjan's collection ~35 ms against ~13 under ``--no-jit``). So the hooks
read the snapshot and then empty it (``let_go``): the frame's own variables are not in
it (they are its fast locals), and any later read of ``f_locals`` -- a tracer's, a
debugger's -- makes it again from them. Nothing of the program can hold that dict:
a function calling ``locals``, ``vars``, ``dir``, ``eval``, ``exec`` or looking at its
caller's frame has no hooks (``tauraro.vm.instrument``). Under 3.13 ``f_locals`` is a
view of the frame (PEP 667), which holds nothing, and emptying it would delete the
variables: left alone; so is a module's or a class body's namespace, which is the
real one.
"""
from __future__ import annotations

import sys

_SNAPSHOTS = sys.version_info < (3, 13)
_CO_OPTIMIZED = 0x1      # (inspect.CO_OPTIMIZED: the code of a function, with fast locals)


def let_go(frame, local) -> None:
    """Empty ``local``, the snapshot ``frame.f_locals`` gave, if it is one (see above)."""
    if _SNAPSHOTS and frame.f_code.co_flags & _CO_OPTIMIZED and local is not frame.f_globals:
        local.clear()
