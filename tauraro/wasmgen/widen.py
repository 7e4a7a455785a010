"""A str's code points from bytes into a record's words, in wasm.

A str's record holds a code point an 8-byte word (``tauraro.wasmgen.strings``). The host
has its characters at C speed as bytes: ``str.encode("latin-1")``, a byte each, or
``"utf-32-le"``, four. Spreading those into words from Python takes a strided store an
element (~5 ns a character: 25 ms for a 4.5*10^6-character text). Instead the host copies
the bytes into the last ``width * n`` bytes of the record's body (one memory copy) and

    widen(src: i32, dst: i32, n: i32, width: i32)

turns them into the ``n`` words at ``dst``, zero-extended, ``width`` 1 or 4, at native
speed. Front to back it is safe over its own source: the word for element ``i`` ends
where element ``i + 1`` of the source starts at the latest (``src = dst + (8 - width) * n``).
It reads and writes linear memory only, like any code of the module.

``add_widen(module)`` adds it, exported under that name (the host calls it between runs of
the module's code), and returns its index.
"""
from __future__ import annotations

# parameters, then locals
SRC, DST, N, WIDTH, END = range(5)


def _widen_body() -> list:
    def loop(load, step):
        return [
            ("block", None), ("loop", None),
            ("local.get", DST), ("local.get", END), ("i32.ge_u",), ("br_if", 1),
            ("local.get", DST), ("local.get", SRC), (load, 0), ("i64.store", 0),
            ("local.get", SRC), ("i32.const", step), ("i32.add",), ("local.set", SRC),
            ("local.get", DST), ("i32.const", 8), ("i32.add",), ("local.set", DST),
            ("br", 0), ("end",), ("end",),
        ]
    return [
        ("local.get", DST), ("local.get", N), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.set", END),
        ("local.get", WIDTH), ("i32.const", 1), ("i32.eq",),
        ("if", None), *loop("i64.load8_u", 1),
        ("else",), *loop("i64.load32_u", 4),
        ("end",),
    ]


def add_widen(module) -> int:
    """Add ``widen`` to ``module``, exported; its index."""
    return module.add_function(
        name="widen", params=[("src", "i32"), ("dst", "i32"), ("n", "i32"), ("width", "i32")], results=[],
        locals=[("end", "i32")], body=_widen_body(), export="widen")
