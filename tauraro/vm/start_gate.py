"""Before the JIT is started: a loop's trips are timed here, none of the JIT's modules imported.

Starting the JIT costs START_SECONDS (~20 ms) once per run. A loop's trip starts it when
the work the loop is known to have left is worth that much, or once the program has run
that long since its first loop got hot (``JitController._start_pays``). Asking the
controller meant importing it, with the JIT's types, the register bytecode's loader and the
file's register bytecode (compiled, ~5 ms more, where no cache holds it): ~9-10 ms of a
run, at the first trip of every program with a hot loop. In a program whose loops never
pay for the start that was all the JIT did -- a fifth of short_norms.py's ~50 ms.

So until some loop's trip could start the JIT, the trips are the hook's own
(``StartGate.trip``), by the controller's rules:

- the work a for loop has left: its iterations left (``jit.iterations.iterations_left``)
  at what its iterations took since its first trip, BASELINE_SECONDS_PER_ITERATION at
  least. A while loop's is not known.
- a trip could start the JIT if that work is worth START_SECONDS, or once the program has
  run GATE_SECONDS since the first trip here. Module-level code runs once: where its loop
  nest's work left is known (``JitController._module_work_left``), the trip could start
  it, late or not, only if FIRST_ENTRY_SHARE of that work pays for the start and a compile
  (the controller's ``_first_entry_limit``). GATE_SECONDS is half of START_SECONDS: the controller's
  clock for its own late start runs from the first trip here, as it ran from its first
  trip when it was made there, and the imports then took about the other half (with all
  of START_SECONDS here, spectral_norm.py's JIT started ~15 ms later, into its timed
  loops: 0.054 -> 0.068 s).
- a for loop whose trips keep finding fewer than SHORT_LEFT iterations left, with no loop
  nested in it, is left to the baseline at its SHORT_TRIPS-th (``_short_runs``): its runs
  then go as written, uncounted. One that has had longer runs waits past such a trip --
  until the program is late.
- otherwise its next trip is FIRST_CHECK_ITERATIONS later, then after START_CHECK_SECONDS
  of its iterations, at least twice as many each time, and no later than the point where
  the program has run GATE_SECONDS; and the loop it is nested in trips next (the
  controller's ``Decision.parent``: that loop's work, this one's runs in it, may pay).
- a comprehension's run could start the JIT if its length at the floor of an element's
  cost is worth START_SECONDS, or late -- not late for one that runs once (``may_start``).
- a loop's trip that could start the JIT by these rules does not where an earlier run of
  the same source, whose JIT started, gave up on the loop (``tauraro.vm.start_memory``,
  ``_start``): the loop is left to the baseline, unless it has many more iterations left.

A trip that could start it goes the whole way: the controller is made (its clock for the
start set to the first trip here, so its rules go on where these left off) and, from then
on, it decides every trip of every loop. As the register bytecode of a function is first
looked at, the loops of it the gate timed hand their probes over (``Probe.hand_over``):
their iterations, runs and first trips are the controller's -- an enclosing loop's work is
weighed by its nested loops' iterations (without them, particles.py's nested loop was
compiled alone first, 12 ms of copies). What needs the register bytecode -- a loop that
does not compile, ``_short_probe``'s runs ended early by a break or a return -- waits for
it: a loop whose work does not pay for the start counts on, its trips further apart each
time.

``--jit-stats`` reports a loop that never got past the gate as the controller reports one
it did not start the JIT for: interpreted, with the work it was known to have left.
"""
from __future__ import annotations

from time import process_time as _process_time

from ..jit.iterations import iterations_left
from ..jit.settings import (BASELINE_SECONDS_PER_ITERATION, COMPILE_SECONDS, FIRST_CHECK_ITERATIONS, FIRST_ENTRY_SHARE,
                            GATE_SECONDS, NESTING_START_MOST,
                            NOT_STARTED, SHORT_LEFT, SHORT_TRIPS, START_CHECK_SECONDS, START_COUNTDOWN,
                            START_SECONDS)


