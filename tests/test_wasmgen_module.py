"""Tests for tauraro.wasmgen: the instruction table, the binary encoder and the WAT printer.

Every module built here is validated by wasmtime, run through wasmtime's
high-level API, and printed as WAT; ``wasmtime.wat2wasm`` of that text must
give a module with identical (non-custom) sections -- in particular an
identical code section -- and the same results.
"""

from __future__ import annotations

import math
import random
import struct
import sys
from pathlib import Path

import pytest
import wasmtime

try:
    import tauraro  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tauraro.wasmgen.instructions import INSTRUCTIONS
from tauraro.wasmgen.module import (
    FuncType, Module, WasmEncodeError, encode_body, sleb128, uleb128,
)
from tauraro.wasmgen.text import f64_text, sanitize_id

ENGINE = wasmtime.Engine()
TRAPS = (wasmtime.Trap, wasmtime.WasmtimeError)


# ---------------------------------------------------------------------------
# helpers: a tiny binary reader
# ---------------------------------------------------------------------------

def read_uleb(b, pos):
    result = shift = 0
    while True:
        byte = b[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def read_name(b, pos):
    n, pos = read_uleb(b, pos)
    return bytes(b[pos:pos + n]).decode("utf-8"), pos + n


def sections(wasm):
    """[(id, payload)] with custom sections as ("custom:<name>", payload)."""
    assert wasm[:8] == b"\x00asm\x01\x00\x00\x00"
    pos, out = 8, []
    while pos < len(wasm):
        sid = wasm[pos]
        size, pos = read_uleb(wasm, pos + 1)
        payload = bytes(wasm[pos:pos + size])
        pos += size
        if sid == 0:
            name, p = read_name(payload, 0)
            out.append(("custom:" + name, payload[p:]))
        else:
            out.append((sid, payload))
    assert pos == len(wasm)
    return out


def section(wasm, sid):
    found = [p for s, p in sections(wasm) if s == sid]
    assert len(found) <= 1
    return found[0] if found else None


def decode_names(wasm):
    payload = section(wasm, "custom:name")
    names = {"module": None, "functions": {}, "locals": {}, "labels": {}, "globals": {}}
    if payload is None:
        return names

    def namemap(b, pos):
        n, pos = read_uleb(b, pos)
        m = {}
        for _ in range(n):
            idx, pos = read_uleb(b, pos)
            m[idx], pos = read_name(b, pos)
        return m, pos

    pos, last = 0, -1
    while pos < len(payload):
        sid = payload[pos]
        assert sid > last, "name subsections out of order"
        last = sid
        size, pos = read_uleb(payload, pos + 1)
        sub, pos = payload[pos:pos + size], pos + size
        if sid == 0:
            names["module"], end = read_name(sub, 0)
        elif sid in (1, 7):
            names["functions" if sid == 1 else "globals"], end = namemap(sub, 0)
        elif sid in (2, 3):
            n, p = read_uleb(sub, 0)
            outer = {}
            for _ in range(n):
                fidx, p = read_uleb(sub, p)
                outer[fidx], p = namemap(sub, p)
            names["locals" if sid == 2 else "labels"], end = outer, p
        else:
            continue
        assert end == len(sub)
    return names


# ---------------------------------------------------------------------------
# helpers: running modules
# ---------------------------------------------------------------------------

class Runner:
    def __init__(self, wasm, imports=None):
        self.store = wasmtime.Store(ENGINE)
        module = wasmtime.Module(ENGINE, wasm)
        self.instance = wasmtime.Instance(self.store, module, imports(self.store) if imports else [])

    def export(self, name):
        return self.instance.exports(self.store)[name]

    def __call__(self, name, *args):
        return self.export(name)(self.store, *args)


def check_text_roundtrip(m, same_names=True):
    """wat2wasm(to_text()) has the same sections as to_binary(); returns both binaries."""
    b1 = m.to_binary()
    wasmtime.Module.validate(ENGINE, b1)
    text = m.to_text()
    b2 = wasmtime.wat2wasm(text)
    s1, s2 = sections(b1), sections(b2)
    assert section(b1, 10) == section(b2, 10), "code sections differ"
    assert [s for s in s1 if isinstance(s[0], int)] == [s for s in s2 if isinstance(s[0], int)]
    if same_names:
        assert decode_names(b1) == decode_names(b2)
    return b1, b2


def runners(m, imports=None):
    """One Runner for to_binary() and one for wat2wasm(to_text())."""
    b1, b2 = check_text_roundtrip(m)
    return [Runner(b1, imports), Runner(b2, imports)]


def s64(x):
    x &= (1 << 64) - 1
    return x - (1 << 64) if x >= 1 << 63 else x


def s32(x):
    x &= (1 << 32) - 1
    return x - (1 << 32) if x >= 1 << 31 else x


def fbits(x):
    return struct.unpack("<q", struct.pack("<d", x))[0]


def bits_f(b):
    return struct.unpack("<d", struct.pack("<q", s64(b)))[0]


def f32bits_f(b):
    return struct.unpack("<f", struct.pack("<I", b))[0]


# ---------------------------------------------------------------------------
# LEB128 and the instruction table
# ---------------------------------------------------------------------------

def test_leb128():
    assert uleb128(0) == b"\x00"
    assert uleb128(127) == b"\x7f"
    assert uleb128(128) == b"\x80\x01"
    assert uleb128(624485) == b"\xe5\x8e\x26"
    assert sleb128(0) == b"\x00"
    assert sleb128(-1) == b"\x7f"
    assert sleb128(63) == b"\x3f"
    assert sleb128(64) == b"\xc0\x00"
    assert sleb128(-64) == b"\x40"
    assert sleb128(-65) == b"\xbf\x7f"
    assert sleb128(-123456) == b"\xc0\xbb\x78"
    for v in [0, 1, 63, 64, 8191, 8192, -8192, -8193, 2**62, -2**63, 2**63 - 1]:
        b = sleb128(v)
        # decode
        result = shift = 0
        for byte in b:
            result |= (byte & 0x7F) << shift
            shift += 7
        if b[-1] & 0x40:
            result -= 1 << shift
        assert result == v


REQUIRED = """
unreachable nop block loop if else end br br_if br_table return call drop select
local.get local.set local.tee global.get global.set
i32.load i64.load f64.load i32.load8_s i32.load8_u i32.load16_s i32.load16_u
i64.load8_s i64.load8_u i64.load16_s i64.load16_u i64.load32_s i64.load32_u
i32.store i64.store f64.store i32.store8 i32.store16 i64.store8 i64.store16 i64.store32
memory.size memory.grow memory.copy memory.fill
i32.const i64.const f32.const f64.const
i32.wrap_i64 i64.extend_i32_s i64.extend_i32_u i64.trunc_f64_s i64.trunc_f64_u
i32.trunc_f64_s f64.convert_i64_s f64.convert_i64_u f64.convert_i32_s
i64.reinterpret_f64 f64.reinterpret_i64 i64.extend8_s i64.extend16_s i64.extend32_s
i32.extend8_s i64.trunc_sat_f64_s i64.trunc_sat_f64_u i32.trunc_sat_f64_s
""".split()
INT_OPS = ("eqz eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u clz ctz popcnt add sub mul "
           "div_s div_u rem_s rem_u and or xor shl shr_s shr_u rotl rotr").split()
F64_OPS = ("eq ne lt gt le ge abs neg ceil floor trunc nearest sqrt add sub mul div min max "
           "copysign").split()


def test_table_covers_required_instructions():
    required = REQUIRED + [f"i32.{o}" for o in INT_OPS] + [f"i64.{o}" for o in INT_OPS] \
        + [f"f64.{o}" for o in F64_OPS]
    missing = [n for n in required if n not in INSTRUCTIONS]
    assert not missing


def _sample(name):
    """One instance of instruction `name` with plausible immediates."""
    imm = INSTRUCTIONS[name].imm
    return {
        None: (name,), "local": (name, 1), "global": (name, 1), "func": (name, 1),
        "label": (name, 0), "i32": (name, -123456), "i64": (name, 2**40 + 5),
        "f32": (name, 1.5), "f64": (name, -0.1), "memarg": (name, 8),
        "blocktype": (name, "i64"), "br_table": (name, (0, 0), 0), "comment": (name, "hi"),
    }[imm]


@pytest.mark.parametrize("name", sorted(INSTRUCTIONS))
def test_every_instruction_encodes_like_wat2wasm(name):
    """Each row's opcode bytes and immediates agree with wat2wasm's (which does not type-check)."""
    m = Module(name="table")
    m.set_memory(1)
    m.add_global("i32", mutable=True, init=0, name="g0")
    m.add_global("i64", mutable=True, init=0, name="g1")
    m.add_function("f0", params=[("a", "i64")], locals=[("b", "i64")], body=[])
    ins = _sample(name)
    body = [ins]
    if INSTRUCTIONS[name].imm == "blocktype":
        body = [ins, ("nop",), ("end",)]
        if name == "if":
            body = [ins, ("nop",), ("else",), ("nop",), ("end",)]
    elif name in ("else", "end"):
        body = [("if", None), ("nop",)] + ([("else",), ("end",)] if name == "else" else [("end",)])
    m.add_function("f1", params=[("a", "i64")], locals=[("b", "i64")], body=body)
    b1 = m.to_binary()
    b2 = wasmtime.wat2wasm(m.to_text())
    assert section(b1, 10) == section(b2, 10)
    assert decode_names(b1) == decode_names(b2)


# ---------------------------------------------------------------------------
# semantics
# ---------------------------------------------------------------------------

def test_sum_loop():
    m = Module(name="sum_loop")
    m.add_function(
        name="sum_to",
        params=[("n", "i64")],
        results=["i64"],
        locals=[("i", "i64"), ("total", "i64")],
        body=[
            ("comment", "total = 0; i = 0"),
            ("i64.const", 0), ("local.set", 2),
            ("i64.const", 0), ("local.set", 1),
            ("block", None, "exit"),
            ("loop", None, "top"),
            ("comment", "while i < n"),
            ("local.get", 1), ("local.get", 0), ("i64.ge_s",), ("br_if", 1),
            ("comment", "total += i; i += 1"),
            ("local.get", 2), ("local.get", 1), ("i64.add",), ("local.set", 2),
            ("local.get", 1), ("i64.const", 1), ("i64.add",), ("local.set", 1),
            ("br", 0),
            ("end",),
            ("end",),
            ("local.get", 2),
        ],
        export="run",
    )
    text = m.to_text()
    assert "br_if $exit" in text and "br $top" in text
    assert ";; while i < n" in text
    for r in runners(m):
        for n in (0, 1, 2, 10, 100_000):
            assert r("run", n) == n * (n - 1) // 2
        assert r("run", -5) == 0


def test_factorial_wraparound():
    m = Module(name="fact")
    # fact(n) = n <= 1 ? 1 : n * fact(n - 1), recursive: the body refers to its own index
    f = m.add_function("fact", params=[("n", "i64")], results=["i64"], export="fact")
    m.set_function_body(f, [
        ("local.get", 0), ("i64.const", 1), ("i64.le_s",),
        ("if", "i64"),
        ("i64.const", 1),
        ("else",),
        ("local.get", 0),
        ("local.get", 0), ("i64.const", 1), ("i64.sub",), ("call", f),
        ("i64.mul",),
        ("end",),
    ])
    # iterative version with an explicit final end
    m.add_function(
        "fact_iter", params=[("n", "i64")], results=["i64"], locals=[("acc", "i64")],
        body=[
            ("i64.const", 1), ("local.set", 1),
            ("block", None), ("loop", None),
            ("local.get", 0), ("i64.const", 1), ("i64.le_s",), ("br_if", 1),
            ("local.get", 1), ("local.get", 0), ("i64.mul",), ("local.set", 1),
            ("local.get", 0), ("i64.const", 1), ("i64.sub",), ("local.set", 0),
            ("br", 0),
            ("end",), ("end",),
            ("local.get", 1),
            ("end",),
        ],
        export="fact_iter")
    for r in runners(m):
        for n in range(0, 40):
            assert r("fact", n) == s64(math.factorial(n)), n
            assert r("fact_iter", n) == s64(math.factorial(n)), n


FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, -2.5, 2.5, 3.5, -0.5, 0.49999999999999994, 1e308, -1e308,
          5e-324, -5e-324, 2.2250738585072014e-308, 4503599627370497.0, 123456789.987,
          math.inf, -math.inf, math.nan, bits_f(0x7FF0000000000001), bits_f(-0x0007FFFFFFFFFFFF)]
