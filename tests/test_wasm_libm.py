"""The wasm exp, log, sin, cos and atan2 compiled code uses are bit-identical with
CPython's math functions (glibc 2.36's FMA builds on x86_64), and the fma under them
(f64x2.relaxed_madd in wasmtime's deterministic relaxed-SIMD mode) is correctly rounded."""
import array
import math
import random
import struct
from fractions import Fraction

import pytest
import wasmtime

from tauraro.jit import native
from tauraro.jit.mathlib import _platform_may_match
from tauraro.wasmgen import libm
from tauraro.wasmgen.instructions import INSTRUCTIONS
from tauraro.wasmgen.module import Module


# the ports reproduce glibc's -fma ifunc variants; other C libraries round differently
same_libm = pytest.mark.skipif(not _platform_may_match(),
                               reason="CPython's math here is not glibc's x86_64 FMA build")

BASE = 1024              # where the tables go (any 8-aligned address works)
IN = 32768               # input array; outputs follow it
CHUNK = 4096
NAMES = ("exp", "log", "sin", "cos", "atan2")


def _engine(deterministic=True, has_fma=None):
    """An engine configured as the JIT's (relaxed SIMD, deterministic) or otherwise."""
    cfg = wasmtime.Config()
    cfg.wasm_relaxed_simd = True
    cfg.wasm_relaxed_simd_deterministic = deterministic
    if has_fma is not None:
        cfg.cranelift_flag_set("has_fma", "true" if has_fma else "false")
    return wasmtime.Engine(cfg)


def _build():
    m = Module(name="libm_test")
    end = IN + 3 * 8 * CHUNK
    m.set_memory(min_pages=end // 65536 + 1, export="memory")
    assert BASE + libm.TABLES_SIZE <= IN
    idx = {n: getattr(libm, "add_" + n)(m, BASE) for n in NAMES}
    idx["fma"] = libm.add_fma(m)
    for name, fi in idx.items():
        arity = {"atan2": 2, "fma": 3}.get(name, 1)
        out = IN + arity * 8 * CHUNK
        # map_<name>(n): out[i] = f(in[arity*i], ...)
        body = [("block", None), ("loop", None),
                ("local.get", 1), ("local.get", 0), ("i32.ge_u",), ("br_if", 1),
                ("local.get", 1), ("i32.const", 3), ("i32.shl",)]
        for j in range(arity):
            body += [("local.get", 1), ("i32.const", 8 * arity), ("i32.mul",), ("f64.load", IN + 8 * j, 3)]
        body += [("call", fi), ("f64.store", out, 3),
                 ("local.get", 1), ("i32.const", 1), ("i32.add",), ("local.set", 1),
                 ("br", 0), ("end",), ("end",)]
        m.add_function(name="map_" + name, params=[("n", "i32")], results=[], locals=[("i", "i32")],
                       body=body, export="map_" + name)
    store = wasmtime.Store(_engine())
    inst = wasmtime.Instance(store, wasmtime.Module(store.engine, m.to_binary()), [])
    ex = inst.exports(store)
    mem = ex["memory"]

    def run(name, args):
        """args: a list of tuples of floats -> the list of results."""
        arity = len(args[0])
        out = IN + arity * 8 * CHUNK
        res = []
        for s in range(0, len(args), CHUNK):
            part = args[s:s + CHUNK]
            mem.write(store, array.array("d", [v for a in part for v in a]).tobytes(), IN)
            ex["map_" + name](store, len(part))
            r = array.array("d")
            r.frombytes(mem.read(store, out, out + 8 * len(part)))
            res.extend(r)
        return res
    return run


@pytest.fixture(scope="module")
def run():
    return _build()


def _bits(x):
    return struct.pack("<d", x)


def _same(a, b):
    return _bits(a) == _bits(b) or (math.isnan(a) and math.isnan(b))


def _d(u):
    return struct.unpack("<d", struct.pack("<Q", u & 0xFFFFFFFFFFFFFFFF))[0]


# What the C function returns where CPython raises (libm.raises says when)
_C_RESULT = {
    "exp": lambda x: math.inf,
    "log": lambda x: -math.inf if x == 0 else math.nan,
    "sin": lambda x: math.nan,
    "cos": lambda x: math.nan,
}


def _expected(name, args):
    exc = libm.raises(name, *args)
    fn = getattr(math, name)
    if exc is not None:
        with pytest.raises(exc):
            fn(*args)
        return _C_RESULT[name](*args)
    return fn(*args)


def _check(run, name, args):
    got = run(name, args)
    bad = [(a, g, _expected(name, a)) for a, g in zip(args, got) if not _same(g, _expected(name, a))]
    assert not bad, f"{len(bad)} of {len(args)} differ, e.g. " + ", ".join(
        f"{name}{tuple(v.hex() for v in a)} = {g.hex()}, want {w.hex()}" for a, g, w in bad[:5])


def _anybits(r):
    return _d(r.getrandbits(64))


SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
           2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5,
           2.0, math.pi, math.pi / 2, math.pi / 4, 1e-300, 1e300, 1e22, 3.0, 0.126]

