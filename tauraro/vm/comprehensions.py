"""Comprehension sites: list comprehensions, and generator expressions that ``sum``,
``min``, ``max``, ``any`` or ``all`` consume, whose elements native code computes.

A comprehension has no statements to put a loop's hook in, so the baseline
(``Instrumenter.listcomp`` and ``Instrumenter.genexp``) wraps the expression:
while the site is cold it runs as written; when it is hot, the site gets the
comprehension's iterator and

1. finds the comprehension as register bytecode: the ``<listcomp>`` code object
   inside its function's (for a generator expression, the same loop compiled to
   build a list instead of yielding: ``CodeObject.as_list``), whose one loop is
   the region compiled;
2. makes that code's register frame: the iterator in ``.0``, the enclosing
   variables it reads in fresh cells (it cannot assign them: no ``:=`` is
   compiled), and for the list a ``Building`` -- an empty list with the element
   type to build (int, float or bool: the site's guess, changed when an append
   of another type stops native code) and the room to reserve;
3. lets the JIT controller run the loop natively, as it runs any loop.

Native code either finishes the loop, or stops early: a guard failing, the
reserved room full, Ctrl-C. Nothing inside an iteration changes what the
program can see before its element is appended (the comprehension stores into
nothing, assigns nothing outside itself, and an inlined callee's stores are
exits: ``LoopState.reruns_iterations``), so an iteration native code did not
finish is simply run again: the
iterator is moved back one element, and CPython runs the rest of the
comprehension as written, over that iterator, after the elements built so far.
An exception is then CPython's own, raised with its own traceback; a Ctrl-C
that arrived natively is raised at the comprehension.

A comprehension with several ``for`` clauses is one region too: the outer loop,
its inner loops inside it (the register code nests them). Native code may stop
anywhere in them, so the exit says where each clause's loop is
(``ComprehensionSite._nested_exit``): the innermost loop it stopped in (at its
header; or inside an iteration, which changed nothing the program sees, so that
iterator is moved back one), the iterators of the loops around it (just past the
elements whose inner loops ran), and the values the outer targets were bound to.
CPython then runs ``tauraro.vm.instrument._resumable``'s comprehension over that
list: the rest of the innermost loop with the outer targets bound again (their
conditions held already: not tested again), its inner clauses as written; then the
rest of each loop around it, out to the outer one -- the iterations and elements
the comprehension as written would have gone on with, in its order. The inner
iterators are the region's own (a GET_ITER of an iterator the program holds leaves
native code): an exit makes them anew at the position reached. The room for the
list is checked at every loop's header; filled at an inner one, CPython finishes
that outer iteration (then a generator expression's next chunk is native again; a
list comprehension's rest is CPython's, and it reserves more room next time).

A list comprehension's value is the list built. A generator expression's
elements are built a chunk at a time (so memory stays small) and handed to the
builtin that consumes them through ``itertools.chain``: the builtin sees the
same elements in the same order as from the generator, so its result -- a
sorted list's order among equals, a set's first of equal elements -- is the one
CPython computes. ``sum``, ``min``, ``max``, ``any`` and ``all`` of numbers are
folded natively instead, as the builtin folds them (``GeneratorSite``; a 3.12+
float sum compensated as its ``sum`` is).
"""
from __future__ import annotations

import gc
import itertools
import math
import operator
import struct
import sys
import time
import types

from ..boundary import BUILTINS
from ..jit.collector import CompileAside
from ..jit.settings import BASELINE_SECONDS_PER_ITERATION, NOT_STARTED, START_SECONDS
from .bycode import ByCode
from .errors import InternalError, signal_handler_tail
from .frame_locals import let_go
from .recursion import headroom
from .watchers import watched
from .rewind import DICT_ITERATORS, RANGE_ITER, RELATIVE_RANGE_STATE, rewound



class _NotAside:
    """``with``'s nothing to do: a run whose register bytecode is known makes no compile
    (contextlib's nullcontext would import contextlib, collections and functools, ~2.5 ms
    of a run whose JIT never starts)."""
    __slots__ = ()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