SIGN = 1 << 63


def _fdiv(a, b):
    if b == 0:
        if a == 0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _fmin(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.nan
    if a == b == 0:
        return a if math.copysign(1, a) < 0 else b
    return min(a, b)


def _fmax(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.nan
    if a == b == 0:
        return b if math.copysign(1, a) < 0 else a
    return max(a, b)


def _rounding(fn):
    def op(x):
        if not math.isfinite(x):
            return x
        return math.copysign(float(fn(x)), x)
    return op


F64_BINARY = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "div": _fdiv, "min": _fmin, "max": _fmax,
}
F64_UNARY = {
    "ceil": _rounding(math.ceil), "floor": _rounding(math.floor), "trunc": _rounding(math.trunc),
    "nearest": _rounding(round),
    "sqrt": lambda x: math.nan if x < 0 else math.sqrt(x),
}
# bitwise ops: exact even on NaN payloads (computed on bit patterns)
F64_BITWISE_UNARY = {"abs": lambda b: b & ~SIGN, "neg": lambda b: b ^ SIGN}
F64_CMP = {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "lt": lambda a, b: a < b,
           "gt": lambda a, b: a > b, "le": lambda a, b: a <= b, "ge": lambda a, b: a >= b}


def test_f64_ops_bit_exact():
    m = Module(name="floats")
    for op in list(F64_BINARY) + ["copysign"]:
        m.add_function(op, params=[("a", "i64"), ("b", "i64")], results=["i64"], body=[
            ("local.get", 0), ("f64.reinterpret_i64",), ("local.get", 1), ("f64.reinterpret_i64",),
            (f"f64.{op}",), ("i64.reinterpret_f64",)], export=op)
    for op in list(F64_UNARY) + list(F64_BITWISE_UNARY):
        m.add_function(op, params=[("a", "i64")], results=["i64"], body=[
            ("local.get", 0), ("f64.reinterpret_i64",), (f"f64.{op}",), ("i64.reinterpret_f64",)],
            export=op)
    for op in F64_CMP:
        m.add_function(op, params=[("a", "i64"), ("b", "i64")], results=["i32"], body=[
            ("local.get", 0), ("f64.reinterpret_i64",), ("local.get", 1), ("f64.reinterpret_i64",),
            (f"f64.{op}",)], export=op)

    def same(got_bits, expected):
        if math.isnan(expected):
            assert math.isnan(bits_f(got_bits))
        else:
            assert got_bits == fbits(expected)

    for r in runners(m):
        for a in FLOATS:
            ab = fbits(a)
            for op, fn in F64_UNARY.items():
                same(r(op, ab), fn(a))
            for op, fn in F64_BITWISE_UNARY.items():
                assert r(op, ab) == s64(fn(ab & ((1 << 64) - 1)))
            for b in FLOATS:
                bb = fbits(b)
                for op, fn in F64_BINARY.items():
                    same(r(op, ab, bb), fn(a, b))
                assert r("copysign", ab, bb) == s64((ab & ~SIGN) | (bb & SIGN))
                for op, fn in F64_CMP.items():
                    assert r(op, ab, bb) == int(fn(a, b)), (op, a, b)


def test_float_consts_bit_exact():
    values = FLOATS + [bits_f(0x7FF4000000000123), bits_f(-0x0008000000000000 + 0),
                       -math.nan, 1.7976931348623157e308, 1 / 3, 2.0**-1074, 1e-310]
    m = Module(name="fconsts")
    for i, v in enumerate(values):
        m.add_function(f"c{i}", results=["i64"],
                       body=[("f64.const", v), ("i64.reinterpret_f64",)], export=f"c{i}")
    f32_values = [0.0, -0.0, 1.5, 0.1, math.inf, -math.inf, math.nan, 1e-45, 3.4028234663852886e38]
    for i, v in enumerate(f32_values):
        m.add_function(f"s{i}", results=["i32"],
                       body=[("f32.const", v), ("i32.reinterpret_f32",)], export=f"s{i}")
    m.add_global("f64", init=-0.0, name="negzero", export="negzero")
    m.add_global("f64", init=math.inf, name="inf", export="inf")
    text = m.to_text()
    assert "f64.const -0x0p+0" in text
    assert "f64.const inf" in text and "f64.const -inf" in text and "f64.const nan\n" in text
    assert "f64.const 0x1.8p+1" not in text and f64_text(3.0) == "0x1.8p+1"
    for r in runners(m):
        for i, v in enumerate(values):
            assert r(f"c{i}") == fbits(v), v
        for i, v in enumerate(f32_values):
            assert r(f"s{i}") == struct.unpack("<i", struct.pack("<f", v))[0], v
        assert fbits(r.export("negzero").value(r.store)) == fbits(-0.0)
        assert r.export("inf").value(r.store) == math.inf


def test_float_literals_random_bits():
    rng = random.Random(1234)
    body = []
    for _ in range(400):
        body += [("f64.const", bits_f(rng.getrandbits(64))), ("drop",)]
        body += [("f32.const", f32bits_f(rng.getrandbits(32))), ("drop",)]
    for e in range(-1074, 1024, 7):
        body += [("f64.const", math.ldexp(1.0, e)), ("f64.const", -math.ldexp(1.0, e) * 1.75),
                 ("drop",), ("drop",)]
    m = Module(name="fuzz")
    m.add_function("f", body=body, export="f")
    for r in runners(m):
        r("f")


def test_int_consts_edge_cases():
    i64_values = [0, 1, -1, 63, 64, -64, -65, 8191, 8192, -8192, -8193, 2**31, 2**32, 2**62,
                  2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64 - 2, 0x123456789ABCDEF0]
    i32_values = [0, 1, -1, 127, 128, -2**31, 2**31 - 1, 2**31, 2**32 - 1]
    m = Module(name="iconsts")
    for i, v in enumerate(i64_values):
        m.add_function(f"c{i}", results=["i64"], body=[("i64.const", v)], export=f"c{i}")
    for i, v in enumerate(i32_values):
        m.add_function(f"d{i}", results=["i32"], body=[("i32.const", v)], export=f"d{i}")
    m.add_global("i64", init=2**64 - 1, name="g_max", export="g_max")
    m.add_global("i64", init=-2**63, name="g_min", export="g_min")
    for r in runners(m):
        for i, v in enumerate(i64_values):
            assert r(f"c{i}") == s64(v)
        for i, v in enumerate(i32_values):
            assert r(f"d{i}") == s32(v)
        assert r.export("g_max").value(r.store) == -1
        assert r.export("g_min").value(r.store) == -2**63
    for bad in (2**64, -2**63 - 1):
        with pytest.raises(WasmEncodeError):
            encode_body([("i64.const", bad), ("drop",)])
    for bad in (2**32, -2**31 - 1):
        with pytest.raises(WasmEncodeError):
            encode_body([("i32.const", bad), ("drop",)])


def _tdiv(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _int_ops(bits):
    mask = (1 << bits) - 1
    s = s64 if bits == 64 else s32

    def rot(a, k):
        a &= mask
        k %= bits
        return ((a << k) | (a >> (bits - k))) & mask

    binary = {
        "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
        "div_s": lambda a, b: _tdiv(s(a), s(b)), "div_u": lambda a, b: (a & mask) // (b & mask),
        "rem_s": lambda a, b: s(a) - _tdiv(s(a), s(b)) * s(b),
        "rem_u": lambda a, b: (a & mask) % (b & mask),
        "and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b,
        "shl": lambda a, b: a << (b % bits), "shr_s": lambda a, b: s(a) >> (b % bits),
        "shr_u": lambda a, b: (a & mask) >> (b % bits),
        "rotl": lambda a, b: rot(a, b), "rotr": lambda a, b: rot(a, bits - (b % bits)),
        "eq": lambda a, b: s(a) == s(b), "ne": lambda a, b: s(a) != s(b),
        "lt_s": lambda a, b: s(a) < s(b), "lt_u": lambda a, b: a & mask < b & mask,
        "gt_s": lambda a, b: s(a) > s(b), "gt_u": lambda a, b: a & mask > b & mask,
        "le_s": lambda a, b: s(a) <= s(b), "le_u": lambda a, b: a & mask <= b & mask,
        "ge_s": lambda a, b: s(a) >= s(b), "ge_u": lambda a, b: a & mask >= b & mask,
    }
    unary = {
        "eqz": lambda a: a & mask == 0,
        "clz": lambda a: bits - (a & mask).bit_length(),
        "ctz": lambda a: ((a & mask) & -(a & mask)).bit_length() - 1 if a & mask else bits,
        "popcnt": lambda a: bin(a & mask).count("1"),
    }
    return binary, unary


INTS = [0, 1, -1, 2, -7, 63, 64, 65, 2**31 - 1, -2**31, 2**32 + 3, 2**63 - 1, -2**63,
        s64(0x123456789ABCDEF0)]


@pytest.mark.parametrize("t", ["i32", "i64"])
def test_int_ops_signed_unsigned(t):
    bits = 32 if t == "i32" else 64
    s = s32 if t == "i32" else s64
    binary, unary = _int_ops(bits)
    m = Module(name=f"{t}ops")
    cmp_like = {"eq", "ne", "eqz"} | {o for o in binary if o[:2] in ("lt", "gt", "le", "ge")}
    for op in binary:
        m.add_function(op, params=[("a", t), ("b", t)], results=["i32" if op in cmp_like else t],
                       body=[("local.get", 0), ("local.get", 1), (f"{t}.{op}",)], export=op)
    for op in unary:
        m.add_function(op, params=[("a", t)], results=["i32" if op in cmp_like else t],
                       body=[("local.get", 0), (f"{t}.{op}",)], export=op)
    values = sorted({s(v) for v in INTS})
    for r in runners(m):
        for a in values:
            for op, fn in unary.items():
                assert r(op, a) == int(fn(a)), (op, a)
            for b in values:
                for op, fn in binary.items():
                    if op in ("div_s", "div_u", "rem_s", "rem_u") and b == 0:
                        with pytest.raises(TRAPS):
                            r(op, a, b)
                        continue
                    if op == "div_s" and a == -(1 << (bits - 1)) and b == -1:
                        with pytest.raises(TRAPS):
                            r(op, a, b)
                        continue
                    expected = fn(a, b)
                    expected = int(expected) if op in cmp_like else s(expected)
                    assert r(op, a, b) == expected, (op, a, b)


def test_conversions():
    m = Module(name="conv")

    def conv(name, param, result, ops):
        m.add_function(name, params=[("x", param)], results=[result],
                       body=[("local.get", 0), *ops], export=name)

    for op in ("i64.trunc_f64_s", "i64.trunc_f64_u", "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u"):
        conv(op, "i64", "i64", [("f64.reinterpret_i64",), (op,)])
    for op in ("i32.trunc_f64_s", "i32.trunc_sat_f64_s"):
        conv(op, "i64", "i32", [("f64.reinterpret_i64",), (op,)])
    for op in ("f64.convert_i64_s", "f64.convert_i64_u"):
        conv(op, "i64", "i64", [(op,), ("i64.reinterpret_f64",)])
    conv("f64.convert_i32_s", "i32", "i64", [("f64.convert_i32_s",), ("i64.reinterpret_f64",)])
    conv("i32.wrap_i64", "i64", "i32", [("i32.wrap_i64",)])
    conv("i64.extend_i32_s", "i32", "i64", [("i64.extend_i32_s",)])
    conv("i64.extend_i32_u", "i32", "i64", [("i64.extend_i32_u",)])
    for op in ("i64.extend8_s", "i64.extend16_s", "i64.extend32_s"):
        conv(op, "i64", "i64", [(op,)])
    conv("i32.extend8_s", "i32", "i32", [("i32.extend8_s",)])

    def sat(x, lo, hi):
        if math.isnan(x):
            return 0
        if x == math.inf or x >= hi:
            return hi if x >= hi else int(x)
        if x == -math.inf or x <= lo:
            return lo
        return math.trunc(x)

    for r in runners(m):
        for x in (0.0, -0.0, 1.9, -1.9, 1e18, -1e18, 9.2e18, 1.8e19, 2.0**63, -2.0**63):
            xb = fbits(x)
            if -2.0**63 <= x < 2.0**63:
                assert r("i64.trunc_f64_s", xb) == math.trunc(x)
            else:
                with pytest.raises(TRAPS):
                    r("i64.trunc_f64_s", xb)
            if -1.0 < x < 2.0**64:
                assert r("i64.trunc_f64_u", xb) == s64(math.trunc(x))
            else:
                with pytest.raises(TRAPS):
                    r("i64.trunc_f64_u", xb)
        for x in (math.nan, math.inf, -math.inf, 1e300, -1e300, 2.0**63, -2.0**63 - 4096, 5.7, -5.7,
                  1.8e19, -0.9):
            xb = fbits(x)
            assert r("i64.trunc_sat_f64_s", xb) == sat(x, -2**63, 2**63 - 1)
            assert r("i64.trunc_sat_f64_u", xb) == s64(sat(x, 0, 2**64 - 1))
            assert r("i32.trunc_sat_f64_s", xb) == sat(x, -2**31, 2**31 - 1)
        for x in (math.nan, math.inf, 2.0**31):
            with pytest.raises(TRAPS):
                r("i32.trunc_f64_s", fbits(x))
        assert r("i32.trunc_f64_s", fbits(-3.9)) == -3
        for v in (0, 1, -1, 2**53 + 1, 2**63 - 1, -2**63, 12345678912345678):
            assert r("f64.convert_i64_s", v) == fbits(float(v))
            assert r("f64.convert_i64_u", v) == fbits(float(v & (2**64 - 1)))
        assert r("f64.convert_i32_s", -2**31) == fbits(-2.0**31)
        assert r("i32.wrap_i64", 2**32 + 5) == 5
        assert r("i32.wrap_i64", 2**31) == -2**31
        assert r("i64.extend_i32_s", -1) == -1
        assert r("i64.extend_i32_u", -1) == 2**32 - 1
        assert r("i64.extend8_s", 0x80) == -128
        assert r("i64.extend8_s", 0x17F) == 127
        assert r("i64.extend16_s", 0x8000) == -32768
        assert r("i64.extend32_s", 0x80000000) == -2**31
        assert r("i64.extend32_s", 0x1_7FFFFFFF) == 2**31 - 1
        assert r("i32.extend8_s", 0xFF) == -1


def test_memory_loads_and_stores():
    m = Module(name="mem")
    m.set_memory(min_pages=1, max_pages=3, export="memory")
    m.add_data(1000, b"hello, wasm")
    # loads at constant offset 8 from the address argument
    loads = ["i64.load", "i64.load8_s", "i64.load8_u", "i64.load16_s", "i64.load16_u",
             "i64.load32_s", "i64.load32_u"]
    for op in loads:
        m.add_function(op, params=[("addr", "i32")], results=["i64"],
                       body=[("local.get", 0), (op, 8)], export=op)
    for op in ("i32.load", "i32.load8_s", "i32.load8_u", "i32.load16_s", "i32.load16_u"):
        m.add_function(op, params=[("addr", "i32")], results=["i32"],
                       body=[("local.get", 0), (op, 8)], export=op)
    m.add_function("f64.load", params=[("addr", "i32")], results=["i64"],
                   body=[("local.get", 0), ("f64.load", 16), ("i64.reinterpret_f64",)],
                   export="f64.load")
    for op in ("i64.store", "i64.store8", "i64.store16", "i64.store32"):
        m.add_function(op, params=[("addr", "i32"), ("v", "i64")],
                       body=[("local.get", 0), ("local.get", 1), (op, 8)], export=op)
    for op in ("i32.store", "i32.store8", "i32.store16"):
        # explicit alignment 1 byte (align_log2 = 0)
        m.add_function(op, params=[("addr", "i32"), ("v", "i32")],
                       body=[("local.get", 0), ("local.get", 1), (op, 300, 0)], export=op)
    m.add_function("f64.store", params=[("addr", "i32"), ("v", "i64")],
                   body=[("local.get", 0), ("local.get", 1), ("f64.reinterpret_i64",),
                         ("f64.store", 16, 2)], export="f64.store")
    m.add_function("size", results=["i32"], body=[("memory.size",)], export="size")
    m.add_function("grow", params=[("n", "i32")], results=["i32"],
                   body=[("local.get", 0), ("memory.grow",)], export="grow")
    m.add_function("fill", params=[("d", "i32"), ("v", "i32"), ("n", "i32")],
                   body=[("local.get", 0), ("local.get", 1), ("local.get", 2), ("memory.fill",)],
                   export="fill")
    m.add_function("copy", params=[("d", "i32"), ("s", "i32"), ("n", "i32")],
                   body=[("local.get", 0), ("local.get", 1), ("local.get", 2), ("memory.copy",)],
                   export="copy")
    text = m.to_text()
    assert "i32.store16 offset=300 align=1" in text and "i32.store8 offset=300\n" in text
    assert "f64.store offset=16 align=4" in text
    assert "i64.load offset=8\n" in text
    for r in runners(m):
        mem = r.export("memory")
        st = r.store
        assert bytes(mem.read(st, 1000, 1011)) == b"hello, wasm"
        mem.write(st, bytes([0xF0, 0xFF, 0x80, 0x90, 0x01, 0x02, 0x03, 0x84]), 108)
        raw = 0x84030201_9080FFF0
        assert r("i64.load", 100) == s64(raw)
        assert r("i64.load8_s", 100) == -16 and r("i64.load8_u", 100) == 0xF0
        assert r("i64.load16_s", 100) == s64(0xFFF0 - 0x10000) and r("i64.load16_u", 100) == 0xFFF0
        assert r("i64.load32_s", 100) == s32(0x9080FFF0) and r("i64.load32_u", 100) == 0x9080FFF0
        assert r("i32.load", 101) == s32(0x019080FF)
        assert r("i32.load8_s", 102) == -128 and r("i32.load8_u", 102) == 0x80
        assert r("i32.load16_s", 102) == s32(0xFFFF9080) and r("i32.load16_u", 102) == 0x9080
        r("i64.store", 200, -2)
        assert bytes(mem.read(st, 208, 216)) == struct.pack("<q", -2)
        r("i64.store8", 200, 0x1234)
        r("i64.store16", 201, 0x5678)
        assert bytes(mem.read(st, 208, 212)) == bytes([0x34, 0x78, 0x56, 0xFF])
        r("i64.store32", 204, 0x1_89ABCDEF)
        assert bytes(mem.read(st, 212, 216)) == struct.pack("<I", 0x89ABCDEF)
        r("i32.store", 1, -3)
        r("i32.store16", 5, 0xBEEF)
        r("i32.store8", 7, 0x1FF)
        assert bytes(mem.read(st, 301, 309)) == struct.pack("<iHB", -3, 0xBEEF, 0xFF)[:7] + b"\x00"
        r("f64.store", 3, fbits(-0.0))
        assert r("f64.load", 3) == fbits(-0.0)
        assert bytes(mem.read(st, 19, 27)) == struct.pack("<d", -0.0)
        r("fill", 400, 0xAB, 10)
        r("copy", 405, 1000, 5)
        assert bytes(mem.read(st, 400, 411)) == b"\xab" * 5 + b"hello" + b"\x00"
        assert r("size") == 1
        assert r("grow", 1) == 1 and r("size") == 2
        assert r("grow", 5) == -1 and r("size") == 2
        with pytest.raises(TRAPS):
            r("i64.load", 2 * 65536 - 12)


def test_br_table_dispatch():
    m = Module(name="switch")
    m.add_function("switch", params=[("k", "i32")], results=["i64"], body=[
        ("block", None, "default"),
        ("block", None, "case2"),
        ("block", None, "case1"),
        ("block", None, "case0"),
        ("local.get", 0),
        ("br_table", (0, 1, 2, 1), 3),
        ("end",),
        ("i64.const", 100), ("return",),
        ("end",),
        ("i64.const", 101), ("return",),
        ("end",),
        ("i64.const", 102), ("return",),
        ("end",),
        ("i64.const", -1),
    ], export="switch")
    # a list of depths works too (unhashable tuple)
    m.add_function("switch2", params=[("k", "i32")], results=["i32"], body=[
        ("block", "i32"), ("i32.const", 7), ("local.get", 0), ("br_table", [0], 0), ("end",),
    ], export="switch2")
    text = m.to_text()
    assert "br_table $case0 $case1 $case2 $case1 $default" in text
    for r in runners(m):
        assert [r("switch", k) for k in range(6)] == [100, 101, 102, 101, -1, -1]
        assert r("switch", -1) == -1
        assert r("switch2", 3) == 7


def test_imported_host_functions():
    calls = []

    def float_repr(x):
        calls.append(x)
        return len(repr(x))

    def imports(store):
        return [
            wasmtime.Func(store, wasmtime.FuncType([wasmtime.ValType.f64()],
                                                   [wasmtime.ValType.i64()]), float_repr),
            wasmtime.Func(store, wasmtime.FuncType([wasmtime.ValType.i64()] * 2,
                                                   [wasmtime.ValType.i64()]), lambda a, b: a * 10 + b),
        ]

    m = Module(name="host")
    h = m.import_function("helpers", "float_repr", FuncType(("f64",), ("i64",)), name="float_repr")
    h2 = m.import_function("helpers", "combine", FuncType(("i64", "i64"), ("i64",)), name="combine")
    with pytest.raises(WasmEncodeError):
        FuncType(("f64",), ("i65",))
    m.add_function("run", params=[("x", "f64")], results=["i64"], body=[
        ("local.get", 0), ("call", h),
        ("local.get", 0), ("f64.const", 2.0), ("f64.mul",), ("call", h),
        ("call", h2),
    ], export="run")
    text = m.to_text()
    assert '(import "helpers" "float_repr" (func $float_repr' in text
    assert "call $float_repr" in text and "call $combine" in text
    for r in runners(m, imports):
        calls.clear()
        assert r("run", 0.1) == 3 * 10 + 3
        assert calls == [0.1, 0.2]
    # imports must precede definitions
    with pytest.raises(WasmEncodeError):
        m.import_function("helpers", "late", FuncType(), name="late")


def test_globals():
    m = Module(name="globals")
    flag = m.import_global("env", "flag", "i32", mutable=True, name="flag")
    interrupt = m.add_global("i32", mutable=True, init=0, name="interrupt", export="interrupt")
    counter = m.add_global("i64", mutable=True, init=-5, name="counter", export="counter")
    const = m.add_global("f64", mutable=False, init=2.5, name="half5")
    assert (flag, interrupt, counter, const) == (0, 1, 2, 3)
    m.add_function("bump", results=["i64"], body=[
        ("global.get", counter), ("i64.const", 1), ("i64.add",), ("global.set", counter),
        ("global.get", interrupt), ("i64.extend_i32_u",), ("global.get", counter), ("i64.add",),
        ("global.get", flag), ("i64.extend_i32_s",), ("i64.add",),
    ], export="bump")
    m.add_function("const", results=["f64"], body=[("global.get", const)], export="const")
    m.add_function("set_flag", params=[("v", "i32")],
                   body=[("local.get", 0), ("global.set", flag)], export="set_flag")
    text = m.to_text()
    assert "(global $interrupt (mut i32) (i32.const 0))" in text
    assert '(import "env" "flag" (global $flag (mut i32)))' in text
    assert "global.set $counter" in text
    flags = []

    def imports(store):
        g = wasmtime.Global(store, wasmtime.GlobalType(wasmtime.ValType.i32(), True),
                            wasmtime.Val.i32(100))
        flags.append((store, g))
        return [g]

    for r in runners(m, imports):
        assert r("bump") == -4 + 100
        assert r("bump") == -3 + 100
        r.export("interrupt").set_value(r.store, 1000)
        assert r("bump") == 1000 - 2 + 100
        assert r.export("counter").value(r.store) == -2
        assert r("const") == 2.5
        r("set_flag", 7)
        (g,) = [g for store, g in flags if store is r.store]
        assert g.value(r.store) == 7


def test_start_function_and_multiple_exports():
    m = Module(name="start")
    g = m.add_global("i64", mutable=True, init=0, name="g")
    f = m.add_function("init", body=[("i64.const", 42), ("global.set", g)])
    m.set_start(f)
    m.add_function("get", results=["i64"], body=[("global.get", g)], export=["get", "get_alias"])
    for r in runners(m):
        assert r("get") == 42 and r("get_alias") == 42
    with pytest.raises(WasmEncodeError):
        m.add_export("get", "func", 0)


def test_return_call():
    m = Module(name="tail")
    f = m.add_function("count", params=[("n", "i64"), ("acc", "i64")], results=["i64"],
                       export="count")
    m.set_function_body(f, [
        ("local.get", 0), ("i64.eqz",),
        ("if", "i64"),
        ("local.get", 1),
        ("else",),
        ("local.get", 0), ("i64.const", 1), ("i64.sub",),
        ("local.get", 1), ("i64.const", 2), ("i64.add",),
        ("return_call", f),
        ("end",),
    ])
    assert "return_call $count" in m.to_text()
    for r in runners(m):
        assert r("count", 1_000_000, 0) == 2_000_000  # would overflow the stack without tail calls


def test_if_else_result_and_select():
    m = Module(name="ifs")
    m.add_function("abs", params=[("x", "i64")], results=["i64"], body=[
        ("local.get", 0), ("i64.const", 0), ("i64.lt_s",),
        ("if", "i64", "neg"),
        ("i64.const", 0), ("local.get", 0), ("i64.sub",),
        ("else",),
        ("local.get", 0),
        ("end",),
    ], export="abs")
    m.add_function("max", params=[("a", "i64"), ("b", "i64")], results=["i64"], body=[
        ("local.get", 0), ("local.get", 1), ("local.get", 0), ("local.get", 1), ("i64.gt_s",),
        ("select",),
    ], export="max")
    m.add_function("trap", body=[("unreachable",)], export="trap")
    m.add_function("tee", params=[("a", "i64")], results=["i64"], locals=[("t", "i64")], body=[
        ("local.get", 0), ("local.tee", 1), ("local.get", 1), ("i64.mul",), ("nop",)],
        export="tee")
    text = m.to_text()
    assert "if $neg (result i64)" in text
    for r in runners(m):
        assert r("abs", -5) == 5 and r("abs", 7) == 7
        assert r("max", 3, -9) == 3 and r("max", -3, 9) == 9
        assert r("tee", 12) == 144
        with pytest.raises(TRAPS):
            r("trap")


# ---------------------------------------------------------------------------
# text printer details
# ---------------------------------------------------------------------------

def test_labels_shadowing_and_depths():
    m = Module(name="labels")
    m.add_function("f", params=[("x", "i32")], results=["i32"], body=[
        ("block", None, "out"),
        ("block", None, "out"),       # shadows the outer $out
        ("block", None),              # unlabelled
        ("local.get", 0), ("i32.const", 1), ("i32.eq",), ("br_if", 0),
        ("local.get", 0), ("i32.const", 2), ("i32.eq",), ("br_if", 1),
        ("local.get", 0), ("i32.const", 3), ("i32.eq",), ("br_if", 2),
        ("i32.const", 30), ("return",),
        ("end",),
        ("i32.const", 10), ("return",),
        ("end",),
        ("i32.const", 11), ("return",),
        ("end",),
        ("i32.const", 12),
    ], export="f")
    text = m.to_text()
    assert "br_if 0\n" in text        # unlabelled target -> depth
    assert "br_if $out\n" in text     # innermost $out
    assert "br_if 2\n" in text        # outer $out is shadowed -> depth
    for r in runners(m):
        assert [r("f", x) for x in range(5)] == [30, 10, 11, 12, 30]


def test_comments_are_text_only():
    body = [("local.get", 0), ("i64.const", 2), ("i64.mul",)]
    with_comments = [("comment", "line 7: y = x * 2\nsecond line"), *body[:2],
                     ("comment", "BINARY_OP *"), body[2], ("comment", "trailing")]
    m1, m2 = Module(name="c"), Module(name="c")
    for m, b in ((m1, body), (m2, with_comments)):
        m.add_function("f", params=[("x", "i64")], results=["i64"], body=b, export="f")
    assert m1.to_binary() == m2.to_binary()
    text = m2.to_text()
    assert "    ;; line 7: y = x * 2\n    ;; second line\n" in text
    assert "    ;; BINARY_OP *\n    i64.mul\n" in text
    for r in runners(m2):
        assert r("f", 21) == 42


def test_indentation_one_instruction_per_line():
    m = Module(name="indent")
    m.add_function("f", body=[
        ("block", None, "a"), ("loop", None, "b"), ("i32.const", 0), ("if", None),
        ("nop",), ("else",), ("br", 2), ("end",), ("end",), ("end",)], export="f")
    text = m.to_text()
    expected = """\
  (func $f (type 0)
    block $a
      loop $b
        i32.const 0
        if
          nop
        else
          br $a
        end
      end ;; $b
    end ;; $a
  )
"""
    assert expected in text
    runners(m)


def test_name_sanitizing_and_dedup():
    m = Module(name="prog.py line 12")
    m.import_function("helpers", "h", FuncType(), name="héllo world")
    m.add_function("loop 12 (x)", params=[("a b", "i64"), ("a_b", "i64")],
                   locals=[("x", "i64"), (None, "i32"), ("y!", "f64")], body=[
                       ("block", None, "exit now"), ("br", 0), ("end",)], export="run")
    m.add_function("loop 12 (x)", body=[], export="run2")
    m.add_global("i32", mutable=True, name="g g", export="g")
    assert sanitize_id("héllo world") == "h_llo_world"
    text = m.to_text()
    for s in ("(module $prog.py_line_12", "$h_llo_world", "(func $loop_12__x_ (type",
              "(param $a_b i64) (param $a_b_2 i64)", "(local $x i64)", "(local i32) ;; 3",
              "(local $y! f64)", "block $exit_now", "br $exit_now", "(func $loop_12__x__2",
              "(global $g_g (mut i32)"):
        assert s in text, s
    b1, b2 = check_text_roundtrip(m, same_names=False)
    ours = decode_names(b1)
    assert ours == {
        "module": "prog.py line 12",
        "functions": {0: "héllo world", 1: "loop 12 (x)", 2: "loop 12 (x)"},
        "locals": {1: {0: "a b", 1: "a_b", 2: "x", 4: "y!"}},
        "labels": {1: {0: "exit now"}},
        "globals": {0: "g g"},
    }
    theirs = decode_names(b2)
    assert theirs == {
        "module": "prog.py_line_12",
        "functions": {0: "h_llo_world", 1: "loop_12__x_", 2: "loop_12__x__2"},
        "locals": {1: {0: "a_b", 1: "a_b_2", 2: "x", 4: "y!"}},
        "labels": {1: {0: "exit_now"}},
        "globals": {0: "g_g"},
    }


def test_name_section_decodes_and_survives_wat2wasm():
    m = Module(name="prog_py_line12")
    h = m.import_function("helpers", "float_repr", FuncType(("f64",), ("i64",)), name="float_repr")
    m.set_memory(min_pages=1, max_pages=None, export="memory")
    g = m.add_global("i32", mutable=True, init=0, name="interrupt", export=None)
    m.add_function(
        name="loop_12",
        params=[("entry", "i64")],
        results=["i64"],
        locals=[("total", "i64"), ("x", "f64"), ("tmp", "i32")],
        body=[("local.get", 0), ("local.set", 1),
              ("block", None, "exit"),
              ("global.get", g), ("br_if", 0),
              ("local.get", 2), ("call", h), ("local.get", 1), ("i64.add",), ("local.set", 1),
              ("end",),
              ("local.get", 1)],
        export="run")
    m.add_function("anon", params=["i64"], results=["i64"], body=[("local.get", 0)])
    b1, b2 = check_text_roundtrip(m)  # same_names=True: wat2wasm's name section decodes equal
    names = decode_names(b1)
    assert names == {
        "module": "prog_py_line12",
        "functions": {0: "float_repr", 1: "loop_12", 2: "anon"},
        "locals": {1: {0: "entry", 1: "total", 2: "x", 3: "tmp"}},
        "labels": {1: {0: "exit"}},
        "globals": {0: "interrupt"},
    }
    assert section(b1, "custom:name") == section(b2, "custom:name")
    assert b1 == b2  # whole module byte-identical


# ---------------------------------------------------------------------------
# final end, errors
# ---------------------------------------------------------------------------

def test_final_end_optional_and_balance_checked():
    body = [("block", None), ("i64.const", 1), ("drop",), ("end",), ("i64.const", 2)]
    assert encode_body(body) == encode_body(body + [("end",)])
    assert encode_body(body) == encode_body(body + [("end",), ("comment", "done")])
    assert encode_body([]) == b"\x0b"
    assert encode_body([("end",)]) == b"\x0b"
    with pytest.raises(WasmEncodeError, match="not closed"):
        encode_body([("block", None), ("nop",)])
    with pytest.raises(WasmEncodeError):
        encode_body([("end",), ("end",)])
    with pytest.raises(WasmEncodeError, match="after the function's final"):
        encode_body([("end",), ("nop",)])
    with pytest.raises(WasmEncodeError, match="after the function's final"):
        encode_body([("end",), ("block", None), ("end",)])


def test_bare_names_encode_and_print_as_one_element_tuples():
    """An instruction without an immediate may be its bare name (the JIT's emitter
    appends them so); binary and text are those of the tuple form."""
    body_t = [("i32.const", 1), ("i32.const", 2), ("i32.add",), ("block", None), ("nop",), ("end",), ("drop",)]
    body_s = [("i32.const", 1), ("i32.const", 2), "i32.add", ("block", None), "nop", "end", "drop"]
    assert encode_body(body_s) == encode_body(body_t)
    assert encode_body(body_s) == encode_body(body_t)      # (the second time from the cache)
    mods = []
    for body in (body_t, body_s):
        m = Module()
        m.add_function("f", body=body, export="f")
        mods.append(m)
    assert mods[0].to_binary() == mods[1].to_binary()
    assert mods[0].to_text() == mods[1].to_text()


def test_encode_errors():
    with pytest.raises(WasmEncodeError, match="#1.*not a known instruction"):
        encode_body([("nop",), ("i64.frobnicate",)])
    with pytest.raises(WasmEncodeError, match="not a known instruction"):
        encode_body(["i64.frobnicate"])
    with pytest.raises(WasmEncodeError, match="takes exactly one immediate"):
        encode_body(["local.get"])
    with pytest.raises(WasmEncodeError):
        encode_body([("local.get",)])
    with pytest.raises(WasmEncodeError):
        encode_body([("local.get", -1)])
    with pytest.raises(WasmEncodeError):
        encode_body([("local.get", 1.5)])
    with pytest.raises(WasmEncodeError):
        encode_body([("i64.add", 3)])
    with pytest.raises(WasmEncodeError):
        encode_body([("block", "i65"), ("end",)])
    with pytest.raises(WasmEncodeError):
        encode_body([("i64.load", 0, 4)])  # alignment above natural
    m = Module()
    m.add_function("nobody")
    with pytest.raises(WasmEncodeError, match="no body"):
        m.to_binary()


def test_large_function_3000_instructions():
    rng = random.Random(7)
    nlocals = 24
    body, expected = [], 0
    while sum(1 for ins in body if ins[0] != "comment") < 3000:
        k = rng.choice([1, -3, 100, 8191, 123456789, -2**40])
        dst = rng.randrange(1, nlocals)
        body += [("comment", f"line {len(body)}"),
                 ("local.get", 0), ("i64.const", k), ("i64.add",), ("local.set", 0),
                 ("local.get", 0), ("f64.convert_i64_s",), ("f64.const", 0.5), ("f64.mul",),
                 ("i64.trunc_sat_f64_s",), ("local.set", dst),
                 ("block", None, "skip"), ("local.get", dst), ("i64.eqz",), ("br_if", 0),
                 ("local.get", dst), ("local.set", dst), ("end",)]
        expected += k
    body.append(("local.get", 0))
    n_real = sum(1 for ins in body if ins[0] != "comment")
    assert n_real >= 3000
    m = Module(name="big")
    m.add_function("big", params=[("acc", "i64")], results=["i64"],
                   locals=[(f"v{i}", "i64") for i in range(1, nlocals)], body=body, export="big")
    for r in runners(m):
        assert r("big", 0) == expected