SAMPLES = {
    "exp": ([709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412,
             -708.3964185322641, -708.39641853226, 2.0 ** -54, -2.0 ** -54, 2.0 ** -55, 512.0, -512.0,
             1024.0, -1024.0],
            [_anybits, lambda r: r.uniform(-746, 710), lambda r: r.uniform(-1, 1),
             lambda r: r.uniform(-1e-5, 1e-5), lambda r: r.uniform(-745.2, -708)]),
    "log": ([1 - 2.0 ** -4, 1 + 0x109 / 2 ** 12, 1 - 2.0 ** -53, 1 + 2.0 ** -52, _d(0x3FF1090000000001),
             _d(0x3FEDFFFFFFFFFFFF)],
            [_anybits, lambda r: _d(r.getrandbits(63)), lambda r: r.uniform(0.9, 1.1),
             lambda r: 1 + r.uniform(-1e-6, 1e-6), lambda r: _d(r.getrandbits(52))]),
    "sin": ([2.0 ** -26, 2.0 ** -27, 0.855469, 0.85546875, 2.426265, 2.4262650000001, 105414350.0,
             105414351.0, -105414350.0, 6381956970095103 * 2.0 ** 797, 5.319372648326541e+255],
            [_anybits, lambda r: r.uniform(-3, 3), lambda r: r.uniform(-1e8, 1e8),
             lambda r: r.uniform(-1.1e8, 1.1e8) * 10 ** r.randint(0, 20),
             lambda r: _d(struct.unpack("<Q", struct.pack("<d", r.randrange(1, 1 << 20) * math.pi / 2))[0]
                          + r.randint(-20, 20))]),
}
SAMPLES["cos"] = SAMPLES["sin"]


@same_libm
@pytest.mark.parametrize("name", ["exp", "log", "sin", "cos"])
def test_one_argument_functions_match_cpython(run, name):
    extra, gens = SAMPLES[name]
    rng = random.Random(20240601)
    xs = SPECIAL + extra + [g(rng) for g in gens for _ in range(6000)]
    _check(run, name, [(x,) for x in xs])


@same_libm
def test_atan2_matches_cpython(run):
    rng = random.Random(20240602)
    sp = SPECIAL + [2.0 ** -500, 2.0 ** 500, 1 / 16, -2.5]
    args = [(y, x) for y in sp for x in sp]
    for _ in range(6000):
        args.append((_anybits(rng), _anybits(rng)))
        args.append((rng.uniform(-10, 10), rng.uniform(-10, 10)))
        a = rng.uniform(-1, 1) * 10 ** rng.randint(-300, 300)
        args.append((a, a * rng.choice([1, -1]) * (1 + rng.uniform(-0.2, 0.2))))
        args.append((rng.uniform(-1, 1) * 2.0 ** rng.randint(-1074, 1023),
                     rng.uniform(-1, 1) * 2.0 ** rng.randint(-1074, 1023)))
        args.append((rng.uniform(-1, 1), rng.uniform(-1, 1) * 2.0 ** rng.randint(-70, 70)))
    _check(run, "atan2", args)


def _exact_fma(a, b, c):
    v = Fraction(a) * Fraction(b) + Fraction(c)
    try:
        return float(v)
    except OverflowError:
        return math.inf if v > 0 else -math.inf


def test_fma_is_correctly_rounded(run):
    rng = random.Random(20240603)
    args = []
    for _ in range(3000):
        e = rng.randint(-400, 400)
        a, b = rng.uniform(-2, 2) * 2.0 ** e, rng.uniform(-2, 2) * 2.0 ** rng.randint(-400, 400)
        p = a * b
        args.append((a, b, rng.uniform(-2, 2) * 2.0 ** rng.randint(-600, 600)))
        args.append((a, b, -p))                                   # cancellation
        args.append((a, b, -p * (1 + rng.choice([2.0 ** -52, -2.0 ** -53, 2.0 ** -30]))))
        c = rng.uniform(1, 2) * 2.0 ** rng.randint(-100, 100)     # a*b near half an ulp of c
        h = rng.uniform(1, 2) * 2.0 ** rng.randint(-40, 0)
        args.append((h, c * 2.0 ** -53 / h * rng.choice([1, -1, 1 + 2.0 ** -52, 3, 0.5]), c))
    # beyond what the old emulation handled: huge, tiny and subnormal products, overflow
    for _ in range(2000):
        a = rng.uniform(-2, 2) * 2.0 ** rng.randint(-1074, 1022)
        b = rng.uniform(-2, 2) * 2.0 ** rng.randint(-1074, 1022)
        args.append((a, b, rng.uniform(-2, 2) * 2.0 ** rng.randint(-1074, 1022)))
        if math.isfinite(a * b):
            args.append((a, b, -(a * b)))
    got = run("fma", args)
    bad = [(a, g) for a, g in zip(args, got) if not _same(g, _exact_fma(*a))]
    assert not bad, bad[:5]