class Probe:
    """One loop's trips at the gate (a LoopSite's ``probe``)."""
    __slots__ = ("first", "mark", "per", "countdown", "known_trips", "longest_left", "reason", "status", "qualname")

    def __init__(self, qualname: str):
        self.first = None               # (process time, iterations counted) at its first trip
        self.mark = 0                   # iterations counted at its last trip
        self.per = None                 # what an iteration took since its first trip, as of its last
        self.countdown = START_COUNTDOWN
        self.known_trips = 0            # trips that found fewer than SHORT_LEFT left
        self.longest_left = 0           # the most iterations it had left at a trip
        self.reason = None              # why its last trip did not start the JIT (--jit-stats)
        self.status = "interpreted"     # (or "left to the baseline", given up at the gate)
        self.qualname = qualname

    def hand_over(self, st, controller) -> int:
        """The controller is made: its state ``st`` of this loop takes what the gate learnt
        of it -- its first trip's time for ``_start_pays``' timing, its runs' iterations left
        for ``_short_runs``, its next countdown, whether it was given up -- and the
        iterations it counted up to its last trip, which are returned (the site reports only
        the rest at its next trip)."""
        if self.first is not None and st.first_trip is None:
            st.first_trip = (self.first[0], self.first[1], None)
        st.interpreted_iterations += self.mark
        st.longest_left = max(st.longest_left, self.longest_left)
        st.known_trips += self.known_trips
        st.start_countdown = self.countdown
        if self.status != "interpreted":
            controller.give_up(st, self.status, self.reason)
        elif st.status == "interpreted" and self.reason is not None:
            st.reason = self.reason
        return self.mark


class StartGate:
    """The trips of a run's loops until one could start the JIT (see the module's docstring)."""

    def __init__(self, start_seconds: float = START_SECONDS, late_seconds: float = GATE_SECONDS, memory=None):
        self.start_seconds = start_seconds
        self.late_seconds = late_seconds
        self.first_hot = None           # the process time of the first trip of all
        # the loops earlier runs' JIT gave up on (a StartMemory, None: none kept)
        self.memory = memory

    def trip(self, site, it, frame, counted: int):
        """A trip of ``site``'s loop (``it``: its iterator, None for a while loop), which has
        counted ``counted`` iterations in all: None where it could start the JIT (the trip
        goes the whole way); else the countdown to its next trip, or a str: the reason it is
        left to the baseline."""
        first = site.probe is None or site.probe.first is None
        decision = self._trip(site, it, frame, counted)
        if first and site.probe.first is not None:
            # (the loop's iterations are timed from the end of its first trip: that trip's
            # own work, 6-70 us, was a third of the 200 iterations timed after it in
            # bfs_adjacency.py)
            site.probe.first = (_process_time(), counted)
        return decision

    def _trip(self, site, it, frame, counted: int):
        now = _process_time()
        if self.first_hot is None:
            self.first_hot = now
        p = site.probe
        if p is None:
            p = site.probe = Probe(frame.f_code.co_qualname)
        left = -1
        if it is not None:
            try:
                left = iterations_left(it)
            except Exception:           # (an iterator's own __length_hint__ raised: the controller's)
                return self._start(site, -1)
        per, measured = BASELINE_SECONDS_PER_ITERATION, False
        if p.first is None:
            p.first = (now, counted)
        elif counted > p.first[1]:
            then, was = p.first
            per, measured = max(per, (now - then) / (counted - was)), True
        p.mark = counted
        p.per = per if measured else None
        child = _nested_in(site, frame)
        nests = child is not None
        if child is not None and child.probe is not None:
            # (an iteration runs the nested loop's run, at what its iterations took: the
            # estimate the controller's _seconds_per_iteration makes. Without it, matmul_rows'
            # row loop waited two rows, ~30,000 multiplications as written, to be timed)
            per = max(per, (child.probe.longest_left + 1) * _iteration_seconds(child, frame))
        late = now - self.first_hot >= self.late_seconds
        if left >= 0:
            p.longest_left = max(p.longest_left, left)
            if left < SHORT_LEFT and site.info.kind == "for" and not nests:
                p.known_trips += 1
                if p.known_trips < SHORT_TRIPS or p.longest_left >= SHORT_LEFT:
                    # (near a run's end: not now -- unless it is late and the loop has had
                    # runs long enough, whose trips may all come near their ends, at the same
                    # place in runs of one length: a loop over ``combo * 6``, 42 iterations a
                    # run, held that way 3.2*10^6 iterations to its end, one run in ~40. The
                    # controller, made, judges such trips itself: _short_runs)
                    if not (late and p.longest_left >= SHORT_LEFT):
                        return max(2, p.countdown)
                else:
                    return "its runs are too short for entries to pay: %d iterations left at most, at %d trips" \
                        % (p.longest_left, p.known_trips)
        start = self.start_seconds
        bound = _module_work_left(site, left, per, p, frame)
        if bound is not None:
            # (module-level code runs once: the nest's known work left is all it will do,
            # and its first entry pays for the JIT's start and a compile out of
            # FIRST_ENTRY_SHARE of it, or is refused -- JitController._first_entry_limit.
            # Work worth less is no reason to start the JIT, late or not: bfs_adjacency.py's
            # build loop, ~9 ms known, started it late, to be refused at its first entry)
            if bound * FIRST_ENTRY_SHARE >= start + COMPILE_SECONDS:
                return self._start(site, left)
            work, start = bound, (start + COMPILE_SECONDS) / FIRST_ENTRY_SHARE
        elif late:
            return self._start(site, left)
        else:
            work = max(left, 0) * per
            if work >= start:
                return self._start(site, left)
        p.reason = NOT_STARTED % (work * 1000, start * 1000)
        countdown = FIRST_CHECK_ITERATIONS if p.countdown == START_COUNTDOWN else min(
            max(int(START_CHECK_SECONDS / per) if measured else 0, 2 * p.countdown),
            NESTING_START_MOST if nests else 1 << 16)
        if not late:
            countdown = min(countdown, int((self.first_hot + self.late_seconds - now) / per) + 1)
        p.countdown = max(countdown, 1)
        return p.countdown

    def _start(self, site, left: int):
        """The trip could start the JIT: None -- or the reason its loop is left to the
        baseline, where an earlier run whose JIT started gave up on it and it does not have
        many more iterations left now (``tauraro.vm.start_memory``): the start would buy
        nothing again (str_building.py's loop, refused after its typing and sampling, ~15 ms
        of a 47 ms run)."""
        if self.memory is None:
            return None
        return self.memory.given_up(site.filename, site.info.line, site.info.kind, left)

    def may_start(self, n: int, once: bool = False) -> bool:
        """Could a comprehension's run of ``n`` elements start the JIT? Its work at
        BASELINE_SECONDS_PER_ITERATION an element is worth START_SECONDS, or the program has
        run GATE_SECONDS since the first trip here -- unless the comprehension runs ``once``
        (module-level code outside any loop: SiteInfo.once), whose run is all the work it
        will do, as a module-level loop nest's known work left is (``_module_work_left``): a
        script's ``max(x for x in data if ...)`` over 300,000 ints, ~8 ms, started the JIT
        late, its imports, and a copy and a compile that did not pay. (Its runs as written
        are not timed here: each is a call of the builtin, whose time the site does not see.)"""
        now = _process_time()
        if self.first_hot is None:
            self.first_hot = now
        if n * BASELINE_SECONDS_PER_ITERATION >= self.start_seconds:
            return True
        return not once and now - self.first_hot >= self.late_seconds