_NO_ASIDE = _NotAside()
_TRANSFER = __name__.rsplit(".", 2)[0] + ".jit.transfer"     # (the module, by its name: _lists_kept)
# runs that are too short for an entry to pay, in a row, after which the site stays cold
SHORT_RUNS = 16
# below this many elements an entry does not pay (it costs a few microseconds; CPython
# appends an element in tens of nanoseconds)
MIN_LENGTH = 64
# elements of a generator expression built per native run: memory stays bounded, and each
# run's entry (which copies the lists the loop reads) is paid once per this many elements
CHUNK = 1 << 18
# iterations (of all its loops) per outer iteration a comprehension with several ``for``
# clauses is taken to have until a native run counted them (how long it runs, for when an
# entry pays; its outer iterator's length counts only the outer iterations)
NESTED_GUESS = 64
# the most room a list comprehension with several ``for`` clauses reserves: that of the
# longest list it made (its rest, after the room filled inside an outer iteration, is
# CPython's: see ComprehensionSite.run), CHUNK at first
NESTED_ROOM = 1 << 22
# native runs must take less than this share of CPython's time per element, else the
# comprehension is left to CPython: a run copies in the lists it reads and makes Python
# objects of what it built, which a light element does not repay. The first two native runs
# that finish are timed, then one run as written (see ComprehensionSite.finish)
PAYS = 0.9
TIMED_RUNS = 2
# (a native run is compared with the run as written if it went over at least 1/COMPARABLE
# of its elements; else the runs are timed again, at most RETIMES times)
COMPARABLE = 4
RETIMES = 2
# a native run this long or longer that does not pay means native runs do not (its entry's
# fixed costs are a few ns of each element's); after a shorter one, runs under SHORTER
# times its length are left as written, and longer ones timed again
LONG_RUN = 20000
SHORTER = 8
# what CPython spends on an element of a comprehension with one ``for`` clause, at least: a
# floor, from its register instructions (3.11-3.13: ``[x for x in xs]`` 7-9 ns an element,
# ``sum(x for x in xs)`` 20, ``sum((x - m) * (x - m) for x in xs)`` 52, a list of a small
# function's values 85). Native runs that take less than PAYS times this need no run as
# written to be judged: timing one cost a comprehension run by CPython (a fifth of the work
# of a program making each of its comprehensions five times)
ELEMENT_FLOOR_NS = 5.0
INSTRUCTION_FLOOR_NS = 2.0
CALL_FLOOR_NS = 40.0
_SKELETON = frozenset(("FOR_ITER", "LIST_APPEND", "JUMP", "JUMP_BACK", "MOVE", "NOP"))
_ZIP = zip
# what a generator expression's elements may be handed to (the builtin, by name): those
# folded natively, and those that take every element in order (handed the elements built)
REDUCERS = {name: BUILTINS[name] for name in ("sum", "min", "max", "any", "all", "list", "tuple",
                                                       "sorted", "set", "frozenset")}


def _closed():
    """A finished generator: its ``throw`` raises the exception given, from the caller's
    frame alone (no frame of Tauraro's shows in the traceback)."""
    def gen():
        yield
    g = gen()
    g.close()
    return g


def _dict_element_again(it, view):
    """A dict iterator only moves forward: the element it gave last, found again in the
    dict (skipped to at C speed: an exit's rare path), chained before it -- which still
    raises as CPython's does if the dict changes size. None if the dict changed size
    already (its length hint is 0 then) or is a subclass's."""
    d = [o for o in gc.get_referents(it) if type(o) is dict]
    if len(d) != 1:
        return None
    d = d[0]
    taken = len(d) - it.__length_hint__()
    if not 0 < taken <= len(d):
        return None
    again = iter(view(d))
    element = next(itertools.islice(again, taken - 1, None))
    return itertools.chain((element,), it)


def _rewound(it):
    """An iterator giving the element ``it`` gave last, then the rest of ``it``'s, and
    leaving ``it`` exhausted when it is: list and tuple iterators (and range iterators
    before 3.12) move back in place; a 3.12+ range iterator only moves forward, so its
    last element is put in front of it; a zip does this for each iterator it holds. (An
    inner loop's iterator is one an exit made; a range iterator made so starts at 0.)"""
    t = type(it)
    if t is RANGE_ITER and not RELATIVE_RANGE_STATE and not it.__reduce__()[2]:
        # (before 3.12: made by a native exit at its position, an inner loop's iterator
        # that nothing else holds: its range starts at the element it gives next)
        _, (rng,), _ = it.__reduce__()
        return iter(range(rng.start - rng.step, rng.stop, rng.step))
    if t is _ZIP:
        return _ZIP(*[_rewound(inner) for inner in it.__reduce__()[1]])
    again = rewound(it)         # (in place, or a 3.12+ range iterator behind its element)
    if again is None and t in DICT_ITERATORS:
        again = _dict_element_again(it, DICT_ITERATORS[t])
    if again is None:
        raise InternalError("the comprehension's iterator cannot be moved back")
    return again


def _compensated(hi: float, lo: float) -> float:
    """The float a compensated sum (3.12+) of the parts ``hi`` and ``lo`` comes to: the
    compensation added unless it is 0 or not finite (so an infinite or overflowed sum
    stays what it is), as CPython's sum() ends."""
    return hi + lo if lo and math.isfinite(lo) else hi


def _sum_on(hi: float, lo: float, n: int, rest):
    """What sum() is handed to compute what CPython's sum() of all the elements computes,
    after native code added ``n`` of them and reached ``(hi, lo)``: CPython's float path
    goes on here over ``rest`` (the generator expression as written), then sum() is handed
    the float it comes to, and the element that left the float path and the rest after
    it, if one did. sum() starts from 0, and 0 plus that float is the float (a total from
    0.0 is never -0.0, which only -0.0 plus -0.0 makes); its float path then leaves at that
    element with nothing to compensate, and adds the rest as its generic loop does.

    The elements are taken by C iterators (``filter`` asking ``_FloatPath.leaves`` of
    each), so no frame of this module is on the stack while the generator expression
    runs: an exception it raises has CPython's traceback, printed by the program too."""
    if not n:
        return rest
    path = _FloatPath(hi, lo)
    return itertools.chain.from_iterable(path.chunks(rest))


