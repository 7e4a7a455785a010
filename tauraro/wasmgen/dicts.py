"""The native table of a dict: finding a key, and adding one, in wasm.

A table is a record in linear memory laid out as CPython's compact dict is: an
insertion-ordered array of entries and an open-addressing index over it. Keys are
64-bit words (an int, or a number standing for a string: the JIT's business, not
this module's), so equal keys are equal words and no key comparison calls out::

    +0   n        entries in use (native code appends; nothing is ever deleted)
    +8   dirty    set by a store: write-back looks at this table
    +16  cap      room for entries
    +24  mask     index slots - 1 (a power of two minus one, at least 2 * cap - 1)
    +32  ready    0 until the index is built (the host writes the entries only)
    +40  shift    64 - log2(index slots): the hash is the top bits of a product
    +48  entries  the address of the entries: cap x [key i64][value i64], then the
                  index: mask + 1 slots of i32, 0 empty, else entry number + 1
    +56  (unused)
    +64  the entries and index as the host writes them (a grown table's are elsewhere)

The host fills the entries and zeroes the index; the first probe builds the index
(``ready``), so copying a dict in costs the host one array conversion and no
hashing in Python. The index has at least twice as many slots as there are
entries, so a probe always meets an empty slot. A table that is full grows natively:
new entries and index, twice the room, from the free memory whose start is the i32
at ``heap`` (memory.grow'n as needed), the entries copied over and the index built
again; the table's own address stays, so every name for the dict still reaches it.

``probe(table, key, insert) -> i32`` returns the address 16 bytes before the value
word of the key's entry (element loads and stores add the 16 of a list record's
header, so a value is read as the element at that address), 0 if the key is not
there and ``insert`` is 0, and 1 if it is not there and the table could not grow (no
memory left: the caller leaves native code, and the interpreter adds the key). With
``insert`` 1 a missing key is appended with value 0, keeping insertion order.
"""
from __future__ import annotations

HEADER = 64                    # bytes before the entries the host writes
VALUE_BASE = 8 - 16            # the address probe returns, relative to its entry (see above)
NOT_FOUND, FULL = 0, 1
# Fibonacci hashing: the key (its high half folded into its low half, so keys differing only
# in high bits spread too) times 2**64 / phi; the slot is the product's top bits
_GOLDEN = 0x9E3779B97F4A7C15 - (1 << 64)

# params: table (0), key (1), insert (2); then the locals
_LOCALS = [("index", "i32"), ("mask", "i32"), ("h", "i32"), ("s", "i32"), ("e", "i32"), ("n", "i64"),
           ("entries", "i32"), ("cap", "i32"), ("bits", "i32"), ("new", "i32"), ("end", "i32")]
TABLE, KEY, INSERT, INDEX, MASK, H, S, E, N, ENTRIES, CAP, BITS, NEW, END = range(14)


def _hash(key_code) -> list:
    """h := hash(key), the key pushed by ``key_code`` (twice: it is used twice)."""
    return key_code + key_code + [("i64.const", 32), ("i64.shr_u",), ("i64.xor",),
                                  ("i64.const", _GOLDEN), ("i64.mul",),
                                  ("local.get", TABLE), ("i64.load", 40), ("i64.shr_u",),
                                  ("i32.wrap_i64",), ("local.set", H)]


def _entry(e_local) -> list:
    """Push the address of entry ``e``: entries + 16 * e."""
    return [("local.get", ENTRIES), ("local.get", e_local), ("i32.const", 4), ("i32.shl",), ("i32.add",)]


def _free_slot() -> list:
    """Advance h to the first empty slot of the index from h on (s: 0 there)."""
    return [("block", None), ("loop", None),
            ("local.get", INDEX), ("local.get", H), ("i32.const", 2), ("i32.shl",), ("i32.add",),
            ("i32.load", 0), ("i32.eqz",), ("br_if", 1),
            ("local.get", H), ("i32.const", 1), ("i32.add",), ("local.get", MASK), ("i32.and",),
            ("local.set", H), ("br", 0), ("end",), ("end",)]


