"""The native str concatenation (tauraro.wasmgen.slices ``str_concat``) against Python's
``+``: records of every length around the word-by-word/memory.copy switch, characters on
either side (non-ASCII and astral code points too), a character boxed alone (flag 4); two
records one of them empty give the other record itself; a new record is 16-byte aligned
from the heap pointer, which moves past it; no room gives 0 and leaves the heap as it was."""
import struct

from wasm_harness import instantiate

from tauraro.wasmgen.module import Module
from tauraro.wasmgen.slices import add_concat_function

HEAP, HEAP_END = 16, 20
A, B = 64, 1024


def _instance():
    m = Module(name="concat_test")
    add_concat_function(m, HEAP, HEAP_END)
    m.add_export("str_concat", "func", 0)
    m.set_memory(min_pages=4, export="memory")
    store, ex = instantiate(m)
    return store, ex["str_concat"], ex["memory"]


def _put(store, mem, addr, s):
    mem.write(store, struct.pack("<qq%dq" % len(s), len(s), 7, *map(ord, s)), addr)


def _str(store, mem, rec):
    n, word = struct.unpack("<qq", mem.read(store, rec, rec + 16))
    return "".join(map(chr, struct.unpack("<%dq" % n, mem.read(store, rec + 16, rec + 16 + 8 * n)))), word


def _heap(store, mem, at, end):
    mem.write(store, struct.pack("<II", at, end), HEAP)


def test_concatenation_like_python():
    store, fn, mem = _instance()
    texts = ["", "a", "é", "\U0001F600", "ab", "naïve", "x" * 16, "y" * 17, "z" * 40 + "\u0100"]
    for a in texts:
        for b in texts:
            _put(store, mem, A, a)
            _put(store, mem, B, b)
            _heap(store, mem, 8192, 1 << 16)
            rec = fn(store, A, 0, B, 0, 0)
            if not a or not b:      # (CPython returns the other operand itself)
                assert rec == (B if not a else A), (a, b)
                continue
            assert rec == 8192 and _str(store, mem, rec) == (a + b, 0), (a, b)
            at = struct.unpack("<I", mem.read(store, HEAP, HEAP + 4))[0]
            assert at == 8192 + ((16 + 8 * len(a + b) + 15) & -16)
    for c in ("a", "é", "\U0001F600", "\x00"):
        for s in texts:
            _put(store, mem, A, s)
            _heap(store, mem, 8192, 1 << 16)
            assert _str(store, mem, fn(store, A, 0, 0, ord(c), 2)) == (s + c, 0), (s, c)
            _heap(store, mem, 8192, 1 << 16)
            assert _str(store, mem, fn(store, 0, ord(c), A, 0, 1)) == (c + s, 0), (c, s)
            _heap(store, mem, 8192, 1 << 16)
            assert _str(store, mem, fn(store, 0, ord(c), 0, ord(s[0]) if s else 0, 3 if s else 5)) == \
                (c + s[:1], 0), (c, s)


def test_no_room_gives_0_and_leaves_the_heap():
    store, fn, mem = _instance()
    _put(store, mem, A, "abc")
    _put(store, mem, B, "defg")
    _heap(store, mem, 8192, 8192 + 79)      # (7 code points: 72 bytes, 80 aligned)
    assert fn(store, A, 0, B, 0, 0) == 0
    assert struct.unpack("<II", mem.read(store, HEAP, HEAP + 8)) == (8192, 8192 + 79)
    _heap(store, mem, 8192, 8192 + 80)
    assert _str(store, mem, fn(store, A, 0, B, 0, 0)) == ("abcdefg", 0)
