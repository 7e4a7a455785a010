"""Record addresses to small codes, in wasm: how a long list of a few distinct strs is written back.

A list native code built holds its elements as record addresses. Writing it back maps each
address to its Python object; a million appended words of a few hundred distinct strs took
~40 ms through a dict lookup per element (an int made for each address, hashed, freed).
The host instead writes a table of the distinct addresses it knows, each with a code (its
object's index in a Python list), and this function turns the list's words into 2-byte
codes at native speed; the host then indexes its list of objects by them (C-level, ~20 ns
an element: ~20 ms a million).

    addr_codes(words: i32, n: i32, table: i32, mask: i32, out: i32, counts: i32) -> i32

reads the ``n`` words at ``words`` and stores, for each, the code of its address as an
unsigned 16-bit word at ``out`` (``out + 2 * i``). The table has ``mask + 1`` slots (a power
of two) of an i64 each at ``table``: 0 empty, else ``(address << 16) | code``; an address
is found from slot ``slot(address, mask)`` on, probing linearly (there must be an empty
slot). Unless ``counts`` is 0, the i32 at ``counts + 4 * slot`` counts the words found at
each slot (zeroed by the caller). Returns ``n``, or the index of the first word whose
address the table lacks (the codes from there are not written). It reads and writes linear
memory only, like any code of the module.

Python makes an int for each code it indexes by, but for 0 to 256, which it keeps made:
the host gives the most frequent addresses those codes (a first pass counting, a second
coding by the counts' ranks: a million words of 600 distinct strs, Zipf-like, indexed in
~15 ms where codes in the table's order took ~30).

``slot`` is the probe's start, the one definition both sides use; ``add_addr_codes(module)``
adds the function, exported under that name (the host calls it between runs), and returns
{name: index}.
"""
from __future__ import annotations

_MULTIPLIER = 0x9E3779B1      # (Fibonacci hashing: the address's bits spread, then folded)
SHIFT = 16                    # (a slot's code bits)
CODES_MAX = 1 << SHIFT        # (codes are 0 .. CODES_MAX - 1)

# parameters, then locals
WORDS, N, TABLE, MASK, OUT, COUNTS, I, A, H, E, C = range(11)


def slot(address: int, mask: int) -> int:
    """The first slot an address is looked for in: ``((address >> 3) * multiplier) mod 2**32``,
    its high half folded into its low, masked -- as the function computes it in i32."""
    h = ((address >> 3) * _MULTIPLIER) & 0xFFFFFFFF
    return (h ^ (h >> 16)) & mask


def _addr_codes_body() -> list:
    return [
        ("i32.const", 0), ("local.set", I),
        ("block", None), ("loop", None),
        ("local.get", I), ("local.get", N), ("i32.ge_u",), ("br_if", 1),
        # a = words[i]; h = slot(a)
        ("local.get", WORDS), ("local.get", I), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("i64.load", 0), ("local.set", A),
        ("local.get", A), ("i64.const", 3), ("i64.shr_u",), ("i32.wrap_i64",),
        ("i32.const", _MULTIPLIER - (1 << 32)), ("i32.mul",), ("local.tee", H),
        ("local.get", H), ("i32.const", 16), ("i32.shr_u",), ("i32.xor",),
        ("local.get", MASK), ("i32.and",), ("local.set", H),
        ("block", None), ("loop", None),
        # e = table[h]; an empty slot: not found, return i
        ("local.get", TABLE), ("local.get", H), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("i64.load", 0), ("local.tee", E), ("i64.eqz",),
        ("if", None), ("local.get", I), ("return",), ("end",),
        ("local.get", E), ("i64.const", SHIFT), ("i64.shr_u",), ("local.get", A), ("i64.eq",), ("br_if", 1),
        ("local.get", H), ("i32.const", 1), ("i32.add",), ("local.get", MASK), ("i32.and",), ("local.set", H),
        ("br", 0), ("end",), ("end",),
        # out[i] = the code; counts[h] += 1
        ("local.get", OUT), ("local.get", I), ("i32.const", 1), ("i32.shl",), ("i32.add",),
        ("local.get", E), ("i64.store16", 0),
        ("local.get", COUNTS),
        ("if", None),
        ("local.get", COUNTS), ("local.get", H), ("i32.const", 2), ("i32.shl",), ("i32.add",), ("local.tee", C),
        ("local.get", C), ("i32.load", 0), ("i32.const", 1), ("i32.add",), ("i32.store", 0),
        ("end",),
        ("local.get", I), ("i32.const", 1), ("i32.add",), ("local.set", I),
        ("br", 0), ("end",), ("end",),
        ("local.get", N),
    ]


def add_addr_codes(module) -> dict:
    """Add ``addr_codes`` to ``module``, exported; {name: index}."""
    return {
        "addr_codes": module.add_function(
            name="addr_codes", params=[("words", "i32"), ("n", "i32"), ("table", "i32"), ("mask", "i32"),
                                       ("out", "i32"), ("counts", "i32")], results=["i32"],
            locals=[("i", "i32"), ("a", "i64"), ("h", "i32"), ("e", "i64"), ("c", "i32")],
            body=_addr_codes_body(),
            export="addr_codes"),
    }
