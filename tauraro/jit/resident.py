"""Lists of numbers kept in a compiled version's memory from one entry to the next.

A loop entered again and again over the same list of numbers -- a generator expression
over a sample, once per statistic; a histogram's bins, one pass over the sample each --
copied the whole list in at every entry, Numba's "reflected list" problem: 200,000
floats are 2-10 ms to pack (their objects lie all over the heap), where the pass itself
runs natively in 0.4 ms. A list of numbers an entry copies (``EntryRecords.record``) and
the next entry of the same version finds unchanged is not copied again: its record from
the earlier entry is still in the version's memory (the entries after it start past it,
``Transfer.kept_end``), and native code of a version storing into no list never wrote it.

"Unchanged" means the list holds the very objects it held when copied: its length, and
its array of element pointers compared with the one saved then (``unchanged``: two
memory copies and a compare, ~0.3 ns an element, against 10-50 for packing the numbers).
Equal values would not do: ``xs[0] = 1`` where it held ``1.0``, ``True`` where ``1``, or
``-0.0`` where ``0.0`` compare equal and are not what the record says. Identity does:
ints, floats and bools are immutable, and the saved snapshot holds a reference to every
element, so no address it compares can be reused by another object meanwhile. (The list
itself is not held: a list found later at its id holding the very same elements reads the
same, and the program's ``sys.getrefcount`` of its list is CPython's -- ``holding``.)

The pointer array is read through ctypes from CPython's list object (``ob_item``, after
the object's header). That is the host reading its own memory, never native code: the
sandbox is untouched. The layout is checked on a probe list when this module is imported;
where it differs (a free-threaded or debug build, another implementation) nothing is kept.

A list is kept only when it is copied by a second entry (a list seen by one entry only,
the common case, pays nothing for a snapshot), and given up for good when an entry
finds it changed (a list the program rewrites between entries would be copied again at
each, and its stale records would fill the kept area).

A record kept in a version's memory serves that version only; every loop over the same
data is a version of its own, with its own memory: the four generator expressions over
one 200,000-float sample each packed it (~4 ms), a sieve's 5*10^6 flags were packed by
each of three functions, a tokenizer's text by two. ``PACKED`` keeps, for the whole
process, the packed bodies of long lists of numbers and of long strs an entry copied (of
any version; a list of bools from its second packing): an entry finding its list there unchanged (or its str: a str
cannot change) copies those bytes into its memory, a memory copy, instead of typing and
packing each element. (The host copying bytes between its own buffers: native code still
sees only its memory.) At most PACKED_LIMIT bytes are held, the oldest dropped first.
"""
from __future__ import annotations

import ctypes
import struct
from operator import itemgetter
import sys

# (ids of lists given up on, or seen once, remembered at most this many at a time)
SEEN_MAX = 4096


_WORD = ctypes.sizeof(ctypes.c_void_p)
_pointer_at = ctypes.c_void_p.from_address


def _ob_item(lst) -> int:
    """The address of a list's array of element pointers, where CPython's list object lays
    it out (ob_refcnt, ob_type, ob_size; then ob_item): unchecked, see ``_item_reader``."""
    return _pointer_at(id(lst) + 3 * _WORD).value


def _item_reader():
    """A function giving a list's array of element pointers as bytes, or None where the
    list object's layout is not the one checked here."""
    gil = getattr(sys, "_is_gil_enabled", None)       # (3.13: a free-threaded build may not have one)
    if sys.implementation.name != "cpython" or gil is not None and not gil():
        return None
    string_at = ctypes.string_at

    def items(lst) -> bytes:
        n = len(lst)
        return string_at(_ob_item(lst), n * _WORD) if n else b""

    probe = [object(), 1.5, object(), None]
    try:
        if items(probe) != struct.pack("%dP" % len(probe), *map(id, probe)):
            return None
    except Exception:       # (an unexpected layout may point anywhere that is mapped)
        return None
    return items


def _items_equal():
    """A function telling whether a list's array of element pointers is the bytes given,
    compared in place by the C library's memcmp (a copy with string_at first took twice as
    long: 154 us for 200,000 elements against 67); through a copy where there is no memcmp
    to call, or it fails its probe. None where the list's layout is not the one checked
    here (then no list is kept: ``can_keep``)."""
    if _items is None:
        return None

    def copied(lst, pointers, start=0) -> bool:
        return _items(lst)[start * _WORD:] == pointers
    try:
        memcmp = ctypes.CDLL(None).memcmp
        memcmp.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t)
        memcmp.restype = ctypes.c_int
        probe = [object(), 2.5]
        if memcmp(_ob_item(probe), _items(probe), 2 * _WORD) != 0:
            return copied       # (a memcmp that does not compare as expected: not used)
    except (OSError, AttributeError, TypeError):
        return copied

    def equal(lst, pointers, start=0) -> bool:
        n = len(lst) - start
        return n <= 0 or memcmp(_ob_item(lst) + start * _WORD, pointers, n * _WORD) == 0
    return equal


