"""An intern table of strings in linear memory: the number of a string by its contents.

Strings are records ``[len i64][word i64][one i64 word per code point]`` (the JIT's
business how they got there); the second word of a record may hold the string's number
(a 64-bit word standing for it wherever strings are keys: the JIT's ``STR_KEYS``). A
string made natively (a slice) has 0 there. ``str_intern(rec) -> i64`` gives such a
string the number of an equal string the table holds, or a new number if none is equal,
so that equal strings always have equal numbers however they were made. Its table,
whose address is the i32 at ``at`` (a word of the caller's layout)::

    +0   ready    0 until the seeds are in the table (the first call puts them there)
    +8   seeds    how many seed records
    +16  (addr)   the seeds (at +96): an i64 record address each; a record with 0 as its
                  number, or of one code point, is skipped
    +24  mask     slots - 1 (a power of two minus one)
    +32  count    new numbers given so far
    +40  room     new numbers that may be given (then str_intern returns 0)
    +48  base     the first new number (new numbers are base, base + 1, ...)
    +56  (addr)   the slots: an i64 each, 0 empty, else (number << 32) | record address
    +64  (addr)   the new numbers' records: an i64 address each, the record of base + k
                  at k (for the caller to turn back into strings)
    +72  canon    the record of the slot the last lookup found or filled: of the first
                  string the table met with those contents (``str_canon``)
    +80  (addr)   the arena's next free byte
    +88  (addr)   the arena's end
    +96  ...      the seeds

A string that gets a new number is kept as a copy in the arena, numbered there, if it is at
most ARENA_LEN_MAX code points long and the arena has room: the table's records are then
side by side, not one here and there in a heap of everything the loop made. A loop counting
a text's word pairs (``prev + " " + w`` looked up in a dict of 23,000 keys) waited on two
cache misses a lookup, the slot and the record it compares with, each far apart in ~10 MB
of the entry's heap.

Slots are hashed by contents (FNV-1a over the code point words, two to a step, and the
length, then a Fibonacci multiply: its top bits; a string longer than FULL_MAX code points
by its first and last ENDS and its length, so that seeding a long text costs no more than a
short string) and probed linearly; a slot's string is compared with ``str_eq``. The seeds are put in lazily, by the first call, so an entry whose code
never meets a string made natively does not pay for hashing them. The table never
grows: with ``room`` new numbers given, ``str_intern`` returns 0, and the caller leaves
native code. There must be more slots than seeds plus room.

``str_canon(rec) -> rec`` gives a string made natively the record of the first string
with its contents the table met (a seed, or one made before; its copy in the arena, if it
was kept there -- the string just made is then not kept): equal strings made over and
over -- a text's capitalised words, its words with a full stop -- are then one record, and
one str when they are written back (a million appended strs, 600 distinct, were made
one by one at an exit, ~0.4 us each). A character, a numbered record (copied in, not
made), or a string the full table cannot number is its own. A string that is the first of
its contents gets its new number in its record's second word: the caller passes only
records just made on the entry's heap (``jit.emit._canonical``), which no later entry
reads, so the number never outlives its table (a record copied in, which an entry may keep
for the next ones, is never written).
"""
from __future__ import annotations

HEADER = 16        # a string record's header
# a string longer than FULL_MAX is hashed by its first and last ENDS words: a long text
# seeded costs no more than a short string. (With 16 words and every string over 48, the keys
# of 40 * 40 pairs of 30-character names, alike but for a number in the middle, had 40
# hashes: probes 40 records long, ~1 us an iteration of the loop counting them; with 64 and
# every string over 192, 3,000 log lines of 212 characters alike but for a number in the
# middle had one hash, and a loop counting them ran 35 times as long as CPython's.)
ENDS = 64
FULL_MAX = 4096
TABLE_HEADER = 96  # the table's header, the seeds after it
# (the arena: a string of at most ARENA_LEN_MAX code points that gets a new number is kept
# there as a copy; ARENA_PER_NEW bytes a new number -- a record of six code points --, at
# least ARENA_LEAST and at most ARENA_MOST: past those, strings stay where they were made)
ARENA_LEN_MAX = 64
ARENA_PER_NEW = 64
ARENA_LEAST = 64 << 10
ARENA_MOST = 4 << 20
_FNV_OFFSET = 0xCBF29CE484222325 - (1 << 64)
_FNV_PRIME = 0x100000001B3
_GOLDEN = 0x9E3779B97F4A7C15 - (1 << 64)

