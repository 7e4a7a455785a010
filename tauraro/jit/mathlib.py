"""math.exp, log, sin, cos and atan2 in compiled code, where they give CPython's bits.

CPython's math functions return what the platform's C library computes, and those
are not correctly rounded: any other algorithm differs from it on some inputs.
``tauraro.wasmgen.libm`` ports the algorithms of glibc 2.36's x86_64 FMA builds to wasm,
so compiled code can compute them natively -- on machines where CPython's math is that
library. Which machine this is cannot be known from a version string (an ifunc picks
the FMA build by CPU; another glibc may change an algorithm), so the first time a loop
would use them, ``enabled`` runs the ported functions over a sample of inputs chosen
to reach every path of each algorithm and compares their bits with ``math``'s. Only if
every one agrees are calls of these functions compiled; otherwise they stay calls the
interpreter makes, as any call Tauraro does not compile.

Where CPython raises instead of returning the C result (exp overflowing, log of
x <= 0, sin and cos of an infinity) compiled code exits before the call and the
interpreter raises; ``tauraro.jit.emit`` tests those conditions, which
``libm.raises`` states, and the check also requires ``math`` to raise on its sample
exactly where ``libm.raises`` says (for exp: above ``libm.EXP_MAX``).
"""
from __future__ import annotations

import math
import os
import struct
import sys
import time

from ..boundary import BOUNDARY

PORTED = ("exp", "log", "sin", "cos", "atan2")
FUNCTIONS = {getattr(math, n): n for n in PORTED}

_engine = None         # a function returning the engine (started when first needed)
_state = None          # None: not checked yet; then True or False
seconds = 0.0          # what the check took (the engine's start not included): a one-time cost
                       # of starting the JIT, which the controller reports with the engine's
                       # start and takes out of the compile time of the loop or function
                       # whose type inference asked first
_SAMPLE = 512


def attach(engine):
    """``engine()`` gives the engine the check compiles with (the JIT's own: its disk
    cache keeps the check's native code too)."""
    global _engine
    _engine = engine


def detach(engine):
    """The controller that attached ``engine`` is done (the program has ended): no longer
    held here."""
    global _engine
    if _engine == engine:
        _engine = None


def enabled() -> bool:
    """Do the wasm ports give this machine's math results? (checked once, on first use;
    the verdict is kept in the engine's cache, keyed by everything it depends on)"""
    global _state, seconds
    if _state is None:
        if _engine is None:
            return False
        t0 = time.perf_counter()
        starting = 0.0                      # (the engine's start is timed on its own)
        try:
            if _platform_may_match():
                t1 = time.perf_counter()
                engine = _engine()
                starting = time.perf_counter() - t1
                _state = _verdict(engine)
            else:
                _state = False
        except Exception:       # a check that cannot run proves nothing
            _state = False
        seconds += time.perf_counter() - t0 - starting
    return _state


def _verdict(engine) -> bool:
    path = _verdict_path(engine)
    if path is not None:
        try:
            with open(path) as f:
                return f.read() == "1"
        except OSError:
            pass
    ok = _sample_matches(engine)
    if path is not None:
        try:
            with open(path, "w") as f:
                f.write("1" if ok else "0")
        except OSError:
            pass
    return ok


def _verdict_path(engine):
    """The check's verdict file: for these ports and this check, this Python, C library,
    CPU and engine (``cache_key`` covers wasmtime's version and configuration)."""
    if engine.cache_dir is None:
        return None
    from ..wasmgen import libm
    parts = []
    for source in (libm.__file__, __file__):
        with open(source, "rb") as f:
            parts.append(f.read())
    parts += [sys.version.encode(), _libc().encode(), " ".join(_cpu_flags()).encode()]
    return os.path.join(engine.cache_dir, engine.cache_key(b"\0".join(parts)) + ".math")


_flags = None


def _cpu_flags() -> list:
    """(read once: the check asks twice, and /proc/cpuinfo took 10 ms to read on the dev VM)"""
    global _flags
    if _flags is None:
        try:
            with open("/proc/cpuinfo") as f:
                _flags = next((line for line in f if line.startswith("flags")), "").split()
        except OSError:
            _flags = []
    return _flags


def _libc() -> str:
    """The C library and its version, "glibc 2.36" (what ``platform.libc_ver`` finds by
    reading the interpreter's binary), or "" if the system does not say."""
    try:
        return os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (AttributeError, ValueError, OSError):
        return ""