_items = _item_reader()
_equal = _items_equal()


def items_address(lst) -> int | None:
    """The address of the list ``lst``'s array of element pointers (``ob_item``), or None
    where the list object's layout is not the one checked here. Valid until the list is
    resized: a caller reads or writes ``len(lst)`` pointers there at once, running no
    Python code between."""
    return _ob_item(lst) if _items is not None else None


# (a list shorter than this is not looked at for one repeated element: ``repeated``)
REPEATED_MIN = 64
# (the elements before the repeated ones ``repeated`` allows: a DP table's boundary column)
REPEATED_AFTER = 4
_POINTER = struct.Struct("P")


def repeated(obj):
    """``(k, element)`` if the list ``obj`` holds the very same object at every index from
    ``k`` (at most REPEATED_AFTER) on -- a row made ``[0] * n``, a DP table's before it is
    filled, its first cell set -- else None (and None where the list's layout is not the one
    checked here). Its pointer array compared with the one pointer repeated (a memcmp: ~1 ns
    an element), after a look at fifteen elements, so a list that is not one costs nothing:
    its copy writes one word repeated, not each element typed and packed (~30 ns an
    element). Identity, not equality: ``0``, ``0.0`` and ``False`` compare equal."""
    n = len(obj)
    if _equal is None or type(obj) is not list or n < REPEATED_MIN:
        return None
    last = obj[-1]
    # (a few elements looked at first: a list that is not one number repeated is found so,
    # nearly always, before its pointers are compared -- a sieve's flags, mostly False, pass
    # two probes, and comparing 5*10^6 pointers for nothing took ~28 ms. Compared by
    # equality, at C speed: the pointers' comparison then says whether they are one object)
    if obj[n >> 4] is not last:     # (most lists that are not: at the first)
        return None
    probe = _PROBES.get(n)
    if probe is None:
        probe = _PROBES[n] = itemgetter(*[n * i >> 4 for i in range(1, 16)])
        if len(_PROBES) > 256:
            _PROBES.clear()
    if probe(obj).count(last) != 15:
        return None
    k = 0
    while obj[k] is not last:
        k += 1
        if k > REPEATED_AFTER:
            return None
    return (k, last) if _equal(obj, _pattern(id(last), n - k), k) else None


# (the fifteen elements ``repeated`` looks at first, of a list of each length)
_PROBES: dict = {}
# the pointer arrays ``repeated`` compares lists with, by (pointer, length): made once, not
# at each look (a DP table's rows of zeros: 8 KB made per row and look was 5 of its ~6 us)
_PATTERNS: dict = {}
_PATTERNS_BYTES = 1 << 22


def _pattern(address: int, n: int) -> bytes:
    """``n`` words holding ``address``, the pointer ``repeated`` looks for."""
    key = (address, n)
    p = _PATTERNS.get(key)
    if p is None:
        p = _POINTER.pack(address) * n
        if len(p) <= _PATTERNS_BYTES >> 3:
            if sum(map(len, _PATTERNS.values())) + len(p) > _PATTERNS_BYTES:
                _PATTERNS.clear()
            _PATTERNS[key] = p
    return p


# (bytes of packed bodies, and of the snapshots that vouch for them, PACKED holds at most;
# a body needs PACKED_MIN elements or characters to be held: shorter ones pack in a few us)
PACKED_LIMIT = 128 << 20
PACKED_MIN = 4096