def _lists_kept() -> int:
    """``Transfer.lists_kept``: the lists any entry has kept so far -- none before the JIT's
    transfer module is loaded (imported just to read this, it cost a program whose JIT
    never started ~15 ms)."""
    transfer = sys.modules.get(_TRANSFER)
    return transfer.Transfer.lists_kept if transfer is not None else 0


class _FloatPath:
    """CPython's float path of sum() (3.12+), from a compensated total ``(hi, lo)``."""
    __slots__ = ("hi", "lo", "left")

    def __init__(self, hi, lo):
        self.hi, self.lo = hi, lo
        self.left = False

    def chunks(self, rest):
        # (the float and the element that left the path, once filter finds it; else the float)
        yield itertools.chain.from_iterable(map(self._then, itertools.islice(filter(self.leaves, rest), 1)))
        if not self.left:
            yield (_compensated(self.hi, self.lo),)
            return
        yield rest

    def _then(self, x):
        self.left = True
        return _compensated(self.hi, self.lo), x

    def leaves(self, x) -> bool:
        """Adds ``x`` as the float path does and answers False; True for an element that
        leaves it: not an exact float, nor an int that fits a C long (added as a double,
        compensated too where this Python does that, ``_INTS_COMPENSATED``)."""
        if type(x) is not float:
            if not isinstance(x, int):
                return True
            v = int.__int__(x)          # (its value: a subclass's own methods are not asked)
            if not _LONG_MIN <= v <= _LONG_MAX:
                return True
            if not _INTS_COMPENSATED:
                self.hi += float(v)
                return False
            x = float(v)
        hi = self.hi
        t = hi + x
        self.lo += (hi - t) + x if abs(hi) >= abs(x) else (x - t) + hi
        self.hi = t
        return False


_LONG_MAX = 2 ** (8 * struct.calcsize("l") - 1) - 1     # (a C long's range)
_LONG_MIN = -_LONG_MAX - 1
# (3.12 and 3.13 add an int to the total uncompensated: 1e16 plus two ones stays 1e16)
_INTS_COMPENSATED = sum([1e16, 1, 1]) != 1e16


def _length(it) -> int:
    """How many elements ``it`` has left (a zip: its shortest iterator's count)."""
    if type(it) is _ZIP:
        return min((_length(inner) for inner in it.__reduce__()[1]), default=0)
    return operator.length_hint(it)


class _Target:
    """The comprehension as register bytecode: its code, its loop, where its iterator
    and its list live, and the JIT's state for the loop; with several ``for`` clauses,
    their loops (outermost first: the first is the region) and each variable's register."""
    __slots__ = ("code", "loop", "iter_reg", "list_reg", "append_value", "state", "levels", "regs", "floor_ns")

    def __init__(self, code, loop, state, levels=()):
        self.code = code
        self.loop = loop
        self.levels = list(levels) or [loop]
        self.regs = {name: reg for reg, name in code.regnames.items()}
        self.iter_reg = code.instrs[loop.header].args[1]        # FOR_ITER's iterator
        self.list_reg = next(ins.args[0] for ins in code.instrs if ins.op.name == "BUILD_LIST")
        # pc of each LIST_APPEND -> the register it appends
        self.append_value = {pc: ins.args[1] for pc, ins in enumerate(code.instrs)
                             if ins.op.name == "LIST_APPEND"}
        self.state = state
        self.floor_ns = self._floor_ns()

    def _floor_ns(self) -> float:
        """What CPython spends on an iteration, at least (ELEMENT_FLOOR_NS): the loop's body
        beyond iterating and appending, a call counting CALL_FLOOR_NS. With several ``for``
        clauses, an iteration of any of their loops (what a nested comprehension's runs are
        timed by: ``ComprehensionSite.per_outer``), the least of their bodies' own -- each
        without the clause nested in it: pairs of nearby samples, ``for i in range(n) for j
        in range(i + 1, i + w)``, were timed by a run as written, a fifth of the work of a
        program making it five times, to learn that native runs cost a fifth of its floor."""
        instrs = self.code.instrs
        floors = []
        for k, loop in enumerate(self.levels):
            inner = self.levels[k + 1] if k + 1 < len(self.levels) else None
            ns = ELEMENT_FLOOR_NS
            for pc in range(loop.header, loop.end):
                if inner is not None and inner.header <= pc < inner.end:
                    continue
                name = instrs[pc].op.name
                if name.startswith("CALL"):
                    ns += CALL_FLOOR_NS
                elif name not in _SKELETON:
                    ns += INSTRUCTION_FLOOR_NS
            floors.append(ns)
        return min(floors)


    def level_at(self, pc) -> int:
        """The ``for`` clause (1 the outermost) whose loop holds ``pc`` innermost."""
        for m in range(len(self.levels), 0, -1):
            loop = self.levels[m - 1]
            if loop.header <= pc < loop.end:
                return m
        raise InternalError("an exit at pc %d, outside the comprehension's loops" % pc)

    def value(self, shape, r):
        """The value a ``for`` target of this shape took, from its names' registers (a
        name native code left unset is read by nothing after: see
        ``tauraro.vm.instrument._nested_targets``)."""
        if type(shape) is str:
            return r[self.regs[shape]]
        return tuple(self.value(s, r) for s in shape)