def _slot_addr() -> list:
    return [("local.get", INDEX), ("local.get", H), ("i32.const", 2), ("i32.shl",), ("i32.add",)]


def _grow(heap: int, self_index: int) -> list:
    """The table is full: new entries and index of twice the room (and 16) from the free
    memory at the i32 at ``heap``, the entries copied, the index zeroed and marked to
    build; then the probe again (``self_index``: this function). FULL if memory cannot
    grow."""
    return [
        ("local.get", TABLE), ("i64.load", 16), ("i32.wrap_i64",), ("i32.const", 1), ("i32.shl",),
        ("i32.const", 16), ("i32.add",), ("local.set", CAP),
        # slots: 2 ** bits >= 2 * cap
        ("i32.const", 32), ("local.get", CAP), ("i32.const", 1), ("i32.shl",), ("i32.const", 1), ("i32.sub",),
        ("i32.clz",), ("i32.sub",), ("local.set", BITS),
        # new := the free memory's start, 16-aligned; end := new + 16 * cap + 4 * slots
        ("i32.const", 0), ("i32.load", heap), ("i32.const", 15), ("i32.add",), ("i32.const", -16), ("i32.and",),
        ("local.tee", NEW),
        ("local.get", CAP), ("i32.const", 4), ("i32.shl",), ("i32.add",),
        ("i32.const", 4), ("local.get", BITS), ("i32.shl",), ("i32.add",), ("local.set", END),
        # memory enough? (its size in pages of 64 KiB)
        ("local.get", END), ("memory.size",), ("i32.const", 16), ("i32.shl",), ("i32.gt_u",),
        ("if", None),
        ("local.get", END), ("memory.size",), ("i32.const", 16), ("i32.shl",), ("i32.sub",),
        ("i32.const", 0xFFFF), ("i32.add",), ("i32.const", 16), ("i32.shr_u",), ("memory.grow",),
        ("i32.const", -1), ("i32.eq",), ("if", None), ("i32.const", FULL), ("return",), ("end",),
        ("end",),
        ("i32.const", 0), ("local.get", END), ("i32.store", heap),
        # the entries copied over, the index zeroed
        ("local.get", NEW), ("local.get", ENTRIES), ("local.get", N), ("i32.wrap_i64",), ("i32.const", 4),
        ("i32.shl",), ("memory.copy",),
        ("local.get", NEW), ("local.get", CAP), ("i32.const", 4), ("i32.shl",), ("i32.add",),
        ("i32.const", 0), ("i32.const", 4), ("local.get", BITS), ("i32.shl",), ("memory.fill",),
        # the header: cap, mask, not ready, shift, entries
        ("local.get", TABLE), ("local.get", CAP), ("i64.extend_i32_u",), ("i64.store", 16),
        ("local.get", TABLE), ("i32.const", 1), ("local.get", BITS), ("i32.shl",), ("i32.const", 1), ("i32.sub",),
        ("i64.extend_i32_u",), ("i64.store", 24),
        ("local.get", TABLE), ("i64.const", 0), ("i64.store", 32),
        ("local.get", TABLE), ("i64.const", 64), ("local.get", BITS), ("i64.extend_i32_u",), ("i64.sub",),
        ("i64.store", 40),
        ("local.get", TABLE), ("local.get", NEW), ("i64.extend_i32_u",), ("i64.store", 48),
        ("local.get", TABLE), ("local.get", KEY), ("local.get", INSERT), ("call", self_index), ("return",),
    ]