class PackedBodies:
    """The packed record bodies of long lists of numbers and long strs (see the module's
    docstring), by the object and how it was packed (``code``: "q", "d", "flags", "str"),
    each with what ``unchanged`` compares it with and what else its packing gave
    (``extra``: a list of bools' low bytes)."""

    def __init__(self):
        self.bodies = {}        # (id, code) -> (the object, snapshot, body, extra, bytes held)
        self.seen = {}          # (id, code) of objects packed once
        self.size = 0

    def get(self, obj, code):
        """(body, extra) packed for ``obj`` under ``code`` if it holds the very elements it
        held then; else None (and the body is dropped)."""
        key = (id(obj), code)
        held = self.bodies.get(key)
        if held is None or not is_held(held[0], obj):
            return None
        if not unchanged(obj, held[1]):
            self._drop(key)
            return None
        return held[2], held[3]

    def holds(self, obj) -> bool:
        """Is some packing of ``obj`` held, and ``obj`` seemingly unchanged since
        (``likely_unchanged``: the cost model's question; ``get`` checks in full)?"""
        for code in ("q", "d", "flags", "str"):
            held = self.bodies.get((id(obj), code))
            if held is not None:
                return is_held(held[0], obj) and likely_unchanged(obj, held[1])
        return False

    def snapshot_of(self, obj, code):
        """The snapshot held with ``obj``'s body packed under ``code``, or None: not checked
        here -- for a caller that has just had the body from ``get``, or offered it."""
        held = self.bodies.get((id(obj), code))
        return held[1] if held is not None and is_held(held[0], obj) else None

    def wants(self, obj, code) -> bool:
        """Would ``offer`` hold ``obj``'s body now? If not, it is remembered as packed once:
        a caller that packs only to offer (a list of bools' 8-byte words) skips the packing."""
        return self._packed_before((id(obj), code), obj)

    def offer(self, obj, code, body, extra=None):
        """``obj`` was just packed into ``body``: held, if ``_packed_before`` says so (a list
        of bools packed once is remembered as packed, and held at its second packing)."""
        key = (id(obj), code)
        if not self._packed_before(key, obj):
            return
        if type(obj) is list and _items is None:
            return
        snap = snapshot(obj) if type(obj) is list else None
        # (a list's snapshot: a tuple and a copy of the pointers, 16 bytes an element, and, of
        # ints and floats, the elements it keeps alive once the program has let go of the
        # list -- a float 24 bytes, an int up to 32: all of it within PACKED_LIMIT)
        size = len(body) + ((48 if code != "flags" else 16) * len(obj) if snap is not None else 0)
        if size > PACKED_LIMIT // 2:
            return
        self._drop(key)
        while self.bodies and self.size + size > PACKED_LIMIT:
            self._drop(next(iter(self.bodies)))
        self.bodies[key] = (holding(obj), snap, bytes(body), extra, size)
        self.size += size

    def _packed_before(self, key, obj) -> bool:
        """Was ``obj`` packed before under ``key``'s code (else it is remembered as packed
        now)? A str needs no snapshot -- it cannot change -- and is held at once: a
        tokenizer's text is scanned by two loops, each a version of its own. A list of ints or
        floats is held at once too: its snapshot costs ~2-8 ns an element against 25-40 for
        the packing it saves the next entry, and a generator expression over two 200,000-float
        lists, refused at its first entry having packed one, was refused at every try after
        (packed twice before held, neither list ever was; with one held, the next try packs
        only the other). A list of bools is held from its second packing: its first is
        often never made (``wants``: its flags go in through their low bytes)."""
        if key[1] != "flags" or key in self.seen:
            return True
        if len(self.seen) >= SEEN_MAX:
            self.seen.clear()
        self.seen[key] = None
        return False

    def _drop(self, key):
        held = self.bodies.pop(key, None)
        if held is not None:
            self.size -= held[4]


PACKED = PackedBodies()


def holding(obj):
    """What a table keeping ``obj``'s record or packed body holds of ``obj`` itself: of a
    list, nothing -- its snapshot holds its elements, so a list found at its id later with
    an equal pointer array (``unchanged``) holds the very same objects, of the very same
    values -- and the program's ``sys.getrefcount(lst)`` is CPython's (4, not 2, while a
    version or PACKED held it); of a tuple or a str, which have no snapshot (they cannot
    change), ``obj``, so that no other object can take its id meanwhile."""
    return None if type(obj) is list else obj


def is_held(held, obj) -> bool:
    """Is ``held`` (what ``holding`` gave, at ``obj``'s id) ``obj``'s, to be checked with
    ``unchanged``?"""
    return held is obj or held is None and type(obj) is list


def can_keep(obj) -> bool:
    """May ``obj`` (a list or tuple of numbers) be kept across entries at all?"""
    return type(obj) is tuple or (_items is not None and type(obj) is list)


def snapshot(obj):
    """What ``unchanged`` compares ``obj`` with later: for a list, a tuple of its elements
    (holding them alive) and its pointer array; a tuple cannot change (None)."""
    if type(obj) is tuple:
        return None
    return tuple(obj), _items(obj)


def unchanged(obj, snap) -> bool:
    """Does ``obj`` hold the very elements it held at ``snapshot``?"""
    if snap is None:
        return True
    held, pointers = snap
    return len(obj) == len(held) and _equal(obj, pointers)


# (the elements ``likely_unchanged`` looks at: this many, spread over the list)
LOOKS = 16


def likely_unchanged(obj, snap) -> bool:
    """Does ``obj`` seem to hold the elements it held at ``snapshot``: its length, and
    LOOKS of its elements spread over it, the very ones? For the cost model's questions
    before an entry (``PackedBodies.holds``), whose copy checks in full (``unchanged``)
    what it copies: an entry of a generator expression over 200,000 floats compared its
    pointer array three times, ~70 us each, where its native run took ~250 us."""
    if snap is None:
        return True
    held = snap[0]
    n = len(obj)
    if n != len(held):
        return False
    step = max(1, n // LOOKS)
    return all(obj[i] is held[i] for i in range(0, n, step)) and (not n or obj[-1] is held[-1])
