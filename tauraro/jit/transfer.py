"""Moving a frame's values into a compiled loop's memory and back.

Entering native code has to (1) check that every live value still has the type
the compiled version was specialised for, (2) pack the values into their slots,
and on exit (3) unpack what native code changed and store it in registers and
globals. Done with generic loops over descriptions this costs tens of
microseconds per entry, so -- as the interpreter's blocks are -- these steps are
generated as straight-line Python per compiled version: ``enter`` is a chain of
type checks ending in one ``struct.pack_into``; each exit gets a ``leave``
function doing one ``struct.unpack_from`` and a store per changed value.

Lists, tuples and strings go into *records* ([len][dirty][elements]) after the
slots; an :class:`EntryRecords` per entry remembers them so a ``leave`` can map
an address back to its object and write back lists native code stored into.
"""
from __future__ import annotations

import ctypes
import struct
from array import array
from itertools import accumulate as _accumulate, chain, compress as _compress, repeat as _repeat
from collections import deque as _consume
from gc import get_referents as _referents
from itertools import islice as _islice
from operator import add as _add, attrgetter as _attrgetter, rshift as _rshift, getitem as _getitem, and_ as _and, mul as _mul, sub as _sub, contains as _contains, is_ as _is, ne as _ne
from bisect import bisect_right as _bisect
from time import perf_counter as _clock, thread_time as _cpu_clock

from types import FunctionType as _FunctionType, MethodType as _MethodType

from ..cache import compiled
from ..compiler.code import UNBOUND
from .infer import is_cell, is_global
from .jtypes import (SEQ_CLASSES, _DICT_ITERATORS, STAND_INS, object_seq, DictIterType, SetMethod, SetType, STR_KEYS, ArgsList, BOOL, CHAR, CharMethod, DictGet, DictType, FLOAT, I64_MAX, I64_MIN, INT, NONE, RANGE_ITERS, RANGES, STR, STR_ITERATORS, UNBOUND_T,
                     BoundClassMethod, BoundMethodType, Building, CellVar, LiveCell, BuiltListType, ReducerType, BuiltinType, ClassType, CombinedIter, FunctionType, InstanceType, ListMethod, MaybeType, StrMethod, ModuleType, SeqIterType, SeqType, SuperType,
                     SliceValue, TupleValue, class_lookup, class_number, read_from_class, classify, classify_sampled, lookup_unchanged, virtual_tuple_type,
                     range_iter_state)
from .flags import POINTERS_CHUNK, POINTERS_MIN, flags_bytes, flags_list, pointers_back, pointers_in
from .smallints import SMALL_INT_VALUES, SMALL_INTS, SMALL_INTS_MIN, ZERO_WORD as _SMALL_ZERO_WORD, small_ints_in
from .native import NativeError
from .splits import PENDING as _PENDING_SPLITS
from .pages import MEMORIES
from .resident import PACKED, PACKED_MIN, REPEATED_MIN, SEEN_MAX, can_keep, holding, is_held, items_address, likely_unchanged, repeated, snapshot, unchanged
from ..wasmgen.dicts import HEADER as DICT_HEADER, LOG_HEADER, table_header, log_size
from ..wasmgen.intern import TABLE_HEADER as INTERN_HEADER, table_size as intern_table_size
from ..wasmgen.addrcodes import CODES_MAX, SHIFT as CODES_SHIFT, slot as code_slot
from .ir.passes.virtuals import SINK_ROOM
from .iterations import advanced_iterators
from .layout import (_NUMBERS, KEEP_MIN, LIST_ONLY, SCATTERED_ELEMENT_COST, SET_ELEMENT_COST, fields_fit, scattered, kept_str_record, reaches, bytes_cost, element_cost, repeated_cost, row_cost, writeback_cost, COPY_LIMIT, CHAR_COST, ELEMENT_COST, HEAP_ROOM, LINKED_RECORD_COST, RECORD_COST, STR_RECORD_COST, SEQ_HEADER, BULK_RECORD_COST, SPLIT_WORD_COST, tuple_record_cost, FrameLayout,
                     TooMuchToCopy, TooManyLinks, _align)

_range_iterator = type(iter(range(0)))
_memset = ctypes.memset
# the signatures of the module's flags_in and flags_out (tauraro.wasmgen.flags)
_FLAGS_IN = (("i32", "i32", "i64", "i64"), ("i64",))
_FLAGS_OUT = (("i32", "i32", "i64", "i64", "i32"), ("i64",))
_WIDEN = (("i32", "i32", "i32", "i32"), ())
_SPLIT = (("i32", "i32", "i64", "i32", "i32", "i64"), ("i64",))
_INTS_IN = (("i32", "i32", "i64", "i64", "i64", "i64"), ("i32",))
_CODES = (("i32", "i32", "i32", "i32", "i32", "i32"), ("i32",))     # (wasmgen.addrcodes' addr_codes)
_EXPAND = (("i32", "i32", "i32", "i32", "i32"), ("i32",))      # (wasmgen.expand's expand)
# a list of strs this long or longer, of few distinct ones, is laid out by the module's expand
# (EntryRecords._expanded); a shorter one by Python, whose set-up costs less
EXPAND_MIN = 1024
# (at most this many distinct strs get their first records as the intern table's seeds, each
# found by a scan of the codes; more, and every record is a seed)
FIRST_SEEDS_MAX = 256
# a list of strs this long or longer, in a version that interns, is written back through the
# module's addr_codes when its records are few beside it (EntryRecords._str_codes)
CODES_MIN = 4096
_SMALL_CODES = 257      # (codes 0 .. 256: ints CPython keeps made)
_list_iterator = type(iter([]))
_NO_HEADS = array("q")        # (EntryRecords._words_split: a split with no words written before)
# (_strs: a string's two header words' low bytes, chr(its length) and "\0", by length; its
# record's size in bytes, by length; grown as longer strings come)
STR_BULK_MAX = 1 << 16
_STR_HEADS = []
_STR_SIZES = []
# (a byte's value -> 1 if not 0: the marks ``bytes.find`` walks a str's wide bytes by,
# EntryRecords._made_strs -- not ``re``, whose import with ``enum``'s is ~3 ms of the JIT's
# start in a program that imports neither)
_NONZERO = bytes([0] + [1] * 255)
KEEP_LIMIT = 64 << 20
# New numbers an entry's intern table may give strs made natively (EntryRecords.intern; at
# least as many as its seeds; each costs two 8-byte slots, zeroed per entry, and a word for
# its record); past them a str_key of a new str leaves, and the next entry starts a new table
INTERN_ROOM = 4096
INTERN_ROOM_MAX = 1 << 20      # (new numbers: Transfer.intern_room grows no further)
# the iterator types over a list, a tuple and a string (ASCII or not)
_SEQ_ITERATORS = {"list": (type(iter([])),), "tuple": (type(iter(())),), "str": STR_ITERATORS,
                  "array": (type(iter(array("d"))),)}
_PYNUMBER = {INT: int, FLOAT: float, BOOL: bool}
_chain = chain.from_iterable
_TUPLE_ONLY = {tuple}
# a list of str whose first REPEATS_SAMPLE elements (of REPEATS_MIN or more) are at most
# half as many distinct strings is written from a record made a distinct string
# (EntryRecords._repeated_strs)
REPEATS_MIN = 64
# a list of ROWS_AT_ONCE_MIN lists of numbers or more, each shorter than SHORT_ROW, is written
# at once (EntryRecords._short_rows): shorter than any list record() copies a way of its own
ROWS_AT_ONCE_MIN = 16
SHORT_ROW = min(64, KEEP_MIN, REPEATED_MIN, SMALL_INTS_MIN, PACKED_MIN)
REPEATS_SAMPLE = 256
TUPLE_CHUNK = 1024      # (rows a pass of EntryRecords._tuples: a few hundred KB of objects)
_tuple_iterator = type(iter(()))


_NoneType = type(None)
_get_dict = _attrgetter("__dict__")
_func_of = _attrgetter("__func__")
_self_of = _attrgetter("__self__")
_lookup = object.__getattribute__


def _shadowed(objs, klass, name) -> bool:
    """Does one of ``objs`` (all of class ``klass``) hold an attribute ``name`` of its own
    where the class has a plain function (``jtypes.shadows_method`` for each, at C speed:
    each object's attribute is that function bound to it, or it is shadowed)?"""
    raw = class_lookup(klass, name)
    if class_number(raw):       # (a class's number read through the objects: theirs if one has it)
        return not all(map(_is, map(_lookup, objs, _repeat(name)), _repeat(raw)))
    if type(raw) is not _FunctionType:
        return False        # (a property: a data descriptor, which no instance attribute shadows)
    got = list(map(_lookup, objs, _repeat(name)))
    return set(map(type, got)) != {_MethodType} or set(map(_func_of, got)) != {raw} \
        or not all(map(_is, map(_self_of, got), objs))


_DICT_ITERATOR_TYPES = {kind: t for t, kind in _DICT_ITERATORS.items()}


def _table_pytype(jt) -> type:
    """The Python type of an entry value of a table's type: a dict, a set or frozenset,
    or an iterator over a dict's keys, values or items."""
    if isinstance(jt, DictType):
        return dict
    return jt.pytype if isinstance(jt, SetType) else _DICT_ITERATOR_TYPES[jt.kind]


_setattr = object.__setattr__       # (an object whose class's __setattr__ is object's: checked at entry)
_pack_word = struct.Struct("<q").pack_into
_unpack_word = struct.Struct("<q").unpack_from
_HEADER = struct.Struct("<qq")      # (a record's two header words: its length, then a str's key word or 0)
# (a resizable list's: its capacity in the word before the record, then those two)
_ROW_HEADER = struct.Struct("<qqq")
# (where EntryRecords._small_int_rows looks in a row of n >= SMALL_INTS_MIN, beside n/4,
# n/2 and 3n/4: the first few, then doubling, and the last)
_ROW_PROBES = (0, 1, 3, 7, 15, 31, 63, 127, -1)
_memmove = ctypes.memmove


_STR_LIST = object_seq("list", STR)      # (a dict iterator's keys, when they are strs)
# (the ``resized`` of a list only appended to, in EntryRecords.mutable: see EntryRecords.tail)
TAIL = object()
TAIL_ROOM_MAX = 1 << 20     # (elements: Transfer.tail_room grows no further)
MADE_ROOM_MIN = 64          # (elements: Transfer.made_room at first; it doubles, to TAIL_ROOM_MAX)
GROWTH_ROOM_MOST = 1 << 22  # (elements: the room an entry gives its resizable lists for growth, in all)

