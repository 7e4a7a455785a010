"""What starting the JIT bought a program's loops in its earlier runs, kept between runs.

The start gate (``tauraro.vm.start_gate``) starts the JIT at a loop's trip when the work the
loop is known to have left looks worth the start, or late. What the JIT then finds is not
known there: a loop calling ``str(i)`` on a third of its iterations was typed, sampled and
refused (native runs would leave at once); a script's loops whose first entries would copy
more than their work pays for were refused at them. Such a run paid the JIT's start, ~15 ms
of imports, register bytecode, typing and sampling, for nothing: 1.3x the time of
``--no-jit`` on bench/patterns/str_building.py, every run.

So a run whose JIT started keeps, per file (``keep``, from ``JitController.loop_outcomes``):

- the loops the controller gave up on having run most of their iterations as written, or
  for what their native runs cost however many they ran, but not loops of functions
  compiled whole (their trips are what compile the function);
- every loop it looked at, where nothing of the run ran natively but loops it gave up on (a
  JIT started late that found nothing worth compiling, or whose few entries did not pay:
  bench/suite/matrix_lists.py's solver loops, ~500 native iterations of ~500,000);
- the functions it was asked to compile whole and did not (a tree's recursive insert, its
  arguments nodes: ``FunctionSite.slow`` then gives the function up before the JIT starts);

each with its reason and its iterations (or the most it had left at a trip, where that is
more). A later run's gate leaves such a loop to the baseline at the trip that would have
started the JIT for it (``given_up``; --jit-stats says "given up on in an earlier run"),
unless the loop is known to have more than GROWTH times those iterations left now (a bigger
input may pay where the smaller did not). Once another loop has started the JIT, such a loop
is left to the baseline the same way at its first trip after the start (``LoopSite._trip``),
before the controller types and samples it again: graph_structure.py's kruskal loop starts
the JIT at every run, and some twenty loops were judged afresh each time, each as in the
first run. A loop held so is kept as it was, whatever else the run keeps.
A run whose JIT did not start (a controller made only for --jit-stats' rows is no start)
leaves the entries as they were but counts the runs that held a loop for them: after RECHECK
such runs, the next reads nothing and asks the JIT again. An entry holds its file's source's
stamp and is read only for that source.

Kept under ``<cache root>/jit/starts``, beside the native code: ``--no-jit-cache`` (or
``TAURARO_CACHE=0``) keeps nothing and reads nothing, and runs under an explicit
``--jit-threshold`` have no gate to consult it. Keeping it is the last thing a run does
(``HookRuntime.close``); a failure there is the cache's, never the program's.
"""
from __future__ import annotations

import marshal
import os

from .. import cache
from .loader import CodeCache

# a loop given up on in an earlier run may start the JIT again where it is known to have more
# than GROWTH times the iterations it ran there left
GROWTH = 4
# a file's entry read by RECHECK runs that held a loop for it, and whose JIT did not start, is
# not read by the next: that run's JIT judges the loops afresh (a verdict a run's timing made
# -- a copy refused on a slow machine -- is not kept for ever)
RECHECK = 8
# (an entry's layout: changed, an older one is not read)
_FORMAT = "tauraro-starts-2"
# (what --jit-stats says of a loop held for it)
EARLIER = "given up on in an earlier run: "
# (the reason kept for a loop the JIT did not give up on, in a run where nothing ran natively
# but loops it gave up on)
NOTHING = "no loop of the run ran natively but those given up on"


