"""The program's young objects kept out of the collections the JIT's compiles cause.

CPython's cyclic collector runs a young collection every 700 or so container objects
made, and walks every container of the young generations, the program's too. A compile
makes thousands (the IR, the inference's tables, the wasm module), so the JIT ran
collections the program would not have run: a sieve's young list of 5*10^6 flags was
walked by a young collection and then by a middle one, ~24 ms each, 47 ms of a 0.5 s run
(the program alone ran none while the list lived). During a compile the objects that
exist are set aside (``gc.freeze``): the collections it causes walk only what it makes.
After it they are put back (``gc.unfreeze``) in the oldest generation, which only a full
collection walks. Garbage cycles of the program's that were young at that moment are
collected by the next full collection instead of a young one: when a collection runs is
not part of Python's semantics, and the JIT's allocations moved it anyway. Not done if
the collector is off, or objects are frozen already (unfreezing would thaw them): the
program froze them, or the Python did (a 3.12 build here starts with 375 frozen).

The collector is also off during the compile (if it was on): its young collections,
walking only the compile's own objects, were still 73 of them and 16 ms of a ray tracer's
0.5 s (79 collections of young and middle generations, 10 of a 0.2 s bouncing-balls run
for one loop). What a compile makes is freed by reference counts as it goes, but for its
cycles (an IR's blocks and instructions), which the first young collection after it
finds; the peak memory of those runs did not move.
"""
from __future__ import annotations

import gc


class CompileAside:
    """``with CompileAside():`` around a compile (see the module's docstring)."""
    __slots__ = ("frozen", "enabled")

    def __enter__(self):
        self.enabled = gc.isenabled()
        self.frozen = self.enabled and gc.get_freeze_count() == 0
        if self.frozen:
            gc.freeze()
        if self.enabled:
            gc.disable()
        return self

    def __exit__(self, *exc):
        if self.enabled:
            gc.enable()
        if self.frozen:
            gc.unfreeze()
        return False