def probe_body(heap: int, self_index: int) -> list:
    body = [
        # entries; index := entries + 16 * cap; mask
        ("local.get", TABLE), ("i64.load", 48), ("i32.wrap_i64",), ("local.tee", ENTRIES),
        ("local.get", TABLE), ("i64.load", 16), ("i32.wrap_i64",), ("i32.const", 4),
        ("i32.shl",), ("i32.add",), ("local.set", INDEX),
        ("local.get", TABLE), ("i64.load", 24), ("i32.wrap_i64",), ("local.set", MASK),
        # the first probe of an entry builds the index: each entry's key into its slot
        ("local.get", TABLE), ("i64.load", 32), ("i64.eqz",),
        ("if", None),
        ("local.get", TABLE), ("i64.load", 0), ("i32.wrap_i64",), ("local.set", S),
        ("i32.const", 0), ("local.set", E),
        ("block", None), ("loop", None),
        ("local.get", E), ("local.get", S), ("i32.ge_u",), ("br_if", 1),
    ]
    body += _hash(_entry(E) + [("i64.load", 0)])
    body += _free_slot()
    body += _slot_addr() + [("local.get", E), ("i32.const", 1), ("i32.add",), ("i32.store", 0),
                            ("local.get", E), ("i32.const", 1), ("i32.add",), ("local.set", E),
                            ("br", 0), ("end",), ("end",),
                            ("local.get", TABLE), ("i64.const", 1), ("i64.store", 32),
                            ("end",)]
    # the key's slot: its entry's, or the empty one where it would go
    body += _hash([("local.get", KEY)])
    body += [
        ("loop", None),
        *_slot_addr(), ("i32.load", 0), ("local.tee", S), ("i32.eqz",),
        ("if", None),
        # not there
        ("local.get", INSERT), ("i32.eqz",), ("if", None), ("i32.const", NOT_FOUND), ("return",), ("end",),
        ("local.get", TABLE), ("i64.load", 0), ("local.tee", N), ("local.get", TABLE), ("i64.load", 16),
        ("i64.ge_s",), ("if", None), *_grow(heap, self_index), ("end",),
        ("local.get", N), ("i32.wrap_i64",), ("local.set", E),
        *_entry(E), ("local.get", KEY), ("i64.store", 0),
        *_entry(E), ("i64.const", 0), ("i64.store", 8),
        *_slot_addr(), ("local.get", E), ("i32.const", 1), ("i32.add",), ("i32.store", 0),
        ("local.get", TABLE), ("local.get", N), ("i64.const", 1), ("i64.add",), ("i64.store", 0),
        *_entry(E), ("i32.const", VALUE_BASE), ("i32.add",), ("return",),
        ("end",),
        ("local.get", S), ("i32.const", 1), ("i32.sub",), ("local.set", E),
        *_entry(E), ("i64.load", 0), ("local.get", KEY), ("i64.eq",),
        ("if", None), *_entry(E), ("i32.const", VALUE_BASE), ("i32.add",), ("return",), ("end",),
        ("local.get", H), ("i32.const", 1), ("i32.add",), ("local.get", MASK), ("i32.and",), ("local.set", H),
        ("br", 0),
        ("end",),
        ("unreachable",),
    ]
    return body


def table_header(addr: int, n: int, cap: int) -> tuple[tuple, int]:
    """The header words of a table at ``addr`` of ``n`` entries with room for ``cap``, and
    its size in bytes."""
    bits = 3
    while 1 << bits < 2 * cap:
        bits += 1
    return (n, 0, cap, (1 << bits) - 1, 0, 64 - bits, addr + HEADER, 0), HEADER + 16 * cap + (4 << bits)


def add_dict_probe(module, heap: int) -> int:
    """Add ``probe(table: i32, key: i64, insert: i32) -> i32`` to a module (``heap``: the
    address of the i32 where free memory starts); its index."""
    index = len(module.func_names)
    return module.add_function(name="dict_probe", params=[("table", "i32"), ("key", "i64"), ("insert", "i32")],
                               results=["i32"], locals=_LOCALS, body=probe_body(heap, index))