class StartMemory:
    """The loops of a run's files given up on in earlier runs (read a file's entry at the
    first ask), and what this run gave up on (``keep``), under ``directory``."""

    def __init__(self, directory: str):
        self.directory = directory
        self._read: dict = {}           # filename -> [runs that held a loop for it, {(line, kind): (reason, iterations)}]
        self._stamps: dict = {}         # filename -> its source's stamp, read once a run
        self._held: set = set()         # the files for which this run held a loop
        self._held_loops: set = set()   # (filename, line, kind) of the loops it held

    def _path(self, filename: str) -> str:
        return cache.entry(self.directory, cache.key((_FORMAT, filename)), ".start")

    def _stamp(self, filename: str):
        """The stamp of the file's source (``CodeCache.stamp``), or None: read at the first
        ask, for the entry read and the one written."""
        if filename not in self._stamps:
            try:
                with open(filename, "rb") as f:
                    self._stamps[filename] = CodeCache.stamp(f.read())
            except OSError:
                self._stamps[filename] = None
        return self._stamps[filename]

    def _entry(self, filename: str) -> list:
        entry = self._read.get(filename)
        if entry is None:
            entry = [0, {}]
            try:
                with open(self._path(filename), "rb") as f:
                    form, name, stamp, holds, kept = marshal.loads(f.read())
                if form == _FORMAT and name == filename and stamp == self._stamp(filename) and holds < RECHECK:
                    entry = [holds, kept]
            except (OSError, ValueError, EOFError, TypeError):
                pass
            self._read[filename] = entry
        return entry

    def given_up(self, filename: str, line: int, kind: str, left: int):
        """Why the loop at ``line`` of ``filename`` (``kind`` "for" or "while") was given
        up on in an earlier run whose JIT started, if it was and does not have more than
        GROWTH times the iterations it ran there ``left`` now (-1: not known); else None."""
        kept = self._entry(filename)[1].get((line, kind))
        if kept is None:
            return None
        reason, iterations = kept
        if left > GROWTH * iterations:
            return None
        self._held.add(filename)
        self._held_loops.add((filename, line, kind))
        return EARLIER + reason

    def keep(self, outcomes) -> None:
        """A run whose JIT started ends: ``outcomes`` (``JitController.loop_outcomes``) are
        every loop it looked at, and those it gave up on having run most of their
        iterations as written are what later runs' gates read -- all of them, where no
        loop ran natively but those (a run whose JIT, started late, found nothing to compile:
        bench/suite/shortest_paths.py). The entry of each file is written, unless it holds
        that already."""
        outcomes = list(outcomes)
        # (a loop of a function compiled whole counts as run natively: its native calls;
        # what ran natively in a loop given up on having run most of its iterations as
        # written -- entries that did not pay -- bought the run nothing)
        nothing = not any(whole or native and (why is None or native > written and not lost)
                          for _, _, _, why, native, written, _, whole, lost in outcomes)
        files: dict = {}
        for filename, line, kind, why, native, written, longest_left, whole, lost in outcomes:
            given = files.setdefault(filename, {})
            # (not a loop of a function compiled whole: its loop's trips are what compiles it
            # -- is_prime's loop in bench/calls/loop_functions.py, given up on, ran most of
            # its iterations in native calls of is_prime; held, is_prime stayed as written.
            # One given up for what its native runs cost -- ``lost`` -- is held however many
            # of its iterations they ran: they bought the run nothing)
            if nothing or why is not None and (native <= written or lost) and not whole:
                reason = why if why is not None else NOTHING
                earlier = self._entry(filename)[1].get((line, kind))
                if reason.startswith(EARLIER) and earlier is not None:
                    # (held at this run's gate for it: its runs since went uncounted)
                    given[(line, kind)] = earlier
                else:
                    # (a loop left to the baseline runs on uncounted: its work is the
                    # most it was known to have left, where that is more)
                    given[(line, kind)] = (reason, max(native + written, longest_left))
        seen = {(filename, line, kind) for filename, line, kind, *_ in outcomes}
        for filename, line, kind in self._held_loops - seen:
            # (held at a trip the controller never saw -- at the gate before another loop
            # started the JIT, or at its first trip after: its entry is kept as it was)
            files.setdefault(filename, {})[(line, kind)] = self._entry(filename)[1][(line, kind)]
        for filename, given in files.items():
            holds, kept = self._entry(filename)
            if given != kept:
                self._write(filename, 0, given)
            elif filename in self._held:
                self._write(filename, holds + 1, given)

    def close(self) -> None:
        """A run whose JIT did not start ends: the entries it held a loop for count the run
        (``RECHECK``)."""
        for filename in self._held:
            holds, kept = self._entry(filename)
            self._write(filename, holds + 1, kept)

    def _write(self, filename: str, holds: int, given: dict) -> None:
        if not os.path.isabs(filename):
            return          # (a source that is no file: ``-c``, standard input)
        stamp = self._stamp(filename)
        if stamp is not None:
            cache.store(self._path(filename), marshal.dumps((_FORMAT, filename, stamp, holds, given)), "jit")
