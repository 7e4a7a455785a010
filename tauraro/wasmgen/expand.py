"""Records of a long list of a few distinct strs laid out in wasm, from one copy of each.

Copying a list of strs in gives each element its own record, end to end (the records map
back to those very objects: ``tauraro.jit.transfer.EntryRecords._strs``). A text's
300,000 words of ten distinct strs were joined from Python into 17 MB of bytes, their
addresses summed a word at a time (an int made for each): ~50 ms of an entry. Instead the
host writes each distinct record once, a table of them, and each element's code (its
string's index among the distinct ones, a 2-byte word), and

    expand(codes: i32, n: i32, table: i32, out: i32, addrs: i32) -> i32

lays out, for element ``i`` in order, a copy of the record of code ``codes[i]`` (an
unsigned 16-bit word at ``codes + 2 * i``) at ``out`` onward, end to end, storing its
address as the i64 at ``addrs + 8 * i``. The table holds, per code, two i32: the address
of the record's copy and its size in bytes (a multiple of 8, at least 16). Returns the end
of the last record. The copies are word by word (a str's record is a few words: wasm's
``memory.copy`` is a call into the runtime). It reads and writes linear memory only, like
any code of the module.

``add_expand(module)`` adds it, exported under that name (the host calls it between runs
of the module's code), and returns {name: index}.
"""
from __future__ import annotations

# parameters, then locals
CODES, N, TABLE, OUT, ADDRS, I, SRC, END = range(8)


def _expand_body() -> list:
    return [
        ("i32.const", 0), ("local.set", I),
        ("block", None), ("loop", None),
        ("local.get", I), ("local.get", N), ("i32.ge_u",), ("br_if", 1),
        # e = table + 8 * codes[i]; src = e[0]; end = out + e[1]
        ("local.get", TABLE),
        ("local.get", CODES), ("local.get", I), ("i32.const", 1), ("i32.shl",), ("i32.add",),
        ("i32.load16_u", 0), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.tee", SRC),
        ("i32.load", 4), ("local.get", OUT), ("i32.add",), ("local.set", END),
        ("local.get", SRC), ("i32.load", 0), ("local.set", SRC),
        # addrs[i] = out
        ("local.get", ADDRS), ("local.get", I), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.get", OUT), ("i64.extend_i32_u",), ("i64.store", 0),
        # the record's words, out up to end
        ("block", None), ("loop", None),
        ("local.get", OUT), ("local.get", END), ("i32.ge_u",), ("br_if", 1),
        ("local.get", OUT), ("local.get", SRC), ("i64.load", 0), ("i64.store", 0),
        ("local.get", SRC), ("i32.const", 8), ("i32.add",), ("local.set", SRC),
        ("local.get", OUT), ("i32.const", 8), ("i32.add",), ("local.set", OUT),
        ("br", 0), ("end",), ("end",),
        ("local.get", I), ("i32.const", 1), ("i32.add",), ("local.set", I),
        ("br", 0), ("end",), ("end",),
        ("local.get", OUT),
    ]


def add_expand(module) -> dict:
    """Add ``expand`` to ``module``, exported; {name: index}."""
    return {
        "expand": module.add_function(
            name="expand", params=[("codes", "i32"), ("n", "i32"), ("table", "i32"), ("out", "i32"),
                                   ("addrs", "i32")], results=["i32"],
            locals=[("i", "i32"), ("src", "i32"), ("end", "i32")],
            body=_expand_body(),
            export="expand"),
    }