# what a native run ended with: the loop done; stopped, CPython runs the rest; the room
# reserved full (a generator expression's chunk), native code goes on; the room full at
# the start of an inner loop's iteration (CPython finishes the outer iteration); Ctrl-C
DONE, REST, FULL, PART, RAISE = "done", "rest", "full", "part", "raise"


class ComprehensionSite:
    """One instrumented list comprehension (the expression it stands in: see
    ``tauraro.vm.instrument.Instrumenter.listcomp``)."""
    code_name = "<listcomp>"

    def __init__(self, info, filename, runtime):
        self.info = info
        self.filename = filename
        self.runtime = runtime
        # read by the expression: True runs it as written without asking the site (which
        # sets it for good when the JIT gave up, or the comprehension's runs stay short)
        self.cold = False
        self.wait = 0                       # runs the site lets run as written before trying again
        self._short = 0
        self.raising = False
        self.closed = _closed()
        self.elem = None                    # the element type native code builds the list of
        # ``for`` clauses (with several, the outer targets' shapes ride in ``written``)
        self.levels = max(1, len(info.written))
        self.shapes = list(info.written[1:])
        self.room = CHUNK                   # (with several: see NESTED_ROOM)
        self.per_outer = NESTED_GUESS       # (with several: the last native run's, counted)
        self._out = None
        self._rest = None
        self._targets = ByCode()      # frame code -> the loop found in it
        self._seen = 0                      # elements the comprehension went over while cold
        # (the elements of its runs the start gate kept, and the last run's length:
        # tauraro.vm.start_gate, held)
        self._held = (0, 0)
        # whether native runs pay: the first native runs' time per element against one run's
        # as written, timed after them (see ``finish``)
        self._clock = None                  # (start, elements, "cpython", "native" or "baseline", state, compile s)
        self.cpython_ns = None
        self.native_ns = []                 # (elements, ns an element) of each
        self._floor = None                  # (the floor of CPython's time an element: _judge_by_floor)
        self._retimed = 0
        self._written = None                # (n, ns an element) of a run as written the controller timed
        self._warm = False                  # (has a native run finished?)
        self._kept = 0                      # (Transfer.lists_kept when the timed run started)
        self._skipped = False               # (has a run that kept a list gone untimed?)
        self.min_length = MIN_LENGTH        # (runs shorter than this are left as written)

    def __repr__(self):
        return "<comprehension site %s:%d>" % (self.filename, self.info.line)

    def release(self):
        """The program ended (``HookRuntime.close``): the comprehension runs as written
        from now on, and the site holds nothing of the program's."""
        self.cold = True
        self._targets = ByCode()
        self._out = self._rest = self._clock = None
        self.elem = None

    # --- what the expression reads after ``run`` -------------------------------------------------
    def take(self):
        """The list built (all of it, or the elements before the rest), or the exception."""
        out, self._out = self._out, None
        return out

    def rest(self):
        """The iterator of the elements CPython goes on with."""
        it, self._rest = self._rest, None
        return it

    def rests(self) -> list:
        """With several ``for`` clauses: where CPython goes on with each, in order (see
        ``tauraro.vm.instrument._resumable``): ``(m, [v1], ..., [v(m-1)], Im)``."""
        out, self._rest = self._rest, None
        return out if type(out) is list else [(1, out)]

    def finish(self, value):
        """The comprehension's value, passed through; the run that made it timed, if it is
        one the site measures (the run as written, or native runs that finished)."""
        clock, self._clock = self._clock, None
        if clock is not None:
            self._timed(clock)
        if self.levels > 1 and type(value) is list and len(value) >= self.room and self.code_name == "<listcomp>":
            self.room = min(len(value) + 1, NESTED_ROOM)
        return value

    def _timed(self, clock):
        start, n, what, st, compiled = clock
        if self.levels > 1:     # (the outer iterations: the work of each as last counted)
            n *= self.per_outer
        if what == "baseline":      # (CPU time, as the controller's measures: _measure)
            per = (time.thread_time() - start) / n
            if st.measured_per is None or per < st.measured_per:
                st.measured_per = per
            # (a run as written, timed: the one native runs are weighed against, if none is
            # timed after them -- pairs' in comprehensions.py, refused until its elements'
            # cost was timed so, ran a second run as written to be judged, 60 ms against 8)
            self._written = (n, per * 1e9)
            return
        # (CPU time, as the baseline's: native code runs in this thread, and a run timed by
        # the clock on the wall under load, preempted, had a histogram's bins look 440 ns
        # an element natively against 104 as written, and the site given up. A run that
        # compiled is not timed: Cranelift may compile on other threads)
        ns = (time.thread_time() - start) / n * 1e9
        if what == "native":
            # (nor the first that kept a list: its copy is one the next runs will not make --
            # a generator over a 4000-float sample, 13 us a pass natively, was timed with its
            # second copy, 200 us, against 200 as written, and left as written for good. Once:
            # a new list may take a freed one's id, and look copied before)
            if self._kept != _lists_kept() and not self._skipped:
                self._skipped = True
            elif self._warm and st.compile_seconds == compiled:
                self.native_ns.append((n, ns))
                self._judge_by_floor()
                if self.cpython_ns is None and self._written is not None and len(self.native_ns) >= TIMED_RUNS:
                    written, self._written = self._written, None
                    self._judge(st, *written)
            self._warm = True       # (the first makes the entry's code and keeps its lists: not timed)
            return
        self._judge(st, n, ns)

    def _judge(self, st, n, ns):
        """Native runs, timed, against a run as written of ``n`` elements at ``ns`` an
        element: they go on if they pay; else the comprehension is left to CPython, or runs
        as short as theirs are, or they are timed again."""
        self.cpython_ns = ns
        # (only native runs about as long are compared: a run's fixed costs, an entry's,
        # weigh on a short run's elements -- a histogram's warm-up runs over 1000 elements,
        # 170 ns an element, had it given up against a run as written over 200,000 at 120,
        # where a native run takes 5; unlike runs are timed again, twice at most)
        like = [(m, t) for m, t in self.native_ns if COMPARABLE * m >= n]
        if not like and self._retimed < RETIMES:
            self._retimed += 1
            self.native_ns, self.cpython_ns = [], None
            return
        like = like or self.native_ns
        least, m = min((t, m) for m, t in like)
        if least <= PAYS * ns:
            return
        if m < LONG_RUN:
            # (a short run's elements bear its entry's fixed costs, ~0.1 ms: runs as short
            # are left as written, and the longer ones timed again -- the histogram's bins,
            # warmed up over 1000 elements, then counted over 200,000)
            self.min_length = max(self.min_length, SHORTER * m)
            self.native_ns, self.cpython_ns = [], None
            return
        self.runtime.controller.give_up(st, "left to the baseline",
                                        "native runs do not pay: %.1f ns an element, against "
                                        "%.1f ns as written" % (least, self.cpython_ns))
        self.cold = True

    def _judge_by_floor(self):
        """Once TIMED_RUNS native runs are timed: if the faster took less than PAYS times
        what CPython spends on an element at least (``_Target.floor_ns``), native runs pay,
        and no run as written is timed to know it (``cpython_ns`` is that floor)."""
        floor = self._floor
        if floor is None or self.cpython_ns is not None or len(self.native_ns) < TIMED_RUNS:
            return
        if min(t for _, t in self.native_ns) <= PAYS * floor:
            self.cpython_ns = floor

    # --- the run ------------------------------------------------------------------------------
    def run(self, it) -> bool:
        """Build the list natively if that pays; False if it is built (``take`` it), True if
        CPython runs the rest (``rest``), or raises (``raising``). The list is built a chunk
        at a time (memory reserved stays bounded), the chunks joined at the end."""
        self.raising = False
        self._out, self._rest = [], it
        frame = sys._getframe(1)
        # (the JIT's own frames get room beyond the program's limit: recursion.headroom)
        native = headroom(None, self._native_run, frame, it)
        if native is None:
            return True
        how, value, rest = native
        chunks = []
        while how == FULL:                  # the room full at an iteration's start: go on
            chunks.append(value)
            native = headroom(None, self._native_run, frame, rest, True)
            if native is None:
                how, value = REST, []
                break
            how, value, rest = native
        if chunks and how != RAISE:
            # (each chunk a new list nothing else holds: the first extended by the others, a
            # copy of their pointers, where a list of a chain of them went element by element
            # -- 15% of the time of a comprehension of 400,000 floats in two chunks)
            chunks.append(value)
            value = chunks[0]
            for chunk in chunks[1:]:
                value += chunk
        # (PART: the room full inside an outer iteration, which CPython finishes; a list
        # comprehension's rest is one expression, so CPython runs all of it)
        if how == DONE:
            self._out = self.finish(value)
            return False
        self._clock = None                  # (a run CPython finished: not timed)
        if how == RAISE:
            self._out = value
            self.raising = True
            return True
        self._out, self._rest = value, rest
        return True

    def _native_run(self, frame, it, more=False, cells=None):
        """(DONE, list, None), (REST or FULL, list, the rest's iterator) or (RAISE,
        exception, None) after a native run over ``it`` building at most a chunk (``more``:
        a run after one that filled its chunk; ``cells``: the enclosing variables' cells,
        made for the first); None if native code did not run (then ``wait`` says for how
        long, or ``cold`` for good)."""
        if watched():
            self.wait = 1000            # a tracer, profiler or monitoring tool sees every line
            return None
        try:
            return self._run(frame, it, cells, more)
        except (Exception, InternalError) as e:    # a failure inside the JIT, not in the program
            tail = signal_handler_tail(e)
            if tail is not None:
                raise e.with_traceback(tail)
            self.runtime.failed(self, e)
            self.cold = True
            return None

    def held(self):
        """What --jit-stats says of a comprehension whose runs the start gate kept, if it
        was never asked of the controller (``LoopSite.held``), else None."""
        n, last = self._held
        if not n or self._targets:
            return None
        return ("for", NOT_STARTED % (last * BASELINE_SECONDS_PER_ITERATION * 1000, START_SECONDS * 1000),
                self.code_name, "interpreted", n)

    def _go_cold(self, frame):
        """Given up for good: the comprehension runs as written from now on, and its
        function, if its loops are all dead too, gets CPython's own code
        (``HookRuntime.unhook``)."""
        self.cold = True
        self.runtime.unhook(frame.f_code, frame.f_globals, frame)

    def _run(self, frame, it, cells, more):
        if not more:
            self._clock = None
        outer = _length(it)
        n = outer * (self.per_outer if self.levels > 1 else 1)
        threshold = self.runtime.threshold
        if not more:
            if self.wait:
                self.wait -= 1
                return None
            if n < MIN_LENGTH:          # too short for an entry to pay
                self._short += 1
                if self._short >= SHORT_RUNS and not self._seen:
                    self._go_cold(frame)    # (and its runs always have been)
                return None
            self._short = 0
            if n < self.min_length:     # (shorter runs were timed not to pay: see _timed)
                return None
            if self._seen + n < threshold:
                self._seen += n
                return None
            gate = self.runtime.gate
            if gate is not None and not gate.may_start(n, self.info.once):
                # (the JIT's controller not made yet, and a run this long would not start
                # it: it goes as written, none of the JIT's modules imported --
                # tauraro.vm.start_gate)
                self._held = (self._held[0] + n, n)
                return None
        target = self._targets.get(frame.f_code)
        # (at the first run: the JIT's modules imported, the file's register bytecode made --
        # their containers' collections walk only what they make, tauraro.vm.hooks.LoopSite._trip)
        with CompileAside() if target is None else _NO_ASIDE:
            from ..jit.jtypes import BUILT_LISTS, INT, Building, CombinedIter, OtherType, classify_sampled
            # (by a sample of a long list's elements, not a look at each at every run: the entry
            # checks each as it copies them, or finds them the very ones it checked before)
            kind = classify_sampled(it)
            if isinstance(kind, OtherType) or isinstance(kind, CombinedIter) and kind.kind == "reversed":
                # (known without compiling the file to register bytecode; a reversed iterator at
                # its end cannot be moved back in 3.13)
                reason = "the comprehension iterates over a %s" % kind.name
                if isinstance(target, _Target):
                    self.runtime.controller.give_up(target.state, "not compiled", reason)
                target = reason
            elif target is None:
                target = self._targets[frame.f_code] = self._target(frame)
        if isinstance(target, str):
            self.runtime.controller.unplaced(self.filename, self.info, target,
                                             getattr(frame.f_code, "co_qualname", "?"))
            self._go_cold(frame)
            return None
        st = target.state
        if st.dead:
            self._go_cold(frame)
            return None
        if not more:
            if len(self.native_ns) < TIMED_RUNS:
                self._kept = _lists_kept()
                self._floor = target.floor_ns
                self._clock = (time.thread_time(), outer, "native", st, st.compile_seconds)
            elif self.cpython_ns is None:   # then this run, as written
                self._clock = (time.thread_time(), outer, "cpython", st, st.compile_seconds)
                return None
        code = target.code
        r = code.new_registers()
        r[target.iter_reg] = it
        # (one more than its length: room is checked at the top of each iteration, the last,
        # which finds the iterator exhausted, included)
        # (with several ``for`` clauses the elements are not counted before: a chunk's room)
        room = self.room if self.levels > 1 else min(n, CHUNK)
        building = r[target.list_reg] = Building([], self.elem or INT, room + 1)
        if code.freevars:
            if cells is None:
                cells = self.cells(frame, code)
            for name, reg in code.freevars:
                r[reg] = cells[name]
        controller = self.runtime.controller
        if self.elem is None:
            # what the append appends, by type inference (the list's element type; else a
            # compiled version would be for lists of ints, and left at the first append)
            self.elem = INT
            (pc, reg), = target.append_value.items()
            if reg < 0:
                from ..jit.jtypes import const_type
                t = const_type(code.consts[-1 - reg])
            else:
                t = (controller.types_before(st, frame.f_globals, r, pc) or {}).get(reg)
            if t in BUILT_LISTS and t is not INT:
                self.elem = building.elem = t
        building.reduce = self.reduction()
        before = st.native_iterations, st.native_work
        # (its length is known, zip's too, which has no length hint)
        decision = controller.trip(st, frame.f_globals, r, 0, left=outer)
        if self.levels > 1 and st.native_iterations > before[0]:
            self.per_outer = max(1, (st.native_work - before[1]) // (st.native_iterations - before[0]))
        record = decision.record
        if record is None:
            self._clock = None              # (native code did not run: CPython's run is not a native one)
            if st.dead:
                self.cold = True
            else:
                # (the run as written that follows is timed, as the baseline's iterations of
                # a loop are: what an element costs CPython then bounds what an entry may
                # copy, not the floor of its instructions' cost -- a histogram's bin, 110 ns
                # an element, was judged at 25 and refused the sample it counts over. The
                # first such timing is news the next run's trip weighs: it trips at once. A
                # run after it, refused again, waits out the countdown: a run at least. Once
                # each waited a run: comprehensions.py's pairs, 60 ms a run as written and 8
                # natively, ran its first two of five as written)
                self.wait = 0 if st.measured_per is None else max(1, decision.countdown // n)
                self._clock = (time.thread_time(), outer, "baseline", st, st.compile_seconds)
            return None
        from ..jit.exits import DECIDED, LOOP_EXIT, ROOM
        interrupted = controller.interrupted
        if interrupted is not None:         # Ctrl-C arrived while native code ran
            controller.interrupted = None
            return RAISE, interrupted.with_traceback(None), None
        lst = r[target.list_reg]
        if record.kind == LOOP_EXIT:
            return DONE, lst, None
        if record.kind == DECIDED:          # any() or all() has its answer: the element is used
            return DONE, [self.kind == "any"], None
        if self.levels > 1:
            return self._nested_exit(target, record, st, decision, r, lst, n)
        it = r[target.iter_reg]
        if record.kind == ROOM:             # at an iteration's start: native code goes on
            return FULL, lst, it
        if record.callees or record.pc != target.loop.header:
            # it stopped inside an iteration: that element again, in CPython
            it = _rewound(it)
            self._retype(target, record, st)
        self.wait = 0 if st.start == 1 else max(1, decision.countdown // n)
        return REST, lst, it

    def _retype(self, target, record, st):
        """Native code left at an append because the element changed type: if the new one
        is a type a list can be built of, the next run builds a list of these, at once."""
        from ..jit.exits import TYPE_CHANGE
        from ..jit.jtypes import BUILT_LISTS
        value_reg = target.append_value.get(record.pc)
        if record.kind == TYPE_CHANGE and value_reg is not None and not record.callees:
            t = st.current.inference.state_before[record.pc].get(value_reg)
            if t in BUILT_LISTS:
                self.elem = t
                st.start = 1

    def _nested_exit(self, target, record, st, decision, r, lst, n):
        """Where CPython goes on after native code stopped in a comprehension with several
        ``for`` clauses: (FULL, list, the outer iterator) at an outer iteration's start with
        the room full (native code goes on); else (REST, list, rests), or (PART, list, rests)
        at an inner iteration's start with the room full, ``rests`` as ``rests`` gives them.

        Native code stopped in clause j's loop (the innermost holding the pc it left at;
        inside an inlined callee, at the call): at its header, nothing of that iteration
        done -- or after its inner loop, all of it done (no exit leaves there: an interrupt
        leaves at the header it jumps to); else inside the iteration, which changed nothing
        the program sees (as with one clause), so its element is taken again: that
        iterator moved back one. CPython then runs the rest of clause j's loop, the outer
        targets bound to the values they have (the registers: each holds what its clause
        bound, or is read by nothing after), then the rest of clause j-1's loop over its
        iterator (just past the element whose inner loops ran), and so on out to clause 1's.
        The iterators of inner clauses are ones the region made (over a list, a tuple, a
        range, a zip of those: a GET_ITER of an iterator the program holds leaves native
        code, ``tauraro.jit.infer``), made again by the exit at the position reached."""
        from ..jit.exits import ROOM
        pc = record.frames[0][1] if record.callees else record.pc
        j = target.level_at(pc)
        levels = target.levels
        start = not record.callees and (pc == levels[j - 1].header or j < len(levels) and pc >= levels[j].end)
        iters = [r[loop.target] for loop in levels[:j]]
        full = record.kind == ROOM and start
        if full and j == 1:                 # at an outer iteration's start: native code goes on
            return FULL, lst, iters[0]
        if not start:
            iters[-1] = _rewound(iters[-1])
            self._retype(target, record, st)
        values = [target.value(shape, r) for shape in self.shapes[:j - 1]]
        rests = [(m, *[[v] for v in values[:m - 1]], iters[m - 1]) for m in range(j, 0, -1)]
        self.wait = 0 if st.start == 1 else max(1, decision.countdown // n)
        return (PART if full else REST), lst, rests

    def reduction(self):
        """What compiled code folds the elements into instead of building a list: None."""
        return None

    @staticmethod
    def cells(frame, code) -> dict:
        """A fresh cell per enclosing variable the comprehension reads, holding its value
        now (the comprehension cannot assign it, nor can native code call what could)."""
        local = frame.f_locals
        out = {}
        for name, _ in code.freevars:
            v = local.get(name, out)
            out[name] = types.CellType() if v is out else types.CellType(v)
        let_go(frame, local)
        return out

    def _target(self, frame):
        """The comprehension's register bytecode, or why there is none."""
        mod = self.runtime.register_code(self.filename)
        if isinstance(mod, str):
            return mod
        outer = mod.compiled_from(frame.f_code)
        if outer is None:
            return "no register code for %s" % frame.f_code.co_qualname
        info = self.info
        found = [c for c in _inlined_children(outer) if c.name == self.code_name
                 and c.firstlineno == info.line and c.firstcol == info.col]
        code = found[0].as_list if len(found) == 1 and self.code_name == "<genexpr>" else \
            found[0] if len(found) == 1 else None
        if code is None or len(code.loops) != self.levels or any(
                loop.parent != k - 1 for k, loop in enumerate(code.loops)):
            return "no %s at line %d in the register code" % (self.code_name, info.line)
        controller = self.runtime.controller
        controller.register(code)
        st = controller.state(code, code.loops[0].id)
        st.reruns_iterations = True         # (an iteration native code stops in is run again)
        return _Target(code, code.loops[0], st, code.loops)


def _inlined_children(code):
    """The code of the functions, comprehensions and generator expressions defined in
    ``code``'s frame: its children, and theirs in a list, set or dict comprehension in it
    (inlined in its frame by 3.12+, PEP 709: a generator expression in one runs there)."""
    stack = list(code.children())
    while stack:
        c = stack.pop()
        yield c
        if c.kind == "comprehension":
            stack.extend(c.children())


class GeneratorSite(ComprehensionSite):
    """One instrumented generator expression handed to ``sum``, ``min``, ``max``, ``any``,
    ``all``, ``list``, ``tuple``, ``sorted``, ``set`` or ``frozenset`` (see
    ``tauraro.vm.instrument.Instrumenter.genexp``).

    Where it can, compiled code folds the elements as the builtin would -- ints summed
    (exiting before one that overflows 64 bits), floats summed as this Python's sum()
    sums them (3.12+ compensates rounding), the least or greatest so far -- and the
    builtin is handed what it would have computed so far: ``sum([total, *rest])``,
    ``min([least, *rest])`` give what ``sum``/``min`` of all the elements give, the same
    operations on the same values in the same order (a compensated sum that stopped
    early: ``_sum_on``)."""
    code_name = "<genexpr>"

    def __init__(self, info, filename, runtime):
        super().__init__(info, filename, runtime)
        self.builtin = REDUCERS[info.written[0]]        # the builtin's name rides in ``written``
        self.kind = info.written[0]

    def reduction(self):
        from ..jit.jtypes import ReducerType
        elem = self.elem
        if self.kind in ("any", "all"):
            # (always folded: a chunk built ahead would take elements after the one that
            # decides from an iterator the program may hold)
            return self.kind
        if elem not in ReducerType.ELEMS.get(self.kind, ()):
            return None
        return self.kind

    def _so_far(self, value) -> list:
        """What the builtin is handed first: the elements built, or what a fold computed
        (the total; the extreme, if it saw any element; any()'s or all()'s answer)."""
        if type(value) is list:             # (built, or the answer of any() or all())
            return value
        if self.kind in ("any", "all"):     # no element decided
            return []
        if len(value) == 1:                 # a sum of ints
            return [value[0]]
        if len(value) == 3:                 # a compensated sum of floats, all of it
            return [_compensated(*value[:2])] if value[2] else []
        return [value[0]] if value[1] else []

    def stream(self, it, as_written):
        """What the builtin iterates: the elements native code builds, a chunk at a time,
        then those of ``as_written(rest)`` -- the generator expression as written -- if
        native code stopped early; or just ``as_written(it)``."""
        frame = sys._getframe(1)
        first = headroom(None, self._native_run, frame, it)
        if first is None:
            return as_written(self._over(it))
        code = self._targets[frame.f_code].code
        cells = self.cells(frame, code) if code.freevars else None
        return itertools.chain.from_iterable(self._chunks(first, frame, cells, as_written))

    def _chunks(self, native, frame, cells, as_written):
        """The chunks native code builds, then what CPython computes after it stops."""
        while True:
            how, value, rest = native
            if how == RAISE:            # (raised by a C call: no frame of this generator shows)
                yield map(self.closed.throw, (value,))
                return
            if how == REST and type(value) is tuple and len(value) == 3:
                # a compensated sum of floats stopped by a guard: CPython's float path goes on
                # from the two parts native code reached, then sum() itself
                self._clock = None
                yield _sum_on(*value, as_written(rest))
                return
            yield self._so_far(value)
            if how == DONE:
                return
            self._clock = None          # (a run CPython finishes is not timed)
            if how == REST:             # stopped by a guard: CPython goes on
                yield as_written(rest)
                return
            if how == PART:             # CPython finishes the outer iteration, native code goes on
                yield as_written(rest[:-1])
                rest = rest[-1][1]
            native = headroom(None, self._native_run, frame, rest, True, cells)
            if native is None:
                yield as_written(self._over(rest))
                return

    def _over(self, it):
        """What the generator expression as written goes over: the iterator; with several
        ``for`` clauses, the list of where they go on that starts the first over it."""
        return [(1, it)] if self.levels > 1 else it
