"""FrameLayout: the linear memory of one compiled loop, and moving values across it.

    0            interrupt flag (i32), set by the Ctrl-C watchdog
    4            the exit taken (i32), stored by the loop as it returns
    8            native frames a call of a function compiled whole may open (i32, set per entry)
    12           where free memory starts (i32, set by an entry copying dicts in): a dict's
                 table that fills grows there natively (tauraro.wasmgen.dicts)
    16           the allocation pointer (i32): where the next object native code makes goes
    20           the allocation limit (i32): the end of the room the entry gave (HEAP_ROOM)
    24           the undo log's pointer (i32): where the next entry of the log goes
    28           the intern table's address (i32, set per entry: EntryRecords.intern), for a
                 version numbering strs it makes by their contents (tauraro.wasmgen.intern)
    32 ...       native iteration count per loop header of the region (i64 each)
    slots        one slot per live value: [tag i64][payload words...]
    undo log     (a loop calling functions compiled whole that take lists: UNDO_BYTES)
                 [address i32, pad][old word i64] per store those functions made: a call
                 that fails replays it backwards, so the loop's records are as they were
                 at the call (tauraro.jit.emit: call_fn, undo_log)
    exit area    the extra values one exit writes: [tag][payload] each, in order (native
                 code writes the payloads only: the host knows each exit's types)
    libm tables  the tables of exp, log, sin, cos and atan2, if the code calls them
    data         records of lists, tuples and strings: [len i64][dirty i64][elements]
    heap         after the entry's records: objects native code makes (``new_obj``), one
                 bump allocation each, [class][dirty][fields]; nothing is freed during a
                 run, and the next entry starts it again

The code that moves values across (generated per compiled version) is in
``tauraro.jit.transfer``.
"""
from __future__ import annotations

import struct
import sys
from array import array
from operator import sub as _sub

from .flags import POINTERS
from .smallints import SMALL_INTS
from .jtypes import (BOOL, FLOAT, INT, STR, STR_CONST_MAX, STR_KEYS, CombinedIter, InstanceType, JType, MaybeType,
                     SeqIterType, SeqType, str_tuple)
from .resident import repeated
# (zip and enumerate objects, whose iterators over lists least_cost and _least_copy count)
from .infer import callees
from .iterations import COMBINED_TYPES, advanced_iterators

SEQ_HEADER = 16

# What an entry's copying costs, in units of about 3.5 ns of the dev VM's time. Measured on
# it (2026-12-02, lists of 2*10^6 elements copied by a loop's entry, --jit-stats' entry/exit
# time, three runs under other benchmarks' load, the least taken; and each step alone in
# process, the least of five): copying an int or float element in ELEMENT_COST (its type
# checked, set(map(type)), ~24 ns -- counted now, list(map(type)).count(float), ~12 ns
# (2026-12-03; ELEMENT_COST kept) -- and an array('q'/'d') made, ~24 ns: 38-60 ns in all),
# writing one back ELEMENT_OUT_COST (words.tolist(), ~38 ns in process, and the slice
# assignment, ~5 ns: 22-45 ns); a flag of a list of bools FLAG_COST in (flags.py's marshal and one translate:
# 9-15 ns) and FLAG_OUT_COST back (flags_list and the slice assignment: 19-25 ns); a
# character CHAR_COST (one encode: ~2 ns); a record of its own RECORD_COST more (an
# object's: ~0.44 us of Python-level steps), a tuple of numbers or a str copied with its
# list BULK_RECORD_COST more (transfer._tuples, _strs: ~0.1-0.2 us). (Before, an element
# counted 4 and a flag 1 in and nothing out: a sieve's 5*10^6 flags were judged to cost
# 17 ms and cost ~200 ms in and out.) Those were the least of warm runs; an entry copies a
# big list once, cold (fresh pages for its records and the lists written back). On the
# fifth session's machine that took 28 ns a flag in and 53 back (3*10^6 of them, sieve.py
# entered however much it copied), 2.6 times the warm costs: the flags' costs below are
# twice those, so that a sieve's marking run -- n/2 iterations at ~47 ns against n flags
# in and out -- is refused with a margin a loaded machine's slower baseline (72 ns an
# iteration under CI's load) does not cross. (Thirteenth session: a long list of bools goes
# through its pointer array, tauraro.jit.flags, where that array can be read: 5*10^6 flags
# took 28-41 ms in, 5.6-8 ns a flag, most of it the fresh pages of the record, and ~17 ms
# back, 3.4 ns, sieve.py under --jit-stats: FLAG_COST 2 and FLAG_OUT_COST 2 then; a marking
# run of n/2 iterations pays for its n flags.) An int took 60 ns in and 65 back in a list of
# 2*10^6, and ~28 in and out in a 600x600 table's rows: ELEMENT_COST's between them.
# (Seventeenth session, --jit-stats' entry/exit times of forced entries: a list of 2*10^6
# ints ~26 ns an element in; a 1000x1000 table's rows ~11 in, ~18 back for ints past the
# small-int cache, ~8 for small ones; grid_dp.py's tables 26 in and 8-22 back; 5*10^6
# flags 5.4 ns in and 2.6 back. ELEMENT_COST 12 and ELEMENT_OUT_COST 10 -- 42 and 35 ns --
# were 1.6-2x those, and a program whose first big copy the model refused never measured
# copying to correct it (_calibrate): grid_dp.py's row loops, ~80 ms of work left against
# a copy modelled at 96 ms and taking ~50, stayed interpreted, as did sieve.py's marking
# loops. Now 8 and 7, and FLAG_OUT_COST 1: in and out still above what was measured.)
# Writing back is counted at the entry for every list a
# version may store into (Transfer.stores_lists: its code marks a record dirty): an entry
# that will pay to write its lists back is judged with that cost.
UNIT_SECONDS = 3.5e-9
ELEMENT_COST = 8
ELEMENT_OUT_COST = 7
FLAG_COST = 2 if POINTERS else 6
FLAG_OUT_COST = 1 if POINTERS else 12
CHAR_COST = 1
# a string this long or longer is copied into an entry's memory once and kept there for the
# next entries of the same version (tauraro.jit.transfer), while its records take at most
# KEEP_LIMIT bytes
KEEP_MIN = 256


