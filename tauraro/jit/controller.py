"""JitController: when loops get compiled, how native code is entered and left.

The baseline counts each loop's iterations in a hidden local and calls its
LoopSite's hook when the count runs out (``tauraro.vm.hooks``); the hook asks
``trip`` what to do with the loop's live values, held in a register frame of
the loop's function as the register bytecode lays it out. Then:

1. *Which region.* If the loop is nested, an enclosing loop of the same
   function that may compile is preferred: its count is set to run out at its
   next iteration, so all its remaining iterations -- inner loops included --
   run natively instead of paying an entry per inner loop run.
2. *Which version.* Compiled code is specialised to the types of the loop's
   live values at entry; versions are cached per loop and type signature
   (at most ``MAX_VERSIONS``; wasmtime's on-disk cache lets a second run of the
   program skip Cranelift). Values of yet another kind -- a fifth function handed to
   an integrator -- run as written while the versions serve theirs; a version left
   unused for long makes room for a new kind, a bounded number of times
   (``_make_room``).
3. *Run.* Pack values into memory, call the native ``run``, unpack; the exit
   record says where the resume interpreter continues.
4. *Entries must pay.* Each entry's native iterations are counted. A loop
   whose entries keep yielding fewer than ``MIN_ITERATIONS_PER_ENTRY`` is left
   to the baseline (its enclosing loop may still be compiled), and
   ``--jit-stats`` says so. A loop whose entries pay is entered at once the
   next time it starts (``start``).
5. *Failures are counted.* An exit where a speculation failed backs the loop
   off (exponentially more interpreted iterations before the next entry); a
   loop whose native runs keep failing almost at once is blacklisted, with the
   reason reported by ``--jit-stats``. Nothing thrashes.
"""
from __future__ import annotations

import _thread
import functools
import os
import struct
import sys
import time
import types as _types
from gc import get_referents as _referents
from time import thread_time as _thread_time
from types import CellType as _CELL
from collections import Counter
from itertools import repeat as _repeat

from ..compiler.code import CodeObject, UNBOUND
from .exits import ROOM_FULL, TYPE_CHANGE
from .infer import AlwaysExits, Inference, NeedsResizing, NeedsWidening, NotCompilable, is_cell, is_global
from . import mathlib
from .jtypes import (_DICT_ITERATORS, EMPTY_LIST, BuiltinType, CharMethod, DictGet, StrMethod, GUESSES, LIST_BOOL, LIST_FLOAT, LIST_INT, STR, InstanceType, SeqIterType, SeqType, CellVar, ClassType, FunctionType,
                     Opaque, OtherType, class_attributes_changed, classify, classify_sampled, constructor, instance_type,
                     methods_named, objects_type, plain_class, refinable, resizable_type,
                     virtual_tuple_type, widen)
from .collector import CompileAside
from .pages import MEMORIES
from .resident import PACKED, PACKED_MIN
from .layout import (BULK_RECORD_COST, CHAR_COST, KEEP_MIN, kept_str_record, FLAG_COST, FLAG_OUT_COST, ROWS_COUNTED, SMALL_COPY, LINK_LIMIT, RECORD_COST,
                     OBJECT_TYPES, SEQ_ITERATOR_TYPES, UNIT_SECONDS, TooManyLinks, TooMuchToCopy, copy_limit, least_cost,
                     LIST_ONLY, rows_floor, rows_length)
from .region import Liveness, LoopRegion, attribute_names
from .iterations import COMBINED_TYPES, advanced_iterators, iterations_left
from .splits import pending_words, split_sources

from .settings import (BASELINE_SECONDS_PER_ITERATION, COMPILE_SECONDS, DEFAULT_THRESHOLD, FIRST_CHECK_ITERATIONS, FIRST_ENTRY_SHARE, MIN_ITERATIONS_PER_ENTRY,  # noqa: E402
                       NESTING_START_MOST, NOT_STARTED, SHORT_LEFT, SHORT_TRIPS, START_CHECK_SECONDS, START_COUNTDOWN,
                       START_SECONDS)
MAX_VERSIONS = 4
# the statuses of a loop (or function) the JIT gave up on: LoopState.dead, loop_outcomes
GIVEN_UP = ("not compiled", "blacklisted", "left to the baseline")
# a loop's versions give up their least recently entered one for values of a new kind at most
# this many times, and only one left unentered for VERSION_IDLE of the loop's tries
# (JitController._make_room): a program changing the functions its integrator takes, phase by
# phase, gets versions for the new ones; one cycling through more than MAX_VERSIONS keeps its
# versions (the rest run as written) rather than compiling a version at every try
MAX_EVICTIONS = 8
VERSION_IDLE = 2 * MAX_VERSIONS
# a loop whose first entries of this many freshly compiled versions failed their values' checks is
# left to the baseline (JitController._enter)
STILLBORN_VERSIONS = 2
_MADE_LISTS = {int: LIST_INT, float: LIST_FLOAT, bool: LIST_BOOL}     # (JitController._made_lists)
RUN_SIGNATURE = (("i32",), ("i32",))     # a loop's module exports run(entry: i32) -> exit id (emit.Emitter.build)
QUICK_FAILURE_LIMIT = 6       # native runs in a row that fail within a couple of iterations
# compiled, instantiated and entered once when the engine starts: Cranelift's and
# wasmtime's one-time set-up, and the entry code for a loop's signature (see
# NativeInstance.entry), are then not billed to the first loop. A loop's shape, minimal:
# (module (memory (export "memory") 1)
#         (func (export "run") (param i32) (result i32) local.get 0))
_WARMUP_WASM = bytes.fromhex("0061736d0100000001060160017f017f030201000503010001071002066d656d6f72"
                             "7902000372756e00000a0601040020000b")


def _dict_iterators_cost(r) -> int:
    """What copying the tables of the dicts the registers' dict iterators go over costs at
    least (transfer.EntryRecords._dict_iter: a key and a value word an entry, and a record
    a key if they are strs)."""
    cost = 0
    for v in r:
        kind = _DICT_ITERATORS.get(type(v))
        if kind is not None:
            for d in _referents(v):
                if type(d) is dict:
                    cost += 8 * len(d) + RECORD_COST
                    if kind != "values" and d and type(next(iter(d))) is str:     # (and its keys' records)
                        cost += BULK_RECORD_COST * len(d)
    return cost


def _builtins_of(G) -> dict:
    """The builtins dict a module with globals ``G`` looks names up in."""
    builtins = G.get("__builtins__")
    return builtins if isinstance(builtins, dict) else builtins.__dict__


class CompileWaits(NotCompilable):
    """A big region not compiled yet: its compile would cost more than the loop's work so
    far (JitController._weigh_size); it is tried again once that work has grown."""


class CompiledLoop:
    """One version of a region: wasm, native instance, exits, and the generated
    code moving values in and out (see tauraro.jit.transfer)."""

    def __init__(self, region, inference, graph, stages, layout, exits, wasm, text_fn, instance, entry,
                 transfer, counter_states, codegen_seconds, native_seconds):
        self.region = region
        self.inference = inference
        self.graph = graph                # the IR, optimized
        self.stages = stages              # (stage, IR text) as recorded and after each pass (--jit-dump)
        self.layout = layout
        self.exits = exits
        self.wasm = wasm
        self.text = text_fn
        self.instance = instance
        self.entry = entry
        self.transfer = transfer
        self.memory_address = instance.memory_address     # fixed: memories never move
        self.counter_states = counter_states                # LoopState per counter, in order
        self.header_counter = sorted(region.loop_headers).index(region.header)
        self.codegen_seconds = codegen_seconds
        self.native_seconds = native_seconds
        self.types = None                 # the entry types it was compiled for (_compiled_for)
        self.used = 0                     # the loop's ``tries`` at its last entry (_make_room)

    def drop_stages(self):
        """Let go of what only --jit-dump and --emit-wasm read, once they have: the IR and its
        stages, and the wasm module's instructions (``text``). A ray tracer's versions held
        ~14,000 such objects to its end, which every full collection walked, the one at
        exit too (an exit's collection 11 ms against CPython's 3; see tests/test_jit_collector.py)."""
        self.graph = self.stages = self.text = None


def _header_iterations(version, counts) -> int:
    """Of a version's counters' ``counts`` after a native run (``transfer.iterations()``),
    its own loop's: the one counter, or the header's among its nested loops'."""
    return counts[0] if len(counts) == 1 else counts[version.header_counter]


def _version_of(st, types):
    """The version of the loop of ``st`` for entry values of ``types``, if it has one: filed
    under them, or under their first types, made before the loop's entry variables grew (a
    callee inlined since reads a global: ``_entry_types``) -- a version never reads the
    variables added after it, whatever their types. (simpson() given a fourth integrand that
    reads ``math`` found none of its first three integrands' versions again.)"""
    version = st.versions.get(types)
    if version is None:
        n = len(types)
        for key, v in st.versions.items():
            if len(key) < n and types[:len(key)] == key:
                return v
    return version


def _exit_lines(inf) -> dict:
    """line -> why native code leaves there, for the lines of a loop's own code where its
    typing (``inf``) finds a side exit, or a call of a callee inlined with one."""
    code = inf.code
    lines = {}
    for pc in sorted(inf.exit_at.values()):
        typing = inf.typings[pc]
        if typing.kind == "side":
            lines.setdefault(code.instrs[pc].line, typing.reason)
    for pc, typing in sorted(inf.typings.items()):
        callee = typing.callee
        if callee is not None and callee.exit_at:
            first = min(callee.exit_at.values())
            lines.setdefault(code.instrs[pc].line, "calling %s: %s" % (
                callee.code.name, callee.typings[first].reason))
    lines.pop(None, None)
    return lines


class LoopState:
    """What the JIT knows about one source loop (also its --jit-stats row)."""

    def __init__(self, code, loop):
        self.code: CodeObject = code
        self.loop = loop
        self.status = "interpreted"      # compiled | not compiled | blacklisted | left to the baseline
        self.reason = ""
        self.versions: dict = {}
        self.last = None                 # the version entered last (checked first)
        self.builtins = None
        self.globals = None              # the module globals its code runs with (Inliner.home)
        self.lost = False                # given up for what its native runs cost (loop_outcomes)
        self.region = None
        self.entry_vars = None
        self.tuple_vars = frozenset()    # variables the loop assigns tuple displays to
        self.attr_vars = frozenset()     # variables whose objects the loop uses attributes of (or compares)
        self.attr_names = frozenset()    # the attributes the loop uses, of any object
        self.constructed = frozenset()   # the classes it may call (known at entry: see _entry_types)
        self.name_pool = frozenset()     # attribute names its objects' methods use (see _object_types)
        self.entries = 0
        self.lane_entries = 0            # (of those, the hook's steady lane's: LoopSite._lane_trip)
        self.native_iterations = 0
        self.native_work = 0             # native iterations of this loop and its nested loops
        self.native_saving = 0.0         # what the baseline would have spent on them (at least)
        self.work_hint = 0               # the most iterations a nested loop had left at a trip
        self.longest_left = 0            # the most iterations it had left at a trip
        self.known_trips = 0             # trips at which its iterations left were known (_short_runs)
        # (trips that found the run under way at the last trip ended within SHORT_LEFT
        # iterations; None before its first, True once one went on: _short_probe)
        self.short_probes = None
        self.deferred = False            # its trip left starting the JIT to its enclosing loop (trip)
        self.copy_refused = False        # left to the baseline until an entry copies less (not dead)
        self.refused = None              # (cost needed, data size) of the last refused entry (_too_much)
        self.refused_trips = 0           # trips in a row that did not enter (JitController.trip)
        self.next_attempt = 0.0          # (and the perf_counter time before which it does not try)
        self.copy_refused_at = 0.0       # when an entry was last refused for what it would copy
        self.refusals = 0                # trips whose try to enter failed (statistics)
        self.idle_trips = 0              # trips since its last entry that did not enter (_not_entered)
        self.sleep_seconds = SLEEP_SECONDS      # how long it sleeps the next time (_not_entered)
        self.sleeps = 0                  # (times it was put to sleep: statistics)
        self.copy_refusals = 0           # (of those, entries that copied up to the limit: _too_much)
        self.too_much = 0                # trips refused for what they would copy (_too_much)
        self.far_refusals = 0            # (of those, the ones that count toward giving up: _too_much)
        self.new_run = True              # (is the trip under way the first of its run: trip)
        self.work_for_compile = 0.0      # (the work a big region must have done to be compiled: compile)
        self.trip_left = None            # (the iterations left at the trip under way: enter)
        self.stored_registers = None     # (the registers its x[i] = v store into: _least_copy)
        self.tails = frozenset()         # (the registers of lists it only appends to: LoopRegion.tail_lists)
        self._splits = None              # (splits.split_sources of its loop, found once: splits)
        self.made_lists = {}             # pc -> the type of the list ``[]`` at pc makes (_made_lists)
        self.made_length = 0             # (the longest such list seen at an entry: the room they get)
        self.typed_in_full = False       # (long lists typed by all their elements, not a sample: _object_types)
        self.stand_ins_typed = False     # (typed with its objects' stand-ins once: _refused_unwalked)
        self.stillborn = 0               # versions whose first entry failed its checks (_enter)
        self.tries = 0                   # entries, and tries refused for want of a version (_make_room)
        self.evictions = 0               # versions dropped to make room for another kind (_make_room)
        self.full_at = 0.0               # when a try was last refused for want of room for a version
        self.full_refusals = 0           # (those tries: statistics)
        self.measured_at = None          # (thread time, iterations left, overhead) at its last trip (_measure)
        self.least_at = None             # (data size, _least_copy) at its last entry
        self.lengths_ok = None           # (id of the version, data size) whose lengths passed (_check_lengths)
        self.measured_per = None         # the least CPU time an iteration took the baseline, measured
        # (does a run it will not enter go on as written, without its count? Set by its hook
        # site: tauraro.vm.hooks, SiteInfo.plain)
        self.goes_plain = False
        self.plain_runs = 0              # (runs it left to go on as written, hooks' code 6)
        self.stretches = 0               # (stretches it ran as written, timed: hooks' code 7, _stretch)
        self.measure_waits = 0           # trips that waited for a measurement before a big copy
        self.short_timings = None        # (iterations, seconds) of stretches too short to go by yet
        # (its entries found to cost more than the floor of its iterations saves: timed
        # before it is given up, _after_exit)
        self.timing_asked = False
        self.timed_size = None           # (its data's size when last found not worth timing: _worth_timing)
        self.work_at_try = None          # (a while loop's work done at its last try to enter: _work_seconds)
        self.interpreted_iterations = 0
        self.compile_seconds = 0.0
        self.codegen_seconds = 0.0
        self.native_compile_seconds = 0.0
        self.native_seconds = 0.0        # time inside native code
        self.native_cpu_seconds = 0.0    # (less the time its thread waited, where measured: _run)
        self.transfer_seconds = 0.0      # entry and exit: checking, unboxing, boxing, writing back
        self.resume_seconds = 0.0        # the resume interpreter, after exits
        # the least an entry's round trip from the hook took, its native run and the resume
        # interpreter aside (``entered``): what the next entry will cost at least
        self.entry_least = None
        # the least a run refused for its length took the hook (``refused_in``): what the
        # next refusal will cost at least
        self.refusal_least = None
        self.entry_saving = 0.0          # what the last entry's native iterations saved (_run_refused)
        self.exits = Counter()
        # what entries copied into linear memory and exits wrote back (records: lists,
        # tuples, strings, objects; words: their elements, characters, fields)
        self.records_in = self.words_in = self.records_out = self.words_out = 0
        self.small_int_lists = 0         # (copied in through their pointers: smallints.py)
        self.split_words = 0             # (strs of lists written from their str's split(): splits.py)
        self.rest_words = 0              # (those of them never split as written: vm/lazysplit.py)
        self.writeback_seconds = 0.0
        # (a part of it, in CPU time: making the Python elements of lists native code left --
        # objects, tuples, strs: EntryRecords.elements_seconds -- judged by ``_elements_lose``)
        self.elements_seconds = 0.0
        # (the entries in a row, after the first, that each cost more than they saved, and
        # what they lost in all; what the entries before the last cost: _losing_streak)
        self.losing = 0
        self.losing_seconds = 0.0
        self.cost_seen = 0.0
        self.cache_hits = 0              # versions whose native code came from the on-disk cache
        self.quick_failures = 0
        self.backoff = 16
        self.recheck = NEST_RECHECK      # (a loop with loops in it waiting to pay: _decide)
        self.start = None                # iterations before the hook when the loop starts
        # an exit inside an iteration makes CPython run that iteration again from its start
        # (a comprehension's: tauraro.vm.comprehensions), so inlined callees may change
        # nothing the program sees: their stores are exits
        self.reruns_iterations = False
        self.elements_allowed = True     # may versions assume bounded list elements (passes/accumulate)?
        self.resizing = False            # does the region resize a list (its lists typed resizable)?
        self.widened = {}                # entry var -> the MaybeType it has (infer.NeedsWidening)
        self.first_trip = None           # (time, interpreted iterations, iterations left) at its first trip (_start_pays)
        self.start_countdown = START_COUNTDOWN     # iterations to its next trip, while the JIT is not started
        self.exit_sample = None          # a sample of its iterations as written (_exits_sampled)
        self.sample_request = None       # (header line, lines, iterations) its hook is to sample
        self.samples = 0                 # samples asked for

    @property
    def splits(self) -> tuple:
        """(iterator register, text register) if the loop walks ``text.split()`` of a local it
        never writes (tauraro.jit.splits), from its register code: found once."""
        if self._splits is None:
            self._splits = split_sources(self.code, self.loop)
        return self._splits

    @property
    def line(self):
        return self.loop.line

    def entered(self, seconds: float):
        """The hook's round trip of an entry took ``seconds``, the native run and the resume
        interpreter aside (``entry_least``: the least seen -- a preempted trip only takes
        longer)."""
        if self.entry_least is None or seconds < self.entry_least:
            self.entry_least = seconds

    def refused_in(self, seconds: float):
        """The hook refused a run for its length before reading the loop's registers
        (``JitController.refuses_run``) in ``seconds``, its as-written rest made:
        ``refusal_least`` is the least seen. (Charged at the entry's round trip instead, a
        refusal -- ~2 us against ~10 -- looked five times its cost, more under load, where
        the least of a loop's few entries read ~45 us: its long runs' worth ran out after
        25 short runs, and it slept through the long ones.)"""
        if self.refusal_least is None or seconds < self.refusal_least:
            self.refusal_least = seconds

    @functools.cached_property
    def iteration_seconds(self) -> float:
        """What the baseline spends on one iteration of this loop's own body, at least: a
        floor, or its register instructions' worth, a call counting as CALL_INSTRUCTIONS
        (those of loops nested in it not counted: their iterations are theirs)."""
        loop = self.loop
        loops = getattr(self.code, "loops", ())
        nested = [c for c in loops if c.parent == loop.id and c is not loop]
        size = 0
        for pc in range(loop.header, loop.end):
            if any(c.header <= pc < c.end for c in nested):
                continue
            size += CALL_INSTRUCTIONS if self.code.instrs[pc].op.name.startswith("CALL") else 1
        return max(BASELINE_SECONDS_PER_ITERATION, size * BASELINE_SECONDS_PER_INSTRUCTION)

    @property
    def body_seconds(self) -> float:
        """What the baseline spends on one iteration of this loop's own body: timed
        (``measured_per``) for a loop with no loop nested in it, else the floor of
        ``iteration_seconds`` -- which for a grid's cell of 45 instructions says 0.11 us,
        where the baseline takes 1.4: a run of it judged by the floor looked not to pay for
        its copies when it had saved 0.5 s of a 1.6 s program."""
        if self.measured_per is not None and not self.nests:
            # (timed without the count, a loop that goes on as written may cost less than the
            # floor: count_primes' ``if f: count += 1`` ~11 ns here)
            return self.measured_per if self.goes_plain else max(self.measured_per, self.iteration_seconds)
        return self.iteration_seconds

    @functools.cached_property
    def nests(self) -> bool:
        """Is a loop nested in this one?"""
        loop = self.loop
        return any(c.parent == loop.id and c is not loop for c in getattr(self.code, "loops", ()))

    @property
    def dead(self) -> bool:
        return self.status in GIVEN_UP and not self.copy_refused

    def row(self) -> dict:
        # (a loop's versions' Transfers: a function's versions have none)
        transfers = {id(v): v.transfer for v in self.versions.values() if isinstance(v, CompiledLoop)}.values()
        return {
            "file": self.code.filename, "line": self.loop.line, "kind": self.loop.kind,
            "function": self.code.qualname, "status": self.status, "reason": self.reason,
            # (distinct versions: one may be filed under several entry types, _compiled_for)
            "versions": len({id(v) for v in self.versions.values()}), "entries": self.entries,
            "lane_entries": self.lane_entries,
            "native_iterations": self.native_iterations,
            "interpreted_iterations": self.interpreted_iterations,
            "compile_ms": round(self.compile_seconds * 1000, 3),
            "codegen_ms": round(self.codegen_seconds * 1000, 3),
            "cranelift_ms": round(self.native_compile_seconds * 1000, 3),
            "native_ms": round(self.native_seconds * 1000, 3),
            "transfer_ms": round(self.transfer_seconds * 1000, 3),
            "copied_in": {"records": self.records_in, "words": self.words_in,
                          "small_int_lists": self.small_int_lists, "split_words": self.split_words,
                          "rest_words": self.rest_words},
            # (warm pages moved into its versions' memories from other loops', and out: pages.py)
            "pages_moved": {"in_bytes": sum(t.moved_in for t in transfers),
                            "out_bytes": sum(t.moved_out for t in transfers)},
            "written_back": {"records": self.records_out, "words": self.words_out,
                             "ms": round(self.writeback_seconds * 1000, 3),
                             "elements_ms": round(self.elements_seconds * 1000, 3)},
            "resume_ms": round(self.resume_seconds * 1000, 3),
            "native_cache_hits": self.cache_hits,
            "refused": {"tries": self.refusals, "copied_to_the_limit": self.copy_refusals,
                        "slept": self.sleeps, "no_room_for_a_version": self.full_refusals},
            "versions_dropped": self.evictions,
            "runs_as_written": self.plain_runs,
            "stretches_timed": self.stretches,
            "exits": [{"reason": r, "line": l, "count": n} for (r, l), n in sorted(self.exits.items(),
                                                                                 key=lambda x: -x[1])],
        }


