"""How many iterations a for loop has left, read from its iterator alone.

Light on purpose (it imports nothing of the JIT's): the controller weighs a loop's work
left by it (``JitController._iterations_left``), and so does the hook's start gate before
the controller is made (``tauraro.vm.start_gate``), where importing the JIT is the cost
being avoided.
"""
from __future__ import annotations

from operator import length_hint as _length_hint

# (zip and enumerate objects, which have no length hint: their iterators have)
COMBINED_TYPES = (zip, enumerate)


def advanced_iterators(it) -> tuple:
    """The iterators a zip or enumerate object ``it`` advances, read from its pickling
    state (an enumerate's one: the count beside it is not one)."""
    inner = it.__reduce__()[1]
    return inner[:1] if type(it) is enumerate else inner


def iterations_left(it) -> int:
    """The iterations left in ``it``: its length hint (a range's or a list's: known without
    running it) -- for zip and enumerate, which have none, from the iterators they advance
    (the least, for zip; nqueens.py's check of a board's few queens, over
    enumerate(board), was compiled and entered, its short runs not seen). -1 if not
    known. (An iterator's own ``__length_hint__`` may raise: the caller's to catch.)"""
    if type(it) in COMBINED_TYPES:
        # (a zip inside: its own iterators' -- enumerate(zip(a, b)), the baseline's zip of a
        # count and that zip)
        hints = [iterations_left(x) if type(x) is zip else _length_hint(x, -1) for x in advanced_iterators(it)]
        return -1 if not hints or min(hints) < 0 else min(hints)
    return _length_hint(it, -1)
