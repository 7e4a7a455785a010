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


# Sets: a dict's table whose value words say whether the key is in the set (1) or was
# removed (0: a table never deletes an entry), and a log, at the address in the table's
# word +56, of every change native code made, in order, for write-back to replay on the
# Python set (its iteration order depends on the sequence of adds and removals):
#
#     +0   size     elements in the set now (len)
#     +8   n        changes logged
#     +16  cap      room for changes
#     +24  (unused)
#     +32  cap words: entry number * 2, plus 1 for a removal
#
# ``set_has(table, key) -> i32``: 1 if the key is in the set. ``set_add(table, key) -> i32``
# and ``set_discard(table, key) -> i32``: ADDED (set_add: added, or already there),
# REMOVED (set_discard: it was there), ABSENT (set_discard: it was not), or NO_ROOM if the
# change cannot be made (the log or the table cannot grow: no memory left): then nothing
# changed, and the caller leaves native code for the interpreter to make it. A full log
# grows natively, as a full table does, from the free memory (its address in the table).
LOG = 56
LOG_HEADER = 32
NO_ROOM, ADDED, REMOVED, ABSENT = 1, 0, 2, 3

# params: table (0), key (1); then the locals
_SET_LOCALS = [("a", "i32"), ("log", "i32"), ("n", "i64"), ("new", "i32"), ("cap", "i32"), ("end", "i32")]
_S_TABLE, _S_KEY, _S_A, _S_LOG, _S_N, _S_NEW, _S_CAP, _S_END = range(8)


def _present() -> list:
    """Push whether a (a probe's result, 0 if the key has no entry) is a key in the set."""
    return [("local.get", _S_A), ("if", "i32"), ("local.get", _S_A), ("i64.load", 16),
            ("i64.const", 0), ("i64.ne",), ("else",), ("i32.const", 0), ("end",)]


def _log(removal: int) -> list:
    """Log the change to entry a (a probe's result: its entry is a + 8) and count the
    element in or out, the room already checked (n: the log's count); mark the table
    dirty."""
    return [
        # log[n] := (entry number) * 2 + removal
        ("local.get", _S_LOG), ("local.get", _S_N), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",),
        ("i32.add",),
        ("local.get", _S_A), ("i32.const", -VALUE_BASE), ("i32.add",),
        ("local.get", _S_TABLE), ("i64.load", 48), ("i32.wrap_i64",), ("i32.sub",),
        ("i32.const", 3), ("i32.shr_u",), ("i32.const", removal), ("i32.or",), ("i64.extend_i32_u",),
        ("i64.store", LOG_HEADER),
        ("local.get", _S_LOG), ("local.get", _S_N), ("i64.const", 1), ("i64.add",), ("i64.store", 8),
        ("local.get", _S_LOG), ("local.get", _S_LOG), ("i64.load", 0), ("i64.const", -1 if removal else 1),
        ("i64.add",), ("i64.store", 0),
        ("local.get", _S_TABLE), ("i64.const", 1), ("i64.store", 8),
    ]


