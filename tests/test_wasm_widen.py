"""The native spread of a str's bytes into a record's words (tauraro.wasmgen.widen): the
latin-1 or UTF-32 bytes of strings of every length up to a few words past a page, placed at
the end of their words' room as the host places them, become one zero-extended word a code
point (the highest ones included), and nothing outside those words is written."""
import struct

from wasm_harness import instantiate

from tauraro.wasmgen.module import Module
from tauraro.wasmgen.widen import add_widen

DST = 64


def _instance():
    m = Module(name="widen_test")
    add_widen(m)
    m.set_memory(min_pages=4, export="memory")
    store, ex = instantiate(m)
    return store, ex["widen"], ex["memory"]


def test_bytes_become_words_in_place():
    store, widen, mem = _instance()
    texts = ["", "a", "\xff", "héllo wörld" * 3, "".join(map(chr, range(256))) * 9]
    wide = ["✓", "x\u4e2d\U0001f600\udfff\U0010ffff" * 700, "\ud800" * 9]
    for text, width, encoding in [(t, 1, "latin-1") for t in texts] + [(t, 4, "utf-32-le") for t in wide]:
        n = len(text)
        raw = text.encode(encoding, "surrogatepass")
        assert len(raw) == width * n
        mem.write(store, b"\xee" * (8 * n + 2 * DST), 0)      # (the words' room, and around it)
        src = DST + (8 - width) * n
        mem.write(store, raw, src)
        widen(store, src, DST, n, width)
        words = struct.unpack("<%dQ" % n, mem.read(store, DST, DST + 8 * n)) if n else ()
        assert list(words) == [ord(c) for c in text], (width, n)
        assert mem.read(store, 0, DST) == b"\xee" * DST
        assert mem.read(store, DST + 8 * n, DST + 8 * n + DST) == b"\xee" * DST