class _Unplaced:
    """Where a loop is, when its register code could not be made (for its stats row)."""

    def __init__(self, filename, qualname):
        self.filename = filename
        self.qualname = qualname


# builtins a while loop's test may call: nothing the program sees happens twice
_PURE_BUILTINS = frozenset((len, abs, min, max, ord, chr, isinstance, bool, round, divmod))


def test_effects(code, loop, inf):
    """Why native code must not take a while loop whose test (``LoopInfo.header_pcs``, as
    hooks._pure_test reads it) may change what the program sees: the
    baseline has run the test when the hook trips at the top of the body, and native code
    entered there starts at the header, running it again -- ``while stack.pop() > 0``
    popped an element twice, a counting ``cond()`` counted twice. A call of a program
    function (inlined), of a property, or of anything but a few pure builtins, str and
    character methods and a dict's get does. None where the test is safe to run twice."""
    if loop.kind != "while":
        return None
    for pc in loop.header_pcs(code):
        ins = code.instrs[pc]
        t = inf.typings.get(pc)
        if t is not None and t.callee is not None:
            return "its test at line %d calls a function or a property, which entering would call again" % ins.line
        if ins.op.name.startswith("CALL"):
            f = t.operands[0] if t is not None and t.operands else None
            if not (isinstance(f, BuiltinType) and f.fn in _PURE_BUILTINS
                    or isinstance(f, (DictGet, StrMethod, CharMethod))):
                return "its test at line %d makes a call, which entering would make again" % ins.line
    return None


def _words_iterator(t) -> bool:
    """Is ``t`` an iterator over a list of str (what ``text.split()`` gives)?"""
    return isinstance(t, SeqIterType) and t.seq.kind == "list" and t.seq.elem is STR


class Decision:
    """What the hook does after a trip: ``record`` is the exit record if native code ran
    (None if it did not), ``countdown`` the iterations before the next trip of this run
    of the loop, ``parent`` the countdown to give the enclosing loop (or None), ``sleep``
    the seconds the loop is to run as written, uncounted, before it trips again (0: it
    goes on counting; see ``JitController._not_entered``), ``stretch`` the iterations it is
    to run next as written, timed (``JitController.timed_as_written``), before it counts on
    (0: none)."""
    __slots__ = ("record", "countdown", "parent", "sleep", "stretch")

    def __init__(self, record, countdown, parent=None, sleep=0.0, stretch=0):
        self.record = record
        self.countdown = countdown
        self.parent = parent
        self.sleep = sleep
        self.stretch = stretch


_SIZED = (list, tuple, dict, str, set)
_LEAST_SIZED = (list, tuple, dict, set)     # (_least_copy)
_LIST_CHANGES = frozenset(("list_set_len", "list_remove", "list_open"))     # (_stores_lists)
# a loop left to the baseline still trips, cheaply, this often (small ints never allocate)
IDLE_COUNTDOWN = 250
# (JitController._start_pays: the JIT may start, as the program has run start_seconds since
# its first hot loop -- not for the work of the loop whose trip it is)
AFTER_START_SECONDS = "after start_seconds"
# (JitController._module_work_left: the iterations of a module-level loop nest's outermost
# loop its time per iteration is read from)
MODULE_TIMED_LEAST = 8
# a loop whose sampled iterations (JitController._exits_sampled) reach a line where native
# code would leave, 1 in EXIT_SAMPLE_SHARE of them or more, is not compiled; a sample of
# fewer than half its iterations (its run ended) is taken again, SAMPLES_MOST times at most
EXIT_SAMPLE_SHARE = 8
SAMPLES_MOST = 3
SAMPLE_ITERATIONS = 64
ENTRIES_BEFORE_JUDGING = 8
# ... or after EMPTY_ENTRIES, if they ran less than an iteration each natively
EMPTY_ENTRIES = 3
# a loop never entered whose trips were refused for what they would copy this many times is
# given up (JitController._too_much); not counting a while loop's refusals in the run its
# last trip was in (what it may copy, the work it has done so far, grows as the run goes on)
COPY_REFUSALS_DEAD = 8
MAX_BACKOFF = 1 << 16       # the longest countdown between two tries of a refused loop
NEST_RECHECK = 256          # the first countdown of a loop with loops in it waiting to pay
# a refused entry of a while loop is tried again only once its copy limit is this many
# times what it needed
RETRY_FACTOR = 2
# iterations of each of the loops hook_seconds times
HOOK_SAMPLE = 8000
# after FREE_REFUSALS trips in a row that did not enter, a loop tries to enter again only
# once the program has run TRIP_WORK_RATIO times what its last try cost (JitController.trip)
FREE_REFUSALS = 8
# what a compile costs per instruction of its region, inlined calls included (a quiet
# machine: ~0.1 ms, particles.py's 170 at ~15 ms, a sudoku solver's 470 at ~130 ms), and the
# size of a compile whose cost is weighed by it against the loop's work (_weigh_size)
COMPILE_SECONDS_PER_INSTRUCTION = 0.0001
BIG_COMPILE_SECONDS = 0.015
TRIP_WORK_RATIO = 50
# after SLEEP_AFTER trips since its last entry that did not enter, a loop sleeps: it runs
# as written, counting nothing, for SLEEP_SECONDS, twice as long at each sleep in a row
# (JitController._not_entered)
SLEEP_AFTER = 12
SLEEP_SECONDS = 0.05
# what the baseline spends on an iteration of a simple loop, at least (settings'
# BASELINE_SECONDS_PER_ITERATION), and on each register instruction of a loop's body (3.11-3.13
# on the dev VM: 2.4-15 ns, the least for bodies of branches not all taken:
# LoopState.iteration_seconds), against which copying data in and out is judged; and the
# entry and exit time any loop may take beyond that
BASELINE_SECONDS_PER_INSTRUCTION = 2.4e-9
CALL_INSTRUCTIONS = 40      # a call (of a method, say): CPython's call and a small callee's body, ~100 ns
TRANSFER_ALLOWANCE = 0.02
# what making the elements native code left in lists must have cost, at least, before it is
# weighed against the iterations that made them (JitController._elements_lose)
ELEMENTS_LEAST = 0.002
# entries in a row that each cost more than they saved, and what they lost in all, after
# which a loop copying records is given up within the allowance above (_losing_streak)
LOSING_ENTRIES = 4
LOSING_SECONDS = 0.002
# how far past the floor of an untimed loop's saving its entries' costs must be to give it up,
# and after how many entries at least
FLOOR_MARGIN = 2
FLOOR_ENTRIES = 2
# how near, by the estimate, an untimed loop's entry's saving may come to what the entry cost
# before its iterations are timed (_after_exit)
UNTIMED_DOUBT = 4
# a loop's first compile waits until its work at stake is worth COMPILE_PAYBACK times what a
# compile costs (JitController._compile_wait): the median of the run's compiles, at most
# COMPILE_SECONDS (settings).
# The work is mostly the floor of what its iterations cost, 2-4 times under what they do:
# at once, it pays for the compile about that many times
COMPILE_PAYBACK = 1
# how far what an entry may copy by the floor of its work left must be past what it copies at
# least (its elements at a flag's cost) for its iterations to go untimed: the dearest
# element, an int copied in and written back, costs ELEMENT_COST + ELEMENT_OUT_COST, 7.5
# flags, and the floor may be 2-4 times over what the baseline's iterations cost it
FLOOR_COPY_MARGIN = 32
# an entry copying CALIBRATE_LEAST cost units or more (~3.5 ms by the model) is timed against
# them; copy_scale is the mean of the last CALIBRATE_SAMPLES, within COPY_SCALE_RANGE
# (JitController._calibrate)
CALIBRATE_LEAST = 1 << 20
CALIBRATE_SAMPLES = 4
COPY_SCALE_RANGE = (0.5, 4.0)
# the CPU time a loop's iterations run in the baseline, timed, before an entry that would
# copy much (beyond layout.SMALL_COPY) is weighed (JitController.trip); a timing under
# MEASURE_LEAST is not taken: the hook's own cost around a trip, ~10-20 us, would be much
# of it (the decision's own is taken out: JitController.overhead). A grid's row of 1000
# cells takes the baseline ~0.2 ms: under half of MEASURE_SECONDS, the least once, the
# row loop was weighed by the cells' floor and refused its tables.
# Nor is one under MEASURE_SURE whose iterations the estimate puts under MEASURE_LEAST /
# MEASURE_TRUST: the program's first iterations after a trip run slower by ~50-90 us here
# (caches refilled after the JIT's work: it scales with no iteration count, and is there
# with the collector off), so 200 iterations of a sieve's marking loop, ~5 us of work,
# were timed at 500 ns each, and copying 3*10^6 flags in and out looked paid for. (Not the
# estimate alone: it is a floor, and a loop calling a recursive fill, 5 ms an iteration,
# is put at 0.1 us.)
MEASURE_SECONDS = 0.001
MEASURE_LEAST = 0.0001
MEASURE_TRUST = 4
MEASURE_SURE = 0.001
# the trips that may wait for a timing while its stretches, each too short to go by, add up
# to one that is not (short runs: ``timed_as_written``)
SHORT_TIMING_WAITS = 8
# A function compiled whole, called from the baseline: its first calls after compiling are
# judged. Each is timed natively as the baseline's call makes it (the generated entry and the
# native run, ~1 us for little work); every SAMPLE_EVERY-th one whose native call took less
# than TWIN_BOUND is made again in CPython, timed (the function is pure: see
# FunctionSite.cpython_seconds). After CALLS_BEFORE_JUDGING calls, a function whose sampled
# calls took longer natively than in CPython is left to the baseline (fib(3) takes ~1 us
# natively and ~0.2 us in CPython; fib(8) ~1 us against ~3 us). A call taking TWIN_BOUND or
# more natively is taken to pay: it is not made again in CPython (which could take 100 times
# as long). (Every 5th, not every 4th: a program alternating two kinds of argument -- odd and
# even numbers to is_prime, bench/calls/loop_functions.py -- had every sample fall on one
# kind, the even ones answered at once, ~0.15 us in CPython, and the function given up.)
CALLS_BEFORE_JUDGING = 64
SAMPLE_EVERY = 5
TWIN_BOUND = 20e-6
# a call inside a recursion CPython runs is not judged; one whose copying takes COPY_BOUND
# or more, ten times its native work, counts, and COPY_BOUND_CALLS of them give it up
COPY_BOUND = 50e-6
COPY_BOUND_CALLS = 3


def _list_copies(args) -> list:
    """``args`` with each list replaced by a copy, and the lists in lists and tuples too (a
    function compiled whole may take lists of lists: the pegs of towers of Hanoi, whose
    sampled calls, made again on shallow copies, moved the program's own discs); one copy
    per list, so aliases stay aliases."""
    seen = {}

    def copy(a):
        t = type(a)
        if t is not list and t is not tuple:
            if constructor(t) is not None:
                c = seen.get(id(a))
                if c is None:
                    c = seen[id(a)] = _object_copy(a, copy)
                return c
            return a
        c = seen.get(id(a))
        if c is None:
            if t is list:
                c = seen[id(a)] = a[:]
                for i, x in enumerate(c):
                    if type(x) is list or type(x) is tuple:
                        c[i] = copy(x)
            else:       # (a tuple is itself; one holding lists holds their copies)
                c = seen[id(a)] = tuple(map(copy, a)) if any(type(x) is list for x in a) else a
        return c
    return [copy(a) for a in args]


def _object_copy(obj, copy):
    """A copy of ``obj``, an object of a class whose calls compiled code may make
    (``jtypes.constructor``: object's ``__new__``, no ``__del__``), for ``_list_copies``: its
    attributes (dict and slots) the same objects, each list or tuple copied by ``copy`` (a
    method compiled whole stores only into its fields and their lists)."""
    klass = type(obj)
    c = object.__new__(klass)
    d = getattr(obj, "__dict__", None)
    if type(d) is dict:
        c.__dict__.update({k: copy(v) for k, v in d.items()})
    for k in klass.__mro__:
        for name, member in k.__dict__.items():
            if type(member) is _MEMBER and name != "__weakref__":
                try:
                    member.__set__(c, copy(member.__get__(obj)))
                except AttributeError:      # (unset)
                    pass
    return c


_MEMBER = _types.MemberDescriptorType


class FunctionState(LoopState):
    """What the JIT knows about one function compiled whole (its --jit-stats row counts
    calls: ``native_iterations`` those native code answered)."""

    def __init__(self, code, loop):
        super().__init__(code, loop)
        self.judged = False          # its native calls were found to pay
        self.judged_calls = 0
        self.sampled_native = 0.0    # the sampled calls' time natively, and in CPython
        self.sampled_cpython = 0.0
        self.samples = 0
        self.copy_bound = 0          # nested calls whose copying outweighed their native work
        self.method = False          # a method calling itself through self (its prologue passes no function)
        # header pc -> the native iterations of its loop in the versions dropped (drop)
        self.dropped_iterations: dict = {}

    def drop(self, key):
        """Its version for ``key`` goes (a global or class attribute it read changed); what
        its loops ran natively is kept, not the version (its instance and memory)."""
        for h, n in self.versions.pop(key).loop_iterations().items():
            self.dropped_iterations[h] = self.dropped_iterations.get(h, 0) + n

    def loop_iterations(self) -> dict:
        """header pc -> the iterations each of the function's own loops ran in its native
        calls (``FunctionVersion.loop_iterations``), over all its versions."""
        total = dict(self.dropped_iterations)
        for version in {id(v): v for v in self.versions.values()}.values():
            for h, n in version.loop_iterations().items():
                total[h] = total.get(h, 0) + n
        return total

    def row(self) -> dict:
        # the calls tried are those answered and those that failed (the generated entry
        # counts only the answered ones)
        self.entries = self.native_iterations + sum(self.exits.values())
        return super().row()


@functools.cache
def hook_seconds() -> float:
    """The CPU time the count costs an iteration of a hooked loop (``.cN -= 1`` and ``if not
    .cN:``, tauraro.vm.instrument), measured once per process: two loops over one range, the
    least difference of three tries (~2 ms in all)."""
    def counted(r):
        c = 256
        for _ in r:
            c -= 1
            if not c:
                c = 256

    def plain(r):
        for _ in r:
            pass
    r = range(HOOK_SAMPLE)
    differences = []
    for _ in range(3):
        t0 = _thread_time()
        counted(r)
        t1 = _thread_time()
        plain(r)
        t2 = _thread_time()
        differences.append(((t1 - t0) - (t2 - t1)) / HOOK_SAMPLE)
    return max(min(differences), 0.0)