# params: table (0), rec (1), seed (2); locals
_P_T, _P_REC, _P_SEED, _H, _J, _N, _S, _HASH, _W, _LIM, _AT = range(11)
_PROBE_LOCALS = [("h", "i32"), ("j", "i32"), ("n", "i32"), ("s", "i64"), ("hash", "i64"), ("w", "i64"),
                 ("lim", "i32"), ("at", "i32")]


def _probe_body(str_eq: int) -> list:
    """probe(table, rec, seed) -> i64: the number of rec's contents. With ``seed`` 1, rec
    (a record with its number) is put in its empty slot unless an equal string is there
    already; with 0, a string not there gets the next new number (0 if no room left)."""
    return [
        # hash := FNV-1a over the words two at a time (a code point is below 2**21: the two
        # are one i64, the second's shifted up), then the length. Two a multiply halve the
        # chain of multiplies a long key's hash waits on. A long string: its first and its
        # last ENDS words, the loop run over each part (``lim``), not a test at every word.
        ("i64.const", _FNV_OFFSET), ("local.set", _HASH),
        ("local.get", _P_REC), ("i64.load", 0), ("i32.wrap_i64",), ("local.set", _N),
        ("i32.const", ENDS), ("local.get", _N), ("local.get", _N), ("i32.const", FULL_MAX), ("i32.gt_u",), ("select",),
        ("local.set", _LIM),
        ("block", None), ("loop", None),
        ("block", None), ("loop", None),
        ("local.get", _J), ("i32.const", 1), ("i32.add",), ("local.get", _LIM), ("i32.ge_u",), ("br_if", 1),
        ("local.get", _P_REC), ("local.get", _J), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.set", _AT),
        ("local.get", _HASH),
        ("local.get", _AT), ("i64.load", HEADER), ("local.get", _AT), ("i64.load", HEADER + 8),
        ("i64.const", 32), ("i64.shl",), ("i64.xor",),
        ("i64.xor",), ("i64.const", _FNV_PRIME), ("i64.mul",), ("local.set", _HASH),
        ("local.get", _J), ("i32.const", 2), ("i32.add",), ("local.set", _J),
        ("br", 0), ("end",), ("end",),
        # (an odd word left)
        ("local.get", _J), ("local.get", _LIM), ("i32.lt_u",),
        ("if", None),
        ("local.get", _HASH),
        ("local.get", _P_REC), ("local.get", _J), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("i64.load", HEADER), ("i64.xor",), ("i64.const", _FNV_PRIME), ("i64.mul",), ("local.set", _HASH),
        ("end",),
        # (the last ENDS words of a long string next)
        ("local.get", _LIM), ("local.get", _N), ("i32.eq",), ("br_if", 1),
        ("local.get", _N), ("local.tee", _LIM), ("i32.const", ENDS), ("i32.sub",), ("local.set", _J),
        ("br", 0), ("end",), ("end",),
        ("local.get", _HASH), ("local.get", _N), ("i64.extend_i32_u",), ("i64.xor",),
        ("i64.const", _GOLDEN), ("i64.mul",), ("i64.const", 32), ("i64.shr_u",), ("i32.wrap_i64",),
        ("local.get", _P_T), ("i64.load", 24), ("i32.wrap_i64",), ("i32.and",), ("local.set", _H),
        ("loop", None),
        # s := slots[h]
        ("local.get", _P_T), ("i64.load", 56), ("i32.wrap_i64",), ("local.get", _H), ("i32.const", 3),
        ("i32.shl",), ("i32.add",), ("i64.load", 0), ("local.tee", _S), ("i64.eqz",),
        ("if", None),
        # not there: a seed goes in with its own number
        ("local.get", _P_SEED),
        ("if", None),
        ("local.get", _P_T), ("i64.load", 56), ("i32.wrap_i64",), ("local.get", _H), ("i32.const", 3),
        ("i32.shl",), ("i32.add",),
        ("local.get", _P_REC), ("i64.load", 8), ("local.tee", _W), ("i64.const", 32), ("i64.shl",),
        ("local.get", _P_REC), ("i64.extend_i32_u",), ("i64.or",), ("i64.store", 0),
        ("local.get", _W), ("return",),
        ("end",),
        # else the next new number, if there is room for it
        ("local.get", _P_T), ("i64.load", 32), ("local.tee", _S), ("local.get", _P_T), ("i64.load", 40),
        ("i64.ge_u",), ("if", None), ("i64.const", 0), ("return",), ("end",),
        ("local.get", _P_T), ("local.get", _S), ("i64.const", 1), ("i64.add",), ("i64.store", 32),
        ("local.get", _P_T), ("i64.load", 48), ("local.get", _S), ("i64.add",), ("local.set", _W),
        # the record the table keeps: a copy in the arena, numbered, if it is short and there
        # is room for it (then the string just made is the caller's to give back), else itself
        ("local.get", _P_REC), ("local.set", _AT),
        ("local.get", _N), ("i32.const", ARENA_LEN_MAX), ("i32.le_u",),
        ("if", None),
        ("local.get", _N), ("i32.const", 3), ("i32.shl",), ("i32.const", HEADER), ("i32.add",), ("local.set", _J),
        ("local.get", _P_T), ("i64.load", 80), ("local.get", _J), ("i64.extend_i32_u",), ("i64.add",),
        ("local.get", _P_T), ("i64.load", 88), ("i64.le_u",),
        ("if", None),
        ("local.get", _P_T), ("i64.load", 80), ("i32.wrap_i64",), ("local.tee", _AT),
        ("local.get", _P_REC), ("local.get", _J), ("memory.copy",),
        ("local.get", _P_T), ("local.get", _AT), ("local.get", _J), ("i32.add",), ("i64.extend_i32_u",),
        ("i64.store", 80),
        ("local.get", _AT), ("local.get", _W), ("i64.store", 8),
        ("end",),
        ("end",),
        # its record, for the caller
        ("local.get", _P_T), ("i64.load", 64), ("i32.wrap_i64",), ("local.get", _S), ("i32.wrap_i64",),
        ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.get", _AT), ("i64.extend_i32_u",),
        ("i64.store", 0),
        ("local.get", _P_T), ("local.get", _AT), ("i64.extend_i32_u",), ("i64.store", 72),
        ("local.get", _P_T), ("i64.load", 56), ("i32.wrap_i64",), ("local.get", _H), ("i32.const", 3),
        ("i32.shl",), ("i32.add",),
        ("local.get", _W), ("i64.const", 32), ("i64.shl",), ("local.get", _AT), ("i64.extend_i32_u",),
        ("i64.or",), ("i64.store", 0),
        ("local.get", _W), ("return",),
        ("end",),
        # an equal string: its number
        ("local.get", _S), ("i32.wrap_i64",), ("local.get", _P_REC), ("call", str_eq),
        ("if", None),
        ("local.get", _P_T), ("local.get", _S), ("i64.const", 0xFFFFFFFF), ("i64.and",), ("i64.store", 72),
        ("local.get", _S), ("i64.const", 32), ("i64.shr_u",), ("return",), ("end",),
        ("local.get", _H), ("i32.const", 1), ("i32.add",), ("local.get", _P_T), ("i64.load", 24),
        ("i32.wrap_i64",), ("i32.and",), ("local.set", _H),
        ("br", 0),
        ("end",),
        ("unreachable",),
    ]


