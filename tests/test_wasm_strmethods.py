"""The native str methods that make strs (tauraro.wasmgen.strmethods) against Python's own:
``strip``/``lstrip``/``rstrip`` of characters of a str, of one character, and of
whitespace (every code point ``str.isspace`` says is one, and those it says are not);
``lower``/``upper`` of ASCII strs (always a new str, as CPython's), 0 (the interpreter's)
for any other; the str itself where strip strips nothing; ``split()`` of texts with every
kind of whitespace, and -1 when the words outnumber the slots; no room gives 0."""
import random
import struct

from wasm_harness import instantiate

from tauraro.wasmgen.module import Module
from tauraro.wasmgen.strmethods import add_case_function, add_split_function, add_split_list_function, \
    add_strip_function

HEAP, HEAP_END = 16, 20
A, B = 64, 4096
SPACES = [c for c in range(0x3001) if chr(c).isspace()]


def _instance():
    m = Module(name="strmethods_test")
    add_strip_function(m, HEAP, HEAP_END)
    add_case_function(m, HEAP, HEAP_END)
    m.add_export("str_strip", "func", 0)
    m.add_export("str_case", "func", 1)
    add_split_list_function(m, HEAP, HEAP_END)
    m.add_export("str_split_list", "func", 2)
    add_split_function(m)
    m.set_memory(min_pages=64, export="memory")
    store, ex = instantiate(m)
    return store, ex, ex["memory"]


def _put(store, mem, addr, s):
    mem.write(store, struct.pack("<qq%dq" % len(s), len(s), 7, *map(ord, s)), addr)


def _str(store, mem, rec):
    n = struct.unpack("<q", mem.read(store, rec, rec + 8))[0]
    return "".join(map(chr, struct.unpack("<%dq" % n, mem.read(store, rec + 16, rec + 16 + 8 * n))))


def _heap(store, mem, at=1 << 16, end=1 << 20):
    mem.write(store, struct.pack("<II", at, end), HEAP)


def test_whitespace_is_str_isspace():
    # (every code point up to U+3000, the last whitespace, and a few past it)
    store, ex, mem = _instance()
    for c in list(range(0x3001)) + [0x3001, 0xFEFF, 0x10FFFF]:
        s = "a" + chr(c) + "b" + chr(c)
        _put(store, mem, A, s)
        _heap(store, mem)
        rec = ex["str_strip"](store, A, 0, 0, 2 | 4)
        assert _str(store, mem, rec) == s.rstrip(), hex(c)


def test_strip_like_python():
    store, ex, mem = _instance()
    rng = random.Random(5)
    alphabet = ".,; aé\u2003\U0001F600x"
    texts = ["", ".", "..", "abc", ".,abc,.", "   x y  ", "\u3000w\u3000", ",.,", "é.é"] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(300)]
    for s in texts:
        for chars in (".,", "", "é\U0001F600", " "):
            for flags, method in ((3, str.strip), (1, str.lstrip), (2, str.rstrip)):
                _put(store, mem, A, s)
                _put(store, mem, B, chars)
                _heap(store, mem)
                rec = ex["str_strip"](store, A, B, 0, flags)
                want = method(s, chars)
                assert _str(store, mem, rec) == want, (s, chars, method)
                assert (rec == A) == (want == s), (s, chars)        # (nothing stripped: itself)
                _heap(store, mem)
                assert _str(store, mem, ex["str_strip"](store, A, 0, 0, flags | 4)) == method(s), (s, method)
            for c in ".é\U0001F600":
                _put(store, mem, A, s)
                _heap(store, mem)
                assert _str(store, mem, ex["str_strip"](store, A, 0, ord(c), 3 | 8)) == s.strip(c), (s, c)


