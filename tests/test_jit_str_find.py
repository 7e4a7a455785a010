"""``p in a`` on strs compiled (``wasmgen.strings``' str_find, searched as CPython's
``default_find``: Horspool's skip and a bloom mask of the needle's characters), called on
records written by hand and compared with Python's ``in``; and a loop searching a
repetitive text, compared with CPython (the naive search took length x length there)."""
import random
import struct

from harness import ROOT
from test_jit import jit
from wasm_harness import instantiate

from tauraro.wasmgen.module import Module
from tauraro.wasmgen.strings import add_string_functions


def _finder():
    m = Module(name="find_test")
    m.add_export("str_find", "func", add_string_functions(m, {"str_find"})["str_find"])
    m.set_memory(min_pages=2, export="memory")
    store, ex = instantiate(m)
    mem = ex["memory"]

    def find(a, p):
        at_p = 16 + 16 + 8 * len(a)
        for at, text in ((16, a), (at_p, p)):
            mem.write(store, struct.pack("<qq%dq" % len(text), len(text), 0, *map(ord, text)), at)
        return find_fn(store, 16, at_p) == 1
    find_fn = ex["str_find"]
    return find


def test_find_agrees_with_in():
    find = _finder()
    rng = random.Random(7)
    cases = [("", ""), ("abc", ""), ("", "a"), ("a", "a"), ("ab", "abc"), ("abab" * 50, "ab" * 20 + "b"),
             ("abab" * 50, "ba" * 20 + "a"), ("abab" * 50 + "aa", "ab" * 20 + "aa"), ("x\u00e9y\U0001f600z", "\U0001f600z"),
             ("aaaa", "aaa"), ("abcabd", "abd"), ("\u0100a", "\u0140a")]
    for _ in range(3000):
        alphabet = rng.choice(["ab", "abc", "a\u0101\U0001f600", "abcdefghijklmnopqrstuvwxyz0123456789"])
        a = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        if a and rng.random() < 0.5:
            i = rng.randrange(len(a))
            p = a[i:i + rng.randrange(0, 12)]
        else:
            p = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8)))
        cases.append((a, p))
    for a, p in cases:
        assert find(a, p) == (p in a), (a, p)


def test_a_loop_searching_a_repetitive_text(tmp_path):
    # (bench/patterns/repeat_find.py: 80-character probes in a 3,000-character "abab..." text)
    r = jit(tmp_path, (ROOT / "bench" / "patterns" / "repeat_find.py").read_text())
    assert r.loop(8)["native_iterations"] > 15000, r.loop(8)