class EntryRecords:
    """The records one entry wrote (lists, tuples, strings, their iterators)."""
    __slots__ = ("transfer", "cursor", "by_id", "by_address", "mutable", "objects", "object_blocks", "dicts", "sets", "dict_iters", "iters",
                 "words_in", "small_int_lists", "cost", "records_out", "words_out", "writeback_seconds", "elements_seconds", "limit", "link_limit", "blocks", "made_blocks",
                 "_links", "_fresh", "flags_in", "_unfilled",
                 "_following", "seeds", "intern_at", "intern_base", "storing", "uncharged", "method_raws", "split_of",
                 "split_words", "rest_words", "heap_at", "cold", "rests", "grown", "growth_given")

    def __init__(self, transfer):
        self.transfer = transfer
        if transfer.kept_end - transfer.layout.data_base > KEEP_LIMIT:
            transfer.kept.clear()
            transfer.kept_end = transfer.layout.data_base
        self.cursor = transfer.kept_end       # (after the strings kept from earlier entries)
        # (are the records written now charged for writing back? Per variable, as the
        # version's stores may reach it: Transfer.stores_into. A list first copied through a
        # variable that does not, then reached through one that does, is charged then:
        # ``uncharged``, id -> its length)
        self.storing = getattr(transfer, "stores_lists", False)    # (a FunctionMemory: no)
        self.uncharged = {}
        self.by_id = {}
        self.by_address = {}
        self._unfilled = []     # (objects made natively, made at this exit and to be filled: made)
        self.mutable = []
        self.flags_in = {}        # (address: the low bytes a list of bools was copied in with, for writeback)
        self.objects = []         # (address, object, InstanceType, its words) of the objects copied in
        # (address, record size, objects, InstanceType, their records) of lists of objects
        # copied in at once (_instances)
        self.object_blocks = []
        self._links = []          # (word, object, its type): links (node.next) still to follow
        self._fresh = []          # (address, object, type) copied in while following links
        self._following = False
        self.dicts = []           # (address, dict, DictType, its keys, its entry words) of the dicts
        self.sets = []            # (address, set, SetType) of the sets
        self.dict_iters = []      # [address, iterator, its position in the dict] of the dict iterators
        # (a version interning strs it makes, Transfer.intern: the addresses of the str records
        # this entry numbered, which seed its intern table; the table's address and its first
        # new number, set by ``intern``)
        self.seeds = []
        self.intern_at = self.intern_base = None
        self.iters = {}
        # (for --jit-stats: what was copied in and written back, and what writing back took)
        self.words_in = 0
        # (the most elements native code added to one resizable list copied in, by the
        # write-back: Transfer.more_room)
        self.grown = 0
        self.growth_given = 0       # (elements of room given so, at most GROWTH_ROOM_MOST)
        self.small_int_lists = 0     # (lists copied through their pointers, as small ints: smallints.py)
        self.cost = 0             # what the copies cost (layout.ELEMENT_COST...): checked against the limit
        self.limit = transfer.copy_limit
        self.link_limit = transfer.link_limit       # (what links may reach: layout.LINK_LIMIT)
        # (ascending addresses, the objects) of the tuples and strs written at once (_tuples,
        # _strs): not in by_address until a list of them is written back (_resolve_blocks)
        self.blocks = []
        # (the addresses, a range, and the objects of the records native code made one after
        # another that a list written back holds, in its order: _made_in_order. Not in
        # by_address until something else may hold one of them: _settle_made)
        self.made_blocks = []
        # (id of a list -> the list and the str it is the split() of, for this entry:
        # note_splits, tauraro.jit.splits)
        self.split_of = {}
        self.split_words = 0
        self.rest_words = 0       # (of them, a lazily split run's rest's: _split_rest)
        # (id of a list whose run's rest this entry split after its words -> the run:
        # _split_rest, iter_at)
        self.rests = {}
        self.heap_at = None       # (where the room for what native code makes starts: heap)
        self.cold = False         # (no warm pages to be had in this entry: _room)
        self.records_out = self.words_out = 0
        self.writeback_seconds = 0.0
        # (part of it, in the thread's CPU time: making the Python elements of the lists
        # native code filled or appended to that are not numbers -- the objects, tuples and
        # strs it made or moved: _elements_timed)
        self.elements_seconds = 0.0
        # (an object type's methods that are plain functions of its class, looked up once an
        # entry: _instance compares each object's bound methods with them)
        self.method_raws = {}

    def note_splits(self, r):
        """The lists this entry's iterators walk that are ``text.split()`` of the str in a
        register (``Transfer.splits``: tauraro.jit.splits), copied in from that str. (Their
        words have no key words: a version with splits that reads key words interns, so it
        numbers them -- the controller's compile.)"""
        for it_reg, text_reg in self.transfer.splits:
            it, text = r[it_reg], r[text_reg]
            if type(text) is str and type(it) is _list_iterator:
                state = it.__reduce__()
                if len(state) == 3:
                    seq = state[1][0]
                    self.split_of[id(seq)] = (seq, text)

    def _split(self, obj, text, jt) -> int | None:
        """The record of the list ``obj``, ``text.split()`` (``note_splits``), its words
        written by the module from ``text``'s bytes (``_words_split``), or None if ``text``'s
        words are not ``obj``'s (then it is copied as any list). Each word's record maps back
        to ``obj``'s very element (``blocks``)."""
        run = _PENDING_SPLITS.get(id(obj))
        if run is not None and run.parts is obj:
            return self._split_rest(obj, run, jt)
        n = len(obj)
        self.cost += RECORD_COST + n * SPLIT_WORD_COST + len(text) * CHAR_COST
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        made = self._words_split(obj, text, jt, _NO_HEADS, n, exact=True)
        if made is None:
            return None
        self.blocks.append((_Slots(self.transfer, made[0] + SEQ_HEADER, n), obj))
        return made[0]

    def _split_rest(self, obj, run, jt) -> int | None:
        """The record of the list ``obj``, the first words of a run's text (tauraro.vm.lazysplit;
        ``run``, the run, holds the rest of the text): its words' records written at once
        (``_strs``: each maps back to ``obj``'s very element), then the words of ``run.rest``,
        written by the module after them (``_words_split``), in room for as many as the rest
        may have (a word and a space for each: the list's slots past its last word are
        never touched). Its length is all of them; ``run.total`` says so, for the exit that
        tells the run where native code left them (``iter_at``). (None only if the module
        found more words than that room, which it cannot: then the list is copied as any,
        native code runs over its words only, and the run splits the rest as written.)"""
        rest = run.rest
        self.cost += RECORD_COST + run.est * SPLIT_WORD_COST + len(rest) * CHAR_COST
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        made = self._words_split(obj, rest, jt, self._strs(obj), (len(rest) + 1) // 2)
        if made is None:
            return None
        addr, count = made
        self.rest_words += count
        run.total = len(obj) + count
        self.rests[id(obj)] = run
        return addr

    def _words_split(self, obj, text, jt, heads, most, exact=False) -> tuple | None:
        """(address, words written) of the record of the list ``obj``: the records ``heads``
        (array of the addresses of its first elements, written already) in its first slots,
        then the words of ``text``, written by the module from ``text``'s bytes (latin-1,
        else UTF-32: ``wasmgen.strmethods`` str_split, which reads them from the end of the
        words' room), in room for ``most`` of them; None, nothing kept, if there were more
        (or, ``exact``, fewer)."""
        k = len(heads)
        length = len(text)
        raw, width = _code_point_bytes(text)
        addr = self.cursor
        slots = addr + SEQ_HEADER
        words_at = slots + 8 * (k + most)
        end = words_at + 16 * most + 8 * length
        view = self._room(addr, end)
        src = end - len(raw)
        view[src:end] = raw
        count = self.transfer.split_fn(src, width, length, slots + 8 * k, words_at, most)
        if count < 0 or exact and count != most:
            return None
        view[slots:slots + 8 * k] = heads.tobytes()
        struct.pack_into("<qq", view, addr, k + count, 0)
        self.cursor = _align(end, 16)
        self.by_id[id(obj)] = (addr, jt)
        self.by_address[addr] = obj
        self.words_in += count
        self.split_words += count
        if jt.mutable:      # (written back whole if native code stores into it)
            self.mutable.append((addr, obj, jt.elem, jt.resizable))
        return addr, count

    def iter_at(self, var, index):
        """The loop's list iterator (of the variable ``var``) moved to ``index``, where native
        code left it -- and, for the words of a run whose rest this entry split
        (``_split_rest``), that index told to the run, as the list holds only its first words
        (``__setstate__`` stops at its end)."""
        it = self.iters[var][0]
        if self.rests:
            state = it.__reduce__()
            if len(state) == 3:
                run = self.rests.get(id(state[1][0]))
                if run is not None:
                    run.index = index
        it.__setstate__(index)

    def _room(self, addr: int, end: int) -> memoryview:
        """The memory's view, grown to ``end`` if need be, records about to be written from
        ``addr``: fresh pages there are warm ones moved here if another loop has them."""
        view = self.transfer.ensure(end)
        if end > self.transfer.warm_end:
            if not self.cold and MEMORIES.warm(self.transfer, addr, end) is None:
                # (none to be had in this entry: not asked again at each record -- 60,000
                # lists' records, each with room to grow, asked at every page, ~5 us each)
                self.cold = True
            self.transfer.warm_end = max(end, self.transfer.warm_end)
        return view

    def record(self, obj, jt) -> int | None:
        """The address of ``obj``'s record, writing it on first use; None if its
        elements no longer fit ``jt``."""
        have = self.by_id.get(id(obj))
        if have is not None:
            # one object, one record: of one type (a record of another type would be read
            # through the wrong layout; the entry fails instead)
            if self.storing and self.uncharged and id(obj) in self.uncharged and have[1] is jt:
                self.cost += self.uncharged.pop(id(obj)) * writeback_cost(jt)
                if self.cost > self.limit:
                    raise TooMuchToCopy(self.cost)
            return have[0] if have[1] is jt else None
        if isinstance(jt, InstanceType):
            return self._instance(obj, jt)
        if isinstance(jt, DictType):
            return self._dict(obj, jt)
        if isinstance(jt, SetType):
            return self._set(obj, jt)
        if isinstance(jt, DictIterType):
            return self._dict_iter(obj, jt)
        if self.split_of and jt.elem is STR:
            split = self.split_of.get(id(obj))
            if split is not None and split[0] is obj:
                addr = self._split(obj, split[1], jt)
                if addr is not None:
                    return addr
        n = len(obj)
        # (a long list of bools: through its pointer array, at a few ns a flag -- neither
        # kept nor packed, whose snapshots cost as much: flags.py)
        pointers = n >= POINTERS_MIN and jt.elem is BOOL and type(obj) is list and self.transfer.flag_fns is not None
        keeps = n >= KEEP_MIN and jt.elem in _NUMBERS and jt.kind != "array" and not pointers and \
            getattr(self.transfer, "keeps_lists", False)     # (a FunctionMemory: no)
        if keeps:
            addr = self._kept(obj, jt, n)
            if addr is not None:
                return addr
        # (a long str kept in this version's memory: not copied at all, below)
        kept_str = kept_str_record(self.transfer.kept, obj) if jt is STR else None
        # (packed before, by an entry of any version: its bytes, resident.PACKED. Not a list
        # the version's stores may reach: it would be written back changed, and its snapshot
        # and copy made for nothing -- a sieve's segment, marked at each entry)
        packing = _packing(obj, jt) if n >= PACKED_MIN and kept_str is None \
            and not (self.storing and jt.mutable) and not pointers else None
        hit = PACKED.get(obj, packing) if packing is not None else None
        same = repeated(obj) if hit is None and (jt.elem is INT or jt.elem is FLOAT) else None
        # (a long list of ints: tried through its pointer array, as CPython's small ints --
        # charged as a memory copy; one holding other ints is charged the rest when it
        # fails: smallints.py)
        small = n >= SMALL_INTS_MIN and jt.elem is INT and hit is None and same is None and \
            jt.kind == "list" and type(obj) is list and self.transfer.ints_fn is not None
        if hit is not None or small:     # (a memory copy, as a list kept in memory costs)
            self.cost += RECORD_COST + bytes_cost(n, jt, self.storing)
        elif same is not None:
            self.cost += RECORD_COST + repeated_cost(n, same, jt, self.storing)
        else:
            self.cost += (STR_RECORD_COST if jt is STR else RECORD_COST) + n * self._element_cost(jt)
        if not self.storing and jt.mutable and getattr(self.transfer, "stores_lists", False):
            self.uncharged[id(obj)] = n
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        if hit is not None:
            body, low = hit
            head = struct.pack("<qq", n, self._key_word(obj) if jt is STR else 0)
            if packing == "flags" and jt.mutable and not jt.resizable:
                self.flags_in[self.cursor] = low
        elif same is not None:        # one number at every index after the first few: one word repeated
            k, value = same
            pytype = int if jt.elem is INT else float
            if type(value) is not pytype or not _all_of(obj[:k], pytype):
                return None
            code = "d" if jt.elem is FLOAT else "q"
            try:
                body = _words(obj[:k], code) + _words((value,), code) * (n - k)
            except struct.error:        # (an int past 64 bits)
                return None
            head = struct.pack("<qq", n, 0)
        elif jt.kind == "array":      # as it is in memory, or made 8 bytes an element
            head = struct.pack("<qq", n, 0)
            body = memoryview(obj).cast("B") if obj.itemsize == 8 else memoryview(
                array("d" if jt.elem is FLOAT else "q", obj)).cast("B")
        elif jt is STR:       # a word per character: its code point (~2 ns a character)
            if kept_str is not None:     # (a string is immutable: its record holds)
                self.by_id[id(obj)] = (kept_str[1], jt)
                self.by_address[kept_str[1]] = obj
                if self.transfer.intern:
                    self.seeds.append(kept_str[1])
                return kept_str[1]
            head = struct.pack("<qq", n, self._key_word(obj))
            if n < WIDEN_MIN:       # (a short one: its words made here, and copied as a list's are)
                body = bytearray(8 * n)
                _spread_code_points(obj, body)
            else:
                body = _Spread(obj)
        elif pointers or small:
            # (copied as they are, then made 0 and 1, or the small ints they point to, by the
            # module: flags.py, smallints.py)
            head = struct.pack("<qq", n, 0)
            body = _Pointers(n)
        elif jt.elem is BOOL and type(obj) is list:     # (one byte a flag, at C speed: flags.py)
            low = flags_bytes(obj)
            if low is None:
                return None
            head = struct.pack("<qq", n, 0)
            if jt.mutable and not jt.resizable:
                self.flags_in[self.cursor] = low
            if packing is not None and PACKED.wants(obj, packing):
                body = bytearray(8 * n)
                body[0::8] = low
            else:
                # (written into memory where the record goes, its words zeroed first: a
                # bytearray of 8 bytes a flag made and copied was half of a 5*10^6-flag
                # copy, fresh pages each time)
                body = _Flags(low)
        else:
            elem = jt.elem
            if elem is FLOAT:
                if not _all_of(obj, float):
                    return None
                arr = _words(obj, "d")
            elif elem is BOOL:
                if not _all_of(obj, bool):
                    return None
                arr = array("q", obj)
            elif elem is STR:       # the strings' records first, all at once
                if set(map(type, obj)) != {str} and n:
                    return None
                arr = self._strs(obj)
            elif isinstance(elem, (InstanceType, MaybeType, SeqType)):     # the elements' records first
                arr = False
                if isinstance(elem, SeqType) and elem.kind == "tuple" and elem.elem in _NUMBERS:
                    arr = self._tuples(obj, elem)     # (all at once, at C speed; its own checks)
                if arr is False:
                    types = set(map(type, obj))
                    if isinstance(elem, MaybeType):     # (objects, None among them: None's word is 0)
                        if not types <= {elem.klass, _NoneType}:
                            return None
                    elif types != {elem.klass if isinstance(elem, InstanceType) else list if elem.kind == "list"
                                   else tuple} \
                            and n:      # (an empty list is a list of any type: one taken in, or a field's)
                        return None
                    arr = self._element_records(obj, elem)
                if arr is None:
                    return None
            else:
                arr = _int_words(obj)
                if arr is None:
                    return None
            head = struct.pack("<qq", n, 0)
            body = arr if type(arr) is bytes else memoryview(arr).cast("B")
        if packing is not None and hit is None and same is None and type(body) is not _Flags and not pointers and not small \
                and type(body) is not _Spread:
            PACKED.offer(obj, packing, body, low if packing == "flags" else None)     # (packed just now)
        addr = cursor = self.cursor
        end = addr + SEQ_HEADER + len(body)
        if jt.resizable:
            # room to grow: the capacity in the word before the record (emit: check_room);
            # a list that outgrows it leaves native code, and the next entry reserves more
            growth = getattr(self.transfer, "growth_hint", 0)     # (a FunctionMemory: none)
            if growth:
                # (every list a version resizing one may resize gets it, a grid's rows too:
                # at most GROWTH_ROOM_MOST in all, then as much again)
                if self.growth_given + growth > GROWTH_ROOM_MOST:
                    growth = 0
                self.growth_given += growth
            cap = spare_room(n, growth)
            addr += 16
            end = addr + SEQ_HEADER + 8 * cap
            struct.pack_into("<q", self.transfer.ensure(end), addr - 8, cap)
        self.cursor = _align(end, 16)
        view = self._room(addr, end)
        view[addr:addr + SEQ_HEADER] = head
        if type(body) is _Spread:
            start = addr + SEQ_HEADER
            widen = self.transfer.widen_fn
            if widen is not None and n >= WIDEN_MIN:
                # (its bytes at the end of its words, made words there by the module)
                raw, width = _code_point_bytes(obj)
                src = start + (8 - width) * n
                view[src:src + width * n] = raw
                widen(src, start, n, width)
            else:
                _memset(self.transfer.instance.memory_address + start, 0, 8 * n)
                _spread_code_points(obj, view[start:start + 8 * n])
                if packing is not None:     # (held for the next version's entry: packed just now)
                    PACKED.offer(obj, packing, view[start:start + 8 * n])
        elif type(body) is _Flags:
            start = addr + SEQ_HEADER
            _memset(self.transfer.instance.memory_address + start, 0, 8 * n)
            view[start:start + 8 * n:8] = body.low
        elif pointers:
            if pointers_in(obj, self.transfer.instance.memory_address, addr + SEQ_HEADER,
                           self.transfer.flag_fns[0]) < 0:
                self.cursor = cursor        # (an element not a bool: the record is not made)
                return None
        elif small:
            if not small_ints_in(obj, self.transfer.instance.memory_address, addr + SEQ_HEADER,
                                 self.transfer.ints_fn):
                # (an element not one of the small ints: charged and packed as any list of ints)
                self.cost += n * self._element_cost(jt) - bytes_cost(n, jt, self.storing)
                if self.cost > self.limit:
                    self.cursor = cursor
                    raise TooMuchToCopy(self.cost)
                words = _int_words(obj)
                if words is None:
                    self.cursor = cursor
                    return None
                view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n] = words
            else:
                self.small_int_lists += 1
        elif n:
            view[addr + SEQ_HEADER:addr + SEQ_HEADER + len(body)] = body
        self.by_id[id(obj)] = (addr, jt)
        self.by_address[addr] = obj
        self.words_in += n
        if jt is STR and self.transfer.intern:
            self.seeds.append(addr)
        if jt is STR and n >= KEEP_MIN:     # kept for the next entries (they start after it)
            self.transfer.kept[id(obj)] = (obj, addr)
            self.transfer.kept_end = self.cursor
        elif keeps:
            # (PACKED's snapshot of it, if it holds one: checked or made by this very call)
            self._keep(obj, addr, PACKED.snapshot_of(obj, packing) if packing is not None else None)
        if jt is not STR and jt.mutable:
            self.mutable.append((addr, obj, jt.elem, jt.resizable))
        return addr

    def _kept(self, obj, jt, n) -> int | None:
        """The address of the record of ``obj`` (a list or tuple of numbers) an earlier entry
        wrote and kept (``tauraro.jit.resident``), if ``obj`` holds the very elements it
        held then and native code did not write the record (its dirty word, which a store
        sets, still 0); else None, and ``obj`` is not kept again."""
        transfer = self.transfer
        kept = transfer.kept_list(obj)
        if kept is None:
            return None
        addr = kept[1]
        if not unchanged(obj, kept[2]) or _unpack_word(transfer.ensure(addr + SEQ_HEADER), addr + 8)[0]:
            del transfer.kept[id(obj)]
            transfer.remember(id(obj), False)
            return None
        self.cost += RECORD_COST + bytes_cost(n, jt, False)     # (a version storing into no list)
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        self.by_id[id(obj)] = (addr, jt)
        self.by_address[addr] = obj
        if jt.mutable:
            self.mutable.append((addr, obj, jt.elem, jt.resizable))
        return addr

    def _keep(self, obj, addr, snap=None):
        """Keep the record of ``obj`` just written for the next entries, if an earlier entry
        copied ``obj`` too (a list copied once pays nothing for a snapshot) and none found
        it changed (see ``tauraro.jit.resident``). ``snap``: a snapshot of ``obj`` as it is
        now, to share (PACKED's: each version keeping the same list took one of its own,
        ~0.5-1 ms for 200,000 floats, four times over a sample's four statistics)."""
        transfer = self.transfer
        seen = transfer.seen_lists.get(id(obj))
        if seen is None:
            if can_keep(obj):
                transfer.remember(id(obj), True)
        elif seen:
            transfer.kept[id(obj)] = (holding(obj), addr, snap if snap is not None else snapshot(obj))
            transfer.kept_end = self.cursor
            Transfer.lists_kept += 1

    def tail(self, obj, jt) -> int | None:
        """The address of a record of the list ``obj`` that native code only appends to
        (``Transfer.tails``): none of its elements copied in, its record empty, with room
        for as many new ones as ``record`` gives a list of its length; an exit adds those
        appended (``writeback``). Called after every other record of the entry: a list
        also reached another way (an alias) was copied whole then, and that record serves.
        (Any record asked for it later gets None: the entry fails, as for a list of other
        elements.)"""
        have = self.by_id.get(id(obj))
        if have is not None:
            return have[0] if have[1] is jt else None
        if obj and not _of_type(obj[-1], jt.elem):
            # (its last element is not of the version's element type: a list typed when
            # empty, now of objects, gets a version of its own, as it would copied whole)
            return None
        self.cost += RECORD_COST
        # (room for as many appends as the loop has iterations left, if it says: kruskal's
        # ``used.append((a, b))``, 120,000 iterations left, filled the room of a list of
        # 5,000 and left after a tenth of them, having copied the edges in for all)
        cap = max(spare_room(len(obj)), self.transfer.tail_room, min(self.transfer.tail_hint, TAIL_ROOM_MAX))
        addr = self.cursor + 16
        end = addr + SEQ_HEADER + 8 * cap
        self.cursor = _align(end, 16)
        struct.pack_into("<qqq", self.transfer.ensure(end), addr - 8, cap, 0, 0)
        self.by_id[id(obj)] = (addr, None)
        self.by_address[addr] = obj
        self.mutable.append((addr, obj, jt.elem, TAIL))
        return addr

    def _element_cost(self, jt) -> int:
        """What an element of a record of type ``jt`` costs the entry (``element_cost``)."""
        return element_cost(jt, self.storing)

    def _key_word(self, s) -> int:
        """The second word of the str ``s``'s record: its key word if the version uses strs
        as keys (``STR_KEYS``; not a character's: ``str_key`` reads its code point), else 0."""
        return STR_KEYS.word(s) if self.transfer.str_keys and len(s) != 1 \
            and len(STR_KEYS.strs) < STR_KEYS.LIMIT else 0

    def _element_records(self, obj, elem) -> array | None:
        """The addresses of the records of the objects, lists or tuples in ``obj``, each
        written (or found: one object, one record) through ``record``."""
        # (what the elements would cost, before copying any: a refused entry is tried
        # again later, so it must fail before it has spent the limit)
        n = len(obj)
        nullable = isinstance(elem, MaybeType)
        if nullable:
            elem = elem.inner
        more = n * (RECORD_COST + len(elem.fields)) if isinstance(elem, InstanceType) else (
            n * RECORD_COST + self._element_cost(elem) * sum(map(len, obj)))
        if self.cost + more > self.limit:
            # (at most: one element many times, [row] * n, is one record; the elements not
            # yet copied are counted at C speed, as the refusal is tried again: a dict of
            # them cost ~0.3 us an element, graph_structure's 80,000 adjacency lists 24 ms)
            new = set(map(id, obj)) - self.by_id.keys()
            if self.cost + len(new) * RECORD_COST > self.limit:     # (a record each, at least)
                raise TooMuchToCopy(self.cost + len(new) * RECORD_COST)
            if len(new) < n:
                distinct = {id(e): e for e in obj if id(e) in new}.values()
                more = len(distinct) * (RECORD_COST + len(elem.fields)) if isinstance(elem, InstanceType) else (
                    len(distinct) * RECORD_COST + self._element_cost(elem) * sum(map(len, distinct)))
            if self.cost + more > self.limit:
                raise TooMuchToCopy(self.cost + more)
        if not nullable and isinstance(elem, InstanceType) and not elem.object_fields \
                and not elem.link_fields and not elem.slotted and not self._following and n > 1:
            arr = self._instances(obj, elem)
            if arr is not False:
                return arr
        if not nullable and isinstance(elem, SeqType) and elem.kind == "list" and elem.elem in _NUMBERS \
                and n >= ROWS_AT_ONCE_MIN:
            longest = max(map(len, obj))
            arr = self._short_rows(obj, elem) if longest < SHORT_ROW else \
                self._small_int_rows(obj, elem) if longest >= SMALL_INTS_MIN else False
            if arr is not False:
                return arr
        arr = array("q")
        for e in obj:
            if nullable and e is None:
                arr.append(0)
                continue
            a = self.record(e, elem)
            if a is None:
                return None
            arr.append(a)
        return arr

    def _fresh_rows(self, ids, rows, jt) -> dict | None:
        """id -> row of the ``rows`` (their ``ids``) not copied yet, distinct, in order (a row
        there twice is one record, written once); None if one was copied as another type
        (one object, one record)."""
        known = self.by_id
        if not known.keys().isdisjoint(ids):
            if any(known[i][1] is not jt for i in ids if i in known):
                return None
        fresh = dict(zip(ids, rows))
        for i in known.keys() & fresh.keys():
            del fresh[i]
        return fresh

    def _small_int_rows(self, rows, jt) -> array | None | bool:
        """The addresses of records of the lists of small ints in ``rows`` (of type ``jt``,
        lists of ints), written at once -- a DP table's grid of costs, its rows of zeros --
        in a version that stores into lists (so ``record`` would not keep them, nor pack such rows):
        each row's pointer array copied where its record's words go, its header and padding
        words pointers to 0 for now, then one call of the module's ``ints_in`` over them all
        (smallints.py), then the headers: grid_dp.py's entries' tables 87 -> 45 ms in all
        (~11 us a row of 1,000 through ``record``, its checks and a call of the module each;
        ~5-10 now, most of it the fresh pages the records go to). A row copied already, or
        there twice, is one record (as in _short_rows). None where ``record`` fails for one
        of the rows left to it; False (written one at a time: each finds its own way) where
        it does not apply: a row not a list of CPython's small ints, a row shorter than
        SMALL_INTS_MIN, fewer than ROWS_AT_ONCE_MIN such rows, the module without
        ``ints_in``."""
        transfer = self.transfer
        if _SMALL_ZERO_WORD is None or transfer.ints_fn is None or jt.elem is not INT or jt.resizable \
                or not getattr(transfer, "stores_lists", False):
            return False
        rows = list(rows)       # (as they are now)
        if set(map(type, rows)) != LIST_ONLY or not all(map(len, rows)):
            return False
        ids = list(map(id, rows))
        fresh = self._fresh_rows(ids, rows, jt)
        if fresh is None:
            return False
        known = self.by_id
        rows = list(fresh.values())
        if min(map(len, rows), default=0) < SMALL_INTS_MIN:
            return False
        # (the rows whose elements at a few places are small ints -- the first few, then
        # doubling, for a row a loop was filling at the entry, and the quarters -- found at C
        # speed, go at once; the others -- a DP table's rows filled before the loop's entry --
        # after them, one at a time: an edit distance's table, its first column 0 to n, then
        # goes so. A row with a bigger int elsewhere, or a bool, fails the module's check:
        # then all go one at a time)
        small = [True] * len(rows)
        places = [_repeat(at) for at in _ROW_PROBES] + [
            map(_rshift, map(_mul, map(len, rows), _repeat(q)), _repeat(2)) for q in (1, 2, 3)]
        for at in places:
            small = list(map(_and, small, map(SMALL_INT_VALUES.__contains__, map(_getitem, rows, at))))
        if sum(small) < ROWS_AT_ONCE_MIN:
            return False
        every, rows = ids, list(_compress(rows, small))
        ids = list(map(id, rows))
        others = [row for row, s in zip(fresh.values(), small) if not s]
        lens = list(map(len, rows))
        n = len(rows)
        total = sum(lens)
        cost = self.cost + n * RECORD_COST + bytes_cost(total, jt, self.storing)
        if cost > self.limit:
            raise TooMuchToCopy(cost)
        start = self.cursor
        addrs = array("q", _accumulate([SEQ_HEADER + (8 * k + 15) // 16 * 16 for k in lens], initial=start))
        end = addrs.pop()
        view = self._room(start, end)
        base = transfer.instance.memory_address
        zero = _SMALL_ZERO_WORD
        for addr, k, row in zip(addrs, lens, rows):
            view[addr:addr + SEQ_HEADER] = zero * 2
            _memmove(base + addr + SEQ_HEADER, items_address(row), 8 * k)
            if k & 1:
                view[addr + SEQ_HEADER + 8 * k:addr + SEQ_HEADER + 8 * k + 8] = zero
        if transfer.ints_fn(start, (end - start) >> 3, *SMALL_INTS) != 1:
            return False        # (not all small ints: nothing made -- the cursor did not move)
        pack = _HEADER.pack_into
        for addr, k in zip(addrs, lens):
            pack(view, addr, k, 0)
        self.cursor = end
        self.cost = cost
        if not self.storing:        # (charged if a variable the version stores through reaches one: record)
            self.uncharged.update(zip(ids, lens))
        known.update(zip(ids, zip(addrs, _repeat(jt))))
        self.by_address.update(zip(addrs, rows))
        self.words_in += total
        self.small_int_lists += n
        self.mutable.extend(zip(addrs, rows, _repeat(jt.elem), _repeat(False)))
        for row in others:
            if self.record(row, jt) is None:
                return None
        if len(every) != n:
            addrs = array("q", [known[i][0] for i in every])
        return addrs

    def _short_rows(self, rows, jt) -> array | None | bool:
        """The addresses of records of the lists of numbers in ``rows`` (of type ``jt``),
        each shorter than any list ``record`` copies a way of its own (kept, packed,
        repeated, through its pointers: SHORT_ROW), written at once -- a graph's adjacency
        lists, a table's buckets: the numbers of them all type-checked and packed in one
        pass, then each record's header and words stored, its room to grow after them as
        ``record`` leaves it; ~0.6 us a row where ``record`` took ~5 (60,000 adjacency
        lists: 300 ms an entry on the dev VM). None where ``record`` would fail for one (a
        number not of the type, an int past 64 bits); False (written one at a time) if a
        row of another type was copied already (one object, one record). A row there twice,
        or copied already -- the row a loop nested in this one was on at the entry, its
        variable's record made first -- is one record, written once (an interpreted loop's
        norm(v) of 2,000 rows of 8 floats, inlined into a loop over them: each row went
        through ``record``, 16 ms an entry, for 0.4 ms of native run)."""
        rows = list(rows)       # (as they are now: the list may be written back first)
        ids = list(map(id, rows))
        fresh = self._fresh_rows(ids, rows, jt)
        if fresh is None:
            return False
        known = self.by_id
        every, rows = ids, list(fresh.values())
        ids = list(fresh)
        n = len(rows)
        lens = list(map(len, rows))
        total = sum(lens)
        self.cost += n * row_cost(jt) + total * self._element_cost(jt)
        if not self.storing and jt.mutable and getattr(self.transfer, "stores_lists", False):
            self.uncharged.update(zip(ids, lens))
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        flat = list(_chain(rows))
        resizable = jt.resizable
        code = "d" if jt.elem is FLOAT else "q"
        # (a bool's word is 0 or 1, as record() writes a list of bools': 'q' packs them so)
        if not _all_of(flat, _PYNUMBER[jt.elem]):
            return None
        if not resizable:
            # (the records one after another, each its header and words, padded to 16 bytes:
            # packed in one call from the rows' numbers, and written at once -- ~0.3 us a row
            # where a header and a slice written for each took ~1.5)
            frags = {k: "2q%d%s%s" % (k, code, "8x" if k % 2 else "") for k in set(lens)}
            try:
                body = struct.pack("<" + "".join(map(frags.__getitem__, lens)),
                                   *_chain(map(chain, zip(lens, _repeat(0)), rows)))
            except struct.error:        # (an int past 64 bits)
                return None
            start = self.cursor
            sizes = [SEQ_HEADER + (8 * k + 15) // 16 * 16 for k in lens]
            addrs = array("q", _accumulate(sizes, initial=start))
            end = addrs.pop()
            view = self._room(start, end)
            self.cursor = end
            view[start:end] = body
        else:
            try:
                words = _words(flat, code)
            except struct.error:        # (an int past 64 bits)
                return None
            # each record where ``record`` puts it: after the word of its capacity
            # (spare_room), 16 bytes in, its room after its words; the next at 16 bytes
            sizes = [16 + SEQ_HEADER + 8 * (2 * k + 64) for k in lens]     # (16, then the record and its room)
            starts = array("q", _accumulate(sizes, initial=self.cursor))
            end = starts.pop()
            view = self._room(self.cursor, end)
            self.cursor = end
            addrs = array("q", map(_add, starts, _repeat(16)))
            pack = _ROW_HEADER.pack_into
            at = 0
            for addr, k in zip(addrs, lens):
                pack(view, addr - 8, 2 * k + 64, k, 0)
                if k:
                    view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * k] = words[at:at + 8 * k]
                    at += 8 * k
        self.by_id.update(zip(ids, zip(addrs, _repeat(jt))))
        self.by_address.update(zip(addrs, rows))
        self.words_in += total
        if jt.mutable:
            self.mutable.extend(zip(addrs, rows, _repeat(jt.elem), _repeat(resizable)))
        if len(every) != n:
            addrs = array("q", [known[i][0] for i in every])
        return addrs

    def _instances(self, objs, jt) -> array | None | bool:
        """The addresses of records of the objects in ``objs`` (a list or tuple), all of
        ``jt``'s class, with numbers in every field (no objects, links or slots), written at
        once: what ``_instance`` does for one, each step over all of them at C speed -- their
        dicts' fields fetched, each field's types compared, the records packed into one
        block -- ~1 us an object where ``record`` took 4-9 on the fifth session's machine.
        None where ``_instance`` would fail for one of them; False (written one at a time)
        if an object is there twice or was copied already (one object, one record)."""
        objs = list(objs)       # (as they are now: the list may be written back first)
        n = len(objs)
        if self.dicts and not self.by_id.keys().isdisjoint(map(id, map(_own_dict, objs))):
            return None         # (one's __dict__ copied in as a dict: see _dict)
        ids = list(map(id, objs))
        if len(set(ids)) != n or not self.by_id.keys().isdisjoint(ids):
            return False
        klass = jt.klass
        if set(map(type, objs)) != {klass}:
            return None
        if jt.by_object:    # (read through the objects, their __dict__ untouched)
            try:
                rows = list(map(jt.fetch, objs))
            except AttributeError:
                return None
            for name in jt.methods:
                if _shadowed(objs, klass, name):
                    return None
        else:
            dicts = list(map(_get_dict, objs))
            try:
                rows = list(map(jt.fetch, dicts))
            except KeyError:
                return None
            for name in jt.methods:
                if any(map(_contains, dicts, _repeat(name))):
                    return None
        fields = len(jt.fields)
        columns = list(zip(*rows)) if fields else []
        for column, pytype in zip(columns, jt.pytypes):
            if set(map(type, column)) != {pytype}:
                return None
        self.cost += n * (ELEMENT_COST * fields + RECORD_COST)
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        stride = _align(jt.size, 16)
        padded = struct.Struct(jt.record_struct.format + "x" * (stride - jt.size))
        try:
            block = b"".join(map(padded.pack, _repeat(0, n), _repeat(0, n), *columns))
        except struct.error:        # (an int beyond 64 bits)
            return None
        base = self.cursor
        end = base + n * stride
        view = self.transfer.ensure(end)
        view[base:end] = block
        self.cursor = _align(end, 16)
        addrs = range(base, end, stride)
        self.by_id.update(zip(ids, zip(addrs, _repeat(jt))))
        self.by_address.update(zip(addrs, objs))
        self.words_in += n * fields
        self.object_blocks.append((base, stride, objs, jt, block))     # (for write-back)
        return array("q", addrs)

    def _strs(self, strs) -> array:
        """The addresses of records of the strings in ``strs`` (a list or tuple of str), all
        written at once: a Python-level ``record`` a string costs ~5 us, this well under
        0.5 us. The records lie end to end, each ``[len][0][a word per code point]``: the
        words' low bytes are one string -- each string preceded by chr(its length) and
        "\\0" (the header words) -- encoded once (latin-1, else UTF-32, whose three low
        bytes of a code point are spread into the words as ``record`` does), stored with
        a stride of 8. A list with a string longer than STR_BULK_MAX is written one string
        at a time (its characters outweigh the records). The records are not in ``by_id`` (a string is
        immutable: another record of it reads the same, and identity tests of strings are
        not compiled); each address maps back to its very string through ``blocks``
        (a copy of the strings: a list written back before another is resolved has changed),
        so a list of str written back holds the same objects. (Filling ``by_address`` here
        would cost as much as the rest: it is filled only if a list of str is written back,
        ``_resolve_blocks``.)"""
        n = len(strs)
        if not n:
            return array("q")
        # (strings that repeat, by a sample of the first: a text's words, most often)
        repeats = n >= REPEATS_MIN and len(set(strs[:REPEATS_SAMPLE])) * 2 <= min(n, REPEATS_SAMPLE)
        distinct = None     # (each string once, in a dict: found once for both ways below)
        expand = getattr(self.transfer, "expand_fn", None)
        if repeats and n >= EXPAND_MIN and expand is not None:
            distinct = dict.fromkeys(strs)
            if len(distinct) * 2 <= n:
                addrs = self._expanded(strs, distinct, expand)
                if addrs is not None:
                    return addrs
        lens = list(map(len, strs))
        longest = max(lens)
        total = sum(lens)
        self.cost += n * BULK_RECORD_COST + CHAR_COST * total
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        if longest > STR_BULK_MAX:
            arr = array("q")
            for e in strs:
                arr.append(self.record(e, STR))
            return arr
        if longest >= len(_STR_HEADS):
            _STR_HEADS.extend(map(str.__add__, map(chr, range(len(_STR_HEADS), longest + 1)), _repeat("\0")))
            _STR_SIZES.extend(range(16 + 8 * len(_STR_SIZES), 24 + 8 * longest, 8))
        words = 2 * n + total
        base = self.cursor
        end = base + 8 * words
        self.cursor = _align(end, 16)
        addrs = array("q", _accumulate(map(_STR_SIZES.__getitem__, lens), initial=base))
        addrs.pop()
        if repeats:
            if distinct is None:
                distinct = dict.fromkeys(strs)
            if len(distinct) * 2 <= n:
                self._repeated_strs(strs, distinct, addrs, base, end)
                self.blocks.append((addrs, tuple(strs)))
                self.words_in += words
                return addrs
        parts = [""] * (2 * n)
        parts[0::2] = map(_STR_HEADS.__getitem__, lens)
        parts[1::2] = strs
        stream = "".join(parts)
        widen = self.transfer.widen_fn
        if widen is not None and words >= WIDEN_MIN:
            # (the stream's bytes at the end of its words, made words there by the module,
            # as a long str's are (``record``): spread from Python into a fresh bytearray
            # and copied in, 2,200 documents of ~1000 characters took ~48 ms, ~22 ns a
            # character -- two passes of 8 bytes a character over fresh pages -- for a
            # copy the model charges 3.5 ns a character)
            view = self._room(base, end)
            raw, width = _code_point_bytes(stream)
            src = base + (8 - width) * words
            view[src:src + width * words] = raw
            widen(src, base, words, width)
            body = None
        else:
            body = bytearray(8 * words)
            _spread_code_points(stream, body)
        if self.transfer.str_keys:      # (each record's second word: its string's key word)
            numbers = STR_KEYS.words(strs)
            if numbers is not None:
                at = (view[base:end] if body is None else memoryview(body)).cast("q")
                for a, w in zip(addrs, numbers):
                    at[((a - base) >> 3) + 1] = w
                at.release()
                if self.transfer.intern:
                    self.seeds.extend(addrs)
        if body is not None:
            self.transfer.ensure(end)[base:end] = body
        self.blocks.append((addrs, tuple(strs)))
        self.words_in += words
        return addrs

    def _expanded(self, strs, distinct, expand) -> array | None:
        """``_strs`` for a long list of few distinct strings (``distinct``: each once, in a
        dict, at most half as many as the elements), laid out by the module's ``expand``
        (wasmgen.expand): each distinct string's record written once, a table of them, and
        a 2-byte code an element, made at C speed; the module copies each element's record
        into place and stores its address. The list's records, addresses and ``blocks``
        entry are ``_strs``'s, and so is the cost charged; only the intern table's seeds are
        the first record of each distinct string, not every record (it keeps the first
        record of any contents it meets: the same table). None -- nothing written -- if
        there are more than 2**16 distinct strings or one is longer than STR_BULK_MAX.
        (300,000 words of ten distinct strs: ~20 ms, where joining their records from
        Python and summing their addresses took ~60.)"""
        n = len(strs)
        k = len(distinct)
        if k > CODES_MAX:
            return None
        keys = list(distinct)
        key_lens = list(map(len, keys))
        if max(key_lens) > STR_BULK_MAX:
            return None
        codes = array("H", map(dict(zip(keys, range(k))).__getitem__, strs))
        # (the words of each element's record, from its string's: summed at C level)
        sizes = [2 + m for m in key_lens]
        words = sum(map(sizes.__getitem__, codes))
        self.cost += n * BULK_RECORD_COST + CHAR_COST * (words - 2 * n)
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        numbers = STR_KEYS.words(keys) if self.transfer.str_keys else None
        made = list(map(_str_record, keys, numbers if numbers is not None else _repeat(0)))
        base = self.cursor
        end = base + 8 * words
        # (past the records: scratch for the distinct records, their table, the codes and the
        # addresses, which the records after these overwrite)
        templates = _align(end, 16)
        body = b"".join(made)
        table = _align(templates + len(body), 16)
        at_codes = table + 8 * k
        at_addrs = _align(at_codes + 2 * n, 16)
        view = self._room(base, at_addrs + 8 * n)
        view[templates:templates + len(body)] = body
        spots = list(_accumulate((8 * s for s in sizes[:-1]), initial=templates))
        view[table:at_codes] = struct.pack("<%di" % (2 * k), *chain.from_iterable(zip(spots, (8 * s for s in sizes))))
        view[at_codes:at_codes + 2 * n] = codes.tobytes()
        if expand(at_codes, n, table, base, at_addrs) != end:
            raise NativeError("expand laid out records past their end")
        addrs = array("q")
        addrs.frombytes(view[at_addrs:at_addrs + 8 * n])
        self.cursor = _align(end, 16)
        if numbers is not None and self.transfer.intern:
            if k <= FIRST_SEEDS_MAX:
                self.seeds.extend(addrs[codes.index(j)] for j in range(k))
            else:
                self.seeds.extend(addrs)
        self.blocks.append((addrs, tuple(strs)))
        self.words_in += words
        return addrs

    def _repeated_strs(self, strs, distinct, addrs, base, end):
        """``_strs`` for strings that repeat (``distinct``: each value once, in a dict), a
        text's words most often: each distinct string's record is made once -- its length,
        its key word (``StrKeys``) and a word a code point -- and the list's records are
        those joined in one C-level pass, not its characters spread and a key word stored a
        string at a time: 300,000 words of ten distinct strings cost an entry ~145 ms on the
        dev VM, where the loop over them as written took 30. (Each string still has its own
        record, which ``blocks`` maps back to that very string.)"""
        keys = list(distinct)
        numbers = STR_KEYS.words(keys) if self.transfer.str_keys else None
        made = dict(zip(keys, map(_str_record, keys, numbers if numbers is not None else _repeat(0))))
        self.transfer.ensure(end)[base:end] = b"".join(map(made.__getitem__, strs))
        if numbers is not None and self.transfer.intern:
            self.seeds.extend(addrs)

    def _tuples(self, rows, elem) -> array | None | bool:
        """The addresses of records of the tuples of numbers in ``rows``, all of one length,
        written at once: a Python-level ``record`` a tuple costs ~5 us, this ~0.3 us (a
        chunk's numbers packed into their records by one Struct, the headers by one strided
        store). The records are not
        in the identity map: a tuple is immutable, so a copy of it reads the same, and
        identity tests of tuples are not compiled (``Inference``); an address maps back to
        its tuple through ``blocks`` (``obj``, write-back). None if one is not a tuple, or
        a number is not of ``elem``'s type; False if the tuples are not all of one length
        (then they are written one by one).

        The checks and the flattening go a chunk of TUPLE_CHUNK rows at a time: each pass
        over a row's tuple and its numbers finds them in the cache the pass before brought
        them to. A sorted list's tuples lie all over the heap, and four passes over all of
        them (135,000 edges of a graph) cost two memory reads a number each, ~100 ms,
        against ~45 a chunk at a time."""
        n = len(rows)
        if not n:
            return array("q")
        k = len(rows[0])
        # (what they cost is known from their lengths: an entry over its limit is refused
        # before they are flattened and typed, which cost as much as the copy)
        charged = n * (ELEMENT_COST * k + tuple_record_cost(rows))
        self.cost += charged
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        code = "d" if elem.elem is FLOAT else "q"
        number = _PYNUMBER[elem.elem]
        stride = _align(SEQ_HEADER + 8 * k, 16)
        # (each chunk's numbers packed straight into their records' places: the records'
        # headers skipped by pad bytes, written once at the end by one strided store)
        record = "%dx%d%s%dx" % (SEQ_HEADER, k, code, stride - SEQ_HEADER - 8 * k)
        body = bytearray(stride * n)
        for at in range(0, n, TUPLE_CHUNK):
            part = rows[at:at + TUPLE_CHUNK]
            m = len(part)
            if not _all_of(part, tuple):
                return None
            if list(map(len, part)).count(k) != m:
                self.cost -= charged        # (charged again as the records written one by one)
                return False
            flat = list(_chain(part))
            if not _all_of(flat, number):
                return None
            try:
                _records_packer(record, m).pack_into(body, at * stride, *flat)
            except struct.error:        # (an int past 64 bits)
                return None
        base = self.cursor
        end = base + stride * n
        self.cursor = end
        memoryview(body).cast("q")[0::stride // 8] = array("q", (k,)) * n
        self.transfer.ensure(end)[base:end] = body
        addrs = _progression(base, end, stride)
        self.blocks.append((addrs, tuple(rows)))
        self.words_in += n * k
        return addrs

    def _instance(self, obj, jt) -> int | None:
        """An object's record [class][dirty][fields]: None unless it is of ``jt``'s class
        and each field holds a number of the field's type (its layout: one C-level fetch
        of the fields and one comparison of their types; an int beyond 64 bits fails the
        packing), and its dict has none of ``jt``'s method names."""
        if type(obj) is not jt.klass:
            return None
        if self.dicts and id(_own_dict(obj)) in self.by_id:
            return None         # (its __dict__ copied in as a dict: see _dict)
        if jt.by_object:    # (read through the object, its __dict__ untouched: jtypes.instance_attrs)
            try:
                values = jt.fetch(obj)
            except AttributeError:
                return None
            d = ()
            if jt.methods:
                # (``jtypes.shadows_method`` for each, the class's functions looked up once an
                # entry: a ray tracer's entries copying ~12 objects of five methods each spent
                # half their time in class lookups)
                raws = self.method_raws.get(jt)
                if raws is None:
                    raws = self.method_raws[jt] = [
                        (name, raw) for name in jt.methods for raw in (class_lookup(jt.klass, name),)
                        if read_from_class(raw)]
                for name, raw in raws:
                    v = _lookup(obj, name)
                    if type(raw) is not _FunctionType:      # (a class's number: the object has none)
                        if v is not raw:
                            return None
                    elif type(v) is not _MethodType or v.__func__ is not raw or v.__self__ is not obj:
                        return None
        elif jt.slotted:      # (a slot read through its member descriptor: unset, the entry fails)
            try:
                values = jt.fetch(obj)
            except (KeyError, AttributeError, TypeError):     # (TypeError: no __dict__ descriptor)
                return None
            d = obj.__dict__ if jt.methods and jt.klass.__dictoffset__ else ()
        else:
            d = obj.__dict__
            try:
                values = jt.fetch(d)
            except KeyError:
                return None
        if not fields_fit(jt, values):      # (a link: an object of the class or None)
            return None
        links = jt.link_fields
        for name in jt.methods:
            if name in d:
                return None
        linked = ()         # (an object of no links, reached while links are followed: none to add)
        if jt.object_fields or links:   # (the objects its fields hold first: their records' addresses)
            values = list(values)
            for k in jt.object_fields:
                a = self.record(values[k], jt.fields[k][1])
                if a is None:
                    return None
                values[k] = a
            linked = [(k, values[k]) for k in links if values[k] is not None]
            for k in links:
                values[k] = 0
        addr = self.cursor
        end = addr + jt.size
        self.cursor = _align(end, 16)
        view = self.transfer.ensure(end)
        try:
            jt.record_struct.pack_into(view, addr, 0, 0, *values)
        except struct.error:        # (an int beyond 64 bits)
            return None
        self.by_id[id(obj)] = (addr, jt)
        self.by_address[addr] = obj
        self.words_in += len(values)
        self.cost += ELEMENT_COST * len(values) + (LINKED_RECORD_COST if links else RECORD_COST)
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        if not links and not self._following:
            self.objects.append((addr, obj, jt, jt.words.unpack_from(view, addr + SEQ_HEADER)))
            return addr
        # Links (node.next) are followed one object at a time from a work list, not by
        # recursion: a list of 10^5 nodes would overflow Python's stack. The object is in the
        # identity map before any of them, so a cycle (a node pointing back, a list holding
        # itself) ends at a record already made.
        self._fresh.append((addr, obj, jt))
        at = addr + SEQ_HEADER
        self._links.extend((at + 8 * k, v, jt) for k, v in linked)
        if self._following:
            return addr
        self._following = True
        most = self.cost + self.link_limit
        try:
            while self._links:
                word, v, owner = self._links.pop()
                a = self.record(v, owner)
                if a is None:
                    self._links.clear()
                    self._fresh.clear()
                    return None
                if self.cost > most:
                    raise TooManyLinks(self.cost)
                _pack_word(self.transfer.view, word, a)
        finally:
            self._following = False
        view = self.transfer.view
        for a, o, t in self._fresh:         # (their words for write-back, links filled in)
            self.objects.append((a, o, t, t.words.unpack_from(view, a + SEQ_HEADER)))
        self._fresh.clear()
        return addr

    def _holds_as_dict(self, d) -> bool:
        """Is ``d`` the ``__dict__`` of an object this entry copied in already?"""
        for record in self.objects:
            if _own_dict(record[1]) is d:
                return True
        if any(_own_dict(o) is d for _, o, _ in self._fresh):
            return True
        return any(_own_dict(o) is d for *_, objs, _jt, _block in self.object_blocks for o in objs)

    def _dict(self, d, jt) -> int | None:
        """A dict's native table (``tauraro.wasmgen.dicts``): its entries, key and value
        words, in the dict's order, with room for as many new keys again (16 at least),
        and an index of zeros that the first probe builds natively. None unless every key
        and value is of ``jt``'s types (an empty dict is of every dict type)."""
        n = len(d)
        # (weighed before its keys and values are looked at, as a set is: _set)
        self.cost += 8 * n + RECORD_COST       # (~30 ns a key and value: docs/jit-data.md)
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        if self._holds_as_dict(d):
            # (an object's own __dict__, its attributes copied into the object's record too:
            # a store through the dict would not reach the loop's reads of the attribute)
            return None
        keys = list(d)
        if n:
            if set(map(type, keys)) != ({int} if jt.key is INT else {str}):
                return None
            vt = set(map(type, d.values()))
            if vt != ({float} if jt.value is FLOAT else {int}):
                return None
            if jt.key is STR and self.transfer.intern:      # (their records seed the intern table)
                self._strs(keys)
        cap = 2 * n + 16
        addr = self.cursor
        header, size = table_header(addr, n, cap)
        entries = array("q", bytes(16 * n))
        words = keys if jt.key is INT else STR_KEYS.words(keys)
        if words is None:
            return None
        try:
            entries[0::2] = array("q", words)
            entries[1::2] = array("q", d.values()) if jt.value is INT else array(
                "q", array("d", d.values()).tobytes())
        except OverflowError:       # (an int beyond 64 bits)
            return None
        end = addr + size
        self.cursor = _align(end, 16)
        view = self.transfer.ensure(end)
        view[addr:addr + DICT_HEADER] = struct.pack("<8q", *header)
        body = addr + DICT_HEADER
        view[body:body + 16 * n] = memoryview(entries).cast("B")
        view[body + 16 * cap:end] = bytes(end - body - 16 * cap)
        self.by_id[id(d)] = (addr, jt)
        self.by_address[addr] = d
        self.dicts.append((addr, d, jt, keys, entries))
        self.words_in += 2 * n
        return addr

    def _dicts_back(self, view):
        """Each dict whose table native code stored into gets the values that changed
        (by their bits: the others keep their very objects), then the keys it added, in
        the order it added them: an existing key keeps its place, as ``d[k] = v`` keeps it,
        and nothing is deleted natively, so the dict ends in the order CPython's would."""
        for addr, d, jt, keys, old in self.dicts:
            if not view[addr + 8]:
                continue
            n, entries = struct.unpack_from("<q40xq", view, addr)     # (a grown table's entries are elsewhere)
            n0 = len(keys)
            now = array("q")
            now.frombytes(view[entries:entries + 16 * n])
            words = now[1::2]
            values = words if jt.value is INT else array("d", words.tobytes())
            changed = list(_compress(range(n0), map(_ne, words, old[1::2])))
            if not changed and n == n0:
                continue
            self.records_out += 1
            self.words_out += len(changed) + 2 * (n - n0)
            for i in changed:
                d[keys[i]] = values[i]
            added = now[2 * n0:2 * n:2]
            d.update(zip(added if jt.key is INT else self.str_keys(added), values[n0:n]))

    def _set(self, s, jt) -> int | None:
        """A set's native table: a dict's (``_dict``) whose entries' values are 1 (in the
        set), with room for as many new elements again (16 at least), and after it the
        log of changes (``wasmgen.dicts``) with room for 2n + 64, its address in the table's
        word LOG. None unless every element is of ``jt``'s type (an empty set is of every
        set type)."""
        n = len(s)
        # (weighed before any element is looked at: by a sample of consecutive ones, lying
        # scattered or not -- layout.scattered)
        per = SCATTERED_ELEMENT_COST if n > 64 and scattered(_islice(s, 64)) else SET_ELEMENT_COST
        self.cost += per * n + RECORD_COST
        if self.cost > self.limit:
            raise TooMuchToCopy(self.cost)
        keys = list(s)
        if n and set(map(type, keys)) != ({int} if jt.key is INT else {str}):
            return None
        if n and jt.key is STR and self.transfer.intern:        # (their records seed the intern table)
            self._strs(keys)
        cap = 2 * n + 16
        log_cap = 2 * n + 64
        addr = self.cursor
        header, size = table_header(addr, n, cap)
        log = _align(addr + size, 16)
        end = log + log_size(log_cap)
        entries = array("q", b"\1\0\0\0\0\0\0\0" * (2 * n))
        words = keys if jt.key is INT else STR_KEYS.words(keys)
        if words is None:
            return None
        try:
            entries[0::2] = array("q", words)
        except OverflowError:       # (an int beyond 64 bits)
            return None
        self.cursor = _align(end, 16)
        view = self.transfer.ensure(end)
        view[addr:addr + DICT_HEADER] = struct.pack("<8q", *header[:7], log)
        body = addr + DICT_HEADER
        view[body:body + 16 * n] = memoryview(entries).cast("B")
        view[body + 16 * cap:log] = bytes(log - body - 16 * cap)
        view[log:log + LOG_HEADER] = struct.pack("<4q", n, 0, log_cap, 0)
        self.by_id[id(s)] = (addr, jt)
        self.by_address[addr] = s
        self.sets.append((addr, s, jt))
        self.words_in += n
        return addr

    def _dict_iter(self, it, jt) -> int | None:
        """A dict iterator the loop takes over: its dict's table (``record``), and a record
        ``[table][position][the dict's size][its keys' str records]``. None unless the
        iterator is as one CPython made over the dict as it is and advanced: its
        ``__length_hint__`` (0 once the dict changed size: then next() raises, which the
        interpreter must do) is the number left, and what it has left (``__reduce__``)
        is the dict's last entries, the very objects (of the program's iterator, when
        this is a stand-in for it: ``jtypes.STAND_INS``). Native code moves the position;
        write-back advances the iterator to it (``_advance``)."""
        d = [o for o in _referents(it) if type(o) is dict]
        if len(d) != 1:
            return None
        d = d[0]
        n = len(d)
        # (what the dict's table and its keys' records will cost, before any is copied or
        # checked: a refused entry is tried again later, so it must fail before it spends)
        strs = jt.dict.key is STR and jt.kind != "values"
        more = 8 * n + 2 * RECORD_COST + (n * BULK_RECORD_COST + CHAR_COST * sum(map(len, d)) if strs else 0)
        if id(d) not in self.by_id and self.cost + more > self.limit:
            raise TooMuchToCopy(self.cost + more)
        left = it.__length_hint__()
        # (a stand-in, tauraro.vm.rewind, is one element behind the program's iterator:
        # that one's state is what must be as CPython's)
        real = STAND_INS.get(id(it))
        real = real[1] if real is not None and real[0] is it else it
        if real is not it:
            if real.__length_hint__() != left - 1:
                return None
            left -= 1
        try:
            rest = real.__reduce__()[1][0]
        except RuntimeError:        # (its dict changed size: its next() raises)
            return None
        if len(rest) != left or left > n:
            return None
        if left:
            if jt.kind == "keys":
                tail = list(_islice(d, n - left, None))
            elif jt.kind == "values":
                tail = list(_islice(d.values(), n - left, None))
            else:           # (the keys and values of the pairs: the pairs are made anew)
                tail = list(_chain(_islice(d.items(), n - left, None)))
                rest = list(_chain(rest))
            if not all(map(_is, rest, tail)):
                return None
        if real is not it:
            left += 1
        table = self.record(d, jt.dict)
        if table is None:
            return None
        keys = 0
        if strs:
            keys = self.record(list(d), _STR_LIST)
            if keys is None:
                return None
        addr = self.cursor
        self.cursor = addr + 32
        view = self.transfer.ensure(self.cursor)
        struct.pack_into("<4q", view, addr, table, n - left, n, keys)
        self.by_id[id(it)] = (addr, jt)
        self.by_address[addr] = it
        self.dict_iters.append([addr, it, n - left])
        return addr

    def _advance(self, view):
        """Each dict iterator native code moved is advanced as far, before any dict is
        written back: over the dict as the iterator knows it, so a dict whose size native
        code changed makes its next() raise CPython's RuntimeError."""
        for entry in self.dict_iters:
            addr, it, at = entry
            pos = int.from_bytes(view[addr + 8:addr + 16], "little")
            if pos > at:
                _consume(_islice(it, pos - at), 0)
                entry[2] = pos

    def _sets_back(self, view):
        """Each set native code changed gets its changes replayed, in the order native code
        made them (the log: only real changes, an add of a new element or a removal of one
        there): a set's iteration order depends on the sequence of its adds and removals,
        and this is the sequence the program made, so the set ends as CPython's would."""
        for addr, s, jt in self.sets:
            if not view[addr + 8]:
                continue
            entries, log = struct.unpack_from("<48xqq", view, addr)
            n = int.from_bytes(view[log + 8:log + 16], "little")
            ops = array("q")
            ops.frombytes(view[log + LOG_HEADER:log + LOG_HEADER + 8 * n])
            words = array("q")          # (the table's entries: entry e's key is word 2e)
            words.frombytes(view[entries:entries + 16 * int.from_bytes(view[addr:addr + 8], "little")])
            key = self.str_key if jt.key is STR else int
            if not any(map((1).__and__, ops)):     # (only adds: one update, in order)
                new = list(map(words.__getitem__, ops))
                s.update(new if jt.key is INT else self.str_keys(new))
            else:
                add, discard = s.add, s.discard
                for w in ops:
                    if w & 1:
                        discard(key(words[w - 1]))
                    else:
                        add(key(words[w]))
            view[addr + 8] = 0
            struct.pack_into("<q", view, log + 8, 0)
            self.records_out += 1
            self.words_out += n

    def reserve(self, building) -> int:
        """The address of a record with room for ``building.capacity`` elements, for a
        comprehension's list that native code grows (its first word: the capacity)."""
        cap = building.capacity
        addr = self.cursor
        end = addr + SEQ_HEADER + 8 * cap
        self.cursor = _align(end, 16)
        view = self.transfer.ensure(end)
        view[addr:addr + SEQ_HEADER] = struct.pack("<qq", cap, 0)
        self.by_address[addr] = building.list
        return addr

    def built(self, addr, n, elem):
        """The list of the ``n`` elements native code appended to a comprehension's list. (A
        new list: the empty one handed in is the comprehension's own, which nothing else
        holds; an array's tolist makes the numbers fastest.) Its time is the native run's,
        not its exit's: CPython makes these objects too, so it is no copy a native run must
        save (billed as one, a chunk of 2^18 floats, ~20 ms where float objects cost ~40 ns
        to make, had sum() of a generator of floats given up on 3.12+, as if it had saved
        only the floor of an iteration's cost for each)."""
        if not n:
            return self.by_address[addr]
        t0 = _clock()
        arr = array("d" if elem is FLOAT else "q")
        arr.frombytes(self.transfer.view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n])
        made = flags_list(arr.tobytes()[0::8]) if elem is BOOL else arr.tolist()
        self.transfer.built_seconds += _clock() - t0
        return made

    def small(self, addr) -> bool:
        """Are the elements of the int record at ``addr`` all within 2**32 of 0 (see
        passes/accumulate.ELEMENT_BITS)? Each element's top four bytes all 0 (0 <= x < 2**32)
        or all 0xFF (-2**32 <= x < 0): a copy, four strided slices of it and compares, at C
        speed: ~9 ns an element, against ~17 for array('q', list) (a memoryview's strided
        slice is three times slower than a bytes object's)."""
        view = self.transfer.view
        n = int.from_bytes(view[addr:addr + 8], "little")
        body = bytes(view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n])
        b4, b5, b6, b7 = (body[j::8] for j in (4, 5, 6, 7))
        return b4 == b5 == b6 == b7 and not b7.translate(None, b"\0\xff")

    def writeback(self, view):
        """Lists native code stored into get their new elements; objects it stored into,
        their fields (as ``object.__setattr__`` stores them: the entry checked that the
        class has no hook or data descriptor of theirs, and nothing ran since)."""
        t0 = _clock()
        if self.intern_at is not None:
            self._intern_filled(view)
        if self.dict_iters:
            self._advance(view)
        word = _unpack_word
        for addr, obj, elem, resized in self.mutable:
            if word(view, addr + 8)[0]:
                # (a resizable list: its length now, from its record; its contents replaced,
                # or, a list only appended to, those appended added: ``tail``)
                n = word(view, addr)[0] if resized else len(obj)
                if resized and resized is not TAIL and n - len(obj) > self.grown:
                    self.grown = n - len(obj)       # (a tail's room is its own: tail_room)
                self.records_out += 1
                self.words_out += n
                if (elem is INT or elem is FLOAT) and resized is not TAIL and type(obj) is list:
                    # (a list of numbers: its words as they are, at once -- ~1.2 us a list
                    # through the checks below, a graph's 60,000 adjacency lists ~70 ms)
                    obj[:] = view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n].cast("d" if elem is FLOAT else "q").tolist()
                elif type(obj) is array:      # (8 bytes an element: only those are stored into)
                    obj[:] = array(obj.typecode, view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n].tobytes())
                elif elem is BOOL and not resized and n >= POINTERS_MIN and self.transfer.flag_fns is not None \
                        and self._pointers_back(view, addr, obj, n):
                    pass
                elif elem is BOOL and resized is not TAIL:
                    self._flags_back(obj, bytes(view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n:8]),
                                     None if resized else self.flags_in.get(addr))
                elif resized is TAIL:
                    obj.extend(self._elements_timed(view, addr, n, elem))
                    cap = struct.unpack_from("<q", view, addr - 8)[0]
                    if n == cap and cap < TAIL_ROOM_MAX:       # (filled: the next entry's gets more)
                        self.transfer.tail_room = max(self.transfer.tail_room, 2 * cap)
                else:
                    obj[:] = self._elements_timed(view, addr, n, elem)
        for addr, obj, jt, old in self.objects:
            if view[addr + 8]:
                self._object_back(view, addr, obj, jt, old)
        for base, stride, objs, jt, block in self.object_blocks:
            self._objects_back(view, base, stride, objs, jt, block)
        if self.dicts:
            self._dicts_back(view)
        if self.sets:
            self._sets_back(view)
        self.writeback_seconds += _clock() - t0

    def _elements_timed(self, view, addr, n, elem) -> list:
        """``_elements``, the time making them counted in ``elements_seconds`` unless they
        are numbers (JitController._elements_lose). In the thread's CPU time, as the loop's
        iterations as written are timed that they are weighed against: a preemption on a
        loaded machine must not give the loop up."""
        if elem is INT or elem is FLOAT:
            return self._elements(view, addr, n, elem)
        t0 = _cpu_clock()
        made = self._elements(view, addr, n, elem)
        self.elements_seconds += _cpu_clock() - t0
        return made

    def _elements(self, view, addr, n, elem) -> list:
        """The first ``n`` elements of the list record at ``addr`` (of elements ``elem``)
        as Python objects: the objects, lists, tuples and strs it had (their records), or
        made (materialised now)."""
        if elem is BOOL:
            return flags_list(bytes(view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n:8]))
        words = view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n].cast("d" if elem is FLOAT else "q")
        if isinstance(elem, InstanceType):     # (not ``get(a) or made``: an object may be falsy)
            if n >= 2 and not elem.object_fields and not elem.link_fields and not self._unfilled:
                made = self._made_in_order(view, words, elem)
                if made is not None:
                    return made
            if self.made_blocks:
                self._settle_made()
            instance = self.instance
            return [instance(a, elem) for a in words]
        if isinstance(elem, MaybeType):       # (0: None)
            if self.made_blocks:
                self._settle_made()
            maybe, inner = self.maybe, elem.inner
            return [maybe(a, inner) for a in words]
        if isinstance(elem, SeqType):
            if elem.kind == "tuple" and elem.elem in (INT, FLOAT) and n >= 2:
                made = self._made_in_order(view, words, elem)
                if made is not None:
                    return made
            if self.made_blocks:
                self._settle_made()
            by = self.by_address
            if elem is STR and self._canonical_known(view, n):
                # (every str native code may have stored is known now: one pass, no set of
                # a million addresses to find the few hundred distinct ones -- through their
                # codes, or over the memory itself, each address an int made and freed at
                # once: a list of them all made first took 57 ms of 10^6 elements against 37)
                made = self._str_codes(view, addr + SEQ_HEADER, n) if n >= CODES_MIN else None
                if made is not None:
                    return made
                try:
                    return list(map(by.__getitem__, words))
                except KeyError:
                    pass
            # (the addresses as ints once; the records not yet mapped to objects found among
            # the distinct ones -- a million appended strs are a few hundred records, made
            # canonical: wasmgen.intern -- and made, each once; then one C-level pass)
            words = words.tolist()
            missing = set(words).difference(by)
            if missing and self.blocks:     # (tuples and strs written at once: _copied)
                # (not the records in the heap, which native code made: a list of the pairs
                # a loop over 135,000 edges appended mapped none of the edges' own)
                looked = self._outside_heap(missing)
                if 8 * len(looked) >= sum(len(addrs) for addrs, _ in self.blocks):
                    self._resolve_blocks()
                else:       # (a few of them: found one by one, not all 135,000 edges of a graph mapped)
                    copied = self._copied
                    for a in looked:
                        o = copied(a)
                        if o is not None:
                            by[a] = o
                missing.difference_update(by)
            if missing:
                made = dict.fromkeys(missing)
                if not (elem is STR and len(made) > 1 and self._made_strs(view, made) is not None
                        or elem.kind == "tuple" and elem.elem in (INT, FLOAT) and len(made) > 1
                        and self._made_tuples(view, made, elem) is not None):
                    seq = self.seq      # (constants, slices native code made: one at a time)
                    made = {a: seq(a, elem) for a in made}
                by.update(made)         # (one object however many places hold it)
            return list(map(by.__getitem__, words))
        return words.tolist()

    def _made_in_order(self, view, words, jt) -> list | None:
        """The elements of a list whose elements (their records' addresses: ``words``) are
        tuples of numbers, or objects of numbers alone (``jt``), that native code made one
        after another in this entry's heap, in the list's order -- what a loop appending a
        new tuple or object an iteration leaves: read record by record in one C-level pass
        (``struct.iter_unpack``), each mapped in ``by_address`` (one object however many
        places hold it). None, nothing done, if the list is not that: then ``_elements``
        finds its records one by one. (A loop appending 100,000 triples wrote them back in
        ~63 ms on the dev VM, 0.6 us a triple, more than CPython spends on the loop's whole
        iteration; this way ~30 ms. Objects of two fields made one at a time by ``made``:
        ~1.1 us each, where CPython's construction and ``__init__`` take ~0.45.)"""
        heap, n = self.heap_at, len(words)
        lo = words[0]
        step = words[1] - lo
        size = jt.size if isinstance(jt, InstanceType) else SEQ_HEADER
        if heap is None or step < size or step % 8 or not heap <= lo or lo + n * step > heap + HEAP_ROOM:
            return None
        at = range(lo, lo + n * step, step)
        by = self.by_address
        if words.tobytes() != _progression(lo, lo + n * step, step).tobytes() \
                or not (by.keys().isdisjoint(at) if len(by) >= n else not any(map(at.__contains__, by))) \
                or any(lo < held.stop and held.start < at.stop for held, _ in self.made_blocks):
            return None
        if isinstance(jt, InstanceType):
            rows = struct.iter_unpack("<%dx%s%dx" % (SEQ_HEADER, jt.fmt[1:], step - jt.size), view[lo:lo + n * step])
            fill = _BULK_FILLERS.get(jt)
            if fill is None:
                fill = _BULK_FILLERS[jt] = _filler(jt, bulk=True)
            made = fill(rows, jt.klass)
        else:
            made = _tuples_in_records(view, lo, step, n, jt)
            if made is None:
                return None
        # (mapped in by_address only if something else may hold one of them: a Kruskal's
        # 39,000 pairs appended, their addresses made ints and put in the dict, ~5 ms)
        self.made_blocks.append((at, made))
        return made

    def _settle_made(self):
        """Every record of ``made_blocks`` into ``by_address``: before a list's elements are
        looked up there one by one, one object however many places hold it."""
        for at, made in self.made_blocks:
            self.by_address.update(zip(at, made))
        self.made_blocks.clear()

    def _str_codes(self, view, at, n) -> list | None:
        """The objects of the ``n`` record addresses at ``at`` (a list of strs, every record
        it may hold in ``by_address``: _canonical_known), through the module's
        ``addr_codes`` (wasmgen.addrcodes): a table of the known records, each with a code,
        written in the heap's unused room, turns the words into 2-byte codes -- the most
        frequent records' from 0 up, ints Python keeps made, if there are more than those
        -- and one C-level pass indexes the objects by them: ~15-30 ms of 10^6 elements,
        against ~40 of a dict lookup each. None, nothing changed, if the records are many
        beside the list (the table is written in Python), the room is short, or an address
        is not in the table."""
        fn = getattr(self.transfer, "codes_fn", None)
        by = self.by_address
        k = len(by)
        if fn is None or self.heap_at is None or k >= CODES_MAX or 8 * k > n:
            return None
        free, limit = struct.unpack_from("<II", view, self.transfer.layout.HEAP)
        slots = 1 << (2 * k).bit_length()
        mask = slots - 1
        table_at = _align(max(free, self.heap_at), 16)
        counts_at = table_at + 8 * slots
        out_at = counts_at + 4 * slots
        if out_at + 2 * n > limit:
            return None
        where = {}          # address -> its slot
        taken = bytearray(slots)
        for a in by:
            h = code_slot(a, mask)
            while taken[h]:
                h = (h + 1) & mask
            taken[h] = 1
            where[a] = h

        def write_table(order):
            # (each record's slot: its address, and its code, its place in ``order``)
            table = [0] * slots
            for code, a in enumerate(order):
                table[where[a]] = (a << CODES_SHIFT) | code
            view[table_at:counts_at] = memoryview(array("q", table)).cast("B")
        order = list(by)        # (the records by code)
        if k > _SMALL_CODES:
            # a first pass counts each record's words (its codes not used): the most
            # frequent get the codes Python keeps ints for
            write_table(order)
            view[counts_at:out_at] = bytes(4 * slots)
            if fn(at, n, table_at, mask, out_at, counts_at) != n:
                return None
            counts = view[counts_at:out_at].cast("I")
            order.sort(key=lambda a: counts[where[a]], reverse=True)
        write_table(order)
        if fn(at, n, table_at, mask, out_at, 0) != n:
            return None
        return list(map(list(map(by.__getitem__, order)).__getitem__, view[out_at:out_at + 2 * n].cast("H")))

    def _canonical_known(self, view, n: int) -> bool:
        """Before a list of ``n`` strs is written back, in a version that interns: every str
        its intern table gave a new number (the strs native code made canonical, which is
        what it stores: ``jit.emit._canonical``) and every str written at once at the entry
        (``blocks``) mapped in ``by_address`` -- if they are few beside ``n``, so that the
        list's addresses can be looked up straight away. False if not done."""
        if self.intern_at is None:
            return False
        count, table = struct.unpack_from("<q24xq", view, self.intern_at + 32)
        copied = sum(len(addrs) for addrs, _ in self.blocks)
        if 4 * (count + copied) > n:
            return False
        if copied:
            self._resolve_blocks()
        if count:
            records = array("q")
            records.frombytes(view[table:table + 8 * count])
            self.by_address.update(self._strs_at(set(records).difference(self.by_address)))
        return True

    def _made_spans(self, view, addrs) -> tuple | None:
        """Where the records at ``addrs`` (ones native code made: strs, tuples of numbers)
        lie, to be read at once: (the addresses in a list, the memory from ``lo`` to ``hi``
        holding them all, and each record's elements as word indexes into it, ``starts``
        and ``ends``); None if one is a constant's, or they lie far apart among other
        records (then each is made on its own)."""
        if self._any_constant(addrs):
            return None
        made = list(addrs)
        lo = min(made)
        words = view[lo:max(made) + 8].cast("q")
        at = list(map(_rshift, map(_sub, made, _repeat(lo)), _repeat(3)))     # (their words)
        lens = list(map(words.__getitem__, at))
        starts = list(map(_add, at, _repeat(2)))
        ends = list(map(_add, starts, lens))
        hi = lo + 8 * max(ends)
        if hi - lo > 64 * (sum(lens) + 2 * len(made)):
            return None
        return made, lo, hi, starts, ends

    def _any_constant(self, addrs) -> bool:
        """Is one of ``addrs`` a constant's record (``layout.const_objects``)?"""
        consts = self.transfer.layout.const_objects
        return bool(consts) and not consts.keys().isdisjoint(addrs)

    def _outside_heap(self, addrs) -> set:
        """Those of ``addrs`` outside the heap of this entry (``heap``): only those may be
        records it copied in."""
        heap = self.heap_at
        if heap is None:
            return addrs
        top = heap + HEAP_ROOM
        return set(filter(heap.__gt__, addrs)).union(filter(top.__le__, addrs))

    def _made_tuples(self, view, addrs: dict, jt) -> dict | None:
        """``addrs`` (a dict whose keys are the addresses of records of tuples of numbers,
        ``jt``, that native code made: ``Recorder.tuple_record``) with those tuples as its
        values, read at once: one copy of the heap they lie in, as ints and (tuples of
        floats) as floats, each tuple a slice of it (a list of 15,000 pairs appended
        natively was written back ~3 us a pair made one at a time, ~0.4 at once). None if
        one is a constant's, or they lie far apart (made one at a time)."""
        if self._tuples_in_step(view, addrs, jt):
            return addrs
        spans = self._made_spans(view, addrs)
        if spans is None:
            return None
        made, lo, hi, starts, ends = spans
        values = view[lo:hi].cast("d" if jt.elem is FLOAT else "q").tolist()
        addrs.update(zip(made, [tuple(values[a:b]) for a, b in zip(starts, ends)]))
        return addrs

    def _tuples_in_step(self, view, addrs: dict, jt) -> bool:
        """``_made_tuples`` where the records lie one after another at one step, all of one
        length -- what a loop making only tuples leaves in its heap: read record by record
        in one pass (``_tuples_in_records``; ~0.1 us a pair, 0.8 a slice each). False,
        nothing done, if they do not."""
        n = len(addrs)
        if n < 2:
            return False
        lo, hi = min(addrs), max(addrs)
        step, rest = divmod(hi - lo, n - 1)
        if rest or step < SEQ_HEADER or step % 8:
            return False
        if self._any_constant(addrs):
            return False
        # (n distinct addresses from lo to hi, each lo plus a multiple of the step: all of them)
        if set(map(step.__rmod__, map(lo.__rsub__, addrs))) != {0}:
            return False
        tuples = _tuples_in_records(view, lo, step, n, jt)
        if tuples is None:
            return False
        addrs.update(zip(range(lo, hi + 1, step), tuples))
        return True

    def _made_strs(self, view, addrs: dict) -> dict | None:
        """``addrs`` (a dict whose keys are the addresses of str records native code made)
        with the strs of those records as its values, read all at once (None if one is a
        constant's, or they lie far apart: made one at a time): one copy of the memory they
        lie in, its characters' low bytes decoded once, each str a slice of that, in a few
        C-level passes over them all (``made_seq`` a str at a time took twice as long: a text
        builder's 50,000 new words, ~75 ms on the dev VM)."""
        spans = self._made_spans(view, addrs)
        if spans is None:
            return None
        made, lo, hi, starts, ends = spans
        raw = view[lo:hi].tobytes()
        text = raw[0::8].decode("latin-1")
        # (a comprehension slicing, not map(text.__getitem__, map(slice, ...)): half the
        # time, ~250 ns a str here against ~500, a slice object and a method call fewer)
        addrs.update(zip(made, [text[a:b] for a, b in zip(starts, ends)]))
        # (nonzero where a word's second or third byte is: a str with such a character is
        # wide, made again one at a time. Not the headers' words: a record's length, and its
        # key word, which a made str that is the first of its contents holds, wasmgen.intern)
        wide = bytearray((int.from_bytes(raw[1::8], "little") | int.from_bytes(raw[2::8], "little")).to_bytes(
            (hi - lo) >> 3, "little"))
        for k in starts:
            wide[k - 2] = wide[k - 1] = 0
        if wide.count(0) != len(wide):
            redo = set()
            order = sorted(range(len(made)), key=starts.__getitem__)
            first = [starts[k] for k in order]
            marks = wide.translate(_NONZERO)
            at = marks.find(1)
            while at >= 0:
                i = _bisect(first, at) - 1
                if i >= 0 and at < ends[order[i]]:
                    redo.add(made[order[i]])
                at = marks.find(1, at + 1)
            for a in redo:
                addrs[a] = self._made_str(view, a)
        return addrs

    def _objects_back(self, view, base, stride, objs, jt, block):
        """The objects of a list copied in at once (``_instances``, their records ``block``
        then) get the fields whose bits native code changed, a field at a time over all of
        them: each field's column of words compared, the changed values stored at C speed
        (a particle list's 1500 objects, each moved, ~0.3 us an object where one at a time
        took ~1.6)."""
        n = len(objs)
        now = view[base:base + stride * n].tobytes()
        if now == block:
            return
        pad = "x" * (stride - jt.size)
        fields = len(jt.fields)
        bits = struct.Struct("<qq%dQ%s" % (fields, pad))
        new_words = list(zip(*bits.iter_unpack(now)))
        old_words = list(zip(*bits.iter_unpack(block)))
        values = list(zip(*struct.Struct(jt.record_struct.format + pad).iter_unpack(now)))
        touched = set()
        for f in range(2, 2 + fields):
            if new_words[f] == old_words[f]:
                continue
            changed = list(_compress(range(n), map(_ne, new_words[f], old_words[f])))
            name, ft = jt.fields[f - 2]
            column = map(values[f].__getitem__, changed)
            if ft is BOOL:
                column = map(bool, column)
            owners = map(objs.__getitem__, changed)
            if jt.by_object:    # (its __dict__ untouched: jtypes.instance_attrs)
                _consume(map(_setattr, owners, _repeat(name), column), 0)
            else:
                _consume(map(dict.__setitem__, map(_get_dict, owners), _repeat(name), column), 0)
            touched.update(changed)
            self.words_out += len(changed)
        self.records_out += len(touched)

    def _object_back(self, view, addr, obj, jt, old):
        """An object whose record native code marked dirty gets the fields whose bits
        changed from ``old`` (the others keep their very objects)."""
        now = jt.words.unpack_from(view, addr + SEQ_HEADER)
        if now == old:
            return
        new = jt.struct.unpack_from(view, addr + SEQ_HEADER)
        self.records_out += 1
        slots = jt.slots
        for k in _compress(range(len(now)), map(_ne, now, old)):
            name, ft = jt.fields[k]
            v = new[k] != 0 if ft is BOOL else self.instance(new[k], ft) \
                if isinstance(ft, InstanceType) else self.maybe(new[k], ft.inner) \
                if isinstance(ft, MaybeType) else new[k]
            if jt.by_object:    # (its __dict__ untouched: jtypes.instance_attrs)
                _setattr(obj, name, v)
            elif slots[k] is None:
                obj.__dict__[name] = v
            else:       # (a slot: its member descriptor stores it, as object.__setattr__ does)
                slots[k].__set__(obj, v)
            self.words_out += 1

    def _pointers_back(self, view, addr, obj, n) -> bool:
        """The list of bools ``obj`` gets the ``n`` flags of its record at ``addr`` through
        its pointer array (flags.pointers_back), the words made in memory past everything
        this entry and native code wrote; False if the list is not one of ``n`` bools now."""
        free = int.from_bytes(view[self.transfer.layout.FREE:self.transfer.layout.FREE + 4], "little")
        scratch = _align(max(self.cursor, free), 16)
        self.transfer.ensure(scratch + 8 * min(n, POINTERS_CHUNK))
        fns = self.transfer.flag_fns
        return pointers_back(obj, n, self.transfer.instance.memory_address, addr + SEQ_HEADER, scratch,
                             fns[0], fns[1])

    def _flags_back(self, obj, new: bytes, old):
        """A list of bools gets the flags ``new`` (a byte each, from its record), knowing the
        ones it was copied in with (``old``, or None): nothing if none changed (the record
        was marked dirty by a store of the same value); one store each if few did (a
        sieve's late marking passes change a few in millions); else the whole list at once
        (flags_list). Which changed is found at C speed, exactly: the bytes' XOR, as two
        ints, is 0 where they agree."""
        if old is not None and len(old) == len(new):
            if new == old:
                return
            n = len(new)
            diff = (int.from_bytes(new, "little") ^ int.from_bytes(old, "little")).to_bytes(n, "little")
            if n - diff.count(0) <= n >> 5:
                find = diff.find
                i = find(1)
                while i >= 0:
                    obj[i] = new[i] != 0
                    i = find(1, i + 1)
                return
        obj[:] = flags_list(new)

    def intern(self):
        """The intern table of this entry (``tauraro.wasmgen.intern``), its address in the
        layout's word INTERN: seeded with every str record the entry numbered (``seeds``:
        the strs copied in, the keys of the str tables copied in), the constant records
        and the str constants whose numbers the code holds; native code puts the seeds in
        at its first str made natively that it looks up. New numbers start past every
        number ``STR_KEYS`` has given, so they mean this entry's strs only (write-back
        turns them into strs: ``str_key``); there is room for INTERN_ROOM of them (or as
        many as the seeds), then ``str_key`` leaves."""
        layout = self.transfer.layout
        consts = self.transfer.intern_keys
        if consts:
            self._strs(consts)
        seeds = self.seeds
        seeds.extend(a for a, v in layout.const_objects.items() if type(v) is str and len(v) != 1)
        n = len(seeds)
        room = max(getattr(self.transfer, "intern_room", INTERN_ROOM), n)      # (a FunctionMemory: INTERN_ROOM)
        # (a loop over a text's words may make a new str from each: pairs of them, say --
        # room for an eighth of them at once, not a doubling per entry, each splitting the
        # text again)
        room = max(room, min(INTERN_ROOM_MAX, self.split_words // 8))
        slots, size = intern_table_size(n, room)
        self.cost += 2 * n + RECORD_COST
        addr = _align(self.cursor, 16)
        end = addr + size
        self.cursor = _align(end, 16)
        view = self.transfer.ensure(end)
        base = STR_KEYS.FIRST + len(STR_KEYS.strs)
        at_seeds = addr + INTERN_HEADER
        at_slots = at_seeds + 8 * n
        at_new = at_slots + 8 * slots
        at_arena = at_new + 8 * room
        struct.pack_into("<12q", view, addr, 0, n, at_seeds, slots - 1, 0, room, base, at_slots, at_new, 0,
                         at_arena, end)
        view[at_seeds:at_slots] = memoryview(array("q", seeds)).cast("B")
        view[at_slots:at_new] = bytes(8 * slots)
        struct.pack_into("<I", view, layout.INTERN, addr)
        self.intern_at = addr
        self.intern_base = base

    def _intern_filled(self, view):
        """If native code gave every new number this entry's intern table had room for (a
        tokenizer's names, more than INTERN_ROOM distinct: its loop left native code at the
        next one, ran an iteration in the resume interpreter and entered again, its text
        copied again), the next entries' tables get twice the room, up to INTERN_ROOM_MAX."""
        count, room = struct.unpack_from("<qq", view, self.intern_at + 32)
        if count >= room and room < INTERN_ROOM_MAX:
            self.transfer.intern_room = max(self.transfer.intern_room, min(2 * room, INTERN_ROOM_MAX))

    def str_key(self, w):
        """The str a key word stands for (``jtypes.STR_KEYS``), or, for a number this entry's
        intern table gave a str made natively, that str (made once: ``seq``)."""
        base = self.intern_base
        if base is None or w < base:
            return STR_KEYS.key(w)
        rec = int.from_bytes(self.transfer.view[self.intern_at + 64:self.intern_at + 72], "little") \
            + 8 * (w - base)
        return self.seq(int.from_bytes(self.transfer.view[rec:rec + 8], "little"), STR)

    def str_keys(self, words) -> list:
        """``str_key`` of each of ``words``, the intern table's records read once: a dict
        that got thousands of new str keys natively (a word count) gets them at ~1 us each,
        not ~5."""
        base = self.intern_base
        key = STR_KEYS.key
        if base is None:
            return list(map(key, words))
        view = self.transfer.view
        table = int.from_bytes(view[self.intern_at + 64:self.intern_at + 72], "little")
        top = max(words, default=0)
        records = array("q")
        if top >= base:
            records.frombytes(view[table:table + 8 * (top - base + 1)])
        strs = self._strs_at({records[w - base] for w in words if w >= base})
        return [key(w) if w < base else strs[records[w - base]] for w in words]

    def _strs_at(self, addrs) -> dict:
        """The strs of the str records at ``addrs``: the very strs of those copied in (or
        constants), and those native code made, materialised at once where they lie
        together (``_made_strs``: a pair count's 23,000 new keys, one at a time, were
        ~1.6 us each) -- each then one object however many places hold it."""
        out = {}
        consts = self.transfer.layout.const_objects
        # (a str in the entry's heap was made natively; one outside it may be a copy)
        outside = self._outside_heap(addrs)
        made = dict.fromkeys(set(addrs).difference(outside))
        for a in outside:
            obj = self._copied(a)
            if obj is None:
                obj = consts.get(a)
            if obj is not None:
                out[a] = obj
            else:
                made[a] = None
        if len(made) > 1 and self._made_strs(self.transfer.view, made) is not None:
            self.by_address.update(made)
            out.update(made)
        else:
            out.update((a, self.made_seq(a, STR)) for a in made)
        return out

    @staticmethod
    def _made_str(view, addr) -> str:
        """The str of a record native code made (see ``made_seq``)."""
        n = _unpack_word(view, addr)[0]
        raw = view[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n].tobytes()
        low = raw[0::8]
        if not raw[1::8].strip(b"\0") and not raw[2::8].strip(b"\0"):
            return low.decode("latin-1")
        wide = bytearray(4 * n)
        wide[0::4] = low
        wide[1::4] = raw[1::8]
        wide[2::4] = raw[2::8]
        return wide.decode("utf-32-le", "surrogatepass")

    def _resolve_blocks(self):
        """Every record written at once (_tuples, _strs) into ``by_address``."""
        for addrs, objects in self.blocks:
            self.by_address.update(zip(addrs, objects))
        self.blocks.clear()

    def _copied(self, addr):
        """The object the entry copied in at ``addr`` (one record each, or one of a block
        written at once: _tuples, _strs), or the one made back of a record native code
        made in order (``made_blocks``), or None."""
        obj = self.by_address.get(addr)
        if obj is not None:
            return obj
        for addrs, objects in self.blocks:
            if addrs[0] <= addr <= addrs[-1]:
                i = _bisect(addrs, addr) - 1
                if addrs[i] == addr:
                    return objects[i]
        for at, made in self.made_blocks:
            if addr in at:
                return made[at.index(addr)]
        return None

    def obj(self, addr):
        obj = self._copied(addr)
        return obj if obj is not None else self.transfer.layout.const_objects[addr]

    def seq(self, addr, jt):
        """The list, tuple or str at ``addr`` of type ``jt``: one copied in (or a constant),
        or one native code made (a slice: ``Recorder.slice``), made a new Python object by
        its first use at this exit -- one object however many places hold it."""
        obj = self._copied(addr)
        if obj is None:
            obj = self.transfer.layout.const_objects.get(addr)
        return obj if obj is not None else self.made_seq(addr, jt)

    def made_seq(self, addr, jt):
        """The Python list, tuple or str of a record native code made: its elements as the
        record holds them now (a str's words are code points: latin-1 if they all fit,
        else UTF-32 of their three low bytes, as ``_spread_code_points`` wrote them)."""
        view = self.transfer.view
        if jt is STR:
            obj = self._made_str(view, addr)
        else:
            items = self._elements(view, addr, struct.unpack_from("<q", view, addr)[0], jt.elem)
            obj = tuple(items) if jt.kind == "tuple" else items
        self.by_address[addr] = obj
        return obj

    def heap(self):
        """The room for the objects native code makes (``new_obj``): HEAP_ROOM bytes after
        this entry's records, its pointer and limit in the layout's words."""
        start = _align(self.cursor, 16)
        view = self.transfer.ensure(start + HEAP_ROOM)
        layout = self.transfer.layout
        struct.pack_into("<II", view, layout.HEAP, start, start + HEAP_ROOM - SINK_ROOM)
        struct.pack_into("<I", view, layout.MADE_ROOM, self.transfer.made_room)
        self.cursor = start + HEAP_ROOM         # (a dict's table grows after it: heap_start)
        self.transfer.heap_from = start
        self.heap_at = start

    def instance(self, addr, jt):
        """The object at ``addr`` of type ``jt``: one copied in, or one native code made (and
        materialised by the first use at this exit: one Python object however many places
        hold it)."""
        obj = self.by_address.get(addr)
        if obj is None and self.made_blocks:
            obj = self._copied(addr)
        return obj if obj is not None else self.made(addr, jt)

    def maybe(self, addr, jt):
        """The object at ``addr`` of type ``jt`` (``instance``), or None for address 0 (a
        MaybeType's None)."""
        if not addr:
            return None
        obj = self.by_address.get(addr)
        if obj is None and self.made_blocks:
            obj = self._copied(addr)
        return obj if obj is not None else self.made(addr, jt)

    def made(self, addr, jt):
        """The Python object of a record native code made (docs/jit-data.md section 4):
        ``C.__new__(C)`` -- what calling the class makes before ``__init__`` -- with its
        ``__dict__`` filled in the order its ``__init__`` assigned the fields (``jt``: all of
        them, or, for an object whose ``__init__`` was running at the exit, those assigned
        so far). Its class has no custom ``__new__``, ``__setattr__``, ``__del__`` or data
        descriptor of these names (checked at entry), so this is the object CPython's
        ``__init__`` would have made; nothing saw it before."""
        klass = jt.klass
        obj = klass.__new__(klass)
        self.by_address[addr] = obj         # (before its fields: an object may hold itself)
        pending = self._unfilled
        pending.append((obj, addr, jt))
        if len(pending) > 1:
            # (the objects its fields hold are made by the first ``made`` of this exit, one
            # after another, not by recursion: a chain of 5000 nodes linked natively,
            # ``node.next = head``, overflowed the stack. Nothing sees an object before the
            # write-back ends: when each is filled is the program's to see no more than how)
            return obj
        try:
            k = 0
            while k < len(pending):
                o, a, t = pending[k]
                fill = _FILLERS.get(t)
                if fill is None:
                    fill = _FILLERS[t] = _filler(t)
                fill(o, t.struct.unpack_from(self.transfer.view, a + SEQ_HEADER), self.instance, self.maybe)
                k += 1
        finally:
            pending.clear()
        return obj


def _own_dict(obj):
    """``obj.__dict__`` as the object holds it (no ``__getattr__`` of the program's run),
    or None."""
    try:
        return object.__getattribute__(obj, "__dict__")
    except AttributeError:
        return None


def _tuples_in_records(view, lo: int, step: int, n: int, jt) -> list | None:
    """The tuples (of ``jt``'s numbers) of the ``n`` records lying from ``lo`` one every
    ``step`` bytes, all of one length, read in one pass (``struct.iter_unpack``); None if
    their lengths differ, or one would not fit its step."""
    k = _unpack_word(view, lo)[0]
    if not 0 <= k <= (step - SEQ_HEADER) // 8:
        return None
    last = lo + (n - 1) * step      # (the last record: read on its own, its step may pass the memory's end)
    if set(view[lo:last + SEQ_HEADER + 8 * k].cast("q")[0::step // 8].tolist()) != {k}:
        return None
    if not k:
        return [()] * n
    row = "<%dx%d%s" % (SEQ_HEADER, k, "d" if jt.elem is FLOAT else "q")
    tuples = list(struct.iter_unpack("%s%dx" % (row, step - SEQ_HEADER - 8 * k), view[lo:last]))
    tuples.append(struct.unpack_from(row, view, last))
    return tuples


def _filler(jt, bulk=False):
    """``fill(obj, values, instance, maybe)``: the fields of an object native code made, of
    type ``jt``, set from its record's ``values`` (a bool's word 0 or 1; an object's, or an
    object-or-None's, its record's address), made once a type as straight-line attribute
    stores in ``__init__``'s order. Its class's ``__setattr__`` is object's and no data
    descriptor but its slots' has these names (checked at entry), so each store is the
    dict's, the slot's (slots assigned later stay unset), or, for an object read without its
    ``__dict__`` (jtypes.instance_attrs), the object's own as ``object.__setattr__`` makes
    it: ~1 us an object of a particle's seven fields, where a loop over them took ~4. (Its
    fields' names are names the program's code assigns or reads: identifiers.)
    ``bulk``: ``fill(rows, klass)``, the list of the objects of ``klass`` made from each of
    ``rows``' values, one after another (``EntryRecords._made_in_order``: fields of numbers
    alone), each made as ``made`` makes one."""
    if bulk:
        lines = ["def fill(rows, klass):", "    out = []", "    append = out.append",
                 "    new = klass.__new__", "    for v in rows:", "        obj = new(klass)"]
        pad = "    "
    else:
        lines = ["def fill(obj, v, instance, maybe):"]
        pad = ""
    ns = {}
    for k, (name, ft) in enumerate(jt.fields):
        if ft is BOOL:
            value = "v[%d] != 0" % k
        elif isinstance(ft, InstanceType):
            ns["T%d" % k] = ft
            value = "instance(v[%d], T%d)" % (k, k)
        elif isinstance(ft, MaybeType):
            ns["T%d" % k] = ft.inner
            value = "maybe(v[%d], T%d)" % (k, k)
        else:
            value = "v[%d]" % k
        lines.append(pad + "    obj.%s = %s" % (name, value))
    if bulk:
        lines += ["        append(obj)", "    return out"]
    elif len(lines) == 1:
        lines.append("    pass")
    exec(compiled("\n".join(lines) + "\n", "<tauraro fill %s>" % jt.name), ns)
    return ns["fill"]


_FILLERS: dict = {}
_BULK_FILLERS: dict = {}


def _str_record(text: str, number: int) -> bytearray:
    """A str's record as bytes: its length, its key word ``number`` (0: none), a word a code
    point."""
    record = bytearray(16 + 8 * len(text))
    _HEADER.pack_into(record, 0, len(text), number)
    chars = bytearray(8 * len(text))
    _spread_code_points(text, chars)
    record[16:] = chars
    return record


def _spread_code_points(text: str, body: bytearray):
    """The code points of ``text`` into the 8-byte words of ``body`` (zeroed), one a word,
    at C speed: one encode and strided stores (latin-1 when it can; else UTF-32, a code
    point's three low bytes, as it is below 2**21)."""
    try:
        body[0::8] = text.encode("latin-1")
    except UnicodeEncodeError:
        wide = text.encode("utf-32-le", "surrogatepass")
        body[0::8] = wide[0::4]
        body[1::8] = wide[1::4]
        body[2::8] = wide[2::4]


def _of_type(value, jt) -> bool:
    """Is ``value`` of the element type ``jt``, by its Python type alone?"""
    if jt is STR:
        return type(value) is str
    if isinstance(jt, InstanceType):
        return type(value) is jt.klass
    if isinstance(jt, MaybeType):
        return value is None or type(value) is jt.klass
    if isinstance(jt, SeqType):
        return type(value) is SEQ_CLASSES[jt.kind]
    return type(value) is (float if jt is FLOAT else bool if jt is BOOL else int)


_PACKERS = {}


def _words(values, code: str) -> bytes:
    """The numbers ``values`` (exactly ints, for ``code`` "q", or floats, "d") as 8-byte
    little-endian words: struct packs them ~2-3x faster than ``array(code, values)`` (7 ns
    an int on the dev VM, against 20), and raises struct.error for an int past 64 bits."""
    n = len(values)
    packer = _PACKERS.get((code, n))
    if packer is None:
        packer = struct.Struct("<%d%s" % (n, code))
        if len(_PACKERS) < 256:        # (the lengths seen most: a table's rows)
            _PACKERS[(code, n)] = packer
    return packer.pack(*values)


def _progression(lo: int, hi: int, step: int) -> array:
    """``array("q", range(lo, hi, step))``, its words packed at once: the array's
    constructor takes an iterator's ints one append at a time, ~67 ns each on the dev VM
    against ~30 (the addresses of 135,000 tuples' records: 9 ms an entry against 4)."""
    out = array("q")
    out.frombytes(struct.pack("=%dq" % len(range(lo, hi, step)), *range(lo, hi, step)))
    return out


def _records_packer(record: str, m: int) -> struct.Struct:
    """The Struct packing ``m`` records of the format ``record`` (EntryRecords._tuples: the
    chunks of a list of tuples are all TUPLE_CHUNK long but the last)."""
    packer = _PACKERS.get((record, m))
    if packer is None:
        packer = struct.Struct("<" + record * m)
        if len(_PACKERS) < 256:
            _PACKERS[(record, m)] = packer
    return packer


def _int_words(values) -> bytes | None:
    """The list ``values`` of ints as words (``_words``); None if an element is not exactly
    an int, or is an int past 64 bits."""
    if not _all_of(values, int):
        return None
    try:
        return _words(values, "q")
    except struct.error:        # (an int past 64 bits)
        return None


class _Pointers:
    """The body of a list of bools or of small ints copied through its pointer array
    (flags.pointers_in, smallints.small_ints_in), ``n`` words long."""
    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = n

    def __len__(self):
        return 8 * self.n


WIDEN_MIN = 256     # (a shorter str's code points are spread from Python: a call saves little)


def _code_point_bytes(text: str) -> tuple:
    """(bytes, width) of ``text``'s code points as ``str.encode`` gives them at C speed:
    latin-1, a byte each, if they all fit, else UTF-32, four (lone surrogates too)."""
    try:
        return text.encode("latin-1"), 1
    except UnicodeEncodeError:
        return text.encode("utf-32-le", "surrogatepass"), 4


class _Slots:
    """The addresses of the words of a str's split() (``EntryRecords._split``), read from
    the list record's slots in memory when an exit asks (ascending: the words lie in
    order): a block's addresses (``EntryRecords.blocks``) without copying 10^6 of them at
    every entry."""

    def __init__(self, transfer, at: int, n: int):
        self.transfer, self.at, self.n = transfer, at, n
        # (the first and the last, which every look through the blocks reads: EntryRecords._copied)
        self.first = struct.unpack_from("<q", transfer.view, at)[0] if n else 0
        self.last = struct.unpack_from("<q", transfer.view, at + 8 * (n - 1))[0] if n else 0

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i == 0:
            return self.first
        if i == -1:
            return self.last
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return struct.unpack_from("<q", self.transfer.view, self.at + 8 * i)[0]

    def __iter__(self):
        return iter(array("q", self.transfer.view[self.at:self.at + 8 * self.n]))


class _Spread:
    """The body of a str's record, its code points spread straight into the memory, a word
    each (``_spread_code_points``, over the words zeroed first): a 4.5*10^6-character text
    was spread into a fresh 36 MB bytearray, copied into the memory and copied again to be
    held in ``PACKED`` -- three passes over fresh pages (~20 ms each on the dev VM) where
    one does. A long one's bytes are made words by the module, if it has ``widen``
    (wasmgen.widen), faster than the strided stores spreading them from Python (~5 ns a
    character) and as fast as copying bytes held in ``PACKED``, which are then not held
    (another copy of 8 bytes a character, its fresh pages ~0.6 ns a byte: as long as the
    spread took). Spread from Python, a str is held, for the next version's entry."""
    __slots__ = ("n",)

    def __init__(self, text: str):
        self.n = len(text)

    def __len__(self):
        return 8 * self.n


class _Flags:
    """The low bytes of a list of bools' words (flags.flags_bytes), written into memory
    with the other seven bytes of each word zeroed (``EntryRecords.record``)."""
    __slots__ = ("low",)

    def __init__(self, low: bytes):
        self.low = low

    def __len__(self):
        return 8 * len(self.low)


def _packing(obj, jt) -> str | None:
    """How ``obj`` (of type ``jt``) is packed, if its packed body may be held across entries
    (resident.PACKED): a list or tuple of ints ("q") or floats ("d"), a list of bools
    ("flags"), a str ("str"); None for anything else (arrays are copied as they are in
    memory; lists of objects, of lists, of strs are records of records)."""
    if jt is STR:
        return "str"
    if jt.kind == "array":
        return None
    elem = jt.elem
    if elem is INT:
        return "q"
    if elem is FLOAT:
        return "d"
    if elem is BOOL and type(obj) is list:
        return "flags"
    return None


def _is_table(t) -> bool:
    return isinstance(t, (DictType, SetType))


def _all_of(seq, t: type) -> bool:
    """Is every element of ``seq`` of exactly the type ``t``? (Counted: ``list(map(type,
    seq)).count(t)`` takes ~12 ns an element, ``set(map(type, seq))`` ~21, of a float
    list's copy's ~40 in all; exact, types comparing by identity.)"""
    return list(map(type, seq)).count(t) == len(seq)


def spare_room(n: int, growth: int = 0) -> int:
    """The capacity reserved for a resizable list of ``n`` elements: as much again, and at
    least 64 more (a list growing in a loop leaves native code about log2(its final length)
    times, each next entry copying it in again: linear in all), or ``growth`` more (what
    the loop is expected to add to one list before it ends: Transfer.growth_hint)."""
    return max(2 * n + 64, n + growth)


def _held(it, iters) -> bool:
    """Is iterator ``it`` one another of the entry's variables took in already (``iters``:
    var -> (iterator, ...), and the tuples kept as virtuals)?"""
    return any(type(held) is tuple and held and held[0] is it for held in iters.values())


def _seq_iter_parts(it, jt, recs):
    """(record address, index) of a list/tuple iterator, or None -- also if another of the
    loop's variables holds the very same iterator (the loop's own, passed to a callee that
    calls ``next`` on it): each would have its own position natively, and the exit would
    write back one over the other."""
    if _held(it, recs.iters):
        return None
    state = it.__reduce__()
    if len(state) != 3:
        return None
    seq = state[1][0]
    if jt.seq.kind == "array" and seq.typecode != jt.seq.typecode:
        return None         # (every array's iterator is an arrayiterator: a 'd' array's too)
    addr = recs.record(seq, jt.seq)
    if addr is None:
        return None
    return addr, state[2]


class Transfer:
    # lists newly kept by any version in this process: an entry that kept one paid for a copy
    # the next entries will not (a comprehension site does not time such a run)
    lists_kept = 0
    flag_fns = None     # (until attach)
    widen_fn = None
    expand_fn = None
    ints_fn = None

    def __init__(self, layout: FrameLayout, entry_vars: list, types: tuple, exits: list, instance,
                 code, class_attributes=(), cell_checks=(), element_lists=None, allocates=False,
                 str_keys=False, intern_keys=None, tails=frozenset(), splits=()):
        """``class_attributes``: ((class, name), raw attribute) the compiled code read at
        compile time; every entry checks each is still there. ``cell_checks``: (register,
        cell, same): is the loop's cell in that register that very cell of an inlined
        closure (``inline.CellMap``), as at compile time. ``element_lists``: var -> vars,
        int lists (or iterators over them) whose elements the code assumes within 2**32
        (passes/accumulate), none of them the same list as the lists in its vars, which
        native code stores into; an entry finding otherwise sets ``assumption_failed``.
        ``instance``: the native instance whose memory the values go through, or None to
        ``attach`` it later. ``tails``: the variables holding lists the code only appends
        to (``LoopRegion.tail_lists``): copied in empty (``EntryRecords.tail``), after
        every other variable's value. ``splits``: (iterator register, text register) of a
        loop over ``text.split()`` (tauraro.jit.splits)."""
        self.layout = layout
        self.splits = tuple(splits)
        self.generated_seconds = 0.0      # making enter and leave functions (compile work, not transfer)
        # making the elements of a comprehension's list native code built (EntryRecords.built):
        # the comprehension's product, which CPython makes too, not a copy (see built)
        self.built_seconds = 0.0
        self.copy_limit = COPY_LIMIT      # what the next entry may copy in (layout.copy_limit)
        # (does its code store into lists, marking records dirty? Then an entry is charged for
        # writing its lists back too: set by the controller's compile)
        self.stores_lists = False
        # (the variables whose lists its stores may reach, ir.stores; None: any of them)
        self.stored_vars = None
        self.link_limit = COPY_LIMIT      # what of it links may reach (layout.LINK_LIMIT)
        # long strings' records, kept from one entry to the next (id -> (the string, address)):
        # a tokenizer's inner loops, entered once a token, copy the text once
        self.kept = {}
        self.kept_end = layout.data_base
        # (how far up its memory this version has written, at most: pages below it are
        # warm, and may be moved to another version's memory between its entries, pages.py)
        self.warm_end = layout.data_base
        self.moved_in = self.moved_out = 0      # (bytes of pages moved so, in and out)
        self.heap_from = 0      # (where this entry's room for objects native code makes starts: EntryRecords.heap)
        # the least room an appended-to list's record gets (EntryRecords.tail): doubled each
        # time an exit finds one filled, so a row of 440 appends is one entry, not four
        self.tail_room = 0
        self.made_room = MADE_ROOM_MIN      # (elements: the room of a list native code makes, new_list)
        self.tail_hint = 0      # (the iterations the loop has left at this entry, if known: tail)
        # (elements a resizable list gains an iteration, at most, as last measured when its
        # room filled -- more_room -- and the room that gives a list for the iterations the
        # loop has left at this entry: spare_room)
        self.growth_rate = 0.0
        self.growth_hint = 0
        # (the new numbers an entry's intern table has room for: doubled each time an exit
        # finds one filled, EntryRecords._intern_filled)
        self.intern_room = INTERN_ROOM
        # (lists of numbers: id -> True once copied by an entry, False once found changed,
        # ``EntryRecords._keep``; kept only by a version storing into no list)
        self.seen_lists = {}
        self.keeps_lists = True
        self.element_lists = dict(element_lists or {})
        self.assumption_failed = False
        self.class_attributes = list(class_attributes)
        self.cell_checks = list(cell_checks)
        if instance is not None:
            self.attach(instance)
        self.code = code
        self.types = dict(zip(entry_vars, types))
        self.tails = frozenset(v for v in tails if isinstance(self.types.get(v), SeqType)
                               and self.types[v].kind == "list" and self.types[v].resizable)
        # (strings are SeqTypes)
        # (a dict or set anywhere in what the entry copies -- an object's field, say: its
        # table grows into the free memory past the records)
        self.dicts = any(reaches(t, _is_table) for t in types)
        self.needs_records = any(isinstance(t, (SeqType, SeqIterType, CombinedIter, TupleValue, BuiltListType,
                                                InstanceType, MaybeType, DictType, SetType, DictIterType))
                                 or t in RANGE_ITERS
                                 for t in self.types.values() if not t.static) or any(
            isinstance(t, (SeqType, SeqIterType, CombinedIter, InstanceType, MaybeType, DictType, DictGet, SetType, SetMethod, DictIterType))
            for rec in exits for _, t in rec.extras)
        # (a version making objects gives them room at every entry: EntryRecords.heap)
        self.allocates = allocates
        # (the version uses strs copied in as keys of dicts or sets: each str record's second
        # word is its key word, jtypes.STR_KEYS, which ``str_key`` reads)
        self.str_keys = str_keys
        # (the version numbers strs it makes by their contents, emit.interns: each entry makes
        # an intern table, EntryRecords.intern, seeded with these str constants among others)
        self.intern = intern_keys is not None
        self.intern_keys = sorted(intern_keys) if intern_keys else []
        self.needs_records = self.needs_records or allocates
        self.n_counters = len(layout.counter_off)
        self._counters = struct.Struct("<%dq" % self.n_counters)
        # a version whose only objects are range iterators keeps them in a plain dict
        self.full_records = self.needs_records and any(
            isinstance(t, (SeqType, SeqIterType, CombinedIter, BuiltListType, InstanceType, MaybeType, DictType, SetType, DictIterType))
            for t in self.types.values()
            if not t.static) or any(isinstance(t, (SeqType, SeqIterType, CombinedIter, InstanceType, MaybeType, DictType, DictGet, SetType, SetMethod, DictIterType))
                                    for rec in exits for _, t in rec.extras) or allocates
        self.iters = "recs.iters" if self.full_records else "recs"
        ns = {"T": self, "UNB": UNBOUND, "pack_into": struct.pack_into,
              "unpack_from": struct.unpack_from, "EntryRecords": EntryRecords, "classify": classify,
              "range_iter_state": range_iter_state, "_rev": _reversed_at, "class_lookup": class_lookup,
              "_enumerate": enumerate, "_zip": zip, "_slice": slice, "seq_iter_parts": _seq_iter_parts,
              "combined_parts": _combined_parts, "callee_registers": _callee_registers, "tuple_words": _tuple_words, "same_tuple": _same_tuple,
              "RI": _range_iterator, "LI": _list_iterator, "Building": Building, "TI": _tuple_iterator,
              "MIN": I64_MIN, "MAX": I64_MAX, "_iter": iter, "_range": range, "_chr": chr,
              "it_state": _it_state, "range_iter_entry": _range_iter_entry, "cell_get": _cell_get}
        self._consts = ns
        self._name = "<tauraro transfer %s>" % code.qualname
        self.source = ""
        # The generated ``enter`` is compiled at the second entry: most loops are entered
        # once, and compiling it (~0.1 ms) would cost more than that one entry saves. The
        # first runs the same checks and packing interpreted (``_first_enter``), where it
        # knows every type the version takes in.
        self._entry_vars = entry_vars
        static = [v for v in entry_vars if self.types[v].static]
        self._order = static + [v for v, _ in layout.inputs]    # the slots' order
        if self.class_attributes or self.cell_checks or allocates or not all(self.types[v].static or self.types[v] in _INTERPRETED
                                            or isinstance(self.types[v], (SeqType, SeqIterType, InstanceType, MaybeType, DictType, SetType, DictIterType))
                                            for v in self._order):
            self._compile_enter()
        else:
            self.enter = self._first_enter
        # A leave function per exit is generated when that exit is first taken (most
        # exits are guards that never fail); exits writing back the same extras share one.
        # Exit ids count from 1: exit n's function is leave[n - 1].
        self._exits = exits
        self._by_extras = {}
        self.leave = [self._lazy_leave(rec) for rec in exits]

    def remember(self, key, keep: bool):
        """Note a list copied (True) or found changed (False) (``EntryRecords._keep``)."""
        seen = self.seen_lists
        if len(seen) >= SEEN_MAX:
            seen.clear()
        seen[key] = keep

    def stores_into(self, var) -> bool:
        """May the version write back lists reached through the variable ``var``
        (``ir.stores``)? Those are charged for writing back (``layout.element_cost``)."""
        return self.stores_lists and (self.stored_vars is None or var in self.stored_vars)

    def kept_list(self, obj):
        """(``holding(obj)``, its record's address, its snapshot) if a record of the list or
        tuple ``obj`` is kept (``EntryRecords._keep``), changed since or not; else None."""
        kept = self.kept.get(id(obj))
        return kept if kept is not None and len(kept) == 3 and is_held(kept[0], obj) else None

    def is_kept(self, obj) -> bool:
        """Would an entry find ``obj``'s record kept, and not copy it (``EntryRecords._kept``),
        or its packed body held, and copy those bytes (the cost model's question, before an
        entry: ``layout.least_cost``)?"""
        kept = self.kept_list(obj)
        # (or packed by an entry of any version, unchanged: a memory copy -- resident.PACKED.
        # Seemingly unchanged: the copy checks in full what it finds kept or held)
        return kept is not None and likely_unchanged(obj, kept[2]) or PACKED.holds(obj)

    def attach(self, instance):
        self.instance = instance
        self.view = instance.memory_view()
        MEMORIES.add(self)
        # (the module's functions copying long lists of bools, if it has them: flags.py)
        self.flag_fns = (instance.entry("flags_in", _FLAGS_IN), instance.entry("flags_out", _FLAGS_OUT)) \
            if self.layout.copies_flags else None
        # (the one turning a list's pointers to small ints into them: smallints.py)
        self.ints_fn = instance.entry("ints_in", _INTS_IN) if self.layout.copies_ints else None
        # (and the one spreading a long str's bytes into its record's words: wasmgen.widen)
        self.widen_fn = instance.entry("widen", _WIDEN) if self.layout.copies_strs else None
        # (and the one laying out a long list of few distinct strs' records: wasmgen.expand)
        self.expand_fn = instance.entry("expand", _EXPAND) if self.layout.copies_str_seqs else None
        # (the one writing a str's split() as a list of records: tauraro.jit.splits)
        self.split_fn = instance.entry("str_split", _SPLIT) if self.splits else None
        # (the one giving a long list of strs' records their codes: EntryRecords._str_codes)
        self.codes_fn = instance.entry("addr_codes", _CODES) if self.intern else None

    def _compile_enter(self):
        t0 = _clock()
        text = self._enter_source(self._entry_vars)
        exec(compiled(text, self._name), self._consts)
        self.enter = self._consts["enter"]
        self.source = text + self.source
        self.generated_seconds += _clock() - t0

    def _first_enter(self, r, G, B):
        """The first entry: what the generated ``enter`` does, the same checks in the same
        order, interpreted; the next entry compiles it."""
        self.enter = self._second_enter
        types = self.types
        if self.full_records:
            recs = EntryRecords(self)
            if self.splits:
                recs.note_splits(r)
            iters = recs.iters
        else:
            recs = iters = {} if self.needs_records else None
        words = []
        addrs = {}
        tails = []
        for var in self._order:
            jt = types[var]
            if is_cell(var):
                v = _cell_get(var[1].cell if isinstance(var[1], CellVar) else r[var[1]])
            elif is_global(var):
                v = G.get(var[1], UNBOUND)
                if v is UNBOUND:
                    v = B.get(var[1], UNBOUND)
            else:
                v = r[var]
            if self.full_records and self.stores_lists:
                recs.storing = self.stores_into(var)
            if jt.static:
                if not static_ok(v, jt):
                    return None
            elif jt is INT:
                if type(v) is not int or not I64_MIN <= v <= I64_MAX:
                    return None
                words += (jt.tag, v)
            elif jt is FLOAT:
                if type(v) is not float:
                    return None
                words += (jt.tag, v)
            elif jt is BOOL:
                if type(v) is not bool:
                    return None
                words += (jt.tag, 1 if v else 0)
            elif jt is CHAR:
                if type(v) is not str or len(v) != 1:
                    return None
                words += (jt.tag, ord(v))
            elif jt in RANGE_ITERS:
                if type(v) is not _range_iterator:
                    return None
                w = _range_iter_entry(v, iters, var)
                if w is None or (jt.direction and (w[2] < 0 if jt.direction > 0 else w[2] > 0)) \
                        or (jt.nonneg and w[0] < 0):
                    return None
                words += (jt.tag, w[0], w[1], w[2])
            elif isinstance(jt, SeqType):
                if type(v) is not SEQ_CLASSES[jt.kind] or jt.kind == "array" and v.typecode != jt.typecode:
                    return None
                if var in self.tails:       # (its record after every other's)
                    tails.append((var, v, jt, len(words) + 1))
                    words += (jt.tag, None)
                    continue
                w = recs.record(v, jt)
                if w is None:
                    return None
                addrs[var] = w
                words += (jt.tag, w) if jt.resizable else (jt.tag, w, len(v))
            elif isinstance(jt, InstanceType):
                if type(v) is not jt.klass:
                    return None
                w = recs.record(v, jt)
                if w is None:
                    return None
                words += (jt.tag, w)
            elif isinstance(jt, MaybeType):     # (None: 0)
                if v is None:
                    w = 0
                else:
                    if type(v) is not jt.klass:
                        return None
                    w = recs.record(v, jt.inner)
                    if w is None:
                        return None
                words += (jt.tag, w)
            elif isinstance(jt, (DictType, SetType, DictIterType)):
                if type(v) is not _table_pytype(jt):
                    return None
                w = recs.record(v, jt)
                if w is None:
                    return None
                words += (jt.tag, w)
            else:       # a list or tuple iterator
                if type(v) not in _SEQ_ITERATORS[jt.seq.kind]:
                    return None
                w = _seq_iter_parts(v, jt, recs)
                if w is None:
                    return None
                recs.iters[var] = (v, 0, 1)
                addrs[var] = w[0]
                words += (jt.tag, w[0], w[1])
        for var, v, jt, at in tails:
            w = words[at] = addrs[var] = recs.tail(v, jt)
            if w is None:
                return None
        for var, stored in self.element_lists.items():
            if not recs.small(addrs[var]) or any(addrs.get(x) == addrs[var] for x in stored):
                self.assumption_failed = True
                return None
        if words:
            struct.pack_into(self.layout.in_fmt, self.view, self.layout.slot_base, *words)
        if self.intern:
            recs.intern()
        if self.dicts:
            self.heap_start(recs)
        self.view[0:8] = b'\0\0\0\0\0\0\0\0'
        return recs if self.needs_records else True

    def _second_enter(self, r, G, B):
        self._compile_enter()
        return self.enter(r, G, B)

    def _lazy_leave(self, rec):
        def leave(r, G, recs):
            fn = self._leave_function(rec)
            self.leave[rec.id - 1] = fn
            return fn(r, G, recs)
        return leave

    def _leave_function(self, rec):
        key = (rec.fmt, tuple(rec.extras), rec.callees)
        fn = self._by_extras.get(key)
        if fn is None:
            t0 = _clock()
            text = self._leave_source(rec)
            exec(compiled(text, self._name), self._consts)
            fn = self._by_extras[key] = self._consts["leave_%d" % rec.id]
            self.source += "\n" + text
            self.generated_seconds += _clock() - t0
        return fn

    def ran(self, recs):
        """An entry of a version copying records (``recs``, its EntryRecords) ended: what it
        wrote is warm, its records and the objects native code made after them (up to the
        allocation pointer, the word at HEAP, where the entry gave them room: ``heap_from``).
        (Not the room itself, most of it never written, nor a dict's table grown past it.)"""
        if self.heap_from:
            written = max(self.heap_from, struct.unpack_from("<I", self.view, self.layout.HEAP)[0])
            self.heap_from = 0
        else:
            written = recs.cursor
        self.warm_end = min(max(self.warm_end, written), len(self.view))

    def gave(self, top: int):
        """Its memory's pages from ``top`` up (past the records it keeps) were moved to
        another version's (pages.py): fresh ones there now."""
        self.warm_end = min(self.warm_end, top)

    def lost_memory(self):
        """Pages moved from its memory could not be replaced (pages.move): it never enters
        again."""
        self.enter = _never_enters
        MEMORIES.transfers.discard(self)

    def heap_start(self, recs):
        """Free memory starts after the records this entry wrote: a dict's table grows there."""
        at = self.layout.FREE
        self.view[at:at + 4] = recs.cursor.to_bytes(4, "little")

    def fresh_view(self):
        """The memory view, made again if native code grew memory (a dict's table grew
        past its end: the word at FREE is where its free memory now starts)."""
        at = self.layout.FREE
        if int.from_bytes(self.view[at:at + 4], "little") > len(self.view):
            self.view = self.instance.memory_view()
        return self.view

    def more_room(self, grown: int = 0, iterations: int = 0):
        """An exit found a resizable list's room full: the lists native code makes from now
        on (``new_list``) get twice the room (a ray tracer's row of 440 shades left at 64,
        128 and 256 elements, then never); and the lists copied in, room for what they grew
        by in the ``iterations`` this entry ran -- ``grown`` elements, the most one list
        gained -- over the iterations the loop has left at the next entry (growth_hint).
        A loop over 300,000 deposits appending each to one of 100 accounts' histories left
        native code five times as those filled at 64, 192, 448... elements, each next entry
        copying every history in again."""
        self.made_room = min(2 * self.made_room, TAIL_ROOM_MAX)
        if grown > 0 and iterations > 0:
            self.growth_rate = max(self.growth_rate, grown / iterations)

    def hint_growth(self, left):
        """The room (spare_room's ``growth``) a resizable list gets at the entry about to be
        made, the loop having ``left`` iterations left (None or -1 if not known): what it
        was measured to gain over them, a quarter more, at most TAIL_ROOM_MAX."""
        rate = self.growth_rate
        self.growth_hint = min(int(rate * left * 1.25) + 64, TAIL_ROOM_MAX) if rate and left and left > 0 else 0

    def set_budget(self, frames: int):
        """How many native frames calls of functions compiled whole may open (this entry)."""
        at = self.layout.BUDGET
        self.view[at:at + 4] = max(frames, 0).to_bytes(4, "little")

    def exit_taken(self) -> int:
        """The id of the exit the last native run took (0 if it did not return)."""
        at = self.layout.EXIT_TAKEN
        return int.from_bytes(self.view[at:at + 4], "little")

    def ensure(self, end: int):
        """The memory view, grown to hold ``end`` bytes: by half its size at least (a
        table's 1600 rows grew it a page at a time, 195 times, and each new view is a new
        ctypes array type: 17 ms of a 240 ms entry), or by what is needed if that is more
        than the 4 GiB of a wasm memory allows."""
        if end > len(self.view):
            need = (end - len(self.view)) // 65536 + 1
            try:
                self.instance.grow_memory(max(need, len(self.view) // 131072))
            except NativeError:
                self.instance.grow_memory(need)
            self.view = self.instance.memory_view()
        return self.view

    def _const(self, value) -> str:
        name = "K%d" % len(self._consts)
        self._consts[name] = value
        return name

    def _read(self, var) -> str:
        if is_cell(var):
            if isinstance(var[1], CellVar):     # an inlined closure's cell (the cell itself)
                return "cell_get(%s)" % self._const(var[1].cell)
            return "cell_get(r[%d])" % var[1]
        if is_global(var):
            name = var[1]
            return "G.get(%r, UNB)\n    if v is UNB:\n        v = B.get(%r, UNB)" % (name, name)
        return "r[%d]" % var

    # --- entry --------------------------------------------------------------------------------
    def _enter_source(self, entry_vars) -> str:
        lines = ["def enter(r, G, B):"]
        if self.full_records:
            lines.append("    recs = EntryRecords(T)")
            if self.splits:
                lines.append("    recs.note_splits(r)")
        elif self.needs_records:
            lines.append("    recs = {}")
        words = []
        static = [v for v in entry_vars if self.types[v].static]
        order = static + [v for v, _ in self.layout.inputs]    # the slots' order
        # Registers holding ints and floats are read straight into their words and checked
        # by one condition per run of them: the same tests, in fewer statements (compiling
        # this source is most of a Transfer's cost, ~3 us a line)
        checks = []
        tails = []              # (the source of its value, its JType, its address's name: Transfer.tails)
        addrs = {}              # var -> the source of its record's address (lists, their iterators)
        for k, var in enumerate(order):
            jt = self.types[var]
            if (jt is INT or jt is FLOAT) and not is_cell(var) and not is_global(var):
                w = "w%d" % k
                lines.append("    %s = r[%d]" % (w, var))
                checks.append("type(%s) is not int or not MIN <= %s <= MAX" % (w, w) if jt is INT
                              else "type(%s) is not float" % w)
                words += [str(jt.tag), w]
                continue
            if checks:
                lines.append("    if %s:\n        return None" % " or ".join(checks))
                checks = []
            lines.append("    v = " + self._read(var))
            if jt.static:
                lines.append("    if not (%s):\n        return None" % static_test("v", jt, self._const))
                continue
            if self.full_records and self.stores_lists:     # (what its copies are charged: stores_into)
                lines.append("    recs.storing = %r" % self.stores_into(var))
            w = "w%d" % k
            if jt is INT:
                lines.append("    if type(v) is not int or not MIN <= v <= MAX:\n        return None")
                lines.append("    %s = v" % w)
                words += [str(jt.tag), w]
            elif jt is FLOAT:
                lines.append("    if type(v) is not float:\n        return None")
                lines.append("    %s = v" % w)
                words += [str(jt.tag), w]
            elif jt is CHAR:
                lines.append("    if type(v) is not str or len(v) != 1:\n        return None")
                lines.append("    %s = ord(v)" % w)
                words += [str(jt.tag), w]
            elif jt is BOOL:
                lines.append("    if type(v) is not bool:\n        return None")
                lines.append("    %s = 1 if v else 0" % w)
                words += [str(jt.tag), w]
            elif isinstance(jt, SeqType):
                if jt.kind == "array":
                    lines.append("    if type(v) is not %s or v.typecode != %r:\n        return None"
                                 % (self._const(array), jt.typecode))
                else:
                    lines.append("    if type(v) is not %s:\n        return None" % jt.kind)
                if var in self.tails:       # (its record after every other's)
                    lines.append("    %sv = v" % w)
                    tails.append((w + "v", jt, w))
                else:
                    lines.append("    %s = recs.record(v, %s)\n    if %s is None:\n        return None"
                                 % (w, self._const(jt), w))
                addrs[var] = w
                if jt.resizable:        # (its length is in its record only)
                    words += [str(jt.tag), w]
                else:
                    lines.append("    %sn = len(v)" % w)
                    words += [str(jt.tag), w, w + "n"]
            elif isinstance(jt, (DictType, SetType, DictIterType)):
                lines.append("    if type(v) is not %s:\n        return None" % self._const(_table_pytype(jt)))
                lines.append("    %s = recs.record(v, %s)\n    if %s is None:\n        return None"
                             % (w, self._const(jt), w))
                words += [str(jt.tag), w]
            elif isinstance(jt, InstanceType):
                lines.append("    if type(v) is not %s:\n        return None" % self._const(jt.klass))
                lines.append("    %s = recs.record(v, %s)\n    if %s is None:\n        return None"
                             % (w, self._const(jt), w))
                words += [str(jt.tag), w]
            elif isinstance(jt, MaybeType):     # (None: 0)
                lines.append("    if v is None:\n        %s = 0\n    elif type(v) is not %s:\n        return None"
                             % (w, self._const(jt.klass)))
                lines.append("    else:\n        %s = recs.record(v, %s)\n        if %s is None:\n            return None"
                             % (w, self._const(jt.inner), w))
                words += [str(jt.tag), w]
            elif isinstance(jt, ReducerType):      # sum/min/max of a generator expression: from nothing
                lines.append("    if type(v) is not Building or v.reduce != %r or v.elem is not %s:\n"
                             "        return None" % (jt.kind, self._const(jt.elem)))
                words += [str(jt.tag)] + ["0.0" if vt == "f64" else "0" for _, vt in jt.parts]
            elif isinstance(jt, BuiltListType):    # a comprehension's list, grown natively
                lines.append("    if type(v) is not Building or v.elem is not %s or v.list:\n        return None"
                             % self._const(jt.elem))
                lines.append("    %s = recs.reserve(v)" % w)
                words += [str(jt.tag), w, "0"]
            elif jt in RANGE_ITERS:
                lines.append("    if type(v) is not RI:\n        return None")
                lines.append("    %s = range_iter_entry(v, %s, %r)" % (w, self.iters, var))
                tests = ["%s is None" % w]
                if jt.direction:    # the version counts in one direction
                    tests.append("%s[2] %s 0" % (w, "<" if jt.direction > 0 else ">"))
                if jt.nonneg:       # (and from 0 up)
                    tests.append("%s[0] < 0" % w)
                lines.append("    if %s:\n        return None" % " or ".join(tests))
                words += [str(jt.tag), "%s[0]" % w, "%s[1]" % w, "%s[2]" % w]
            elif isinstance(jt, SeqIterType):
                lines.append("    if type(v) not in %s:\n        return None" % self._const(_SEQ_ITERATORS[jt.seq.kind]))
                lines.append("    %s = seq_iter_parts(v, %s, recs)\n    if %s is None:\n        return None"
                             % (w, self._const(jt), w))
                lines.append("    recs.iters[%r] = (v, 0, 1)" % (var,))
                addrs[var] = "%s[0]" % w
                words += [str(jt.tag), "%s[0]" % w, "%s[1]" % w]
            elif isinstance(jt, TupleValue):       # a tuple the loop keeps as a virtual
                lines.append("    %s = tuple_words(v, %s)\n    if %s is None:\n        return None"
                             % (w, self._const(jt), w))
                lines.append("    %s[%r] = v" % (self.iters, ("tuple", var)))
                words += [str(jt.tag)] + ["%s[%d]" % (w, j) for j in range(len(jt.parts))]
            elif isinstance(jt, CombinedIter):     # the loop's own zip or reversed
                lines.append("    %s = combined_parts(v, %s, recs, %r)\n    if %s is None:\n        return None"
                             % (w, self._const(jt), var, w))
                words += [str(jt.tag)] + ["%s[%d]" % (w, j) for j in range(len(jt.parts))]
            elif jt in RANGES:
                lines.append("    if type(v) is not range or classify(v) is not %s:\n        return None"
                             % self._const(jt))
                words += [str(jt.tag), "v.start", "v.stop", "v.step"]
            else:
                raise AssertionError("no entry check for %s" % jt.name)
        if checks:
            lines.append("    if %s:\n        return None" % " or ".join(checks))
        for value, jt, w in tails:
            lines.append("    %s = recs.tail(%s, %s)\n    if %s is None:\n        return None"
                         % (w, value, self._const(jt), w))
        for var, stored in self.element_lists.items():
            tests = ["not recs.small(%s)" % addrs[var]] + ["%s == %s" % (addrs[x], addrs[var])
                                                           for x in stored if x in addrs]
            lines.append("    if %s:\n        T.assumption_failed = True\n        return None" % " or ".join(tests))
        for (klass, name), raw in self.class_attributes:
            lines.append("    if not (%s):\n        return None" % lookup_unchanged(klass, name, raw, self._const))
        for reg, cell, same in self.cell_checks:
            lines.append("    if r[%d] is %s%s:\n        return None" % (reg, "not " if same else "",
                                                                        self._const(cell)))
        view = "T.view"
        if self.allocates:      # (the objects' room first: a dict's table grows past it)
            lines.append("    recs.heap()")
        if self.intern:     # (after every record the entry wrote: they seed it)
            lines.append("    recs.intern()")
        if self.dicts:
            lines.append("    T.heap_start(recs)")
        if words:
            lines.append("    pack_into(%r, %s, %d, %s)" % (self.layout.in_fmt, view, self.layout.slot_base,
                                                           ", ".join(words)))
        lines.append("    %s[0:8] = b'\\0\\0\\0\\0\\0\\0\\0\\0'" % view)     # the interrupt flag, the exit taken
        lines.append("    return recs" if self.needs_records else "    return True")
        return "\n".join(lines) + "\n"

    # --- exits -----------------------------------------------------------------------------------
    def _store(self, var, expr) -> str:
        frame = getattr(var, "frame", None)
        if frame is not None:       # a register of an inlined callee's frame (CalleeRegister)
            return "    C[%d][%d] = %s" % (self._callee_index[frame], var.reg, expr)
        if is_cell(var):
            if isinstance(var[1], CellVar):
                return "    %s.cell_contents = %s" % (self._const(var[1].cell), expr)
            return "    r[%d].cell_contents = %s" % (var[1], expr)
        if is_global(var):
            return "    G[%r] = %s" % (var[1], expr)
        return "    r[%d] = %s" % (var, expr)

    def _value(self, jt, words: list[str], var, carried: bool) -> str | None:
        """Python source of the value from its payload words."""
        if jt is INT or jt is FLOAT:
            return words[0]
        if jt is BOOL:
            return "%s != 0" % words[0]
        if jt is CHAR:
            return "_chr(%s)" % words[0]
        if isinstance(jt, CharMethod):      # (between c.isdigit and its call)
            return "_chr(%s).%s" % (words[0], jt.method)
        if isinstance(jt, StrMethod):       # (between s.startswith and its call)
            return "recs.seq(%s, %s).%s" % (words[0], self._const(STR), jt.method)
        if isinstance(jt, ListMethod):      # (between lst.append and its call)
            return "recs.seq(%s, %s).%s" % (words[0], self._const(jt.seq), jt.method)
        if isinstance(jt, InstanceType):        # (made natively: materialised now)
            return "recs.instance(%s, %s)" % (words[0], self._const(jt))
        if isinstance(jt, MaybeType):           # (0: None)
            return "recs.maybe(%s, %s)" % (words[0], self._const(jt.inner))
        if isinstance(jt, SeqType):     # (one native code made, a slice: made now)
            return "recs.seq(%s, %s)" % (words[0], self._const(jt))
        if isinstance(jt, (DictType, SetType, DictIterType)):
            return "recs.obj(%s)" % words[0]
        if isinstance(jt, SetMethod):       # (between s.add and its call)
            return "recs.obj(%s).%s" % (words[0], jt.method)
        if isinstance(jt, DictGet):         # (between d.get and its call)
            return "recs.obj(%s).get" % words[0]
        if isinstance(jt, BuiltListType):
            return "recs.built(%s, %s, %s)" % (words[0], words[1], self._const(jt.elem))
        if isinstance(jt, ReducerType):     # (its parts: the site makes the result of them)
            return "(%s,)" % ", ".join(words)
        if jt in RANGE_ITERS:
            if carried:   # the very iterator object the frame holds (it may be shared)
                return ("it, start, step = %s[%r]\n    it.__setstate__((%s - start) // step)"
                        % (self.iters, var, words[0]),)
            return "_iter(_range(%s, %s, %s))" % (words[0], words[1], words[2])
        if isinstance(jt, SeqIterType):
            if carried and self.splits and jt.seq.elem is STR:
                return ("recs.iter_at(%r, %s)" % (var, words[1]),)
            if carried:
                return ("recs.iters[%r][0].__setstate__(%s)" % (var, words[1]),)
            return "it_state(_iter(recs.seq(%s, %s)), %s)" % (words[0], self._const(jt.seq), words[1])
        if jt in RANGES:
            return "_range(%s, %s, %s)" % tuple(words)
        if jt is NONE:
            return "None"
        if jt is UNBOUND_T:
            return "UNB"
        if isinstance(jt, BuiltinType):
            return self._const(jt.fn)
        if isinstance(jt, ModuleType):
            return self._const(jt.module)
        if isinstance(jt, FunctionType):
            return self._const(jt.func)
        if isinstance(jt, ClassType):
            return self._const(jt.klass)
        if isinstance(jt, BoundMethodType):     # (between o.m and its call)
            if jt.via is not None:
                return "super(%s, recs.instance(%s, %s)).%s" % (self._const(jt.via), words[0],
                                                                 self._const(jt.instance), jt.attr)
            return "recs.instance(%s, %s).%s" % (words[0], self._const(jt.instance), jt.attr)
        if isinstance(jt, SuperType):
            return "super(%s, recs.instance(%s, %s))" % (self._const(jt.klass), words[0], self._const(jt.instance))
        if isinstance(jt, BoundClassMethod):
            return "%s.%s" % (self._const(jt.klass), jt.function.func.__name__)
        if isinstance(jt, ArgsList):        # a call's argument list being built (its only holder)
            values, k = [], 0
            for m in jt.members:
                n = len(m.parts)
                values.append(self._value(m, words[k:k + n], var, False))
                k += n
            return "[%s]" % ", ".join(values)
        if isinstance(jt, SliceValue):      # (between BUILD_SLICE and its SUBSCR)
            values, k = [], 0
            for m in jt.members:
                n = len(m.parts)
                values.append(self._value(m, words[k:k + n], var, False))
                k += n
            return "_slice(%s)" % ", ".join(values)
        if isinstance(jt, TupleValue):      # made only now, as the exit needs it
            values, k = [], 0
            for m in jt.members:
                n = len(m.parts)
                values.append(self._value(m, words[k:k + n], var, False))
                k += n
            if carried:     # the tuple the variable held at entry, if it holds the same values
                return "same_tuple(%s[%r], (%s,))" % (self.iters, ("tuple", var), ", ".join(values))
            return "(%s,)" % ", ".join(values)
        if isinstance(jt, CombinedIter) and carried:    # each iterator it holds, set in place
            return ("\n    ".join(_iterators_set(jt, words, var)),)
        if isinstance(jt, CombinedIter):    # a new object at the position native code reached
            if jt.kind == "reversed":
                return "_rev(recs.seq(%s, %s), %s)" % (words[0], self._const(jt.inner[0].seq), words[1])
            values, k = [], 0
            for inner in jt.inner:
                n = len(inner.parts)
                values.append(self._value(inner, words[k:k + n], var, False))
                k += n
            if jt.kind == "enumerate":
                return "_enumerate(%s, %s)" % (values[0], words[k])
            return "_zip(%s)" % ", ".join(values)
        raise AssertionError("no exit conversion for %s" % jt.name)

    def _unpack(self, lines, items, fmt, base, name, carried):
        if not items:
            return
        lines.append("    %s = unpack_from(%r, view, %d)" % (name, fmt, base))
        i = 0
        for var, jt in items:
            n = 1 + len(jt.parts)
            words = ["%s[%d]" % (name, i + 1 + j) for j in range(len(jt.parts))]
            value = self._value(jt, words, var, carried)
            if isinstance(value, tuple):      # an in-place update of an iterator
                lines.append("    " + value[0])
            else:
                lines.append(self._store(var, value))
            i += n

    def _leave_source(self, rec) -> str:
        """Python source of the function writing back one exit's values: into the loop's
        registers ``r``, its globals, cells and lists -- and, for an exit inside inlined
        callees, into a register list per callee frame, which it returns."""
        # (a dict's table may have grown memory natively: then a view of all of it)
        lines = ["def leave_%d(r, G, recs):" % rec.id, "    view = T.fresh_view()" if self.dicts else "    view = T.view"]
        self._callee_index = {fid: k for k, (fid, _, _) in enumerate(rec.callees)}
        if rec.callees:
            lines.append("    C = callee_registers(%s)" % self._const(tuple(f for _, f, _ in rec.callees)))
        layout = self.layout
        carried = [(v, t) for v, t in layout.inputs if v in layout.carried]
        if self.full_records:
            # (first: a list iterator's __setstate__ below clamps its position to the list's
            # length, which a list that grew natively has only once written back)
            lines.append("    recs.writeback(view)")
        self._unpack(lines, carried, layout.carried_fmt, layout.slot_base, "w", True)
        self._unpack(lines, rec.extras, rec.fmt, layout.exit_area, "x", False)
        lines.append("    return C" if rec.callees else "    return None")
        return "\n".join(lines) + "\n"

    def iterations(self):
        return self._counters.unpack_from(self.view, self.layout.COUNTERS)


def _never_enters(r, G, B):
    return None


def _cell_get(cell):
    """A cell's contents, or UNBOUND for an empty cell."""
    try:
        return cell.cell_contents
    except ValueError:
        return UNBOUND


# the types the first entry checks interpreted (``Transfer._first_enter``), besides static
# types, lists, tuples, strings and their iterators
_INTERPRETED = frozenset((INT, FLOAT, BOOL, CHAR)) | frozenset(RANGE_ITERS)


def static_ok(v, jt) -> bool:
    """``static_test``'s expression, evaluated: the same tests in the same order."""
    if isinstance(jt, BuiltinType):
        return v is jt.fn
    if jt is NONE:
        return v is None
    if jt is UNBOUND_T:
        return v is UNBOUND
    if isinstance(jt, ClassType):
        return v is jt.klass
    if isinstance(jt, FunctionType):
        return (v is jt.func and v.__code__ is jt.code and v.__defaults__ is jt.defaults
                and v.__kwdefaults__ is jt.kwdefaults
                and (jt.kwdefaults is None or jt.kwdefault_values.held(v.__kwdefaults__))
                and all(_cell_get(v.__closure__[i]) is value for i, value in enumerate(jt.cells or ())
                        if not isinstance(value, LiveCell)))
    return classify(v) is jt


def static_test(expr: str, jt, const) -> str:
    """A Python expression, true while the value of ``expr`` (a plain name: it is read
    several times) still is what the static type ``jt`` was made from, so that code
    using it as a constant may run: the very builtin or class, None, UNBOUND, the math
    module with its compiled functions, a function with the code, defaults and closure
    contents it was compiled with. ``const`` names an object in the generated code's
    namespace (the code of a function entry, ``tauraro.jit.functions``, uses it too)."""
    if isinstance(jt, BuiltinType):
        return "%s is %s" % (expr, const(jt.fn))
    if jt is NONE:
        return "%s is None" % expr
    if jt is UNBOUND_T:
        return "%s is %s" % (expr, const(UNBOUND))
    if isinstance(jt, ClassType):
        return "%s is %s" % (expr, const(jt.klass))
    if isinstance(jt, FunctionType):
        parts = ["%s is %s" % (expr, const(jt.func))] + function_unchanged(expr, jt, const)
        parts += ["%s(%s.__closure__[%d]) is %s" % (const(_cell_get), expr, i, const(value))
                  for i, value in enumerate(jt.cells or ())        # (an emptied cell: UNBOUND)
                  if not isinstance(value, LiveCell)]     # (a frame variable: its type is checked)
        return " and ".join(parts)
    return "%s(%s) is %s" % (const(classify), expr, const(jt))


def function_unchanged(expr: str, ft, const) -> list:
    """Python expressions, true while the function ``expr`` (a plain name) still has the
    code, defaults and keyword-only defaults -- the dict, and the values in it, which change
    in place -- the FunctionType ``ft`` was made from (``static_test``; a function compiled
    whole's entry, ``tauraro.jit.functions``)."""
    parts = ["%s.__code__ is %s" % (expr, const(ft.code)),
             "%s.__defaults__ is %s" % (expr, const(ft.defaults)),
             "%s.__kwdefaults__ is %s" % (expr, const(ft.kwdefaults))]
    if ft.kwdefaults is not None:
        parts.append("%s.held(%s.__kwdefaults__)" % (const(ft.kwdefault_values), expr))
    return parts


def _range_iter_entry(it, iters, var):
    """(cur, stop, step) of a range iterator, remembering the object and its range's
    start and step for the write back; None if it cannot be native."""
    if _held(it, iters):        # (see _seq_iter_parts)
        return None
    _, (rng,), index = it.__reduce__()
    index = index or 0          # 3.12+: the range left to run, and no index
    start, stop, step = rng.start, rng.stop, rng.step
    cur = start + index * step
    # every value reached, and the one past the end, must fit in 64 bits
    if not (I64_MIN <= start <= I64_MAX and I64_MIN <= stop + step <= I64_MAX
            and I64_MIN <= stop <= I64_MAX and I64_MIN <= cur <= I64_MAX):
        return None
    iters[var] = (it, start, step)
    if len(rng) and (cur < stop if step > 0 else cur > stop):
        # the iterator's range ends at a multiple of the step (range(4, 11, 3) iterates as
        # range(4, 13, 3)): its stop is made the one past its last value, the same run of
        # values, so that "position < stop" (passes/bounds) is as tight as it can be
        stop = rng[-1] + (1 if step > 0 else -1)
    return cur, stop, step


def _iterators_set(jt, words, var) -> list:
    """Lines setting in place each iterator a loop's own zip ``jt`` advances (and those of
    a zip in it: ``_combined_parts`` keeps them under ``(var, j)``) to the position of its
    parts among ``words``."""
    updates, k = [], 0
    for j, inner in enumerate(jt.inner):
        if isinstance(inner, CombinedIter):
            updates += _iterators_set(inner, words[k:k + len(inner.parts)], (var, j))
        else:
            position = words[k] if inner in RANGE_ITERS else words[k + 1]
            updates.append("it, start, step = recs.iters[%r]\n    it.__setstate__((%s - start) // step)"
                           % ((var, j), position))
        k += len(inner.parts)
    return updates


def _combined_parts(it, jt, recs, var):
    """The parts of a loop's own zip (over range, list and tuple iterators) or reversed
    (over a list or tuple), remembering each iterator it advances, which the write back
    sets in place (the program may hold them); None if it cannot be native."""
    # the kind, the iterators' kinds and directions; their lists' elements by a sample
    # (each is checked as ``record`` copies it, or found the very one it checked before)
    if classify_sampled(it) is not jt:
        return None
    if jt.kind == "reversed":
        _, (seq,), index = it.__reduce__()
        addr = recs.record(seq, jt.inner[0].seq)
        if addr is None:
            return None
        recs.iters[(var, 0)] = (it, 0, 1)
        return addr, index
    parts = []
    for j, (inner, ijt) in enumerate(zip(advanced_iterators(it), jt.inner)):
        if ijt in RANGE_ITERS:
            p = _range_iter_entry(inner, recs.iters, (var, j))
        elif isinstance(ijt, CombinedIter):     # (a zip in it: its iterators under (var, j))
            p = _combined_parts(inner, ijt, recs, (var, j))
        else:
            p = _seq_iter_parts(inner, ijt, recs)
            recs.iters[(var, j)] = (inner, 0, 1)
        if p is None:
            return None
        parts += p
    return parts


def _callee_registers(ftypes):
    """A register file per inlined callee frame an exit rebuilds, its closure's cells in
    their registers (native code read their contents as constants)."""
    out = []
    for ft in ftypes:
        code = ft.register_code
        regs = code.new_registers()
        if code.freevars:
            cells = dict(zip(ft.func.__code__.co_freevars, ft.func.__closure__ or ()))
            for name, reg in code.freevars:
                regs[reg] = cells[name]
        out.append(regs)
    return out


def _tuple_words(value, jt):
    """The payload words of a tuple taken as the virtual ``jt``, or None if it is not one
    (another length, a member of another type, an int outside 64 bits)."""
    if virtual_tuple_type(value) is not jt:
        return None
    return _members_words(value)


def _members_words(value) -> list:
    words = []
    for m in value:
        if type(m) is tuple:
            words += _members_words(m)
        elif m is not None:             # (None has no words)
            words.append(int(m) if type(m) is bool else m)
    return words


def _same_tuple(old, new):
    """At an exit, a tuple variable native code kept as a virtual: the very tuple it held at
    entry while its values are still those (the loop may not have assigned it; CPython
    promises no identity for a tuple made again), else the new one."""
    return old if _same_values(old, new) else new


def _same_values(a, b) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is tuple:
        return len(a) == len(b) and all(map(_same_values, a, b))
    if type(a) is float:
        return struct.pack("<d", a) == struct.pack("<d", b)
    return a == b


def _reversed_at(seq, index):
    it = reversed(seq)
    it.__setstate__(index)
    return it


def _it_state(it, index):
    it.__setstate__(index)
    return it