def kept_str_record(kept: dict, s):
    """(``s``, its record's address) if a version keeps a record of the str ``s`` in its
    memory (``kept``: its Transfer's, where an entry put each str of KEEP_MIN characters
    or more); else None."""
    held = kept.get(id(s)) if len(s) >= KEEP_MIN else None
    return held if held is not None and held[0] is s else None

RECORD_COST = 128
# an element of a set copied in (EntryRecords._set: the elements listed, their types
# checked, their words packed -- three passes over the element objects): ~60 ns an element
# on the dev VM where the objects lie in their order, ~290 where they lie scattered over the
# heap (a set of 240,000 ints a loop computed: each pass a cache miss an element), against
# the 4 units (~14 ns) counted before. lcg_cycle_set.py's while loop entered with ~100 ms
# of copies for ~80 ms of work, after eleven refused tries that each listed the set's
# elements before weighing them
SET_ELEMENT_COST = 18
SCATTERED_ELEMENT_COST = 84
# (scattered: a sample of consecutive elements whose objects lie further apart than this,
# by the median of their gaps, in bytes)
SCATTER_GAP = 4096


# a tuple of numbers a list holds, its record written with the others' at once
# (EntryRecords._tuples): its numbers at ELEMENT_COST each, beside BULK_RECORD_COST -- or
# SCATTERED_TUPLE_COST where the list's tuples lie scattered over the heap (a sorted list's:
# each tuple and each of its ints a cache miss, read by each of the copy's passes).
# graph_structure.py's Kruskal over 135,000 edge triples: ~310 ns a triple in the order they
# were made (BULK_RECORD_COST's 72 units: ~250), ~450-470 sorted (130 units) -- about what
# the loop as written spends on an iteration, its union-find calls and all.
SCATTERED_TUPLE_COST = 106


def tuple_record_cost(rows) -> int:
    """What a record of a tuple of ``rows`` (a list of tuples of numbers) costs an entry
    beside its numbers: BULK_RECORD_COST, or SCATTERED_TUPLE_COST if a sample of its first
    tuples lies scattered over the heap (``scattered``)."""
    return SCATTERED_TUPLE_COST if len(rows) > 64 and scattered(rows[:64]) else BULK_RECORD_COST