def _nested_in(site, frame):
    """A loop site nested directly in ``site``'s loop, in the code ``frame`` runs, or None."""
    k = site.info.id
    return next((c for c in frame.f_code.co_consts if type(c) is type(site) and c.info.parent == k), None)


def enclosing_site(site, frame):
    """The site of the loop ``site``'s loop is directly nested in, in the code ``frame``
    runs, or None (the hook's too: ``LoopSite._cut_parent``)."""
    k = site.info.parent
    if k < 0:
        return None
    return next((c for c in frame.f_code.co_consts if type(c) is type(site) and c.info.id == k), None)


def _iteration_seconds(site, frame) -> float:
    """What an iteration of ``site``'s loop costs, at least, by what the gate has seen: its
    own timing, or the floor, and its nested loop's longest run at what that loop's
    iterations cost."""
    p = site.probe
    per = p.per if p.per is not None else BASELINE_SECONDS_PER_ITERATION
    child = _nested_in(site, frame)
    if child is not None and child.probe is not None:
        per = max(per, (child.probe.longest_left + 1) * _iteration_seconds(child, frame))
    return per


def _module_work_left(site, left, per, p, frame):
    """What the loop nest of module-level code ``site`` is in has left to do, where that is
    known (``JitController._module_work_left``): its outermost loop, this one or the one it
    is directly nested in, is a for loop whose iterations left are known (a module-level
    loop's iterator is its site's ``i``), each of the enclosing loop's iterations at this
    loop's longest run seen. Else None."""
    if not site.info.module_level or site.info.kind != "for" or left < 0:
        return None
    if site.info.parent < 0:
        return left * per
    outer = enclosing_site(site, frame)
    if outer is None or outer.info.parent >= 0 or outer.info.kind != "for" or outer.i is None:
        return None
    try:
        outer_left = iterations_left(outer.i)
    except Exception:
        return None
    if outer_left < 0:
        return None
    return (left + outer_left * (p.longest_left + 1)) * per
