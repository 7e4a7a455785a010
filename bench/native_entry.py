"""Measure the native (wasmtime) execution layer, tauraro/jit/native.py.

Run with the project venv:  .venv/bin/python bench/native_entry.py [--quick]

Prints, each a median of many runs:
  1. `import wasmtime` + Engine creation in a fresh subprocess (ms)
  2. module compile time, small module and a ~3,000-instruction function,
     without cache (Cranelift) and with a cache hit (ms)
  3. entry cost: wasmtime-py's Func.__call__ vs NativeInstance.entry() (us/call)
  4. host import call cost from a wasm loop: public Func vs the unchecked
     callback (us/call)
  5. an i64 sum loop and an f64 recurrence loop, n = 100,000,000, via entry()
     (ns/iteration)
"""

import ctypes
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import wasmtime  # noqa: E402
from wasmtime import _ffi as ffi  # noqa: E402  (only for the reference row)

from tauraro.jit.native import HostFunction, NativeEngine  # noqa: E402

QUICK = "--quick" in sys.argv


def wat(text: str) -> bytes:
    return bytes(wasmtime.wat2wasm(text))


def median_of(fn, runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def row(label: str, value: float, unit: str, note: str = "") -> None:
    print(f"  {label:<58} {value:>10.3f} {unit:<6} {note}")


# ---------------------------------------------------------------------------
# 1. import + engine in a fresh subprocess
# ---------------------------------------------------------------------------

def bench_startup() -> None:
    print("1. startup (fresh subprocess, median of runs)")
    snippets = {
        "import wasmtime + Engine(Cranelift, speed)": (
            "import time; t=time.perf_counter(); import wasmtime; "
            "c=wasmtime.Config(); c.strategy='cranelift'; c.cranelift_opt_level='speed'; "
            "e=wasmtime.Engine(c); print(time.perf_counter()-t)"),
        "import wasmtime only": (
            "import time; t=time.perf_counter(); import wasmtime; "
            "print(time.perf_counter()-t)"),
        "import wasmtime + tauraro.jit.native + NativeEngine()": (
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "import time; t=time.perf_counter(); "
            "from tauraro.jit.native import NativeEngine; NativeEngine(); "
            "print(time.perf_counter()-t)"),
        "python interpreter start + exit (no import), wall": None,
    }
    runs = 3 if QUICK else 11
    samples = {label: [] for label in snippets}
    for _ in range(runs):          # interleaved, so machine noise hits all rows alike
        for label, code in snippets.items():
            if code is None:
                t = time.perf_counter()
                subprocess.run([sys.executable, "-c", "pass"], check=True)
                samples[label].append(time.perf_counter() - t)
            else:
                out = subprocess.run([sys.executable, "-c", code], check=True,
                                     capture_output=True, text=True).stdout
                samples[label].append(float(out.strip().splitlines()[-1]))
    for label, values in samples.items():
        row(label, statistics.median(values) * 1e3, "ms",
            f"(min {min(values) * 1e3:.1f})")

    def engine_only():
        t = time.perf_counter()
        NativeEngine()
        return time.perf_counter() - t
    row("NativeEngine() in-process, wasmtime already imported",
        median_of(engine_only, runs) * 1e3, "ms")


# ---------------------------------------------------------------------------
# 2. compile times
# ---------------------------------------------------------------------------

def small_module(k: int) -> bytes:
    return wat(f"""(module (memory (export "memory") 1)
      (func (export "run") (param i64) (result i64)
        local.get 0 i64.const {k} i64.add))""")


def big_module(k: int) -> tuple:
    """A ~3,000-instruction function: straight-line integer/float arithmetic
    with loads and stores, the shape of a large JIT-compiled loop body."""
    body = []
    for j in range(120):
        body.append(f"""
        local.get $a local.get $b i64.mul i64.const {j * 7 + k} i64.add local.set $a
        local.get $b local.get $a i64.const {j % 13 + 1} i64.shr_u i64.xor local.set $b
        i32.const {(j * 8) % 4096} local.get $a i64.store
        local.get $x local.get $b f64.convert_i64_s f64.add local.set $x
        i32.const {(j * 8 + 8) % 4096} i64.load local.get $b i64.add local.set $b""")
    text = f"""(module (memory (export "memory") 1)
      (func (export "run") (param $n i64) (result i64)
        (local $a i64) (local $b i64) (local $x f64)
        local.get $n local.set $a  i64.const 3 local.set $b
        {''.join(body)}
        local.get $a local.get $b i64.add local.get $x i64.trunc_sat_f64_s i64.add))"""
    ninstr = sum(len([w for w in line.split() if not w.lstrip("-").isdigit()
                      and not w.startswith("$")]) for line in body)
    return wat(text), ninstr


def bench_compile() -> None:
    print("2. compile (median; distinct wasm bytes each time so nothing is memoized)")
    n = 5 if QUICK else 25
    for label, make in (("small module", lambda k: (small_module(k), None)),
                        ("~3,000-instruction function", big_module)):
        mods = [make(k) for k in range(1000, 1000 + n)]
        instrs = mods[0][1]
        # first compile in a fresh engine (includes lazy one-time setup)
        eng = NativeEngine(cache_dir=None)
        t = time.perf_counter()
        eng.compile(make(999)[0])
        first = time.perf_counter() - t
        times = []
        for w, _ in mods:
            t = time.perf_counter()
            eng.compile(w)
            times.append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as d:
            writer = NativeEngine(cache_dir=d)
            wtimes = []
            for w, _ in mods:
                t = time.perf_counter()
                writer.compile(w)              # compile + serialize + write
                wtimes.append(time.perf_counter() - t)
            reader = NativeEngine(cache_dir=d)
            htimes = []
            for w, _ in mods:
                t = time.perf_counter()
                m = reader.compile(w)
                htimes.append(time.perf_counter() - t)
                assert m.from_cache
            assert reader.stats.cache_hits == n and reader.stats.compile_count == 0
            size = sum(f.stat().st_size for f in Path(d).glob("*.cwasm")) / n
        note = f"({instrs} wasm instrs)" if instrs else ""
        row(f"{label}: first compile in a fresh engine", first * 1e3, "ms", note)
        row(f"{label}: compile, no cache", statistics.median(times) * 1e3, "ms")
        row(f"{label}: compile + write cache (miss)", statistics.median(wtimes) * 1e3, "ms")
        row(f"{label}: cache hit (read+verify+deserialize)",
            statistics.median(htimes) * 1e3, "ms", f"file {size / 1024:.1f} KiB")


# ---------------------------------------------------------------------------
# 3. entry cost
# ---------------------------------------------------------------------------

ENTRY_WAT = """(module (memory (export "memory") 1)
  (func (export "ident") (param i64) (result i64) local.get 0)
  (func (export "two") (param i64 i64) (result i64) local.get 0)
  (func (export "noarg") (result i64) i64.const 7))"""


def per_call(fn, arg_calls: int, runs: int) -> float:
    def once():
        t = time.perf_counter()
        fn(arg_calls)
        return (time.perf_counter() - t) / arg_calls
    return median_of(once, runs)


def bench_entry() -> None:
    print("3. entry cost, function that returns immediately (median, us per call)")
    w = wat(ENTRY_WAT)
    calls = 5_000 if QUICK else 20_000
    runs = 5 if QUICK else 21

    cfg = wasmtime.Config()
    cfg.cranelift_opt_level = "speed"
    hl_store = wasmtime.Store(wasmtime.Engine(cfg))
    hl = wasmtime.Instance(hl_store, wasmtime.Module(hl_store.engine, w), [])
    ex = hl.exports(hl_store)
    hl_ident, hl_two, hl_noarg = ex["ident"], ex["two"], ex["noarg"]

    def hl_loop1(n):
        s = hl_store
        for i in range(n):
            hl_ident(s, i)

    def hl_loop2(n):
        s = hl_store
        for i in range(n):
            hl_two(s, i, i)

    def hl_loop0(n):
        s = hl_store
        for _ in range(n):
            hl_noarg(s)

    # reference: the unchecked call through wasmtime-py's own ctypes wrappers
    ctx = hl_store._context()
    fref = ctypes.byref(hl_ident._func)
    rawbuf = (ffi.wasmtime_val_raw_t * 1)()
    trap = ctypes.POINTER(ffi.wasm_trap_t)()
    trapref = ctypes.byref(trap)

    def raw_loop(n):
        for i in range(n):
            rawbuf[0].i64 = i
            ffi.wasmtime_func_call_unchecked(ctx, fref, rawbuf, 1, trapref)
            rawbuf[0].i64

    eng = NativeEngine()
    inst = eng.instantiate(eng.compile(w))
    ident, two, noarg = inst.entry("ident"), inst.entry("two"), inst.entry("noarg")
    assert ident(-5) == -5 and two(3, 4) == 3 and noarg() == 7

    def loop1(n):
        f = ident
        for i in range(n):
            f(i)

    def loop2(n):
        f = two
        for i in range(n):
            f(i, i)

    def loop0(n):
        f = noarg
        for _ in range(n):
            f()

    def empty(n):
        for i in range(n):
            pass

    base = per_call(empty, calls, runs)
    row("wasmtime-py Func.__call__  (i64)->i64", per_call(hl_loop1, calls, runs) * 1e6, "us")
    row("wasmtime-py Func.__call__  (i64,i64)->i64", per_call(hl_loop2, calls, runs) * 1e6, "us")
    row("wasmtime-py Func.__call__  ()->i64", per_call(hl_loop0, calls, runs) * 1e6, "us")
    row("wasmtime_func_call_unchecked via wasmtime-py wrappers",
        per_call(raw_loop, calls, runs) * 1e6, "us")
    row("NativeInstance.entry()  (i64)->i64", per_call(loop1, calls, runs) * 1e6, "us",
        "<- target <= 5 us")
    row("NativeInstance.entry()  (i64,i64)->i64", per_call(loop2, calls, runs) * 1e6, "us")
    row("NativeInstance.entry()  ()->i64", per_call(loop0, calls, runs) * 1e6, "us")
    row("(empty Python loop iteration, for reference)", base * 1e6, "us")


# ---------------------------------------------------------------------------
# 4. host import cost
# ---------------------------------------------------------------------------

HOST_WAT = """(module
  (import "helpers" "f" (func $f (param i64 f64) (result i64)))
  (import "helpers" "g" (func $g (param i64) (result i64)))
  (func (export "loop_f") (param $n i64) (result i64) (local $t i64)
    (block $d (loop $l
      local.get $n i64.eqz br_if $d
      local.get $t local.get $n f64.const 1.5 call $f i64.add local.set $t
      local.get $n i64.const 1 i64.sub local.set $n br $l))
    local.get $t)
  (func (export "loop_g") (param $n i64) (result i64) (local $t i64)
    (block $d (loop $l
      local.get $n i64.eqz br_if $d
      local.get $t local.get $n call $g i64.add local.set $t
      local.get $n i64.const 1 i64.sub local.set $n br $l))
    local.get $t)
  (func (export "loop_none") (param $n i64) (result i64) (local $t i64)
    (block $d (loop $l
      local.get $n i64.eqz br_if $d
      local.get $t local.get $n i64.add local.set $t
      local.get $n i64.const 1 i64.sub local.set $n br $l))
    local.get $t))"""


def bench_host() -> None:
    print("4. host import called from a wasm loop (median, us per call)")
    w = wat(HOST_WAT)
    n = 20_000 if QUICK else 100_000
    runs = 3 if QUICK else 9

    def f(a, b):
        return a + 1

    def g(a):
        return a + 1

    expect = sum(range(1, n + 1)) + n

    cfg = wasmtime.Config()
    cfg.cranelift_opt_level = "speed"
    store = wasmtime.Store(wasmtime.Engine(cfg))
    i64, f64 = wasmtime.ValType.i64(), wasmtime.ValType.f64()
    hf = wasmtime.Func(store, wasmtime.FuncType([i64, f64], [i64]), f)
    hg = wasmtime.Func(store, wasmtime.FuncType([i64], [i64]), g)
    hl = wasmtime.Instance(store, wasmtime.Module(store.engine, w), [hf, hg])
    hl_f, hl_g = hl.exports(store)["loop_f"], hl.exports(store)["loop_g"]

    eng = NativeEngine()
    inst = eng.instantiate(eng.compile(w), [
        HostFunction("helpers", "f", ("i64", "f64"), ("i64",), f),
        HostFunction("helpers", "g", ("i64",), ("i64",), g)])
    nf, ng = inst.entry("loop_f"), inst.entry("loop_g")

    def timed(call):
        def once():
            t = time.perf_counter()
            r = call()
            dt = time.perf_counter() - t
            assert r == expect, r
            return dt / n
        return median_of(once, runs)

    row("wasmtime-py public Func, (i64,f64)->i64",
        timed(lambda: hl_f(store, n)) * 1e6, "us")
    row("wasmtime-py public Func, (i64)->i64",
        timed(lambda: hl_g(store, n)) * 1e6, "us")
    row("unchecked callback (native.py), (i64,f64)->i64",
        timed(lambda: nf(n)) * 1e6, "us")
    row("unchecked callback (native.py), (i64)->i64",
        timed(lambda: ng(n)) * 1e6, "us")

    def pycall():
        t = time.perf_counter()
        for i in range(n):
            f(i, 1.5)
        return (time.perf_counter() - t) / n
    row("(plain Python call of the same function, for reference)",
        median_of(pycall, runs) * 1e6, "us")


# ---------------------------------------------------------------------------
# 5. loops
# ---------------------------------------------------------------------------

LOOP_WAT = """(module (memory (export "memory") 1)
  (func (export "sum") (param $n i64) (result i64) (local $i i64) (local $t i64)
    (block $d (loop $l
      local.get $i local.get $n i64.ge_s br_if $d
      local.get $t local.get $i i64.add local.set $t
      local.get $i i64.const 1 i64.add local.set $i
      br $l))
    local.get $t)
  (func (export "frec") (param $n i64) (result i64) (local $i i64) (local $x f64)
    f64.const 1 local.set $x
    (block $d (loop $l
      local.get $i local.get $n i64.ge_s br_if $d
      local.get $x f64.const 0.999999 f64.mul f64.const 0.5 f64.add local.set $x
      local.get $i i64.const 1 i64.add local.set $i
      br $l))
    local.get $x i64.reinterpret_f64))"""


def frec_py(n: int) -> float:
    x = 1.0
    for _ in range(n):
        x = x * 0.999999 + 0.5
    return x


def bench_loops() -> None:
    n = 10_000_000 if QUICK else 100_000_000
    runs = 3 if QUICK else 7
    print(f"5. hand-written wasm loops via entry(), n = {n:,} (median, ns/iteration)")
    eng = NativeEngine()
    inst = eng.instantiate(eng.compile(wat(LOOP_WAT)))
    s, fr = inst.entry("sum"), inst.entry("frec")
    assert s(1000) == sum(range(1000))
    bits = fr(10_000) % 2**64
    assert struct.unpack("<d", struct.pack("<Q", bits))[0] == frec_py(10_000)

    def timed(fn):
        def once():
            t = time.perf_counter()
            fn(n)
            return (time.perf_counter() - t) / n
        return median_of(once, runs)

    row("i64 sum loop  (total += i)", timed(s) * 1e9, "ns")
    row("f64 recurrence loop  (x = x*0.999999 + 0.5)", timed(fr) * 1e9, "ns")
    assert s(n) == n * (n - 1) // 2


def main() -> None:
    print(f"wasmtime-py {getattr(wasmtime, '__version__', None) or _ver()}, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
          + ("  [--quick]" if QUICK else ""))
    bench_startup()
    bench_compile()
    bench_entry()
    bench_host()
    bench_loops()


def _ver() -> str:
    from importlib import metadata
    return metadata.version("wasmtime")


if __name__ == "__main__":
    main()
