"""Where a loop over a range polls for Ctrl-C: once a chunk of iterations, not every one.

Native code leaves at a loop's header, its state intact, when the watchdog has set the
flag word (a Ctrl-C: ``tauraro.jit.interrupt``), and the emitter polls that word at every
back edge: a load and a branch, a third of a tight loop's time (``for i in range(n):
total += i``, 0.57 ns an iteration against 0.27 without: bench/steady_state.py). A region
of one loop over a range -- the loop ``accumulate`` gives a budget to
(``accumulate.range_test``) -- has a cheaper place for it: its header already compares
the position with a limit the entry computed. So here the limit is at most ``CHUNK``
steps on, and a run reaching it before the range's stop polls the flag there, leaves if
it is set (or if the run has spent its budget), else sets the next chunk's limit and goes
on (``Emitter.chunk_end``). The loop's back edge polls nothing.

A Ctrl-C then waits up to ``CHUNK`` iterations: only where the body's ops all take a
bounded time (no ``LONG`` op of the IR table: a str compare, a dict probe or a native call
take as long as their data or their callee), at most a few microseconds an iteration, a
few milliseconds in all. Any other region polls at every back edge, as before.

The region gets accumulate's budget if it has none (its exit is the state at the header,
a Ctrl-C's, which is where a set flag leaves from): a run then leaves after that many
iterations, once in a fiftieth of a second of the tightest loop, and the interpreter
enters it again.
"""
from __future__ import annotations

from . import accumulate

CHUNK = 1 << 12     # iterations between two polls of the flag word, at most


def run(graph):
    """Set ``graph.poll_chunk`` where the region's loop may poll once a ``CHUNK``."""
    test = graph.budget[0] if graph.budget is not None else accumulate.range_test(graph)
    if test is None or any(ins.opdef.long for ins in graph.all_instrs()):
        return
    if graph.budget is None:
        accumulate.give_budget(graph, test)
    graph.poll_chunk = CHUNK