def test_lower_and_upper_of_ascii_and_not():
    store, ex, mem = _instance()
    for s in ["", "abc", "ABC", "Hello, World! 09@[`{", "".join(map(chr, range(128))), "x" * 40]:
        for flags, method in ((0, str.lower), (1, str.upper)):
            _put(store, mem, A, s)
            _heap(store, mem)
            rec = ex["str_case"](store, A, flags)
            assert _str(store, mem, rec) == method(s), (s, method)
            assert rec != A, s          # (a new str, as CPython's, even where nothing changes)
    for s in ["é", "Straße", "abc\u0130", "\U0001F600A"]:      # (the interpreter's)
        _put(store, mem, A, s)
        _heap(store, mem)
        assert ex["str_case"](store, A, 0) == 0 and ex["str_case"](store, A, 1) == 0, s


def test_split_like_python():
    store, ex, mem = _instance()
    rng = random.Random(7)
    pieces = ["the", "Of", "naïve", "\U0001F600x", "a"] + [chr(c) for c in SPACES]
    texts = ["", "   ", "word", " two words ", "\x1c\x1da\x1e\x1fb\x85c\xa0d\u2028e\u3000"] + [
        "".join(rng.choice(pieces) for _ in range(rng.randrange(30))) for _ in range(200)]
    slots, recs = 1 << 16, 1 << 17
    for text in texts:
        words = text.split()
        try:
            raw, width = text.encode("latin-1"), 1
        except UnicodeEncodeError:
            raw, width = text.encode("utf-32-le"), 4
        # (the bytes at the end of the room the records may take: read before written over)
        src = recs + 16 * len(words) + 8 * len(text) - len(raw)
        mem.write(store, raw, src)
        n = ex["str_split"](store, src, width, len(text), slots, recs, len(words))
        assert n == len(words), text
        addrs = struct.unpack("<%dq" % n, mem.read(store, slots, slots + 8 * n))
        assert [_str(store, mem, a) for a in addrs] == words, text
        if words:       # (more words than slots: not this str's split)
            mem.write(store, raw, src)
            assert ex["str_split"](store, src, width, len(text), slots, recs, len(words) - 1) == -1, text


def test_split_of_a_record_into_a_new_list():
    # a.split() of a str record: a list record of new str records, from the heap, whose
    # pointer ends 16-byte aligned just past the last word (the room counted but not used
    # given back); 0 and the heap as it was when there is no room
    store, ex, mem = _instance()
    rng = random.Random(3)
    pieces = ["w", "Wörd", "\U0001F600", "ab"] + [chr(c) for c in SPACES[::3]]
    for text in ["", "  ", "one", " a b  c "] + ["".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
                                               for _ in range(100)]:
        _put(store, mem, A, text)
        _heap(store, mem)
        rec = ex["str_split_list"](store, A)
        n = struct.unpack("<q", mem.read(store, rec, rec + 8))[0]
        addrs = struct.unpack("<%dq" % n, mem.read(store, rec + 16, rec + 16 + 8 * n))
        assert [_str(store, mem, a) for a in addrs] == text.split(), text
        end = max([a + 16 + 8 * len(_str(store, mem, a)) for a in addrs] + [rec + 16])
        assert struct.unpack("<I", mem.read(store, HEAP, HEAP + 4))[0] == (end + 15) & -16, text
    _put(store, mem, A, "ab cd")
    _heap(store, mem, 8192, 8192 + 64)
    assert ex["str_split_list"](store, A) == 0
    assert struct.unpack("<II", mem.read(store, HEAP, HEAP + 8)) == (8192, 8192 + 64)


def test_no_room_gives_0():
    store, ex, mem = _instance()
    _put(store, mem, A, "..abcd..")
    _heap(store, mem, 8192, 8192 + 47)      # (4 code points: 48 bytes)
    assert ex["str_strip"](store, A, 0, ord("."), 3 | 8) == 0
    _put(store, mem, A, "ABCD")
    assert ex["str_case"](store, A, 0) == 0
    _heap(store, mem, 8192, 8192 + 48)
    assert _str(store, mem, ex["str_case"](store, A, 0)) == "abcd"
