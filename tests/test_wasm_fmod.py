"""The wasm fmod compiled loops use for float % and // is bit-exact with C's fmod."""
import math
import random
import struct

from wasm_harness import instantiate

from tauraro.wasmgen.fmod import add_fmod
from tauraro.wasmgen.module import Module


def _instance():
    m = Module(name="fmod_test")
    add_fmod(m)
    m.add_export("fmod", "func", 0)
    store, ex = instantiate(m)
    f = ex["fmod"]
    return lambda x, y: f(store, x, y)


def bits(x):
    return struct.pack("<d", x)


def same(a, b):
    return bits(a) == bits(b) or (math.isnan(a) and math.isnan(b))


EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 3.0, -3.0, 1e-310, -1e-310, 5e-324, 2.2250738585072014e-308,
         1.7976931348623157e308, -1.7976931348623157e308, math.inf, -math.inf, math.nan, 0.1, 1e300,
         123456.789, -7.25, 2.0 ** 52, 2.0 ** 53 + 2, 1e-300]


def test_edge_cases_match_c_fmod():
    fmod = _instance()
    for x in EDGES:
        for y in EDGES:
            try:
                want = math.fmod(x, y)
            except ValueError:
                want = math.nan     # C's fmod gives nan where Python's math.fmod raises
            got = fmod(x, y)
            assert same(got, want), (x, y, got, want)


def test_random_doubles_match_c_fmod():
    fmod = _instance()
    rng = random.Random(1234)
    for _ in range(20000):
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        y = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isnan(x) or math.isnan(y) or math.isinf(x) or y == 0:
            continue
        assert same(fmod(x, y), math.fmod(x, y)), (x, y)
    for _ in range(20000):
        x = rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-20, 20)
        y = rng.uniform(-100, 100) * 10 ** rng.randint(-20, 20)
        if y == 0:
            continue
        assert same(fmod(x, y), math.fmod(x, y)), (x, y)