def scattered(sample) -> bool:
    """Do the objects of ``sample`` (consecutive elements of a container, as it iterates
    them) lie scattered over the heap, each likely a cache miss? The median of their
    distances apart, by their ids (CPython's addresses), against SCATTER_GAP: a median, not
    a mean, since a few far jumps do not make a miss an element -- a set of ints from
    ``range(0, 30000, 5)`` starts with CPython's small ints, which lie in the interpreter's
    static data gigabytes from the heap, and its mean gap of 64 read it as scattered."""
    ids = list(map(id, sample))
    if len(ids) < 2:
        return False
    gaps = sorted(map(abs, map(_sub, ids[1:], ids[:-1])))
    return gaps[len(gaps) // 2] > SCATTER_GAP


# a row of a table a version may grow (a resizable list among many: adjacency lists appended
# to) costs more than its record: its room to grow (spare_room, ~0.5 KB of fresh pages a
# short row) and, at the exit, the whole row made again. 60,000 empty adjacency lists cost
# ~2 us a row in and ~0.65 out where the model said ~0.5 in all: bfs_adjacency.py entered
# its build loop at some runs, 160 ms of copies for ~30 ms of work
ROOM_ROW_COST = 600
# an object whose fields link to others of its class (node.left, node.next) is copied by the
# walk that follows its links (EntryRecords._instance's work list): ~2.5 us a node on the dev
# VM, 3.4-6 on the twenty-fifth session's (a 1,500-node list: 5 ms an entry; avl_tree.py's
# get and select: 8.9 ms for ~1,500 nodes), where RECORD_COST counted 0.45. A walk's entry
# let copy SMALL_COPY (~1 ms by the model) took ~5-9 ms, at each of a dozen tries
LINKED_RECORD_COST = 700
# a str copied alone (an object's field, a variable: not a list's, copied at once) costs its
# record's Python-level steps, ~2.3 us on the dev VM, beside its characters: a walk down a
# tree whose nodes hold str keys copied 3,200 nodes for what the model took as 3.7 ms of
# data, in 22-43 ms (rbtree.py's get, refused at LINK_LIMIT)
STR_RECORD_COST = 640
# a list of numbers kept in memory from an earlier entry (tauraro.jit.resident) costs a
# unit per this many elements: its pointers copied and compared, ~0.3 ns an element
KEPT_ELEMENTS_PER_UNIT = 8
BULK_RECORD_COST = 48
# a word of a str's split() written by the module (tauraro.jit.splits): a few ns a word,
# beside the str's characters, copied once and kept
SPLIT_WORD_COST = 2
# An entry may copy what the baseline would spend on the work it has left (``copy_limit``:
# JitController._copy_limit estimates it; for a while loop, whose work left is not known,
# the work it has done so far), beyond SMALL_COPY (~1 ms). Copying whole containers at
# every entry is the cost the JIT must not pay; ``JitController._after_exit`` then judges
# by the times measured. COPY_LIMIT (~60 ms) bounds the copies of a function compiled whole
# called from the baseline (tauraro.jit.functions).
COPY_LIMIT = 1 << 24
SMALL_COPY = 1 << 18
# What an entry of a while loop may copy of the objects it reaches only through links
# (node.next, node.left: EntryRecords._instance follows them): a walk down a path of a tree
# of 10^5 nodes makes a few dozen iterations, yet its first entry would copy the whole tree
# (~2.5 us a node: a quarter of a second) before the cost model could see it did not pay.
# A walk pays only if it visits about as many objects as the entry copies, and then no
# more than a few thousand (docs/jit-data.md, "Objects or None": a node costs ~25 times
# its walk's step), so beyond this (~7,700 two-field nodes) the entry is refused and the
# loop left to the baseline (TooManyLinks).
LINK_LIMIT = 1 << 20
# the room an entry gives the objects native code makes (a run that fills it leaves at the
# construction that does not fit; the interpreter makes that object, and the next entry
# starts with the room empty again)
HEAP_ROOM = 64 << 20
# the undo log's room: stores a native call from a loop may make into the loop's lists (a
# call making more fails, and the interpreter makes it)
UNDO_BYTES = 16 << 16


class TooMuchToCopy(Exception):
    """An entry would copy in more than its limit (``copy_limit``): the loop stays the
    baseline's."""


class TooManyLinks(TooMuchToCopy):
    """An entry would copy more objects reached through links than its ``link_limit``
    (LINK_LIMIT for a while loop): the loop is left to the baseline for good, as the
    structure behind a walk does not shrink (refusing again at every backoff would copy
    up to the limit each time)."""


def copy_limit(work_seconds: float) -> int:
    """What an entry may copy in (in cost units), for a loop whose work left would cost the
    baseline ``work_seconds`` (its own iterations and its nested loops', known from its
    iterator, or guessed): a little for little work (a loop over 400 rows setting one column
    must not copy the whole grid), as much as the work costs beyond that."""
    return SMALL_COPY + int(work_seconds / UNIT_SECONDS)


def _align(n, a):
    return (n + a - 1) // a * a


def _is_flags(jt) -> bool:
    return isinstance(jt, SeqType) and jt.elem is BOOL and jt.kind == "list"


def _is_int_list(jt) -> bool:
    return isinstance(jt, SeqType) and jt.elem is INT and jt.kind == "list"


def _is_str_seq(jt) -> bool:
    return isinstance(jt, SeqType) and jt.elem is STR


def reaches(jt, wanted, seen=None) -> bool:
    """Is a value of a type ``wanted`` accepts (a list of bools, a str), or a value that
    may hold one (the element of a list, an object's field, what an iterator walks, a
    tuple's member), of the type ``jt``? (The JTypes that hold others name them ``elem``,
    ``seq``, ``value``, ``inner``, ``members`` or ``fields``; one holding a list of bools
    under another name would copy it by marshal, its module having no flags_in.)"""
    if wanted(jt):
        return True
    seen = set() if seen is None else seen
    if id(jt) in seen:
        return False
    seen.add(id(jt))
    inner = [getattr(jt, name, None) for name in ("elem", "seq", "value")]
    held = getattr(jt, "inner", None)       # (a MaybeType's object; a CombinedIter's iterators)
    inner.extend(held if isinstance(held, tuple) else (held,))
    inner.extend(getattr(jt, "members", ()))
    inner.extend(ft for _, ft in getattr(jt, "fields", ()))
    return any(reaches(t, wanted, seen) for t in inner if isinstance(t, JType))


def _slot_fmt(jt) -> str:
    return "q" + "".join("d" if vt == "f64" else "q" for _, vt in jt.parts)


class FrameLayout:
    FLAG = 0
    EXIT_TAKEN = 4
    BUDGET = 8
    FREE = 12
    HEAP = 16
    HEAP_END = 20
    UNDO = 24
    INTERN = 28
    MADE_ROOM = 32      # the room of a list native code makes (new_list), set at each entry
    COUNTERS = 40

    def __init__(self, region, entry: dict, carried: set, callees=(), undo: bool = False,
                 callee_loops=(), inference=None):
        """``entry``: var -> JType of every live value the region uses; ``carried``: the
        vars native code may change (written back by every exit); ``callees``: the regions
        of the functions inlined into it or called natively (their constants are its too);
        ``undo``: it calls functions compiled whole that take lists (an undo log);
        ``callee_loops``: (code, header) of the loops of inlined callees, whose native
        iterations are counted too (each in one word, however many times it is inlined),
        after the region's own loops'. ``inference``: the region's, whose calls may pass a
        parameter its default tuple (a constant of the function, not of an instruction)."""
        self.region = region
        headers = sorted(region.loop_headers) + list(callee_loops)
        self.counter_off = {h: self.COUNTERS + 8 * i for i, h in enumerate(headers)}
        off = _align(self.COUNTERS + 8 * len(headers), 16)
        inputs = [(v, t) for v, t in entry.items() if not t.static]
        # loop-carried values first: every exit unpacks them as one contiguous run
        self.inputs = [x for x in inputs if x[0] in carried] + [x for x in inputs if x[0] not in carried]
        self.slots = {}
        for var, jt in self.inputs:
            self.slots[var] = off
            off += 8 * (1 + len(jt.parts))
        self.slot_base = _align(self.COUNTERS + 8 * len(headers), 16)
        self.slot_end = off
        self.in_fmt = "<" + "".join(_slot_fmt(t) for _, t in self.inputs)
        self.carried = {v for v, _ in self.inputs if v in carried}
        self.carried_fmt = "<" + "".join(_slot_fmt(t) for v, t in self.inputs if v in self.carried)
        # constant tuples the region uses: records in a data segment of the module
        self.constants = {}        # id(value) -> address
        self.const_objects = {}    # address -> value
        self.const_data = []       # (address, bytes)
        off = _align(off, 16)
        for value, jt in constant_records([region, *callees], inference):
            self.constants[id(value)] = off
            self.const_objects[off] = _as_cpython_constant(value)
            arr = array("d" if jt.elem is FLOAT else "q", map(ord, value) if type(value) is str else value)
            # (a str's second word: its key word, jtypes.STR_KEYS, which ``str_key`` reads)
            key = STR_KEYS.word(value) if type(value) is str and len(value) != 1 else 0
            self.const_data.append((off, struct.pack("<qq", len(value), key) + arr.tobytes()))
            off = _align(off + SEQ_HEADER + 8 * len(value), 16)
        self.undo_base = self.undo_end = None
        if undo:
            self.undo_base = off = _align(off, 16)
            self.undo_end = off = off + UNDO_BYTES
        self.exit_area = _align(off, 16)
        self.exit_area_size = 0
        self.libm_size = 0
        # (may an entry copy a list of bools? Then the module has flags_in and flags_out:
        # tauraro.jit.flags copies long ones through their pointer arrays)
        self.copies_flags = POINTERS and any(reaches(t, _is_flags) for t in entry.values())
        # (a list of ints? Then it has ints_in: tauraro.jit.smallints copies long lists of
        # CPython's small ints through their pointer arrays)
        self.copies_ints = SMALL_INTS is not None and any(reaches(t, _is_int_list) for t in entry.values())
        # (may an entry copy a str? Then it has ``widen``, which spreads a long one's bytes
        # into its record's words: wasmgen.widen)
        self.copies_strs = any(reaches(t, lambda t: t is STR) for t in entry.values())
        # (a list or tuple of strs? Then it has ``expand``, which lays out the records of a
        # long one of few distinct strs from one copy of each: wasmgen.expand)
        self.copies_str_seqs = any(reaches(t, _is_str_seq) for t in entry.values())
        # (loops over text.split() copied in from text, tauraro.jit.splits: the controller
        # sets them before the emitter runs, which then adds str_split)
        self.splits = ()

    def note_exit_area(self, size: int):
        self.exit_area_size = max(self.exit_area_size, size)

    def libm_tables(self) -> int:
        """Where the ported math functions' tables go (a data segment the module
        carries): after the exit area, which must be complete by now."""
        from ..wasmgen.libm import TABLES_SIZE
        self.libm_size = TABLES_SIZE
        return self._libm_base

    @property
    def _libm_base(self) -> int:
        return _align(self.exit_area + self.exit_area_size, 64)

    @property
    def data_base(self) -> int:
        return _align(self._libm_base + self.libm_size, 64)

    @property
    def min_pages(self) -> int:
        """Memory pages the module declares: enough for its data segments."""
        return max(1, -(-(self._libm_base + self.libm_size) // 65536))


def called_regions(inference) -> list:
    """The regions of the functions an inference inlined or calls compiled whole, at any
    depth (each once)."""
    return [callee.region for callee in callees(inference)]


def calls_with_lists(inference) -> bool:
    """Does a loop's inference call natively (at any depth) a function compiled whole that
    takes lists? (Its layout then has an undo log.)"""
    from .jtypes import SeqType
    return any(getattr(callee, "compiled_whole", False) and any(
        isinstance(t, SeqType) and t.kind == "list" for t in callee.recursion[1]) for callee in callees(inference))


def callee_writes(inference) -> set:
    """The globals and closure variables the functions inlined into an inference write
    (at any depth): frame variables of the loop that every exit writes back."""
    out = set()
    for inf in callees(inference):
        for pc, typing in inf.typings.items():
            if typing.action == "lower" and inf.code.instrs[pc].op.name in ("STORE_GLOBAL", "STORE_DEREF"):
                out.update(inf.defined_vars(inf.code.instrs[pc]))
    return out


def _as_cpython_constant(value):
    """The object CPython's code holds for a constant ``value`` of the region's code (which
    Tauraro's compiler made from the source): a str constant of name characters only is
    interned by CPython's compiler, so the program sees that very object (a list of str
    written back, ``words[i] = "the"``, holds it); any other is the value itself (an equal
    object: CPython's own constant of it is not reachable from here)."""
    if type(value) is str and value.isascii() and (value.isidentifier() or value.replace("_", "a").isalnum()
                                                    or value == ""):
        return sys.intern(value)
    return value


def constant_records(regions, inference=None):
    """(value, JType) of every constant tuple of numbers the regions' instructions use, and
    (``inference``: the regions' own) the default tuples of numbers the calls inlined into
    it, or made natively, pass to a parameter at any depth -- ``def f(v, rest=(1, 2))``
    called as ``f(i)`` reads its record as an instruction's constant tuple's."""
    out = {}
    for region in regions:
        _region_constants(region, out)
    if inference is not None:
        from .jtypes import const_type
        for inf in (inference, *callees(inference)):
            for typing in inf.typings.values():
                for how, v in typing.binding or ():
                    if how not in ("arg", "varargs") and type(v) is tuple and id(v) not in out:
                        jt = const_type(v)
                        if isinstance(jt, SeqType):
                            out[id(v)] = (v, jt)
    return list(out.values())


def _region_constants(region, out):
    """(Found once per region: every version of a loop asks.)"""
    found = region.__dict__.get("_tuple_constants")
    if found is None:
        found = region._tuple_constants = []
        _scan_constants(region, found)
    for value, jt in found:
        out[id(value)] = (value, jt)


def _scan_constants(region, found):
    from .jtypes import STR, const_type
    out = {}
    code = region.code
    for b in region.blocks.values():
        for pc in range(b.start, b.end):
            ins = code.instrs[pc]
            for kind, arg in zip(ins.op.kinds, ins.args):
                if kind in ("rk", "*rk") and arg < 0:
                    value = code.consts[-1 - arg]
                    if type(value) is tuple:
                        jt = const_type(value)
                        if isinstance(jt, SeqType):
                            out[id(value)] = (value, jt)
                        elif str_tuple(value):      # (x in ("==", "!="): a record a member)
                            for m in value:
                                if len(m) != 1:
                                    out[id(m)] = (m, STR)
                    elif type(value) is str and len(value) != 1 and len(value) <= STR_CONST_MAX:
                        # (a str constant compared with strs, or searched: a record of
                        # its code points, as a str's at entry)
                        out[id(value)] = (value, STR)
            if ins.op.variadic:
                for arg in ins.args[len(ins.op.kinds) - 1:]:
                    if arg < 0 and type(code.consts[-1 - arg]) is tuple:
                        value = code.consts[-1 - arg]
                        jt = const_type(value)
                        if isinstance(jt, SeqType):
                            out[id(value)] = (value, jt)
    found.extend(out.values())


# the most rows of a table whose lengths ``least_cost`` and the controller's
# _least_copy sum before an entry (~50 ns a row, at every entry whose data changed:
# graph_structure's loops over 40,000-135,000 adjacency lists enter hundreds of times, and
# spent 13 s summing them); a longer table's rows are left to EntryRecords' own check as it
# copies
ROWS_COUNTED = 4096


def rows_count(rows) -> int:
    """How many distinct objects the list ``rows`` holds (a row shared, [row] * n, once)."""
    return len(set(map(id, rows)))


def rows_length(rows) -> int:
    """The lengths of the distinct lists or tuples in ``rows`` summed, at C speed (~50 ns a
    row): a row shared by many indexes, [row] * n, is one record, counted once. The
    caller checks that each is a list or tuple (``len`` runs no code of the program's)."""
    if len(set(map(id, rows))) == len(rows):
        return sum(map(len, rows))
    return sum(map(len, dict(zip(map(id, rows), rows)).values()))


# (the rows of a longer table whose types and lengths ``rows_floor`` samples)
ROWS_SAMPLED = 64


def rows_floor(rows) -> int:
    """What copying the list ``rows`` of more than ROWS_COUNTED rows (lists or tuples)
    costs at least: a record each, at the cheapest record's cost (BULK_RECORD_COST), and
    their elements at the cheapest element's (FLAG_COST), as many as a sample of
    ROWS_SAMPLED rows spread over it holds on average -- if those are all lists or tuples
    and all distinct (else 0: rows shared, ``[row] * n``, are one record). Not every row's
    length (~50 ns a row, at every entry): graph_structure.py's loops over 16,000-40,000
    adjacency lists were typed and compiled (~9 ms) before their first copy found them
    past a 2.6 ms limit."""
    if not rows or type(rows[0]) not in _ROWS:
        return 0
    sample = _sampled_rows(rows, _ROWS)
    if sample is None:
        return 0
    return len(rows) * BULK_RECORD_COST + len(rows) * sum(map(len, sample)) // len(sample) * FLAG_COST


def _sampled_rows(rows, kinds):
    """ROWS_SAMPLED rows spread over the table ``rows``, if there are any, all of the types
    ``kinds`` and distinct; else None (rows shared, ``[row] * n``, are one record)."""
    sample = rows[::max(1, len(rows) // ROWS_SAMPLED)]
    if not sample or not set(map(type, sample)) <= kinds or rows_count(sample) != len(sample):
        return None
    return sample


def table_floor(rows, jt, stores: bool) -> int:
    """What copying ``rows``, a table of more than ROWS_COUNTED lists of numbers (``jt``
    their SeqType), costs at least, by a sample of ROWS_SAMPLED rows spread over it: each
    row's record at ``row_cost`` -- with its room to grow, for rows the version may grow,
    which EntryRecords charges before it copies one -- and as many elements as the sample's
    rows hold on average at ``element_cost``. 0 if the sample is not all distinct lists
    (rows shared, ``[row] * n``, are one record). ``rows_floor``, before the loop is typed,
    knows neither the rows' type nor whether they grow: bfs_adjacency.py's build loop over
    60,000 adjacency lists it appends to was compiled (~30 ms, the JIT's modules imported
    with it) for an entry that then found the rows past its limit."""
    sample = _sampled_rows(rows, LIST_ONLY)
    if sample is None:
        return 0
    return len(rows) * (row_cost(jt) + sum(map(len, sample)) * element_cost(jt, stores) // len(sample))


def list_cost(v, jt, stores: bool, looked=None) -> int:
    """What copying the list or tuple of numbers ``v`` (of the SeqType ``jt``) costs an
    entry: each element at ``element_cost``, or, for a list holding one number at every
    index (``resident.repeated``: a row made ``[0] * n``, its first elements aside),
    ``repeated_cost``. ``looked``: what ``repeated`` said of the lists looked at already
    in this weighing (see ``least_cost``)."""
    same = None
    if jt.elem is INT or jt.elem is FLOAT:      # (as EntryRecords.record copies)
        got = looked.get(id(v)) if looked is not None else None
        if got is not None and got[0] is v:
            same = got[1]
        else:
            same = repeated(v)
            if looked is not None:
                looked[id(v)] = (v, same)
    return len(v) * element_cost(jt, stores) if same is None else repeated_cost(len(v), same, jt, stores)


def row_cost(jt) -> int:
    """What a record of a row of a table (a list of the SeqType ``jt``) costs an entry beside
    its elements: RECORD_COST, and ROOM_ROW_COST for one the version may grow."""
    return RECORD_COST + (ROOM_ROW_COST if jt.resizable else 0)


def repeated_cost(n: int, same: tuple, jt, stores: bool) -> int:
    """What a list of ``n`` elements costs whose elements from ``same[0]`` on are one number
    (``resident.repeated``): the first ones each at ``element_cost``, the rest written as one
    word repeated (``bytes_cost``)."""
    k = same[0]
    return k * element_cost(jt, stores) + bytes_cost(n - k, jt, stores)


def bytes_cost(n: int, jt, stores: bool) -> int:
    """What ``n`` elements of a record of type ``jt`` cost an entry that copies them as
    bytes -- a record kept in memory, a body held packed (``resident.PACKED``), one word
    repeated -- not typed and packed each: a unit per KEPT_ELEMENTS_PER_UNIT, and writing
    each back (``writeback_cost``) if the version may store into the list."""
    return n // KEPT_ELEMENTS_PER_UNIT + (n * writeback_cost(jt) if stores else 0)


def writeback_cost(jt) -> int:
    """What writing an element of a record of type ``jt`` back costs: a mutable list's
    (ELEMENT_OUT_COST, a flag's FLAG_OUT_COST); nothing for a tuple or a str."""
    if jt is STR or not jt.mutable:
        return 0
    return FLAG_OUT_COST if jt.elem is BOOL else ELEMENT_OUT_COST


def element_cost(jt, stores: bool) -> int:
    """What an element of a record of type ``jt`` (a SeqType, or STR) costs an entry
    (ELEMENT_COST...): copying it in, and writing it back (``writeback_cost``) if the
    version may store into lists (``stores``: transfer.Transfer.stores_into)."""
    if jt is STR:
        return CHAR_COST
    return (FLAG_COST if jt.elem is BOOL else ELEMENT_COST) + (writeback_cost(jt) if stores else 0)


_ROWS = frozenset((list, tuple))
LIST_ONLY = {list}       # (the types of a table's rows all lists: set(map(type, rows)))
_NUMBERS = (INT, FLOAT, BOOL)
# (the iterators over a list and a tuple: least_cost, the controller's _least_copy)
SEQ_ITERATOR_TYPES = (type(iter([])), type(iter(())))


# the JTypes of values ``least_cost`` weighs as objects (``objects_cost``): counted up to a
# limit, such a weighing says only that an entry needs more (JitController._enter)
OBJECT_TYPES = (InstanceType, MaybeType)


def objects_cost(obj, jt, most=None, counted=None, wrong=None) -> int:
    """What an entry taking ``obj`` (of the InstanceType ``jt``) copies of objects, at
    least: ``obj``, the objects its object fields hold, and those its links reach (an
    object of ``jt``'s class or None: ``node.next``), one at a time from a work list as
    the entry follows them (``transfer.EntryRecords._instance``), each at its words' and
    record's cost; not those in ``counted`` (the ids of objects counted already: each one
    counted is added). Past ``most``, the count stops: what it returns is then over
    ``most``. A read of the fields that fails is left to the entry's own checks.
    (Containers the objects hold are left to them too.)

    ``wrong``: a list to which an object met whose fields' types are not its type's, or a
    link or object field holding an object of another class, is appended -- the entry's
    checks would refuse it (``_instance``: the same comparison of types), so the version
    the types were for would never be entered. (A type is made from one object and what
    its fields hold: richards.py's tasks, each class's ``queue`` None in one object and a
    Packet in another, were typed as links, and two versions compiled, each ~5 ms and the
    JIT's start, to fail their first entries.)"""
    counted = set() if counted is None else counted
    work = [(obj, jt)]
    total = 0
    while work:
        o, t = work.pop()
        if type(o) is not t.klass:
            if wrong is not None and o is not None:
                wrong.append(o)
                return total
            continue
        if id(o) in counted:
            continue
        counted.add(id(o))
        links = t.link_fields
        total += ELEMENT_COST * len(t.fields) + (LINKED_RECORD_COST if links else RECORD_COST)
        if most is not None and total > most:
            return total
        try:
            values = t.fetch(o if t.slotted or t.by_object else o.__dict__)
        except (KeyError, AttributeError, TypeError):
            return total
        if wrong is not None and not fields_fit(t, values):
            wrong.append(o)
            return total
        for k in links:
            work.append((values[k], t))
        for k in t.object_fields:
            ft = t.fields[k][1]
            if isinstance(ft, OBJECT_TYPES):
                work.append((values[k], getattr(ft, "inner", ft)))
    return total


_NONE_TYPE = type(None)


def fields_fit(t, values) -> bool:
    """Are ``values`` (an object's fields, as ``t.fetch`` reads them) of the types of the
    InstanceType ``t`` -- its ``pytypes``, a link None or an object of the class? What an
    entry checks of each object it copies (``transfer.EntryRecords._instance``), and
    ``objects_cost`` of those it weighs before a version's compile."""
    links = t.link_fields
    if not links:
        return tuple(map(type, values)) == t.pytypes
    types = list(map(type, values))
    for k in links:
        if types[k] is _NONE_TYPE:
            types[k] = t.klass
    return tuple(types) == t.pytypes


def least_cost(values, types, stores, kept=None, limit=None, looked=None, wrong=None) -> int:
    """What copying ``values`` (of the JTypes ``types``; None: not copied) into an entry
    costs at least, from their lengths alone, before anything is copied: each list or
    tuple of numbers (or the one a list iterator walks) at its elements' cost
    (``element_cost``), and the distinct rows of a list of lists at theirs. An entry
    refused here has copied nothing; without it, a loop taking a 1500 x 1000 table and
    another as big copied the first (~0.1 s) before the second's cost refused the entry.
    Objects linked to others of their class (``node.left``), which an entry copies all of,
    are counted through their links (``objects_cost``): a walk down a tree of 5,000
    nodes was compiled, JIT start and all, to find at its entry that the tree would not
    pay. (Other objects, dicts, sets and strings are left to ``EntryRecords``' own checks,
    as they are copied.) Here, not in ``transfer``, so the controller weighs an entry without
    importing what copies. With a ``limit``, the count stops at the first list or row that
    takes it past the limit: what it returns is then over the limit, not all of the cost (a
    table's rows are ~3 us each to weigh: a 1,600-row grid and DP table, weighed in full
    at every refused entry, were 5.5 ms of each). ``looked``: a dict the caller keeps for
    the weighings of one entry, which look at the same rows (a loop's first entry weighs
    them before its compile and again for the version made: ~2 us a row each time, grid_dp's
    ~18,000 looks 30 ms); only weighed, never copied, by what it holds: the copy looks again.
    ``wrong``: see ``objects_cost``."""
    total = 0
    seen = set()
    linked = set()      # (the objects counted, for all the values: objects_cost)
    # (``stores``: one for all, or one per value -- the lists a version's stores may reach,
    # transfer.Transfer.stores_into)
    flags = stores if type(stores) is list else [stores] * len(values)
    pairs = list(zip(values, types, flags))
    for v, jt, stores in pairs:
        if isinstance(jt, OBJECT_TYPES) and jt.klass is type(v):
            total += objects_cost(v, getattr(jt, "inner", jt), None if limit is None else limit - total, linked,
                                  wrong)
            if limit is not None and total > limit:
                return total
            continue
        if isinstance(jt, CombinedIter) and type(v) in COMBINED_TYPES:
            # (zip(xs, ys), enumerate(xs): the iterators they advance, each over its list)
            pairs.extend(zip(advanced_iterators(v), jt.inner, [stores] * len(jt.inner)))
            continue
        if isinstance(jt, SeqIterType) and type(v) in SEQ_ITERATOR_TYPES:
            state = v.__reduce__()
            if len(state) != 3:
                continue
            v, jt = state[1][0], jt.seq
        if not isinstance(jt, SeqType) or jt.kind == "array" or id(v) in seen or type(v) not in _ROWS:
            continue
        if kept is not None and kept(v):        # (in the version's memory: transfer.Transfer.is_kept)
            continue
        seen.add(id(v))
        elem = jt.elem
        if elem in _NUMBERS:
            total += list_cost(v, jt, stores, looked)
        elif elem is STR:
            # (its strs' records, written at once, at least: EntryRecords._strs charges each
            # BULK_RECORD_COST and its characters. Counted from the length alone: typing a
            # list of 10^6 words and measuring them took ~55 ms of an entry then refused,
            # against CPython's 140 ms for the whole loop)
            total += RECORD_COST + len(v) * (element_cost(jt, stores) + BULK_RECORD_COST)
        elif isinstance(elem, InstanceType) and not elem.link_fields:
            # (its objects' records, at what EntryRecords._element_records charges each
            # before it copies any -- distinct objects only, counted if the length alone is
            # past the limit. Not counted here, a loop over 50,000 objects was compiled and
            # copied them, ~110 ms, to be refused by that charge with the rest of its data)
            each = RECORD_COST + len(elem.fields)
            n = len(v)
            if limit is not None and total + n * each > limit:
                n = len(set(map(id, v)))
            total += RECORD_COST + n * each
        elif isinstance(elem, SeqType) and elem.elem in _NUMBERS and len(v) <= ROWS_COUNTED \
                and set(map(type, v)) <= _ROWS:
            # (each distinct row at its own cost: a DP table's rows of zeros, [0] * n, cost
            # little to copy in)
            distinct = dict(zip(map(id, v), v)).values() if rows_count(v) != len(v) else v
            total += len(distinct) * row_cost(elem)
            for row in distinct:
                total += list_cost(row, elem, stores, looked)
                if limit is not None and total > limit:
                    return total
        elif isinstance(elem, SeqType) and elem.kind == "list" and elem.elem in _NUMBERS:
            total += table_floor(v, elem, stores)       # (a longer table: its rows sampled)
        elif isinstance(elem, SeqType) and elem.kind == "tuple" and elem.elem in _NUMBERS and type(v) is list \
                and v and type(v[0]) is tuple:
            # (a longer list of tuples: written at once, EntryRecords._tuples' charge, the
            # first's length for all -- weighed before the loop is compiled and the JIT
            # started, which the charge at the copy comes after)
            total += len(v) * (ELEMENT_COST * len(v[0]) + tuple_record_cost(v))
        if limit is not None and total > limit:
            return total
    return total