class JitController:
    def __init__(self, threshold: int = DEFAULT_THRESHOLD, emit_dir: str | None = None,
                 cache_dir: str | None = None, dump: str | None = None, code_for=None,
                 statistics: bool = True, start_seconds: float = START_SECONDS, eager: bool = False,
                 created: float | None = None):
        self.threshold = threshold
        # an explicit --jit-threshold: a loop enters at its threshold, however short its
        # runs (_short_runs does not judge them)
        self.eager = eager
        # the work a loop must be known to have left for its trip to start the JIT, and how
        # long after the first hot loop any trip starts it (see _start_pays; 0: at once)
        self.start_seconds = start_seconds
        # (made when the first loop gets hot -- or ``created``: when it got hot, its trips
        # kept by the hook's start gate, tauraro.vm.start_gate; the process's CPU time, as
        # _start_pays reads it)
        self.created = time.process_time() if created is None else created
        # --jit-stats asked for: the generated entries of functions compiled whole count the
        # calls they answer and time the native runs (else they leave both out)
        self.statistics = statistics
        self.code_for = code_for          # function -> its register bytecode (calls are inlined)
        self.emit_dir = emit_dir or None
        self.dump = dump                  # --jit-dump: a directory, or "-" for stderr
        self.cache_dir = cache_dir        # native code kept between runs (None: not kept)
        self.engine = None
        # the last exit's register files of inlined callee frames (outermost first), or None
        self.callee_registers = None
        mathlib.attach(self._engine)        # the check of the ported math functions compiles there
        self._engine_seconds = 0.0        # import wasmtime + Engine (once, on the first hot loop)
        self._engine_aside = None         # (the engine being made on another thread: _start_engine_aside)
        self.loops: dict = {}             # (code, loop id) -> LoopState
        self._liveness: dict = {}
        self._emitted = Counter()
        self._helpers: dict = {}          # helper name -> its HostFunction (see _helper)
        self._stems: dict = {}            # file name -> its stem (_stem)
        self.interrupts = None
        self.interrupted = None           # a KeyboardInterrupt that arrived during a native run
        self.compile_times: list = []     # seconds each version's compile took (_compile_wait)

    def close(self):
        """The program has ended (``HookRuntime.close``): the math check lets go of this
        controller's engine, the one reference the JIT's modules held to it -- and through
        it to every version, loop state and the program's globals, kept to the end of the
        interpreter's teardown and walked by each of its collections (a ray tracer's objects
        tracked after close: 23,900, now 16,800; CPython's at exit: 8,400)."""
        mathlib.detach(self._engine)

    def state(self, code, loop_id) -> LoopState:
        key = (code, loop_id)
        st = self.loops.get(key)
        if st is None:
            st = self.loops[key] = LoopState(code, code.loops[loop_id])
        return st

    def unplaced(self, filename, info, reason, qualname="?", status="not compiled"):
        """A loop the register bytecode could not be found or made for, or given up on before
        it was looked for (``status``): reported, not compiled."""
        return self._unplaced_state(filename, info.line, info.kind, qualname, status, reason)

    def _unplaced_state(self, filename, line, kind, qualname, status, reason):
        key = (filename, line, kind)
        st = self.loops.get(key)
        if st is None:
            from ..compiler.code import LoopInfo
            st = self.loops[key] = LoopState(_Unplaced(filename, qualname), LoopInfo(-1, kind, line, 0, 0, -1))
            self.give_up(st, status, reason)
        return st

    def held_back(self, filename, line, kind, reason, qualname, status, iterations):
        """A loop (``kind`` "for" or "while") whose trips the start gate kept
        (``tauraro.vm.start_gate``), or a comprehension's whose runs it did: its row says so
        (``status``, ``reason``), with its ``iterations`` as written -- in the state its
        function's register bytecode made, if it has one (an enclosing loop's region may have
        run it natively), else in one of its own."""
        st = next((s for s in self.loops.values() if s.line == line and s.loop.kind == kind
                   and s.code.filename == filename and not isinstance(s.code, _Unplaced)), None)
        if st is None:
            st = self._unplaced_state(filename, line, kind, qualname, status, reason)
        elif st.status == "interpreted":
            st.status, st.reason = status, reason
        st.interpreted_iterations += iterations

    def register(self, code):
        """Every loop of a code object, so loops that never got hot are reported too."""
        for loop in code.loops:
            self.state(code, loop.id)

    # --- the decision at a trip ---------------------------------------------------------------
    def trip(self, st, G, r, counted: int, parent=None, left=None, new_run=True) -> Decision:
        """The loop of ``st`` has counted ``counted`` more interpreted iterations and is at
        its header with registers ``r``: enter native code if it pays. ``left``: the
        iterations it has left, if the caller knows (else its iterator's length hint).
        ``new_run``: not a trip of the run its last trip was in (None: not told; see
        ``LoopSite._new_run``).

        The CPU time the decision takes, native runs aside -- the JIT's start, compiles,
        copies, refused entries -- is added to ``overhead``: it is not the baseline's work,
        which ``_measure`` times between trips."""
        version = self.steady_version(st)
        if version is not None:
            decision = self._steady(st, version, G, r, counted, parent, left, new_run)
            if decision is not None:
                return decision
        if st.globals is None:
            st.globals = G
        t0, native = _thread_time(), st.native_seconds
        JitController.trip_started = t0
        st.new_run = new_run
        try:
            return self._decide(st, G, r, counted, parent, left, t0)
        finally:
            JitController.overhead += max(0.0, _thread_time() - t0 - (st.native_seconds - native))

    def _steady_version(self, st):
        """The last version of a loop in its steady state, or None: it has entered before, the
        version copies no records (numbers and range iterators: its generated enter checks and
        packs them), no timing of it is under way or asked for."""
        version = st.last
        if version is None or version.transfer.full_records or st.status != "compiled" or not st.entries \
                or st.measured_at is not None or st.timing_asked or self.engine is None:
            return None
        return version

    @staticmethod
    def _note_trip(st, counted, left, parent, new_run=True):
        """What every trip notes first (as ``_decide`` does): the iterations counted since
        the last, whether it starts a run, the most iterations left seen, and the work the
        enclosing loop runs this one again for."""
        st.interpreted_iterations += counted
        st.new_run = new_run
        if left is not None and left > st.longest_left:
            st.longest_left = left
        if parent is not None:
            parent.work_hint = max(parent.work_hint, left or 0)

    def _steady(self, st, version, G, r, counted, parent, left, new_run):
        """The trip of a loop in its steady state (``_steady_version``) with no refusal
        remembered: the trip whose decision ``_decide`` would reach only after finding each
        of those so, taken at once (a scalar loop's round trip from the hook was ~16 us, a
        third of it the decision's checks and the two reads of the thread's CPU clock, ~0.6
        us each: a system call). None, with nothing changed, where ``_decide`` decides otherwise: a
        run too near its end to pay (``_run_ending``), values its version does not take.
        Timed on the wall's clock: the entry moves a few words, and a clock's two reads
        would cost it more than a preemption in its few microseconds is likely to (as
        ``_after_exit`` times such entries)."""
        t0 = time.perf_counter()
        if left is None:
            left = self._iterations_left(st, r)
        if self._run_ending(st, left):
            if left < SHORT_LEFT:
                return None         # (_decide's, which times the loop's iterations too)
            # (a run too short for its round trip: refused here, not after _decide's checks,
            # which cost a refused trip as much as the run's work)
            self._note_trip(st, counted, left, parent, new_run)
            decision = self._run_refused(st, left, None)
            JitController.overhead += time.perf_counter() - t0
            return decision
        return self.steady(st, version, G, r, counted, parent, left, new_run, t0)

    def steady_version(self, st):
        """The version a trip of ``st`` enters at once (``trip``'s steady path: ``_steady``),
        or None: the loop is not in its steady state, or refusals of it are remembered."""
        version = self._steady_version(st)
        return version if version is not None and st.refused_trips < FREE_REFUSALS else None

    def run_ends_soon(self, st, left) -> bool:
        """Is a run with ``left`` iterations left too near its end for an entry to pay
        (``_run_ending``)? Then its trip must go the whole way (``trip``), which refuses it."""
        return self._run_ending(st, left)

    def steady(self, st, version, G, r, counted, parent, left, new_run, t0=None):
        """The entry of a steady trip (``_steady``) whose run was found long enough to pay
        (``run_ends_soon``): its Decision, or None, nothing changed, where the version does
        not take the values in ``r``. ``t0``: the trip's start (``perf_counter``), if earlier."""
        if t0 is None:
            t0 = time.perf_counter()
        native = st.native_seconds
        MEMORIES.entries += 1
        try:
            transfer = version.transfer
            generated, built = transfer.generated_seconds, transfer.built_seconds
            recs = transfer.enter(r, G, st.builtins)
            if recs is None:
                return None
            self._note_trip(st, counted, left, parent, new_run)
            record = self._run(st, version, recs, r, G, t0, generated, built, None)
        finally:
            MEMORIES.entries -= 1
        decision = self._entered(st, record)
        JitController.overhead += max(0.0, time.perf_counter() - t0 - (st.native_seconds - native))
        return decision

    @classmethod
    def _overhead_now(cls, now) -> float:
        """``overhead`` with the current trip's time so far (``now``: the thread time): a
        timing taken mid-trip starts after it, and the whole trip is added at its end."""
        return cls.overhead + (now - cls.trip_started)

    def _decide(self, st, G, r, counted, parent, left, started) -> Decision:
        """The trip's decision (``trip``); ``started``: the thread time it started."""
        st.interpreted_iterations += counted
        if st.dead:
            return Decision(None, IDLE_COUNTDOWN)
        engine_was_on = self.engine is not None
        parent_countdown = None
        if left is None:
            left = self._iterations_left(st, r)
        if left is not None and left > st.longest_left:
            st.longest_left = left
        if parent is not None:
            # (the enclosing loop runs this one again: at least as much work is left in it)
            parent.work_hint = max(parent.work_hint, left or 0)
            if st.last is None and not parent.dead and parent.entries == 0 and not parent.too_much:
                # (not one refused for what it would copy: its next try is its backoff's,
                # whose doubling its limit's growth is judged by -- tokenizer.py's scanning
                # loop, its tries brought forward by seven nested loops' trips, was
                # refused ~100 times, 100,000 iterations, for the work between two tries)
                parent_countdown = 1
        self._measure(st, left, counted, started)
        short = self._short_probe(st, left)
        if short:
            # (the enclosing loop's count is not cut while this one's runs are probed: asked
            # now, before this one has run any of the work its runs make, it would weigh too
            # little of it -- insertion sort's outer loop, asked at its shifting loop's probe,
            # found 0.13 ms of work and waited, and the shifting loop was compiled alone)
            return Decision(None, IDLE_COUNTDOWN, parent_countdown) if st.dead else Decision(None, short)
        short = self._short_runs(st, left)
        if short:
            return Decision(None, IDLE_COUNTDOWN if st.dead else short, parent_countdown)
        if self._run_ending(st, left):
            return self._run_refused(st, left, parent_countdown)
        weighed = engine_was_on     # (is its first compile to be weighed alone: below)
        if self.engine is None:
            pays = self._start_pays(st, left, r, parent)
            if not pays:
                return Decision(None, st.start_countdown, parent_countdown)
            # (a start the loop's own work pays for has weighed its first compile with it; one
            # the program's time since its first hot loop allows has not)
            weighed = pays == AFTER_START_SECONDS
        if parent_countdown and not st.deferred and not st.versions and (engine_was_on or self.start_seconds):
            # (the enclosing loop, asked next, is the region to start with -- or to compile
            # in once the JIT runs: entered alone, this one would copy in at every run of it,
            # and compiled first, its compile was thrown away inside the enclosing loop's
            # region at that loop's next header: insertion sort's shifting loop, sieve's
            # marking loop, ~1.5-5 ms each. Once: an enclosing loop the baseline gave up on
            # -- over itertools.combinations, say -- never takes it, and knapsack.py's inner
            # loop tripped 48,000 times. A loop with no engine has no versions yet)
            st.deferred = True
            return Decision(None, FIRST_CHECK_ITERATIONS, parent_countdown)
        # (not a comprehension's: its timing would be a whole run as written -- comprehensions.py's
        # pairs ran one of five so, ~70 ms against ~8 natively. Its entry is limited by the floor of
        # its iterations' cost, and one refused is timed as written by its site)
        if st.measured_per is None and left is not None and left >= 32 and (
                st.measure_waits < 2 or st.short_timings is not None and st.measure_waits < SHORT_TIMING_WAITS) \
                and not st.reruns_iterations and (st.timing_asked or (st.last is None or st.last.transfer.full_records)
                     and self._worth_timing(st, r, G, parent, left)):
            # (an entry that may copy much -- its lists at their cheapest element's cost are
            # an eighth of SMALL_COPY; an int's costs up to 7 times a flag's -- waits for its
            # loop's iterations to be timed first: what they cost the baseline is what the
            # copy is weighed against, and the estimate from the body's instructions is off
            # by 2-5x either way -- count_primes' 4 instructions take ~45 ns instrumented,
            # not 25, a grid's 45 take ~120-400 ns, not 108)
            st.measure_waits += 1
            # (about MEASURE_SECONDS of them by the estimate, at most a sixteenth of those
            # left -- or, for a loop nested in another, the rest of this run of it: its runs
            # to come are its work too, and a sixteenth of a grid row's 600 cells left, ~50
            # us, was too short to be timed, so the row loop was weighed by the floor)
            wait = max(2, min(int(MEASURE_SECONDS / self._seconds_per_iteration(st)),
                              left // 16 if parent is None and not st.timing_asked else left - 2))
            if st.goes_plain:
                # (a loop whose hook can run it as written runs that many iterations so,
                # timed, and trips at the next: its count's cost is not in the time, where
                # a count timed with it less an estimate of the count's cost -- hook_seconds,
                # ~21 ns -- was off by 20 ns an iteration and more under load: sieve's
                # count_primes, ~15 ns an iteration as written, timed at 37, copied 5*10^6
                # flags in, 176 ms, for a pass CPython makes in ~75)
                st.measured_at = None
                return Decision(None, 1, parent_countdown, stretch=wait)
            # (the timing starts now: from the trip's start, what the trip did since taken
            # out by _overhead_now, as _measure's)
            st.measured_at = (started, left, self._overhead_now(started))
            return Decision(None, wait, parent_countdown)
        if not st.versions and not self.eager and weighed and not st.reruns_iterations \
                and left is not None and left >= 0:
            # (its first compile would cost more than the loop's work could save: it stays
            # the baseline's until its work grows, this run of it as written, and trips again
            # once it has done the work it must still do to pay, at the floor of its cost --
            # a loop of short runs, matrix_lists.py's lu_solve at ~80 iterations a run, would
            # otherwise trip at every run. Only a for loop, whose work left is known: a while
            # loop's work so far, counted at the floor of its iterations' cost -- collatz.py's,
            # 25 ns an iteration, nested loop included -- said 2 ms after 370 ms of it. Not
            # the trip that starts the JIT for the loop's own work: _start_pays weighed its
            # first compile with the start; but one that starts it only because the program
            # has run start_seconds since its first hot loop is weighed here: chaos_game.py's
            # count of a canvas' cells, ~80 us of work a call, started the JIT and compiled.
            # Not a comprehension's: its trips count no iterations)
            wait = self._compile_wait(st, left)
            if wait and st.nests and wait > st.recheck:
                # (a loop with loops in it: its iterations cost what their runs do, which grow
                # from call to call -- insertion sort's outer loop, judged in its warm-up's
                # sort of 300 ints, waited 5,400 iterations, and the sort of 3,600 after ran
                # as written, ~0.2 s. It trips again sooner, in this run too, each time twice
                # as late: the next trip times its iterations, nested runs included)
                countdown, st.recheck = st.recheck, min(2 * st.recheck, MAX_BACKOFF)
                return Decision(None, countdown, parent_countdown)
            if wait:
                return Decision(None, max(left + 1, min(wait, MAX_BACKOFF)), parent_countdown)
        t0 = time.perf_counter()
        if st.refused_trips >= FREE_REFUSALS and t0 < st.next_attempt:
            # (a loop whose last entries were refused tries again only once the program has
            # run TRIP_WORK_RATIO times what the last try cost: a trip typing a list of
            # objects of several classes takes ~1 ms, and deltablue.py's Plan.execute loop
            # tripped 140 times, every 57,000 iterations -- the backoff's cap -- to learn
            # each time that its entry fails: 0.14 s of a 2 s run. The trip itself goes
            # on, counting the loop's iterations, which estimates of its work and of its
            # enclosing loop's read, after a backoff growing as a refused try's does)
            countdown, st.backoff = st.backoff, min(st.backoff * 2, 1 << 16)
            return self._not_entered(st, countdown, parent_countdown)
        if st.work_for_compile and not st.versions and self._big_compile_stake(st, left) < st.work_for_compile:
            # (a big region's compile waits for the loop's work: _weigh_size)
            countdown, st.backoff = st.backoff, min(st.backoff * 2, 1 << 16)
            return self._not_entered(st, countdown, parent_countdown)
        compiled, started = st.compile_seconds, self.engine_seconds
        record = self.enter(st, G, r, left)
        st.measured_at = None       # (its iterations until the next trip may run natively)
        if record is None:
            if st.dead:
                return Decision(None, IDLE_COUNTDOWN, parent_countdown)
            # (what the try cost, its compiles and the JIT's start aside; the first tries
            # are free: one may have dropped a version whose class attribute changed, to
            # compile another at the next. Not a refusal of what it would copy: those are
            # remembered with what they needed, and the next are refused without copying)
            now = time.perf_counter()
            st.refusals += 1
            if st.copy_refused_at >= t0:        # (those have their own memory: st.refused)
                return self._not_entered(st, st.backoff, parent_countdown)
            if st.full_at >= t0:
                # (values no version takes, and no room for another: the rest of this run
                # goes as written; not a refusal of the loop's versions, whose runs enter)
                return self._not_entered(st, left + 1 if left is not None and left >= 0 else st.backoff,
                                         parent_countdown)
            st.refused_trips += 1
            st.next_attempt = now + TRIP_WORK_RATIO * (
                now - t0 - (st.compile_seconds - compiled) - (self.engine_seconds - started))
            return self._not_entered(st, st.backoff, parent_countdown)
        return self._entered(st, record, parent_countdown)

    def _entered(self, st, record, parent_countdown=None) -> Decision:
        """The trip's decision after a native run that left with ``record``: its refusals
        and idle trips forgotten, the countdown its exit calls for (``_after_exit``)."""
        st.refused_trips = 0
        st.idle_trips, st.sleep_seconds = 0, SLEEP_SECONDS
        return Decision(record, self._after_exit(st, record), parent_countdown)

    def _compile_wait(self, st, left) -> int:
        """0 if compiling this for loop (``left`` iterations left) would pay, else the
        iterations it must still run before it may. Its work at stake -- what it has done so
        far, all runs (a guess at what its runs to come will do), and what it has left --
        must be worth COMPILE_PAYBACK times what a compile costs here (the median of this
        run's compiles so far, COMPILE_SECONDS at most). (list_index.py's check loop, 3,600
        iterations of ~90 ns in all, took a 2.3 ms compile to save ~0.3 ms.)"""
        stake = self._work_done(st) + self._work_seconds(st, left)
        estimate = self._compile_estimate()
        if stake >= COMPILE_PAYBACK * estimate:
            return 0
        st.reason = "not compiled yet: its work so far and left (%.2f ms) would not pay for a compile " \
                    "(~%.1f ms)" % (stake * 1000, estimate * 1000)
        per = self._seconds_per_iteration(st)
        return int((COMPILE_PAYBACK * estimate - stake) / per) + 1 if per > 0 else 1

    def _compile_estimate(self) -> float:
        """What a compile costs here: the median of this run's compiles so far, at most
        COMPILE_SECONDS (a compile's cost grows with its region, and one big region --
        raytracer.py's render, 78 ms with its inlined calls -- is no measure of a small
        loop's: its checksum loops waited for 78 ms of work)."""
        times = self.compile_times
        return min(sorted(times)[len(times) // 2], COMPILE_SECONDS) if times else COMPILE_SECONDS

    def _first_entry_limit(self, st, limit: int) -> int:
        """What the first entry of a loop of module-level code may copy of ``limit``, what
        its work left pays for: that work is all it will ever do (the code runs once), and
        its first entry pays for its compile, and for the JIT's start if it is the first,
        before its native run saves anything -- it may copy what the work pays for beyond
        those. word_pairs.py's count over 300,000 words, ~47 ms of work, was let copy 64 ms
        of them in some runs, after a start and a compile of ~30 ms. A function's loop runs
        again at every call, its compile weighed against all its runs (``_compile_wait``);
        with a threshold given, what gets hot is compiled."""
        if st.versions or self.eager or st.code.kind != "module":
            return limit
        pending = self._compile_estimate() + (self.start_seconds if self.engine is None else 0.0)
        return max(0, int(limit * FIRST_ENTRY_SHARE) - int(pending / (UNIT_SECONDS * JitController.copy_scale)))

    def _short_runs(self, st, left) -> int:
        """Is this a loop whose runs are too short for an entry to pay? Judged, before it is
        compiled or entered, from the iterations a for loop had left at its trips: a trip
        comes at an iteration the count picks regardless of the runs, so a loop whose
        iterations are mostly in long runs is mostly found far from its runs' ends. A trip
        that finds fewer than SHORT_LEFT left, before the loop ever entered, does not enter
        (the countdown to its next trip is returned); once SHORT_TRIPS trips found so few,
        and none more, the loop is given up on (it runs as written; a loop enclosing it may
        still compile it into its own region): its entries would be runs of a few dozen
        iterations at most, which the judgement of entries (MIN_ITERATIONS_PER_ENTRY) gives
        up on after compiling the loop and entering it ENTRIES_BEFORE_JUDGING times --
        deltablue.py's loops over a variable's one or two constraints cost ~60 ms of compiles
        and entries that way. (Not a loop with loops nested in it: its iterations' work is
        theirs too; nor under an explicit --jit-threshold, ``eager``.) 0: the trip goes on."""
        if left is None or left < 0 or left >= SHORT_LEFT or st.entries or st.nests or st.loop.kind != "for" \
                or self.eager:
            return 0
        st.known_trips += 1
        if st.known_trips < SHORT_TRIPS or st.longest_left >= SHORT_LEFT:
            return max(2, st.start_countdown)
        self.give_up(st, "left to the baseline", "its runs are too short for entries to pay: %d iterations "
                     "left at most, at %d trips" % (st.longest_left, st.known_trips))
        return IDLE_COUNTDOWN

    def _short_probe(self, st, left) -> int:
        """``_short_runs`` for a loop whose iterations left do not tell how long its runs go
        on: a while loop's are not known, and a for loop's runs over a range may end at a
        ``return`` or ``break`` long before the range does (knapsack.py's bound, over the
        items left, returns at the first that does not fit). Its first trip, before it is
        compiled, counts down SHORT_LEFT iterations to the next; if that one is in the same
        run (``LoopState.new_run`` false: for a for loop, the same range iterator, which its
        hook holds between the two), the runs go on far enough, and the trip goes on to the
        loop's compile (asked before ``_short_runs``, which would take the trip for a
        run's end). If the run ended first, the next trip probes again; after SHORT_TRIPS
        such probes, the loop is given up uncompiled: as for ``_short_runs``, a trip comes
        at an iteration its count picks, regardless of the runs, so a loop whose iterations
        are mostly in long runs is mostly found far from their ends. chaos_game.py's scan of
        a cumulative table (a run or two of iterations per call), rbtree.py's walk to a
        subtree's least node and tiny_interpreter.py's scan of a number's digits were
        compiled, each starting the JIT, for their entries' judgement
        (ENTRIES_BEFORE_JUDGING) to give them up at 1-2 native iterations an entry. (Not a
        loop with loops nested in it, nor one entered or compiled, nor a comprehension's,
        whose trips count no iterations, nor under an explicit --jit-threshold, ``eager``;
        nor a for loop not over a range (``new_run`` None), or with too few iterations left
        for a probe (``_short_runs``'), or inside another loop of its function: that one's
        region takes it, and probed, it changed when that one was asked -- particles.py's
        inner loop, given up in its warm-up, left its enclosing loop to enter 130
        iterations later.) 0: the trip goes on."""
        probes = st.short_probes
        if probes is True or st.entries or st.versions or st.nests or self.eager or st.reruns_iterations \
                or st.new_run is None:
            return 0
        if probes is not None and not st.new_run:
            st.short_probes = True
            return 0
        if st.loop.kind == "for" and (left is None or left < SHORT_LEFT or st.loop.parent >= 0):
            return 0
        probes = st.short_probes = 0 if probes is None else probes + 1
        if probes < SHORT_TRIPS:
            return SHORT_LEFT
        self.give_up(st, "left to the baseline", "its runs are too short for entries to pay: each ended "
                     "within %d iterations of a trip, at %d trips" % (SHORT_LEFT, probes + 1))
        return IDLE_COUNTDOWN

    def _run_ending(self, st, left) -> bool:
        """Is this run of a loop that has entered before too near its end for an entry to
        pay: fewer than SHORT_LEFT iterations left, which by what an iteration costs the
        baseline save less than its entries have cost on average? Then the run goes on as
        written, and the next trip is at the start of the next run (grid_dp.py's make_grid
        builds 800 rows of 1000 cells, then 2700 rows of one: each of those entered, at
        ~40 us, to run one iteration, made its row loop cost twice what CPython spends).
        A loop whose last version copies no records (numbers and range iterators) is judged
        so at any length of run, by what its entries' round trips from the hook cost at
        least (``LoopState.entry_least``), not by their copies alone: a function running a
        200-iteration sum, called 50,000 times, entered at each call -- ~11 us a round
        trip, of which ~2.5 copying and the native run, for ~4 us of work -- and ran 3.8x
        slower than under CPython. Its runs then go on as written, and the loop soon sleeps
        (``_not_entered``). One whose version copies records is judged so too once its
        iterations are timed (``measured_per``; the estimate is 2-5x off either way): the
        least round trip copied the least data any entry did, which a run's entry costs at
        least -- a character count into a dict, called on 600 pieces of 600 characters after
        one long text, entered each piece at ~65 us for ~30 us of work. (Not a loop with
        loops nested in it, nor under an explicit --jit-threshold.)"""
        if left is None or left < 0 or not st.entries or st.nests or st.loop.kind != "for" or self.eager:
            return False
        least = st.entry_least
        if left >= SHORT_LEFT:
            # (by the least round trip alone: the mean of the first entries' copies holds
            # their fresh pages, ~0.25 ms, which the next do not pay)
            last = st.last
            if least is None or last is None or last.transfer.full_records and st.measured_per is None:
                return False
            return left * st.body_seconds < least
        cost = st.transfer_seconds / st.entries
        return left * st.body_seconds < (cost if least is None or least < cost else least)

    def refuses_run(self, st, left, counted, parent) -> bool:
        """Is a run of a loop in its steady state (``_steady_version``), ``left`` iterations
        left, refused for its length (``_run_ending``) -- asked by the hook before it reads
        the loop's registers, which a refused run does not need? True, the trip noted (the
        ``counted`` iterations since the last, the enclosing loop's site state ``parent``),
        only while such refusals do not put the loop to sleep (``_run_refused``, whose count
        this one keeps); else the trip goes the whole way, and the loop sleeps there."""
        if left < SHORT_LEFT or self._steady_version(st) is None or not self._run_ending(st, left) \
                or not self._awake_refusal(st):
            return False
        self._note_trip(st, counted, left, parent)
        return True

    def _run_refused(self, st, left, parent_countdown) -> Decision:
        """A run refused by ``_run_ending``: it goes on as written. Refused for its length
        (SHORT_LEFT or more left), it puts the loop to sleep only once the trips refused
        since its last entry have cost (``_awake_refusal``) what its longest run is worth --
        what its last entry saved (``entry_saving``), or the most iterations it had left at
        a trip at the baseline's cost of one, if more: a function called with
        200 iterations 39 times in 40 and 50,000 the 40th slept, and its long runs went as
        written, 4x slower than entered; one called 50,000 times with 200 after once with
        5000 must sleep soon, its refused trips costing more than its runs' work."""
        if left >= SHORT_LEFT and st.entry_least is not None and self._awake_refusal(st):
            return Decision(None, left + 1, parent_countdown)
        return self._not_entered(st, left + 1, parent_countdown)

    @staticmethod
    def _awake_refusal(st) -> bool:
        """May one more run of ``st`` be refused for its length without putting it to sleep
        (``_run_refused``)? Then it is counted. A refusal is charged at what the hook's
        early refusals have cost at least (``refusal_least``), else at the entry's round
        trip (refused the whole way, a trip costs about what an entered one does beside
        the run)."""
        charge = st.refusal_least if st.refusal_least is not None else st.entry_least
        if st.idle_trips * charge < max(st.entry_saving, st.longest_left * st.body_seconds):
            st.idle_trips += 1
            return True
        return False

    @staticmethod
    def _not_entered(st, countdown, parent_countdown) -> Decision:
        """A trip that did not enter native code (the JIT started, the loop's iterations
        timed if they were to be). After SLEEP_AFTER of them since its last entry, the loop
        sleeps: the baseline's counting costs a loop of a short body as much as its own work
        (a 3-iteration loop run 220 ns a run as written, 570 counted), and deltablue.py's
        Plan.execute loop, refused 64 times, counted 8*10^6 iterations, 0.16 s of a 2.5 s
        run. A sleeping loop trips once when it wakes (its data may have grown: entering
        may pay now), and sleeps twice as long again if that trip does not enter either."""
        st.idle_trips += 1
        if st.idle_trips < SLEEP_AFTER:
            return Decision(None, countdown, parent_countdown)
        st.sleeps += 1
        seconds, st.sleep_seconds = st.sleep_seconds, st.sleep_seconds * 2
        return Decision(None, countdown, parent_countdown, seconds)

    overhead = 0.0      # CPU seconds the JIT's decisions and compiles took in this process (_measure)
    # What copying costs on this machine against the cost model's units (layout: UNIT_SECONDS
    # a unit, calibrated on the dev VM): measured by entries that copied much
    # (_calibrate), it scales what an entry may copy for the work it saves (_copy_limit).
    # On a machine 1.7x slower at Python-level steps, an entry copying 63,000 tuples of
    # avl_tree.py took 31 ms where the model said 18, for a loop worth ~10 ms.
    copy_scale = 1.0
    copy_samples = 0
    trip_started = 0.0  # (the thread time the current trip started: _overhead_now)

    def _worth_timing(self, st, r, G, parent=None, left=None) -> bool:
        """May an entry of this loop, or of the loop it is nested in (``parent``), copy
        much (``_least_copy`` above an eighth of SMALL_COPY), so its iterations should be
        timed first? The enclosing loop's entry is weighed by what its iterations cost, this
        one's runs included: a 600x600 table's row loop, weighed by the floor for its cells,
        was refused the table, and the cell loop entered alone at every row. (Nested loops
        share their function's registers: ``r`` holds the enclosing loop's variables too.)
        Asked again only once the loops' data has grown four times past its size when last
        asked (a table's rows are counted, and graph_structure's short loops over 40,000
        adjacency lists trip thousands of times; a 50x50 table's run said no for the
        600x600 runs after it)."""
        builtins = st.builtins or _builtins_of(G)

        def size():
            return self._data_size(st, r, G, builtins) + (
                self._data_size(parent, r, G, builtins) if parent is not None else 0)
        if st.timed_size is not None and size() <= 4 * st.timed_size:
            return False
        least = self._least_copy(st, r, G, builtins)
        nested = parent is not None and not parent.dead
        worth = 8 * least > SMALL_COPY or (nested and 8 * self._least_copy(parent, r, G, builtins) > SMALL_COPY)
        if worth and not nested and left is not None and left >= 0 and \
                self._copy_limit(st, left) >= FLOOR_COPY_MARGIN * least:
            # (its work left by the floor of what an iteration costs already pays for what
            # the entry copies at the dearest element's cost, with room: a timing would only
            # say it pays more. list_index.py's window loop, 60,000 iterations of 24 cells
            # left against 60,000 floats, spent ~1.5 ms of them as written, being timed)
            return False
        if not worth:
            st.timed_size = max(size(), 1)
        return worth

    @staticmethod
    def _stores_lists(st, inf, graph) -> bool:
        """Does the loop's code store into lists (``x[i] = v`` into a list, by its types;
        append, pop or insert)? Then an entry pays to write its lists back, and is charged
        that (layout.element_cost). (Not every ``mark_dirty``: storing into an object's
        field marks its record, not a list's.)"""
        if any(ins.op in _LIST_CHANGES for ins in graph.all_instrs()):
            return True
        code, loop = st.code, st.loop
        for pc in range(loop.header, loop.end):
            ins = code.instrs[pc]
            if ins.op.name == "STORE_SUBSCR" and ins.args[0] >= 0:
                t = inf.state_before.get(pc, {}).get(ins.args[0])
                if t is None or (isinstance(t, SeqType) and t.kind == "list"):
                    return True         # (not typed there: counted, to be safe)
        return False

    def timed_as_written(self, st, iterations: int, seconds: float):
        """A stretch of ``iterations`` of the loop run as written (``Decision.stretch``) took
        ``seconds`` of CPU time: what an iteration costs the baseline, without the count's
        cost (the least seen, as ``_measure``'s)."""
        st.interpreted_iterations += iterations
        # (stretches too short to go by are added up until they are not: a nested loop's
        # stretch is the rest of its run, and grid_dp.py's rows of ~900 cells, 85 us as
        # written on a fast machine, were each under MEASURE_LEAST -- its two waits spent,
        # its cells were weighed by the floor, ~2x under, and its table refused for good)
        held = st.short_timings
        if held is not None:
            iterations, seconds = iterations + held[0], seconds + held[1]
        if self._trusted(st, iterations, seconds):
            st.short_timings = None
            self._timed(st, seconds / iterations)
            if self._elements_lose(st):
                self._give_up_elements(st)
        else:
            st.short_timings = (iterations, seconds)

    @staticmethod
    def _time_first(st) -> bool:
        """Have the loop's iterations timed as written before its next entry (``_decide``), if
        they can be and are not timed yet; whether that was asked. Not a loop with loops in it,
        whose timing would hold their runs, nor a comprehension: its trips ask for no timing
        (``_decide``), and its site times its native runs against the floor or a run as
        written."""
        if st.measured_per is not None or st.nests or st.reruns_iterations:
            return False
        st.timing_asked = True
        st.measure_waits = 0
        return True

    @staticmethod
    def _losing_streak(st, cost) -> bool:
        """Have the last LOSING_ENTRIES entries of a loop copying records each cost more (their
        copies and native run: ``cost`` is all entries') than they saved, LOSING_SECONDS in all,
        and all its entries together too? Then its runs are not about to pay, and it is given up
        within TRANSFER_ALLOWANCE, which lets a first entry's one-time costs -- fresh pages, cold
        caches, its element code made -- be paid back (the first entry is not counted here).
        matrix_lists.py's row loop in lu_decompose entered 50 times, ~0.47 ms of copies for ~0.1
        saved each, minimax.py's evaluate ~20 ms, before the allowance was spent. Judged by
        the floor of its iterations' cost, not timed, an entry loses only past FLOOR_MARGIN
        times its saving, as the allowance's judgement counts it. (Not under an explicit
        --jit-threshold, ``eager``, whose small runs are entered to be run natively, as the
        other shortcuts of entries that do not pay are not: ``_short_runs``.)"""
        entry_cost, st.cost_seen = cost - st.cost_seen, cost
        if st.entries < 2:
            return False
        margin = 1 if st.measured_per is not None else FLOOR_MARGIN
        loss = entry_cost - margin * st.entry_saving
        if loss <= 0:
            st.losing, st.losing_seconds = 0, 0.0
            return False
        st.losing += 1
        st.losing_seconds += loss
        return st.losing >= LOSING_ENTRIES and st.losing_seconds > LOSING_SECONDS and cost > margin * st.native_saving

    @staticmethod
    def _elements_lose(st) -> bool:
        """Did making the Python elements of the lists its native runs left (the objects,
        tuples and strs native code made or moved: ``elements_seconds``) take longer than
        the baseline spends on the whole iterations that made them (``measured_per`` each,
        once timed)? Then no entry pays, however long its run or cheap its copies: each
        iteration's element costs more made at the exit than the iteration as written,
        which makes it too. (A loop appending a new object of two fields an iteration:
        ~0.55 us each made at the exit, ~0.45 us the iteration as written -- object_list.py
        entered twice, 55 ms each, before the copies' judgement gave it up.) Not before
        ELEMENTS_LEAST of it: a first entry's element code is made then, once
        (``_filler``); nor a loop with loops in it, whose timing is of their runs too."""
        per = st.measured_per
        return per is not None and not st.nests and st.native_iterations > 0 \
            and st.elements_seconds > max(ELEMENTS_LEAST, st.native_iterations * per)

    def _give_up_elements(self, st):
        """Leave the loop to the baseline for ``_elements_lose``, saying the figures."""
        self._give_up_lost(st, "making the elements its native runs left in lists (%.1f ms) costs "
                               "more than their %d iterations as written (%.1f ms)"
                           % (st.elements_seconds * 1000, st.native_iterations,
                              st.native_iterations * st.measured_per * 1000))

    @staticmethod
    def _timed(st, per):
        """An iteration of ``st`` measured at ``per`` seconds (the least seen is kept). The
        native iterations it ran before its first timing were credited at the floor
        (``iteration_seconds``): credited now at what was measured, above that."""
        if st.measured_per is None:
            if st.native_iterations and not st.nests:
                st.native_saving += st.native_iterations * max(0.0, per - st.iteration_seconds)
            st.measured_per = per
        elif per < st.measured_per:
            st.measured_per = per

    def _trusted(self, st, done, took) -> bool:
        """Is ``took`` seconds for ``done`` iterations a timing to go by (MEASURE_SURE)?"""
        return done >= 2 and took >= MEASURE_LEAST and (
            took >= MEASURE_SURE or done * self._seconds_per_iteration(st) * MEASURE_TRUST >= MEASURE_LEAST)

    def _measure(self, st, left, counted, now):
        """Time a for loop's iterations in the baseline: the CPU time since its last trip
        over the iterations made since (from its iterations left, if those are the
        ``counted`` iterations made since: so both trips are in one run of it -- a trip in
        the next call of its function with fewer left had made a particle list's loop look
        28 us an iteration, not 0.5, and copying 1500 objects in and out 277 times looked
        paid for), kept as ``measured_per``, the least seen. The JIT's own time between the two
        trips (``overhead``: its start, a compile, a nested loop's entry refused after
        copying up to its limit) is not the baseline's: taken out. (Once it was not: under
        load the JIT's start, ~60 ms, fell between an inner loop's first two trips and made
        its iterations look 170 us each, not 1.4, so the loop was entered alone, copying
        a 1500x1000 table in for a row's 900 cells.) ``now``: the thread time the trip
        started (``trip``'s own read: what the trip did since is in ``_overhead_now``, so
        a second read would give the same times, and costs ~1 us here -- a system call)."""
        then = st.measured_at
        if left is None or left < 0:
            st.measured_at = None
            return
        spent = self._overhead_now(now)
        if then is not None and then[1] - left == counted:
            done = counted
            took = now - then[0] - (spent - then[2])
            if self._trusted(st, done, took):
                per = took / done
                if st.goes_plain:
                    # (a run it will not enter goes on as written, without the count it was
                    # timed with: an entry must beat the loop as written, not as counted --
                    # sieve's count_primes, ~40 ns an iteration counted and ~11 as written,
                    # copied 5*10^6 flags in, 133 ms, for a loop CPython runs in 55)
                    # (a fourth of what was timed at least: the count's cost is measured apart)
                    per = max(per - hook_seconds(), per / 4)
                self._timed(st, per)
        st.measured_at = (now, left, spent)

    def _work_seconds(self, st, left) -> float:
        """What the baseline would spend on the loop's work left: its iterations left at
        what each costs, or (a while loop's) what it has spent so far."""
        if left is None or left < 0:
            return self._work_done(st)
        if st.measured_per is not None and st.nests:
            # (timed -- the least an iteration took -- but an iteration of a loop with loops
            # in it costs what their runs do, which grow from call to call: grid_dp.py's
            # edit_distance row loop, timed over its warm-up's 40-cell rows at 8 us, looked
            # worth 11 ms with 1300-cell rows to go, 300 ms of work, and was refused the
            # table as often as not -- 0.26 or 0.61 s of loop time from run to run)
            return left * max(st.measured_per, self._seconds_per_iteration(st))
        if st.measured_per is not None:     # (timed: see trip)
            return left * st.measured_per
        return left * self._seconds_per_iteration(st)

    def _work_done(self, st) -> float:
        """What the baseline spent, or would have, on the iterations a loop has made so far:
        its own, and those counted of the loops nested in it at any depth, at what each
        loop's body costs; its and their native runs at what they saved. (Not its
        iterations times ``_seconds_per_iteration``: that counts a nested loop's longest run
        for each iteration, a guess for the work left that made sieve.py's while loop look
        worth 75 s after 1200 iterations worth ~0.3 s, so it copied its 5*10^6 flags in and
        out twice.)"""
        done = st.interpreted_iterations * st.body_seconds + st.native_saving
        loop = st.loop
        for inner in getattr(st.code, "loops", ()):
            if inner is not loop and loop.header <= inner.header < loop.end:
                child = self.loops.get((st.code, inner.id))
                if child is not None:
                    done += child.interpreted_iterations * child.body_seconds + child.native_saving
        return done

    def _module_work_left(self, st, left, r, now, parent=None) -> float | None:
        """What the loop nest of module-level code that ``st`` is in has left to do, when
        that is known: its outermost loop is a for loop whose iterations left are known, at
        what each of its iterations costs (the larger of the estimate, its nested loops'
        runs included, and what its iterations since its first trip took). Module-level
        code runs once: that work is all this nest will ever do, where a function's loop
        may run again at every call. Else None. A nested loop whose outermost loop's
        iterator its trip does not see (module-level iterators are its sites'), with an
        enclosing loop that trips next (``parent``, see _decide), gets 0: that loop's trip
        weighs the nest."""
        code = st.code
        if code.kind != "module" or r is None:
            return None
        loop = st.loop
        while loop.parent != -1:
            loop = code.loops[loop.parent]      # (a code's loops are listed by id: ``state``)
        if loop.kind != "for" or loop.target is None:
            return None
        outer = st if loop is st.loop else self.state(code, loop.id)
        outer_left = left if outer is st else self._iterations_left(outer, r)
        if outer_left is None or outer_left < 0:
            return 0.0 if outer is not st and parent is not None and not parent.dead else None
        per = self._seconds_per_iteration(outer)
        if outer.first_trip is not None:
            # (timed over MODULE_TIMED_LEAST iterations at least: the first ones since a
            # trip carry the nested loops' first trips, their typing, ~1 ms)
            then, _, was_left = outer.first_trip
            if was_left is not None and was_left - outer_left >= MODULE_TIMED_LEAST:
                per = max(per, (now - then) / (was_left - outer_left))
        return outer_left * per

    def _start_pays(self, st, left, r=None, parent=None):
        """May this trip start the JIT? True where the loop's own work pays for the start,
        AFTER_START_SECONDS where the program's time does; else False. Starting it costs
        ``start_seconds`` (see ``settings.START_SECONDS``) once per run, which a short
        program would never win back: a 3000-iteration loop took 0.14 s with the JIT against
        0.04 s without. It may when
        the work the loop is known to have left is worth that much in the baseline (a for
        loop's iterations left, or a nested loop's, at what an iteration costs: the larger of
        the estimate and what its iterations since its first trip took), and in any case
        once the program has run that long since its first loop got hot (then the start
        costs at most as much again as the program has already spent: a while loop's work
        left, or the runs a comprehension or a short inner loop has to come, are not known).
        Else the loop's next trip comes after about 5 ms of its iterations. Times are the
        process's CPU time: the start costs CPU, and on the wall's clock a loaded machine
        preempting a 3000-iteration program made it look to have run 20 ms, or its few
        timed iterations ~100 us each, and started the JIT for it."""
        now = time.process_time()
        late = now - self.created >= self.start_seconds
        if late:
            # (not for a loop of module-level code whose nest's work left is known and would
            # not pay for the start: the program's time so far says nothing of a future
            # that is known -- short_norms.py's last 7 of 20 rounds, ~8 ms, started the JIT,
            # ~50 ms of imports, engine and compile, in a 45 ms program)
            bound = self._module_work_left(st, left, r, now, parent)
            if bound is None or bound >= self.start_seconds:
                return AFTER_START_SECONDS
        per = self._seconds_per_iteration(st)
        # the iterations made since the first trip: a for loop's from its iterations left
        # (exact, though an inner loop's trips cut its countdowns short), else counted. Not
        # across runs: where more were counted than the left say, the first trip was in
        # another run, and the timing starts again here (a function's loop of 300
        # iterations a call, tripping 300 calls later with 289 left, looked to have made
        # 11 iterations in all that time, ~0.4 ms each, and started the JIT in a program
        # of ~5 ms of loop work, which then took twice as long)
        done = None
        if st.first_trip is not None:
            then, counted, was_left = st.first_trip
            if left is not None and left >= 0 and was_left is not None:
                done = was_left - left if was_left > left else None
                if done is not None and st.interpreted_iterations - counted > done:
                    done = None
            elif st.interpreted_iterations > counted:
                done = st.interpreted_iterations - counted
        measured = done is not None
        if not measured:
            st.first_trip = (now, st.interpreted_iterations, left if left is not None and left >= 0 else None)
        else:
            per = max(per, (now - then) / done)
        work = max((left or 0) * per, st.work_hint * BASELINE_SECONDS_PER_ITERATION)
        if work >= self.start_seconds:
            return True
        st.reason = NOT_STARTED % (work * 1000, self.start_seconds * 1000)
        # (the estimate is a floor: the next trip comes soon, with the iterations timed;
        # then after about START_CHECK_SECONDS of them, and at least twice as many each
        # time: knapsack.py's loop over each combination's few items tripped 64,000 times.
        # A loop with loops nested in it counts at most NESTING_START_MOST: its iterations
        # cost what its nested loops' runs do, which may grow -- nested_loops.py's warm-up,
        # matmul(12), left its row loop counting 6400 iterations of 12 cells, and matmul(230)
        # then ran 160 ms of 230-cell iterations as written before the next trip)
        first = st.start_countdown == START_COUNTDOWN
        countdown = FIRST_CHECK_ITERATIONS if first else min(
            max(int(START_CHECK_SECONDS / per) if measured else 0, 2 * st.start_countdown),
            NESTING_START_MOST if st.nests else 1 << 16)
        if per > 0 and not late:
            # (and no later than the program's time since its first hot loop reaches the
            # start's cost, when any trip starts it: permutations_queens's while loop, 9 ms
            # before that point, was given 65,536 iterations, 47 ms, before its next trip)
            countdown = min(countdown, int((self.created + self.start_seconds - now) / per) + 1)
        st.start_countdown = max(countdown, 1)
        return False

    def _give_up_lost(self, st, reason):
        """Leave the loop to the baseline for what its native runs cost, measured: however
        many iterations they ran, they bought the run nothing, and later runs' start gates
        hold the loop as written (loop_outcomes; a list of 650,000 one-character strs made
        natively, written back at ~1.2 us each, lost 0.7 s at every run)."""
        self.give_up(st, "left to the baseline", reason)
        st.lost = True

    def give_up(self, st, status, reason):
        st.status = status
        st.reason = reason
        st.start = IDLE_COUNTDOWN
        # (a loop refused its copies earlier is not waiting for less data any more: given
        # up on, it is dead -- else graph_structure's while loop, refused before it was
        # typed, was typed again and found not compilable at 188 trips, ~20 ms each)
        st.copy_refused = False

    # --- entering native code ----------------------------------------------------------------------
    def _region(self, st):
        if st.region is None:
            with CompileAside():        # (liveness and the region: thousands of objects)
                self._make_region(st)
        return st.region

    def _make_region(self, st):
        if st.region is None:
            code = st.code
            live = self._liveness.get(code)
            if live is None:
                live = self._liveness[code] = Liveness(code)
            region = LoopRegion(code, st.loop, live)
            used = region.registers()
            live_in = region.liveness.live_at(region.header)
            regs = sorted(used & live_in)
            reads, writes = region.global_names()
            cell_reads, cell_writes = region.cell_variables()
            st.region = region
            st.entry_vars = ([v for v in regs] + [("g", n) for n in sorted(reads | writes)]
                             + sorted(cell_reads | cell_writes))
            st.carried = ((region.defined_registers() & set(regs)) | {("g", n) for n in writes}
                          | cell_writes)
            st.tuple_vars = (region.tuple_registers() & set(regs)) | region.tuple_globals()
            uses = region.attribute_uses()
            # (and the variables it assigns: one may hold an object the loop makes, C(...).
            # Not every variable it takes in: raytracer's nearest, whose ray it passes to
            # Sphere.hit, then compiled, 5 iterations an entry, and never paid: 1.18x the
            # whole program's time)
            # (and the globals module-level code uses the objects of: vector_globals.py's
            # ``v = v.add(g.scale(0.5))``)
            uses.update(region.attribute_globals())
            st.attr_vars = frozenset(reg for reg in uses if reg in live_in or type(reg) is tuple) | (
                region.defined_registers() & set(regs))
            st.attr_names = frozenset().union(*uses.values())
            st.tails = region.tail_lists()
        return st.region

    def _read(self, var, r, G, builtins):
        if is_cell(var):
            cell = var[1].cell if isinstance(var[1], CellVar) else r[var[1]]
            try:
                return cell.cell_contents
            except ValueError:
                return UNBOUND
        if is_global(var):
            name = var[1]
            v = G.get(name, UNBOUND)
            if v is UNBOUND:
                v = builtins.get(name, UNBOUND)
            return v
        return r[var]

    def _entry_types(self, st, r, G, builtins) -> tuple:
        """The types of the loop's entry variables (its version's key), and the CellMap of
        the closure cells of the functions it may inline (``tauraro.jit.inline``)."""
        types = self._object_types(st, r, G, builtins)
        if self.code_for is None:
            return self._resizable(st, types), None
        types, cells = self._with_callees(st, types, r, G, builtins)
        from .inline import callee_attribute_names
        names = callee_attribute_names(types, self.code_for)
        if not names <= st.name_pool:
            # (the attributes its callees use: objects it passes them are copied in with them)
            st.name_pool = st.name_pool | names
            types, cells = self._with_callees(st, self._object_types(st, r, G, builtins), r, G, builtins)
        made = {t.klass for t in types if isinstance(t, ClassType) and constructor(t.klass)} - st.constructed
        if made:
            # classes the loop may call (Inference._construct): their objects copied in get
            # every attribute __init__ assigns, as those made natively have (_used_attributes)
            st.constructed = st.constructed | made
            types, cells = self._with_callees(st, self._object_types(st, r, G, builtins), r, G, builtins)
        return self._resizable(st, types), cells

    def _object_types(self, st, r, G, builtins) -> tuple:
        """The types of the loop's entry variables, objects and lists of objects with the
        attributes the loop uses."""
        values = [self._read(v, r, G, builtins) for v in st.entry_vars]
        plain = types = self._plain_types(st, values, G)
        for _ in range(3):
            # (every object of a class gets the fields of every attribute the loop uses, so
            # an object reached through two variables has one type, and one record; the
            # names grow with those the methods walked use of any object -- ray.origin in
            # Sphere.hit is an attribute of a Ray -- and the types are made again with them)
            pool = st.name_pool | st.attr_names
            names_of = self._names_of(pool, st)
            types = plain
            if st.attr_vars:
                types = tuple(instance_type(v, names_of(type(v)), names_of) or t
                              if var in st.attr_vars and type(t) is OtherType
                              else t for var, v, t in zip(st.entry_vars, values, types))
            if st.attr_names or st.constructed:     # lists and tuples of objects, and iterators over them
                types = tuple(objects_type(v, names_of) or t if type(t) is OtherType else t
                              for v, t in zip(values, types))
            if st.name_pool | st.attr_names == pool:
                break
        if st.widened:      # (None, or an object of that type: the object-or-None)
            types = tuple(widen(t, st.widened[var]) or t if var in st.widened else t
                          for var, t in zip(st.entry_vars, types))
        if LIST_INT in types:       # (an empty list: its element type guessed, _guess_dicts)
            types = tuple(EMPTY_LIST if t is LIST_INT and type(v) is list and not v else t
                          for v, t in zip(values, types))
        return types

    @staticmethod
    def _plain_types(st, values, G) -> tuple:
        """The types of the loop's entry ``values`` before its objects are walked: objects
        and lists of them OtherTypes; its tuple variables' tuples virtuals."""
        # (a long list by a sample of its elements, until an entry of a version so typed
        # fails to copy it: then in full -- graph_structure's loops, refused by their
        # typing, looked at every one of 135,000 adjacency lists, ~11 ms a time)
        types = tuple(map(classify if st.typed_in_full else classify_sampled, values, _repeat(G)))
        if st.tuple_vars:
            types = tuple(virtual_tuple_type(v) or t if var in st.tuple_vars else t
                          for var, v, t in zip(st.entry_vars, values, types))
        return types

    @staticmethod
    def _resizable(st, types):
        """A region that resizes a list (``infer.NeedsResizing``) has every list typed
        resizable: its length in its record (docs/jit-data.md, "Lists that grow and shrink")."""
        return tuple(map(resizable_type, types)) if st.resizing else types

    def _guess_dicts(self, st, region, types, cells) -> tuple:
        """(the types to compile for, {types: Inference} of those it tried): an empty dict's (EMPTY_DICT: its keys and values are
        not known) is the one of DICT_GUESSES with which type inference finds the fewest
        exits at dict operations (a loop filling ``counts = {}`` by str keys gets str keys);
        an empty set's (EMPTY_SET, EMPTY_FROZENSET) likewise, of int or str elements; an
        empty list's (EMPTY_LIST) of ints, strs or floats, by the fewest exits of any kind
        (what it holds decides more than its own operations: ``stack.pop() if stack else
        ""`` then ``opener + c``). The version's entry takes any empty dict, set or list,
        and the dict or set as it fills. The inferences made while guessing go to the compile
        of the types chosen (_compiled_for): the same one, ~4-13 ms of a tokenizer's loop,
        is not made again."""
        made = {}
        if not any(t in GUESSES for t in types):
            return types, made

        def dict_exits(tried, k):
            try:
                inf = made[tried] = self._inference(st, region, tried, cells)
            except NotCompilable:
                return None
            if isinstance(tried[k], SeqType):
                return sum(1 for t in inf.typings.values() if t.action == "exit")
            return sum(1 for t in inf.typings.values() if t.action == "exit" and (
                "dict[" in (t.reason or "") or "set[" in (t.reason or "")))
        best = list(types)
        for k in [k for k, t in enumerate(types) if t in GUESSES]:   # (one empty dict or set at a time)
            fewest = None
            for guess in self._other_lists(types, types[k]) + GUESSES[types[k]]:
                n = dict_exits(tuple(best[:k]) + (guess,) + tuple(best[k + 1:]), k)
                if n is not None and (fewest is None or n < fewest):
                    fewest, choice = n, guess
                if n == 0:
                    break
            if fewest is not None:
                best[k] = choice
        return tuple(best), made

    @staticmethod
    def _other_lists(types, empty) -> tuple:
        """The first guesses for an empty list (``empty``: EMPTY_LIST or its resizable twin):
        the types of the lists of objects among ``types`` (or that their iterators walk),
        as resizable as it is -- a loop sorting the objects of one list into two empty ones,
        ``staying.append(p)``, keeps objects of that class in them (guessed ints, it left at
        the first append, and each entry's other empty lists made another version)."""
        resizable = resizable_type(EMPTY_LIST)
        if empty is not EMPTY_LIST and empty is not resizable:
            return ()
        out = []
        for t in types:
            seq = t.seq if isinstance(t, SeqIterType) else t
            if isinstance(seq, SeqType) and seq.kind == "list" and isinstance(seq.elem, InstanceType):
                guess = resizable_type(seq) if empty is resizable else seq
                if guess not in out:
                    out.append(guess)
        return tuple(out)

    def _too_much(self, st, limit, refusal=None, r=None, G=None, builtins=None, copied=True, floor=False):
        """An entry would copy more than ``limit``: the loop is left to the baseline for now,
        and tried again after a longer backoff each time (a later run of it may have more
        iterations left, or less data). ``refusal``: the TooMuchToCopy raised, with the
        cost the entry needs at least: kept, with the size of its data (``_data_size``), so
        the next trips with as little work left for as much data are refused at once. One
        that would follow links to more objects than LINK_LIMIT allows (``TooManyLinks``: a
        walk down a big tree) is left to it for good. (``copied``: the entry copied up to
        the limit, not refused by the lengths alone; ``floor``: refused by a count that
        stopped at the limit, which says as little of what the entry needs.)"""
        st.copy_refused_at = time.perf_counter()
        if refusal is not None and copied:
            st.copy_refusals += 1
        if isinstance(refusal, TooManyLinks):
            self.give_up(st, "left to the baseline", "an entry would follow links to more objects than a "
                         "walk pays for (%.1f ms of data)" % (LINK_LIMIT * UNIT_SECONDS * 1000))
            return
        if refusal is not None:
            st.refused = (refusal.args[0] if refusal.args else limit + 1, self._data_size(st, r, G, builtins),
                          copied or floor)
        st.too_much += 1
        # (what the entry needs by its data's lengths: an entry that copied up to the
        # limit knows only that it needed more)
        need = None if st.refused is None or st.refused[2] else st.refused[0]
        # (a while loop refused again in the run of it its last trip was in, ``along``, does
        # not count toward giving it up: what it may copy is the work it has done so far,
        # which grows as this run goes on, and its refusals are its wait -- tokenizer.py's
        # scanning loop, one run over a text it needed 15.7 ms to copy, was refused 8 times
        # between 13.6 and 14.5 ms of work, 370 iterations apart, and given up for the rest
        # of its 1.5*10^6 iterations. Refusals in new runs count: a walk of a few dozen
        # iterations a call down a big tree is no nearer paying for the tree at its next call)
        along = st.loop.kind != "for" and not st.new_run
        if not along and not st.entries:
            st.far_refusals += 1
        if not st.entries and st.far_refusals >= COPY_REFUSALS_DEAD:
            # (a loop refused that often, never entered: its data has not become small
            # enough for its work left, and the loop, waiting for it, kept its function's
            # hooked code -- each run of a short inner loop ~30% slower there:
            # graph_structure.py's kahn, valid_order and longest_path, refused 11-12 times
            # each; rbtree.py's floor and ceiling, while loops down a tree, 12 times, to the
            # end of the run. Given up, the function gets CPython's own code once its other
            # loops are given up too: HookRuntime.unhook)
            self.give_up(st, "left to the baseline", "an entry would copy in more than its work left pays "
                         "for, at %d trips (%.1f ms of data at the last)" % (st.too_much, limit * UNIT_SECONDS * 1000))
            return
        if not st.entries:      # (one that ran natively stays compiled: this run was short)
            st.status = "left to the baseline"
            st.reason = "an entry would copy in more than the %.1f ms of data its work left pays for" % (
                limit * UNIT_SECONDS * 1000)
            st.copy_refused = True
        st.backoff = min(st.backoff * 2, MAX_BACKOFF)
        per = (st.measured_per or self._seconds_per_iteration(st)) if along and need is not None else 0.0
        if per > 0:
            # (in a run going on: its next try comes once the work since this one pays for
            # what the entry needs -- enter's lengths_limit lets a try copy twice the work
            # done since the last -- not after doublings of its backoff: eight of them,
            # 8,000 iterations as written, for tokenizer.py's scanning loop)
            # (Not past a quarter of MAX_BACKOFF: a wait that long is no run's but many
            # short ones', each refused at its own trip)
            wait = need * UNIT_SECONDS * JitController.copy_scale / (2 * per)
            if wait * 4 <= MAX_BACKOFF:
                st.backoff = max(st.backoff, int(wait) + 1)

    def _data_size(self, st, r, G, builtins) -> int:
        """The lengths of the lists, tuples, dicts and strings the loop takes in, summed (a
        cheap sign its data changed)."""
        size = 0
        for var in st.entry_vars or ():
            v = self._read(var, r, G, builtins)
            if type(v) in _SIZED:
                size += len(v)
        return size

    def _check_lengths(self, st, version, limit, size, r, G, builtins, looked=None):
        """Raise TooMuchToCopy if the lists ``version`` would copy in (and write back, if
        its code stores into lists) cost more than ``limit`` by their lengths alone
        (layout.least_cost): refused before any is copied. ``size``: the lengths of the
        loop's data (``_data_size``)."""
        transfer = version.transfer
        if st.lengths_ok == (id(version), size):
            # (checked at an entry with data of these lengths: a table's rows are not
            # counted again at every entry -- graph_structure's loops enter hundreds of times
            # with 40,000 adjacency lists; EntryRecords checks what it copies anyway)
            return
        types = transfer.types
        tails = transfer.tails      # (copied in empty)
        splits = self._split_lists(transfer.splits, r, G, builtins)
        need = least_cost([self._read(v, r, G, builtins) for v in st.entry_vars],
                          [None if v in tails or v in splits else types.get(v) for v in st.entry_vars],
                          [transfer.stores_into(v) for v in st.entry_vars], transfer.is_kept, limit, looked)
        if need > limit:
            raise TooMuchToCopy(need)
        st.lengths_ok = (id(version), size)

    def _split_lists(self, splits, r, G, builtins) -> set:
        """The iterator variables among ``splits`` (tauraro.jit.splits) whose list an entry
        now would write from its str, not copy: not weighed as a list of str (its str is
        copied once and kept, and its words cost the module a few ns each)."""
        return {it for it, text in splits if type(self._read(text, r, G, builtins)) is str}

    def _least_copy(self, st, r, G, builtins) -> int:
        """What an entry copies at least (in cost units): each list, tuple, dict or set it
        takes in, or a list or tuple it iterates over, copied whole, at the cheapest
        element's cost (a flag's, FLAG_COST), and each long str (KEEP_MIN characters or
        more) at CHAR_COST a character, unless the last version keeps it in its memory
        already (transfer.KEEP_MIN: kept across entries, it is copied once; tokenizer.py's
        scanning loop copied up to its limit, 14 ms of a 4.4*10^6-character text, to learn
        that the text was past it)."""
        if st.entry_vars is None:       # (its first entry: the region says which they are)
            try:
                self._region(st)
            except NotCompilable:
                return 0        # (enter finds that again, and gives up on the loop)
        stored = st.stored_registers
        if stored is None:
            # (the registers its ``x[i] = v`` store into: a list one of them holds at entry
            # is written back at exit, if the store runs -- counted here as it will be)
            loop = st.loop
            stored = st.stored_registers = frozenset(
                ins.args[0] for ins in st.code.instrs[loop.header:loop.end]
                if ins.op.name == "STORE_SUBSCR" and ins.args[0] >= 0)
        seen = {}       # (one list by two names is one record)
        rows = 0
        # (a list the loop's version keeps in its memory, unchanged, is not copied again; nor
        # one whose packed body is held, by any version's entry: resident.PACKED)
        kept = st.last.transfer.is_kept if st.last is not None else PACKED.holds
        kept_strs = st.last.transfer.kept if st.last is not None else {}
        for var, v in self._entry_data(st, r, G, builtins):
            t = type(v)
            if t is str:
                if len(v) >= KEEP_MIN and id(v) not in seen and kept_str_record(kept_strs, v) is None:
                    seen[id(v)] = len(v) * CHAR_COST
                continue
            if t in _LEAST_SIZED and not kept(v):
                cost = FLAG_COST + (FLAG_OUT_COST if t is list and var in stored else 0)
                if id(v) not in seen and t is list and v and type(v[0]) is list \
                        and len(v) <= ROWS_COUNTED and set(map(type, v)) == LIST_ONLY:
                    # (a table: its distinct rows' elements too, counted at C speed)
                    rows += rows_length(v) * FLAG_COST
                elif id(v) not in seen and t is list and len(v) > ROWS_COUNTED and st.loop.kind == "for":
                    # (not a while loop's: refused before it is typed, one that typing finds
                    # not compilable -- kahn's ``while q``, over a deque -- waits on for its
                    # limit to grow, instead of being given up)
                    rows += rows_floor(v)
                seen[id(v)] = max(seen.get(id(v), 0), len(v) * cost)
        return sum(seen.values()) + rows

    def _entry_data(self, st, r, G, builtins):
        """(variable, value) of the loop's entry variables (not the lists it only appends
        to), and of the lists and tuples its iterators over them run over."""
        items = [(var, self._read(var, r, G, builtins)) for var in st.entry_vars if var not in st.tails]
        for var, v in items:
            t = type(v)
            if t in COMBINED_TYPES:     # (zip(xs, ys), enumerate(xs): their iterators' lists)
                items.extend((var, it) for it in advanced_iterators(v))
            if t in SEQ_ITERATOR_TYPES:
                state = v.__reduce__()
                v = state[1][0] if len(state) == 3 else None
            yield var, v

    def _packed_since(self, st, r, G, builtins) -> bool:
        """Is the packed body of one of the loop's long lists (or tuples, or strs) held now
        (resident.PACKED: another version's entry packed it), unchanged? Then what its last
        refused entry needed is no measure of what the next costs."""
        if st.entry_vars is None:
            return False
        return any(type(v) in _LEAST_SIZED and len(v) >= PACKED_MIN and PACKED.holds(v)
                   for _, v in self._entry_data(st, r, G, builtins))

    @staticmethod
    def _iterations_left(st, r) -> int | None:
        """The iterations a for loop has left (``iterations.iterations_left``: the length
        hint of its iterator, or of those a zip or an enumerate advances; nqueens.py's check
        of a board's few queens, over enumerate(board), was compiled and entered, its short
        runs not seen by _short_runs); -1 if not known; None for a while loop."""
        if st.loop.kind == "for" and st.loop.target is not None:
            it = r[st.loop.target]
            if it is None:
                return None
            try:
                left = iterations_left(it)
                # (and the words of a text's rest not split yet: tauraro.vm.lazysplit)
                return left + pending_words(it) if left >= 0 else left
            except Exception:       # (an iterator's own __length_hint__ may raise)
                return None
        return None

    def _seconds_per_iteration(self, st) -> float:
        """What the baseline spends on an iteration of this loop, at least: its own body's
        (``iteration_seconds``) and, for each loop nested in it, the iterations that loop
        has made per iteration of this one so far times what one of its iterations costs,
        its own nested loops' included (a matrix product's row loop: 230 x 230 iterations
        of the innermost loop an iteration; counting only its child's bodies, it looked
        worth 3 ms and was refused its three 52,900-int lists)."""
        own = st.interpreted_iterations + st.native_iterations
        seconds = st.body_seconds
        for loop in getattr(st.code, "loops", ()):
            if loop.parent == st.loop.id and loop is not st.loop:
                child = self.loops.get((st.code, loop.id))
                if child is not None:
                    # (its iterations per iteration of this loop: those counted so far, or
                    # the most it had left at a trip -- counts come at trips, which an
                    # inner loop's cut short, so early on they say too little: grid_dp.py's
                    # row loops then looked worth 1 ms and were refused their tables)
                    # (what one of its iterations costs: timed, with its own nested loops,
                    # if it was -- the estimate is a floor, 2-10x under: grid_dp's rows
                    # looked worth 0.16 ms, not 1.4, and were refused their tables)
                    made = child.interpreted_iterations + child.native_iterations
                    per = child.measured_per
                    if per is None:
                        per = self._seconds_per_iteration(child)
                    seconds += max(made / max(own, 1), child.longest_left) * per
        return seconds

    def _copy_limit(self, st, left) -> int:
        """What this entry may copy in (``layout.copy_limit``): what the baseline would spend
        on the work left, its own iterations (``left``, None if not known: a while loop's
        work so far stands for it) at what each costs with its nested loops
        (``_seconds_per_iteration``), or on the iterations a loop nested in it had left
        (``work_hint``)."""
        hint = st.work_hint * BASELINE_SECONDS_PER_ITERATION
        # (a while loop's work left is not known: what it has done so far, interpreted
        # and natively, is the guess -- what a baseline run of it would have spent: an
        # entry never copies more than the loop has yet been worth. tokenizer.py's
        # scanning loops, a few iterations an entry, copied the whole text in (~40 ms)
        # before being judged; a walk of a long linked list once is left to the
        # baseline, which takes about as long as copying the list would)
        return copy_limit(max(self._work_seconds(st, left), hint) / JitController.copy_scale)

    @classmethod
    def _calibrate(cls, seconds, cost):
        """An entry copied ``cost`` units in, in ``seconds`` of CPU time: at CALIBRATE_LEAST
        units or more, its ratio to the model's time moves ``copy_scale``
        (the mean of the last CALIBRATE_SAMPLES, within COPY_SCALE_RANGE)."""
        if cost < CALIBRATE_LEAST:
            return
        ratio = seconds / (cost * UNIT_SECONDS)
        k = min(cls.copy_samples, CALIBRATE_SAMPLES - 1)
        lo, hi = COPY_SCALE_RANGE
        cls.copy_scale = min(hi, max(lo, (cls.copy_scale * k + ratio) / (k + 1)))
        cls.copy_samples += 1

    def _names_of(self, pool, st):
        """class -> ``_used_attributes`` of it for ``pool``, each class's asked once: the
        typing of one entry walks every object it copies (deltablue.py's constraints, ~200
        of them at a trip), and the classes' methods do not change while it does."""
        known = {}

        def names_of(klass):
            names = known.get(klass)
            if names is None:
                names = known[klass] = self._used_attributes(klass, pool, st.constructed, st)
            return names
        return names_of

    def _used_attributes(self, klass, names, constructed=frozenset(), st=None) -> frozenset:
        """``names`` and the attributes of ``self`` that the methods among them use, and
        the methods they call, at any depth: what of an object of ``klass`` the loop's
        inlined method calls may read and write. For a class the loop may call
        (``constructed``), ``__init__`` is one: an object the loop makes
        (Inference._construct) has every attribute it assigns, and one copied in must
        have the same type to be stored where the other is. (Every class of its order
        defining a method counts: an override may call the one it overrides through
        ``super()``.)"""
        if self.code_for is None or not isinstance(klass, type) or not plain_class(klass):
            # (another class's objects are not compiled: its methods -- a random.Random's
            # -- would have their module compiled to register bytecode to be walked, 64 ms
            # of avl_tree.py's run)
            return names
        if klass in constructed:
            names = names | {"__init__"}
        seen, todo = set(names), list(names)
        while todo:
            name = todo.pop()
            for raw in methods_named(klass, name):
                if not raw.__code__.co_argcount:
                    continue
                code = self.code_for(raw)
                if code is None:
                    continue
                # (the names it uses of self, register 0, and of the objects its fields
                # hold: self.origin.add(...) is a method of another class, asked the same)
                for used in attribute_names(code):
                    if used not in seen:
                        seen.add(used)
                        todo.append(used)
        if st is not None and not seen <= st.name_pool:      # (the loop's pool: see _object_types)
            st.name_pool = st.name_pool | seen
        return frozenset(seen)

    def _inference(self, st, region, types, cells, stand_ins=False) -> Inference:
        """The region's type inference for the entry types ``types`` (with stand-ins for
        objects not walked yet, if ``stand_ins``: _refused_unwalked): the functions it calls
        inlined through an Inliner that knows the attributes of the objects the loop makes
        (Inference._construct) and of the closure cells it writes (``cells``, a CellMap)."""
        inliner = None
        if self.code_for is not None:
            from .inline import Inliner
            inliner = Inliner(self.code_for, cells.vars if cells else None, home=st.globals)
            inliner.names_of = lambda klass: self._used_attributes(klass, st.name_pool | st.attr_names, st.constructed)   # noqa: E731
        return Inference(region, dict(zip(st.entry_vars, types)), inliner, resumable=not st.reruns_iterations,
                         made_lists=st.made_lists, stand_ins=stand_ins)

    def types_before(self, st, G, r, pc):
        """The types the region's registers have before ``pc``, for these entry values,
        found by type inference alone (no code made); None if the region does not type.
        (A comprehension's site asks what its append appends: its list's element type.)"""
        builtins = _builtins_of(G)
        try:
            region = self._region(st)
            types, cells = self._entry_types(st, r, G, builtins)
            inf = self._inference(st, region, types, cells)
        except NotCompilable:
            return None
        return inf.state_before.get(pc)

    @staticmethod
    def _made_lists(st, region, r):
        """The type of each list ``[]`` makes in the loop's own code (the inference's
        ``made_lists``), from what the register it is made in holds at this entry: the list
        the last iteration made, if its last element is an int, a float or a bool (raytracer's
        ``line = []`` of shades, grid_dp's ``row = []`` of costs); None if it holds other
        elements (objects, strs, lists: native code does not make such a list, and the loop
        is not compiled if it makes one at every iteration). A list not made yet keeps an
        earlier entry's type, else the inference's (ints). The type is not part of the
        version's key: a version compiled before the loop made any list keeps its guess."""
        instrs = st.code.instrs
        for pc in range(region.header, min(region.end + 1, len(instrs))):
            ins = instrs[pc]
            if ins.op.name == "BUILD_LIST" and len(ins.args) == 1 and ins.args[0] < len(r):
                v = r[ins.args[0]]
                if type(v) is list and v:
                    t = st.made_lists[pc] = _MADE_LISTS.get(type(v[-1]))
                    if t is not None:
                        st.made_length = max(st.made_length, len(v))

    def _refused_unwalked(self, st, region, r, G, builtins):
        """Why the loop's typing refuses it whatever its objects' types are, found before
        they are walked; None if that is not known yet. Its objects and lists of objects
        (``refinable``) are typed as stand-ins (jtypes.Opaque); if every iteration of it
        reaches an exit at an operation on no stand-in (``Inference.settled_exit``: a str
        constant formatted, ``rng.random()``), the full typing would find that exit too.
        Typing the objects walks them, and the objects they hold, for the attributes the
        loop's code and its callees use: deltablue.py's ``"src%d" % i`` loop, which makes
        constraints, took 27 ms to be refused so, avl_tree.py's ``rng.randrange`` loops over
        a tree 1-8 ms, lru_cache.py's 12 ms. (Once, at the loop's first typing: a version
        compiled, or a typing with stand-ins that found nothing, is not tried again.)"""
        values = [self._read(v, r, G, builtins) for v in st.entry_vars]
        plain = self._plain_types(st, values, G)
        # (stand-ins too: an empty list, dict or set, whose type the full typing guesses)
        stand_ins = tuple(Opaque(t.name) if type(t) is OtherType and refinable(v) or t in GUESSES
                          or type(v) is list and not v else t for v, t in zip(values, plain))
        if stand_ins == plain:
            return None     # (nothing to walk: the full typing is as cheap)
        self._made_lists(st, region, r)
        for _ in range(2):
            try:
                with CompileAside():
                    self._inference(st, region, self._resizable(st, stand_ins), None, stand_ins=True)
                return None
            except AlwaysExits as e:
                return str(e) if e.inference.settled_exit(e.pc) else None
            except NeedsResizing:
                # (the region resizes a list of its own: typed so by the full typing too)
                if st.resizing:
                    return None
                st.resizing = True
            except NotCompilable:
                return None
        return None

    def _typed_first(self, st, region, types, cells, r, G, builtins) -> tuple:
        """(the entry types a new version is filed under, the CellMap of the closures it may
        inline, the types it is compiled for, {types: Inference} of those its typing tried),
        made before its entry weighs what it would copy, and before its compile
        (NotCompilable if the loop does not type). Weighing objects walks them, ~1 us an
        object, near half of what copying them costs: a loop its typing refuses --
        avl_tree.py's range loop, at ``rng.randrange`` -- walked a 20,000-node tree (~15 ms)
        to be refused by its weight, as it would have been by its typing next. And where its
        native runs would leave is sampled before its compile (``_exits_sampled``). The types
        are the dicts' guessed ones (_guess_dicts); again with every list resizable if the
        region resizes one (infer.NeedsResizing); and again with a variable widened to
        object-or-None (infer.NeedsWidening), one variable at a time, at most 4 times."""
        self._made_lists(st, region, r)
        for _ in range(4):
            try:
                guessed, made = self._guess_dicts(st, region, types, cells)
                if guessed not in made:
                    made[guessed] = self._inference(st, region, guessed, cells)
                return types, cells, guessed, made
            except NeedsResizing:
                if st.resizing:
                    raise
                st.resizing = True
            except NeedsWidening as e:
                if st.widened.get(e.var) is e.wide:
                    raise
                st.widened[e.var] = e.wide
            types, cells = self._entry_types(st, r, G, builtins)
        raise NotCompilable("a variable widened more than 4 times")

    def _exits_sampled(self, st, inf) -> bool:
        """May the loop's first version be compiled, as far as where its native runs would
        leave goes? Where its typing (``inf``) finds exits in its body, its next iterations
        run as written first, their lines sampled (``tauraro.vm.linesample``): if
        1 in EXIT_SAMPLE_SHARE of them or more reach one of those lines, each entry would
        run a few iterations natively at most, and the loop is left to the baseline,
        uncompiled. False when a sample is asked for (the loop's hook starts it).
        (Not under an explicit --jit-threshold, ``eager``: the JIT compiles what gets hot.)"""
        lines = _exit_lines(inf)
        if not lines:
            return True
        sample = st.exit_sample
        if sample is None or sample.done and sample.iterations < SAMPLE_ITERATIONS // 2:
            # (none yet, or one whose run ended too soon, or a tracer was set: another,
            # from this trip on -- or, after SAMPLES_MOST, none, and the compile goes on)
            if st.samples >= SAMPLES_MOST:
                return True
            st.sample_request = (st.loop.line, lines, SAMPLE_ITERATIONS)
            st.samples += 1
            return False
        if not sample.done:
            # (no trip comes while its tracer is set: the program took tracing from it)
            sample.stop()
        if sample.iterations and sample.exiting * EXIT_SAMPLE_SHARE >= sample.iterations:
            line = max(sample.exits, key=sample.exits.get)
            self.give_up(st, "left to the baseline",
                         "native runs would leave at once: %d of %d iterations sampled reach "
                         "line %d (%s)" % (sample.exiting, sample.iterations, line, sample.lines[line]))
            return False
        return True

    def _new_version(self, st, region, typed) -> tuple:
        """(the entry types it is filed under, a version for the loop's values), for the
        types and inferences ``_typed_first`` found (``typed``)."""
        types, cells, guessed, made = typed
        return types, _version_of(st, types) or self._compiled_for(st, region, guessed, made, cells)

    def _compiled_for(self, st, region, types, inferred, cells) -> CompiledLoop:
        """A version compiled for exactly ``types`` (the guessed ones: _guess_dicts, with the
        inferences it made, ``inferred``), the one the loop has if any, else a new one.
        Values of other entry types may guess the same
        (an empty list and a list of str both compile as a list of str; an empty dict and a
        dict of str keys): tokenizer.py's main loop compiled the same code twice, 30-50 ms
        each, once for its stack empty and once for it holding a bracket."""
        for version in st.versions.values():
            if version.types == types and version.region is region:
                return version
        try:
            return self.compile(st, region, types, cells, inferred.get(types))
        finally:
            self._made_aside()      # (an engine started aside by a compile that failed: kept for _engine)

    def enter(self, st, G, r, left=None):
        """Run the loop natively from its header; the exit record, or None if it was not
        entered (not compilable, or values it cannot take this time). ``left``: the
        iterations it is known to have left, which bound what the entry may copy in
        (``layout.copy_limit``), with those a loop nested in it had (``work_hint``).
        Counted while under way: warm pages move between loops' memories only while one
        entry is (tauraro.jit.pages)."""
        MEMORIES.entries += 1
        st.trip_left = left
        try:
            return self._enter(st, G, r, left)
        finally:
            MEMORIES.entries -= 1

    def _enter(self, st, G, r, left):
        builtins = st.builtins
        if builtins is None:
            builtins = st.builtins = _builtins_of(G)
        version = st.last
        if version is not None and not version.transfer.full_records:
            # (the last version copies no records -- numbers and range iterators only: what
            # its entry copies is a few words, so the limits on copying below have nothing to
            # weigh. Its values checked and packed (its generated enter), it runs; values of
            # other types go the whole way below)
            t0 = time.perf_counter()
            generated = version.transfer.generated_seconds
            recs = version.transfer.enter(r, G, builtins)
            if recs is not None:
                return self._run(st, version, recs, r, G, t0, generated, version.transfer.built_seconds, None)
        generated = version.transfer.generated_seconds if version is not None else 0.0
        built = version.transfer.built_seconds if version is not None else 0.0
        # (an entry copying records is billed its CPU time too: see below)
        cpu0 = _thread_time() if version is not None and version.transfer.full_records else None
        t0 = time.perf_counter()
        limit = lengths_limit = self._copy_limit(st, left)
        limit = lengths_limit = self._first_entry_limit(st, limit)
        if left is None or left < 0:
            # (what a while loop's lists' lengths alone may cost: also no more than twice
            # what it did since its last try. A loop whose work falls off is not worth what
            # it was: sieve.py's while loop, its marking runs n/p long, had been worth 1.2 s
            # when it entered, copying 5*10^6 flags in and out, 0.39 s, for its last 25 ms
            # of work. One whose work goes on as it did loses nothing: its tries come after
            # doubling backoffs, so what it did since the last is about what it did before.
            # Objects reached through links are left to the walk's own limits, LINK_LIMIT.)
            done = self._work_done(st)
            if st.work_at_try is not None:
                lengths_limit = min(limit, copy_limit(2 * (done - st.work_at_try) / JitController.copy_scale))
            st.work_at_try = done
        if _dict_iterators_cost(r) > limit:
            # (a loop over a dict would copy at least its table: refused before it is typed,
            # compiled or copied, each of which is linear in the dict)
            self._too_much(st, limit)
            return None
        # (the lengths of its data, read once for the checks below; 0 before its first
        # entry's region names its entry variables)
        sized = st.entry_vars is not None
        size = self._data_size(st, r, G, builtins)
        # (a while loop's refusal that copied up to its limit waits for the limit to grow
        # RETRY_FACTOR times past what it needed; one refused by its data's lengths alone
        # tries again once its limit is past that need: the lengths are read again, not copied)
        grown = RETRY_FACTOR if (left is None or left < 0) and (st.refused is None or st.refused[2]) else 1
        # (a list packed since by another version's entry costs a memory copy now: neither
        # what the last refused entry needed nor the least copy counted then is a measure)
        packed = st.refused is not None and self._packed_since(st, r, G, builtins)
        if st.refused is not None and limit * max(st.refused[1], 1) < grown * st.refused[0] * max(size, 1) \
                and not packed:
            # (what it needed when refused, scaled by how its data grew or shrank since, is
            # more than its work left pays for: refused without copying up to the limit
            # again; tarjan's short inner loop in graph_structure.py spent ~45 ms a trip
            # learning again that 40,000 adjacency lists would not pay. What it needed is a
            # floor -- the copy stopped at the limit -- so a while loop's entry is tried
            # again only once its limit has grown RETRY_FACTOR times past it: that limit
            # grows with the loop's work so far, and avl_tree.py's walk down a tree copied
            # up to a limit grown by 0.1% at each of its trips, ~7 ms each. A for loop's
            # limit shrinks with its iterations left, unless a better estimate of its
            # iterations' cost raised it. Data without a size -- objects, a sequence the
            # loop iterates -- counts as unchanged.)
            self._too_much(st, limit)
            return None
        # (after the refusal remembered, which is cheaper: a table's rows are counted, once
        # for as long as the lengths of the loop's data stay as they were)
        if sized and st.least_at is not None and st.least_at[0] == size and not packed:
            least = st.least_at[1]
        else:
            least = self._least_copy(st, r, G, builtins)
            st.least_at = (size if sized else None, least)
        if least > lengths_limit:
            # (its lists' lengths alone, at the cheapest element's cost, already exceed what
            # its work left pays for: refused before its values are typed (a list's type
            # costs a look at each element, ~20 ns one: count_primes' 5*10^6 flags 0.1-0.2 s),
            # compiled or copied)
            self._too_much(st, lengths_limit, TooMuchToCopy(least), r, G, builtins, copied=False)
            return None
        # (a loop whose iterations are not known may follow links to LINK_LIMIT's worth)
        links = LINK_LIMIT if left is None or left < 0 else limit
        try:
            if version is not None:
                self._check_lengths(st, version, limit, size, r, G, builtins)
                recs = self._limited_enter(version, limit, links, left, r, G, builtins)
            else:
                recs = None
        except TooMuchToCopy as e:
            self._too_much(st, limit, e, r, G, builtins)
            return None
        if recs is None:
            # the values' types differ from the last version's: find or compile another
            try:
                region = self._region(st)
            except NotCompilable as e:
                self.give_up(st, "not compiled", str(e))
                return None
            if not st.versions and not st.stand_ins_typed:
                st.stand_ins_typed = True
                reason = self._refused_unwalked(st, region, r, G, builtins)
                if reason is not None:
                    self.give_up(st, "not compiled", reason)
                    return None
            types, cells = self._entry_types(st, r, G, builtins)
            version = _version_of(st, types)
            looked = {}     # (what resident.repeated said of each row: weighed again below)
            splits = self._split_lists(st.splits, r, G, builtins)
            wrong = [] if version is None else None
            typed = None
            if version is None:
                try:
                    with CompileAside():
                        typed = self._typed_first(st, region, types, cells, r, G, builtins)
                except NotCompilable as e:
                    self.give_up(st, "not compiled", str(e))
                    return None
                types, _, guessed, made = typed
                version = _version_of(st, types)    # (typed again: lists resizable, a variable widened)
                if version is not None:
                    wrong = None
                elif not st.versions and not st.reruns_iterations and not self.eager \
                        and not self._exits_sampled(st, made[guessed]):
                    return None
            need = least_cost([self._read(v, r, G, builtins) for v in st.entry_vars],
                              [None if v in st.tails or v in splits else t for v, t in zip(st.entry_vars, types)],
                              False,
                              version.transfer.is_kept if version is not None else PACKED.holds, limit,
                              looked, wrong)
            if need > limit:
                # (its lists' lengths, at what their elements cost to copy in, or the objects
                # it would copy, counted up to the limit, already exceed what its work left
                # pays for: refused before it is compiled or copied. Objects so counted say
                # only that it needs more, as an entry that copied up to the limit does)
                self._too_much(st, limit, TooMuchToCopy(need), r, G, builtins, copied=False,
                               floor=any(isinstance(t, OBJECT_TYPES) for t in types))
                return None
            fresh = version is None
            if fresh:
                if len(st.versions) >= MAX_VERSIONS and not self._make_room(st):
                    # (values of another kind than its versions take: this run goes on as
                    # written; the versions stay, for the runs of theirs. A loop given up
                    # here, simpson() handed a fifth integrand ran every later call as
                    # written, the first four's too: slower than --no-jit)
                    st.tries += 1
                    st.full_refusals += 1
                    st.full_at = time.perf_counter()
                    return None
                if wrong:
                    # (an object the entry would copy does not have the types these were made
                    # from -- a field None in one object, holding another class's in the next:
                    # layout.objects_cost -- so the version's first entry would fail its
                    # checks: a stillborn version, found before it is compiled)
                    self._stillborn(st)
                    return None
                try:
                    with CompileAside():
                        types, version = self._new_version(st, region, typed)
                except CompileWaits as e:
                    st.reason = str(e)
                    return None
                except NotCompilable as e:
                    self.give_up(st, "not compiled", str(e))
                    return None
                st.versions[types] = version
                version.used = st.tries
                st.status = "compiled"
            generated = version.transfer.generated_seconds
            built = version.transfer.built_seconds
            cpu0 = _thread_time() if version.transfer.full_records else None
            t0 = time.perf_counter()
            try:
                self._check_lengths(st, version, limit, size if sized else self._data_size(st, r, G, builtins),
                                    r, G, builtins, looked)
                recs = self._limited_enter(version, limit, links, left, r, G, builtins)
            except TooMuchToCopy as e:
                self._too_much(st, limit, e, r, G, builtins)
                return None
            if recs is None:     # e.g. a list whose ints do not fit in 64 bits
                st.typed_in_full = True     # (its elements, not a sample's, type it next)
                if class_attributes_changed(version.transfer.class_attributes):
                    del st.versions[types]      # a class attribute it read changed: compile again next time
                    if st.last is version:
                        st.last = None
                elif version.transfer.assumption_failed:
                    # a list's elements beyond the bound it assumed: compile one that does not
                    del st.versions[types]
                    st.elements_allowed = False
                    if st.last is version:
                        st.last = None
                elif fresh:
                    self._stillborn(st)
                    return None
                st.backoff = min(st.backoff * 2, 1 << 16)
                return None
            st.last = version
        return self._run(st, version, recs, r, G, t0, generated, built, cpu0)

    @staticmethod
    def _make_room(st) -> bool:
        """Room for one more version of a loop that has MAX_VERSIONS: its least recently
        entered one goes, if no loop try (an entry, or a try refused for want of a version)
        entered it for VERSION_IDLE tries and the loop has dropped fewer than MAX_EVICTIONS so.
        A program that moved on to other functions or types gets versions for them; one that
        cycles through more kinds than the versions hold keeps what it has."""
        if st.evictions >= MAX_EVICTIONS:
            return False
        key = min(st.versions, key=lambda k: st.versions[k].used)
        victim = st.versions[key]
        if st.tries - victim.used < VERSION_IDLE:
            return False
        del st.versions[key]
        if st.last is victim:
            st.last = None
        st.evictions += 1
        return True

    def _stillborn(self, st):
        """A version whose very first entry fails its values' checks (or would: found before
        its compile) was typed from values that do not stand for the rest: richards.py's
        scheduler loop, its tasks of four classes linked to one another, compiled a version
        for each class it met, ~5 ms each, none ever entered. The second such is the last."""
        st.stillborn += 1
        if st.stillborn >= STILLBORN_VERSIONS:
            self.give_up(st, "left to the baseline", "the values of %d versions' first entries "
                         "did not pass their checks: their types vary" % st.stillborn)
        st.backoff = min(st.backoff * 2, 1 << 16)

    @staticmethod
    def _limited_enter(version, limit, links, left, r, G, builtins):
        """The version's entry (its records, or None) copying at most ``limit`` (``links``
        of it through links), its appended-to lists given room for the ``left`` iterations
        the loop has left, if known."""
        transfer = version.transfer
        transfer.copy_limit = limit
        transfer.link_limit = links
        transfer.tail_hint = left if left is not None and left > 0 else 0
        transfer.hint_growth(left)
        return transfer.enter(r, G, builtins)

    def _run(self, st, version, recs, r, G, t0, generated, built, cpu0):
        """Run ``version`` natively, its entry's values packed (``recs``), and write back at
        its exit; the exit record. ``t0``, ``generated``, ``built``, ``cpu0``: the clock,
        the version's time making its transfer code and elements, and the thread's CPU time
        (None: not billed), when the entry began."""
        if st.copy_refused:
            st.copy_refused = False
            st.status, st.reason = "compiled", ""
        watchdog = self.interrupts
        if version.calls_natively:      # how deep native calls of functions may go this time
            from .functions import native_depth_limit
            version.transfer.set_budget(native_depth_limit(sys._getframe()))
        if watchdog is not None:
            watchdog.running(version.memory_address)
            signals = watchdog.signals
        entry_made = version.transfer.generated_seconds - generated     # (its enter function made)
        cpu1 = _thread_time() if cpu0 is not None else None
        t1 = time.perf_counter()
        try:
            exit_id = version.entry(0)
            t2 = time.perf_counter()
            if watchdog is not None:
                watchdog.stopped()
            self.callee_registers = version.transfer.leave[exit_id - 1](r, G, recs)
        except BaseException as e:
            # Ctrl-C's handler -- or any signal handler that raised: a signal came while
            # native code ran -- ran between the native call's return and the end of writing
            # back: finish writing back (the exit taken is in memory, and writing back is
            # idempotent), and let the baseline raise it at the loop
            if not isinstance(e, KeyboardInterrupt) and (watchdog is None or watchdog.signals == signals):
                raise                   # (Tauraro's own failure)
            if watchdog is not None:
                watchdog.stopped()
            exit_id = version.transfer.exit_taken()
            if not exit_id:
                raise                   # native code did not run: nothing to write back
            t2 = time.perf_counter()
            self.callee_registers = version.transfer.leave[exit_id - 1](r, G, recs)
            self.interrupted = e
        t3 = time.perf_counter()
        if version.transfer.full_records:       # (what it wrote is warm: pages.py)
            version.transfer.ran(recs)
        # (making a comprehension's elements is the native run's product: see EntryRecords.built)
        built = version.transfer.built_seconds - built
        native = t2 - t1 + built
        st.native_seconds += native
        # (making the enter and leave functions, once, is compile time)
        generated = version.transfer.generated_seconds - generated
        transfer = (t1 - t0) + (t3 - t2) - generated - built
        if cpu0 is not None:
            # (the time this thread waited for the CPU is not the copies' cost, nor the
            # native run's: a loaded machine must not make the policy judging copies flip.
            # The wait is taken from the copies first, what is left of it from the native
            # run: a comprehension's 6.5 ms native run, preempted on a loaded CI machine, took
            # 31 ms, and its loop was given up after its first chunk)
            transfer -= max(0.0, (t3 - t0) - (_thread_time() - cpu0))
            native = max(0.0, native + min(transfer, 0.0))
        st.native_cpu_seconds += native
        st.transfer_seconds += max(transfer, 0.0)
        if cpu1 is not None and not entry_made and not version.transfer.stores_lists:
            # (copying in only, in CPU time: the cost of a version storing into lists counts
            # their writing back too, which its exit does, after other work)
            self._calibrate(cpu1 - cpu0, recs.cost)
        st.compile_seconds += generated
        if version.transfer.full_records:       # (an EntryRecords)
            st.records_in += len(recs.by_id) + sum(len(objects) for _, objects in recs.blocks)
            st.words_in += recs.words_in
            st.small_int_lists += recs.small_int_lists
            st.split_words += recs.split_words
            st.rest_words += recs.rest_words
            st.records_out += recs.records_out
            st.words_out += recs.words_out
            st.writeback_seconds += recs.writeback_seconds
            st.elements_seconds += recs.elements_seconds
        st.current = version
        rec = version.exits[exit_id - 1]      # exit ids count from 1
        if rec.reason.startswith(ROOM_FULL):     # (" in C.m" after it: in an inlined callee)
            version.transfer.more_room(getattr(recs, "grown", 0),
                                       _header_iterations(version, version.transfer.iterations()))
        return rec

    # --- functions compiled whole -------------------------------------------------------------
    def call_function(self, site, func, args, frame):
        """A hot recursive function's call from the baseline, made by the site's slow entry
        (``FunctionSite.slow``): its result computed natively, or ``site`` when the baseline
        must make the call (see ``tauraro.jit.functions``). A call answered natively installs
        the version's generated entry as the site's ``call``: the next calls with the same
        types take only its checks (``FunctionVersion.site_call``)."""
        from .inline import whole_parameter
        t_call = time.perf_counter()
        st = site.state
        G = frame.f_globals
        if st is None:
            code = self.code_for(func) if self.code_for else None
            if code is None:
                site.give_up(func)
                return site
            from ..compiler.code import LoopInfo
            st = site.state = self.loops[(code, "function")] = FunctionState(
                code, LoopInfo(-1, "function", site.info.line, 0, 0, -1))
            st.builtins = _builtins_of(G)
            st.globals = G
            st.method = site.method
        ftype = classify(func, G)
        types = tuple(classify(a, G) for a in args)
        if st.method:
            # (a method calling itself through ``self``: ``self`` an object of its class with
            # the attributes the method and the methods it calls use, copied in per call)
            this = self._self_type(func, args[0])
            if this is not None:
                types = (this,) + types[1:]
        key = (ftype, types)
        version = st.versions.get(key)
        if version is None:
            if not isinstance(ftype, FunctionType) or len(st.versions) >= MAX_VERSIONS:
                self._give_up_function(st, site, func, "not compiled", "not a plain function of its module"
                                       if not isinstance(ftype, FunctionType)
                                       else "more than %d type versions" % MAX_VERSIONS)
                return site
            if not all(map(whole_parameter, types)):
                # (before the JIT's start and any compile: a tree's insert method takes nodes)
                self._give_up_function(st, site, func, "not compiled", "arguments of types %s"
                                       % ", ".join(t.name for t in types))
                return site
            from . import functions
            from .functions import compile_function
            cpu0 = _thread_time()
            t0 = time.perf_counter()
            started = self.engine_seconds
            imported = functions.stage_import_seconds
            try:
                with CompileAside():
                    # (the engine started once the function types, not billed to it)
                    version = compile_function(ftype, types, G, st.builtins, self.code_for, self._engine,
                                               "%s_line%d" % (func.__name__, site.info.line), self.dump is not None,
                                               st.method, start_engine=self._start_engine_aside)
            except NotCompilable as e:
                self._give_up_function(st, site, func, "not compiled", str(e))
                return site
            finally:
                self._made_aside()      # (an engine started aside by a compile that failed: kept)
                JitController.overhead += _thread_time() - cpu0     # (not the baseline's: _measure)
            # (the engine started once the function typed, and the stages imported for it: the
            # JIT's start, not billed to it)
            st.compile_seconds += time.perf_counter() - t0 - (self.engine_seconds - started) - (
                functions.stage_import_seconds - imported)
            st.versions[key] = version
            t_call = time.perf_counter()      # (the compile is not what a call costs)
            st.status = "compiled"
            if self.dump is not None:
                self._dump_function(st, version)
            version.drop_stages()
        if not version.unchanged(G, st.builtins):
            st.drop(key)          # a global or class attribute it read changed: compile again
            return site
        from .functions import native_depth_limit
        wargs = version.arguments(args)
        limit = native_depth_limit(frame)
        if wargs is None and version.too_much:
            # (its lists are more than a call may copy in: so would its next calls' be, and
            # each would classify them again first -- a recursive binary search over a
            # million-element list, 20 calls a search, ran 500 times as long as CPython)
            self._give_up_function(st, site, func, "left to the baseline",
                                   "its arguments are more than a call may copy in")
            return site
        if wargs is None or limit < 1:
            return site
        recs = None
        if version.lists:       # (its lists copied in: written back if the call succeeds)
            wargs, recs = wargs
        wargs = wargs + [limit]
        words = version.words
        watchdog = self.interrupts
        t1 = time.perf_counter()
        if watchdog is None:
            r = version.entry(*wargs)
        else:
            watchdog.running(version.memory_address)
            try:
                r = version.entry(*wargs)
            finally:
                watchdog.stopped()
        t2 = time.perf_counter()
        st.native_seconds += t2 - t1
        st.transfer_seconds += (t1 - t_call) + (time.perf_counter() - t2)
        status = words[1]
        if status:
            return self._function_failed(st, site, version, func, status)
        if recs is not None:
            version.written_back(recs)
        st.native_iterations += 1
        st.quick_failures = 0
        st.last = version
        site.install(self._site_call(st, site, version))
        return version.value(r)

    def _self_type(self, func, obj):
        """The InstanceType of ``obj``, the ``self`` of a method compiled whole: the
        attributes ``func`` and the methods it calls use (``_used_attributes``), fields
        holding objects and containers included; None if it has none."""
        names_of = lambda klass: self._used_attributes(klass, frozenset((func.__name__,)))   # noqa: E731
        return instance_type(obj, names_of(type(obj)), names_of)

    def _site_call(self, st, site, version):
        """The version's generated entry as the site's ``call`` -- wrapped, until the
        function's native calls are judged, by ``_judging_call``."""
        if st.judged:
            return self._generated_call(st, site, version, 1)
        return self._judging_call(st, site, version)

    def _generated_call(self, st, site, version, up):
        call = version.site_calls.get(up)
        if call is None:
            def failed(func, status):
                return self._function_failed(st, site, version, func, status)
            call = version.site_calls[up] = version.site_call(
                version.function.func.__globals__, st.builtins, site, failed, self.interrupts,
                st if self.statistics else None, up)
        return call

    def _judging_call(self, st, site, version):
        """The site's ``call`` while the function's native calls are judged: the generated
        entry, timed (see CALLS_BEFORE_JUDGING). A sampled call is made natively once more,
        and twice in CPython (``FunctionSite.cpython_seconds``), the faster of each counted:
        the first run after other work is slower, natively (~2x for a call of a microsecond)
        more than in CPython. A call made inside a recursion CPython runs (the first one got
        hot halfway down) is answered but not judged: once the outer call runs natively,
        such calls are not made by the baseline any more, and most are small."""
        call = self._generated_call(st, site, version, 2)
        clock = time.perf_counter
        miss = site.miss

        lists = bool(version.lists)

        def judging_call(func, *args):
            # (the function itself: a method calling itself through self is passed none)
            named = func if func is not None else version.function.func
            if site.nested(sys._getframe(1)):
                # (answered, not judged: nor copied for a sample -- a flood fill's recursion
                # CPython ran copied its grid's two 90,000-element lists at every call)
                if not lists:
                    return call(func, *args)
                c0 = version.copy_seconds
                t0 = clock()
                r = call(func, *args)
                copying = version.copy_seconds - c0
                if r is not miss and copying >= COPY_BOUND and copying > 10 * (clock() - t0 - copying):
                    # (such calls answered natively inside a recursion CPython runs, each
                    # copying its object's lists in and out, kept on until the outermost call
                    # returned: 4 ms a call where CPython takes 0.5 us)
                    st.copy_bound += 1
                    if st.copy_bound >= COPY_BOUND_CALLS:
                        self._give_up_function(st, site, named, "left to the baseline",
                                               "its native calls copy in and out more than ten times "
                                               "their work (%.0f us a call)" % (copying * 1e6))
                return r
            # a version taking lists may store into them: its sampled calls are made again on
            # copies of the lists as they were before the call (aliases kept), so the program's
            # lists see one call; its copying is timed apart (FunctionVersion.copy_seconds)
            turn = (st.judged_calls + 1) % SAMPLE_EVERY == 0 or lists and st.judged_calls < 2
            twins = _list_copies(args) if lists and turn else args
            c0 = version.copy_seconds
            t0 = clock()
            r = call(func, *args)
            seconds = clock() - t0
            if r is miss:
                return r
            st.judged_calls += 1
            if lists:
                # native work of TWIN_BOUND or more pays only if copying the lists does not
                # outweigh it (copied per call: the reflected-list trap); else it is sampled
                copying = version.copy_seconds - c0
                sure = seconds - copying >= TWIN_BOUND and copying <= seconds - copying
            else:
                sure = seconds >= TWIN_BOUND
            if not sure and turn:
                t0 = clock()
                again = call(func, *(_list_copies(twins) if lists else twins))   # (the same answer)
                seconds = min(seconds, clock() - t0)
                # (a method calling itself through self: its prologue passes no function --
                # the site finds it -- and its calls were never timed in CPython: a method
                # copying a 200,000-element list in and out at each call stayed native, 30x
                # slower than CPython)
                cpython = site.cpython_seconds(named, twins)
                if again is not miss and cpython is not None:
                    st.sampled_native += seconds
                    st.sampled_cpython += cpython
                    st.samples += 1
                    if lists and st.samples >= 2 and st.sampled_native > 4 * st.sampled_cpython:
                        # (copying its lists in and out at every call: the first two samples
                        # are evidence enough, each call costing what a few thousand would)
                        self._judged(st, site, named)
                        return r
            if st.judged_calls >= CALLS_BEFORE_JUDGING:
                self._judged(st, site, named)
            return r
        return judging_call

    def _judged(self, st, site, func):
        st.judged = True
        if st.sampled_native > st.sampled_cpython:
            self._give_up_function(st, site, func, "left to the baseline",
                                   "native calls do not pay: %.2f us natively against %.2f us in CPython "
                                   "(the mean of %d calls made both ways)"
                                   % (st.sampled_native / st.samples * 1e6,
                                      st.sampled_cpython / st.samples * 1e6, st.samples))
        else:
            site.install(self._site_call(st, site, st.last))

    def _function_failed(self, st, site, version, func, status):
        """A native call failed (``status``: the snapshot of the guard, or the budget or a
        Ctrl-C): counted, and the baseline makes this call and, backing off, the next ones."""
        snap = version.snapshots.get(status)
        reason, line = (snap.reason, snap.line) if snap is not None else ("too deep, or interrupted",
                                                                          site.info.line)
        st.exits[(reason, line)] = st.exits.get((reason, line), 0) + 1
        st.quick_failures += 1
        if st.quick_failures >= QUICK_FAILURE_LIMIT * 2:
            self._give_up_function(st, site, func, "blacklisted", "native calls keep failing at line %d (%s)"
                                   % (line, reason))
            return site
        site.uninstall()
        site.countdown = st.backoff          # the baseline makes this many calls before the next try
        st.backoff = min(st.backoff * 2, 1 << 16)
        return site

    def _give_up_function(self, st, site, func, status, reason):
        site.give_up(func)
        self.give_up(st, status, reason)

    def _dump_function(self, st, version):
        from .dump import dump_function_text
        self._write_dump(dump_function_text(st, version, len(st.versions)),
                         "%s_function_line%d" % (self._stem(st.code.filename), st.loop.line), len(st.versions))

    def _with_callees(self, st, types, r, G, builtins):
        """(the entry types, the CellMap) with the globals the functions the loop may
        inline read or write, and the closure cells they write, added to the loop's entry
        variables (which only grow: a version keeps the list it was compiled with); a
        closure's cells that are frame variables are marked in its type (LiveCell)."""
        from .inline import callee_globals, closure_cells, with_live_cells
        loop_cells = {id(r[v[1]]): (v, r[v[1]]) for v in st.entry_vars
                      if is_cell(v) and not isinstance(v[1], CellVar) and type(r[v[1]]) is _CELL}
        while True:
            have = set(st.entry_vars)
            new = [("g", name) for name in sorted(callee_globals(types, self.code_for))
                   if ("g", name) not in have]
            cells = closure_cells(types, loop_cells, self.code_for)
            new += [v for v in dict.fromkeys(cells.vars.values()) if v not in have]
            if not new:
                return tuple(with_live_cells(t, cells) for t in types), cells
            st.entry_vars = st.entry_vars + new
            types = types + tuple(classify(self._read(v, r, G, builtins), G) for v in new)

    def _after_exit(self, st, record) -> int:
        """Statistics, and the policy that keeps failing loops from thrashing; returns the
        countdown to the next entry in this run of the loop."""
        version = st.current
        st.entries += 1
        st.tries += 1
        version.used = st.tries
        counts = version.transfer.iterations()
        native = _header_iterations(version, counts)
        saved = st.native_saving
        if len(counts) == 1:        # (the loop's own counter only)
            st.native_iterations += native
            st.native_work += native
            st.native_saving += native * st.body_seconds
        else:
            for lst, n in zip(version.counter_states, counts):
                lst.native_iterations += n
            st.native_work += sum(counts)     # iterations of the region's nested loops included
            if st.measured_per is not None and not st.nests:
                # (its iterations were timed as a whole, the calls in them with their loops: those
                # loops' native iterations are in that time already. Added again, the loops a
                # Kruskal's loop inlined -- union's two finds -- made its entries look to save
                # twice what they did, and copying 135,000 edges in, and the pairs it appended
                # out, was never found to cost more than the loop as written)
                st.native_saving += native * st.body_seconds
            else:
                st.native_saving += sum(n * s.body_seconds for s, n in zip(version.counter_states, counts))
        st.entry_saving = st.native_saving - saved
        exits = st.exits
        exits[record.key] = exits.get(record.key, 0) + 1
        if st.elements_seconds and self._elements_lose(st):
            self._give_up_elements(st)
            return IDLE_COUNTDOWN
        if st.elements_seconds > ELEMENTS_LEAST and st.elements_seconds > st.native_iterations * st.body_seconds:
            # (its elements took longer to make than the floor of its iterations' cost: they
            # are judged by ``_elements_lose`` once timed -- not after two or three more entries
            # of tens of milliseconds each)
            self._time_first(st)
        cost = st.transfer_seconds + st.native_cpu_seconds
        if version.transfer.full_records and cost > st.native_saving + TRANSFER_ALLOWANCE:
            # copying data in and out (big lists, strings, many objects), with the native runs
            # themselves, costs more than the baseline would have spent on the iterations run
            # natively: it cannot pay. (Not the copies alone: a loop whose native iterations
            # cost a third of the baseline's is a third as far from paying. A
            # version copying no records moves a few words, timed on the wall's clock -- a CPU
            # clock's two reads would cost its entry more than it does -- and under load a
            # 3000-iteration run's entry, preempted, once took 20 ms: the loop was given up,
            # and the 6.7*10^7-iteration run after it interpreted.)
            # (judged by the floor of its iterations' cost, which for a body of calls inlined
            # says what the calls cost, not their callees: a ray tracer's pixel loop, 11 us an
            # iteration as written, looked to save 0.4 us. Timed first, then judged)
            asked = not st.timing_asked and self._time_first(st)
            if not asked and (st.measured_per is not None or (
                    st.entries >= FLOOR_ENTRIES and cost > FLOOR_MARGIN * st.native_saving + TRANSFER_ALLOWANCE)):
                # (timed; or not -- a nested comprehension's, or one whose timing has not
                # come -- and its saving a floor: given up only past FLOOR_MARGIN times it,
                # and not on its first entry alone, whose cost holds one-time costs too --
                # the room's fresh pages, cold caches. A nested generator expression's first
                # chunk, 263,000 elements at a floor of 27 ns against CPython's ~70, cost 9.3
                # ms native and 7.9 of copies on 3.12: under CI's load, past FLOOR_MARGIN
                # times the floor's 7 ms and the allowance, twice)
                self._give_up_lost(st, "copying in and out (%.1f ms) and the native runs (%.1f ms) cost "
                                       "more than %d native iterations save"
                                   % (st.transfer_seconds * 1000, st.native_cpu_seconds * 1000, st.native_work))
                return IDLE_COUNTDOWN
        if version.transfer.full_records and st.measured_per is None and not st.timing_asked \
                and not self.eager and st.entries >= 2 and UNTIMED_DOUBT * (cost - st.cost_seen) > st.entry_saving:
            # (an untimed loop whose entry's saving, by the estimate of its iterations' cost,
            # is not far past what the entry cost: the estimate, off by 2-5x either way, is
            # the verdict -- its next iterations are timed as written. A character count,
            # ``freq[ch] = freq.get(ch, 0) + 1``, is put at 108 ns an iteration for its call of
            # a method, where dict.get takes CPython ~45 ns: 600 entries of 600 characters
            # each looked to save 65 us for 47 of copies and ran 4x slower than as written)
            self._time_first(st)
        losing = self._losing_streak(st, cost)      # (its counts kept at every exit)
        if losing and version.transfer.full_records and not st.reruns_iterations and not self.eager:
            self._give_up_lost(st, "its last %d entries each cost more than they saved (%.1f ms in all)"
                               % (st.losing, st.losing_seconds * 1000))
            return IDLE_COUNTDOWN
        if (st.entries >= ENTRIES_BEFORE_JUDGING and st.native_work < MIN_ITERATIONS_PER_ENTRY * st.entries) or \
                (st.entries >= EMPTY_ENTRIES and st.native_work < st.entries and not self.eager):
            # (and sooner, a loop whose entries ran nearly nothing natively: each costs its
            # checks and copies, ~0.5-1 ms for a loop over objects, and tarjan's SCC-popping
            # loop in graph_structure.py, entered at its last iteration, spent 9 ms in 8)
            self._give_up_lost(st, "entries do not pay: %.1f native iterations per entry"
                               % (st.native_work / st.entries))
            return IDLE_COUNTDOWN
        if record.failed:
            if native < 2 and record.kind != TYPE_CHANGE:
                st.quick_failures += 1
                if st.quick_failures >= QUICK_FAILURE_LIMIT:
                    self.give_up(st, "blacklisted", "native runs keep exiting at line %d (%s)"
                                 % (record.line, record.reason))
                    return IDLE_COUNTDOWN
            else:
                st.quick_failures = 0
            countdown = st.backoff
            st.backoff = min(st.backoff * 2, 1 << 16)
            return countdown
        st.quick_failures = 0
        st.start = 1                 # entries pay: enter at once the next time the loop starts
        return 1

    def _state_by_header(self, code, header):
        for loop in code.loops:
            if loop.header == header:
                return self.state(code, loop.id)
        raise KeyError(header)

    # --- compiling ---------------------------------------------------------------------------------
    def _engine(self):
        if self.engine is None:
            t0 = time.perf_counter()
            from . import emit  # noqa: F401  (one-time import, not billed to a loop)
            from .ir import passes, record  # noqa: F401
            made = self._made_aside()
            self._engine_aside = None
            if made is not None:
                if isinstance(made, BaseException):
                    raise made
                self.engine = made
            else:
                from .native import NativeEngine
                self.engine = self._new_engine(NativeEngine)
            from .interrupt import InterruptWatchdog
            self.interrupts = InterruptWatchdog.install()
            self._engine_seconds += time.perf_counter() - t0
        return self.engine

    def _new_engine(self, NativeEngine):
        """The engine, its one-time set-up done (see _WARMUP_WASM). No import on the way:
        it may run on another thread (``_start_engine_aside``), and an import there could
        meet the main thread's switches of the import system's view (``tauraro.boundary``)."""
        engine = NativeEngine(cache_dir=self.cache_dir)
        warm = engine.instantiate(engine.compile(_WARMUP_WASM))
        warm.entry("run")(0)
        return engine

    def _start_engine_aside(self):
        """Start making the engine on another thread, the first loop's code still to be
        generated on this one. Nearly all of it -- the engine's and Cranelift's one-time set-up,
        ~5-8 ms on the dev VM -- is C code that runs without the GIL (ctypes releases it), so
        on a second core it is done by the time this thread asks for the engine (``_engine``,
        which waits for it).
        A ``_thread`` thread, not a ``threading.Thread``: the program never sees it in
        ``threading.enumerate()``; it is waited for before the compile that started it
        returns, so none outlives a compile (nor runs at the program's exit). Loading the
        library (``tauraro.jit.native``'s import) stays on this thread: see _new_engine."""
        if self.engine is not None or self._engine_aside is not None:
            return
        t0 = time.perf_counter()
        from .native import NativeEngine    # (here: see _new_engine)
        done = _thread.allocate_lock()
        done.acquire()
        made = []

        def make():
            try:
                made.append(self._new_engine(NativeEngine))
            except BaseException as e:      # (re-raised on this thread by _engine)
                made.append(e)
            finally:
                done.release()
        before = _thread._count()
        _thread.start_new_thread(make, ())
        self._engine_aside = (done, made, before)
        self._engine_seconds += time.perf_counter() - t0

    def _made_aside(self):
        """The engine made by ``_start_engine_aside`` (or the exception that stopped it),
        waited for; None if none is being made."""
        aside = self._engine_aside
        if aside is None:
            return None
        done, made, before = aside
        with done:
            pass
        # (and until its thread is gone, at most ~10 ms: a thread of Tauraro's alive would
        # count as one of the program's -- tauraro.jit.threads -- and the entry that follows
        # the compile would not run natively)
        t = time.perf_counter()
        while _thread._count() > before and time.perf_counter() - t < 0.01:
            time.sleep(0)
        return made[0]

    @property
    def engine_seconds(self) -> float:
        """What starting the JIT took: the engine's start, and the check of the ported math
        functions (``mathlib.seconds``: once per process, when the type inference of the
        first loop or function calling math.exp & co. asks; it starts the engine then, and
        compiles its sample or reads its verdict). Both can happen inside a compile: there
        they are taken out of its time (simpson's first version in
        bench/calls/integrate_math.py was billed 40 ms of codegen for them)."""
        return self._engine_seconds + mathlib.seconds

    def _weigh_size(self, st, inf):
        """A first compile of a big region -- a loop with many calls inlined -- costs in
        proportion to its size (COMPILE_SECONDS_PER_INSTRUCTION), which the estimate every
        loop is first weighed with (_compile_estimate) does not know: a quicksort's outer
        loop inlining its recursive calls, ~600 instructions, compiled for ~140 ms, and its
        runs of two or three iterations never paid it back. Such a compile waits until the
        loop's work -- done, and a for loop's left -- pays for it (CompileWaits; the trip
        checks ``work_for_compile``).
        Not under an explicit --jit-threshold, where what gets hot is compiled."""
        if self.eager or st.versions:
            return
        size = len(inf.typings) + (inf.inliner.size if inf.inliner is not None else 0)
        estimate = size * COMPILE_SECONDS_PER_INSTRUCTION
        if estimate <= BIG_COMPILE_SECONDS:
            return
        stake = self._big_compile_stake(st, st.trip_left)
        if stake >= COMPILE_PAYBACK * estimate:
            st.work_for_compile = 0.0
            return
        st.work_for_compile = COMPILE_PAYBACK * estimate
        raise CompileWaits("not compiled yet: its %d instructions, its inlined calls' included, would "
                           "take ~%.0f ms to compile, more than its work (%.2f ms)"
                           % (size, estimate * 1000, stake * 1000))

    def _big_compile_stake(self, st, left) -> float:
        """What a big region's compile is weighed against (_weigh_size): the loop's work so
        far, and a for loop's work left (``left``: its iterations left, if known) -- a ray
        tracer's row loop, ~1,200 instructions with its inlined calls, trips with most of
        the image to go."""
        known = left is not None and left >= 0
        return self._work_done(st) + (self._work_seconds(st, left) if known else 0.0)

    def compile(self, st, region, types: tuple, cells=None, inf=None) -> CompiledLoop:
        """``cells``: the CellMap of the closures the loop may inline (see _entry_types);
        ``inf``: the region's inference for ``types`` and ``cells``, if one was made already."""
        from .layout import FrameLayout, callee_writes, called_regions, calls_with_lists
        t0 = time.perf_counter()
        started = self.engine_seconds
        entry_types = dict(zip(st.entry_vars, types))
        if inf is None:
            inf = self._inference(st, region, types, cells)
        why = test_effects(st.code, st.loop, inf)
        if why is not None:
            raise NotCompilable(why)
        self._weigh_size(st, inf)
        # (the stages after the inference, imported once one loop types: a program whose
        # hot loops all stop at what native code does not do never imports them, ~20 ms)
        self._start_engine_aside()
        t_typed = time.perf_counter()
        from .emit import Emitter, interns
        from .ir.ops import HEAP_OPS
        from .ir.passes import optimize
        from .ir.record import Unsupported, record
        from .ir.stores import stored_vars
        from .transfer import TAIL_ROOM_MAX, Transfer
        t0 += time.perf_counter() - t_typed
        inliner = inf.inliner
        # the globals and cells inlined callees write are written back at every exit too
        carried = st.carried | callee_writes(inf)
        callees = called_regions(inf)
        # (the loops of the functions it may inline: counted as theirs, a ray tracer's
        # nearest() inside its pixel loop)
        callee_loops = [(r.code, h) for r in callees for h in sorted(r.loop_headers)]
        layout = FrameLayout(region, entry_types, carried, callees, undo=calls_with_lists(inf), inference=inf,
                             callee_loops=callee_loops)
        layout.splits = tuple((it, text) for it, text in st.splits
                              if it in entry_types and _words_iterator(entry_types[it]))
        name = "%s_line%d" % (self._stem(st.code.filename), st.loop.line)
        dumping = self.dump is not None
        try:
            graph = record(inf, layout.carried, layout.constants, "loop_line%d" % st.loop.line)
            graph.counted = frozenset(region.loop_headers)      # (the emitter counts their iterations)
            graph.budget_allowed = not st.reruns_iterations      # (a comprehension's exits re-run)
            graph.elements_allowed = st.elements_allowed
            stages = [("as recorded", graph.text())] if dumping else []
            optimize(graph, stages if dumping else None)
            exits = [snap.exit_record() for snap in graph.snapshots]
            for rec in exits:
                layout.note_exit_area(struct.calcsize(rec.fmt))
            # (a loop over a text's words whose code reads strs' key words numbers them by
            # contents: the words written from the text have none, tauraro.jit.splits)
            graph.interning = interns(graph) or bool(layout.splits) and any(
                ins.op == "str_key" for ins in graph.all_instrs())
            low = Emitter(graph, layout, name, {h: st.code.instrs[h].line for h in region.loop_headers},
                          annotate=dumping or self.emit_dir is not None)
            wasm, module = low.build()
        except Unsupported as e:
            raise NotCompilable(str(e)) from None
        # (made before Cranelift runs, whose compile leaves the caches cold for Python code)
        ops = {ins.op for ins in graph.all_instrs()}        # (one walk of the graph for both)
        transfer = Transfer(layout, st.entry_vars, types, exits, None, st.code,
                            inliner.class_attributes.items() if inliner else (),
                            cells.checks if cells else (), graph.element_lists,
                            allocates=bool(graph.sinks) or not ops.isdisjoint(HEAP_OPS),
                            str_keys="str_key" in ops,
                            intern_keys=graph.const_keys if graph.interning else None,
                            tails=st.tails, splits=layout.splits)
        transfer.stores_lists = self._stores_lists(st, inf, graph)
        transfer.made_room = max(transfer.made_room, min(2 * st.made_length, TAIL_ROOM_MAX))    # (even)
        # (which variables' lists it may write back: those alone are charged for it)
        transfer.stored_vars = stored_vars(graph) if transfer.stores_lists else frozenset()
        transfer.keeps_lists = not transfer.stores_lists     # (see tauraro.jit.resident)
        t_lowered = time.perf_counter()
        starting = self.engine_seconds - started    # (the JIT's start made in the lowering: not billed)
        # started (wasmtime imported) only once a loop lowers; its start-up is reported on its
        # own (engine_seconds), not billed to this loop
        engine = self._engine()
        t1 = time.perf_counter()
        hits = engine.stats.cache_hits
        native_module = engine.compile(wasm)
        st.cache_hits += engine.stats.cache_hits - hits
        imports = [self._helper(h) for h in low.helper_index]
        instance = engine.instantiate(native_module, imports=imports)
        entry = instance.entry("run", RUN_SIGNATURE)
        t2 = time.perf_counter()
        transfer.attach(instance)
        t3 = time.perf_counter()
        # ours: IR, passes, wasm and entry/exit code
        codegen = (t_lowered - t0) + (t3 - t2) - starting
        st.codegen_seconds += codegen
        st.native_compile_seconds += t2 - t1               # Cranelift, instantiation
        st.compile_seconds += codegen + (t2 - t1)
        self.compile_times.append(codegen + (t2 - t1))
        counter_states = [self._state_by_header(st.code, h) for h in sorted(region.loop_headers)] + [
            self._state_by_header(code, h) for code, h in callee_loops]
        version = CompiledLoop(region, inf, graph, stages, layout, exits, wasm, module.to_text, instance,
                               entry, transfer, counter_states, codegen, t2 - t1)
        version.calls_natively = bool(low.natives)
        version.types = types
        if self.emit_dir is not None:
            self._emit(st, version)
        if self.dump is not None:
            self._dump(st, version)
        version.drop_stages()
        return version

    def _stem(self, filename) -> str:
        stem = self._stems.get(filename)
        if stem is None:
            stem = self._stems[filename] = os.path.splitext(os.path.basename(filename))[0]
        return stem

    def _helper(self, name):
        """The host function of a helper, made once: the engine then makes its wasmtime
        function (a ctypes callback and its argument structure) once, not per loop."""
        hf = self._helpers.get(name)
        if hf is None:
            from ..helpers.floats import HELPERS
            from .native import HostFunction
            params, results, fn = HELPERS[name]
            hf = self._helpers[name] = HostFunction("helpers", name, params, results, fn)
        return hf

    def _dump(self, st, version):
        from .dump import dump_text
        n = len(st.versions) + 1
        self._write_dump(dump_text(st, version, n), "%s_line%d" % (self._stem(st.code.filename), st.loop.line), n)

    def _write_dump(self, text: str, stem: str, number: int):
        """--jit-dump: to stderr, or to DIR/<stem>[_v<number>].txt."""
        if self.dump == "-":
            sys.stderr.write(text)
            return
        name = stem if number == 1 else "%s_v%d" % (stem, number)
        with open(os.path.join(self.dump, name + ".txt"), "w") as f:
            f.write(text)

    def _emit(self, st, version):
        os.makedirs(self.emit_dir, exist_ok=True)
        stem = "%s_line%d" % (self._stem(st.code.filename), st.loop.line)
        self._emitted[stem] += 1
        n = self._emitted[stem]
        base = stem if n == 1 else "%s_v%d" % (stem, n)
        with open(os.path.join(self.emit_dir, base + ".wasm"), "wb") as f:
            f.write(version.wasm)
        header = [";; %s line %d (%s loop in %s), version %d" % (st.code.filename, st.loop.line,
                                                               st.loop.kind, st.code.qualname, n),
                  ";; entry types: " + ", ".join("%s: %s" % (self._var_name(st.code, v), t.name)
                                                 for v, t in version.inference.entry.items()),
                  ";; exits:"]
        for rec in version.exits:
            header.append(";;   %d: resume at pc %d (line %d), %s: %s" % (rec.id, rec.pc, rec.line,
                                                                        rec.kind, rec.reason))
        with open(os.path.join(self.emit_dir, base + ".wat"), "w") as f:
            f.write("\n".join(header) + "\n" + version.text())

    @staticmethod
    def _var_name(code, v):
        if is_cell(v):
            return "cell " + v[2]
        if is_global(v):
            return "global " + v[1]
        return code.regnames.get(v, "r%d" % v)

    def loop_outcomes(self):
        """(filename, line, kind, why given up, native iterations, iterations as written,
        the most it had left at a trip, is its function compiled whole, were its native runs
        a loss) of every loop this run looked at, and of every function it was asked to
        compile whole (kind "function": its calls for iterations; compiled whole if it has a
        version). ``why given up``: its reason (or status) if its status is one of GIVEN_UP,
        else None.
        (``tauraro.vm.start_memory`` keeps those it gave up on for later runs' start gates.)"""
        states = list(self.loops.values())
        whole = {st.code for st in states if isinstance(st, FunctionState) and st.versions}
        for st in states:
            given = (st.reason or st.status) if st.status in GIVEN_UP else None
            if isinstance(st, FunctionState):
                yield (st.code.filename, st.line, "function", given,
                       st.native_iterations, st.interpreted_iterations, 0, bool(st.versions), False)
            else:
                yield (st.code.filename, st.line, st.loop.kind, given,
                       st.native_iterations, st.interpreted_iterations, st.longest_left, st.code in whole,
                       given is not None and st.lost)

    # --- reporting -----------------------------------------------------------------------------------
    def rows(self) -> list[dict]:
        """One row per source loop (a loop decided without its register code may also have
        a row from its function's register code: the decided one is kept)."""
        # the loops of functions compiled whole: their iterations in native calls
        inside = {}
        for fst in list(self.loops.values()):
            if isinstance(fst, FunctionState) and (fst.versions or fst.dropped_iterations):
                for h, n in fst.loop_iterations().items():
                    if n:
                        st = self._state_by_header(fst.code, h)     # (a row, if it never got hot itself)
                        inside[(st.code.filename, st.line, st.loop.kind)] = (n, fst.code.qualname)
        best = {}
        for st in self.loops.values():
            key = (st.code.filename, st.line, st.loop.kind)
            other = best.get(key)
            if other is None or (other.status == "interpreted" and st.status != "interpreted"):
                best[key] = st
        rows = []
        for key, st in sorted(best.items(), key=lambda kv: (kv[1].code.filename, kv[1].line)):
            row = st.row()
            if key in inside:
                n, function = inside[key]
                row["native_iterations"] += n
                row["in_function"] = {"function": function, "native_iterations": n}
            rows.append(row)
        return rows