# str_intern: param rec (0); locals
_I_REC, _I_T, _I_J, _I_N, _I_R = range(5)


def _intern_body(at: int, probe: int) -> list:
    return [
        ("i32.const", 0), ("i32.load", at), ("local.set", _I_T),
        # the first call puts the seeds in
        ("local.get", _I_T), ("i64.load", 0), ("i64.eqz",),
        ("if", None),
        ("local.get", _I_T), ("i64.load", 8), ("i32.wrap_i64",), ("local.set", _I_N),
        ("block", None), ("loop", None),
        ("local.get", _I_J), ("local.get", _I_N), ("i32.ge_u",), ("br_if", 1),
        ("local.get", _I_T), ("i64.load", 16), ("i32.wrap_i64",), ("local.get", _I_J), ("i32.const", 3),
        ("i32.shl",), ("i32.add",), ("i64.load", 0), ("i32.wrap_i64",), ("local.tee", _I_R),
        ("i64.load", 8), ("i64.const", 0), ("i64.ne",),
        ("local.get", _I_R), ("i64.load", 0), ("i64.const", 1), ("i64.ne",), ("i32.and",),
        ("if", None),
        ("local.get", _I_T), ("local.get", _I_R), ("i32.const", 1), ("call", probe), ("drop",),
        ("end",),
        ("local.get", _I_J), ("i32.const", 1), ("i32.add",), ("local.set", _I_J),
        ("br", 0), ("end",), ("end",),
        ("local.get", _I_T), ("i64.const", 1), ("i64.store", 0),
        ("end",),
        ("local.get", _I_T), ("local.get", _I_REC), ("i32.const", 0), ("call", probe),
    ]