def _log_room(heap: int) -> list:
    """log, n := the table's log and its count; a full log grows natively: a new one of
    twice the room (and 64) from the free memory at the i32 at ``heap`` (memory.grow'n
    as needed), the changes copied over and its address stored in the table; NO_ROOM if
    memory cannot grow."""
    return [("local.get", _S_TABLE), ("i64.load", LOG), ("i32.wrap_i64",), ("local.tee", _S_LOG),
            ("i64.load", 8), ("local.tee", _S_N), ("local.get", _S_LOG), ("i64.load", 16), ("i64.ge_s",),
            ("if", None),
            # new := the free memory's start, 16-aligned; end := new + the header + 8 * (2 * n + 64)
            ("i32.const", 0), ("i32.load", heap), ("i32.const", 15), ("i32.add",), ("i32.const", -16),
            ("i32.and",), ("local.tee", _S_NEW),
            ("local.get", _S_N), ("i32.wrap_i64",), ("i32.const", 1), ("i32.shl",), ("i32.const", 64),
            ("i32.add",), ("local.tee", _S_CAP), ("i32.const", 3), ("i32.shl",), ("i32.add",),
            ("i32.const", LOG_HEADER), ("i32.add",), ("local.set", _S_END),
            ("local.get", _S_END), ("memory.size",), ("i32.const", 16), ("i32.shl",), ("i32.gt_u",),
            ("if", None),
            ("local.get", _S_END), ("memory.size",), ("i32.const", 16), ("i32.shl",), ("i32.sub",),
            ("i32.const", 0xFFFF), ("i32.add",), ("i32.const", 16), ("i32.shr_u",), ("memory.grow",),
            ("i32.const", -1), ("i32.eq",), ("if", None), ("i32.const", NO_ROOM), ("return",), ("end",),
            ("end",),
            ("i32.const", 0), ("local.get", _S_END), ("i32.store", heap),
            ("local.get", _S_NEW), ("local.get", _S_LOG), ("local.get", _S_N), ("i32.wrap_i64",),
            ("i32.const", 3), ("i32.shl",), ("i32.const", LOG_HEADER), ("i32.add",), ("memory.copy",),
            ("local.get", _S_NEW), ("local.get", _S_CAP), ("i64.extend_i32_u",), ("i64.store", 16),
            ("local.get", _S_TABLE), ("local.get", _S_NEW), ("i64.extend_i32_u",), ("i64.store", LOG),
            ("local.get", _S_NEW), ("local.set", _S_LOG),
            ("end",)]


def _find(probe: int, insert: int) -> list:
    return [("local.get", _S_TABLE), ("local.get", _S_KEY), ("i32.const", insert), ("call", probe),
            ("local.set", _S_A)]


def set_has_body(probe: int, heap: int) -> list:
    return _find(probe, 0) + _present()


def set_add_body(probe: int, heap: int) -> list:
    return _find(probe, 0) + _present() + [("if", None), ("i32.const", ADDED), ("return",), ("end",)] \
        + _log_room(heap) + [
            # a new key's entry (a removed one's is there already)
            ("local.get", _S_A), ("i32.eqz",),
            ("if", None), *_find(probe, 1),
            ("local.get", _S_A), ("i32.const", FULL), ("i32.eq",), ("if", None), ("i32.const", NO_ROOM),
            ("return",), ("end",), ("end",),
            ("local.get", _S_A), ("i64.const", 1), ("i64.store", 16),
            # (the entry's number after the probe: a grown table's entries moved)
            *_log(0), ("i32.const", ADDED)]


def set_discard_body(probe: int, heap: int) -> list:
    return _find(probe, 0) + _present() + [("i32.eqz",), ("if", None), ("i32.const", ABSENT), ("return",),
                                           ("end",)] \
        + _log_room(heap) + [("local.get", _S_A), ("i64.const", 0), ("i64.store", 16), *_log(1),
                         ("i32.const", REMOVED)]


SET_FUNCTIONS = {"set_has": set_has_body, "set_add": set_add_body, "set_discard": set_discard_body}


def add_set_functions(module, probe: int, heap: int, names) -> dict:
    """Add the set functions ``names`` (of SET_FUNCTIONS, each ``(table: i32, key: i64) ->
    i32``) to a module whose dict probe is function ``probe`` (``heap``: the address of the
    i32 where free memory starts); their indices by name."""
    out = {}
    for name in names:
        out[name] = module.add_function(name=name, params=[("table", "i32"), ("key", "i64")], results=["i32"],
                                        locals=_SET_LOCALS, body=SET_FUNCTIONS[name](probe, heap))
    return out


def log_size(cap: int) -> int:
    """The bytes of a set's log with room for ``cap`` changes."""
    return LOG_HEADER + 8 * cap