def _platform_may_match() -> bool:
    """glibc on x86_64 with FMA: the library ported, in the build its ifunc picks there
    (without FMA the engine's fused multiply-add would be a slow software call, and glibc's
    own build another algorithm)."""
    if sys.platform != "linux" or os.uname().machine != "x86_64":
        return False
    if not _libc().startswith("glibc "):
        return False
    flags = _cpu_flags()
    return "fma" in flags and "avx2" in flags


def _inputs(rng):
    """Arguments reaching each algorithm's paths: small, large, huge, near the
    overflow and underflow bounds, near multiples of pi/2, subnormal, special.
    Both sides of ``libm.EXP_MAX``: compiled code exits before exp for an x above it
    (where CPython raises OverflowError), so math.exp must be finite there and
    overflow just above."""
    from ..wasmgen.libm import EXP_MAX
    special = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 5e-324, -5e-324, 1e300, -1e300,
               709.78, 709.79, EXP_MAX, math.nextafter(EXP_MAX, math.inf), -745.1, -708.4, 1e-8,
               1 - 2 ** -52, 1 + 2 ** -52,
               math.pi / 2, math.pi, 3 * math.pi / 2, 1e9, 1e22, 2.0 ** 1000, -2.0 ** 1000,
               float("nan")]
    out = list(special)
    for lo, hi in ((-1.0, 1.0), (-10.0, 10.0), (-750.0, 750.0), (0.9, 1.1), (-1e6, 1e6)):
        out += [rng.uniform(lo, hi) for _ in range(40)]
    out += [k * math.pi / 2 + rng.uniform(-1e-6, 1e-6) for k in range(-20, 20)]
    while len(out) < _SAMPLE:       # any bits, inf and nan left out
        x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(x):
            out.append(x)
    return out[:_SAMPLE]


def _expected(name, x, y):
    try:
        return math.atan2(y, x) if name == "atan2" else getattr(math, name)(x)
    except (ValueError, OverflowError):
        return None     # compiled code exits there: nothing to compare


def _sample_matches(engine) -> bool:
    from ..wasmgen import libm
    from ..wasmgen.module import Module
    with BOUNDARY:      # (~2 ms to import, needed by this check only)
        import random
    rng = random.Random(20261201)
    xs = _inputs(rng)
    ys = [rng.choice(xs) for _ in xs]
    n = len(xs)
    base = 0                        # the tables, then the inputs (8-aligned), then the results
    x_at = (base + libm.TABLES_SIZE + 7) // 8 * 8
    y_at = x_at + 8 * n
    out_at = y_at + 8 * n           # one array per function
    end = out_at + 8 * n * len(PORTED)
    m = Module("tauraro_math_check")
    m.set_memory(min_pages=(end >> 16) + 1, export="memory")
    index = {name: getattr(libm, "add_" + name)(m, base) for name in PORTED}
    body = []
    for k, name in enumerate(PORTED):
        # for i in 0..n: out_k[i] = f(x[i]) (atan2: f(y[i], x[i]))
        args = [("local.get", 0), ("i32.const", 8), "i32.mul"]
        body += [("i32.const", 0), ("local.set", 0), ("block", None), ("loop", None),
                 ("local.get", 0), ("i32.const", n), "i32.ge_u", ("br_if", 1)]
        body += args + [("i32.const", out_at + 8 * n * k), "i32.add"]
        if name == "atan2":
            body += args + [("f64.load", y_at)]
        body += args + [("f64.load", x_at), ("call", index[name]), ("f64.store", 0),
                        ("local.get", 0), ("i32.const", 1), "i32.add", ("local.set", 0), ("br", 0),
                        ("end",), ("end",)]
    body = [(i,) if isinstance(i, str) else i for i in body]
    m.add_export("run", "func", m.add_function(name="run", params=(), results=(), locals=[("i", "i32")],
                                                body=body))
    inst = engine.instantiate(engine.compile(m.to_binary()))
    view = inst.memory_view()
    struct.pack_into("<%dd" % n, view, x_at, *xs)
    struct.pack_into("<%dd" % n, view, y_at, *ys)
    inst.entry("run")()
    for k, name in enumerate(PORTED):
        got = struct.unpack_from("<%dQ" % n, view, out_at + 8 * n * k)
        for x, y, bits in zip(xs, ys, got):
            want = _expected(name, x, y)
            # compiled code exits to the interpreter exactly where libm.raises says
            exits = libm.raises(name, *((y, x) if name == "atan2" else (x,))) is not None
            if (want is None) != exits:
                return False
            if want is None:
                continue
            if want != want:
                got_value = struct.unpack("<d", struct.pack("<Q", bits))[0]
                if got_value == got_value:      # NaN wanted: any NaN
                    return False
            elif struct.unpack("<Q", struct.pack("<d", want))[0] != bits:
                return False
    return True