def add_intern(module, at: int, str_eq: int) -> int:
    """Add ``str_intern(rec: i32) -> i64`` (and its probe) to a module whose ``str_eq`` is
    function ``str_eq`` (``at``: the address of the i32 holding the table's address); its
    index."""
    probe = module.add_function(name="intern_probe", params=[("t", "i32"), ("rec", "i32"), ("seed", "i32")],
                                results=["i64"], locals=_PROBE_LOCALS, body=_probe_body(str_eq))
    return module.add_function(name="str_intern", params=[("rec", "i32")], results=["i64"],
                               locals=[("t", "i32"), ("j", "i32"), ("n", "i32"), ("r", "i32")],
                               body=_intern_body(at, probe))


def add_canon(module, at: int, intern: int) -> int:
    """Add ``str_canon(rec: i32) -> i32`` to a module whose ``str_intern`` is function
    ``intern`` (``at``: the address of the i32 holding the table's address); its index."""
    return module.add_function(name="str_canon", params=[("rec", "i32")], results=["i32"],
                               locals=[("n", "i64"), ("c", "i32")], body=[
        # (a character, an empty string or a numbered record: itself)
        ("local.get", 0), ("i64.load", 0), ("i64.const", 2), ("i64.lt_u",),
        ("local.get", 0), ("i64.load", 8), ("i64.const", 0), ("i64.ne",), ("i32.or",),
        ("if", None), ("local.get", 0), ("return",), ("end",),
        ("local.get", 0), ("call", intern), ("local.tee", 1), ("i64.eqz",),
        ("if", None), ("local.get", 0), ("return",), ("end",),      # (no room left to number it)
        ("i32.const", 0), ("i32.load", at), ("i64.load", 72), ("i32.wrap_i64",), ("local.tee", 2),
        # (the str just made is the first of its contents: its new number kept in its record,
        # which str_key then reads without hashing it again)
        ("local.get", 0), ("i32.eq",),
        ("if", None), ("local.get", 0), ("local.get", 1), ("i64.store", 8), ("end",),
        ("local.get", 2),
    ])


def table_size(seeds: int, room: int) -> tuple[int, int]:
    """(slots, bytes) of a table for ``seeds`` seeds and ``room`` new numbers: the header,
    the seeds, at least twice as many slots as both (a power of two), the new records, the
    arena (``arena_bytes``)."""
    slots = 16
    while slots < 2 * (seeds + room):
        slots *= 2
    return slots, TABLE_HEADER + 8 * seeds + 8 * slots + 8 * room + arena_bytes(room)


def arena_bytes(room: int) -> int:
    """The bytes of the arena of a table with room for ``room`` new numbers."""
    return min(ARENA_MOST, max(ARENA_LEAST, ARENA_PER_NEW * room))