def test_functions_are_added_once_and_tables_need_one_base():
    m = Module()
    m.set_memory(min_pages=1)
    i = libm.add_exp(m, 64)
    assert libm.add_exp(m, 64) == i
    j = libm.add_log(m, 64)
    assert j != i
    assert len(m.data) == 1 and m.data[0] == (64, m.data[0][1]) and len(m.data[0][1]) == libm.TABLES_SIZE
    with pytest.raises(ValueError):
        libm.add_sin(m, 128)
    with pytest.raises(ValueError):
        libm.add_sin(Module(), 4)           # not 8-aligned


@pytest.mark.parametrize("name,args,exc", [
    ("exp", (710.0,), OverflowError), ("exp", (709.0,), None), ("exp", (-1000.0,), None),
    ("exp", (math.inf,), None), ("exp", (math.nan,), None),
    ("log", (0.0,), ValueError), ("log", (-0.0,), ValueError), ("log", (-1.0,), ValueError),
    ("log", (-math.inf,), ValueError), ("log", (math.inf,), None), ("log", (math.nan,), None),
    ("log", (5e-324,), None),
    ("sin", (math.inf,), ValueError), ("cos", (-math.inf,), ValueError), ("sin", (math.nan,), None),
    ("cos", (1e308,), None), ("atan2", (math.inf, math.nan), None), ("atan2", (0.0, 0.0), None),
])
def test_raises_says_what_cpython_raises(name, args, exc):
    assert libm.raises(name, *args) is exc
    if exc is None:
        getattr(math, name)(*args)
    else:
        with pytest.raises(exc):
            getattr(math, name)(*args)


def test_simd_instructions_encode_like_wat2wasm():
    m = Module(name="simd")
    splat3 = [("local.get", 0), ("f64x2.splat",), ("local.get", 1), ("f64x2.splat",),
              ("local.get", 2), ("f64x2.splat",)]
    for name, op, lane in (("madd", "f64x2.relaxed_madd", 1), ("nmadd", "f64x2.relaxed_nmadd", 0)):
        m.add_function(name=name, params=[("a", "f64"), ("b", "f64"), ("c", "f64")], results=["f64"],
                       body=splat3 + [(op,), (f"f64x2.extract_lane {lane}",)], export=name)
    wat = m.to_text()
    assert "f64x2.relaxed_madd" in wat and "f64x2.extract_lane 1" in wat
    assert m.to_binary() == wasmtime.wat2wasm(wat)
    assert INSTRUCTIONS["f64x2.relaxed_madd"].opcode == bytes((0xFD, 0x87, 0x02))     # 0x107
    assert INSTRUCTIONS["f64x2.extract_lane 0"].opcode == bytes((0xFD, 33, 0))
    assert INSTRUCTIONS["f64x2.splat"].opcode == bytes((0xFD, 20))
    store = wasmtime.Store(_engine())
    ex = wasmtime.Instance(store, wasmtime.Module(store.engine, m.to_binary()), []).exports(store)
    a = 1 + 2.0 ** -30
    assert ex["madd"](store, a, a, -(a * a)) == 2.0 ** -60       # the product's rounding error
    assert ex["nmadd"](store, a, a, a * a) == -2.0 ** -60


def test_jit_engine_fuses_relaxed_madd_on_every_host():
    """The JIT's Config enables relaxed SIMD in deterministic mode: relaxed_madd is a
    fused multiply-add even when Cranelift may not use the CPU's FMA instructions
    (then it calls a correctly rounded fma), where the default mode multiplies and adds."""
    cfg = dict(native._CONFIG)
    assert cfg["wasm_relaxed_simd"] is True and cfg["wasm_relaxed_simd_deterministic"] is True
    m = Module(name="fma")
    fi = libm.add_fma(m)
    m.add_export("fma", "func", fi)
    wasm = m.to_binary()
    a = 1 + 2.0 ** -30
    for engine, fused in ((_engine(True, False), True), (_engine(False, False), False)):
        store = wasmtime.Store(engine)
        f = wasmtime.Instance(store, wasmtime.Module(engine, wasm), []).exports(store)["fma"]
        assert f(store, a, a, -(a * a)) == (2.0 ** -60 if fused else 0.0)
    jit = native.NativeEngine()         # (the JIT's own engine: its _CONFIG, through its C calls)
    assert jit.instantiate(jit.compile(wasm)).entry("fma")(a, a, -(a * a)) == 2.0 ** -60
