"""exp, log, sin, cos and atan2 for compiled code, bit-identical to the C library.

CPython's ``math.exp`` & co. call the platform libm.  On the machines Tauraro
targets (Debian 12, glibc 2.36, x86_64 with FMA) glibc's ifunc picks the
``-fma`` builds of these functions (sysdeps/x86_64/fpu/multiarch/e_exp-fma.c
etc.): the generic sysdeps/ieee754/dbl-64 sources compiled with ``-mfma
-mavx2``, where GCC contracts many ``a*b + c`` into fused multiply-adds.  The
functions here are ports of those glibc 2.36 sources, with every multiply-add
fused exactly where the shipped machine code fuses it (read off the
disassembly of libm.so.6), so they return the same bits.  WebAssembly has no
scalar fma: each one is ``f64x2.relaxed_madd`` (relaxed-SIMD proposal) on
splatted operands, inline, read back from lane 0 (see :func:`add_fma`).  The
modules need an engine with relaxed SIMD enabled *in deterministic mode*
(``wasm_relaxed_simd_deterministic``, as ``tauraro.jit.native``'s engine):
there wasmtime compiles relaxed_madd to Cranelift's exact ``fma`` on every
host -- one vfmadd on x86_64 with FMA, a call of a correctly rounded fma on a
CPU without; in the default non-deterministic mode a CPU without FMA gets an
unfused multiply and add, and the results differ from glibc's.

API (every ``add_*`` returns a function index, adding the function -- and the
internal functions it calls -- once per module; a second call returns the same
index):

``add_exp(module, base)``    ``(f64) -> f64``   e_exp.c
``add_log(module, base)``    ``(f64) -> f64``   e_log.c
``add_sin(module, base)``    ``(f64) -> f64``   s_sin.c (+ branred.c)
``add_cos(module, base)``    ``(f64) -> f64``   s_sin.c (+ branred.c)
``add_atan2(module, base)``  ``(y: f64, x: f64) -> f64``   CPython's m_atan2 + e_atan2.c
``add_fma(module)``          ``(f64, f64, f64) -> f64``    (no tables)
``raises(name, *args)``      the exception ``math.<name>(*args)`` raises, or None
``EXP_MAX``                  the largest x with a finite exp(x)
``TABLES_SIZE``              bytes of the tables' data segment

``base`` is the address in memory 0 where the tables live: the first call for
a module adds one data segment of :data:`TABLES_SIZE` (21,712) bytes at
``base`` (8-aligned), holding the tables of all the functions; every call for
one module must pass the same ``base`` (ValueError otherwise).  The module
must define or import memory 0 with at least ``base + TABLES_SIZE`` bytes, and
nothing may write that range.  Internal helper functions are named
``libm_*`` (``libm_do_sin`` ...).

Inputs for which CPython raises instead of returning the C result (each
function's docstring lists them; the functions return the C value there):
see :func:`raises`.
"""
from __future__ import annotations

import base64
import math

__all__ = ["add_exp", "add_log", "add_sin", "add_cos", "add_atan2", "add_fma", "raises", "EXP_MAX",
           "TABLES_SIZE"]


# ---------------------------------------------------------------------------
# A small expression builder: typed expressions are lists of instructions
# ---------------------------------------------------------------------------

class E:
    """A wasm expression of type ``t`` ("f64", "i64" or "i32"): its instructions."""
    __slots__ = ("code", "t")

    def __init__(self, code, t):
        self.code = code
        self.t = t

    def _lift(self, v):
        if isinstance(v, E):
            return v
        if isinstance(v, float) or self.t == "f64":
            return E([("f64.const", float(v))], "f64")
        return E([(self.t + ".const", v)], self.t)

    def _bin(self, op, other, t=None, swap=False):
        other = self._lift(other)
        a, b = (other, self) if swap else (self, other)
        if a.t != b.t:
            raise TypeError(f"{op}: {a.t} vs {b.t}")
        return E(a.code + b.code + [(f"{a.t}.{op}",)], t or a.t)

    def __add__(self, o): return self._bin("add", o)
    def __radd__(self, o): return self._bin("add", o, swap=True)
    def __sub__(self, o): return self._bin("sub", o)
    def __rsub__(self, o): return self._bin("sub", o, swap=True)
    def __mul__(self, o): return self._bin("mul", o)
    def __rmul__(self, o): return self._bin("mul", o, swap=True)
    def __truediv__(self, o): return self._bin("div" if self.t == "f64" else "div_s", o)
    def __rtruediv__(self, o): return self._bin("div", o, swap=True)
    def __and__(self, o): return self._bin("and", o)
    def __or__(self, o): return self._bin("or", o)
    def __xor__(self, o): return self._bin("xor", o)
    def __lshift__(self, o): return self._bin("shl", o)
    def __rshift__(self, o): return self._bin("shr_s", o)     # arithmetic: use .shr_u()
    def __neg__(self):
        if self.t == "f64":
            return E(self.code + [("f64.neg",)], "f64")
        return self._bin("sub", 0, swap=True)

    def shr_u(self, o): return self._bin("shr_u", o)
    # comparisons give i32; floats: ordered (false with a nan)
    def __lt__(self, o): return self._bin("lt" if self.t == "f64" else "lt_s", o, "i32")
    def __le__(self, o): return self._bin("le" if self.t == "f64" else "le_s", o, "i32")
    def __gt__(self, o): return self._bin("gt" if self.t == "f64" else "gt_s", o, "i32")
    def __ge__(self, o): return self._bin("ge" if self.t == "f64" else "ge_s", o, "i32")
    def eq(self, o): return self._bin("eq", o, "i32")
    def ne(self, o): return self._bin("ne", o, "i32")
    def lt_u(self, o): return self._bin("lt_u", o, "i32")
    def ge_u(self, o): return self._bin("ge_u", o, "i32")
    def eqz(self): return E(self.code + [(f"{self.t}.eqz",)], "i32")
    def bits(self): return E(self.code + [("i64.reinterpret_f64",)], "i64")
    def as_f64(self): return E(self.code + [("f64.reinterpret_i64",)], "f64")
    def to_f64(self): return E(self.code + [(f"f64.convert_{self.t}_s",)], "f64")
    def wrap(self): return E(self.code + [("i32.wrap_i64",)], "i32")
    def ext(self): return E(self.code + [("i64.extend_i32_s",)], "i64")
    def abs(self): return E(self.code + [("f64.abs",)], "f64")
    def trunc_i32(self): return E(self.code + [("i32.trunc_f64_s",)], "i32")


def F(v) -> E:
    return E([("f64.const", float(v))], "f64")


def I(v) -> E:
    return E([("i64.const", v)], "i64")


def I32(v) -> E:
    return E([("i32.const", v)], "i32")


def H(s) -> E:
    """An f64 constant written as a C hex float."""
    return F(float.fromhex(s))


def select(a, b, cond) -> E:
    """``cond ? a : b`` (both evaluated)."""
    a = a if isinstance(a, E) else b._lift(a)
    b = b if isinstance(b, E) else a._lift(b)
    return E(a.code + b.code + cond.code + [("select",)], a.t)


def load_f64(addr: E, offset: int) -> E:
    return E(addr.code + [("f64.load", offset, 3)], "f64")


def load_i64(addr: E, offset: int) -> E:
    return E(addr.code + [("i64.load", offset, 3)], "i64")


class Var(E):
    __slots__ = ("index",)

    def __init__(self, index, t):
        super().__init__([("local.get", index)], t)
        self.index = index


class Fn:
    """A function body under construction."""

    def __init__(self, params):
        self.params = list(params)
        self.locals = []
        self.vars = {}
        self.body = []
        for i, (name, t) in enumerate(self.params):
            self.vars[name] = Var(i, t)

    def __getitem__(self, name) -> Var:
        return self.vars[name]

    def let(self, name, expr) -> Var:
        """Assign ``expr`` to the local ``name`` (declared on first use); returns it."""
        if not isinstance(expr, E):
            raise TypeError(name)
        v = self.vars.get(name)
        if v is None:
            v = self.vars[name] = Var(len(self.params) + len(self.locals), expr.t)
            self.locals.append((name, expr.t))
        elif v.t != expr.t:
            raise TypeError(f"{name}: {v.t} := {expr.t}")
        self.body += expr.code + [("local.set", v.index)]
        return v

    def ret(self, expr):
        self.body += expr.code + [("return",)]

    def stmt(self, expr):
        self.body += expr.code

    def if_(self, cond):
        return _If(self, cond)

    def else_(self):
        return _Else(self)


class _If:
    def __init__(self, fn, cond):
        self.fn = fn
        fn.body += cond.code + [("if", None)]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fn.body.append(("end",))


class _Else:
    def __init__(self, fn):
        if fn.body[-1] != ("end",):
            raise ValueError("else_ must follow an if_ block")
        fn.body[-1] = ("else",)
        self.fn = fn

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fn.body.append(("end",))


def call(idx, *args) -> E:
    code = []
    for a in args:
        code += a.code
    return E(code + [("call", idx)], "f64")


# ---------------------------------------------------------------------------
# Per-module bookkeeping
# ---------------------------------------------------------------------------


def _state(module):
    """What this module added to ``module`` (kept on it: a module's functions, once each)."""
    st = module.__dict__.get("_libm_state")
    if st is None:
        st = module._libm_state = {"funcs": {}, "base": None}
    return st


def _tables(module, base: int) -> int:
    """Add the tables' data segment at ``base`` (once); returns ``base``."""
    st = _state(module)
    if st["base"] is None:
        if base % 8:
            raise ValueError(f"libm table base {base} is not 8-aligned")
        module.add_data(base, _BLOB)
        st["base"] = base
    elif st["base"] != base:
        raise ValueError(f"libm tables already at {st['base']}, not {base}")
    return base


def _add(module, name, params, build):
    st = _state(module)
    idx = st["funcs"].get(name)
    if idx is None:
        fn = Fn(params)
        build(fn)
        idx = module.add_function(name=name, params=fn.params, results=["f64"], locals=fn.locals,
                                  body=fn.body)
        st["funcs"][name] = idx
    return idx


# ---------------------------------------------------------------------------
# fma
# ---------------------------------------------------------------------------

_EXTRACT0 = ("f64x2.extract_lane 0",)
_SPLIT = 134217729.0    # 2**27 + 1: Veltkamp splitting (branred.c)


def _fused(a: E, b: E, c: E) -> E:
    """``a*b + c`` rounded once: ``f64x2.relaxed_madd`` on splatted operands, lane 0.

    An operand that is itself such an fma is passed on as its v128 (its
    ``extract_lane 0`` dropped and no splat): lane 0 is all that is read.
    """
    code = []
    for v in (a, b, c):
        if v.t != "f64":
            raise TypeError(f"fma of {v.t}")
        if v.code and v.code[-1] == _EXTRACT0:
            code += v.code[:-1]
        else:
            code += v.code + [("f64x2.splat",)]
    return E(code + [("f64x2.relaxed_madd",), _EXTRACT0], "f64")


def add_fma(module) -> int:
    """``fma(a, b, c) -> f64``: a*b + c rounded once (to nearest even), for every input.

    ``f64x2.relaxed_madd`` of the splatted operands, lane 0: the module needs an
    engine with relaxed SIMD in deterministic mode (``tauraro.jit.native``'s is),
    where wasmtime compiles it to Cranelift's exact ``fma`` on every host (vfmadd
    on x86_64 with FMA; a call of a correctly rounded fma without).  In
    non-deterministic mode a host without FMA would get a separate multiply and
    add.  The functions here emit the same sequence inline rather than call this.
    """
    def build(f):
        f.ret(_fused(f["a"], f["b"], f["c"]))
    return _add(module, "libm_fma", [("a", "f64"), ("b", "f64"), ("c", "f64")], build)


def fma(a, b, c) -> E:
    """``_fused`` of expressions or float constants."""
    return _fused(*(v if isinstance(v, E) else F(v) for v in (a, b, c)))


# ---------------------------------------------------------------------------
# exp
# ---------------------------------------------------------------------------

_EXP_INVLN2N = float.fromhex("0x1.71547652b82fep0") * 128
_EXP_NEGLN2HIN = float.fromhex("-0x1.62e42fefa0000p-8")
_EXP_NEGLN2LON = float.fromhex("-0x1.cf79abc9e3b3ap-47")
_EXP_SHIFT = float.fromhex("0x1.8p52")
_EXP_C = [float.fromhex(s) for s in ("0x1.ffffffffffdbdp-2", "0x1.555555555543cp-3",
                                     "0x1.55555cf172b91p-5", "0x1.1111167a4d017p-7")]


def add_exp(module, base: int) -> int:
    """``exp(x) -> f64``, glibc 2.36 sysdeps/ieee754/dbl-64/e_exp.c (+ e_exp_data.c), FMA build.

    Returns what C's exp returns for every input: ``inf`` for x > 709.78...
    (CPython raises OverflowError there: the result is inf and x is finite),
    0.0 for x < -745.13... (no error in CPython: underflow is not raised),
    nan for nan (with x's payload), 1.0 for +-0.
    """
    _tables(module, base)
    tab = base + _EXP_TAB
    C2, C3, C4, C5 = _EXP_C

    def build(f):
        x = f["x"]
        ix = f.let("ix", x.bits())
        abstop = f.let("abstop", ix.shr_u(52) & 0x7FF)
        special = f.let("special", I32(0))
        # abstop - top12(0x1p-54) >= top12(512.0) - top12(0x1p-54), unsigned
        with f.if_((abstop - 0x3C9).ge_u(0x408 - 0x3C9)):
            with f.if_(abstop.lt_u(0x3C9)):         # |x| < 2**-54 (incl. 0, subnormals)
                f.ret(1.0 + x)
            with f.if_(abstop.ge_u(0x409)):          # |x| >= 1024, inf, nan
                with f.if_(ix.eq(I(0xFFF0000000000000))):
                    f.ret(F(0.0))
                with f.if_(abstop.ge_u(0x7FF)):
                    f.ret(1.0 + x)
                f.ret(select(F(0.0), F(math.inf), ix < 0))     # __math_uflow / __math_oflow
            f.let("special", I32(1))                 # 512 <= |x| < 1024: maybe over/underflow
        # exp(x) = 2^(k/N) * exp(r), x = ln2/N*k + r
        kd = f.let("kd", fma(x, _EXP_INVLN2N, _EXP_SHIFT))
        ki = f.let("ki", kd.bits())
        kd = f.let("kd", kd - _EXP_SHIFT)
        r = f.let("r", fma(kd, _EXP_NEGLN2LON, fma(kd, _EXP_NEGLN2HIN, x)))
        addr = f.let("addr", ((ki & 127) << 4).wrap())
        tail = load_f64(addr, tab)
        sbits = f.let("sbits", load_i64(addr, tab + 8) + (ki << 45))
        r2 = f.let("r2", r * r)
        tmp = f.let("tmp", fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), r + tail)))
        with f.if_(special):                       # specialcase()
            with f.if_((ki & 0x80000000).eqz()):
                scale = f.let("scale", (sbits - (1009 << 52)).as_f64())
                f.ret(2.0 ** 1009 * fma(scale, tmp, scale))
            scale = f.let("scale", (sbits + (1022 << 52)).as_f64())
            st = f.let("st", scale * tmp)
            y = f.let("y", scale + st)
            with f.if_(y < 1.0):
                lo = f.let("lo", (scale - y) + st)
                hi = f.let("hi", 1.0 + y)
                lo = f.let("lo", ((1.0 - hi) + y) + lo)
                y = f.let("y", (hi + lo) - 1.0)
                f.let("y", select(F(0.0), y, y.eq(0.0)))
            f.ret(2.0 ** -1022 * f["y"])
        scale = f.let("scale", sbits.as_f64())
        f.ret(fma(scale, tmp, scale))
    return _add(module, "libm_exp", [("x", "f64")], build)


# ---------------------------------------------------------------------------
# log
# ---------------------------------------------------------------------------

_LOG_LN2HI = float.fromhex("0x1.62e42fefa3800p-1")
_LOG_LN2LO = float.fromhex("0x1.ef35793c76730p-45")
_LOG_A = [float.fromhex(s) for s in ("-0x1.0000000000001p-1", "0x1.555555551305bp-2", "-0x1.fffffffeb459p-3",
                                     "0x1.999b324f10111p-3", "-0x1.55575e506c89fp-3")]
_LOG_B = [float.fromhex(s) for s in (
    "-0x1p-1", "0x1.5555555555577p-2", "-0x1.ffffffffffdcbp-3", "0x1.999999995dd0cp-3",
    "-0x1.55555556745a7p-3", "0x1.24924a344de3p-3", "-0x1.fffffa4423d65p-4", "0x1.c7184282ad6cap-4",
    "-0x1.999eb43b068ffp-4", "0x1.78182f7afd085p-4", "-0x1.5521375d145cdp-4")]
_LOG_OFF = 0x3FE6000000000000
_LOG_LO = 0x3FEE000000000000      # asuint64(1.0 - 0x1p-4)
_LOG_HI = 0x3FF1090000000000      # asuint64(1.0 + 0x1.09p-4)


def add_log(module, base: int) -> int:
    """``log(x) -> f64`` (natural log, one argument), glibc 2.36
    sysdeps/ieee754/dbl-64/e_log.c (+ e_log_data.c), FMA build.

    C results where CPython raises ValueError: log(+-0) = -inf, log(x < 0) =
    nan (incl. -inf).  log(inf) = inf and log(nan) = nan do not raise.
    """
    _tables(module, base)
    tab = base + _LOG_TAB
    A, B = _LOG_A, _LOG_B

    def build(f):
        x = f["x"]
        ix = f.let("ix", x.bits())
        top = f.let("top", ix.shr_u(48))
        with f.if_((ix - _LOG_LO).lt_u(_LOG_HI - _LOG_LO)):       # x close to 1
            with f.if_(ix.eq(0x3FF0000000000000)):
                f.ret(F(0.0))
            r = f.let("r", x - 1.0)
            r2 = f.let("r2", r * r)
            r3 = f.let("r3", r * r2)
            p1 = fma(r2, B[3], fma(r, B[2], B[1]))
            p2 = fma(r2, B[6], fma(r, B[5], B[4]))
            p3 = fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])))
            inner = f.let("inner", fma(fma(p3, r3, p2), r3, p1))
            # w = r*2**27; rhi = r + w - w: GCC fuses both, but r*2**27 is exact
            t = f.let("t", r * 2.0 ** 27 + r)
            rhi = f.let("rhi", t - r * 2.0 ** 27)
            rlo = f.let("rlo", r - rhi)
            w = f.let("w", rhi * rhi * B[0])        # exact: rhi has at most 27 bits
            hi = f.let("hi", r + w)
            lo = f.let("lo", (r - hi) + w)
            lo = f.let("lo", fma(B[0] * rlo, rhi + r, lo))
            f.ret(hi + fma(inner, r3, lo))
        with f.if_((top - 0x10).ge_u(0x7FF0 - 0x10)):
            with f.if_((ix << 1).eqz()):
                f.ret(F(-math.inf))                  # __math_divzero
            with f.if_(ix.eq(0x7FF0000000000000)):
                f.ret(x)
            with f.if_((top & 0x8000).ne(0) | (top & 0x7FF0).eq(0x7FF0)):
                f.ret((x - x) / (x - x))             # __math_invalid
            f.let("ix", (x * 2.0 ** 52).bits() - (52 << 52))     # subnormal: normalize
        tmp = f.let("tmp", ix - _LOG_OFF)
        addr = f.let("addr", (tmp.shr_u(45) & 127).wrap() << I32(4))
        kd = f.let("kd", (tmp >> 52).to_f64())
        z = f.let("z", (ix - (tmp & (0xFFF << 52))).as_f64())
        r = f.let("r", fma(z, load_f64(addr, tab), -1.0))
        w = f.let("w", kd * _LOG_LN2HI + load_f64(addr, tab + 8))   # kd*Ln2hi is exact
        hi = f.let("hi", r + w)
        lo = f.let("lo", fma(kd, _LOG_LN2LO, (w - hi) + r))
        r2 = f.let("r2", r * r)
        r3 = r * r2
        p = fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]))
        f.ret(fma(r3, p, fma(r2, A[0], lo)) + hi)
    return _add(module, "libm_log", [("x", "f64")], build)


# ---------------------------------------------------------------------------
# sin, cos
# ---------------------------------------------------------------------------

_S = [float.fromhex(v) for v in ("-0x1.5555555555555p-3", "0x1.1111111110ECEp-7", "-0x1.A01A019DB08B8p-13",
                                 "0x1.71DE27B9A7ED9p-19", "-0x1.ADDFFC2FCDF59p-26")]     # s1..s5
_SN3 = -1.66666666666664880952546298448555E-01
_SN5 = 8.33333214285722277379541354343671E-03
_CS2 = 4.99999999999999999999950396842453E-01       # == 0.5
_CS4 = -4.16666666666664434524222570944589E-02
_CS6 = 1.38888874007937613028114285595617E-03
_BIG = float.fromhex("0x1.8p45")
_HP0 = float.fromhex("0x1.921FB54442D18p0")
_HP1 = float.fromhex("0x1.1A62633145C07p-54")
_MP1 = float.fromhex("0x1.921FB58000000p0")
_MP2 = float.fromhex("-0x1.DDE973C000000p-27")
_PP3 = float.fromhex("-0x1.CB3B398000000p-55")
_PP4 = float.fromhex("-0x1.d747f23e32ed7p-83")
_HPINV = float.fromhex("0x1.45F306DC9C883p-1")
_TOINT = float.fromhex("0x1.8p52")
# branred.h
_BR_MP2 = float.fromhex("-0x1.DDE9740000000p-27")
_BR_BIG = float.fromhex("0x1.8p52")
_BR_BIG1 = float.fromhex("0x1.8p54")
_BR_T576 = 0x63F0000000000000


def _sincos_lookup(f, x, tab):
    """u = big + |x|; the address of __sincostab.x[k], k = low32(u) << 2; returns
    (u, address)."""
    u = f.let("u", _BIG + x.abs())
    addr = f.let("addr", u.bits().wrap() << I32(5))
    return u, addr


def _add_do_sin(module, base):
    """do_sin (s_sin.c) with TAYLOR_SIN: sin(x + dx), |x + dx| < 0.855469."""
    tab = base + _SINCOS_TAB
    s1, s2, s3, s4, s5 = _S

    def build(f):
        x, dx = f["x"], f["dx"]
        with f.if_(x.abs() < 0.126):
            xx = f.let("xx", x * x)
            p = f.let("p", fma(xx, fma(xx, fma(xx, fma(xx, s5, s4), s3), s2), s1))
            f.ret(x + fma(xx, fma(p, x, -(0.5 * dx)), dx))
        with f.if_(x <= 0.0):
            f.let("dx", -dx)
        u, addr = _sincos_lookup(f, x, tab)
        xr = f.let("xr", x.abs() - (u - _BIG))
        xx = f.let("xx", xr * xr)
        s = f.let("s", xr + fma(xr * xx, fma(xx, _SN5, _SN3), dx))
        c = f.let("c", fma(xr, dx, xx * fma(xx, fma(xx, _CS6, _CS4), _CS2)))
        sn, ssn = load_f64(addr, tab), load_f64(addr, tab + 8)
        cs, ccs = load_f64(addr, tab + 16), load_f64(addr, tab + 24)
        cor = fma(s, cs, fma(-c, sn, fma(s, ccs, ssn)))
        f.ret(E((load_f64(addr, tab) + cor).code + x.code + [("f64.copysign",)], "f64"))
    return _add(module, "libm_do_sin", [("x", "f64"), ("dx", "f64")], build)


def _add_do_cos(module, base):
    """do_cos (s_sin.c): cos(x + dx), |x + dx| < 0.855469."""
    tab = base + _SINCOS_TAB

    def build(f):
        x, dx = f["x"], f["dx"]
        with f.if_(x < 0.0):
            f.let("dx", -dx)
        u, addr = _sincos_lookup(f, x, tab)
        xr = f.let("xr", (x.abs() - (u - _BIG)) + dx)
        xx = f.let("xx", xr * xr)
        s = f.let("s", fma(xr * xx, fma(xx, _SN5, _SN3), xr))
        c = xx * fma(xx, fma(xx, _CS6, _CS4), _CS2)
        sn, ssn = load_f64(addr, tab), load_f64(addr, tab + 8)
        cs, ccs = load_f64(addr, tab + 16), load_f64(addr, tab + 24)
        cor = fma(-s, sn, fma(-c, cs, fma(-s, ssn, ccs)))
        f.ret(cs + cor)
    return _add(module, "libm_do_cos", [("x", "f64"), ("dx", "f64")], build)


def _add_do_sincos(module, base):
    """do_sincos (s_sin.c): sin(a + da + n*pi/2)."""
    do_sin = _add_do_sin(module, base)
    do_cos = _add_do_cos(module, base)

    def build(f):
        a, da, n = f["a"], f["da"], f["n"]
        with f.if_((n & I32(1)).ne(I32(0))):
            f.let("r", call(do_cos, a, da))
        with f.else_():
            f.let("r", call(do_sin, a, da))
        r = f["r"]
        f.ret(select(-r, r, (n & I32(2)).ne(I32(0))))
    return _add(module, "libm_do_sincos", [("a", "f64"), ("da", "f64"), ("n", "i32")], build)


def _branred_half(f, x, tab, tag):
    """One half of __branred (branred.c) for the part ``x``: (b, bb, sum) locals."""
    k = f.let("k" + tag, ((x.bits().shr_u(52) & 2047).wrap() - I32(450)) / I32(24))  # i32.div_s
    k = f.let("k" + tag, select(I32(0), k, k < I32(0)))
    gor = f.let("gor", (I(_BR_T576) - ((k * I32(24)).ext() << 52)).as_f64())
    kaddr = f.let("ka", k << I32(3))
    r = []
    for i in range(6):
        r.append(f.let(f"r{i}", x * load_f64(kaddr, tab + 8 * i) * gor))
        if i < 5:
            gor = f.let("gor", gor * 2.0 ** -24)
    sm = f.let("sum" + tag, F(0.0))
    for i in range(3):
        s = f.let("s", (r[i] + _BR_BIG) - _BR_BIG)
        sm = f.let("sum" + tag, sm + s)
        r[i] = f.let(f"r{i}", r[i] - s)
    t = f.let("t", F(0.0))
    for i in range(6):
        t = f.let("t", t + r[5 - i])
    bb = f.let("bb" + tag, (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5])
    s = f.let("s", (t + _BR_BIG) - _BR_BIG)
    sm = f.let("sum" + tag, sm + s)
    t = f.let("t", t - s)
    b = f.let("b" + tag, t + bb)
    bb = f.let("bb" + tag, (t - b) + bb)
    s = f.let("s", (sm + _BR_BIG1) - _BR_BIG1)
    sm = f.let("sum" + tag, sm - s)
    return b, bb, sm


def _add_branred_sincos(module, base):
    """__branred (branred.c, compiled without fma) for |x| >= 105414350, then
    do_sincos(a, da, n + add)."""
    do_sincos = _add_do_sincos(module, base)
    tab = base + _TOVERP

    def build(f):
        x = f.let("xs", f["x"] * 2.0 ** -600)
        t = f.let("t", x * _SPLIT)
        x1 = f.let("x1", t - (t - x))
        x2 = f.let("x2", x - x1)
        b1, bb1, sum1 = _branred_half(f, x1, tab, "1")
        b2, bb2, sum2 = _branred_half(f, x2, tab, "2")
        sm = f.let("sm", sum1 + sum2)
        b = f.let("b", b1 + b2)
        bb = f.let("bb", select((b1 - b) + b2, (b2 - b) + b1, b1.abs() > b2.abs()))
        with f.if_(b > 0.5):
            f.let("b", b - 1.0)
            f.let("sm", sm + 1.0)
        with f.else_():
            with f.if_(b < -0.5):
                f.let("b", b + 1.0)
                f.let("sm", sm - 1.0)
        s = f.let("s", b + ((bb + bb1) + bb2))
        t = f.let("t", ((b - s) + bb) + (bb1 + bb2))
        b = f.let("b", s * _SPLIT)
        t1 = f.let("t1", b - (b - s))
        t2 = f.let("t2", s - t1)
        b = f.let("b", s * _HP0)
        bb = f.let("bb", (((t1 * _MP1 - b) + t1 * _BR_MP2) + t2 * _MP1)
                   + ((t2 * _BR_MP2 + s * _HP1) + t * _HP0))
        s = f.let("s", b + bb)
        n = (sm.trunc_i32() & I32(3)) + f["add"]
        f.ret(call(do_sincos, s, (b - s) + bb, n))
    return _add(module, "libm_branred_sincos", [("x", "f64"), ("add", "i32")], build)


def _sincos_body(module, base, is_cos):
    do_sin = _add_do_sin(module, base)
    do_cos = _add_do_cos(module, base)
    do_sincos = _add_do_sincos(module, base)
    branred = _add_branred_sincos(module, base)
    add = I32(1 if is_cos else 0)

    def build(f):
        x = f["x"]
        k = f.let("k", x.bits().shr_u(32).wrap() & I32(0x7FFFFFFF))
        if is_cos:
            with f.if_(k < I32(0x3E400000)):
                f.ret(F(1.0))
            with f.if_(k < I32(0x3FEB6000)):
                f.ret(call(do_cos, x, F(0.0)))
            with f.if_(k < I32(0x400368FD)):
                y = f.let("y", _HP0 - x.abs())
                a = f.let("a", y + _HP1)
                f.ret(call(do_sin, a, (y - a) + _HP1))
        else:
            with f.if_(k < I32(0x3E500000)):
                f.ret(x)
            with f.if_(k < I32(0x3FEB6000)):
                f.ret(call(do_sin, x, F(0.0)))
            with f.if_(k < I32(0x400368FD)):
                r = call(do_cos, _HP0 - x.abs(), F(_HP1))
                f.ret(E(r.code + x.code + [("f64.copysign",)], "f64"))
        with f.if_(k < I32(0x419921FB)):            # reduce_sincos
            t = f.let("t", fma(x, _HPINV, _TOINT))
            xn = f.let("xn", t - _TOINT)
            y = f.let("y", fma(-xn, _MP2, fma(-xn, _MP1, x)))
            t2 = f.let("t2", fma(-xn, _PP3, y))
            db = f.let("db", fma(-xn, _PP3, y - t2))
            b = f.let("b", fma(-xn, _PP4, t2))
            db = f.let("db", db + fma(-xn, _PP4, t2 - b))
            n = (t.bits().wrap() & I32(3)) + add
            f.ret(call(do_sincos, b, db, n))
        with f.if_(k < I32(0x7FF00000)):
            f.ret(call(branred, x, add))
        f.ret(x / x)                                 # inf, nan
    return build


def add_sin(module, base: int) -> int:
    """``sin(x) -> f64``, glibc 2.36 sysdeps/ieee754/dbl-64/s_sin.c (+ sincostab.c,
    branred.c for |x| >= 105414350), FMA build (branred itself is not fused).

    C result where CPython raises ValueError: sin(+-inf) = nan.  sin(nan) = nan
    does not raise.
    """
    _tables(module, base)
    return _add(module, "libm_sin", [("x", "f64")], _sincos_body(module, base, False))


def add_cos(module, base: int) -> int:
    """``cos(x) -> f64``, glibc 2.36 sysdeps/ieee754/dbl-64/s_sin.c (__cos), as
    :func:`add_sin`.

    C result where CPython raises ValueError: cos(+-inf) = nan.
    """
    _tables(module, base)
    return _add(module, "libm_cos", [("x", "f64")], _sincos_body(module, base, True))


# ---------------------------------------------------------------------------
# atan2
# ---------------------------------------------------------------------------

_OPI = float.fromhex("0x1.921fb54442d18p+1")      # == math.pi
_HPI = float.fromhex("0x1.921fb54442d18p+0")      # == 0.5 * math.pi
_QPI = float.fromhex("0x1.921fb54442d18p-1")      # == 0.25 * math.pi
_TQPI = float.fromhex("0x1.2d97c7f3321d2p+1")     # == 0.75 * math.pi
_OPI1 = float.fromhex("0x1.1a62633145c07p-53")
_HPI1 = float.fromhex("0x1.1a62633145c07p-54")
_ATAN_D = [float.fromhex(v) for v in ("-0x1.5555555555555p-2", "0x1.99999999997fdp-3", "-0x1.24924923f7603p-3",
                                      "0x1.c71c6e5129a3bp-4", "-0x1.7458022b13c25p-4", "0x1.375f08b31cbcep-4")]


def add_atan2(module, base: int) -> int:
    """``atan2(y, x) -> f64``: CPython's ``m_atan2`` (Modules/mathmodule.c: its own
    results for nans, infinities and y == 0) around glibc 2.36
    sysdeps/ieee754/dbl-64/e_atan2.c (+ uatan.tbl's cij, atnat2.h), FMA build.

    Matches ``math.atan2`` bit for bit for every input; CPython never raises for
    float arguments (a nan argument gives a positive quiet nan).
    """
    _tables(module, base)
    tab = base + _CIJ
    d3, d5, d7, d9, d11, d13 = _ATAN_D

    def copysign(a, b):
        a = a if isinstance(a, E) else F(a)
        return E(a.code + b.code + [("f64.copysign",)], "f64")

    def poly(v):
        return fma(v, fma(v, fma(v, fma(v, fma(v, d13, d11), d9), d7), d5), d3)

    def build(f):
        y, x = f["y"], f["x"]
        xpos = x.bits() >= I(0)                       # copysign(1., x) == 1.
        with f.if_(x.ne(x) | y.ne(y)):
            f.ret(F(math.nan))
        with f.if_(y.abs().eq(math.inf)):
            with f.if_(x.abs().eq(math.inf)):
                f.ret(copysign(select(F(_QPI), F(_TQPI), xpos), y))
            f.ret(copysign(_HPI, y))
        with f.if_(x.abs().eq(math.inf) | y.eq(0.0)):
            f.ret(copysign(select(F(0.0), F(_OPI), xpos), y))
        # __ieee754_atan2 for finite y != 0 and finite x
        with f.if_(x.eq(0.0)):
            f.ret(copysign(_HPI, y))
        de = f.let("de", (y.bits().shr_u(52) & 0x7FF).wrap() - (x.bits().shr_u(52) & 0x7FF).wrap())
        with f.if_(de >= I32(57)):                    # de >= ep (57 * 16**5 in high words)
            f.ret(copysign(_HPI, y))
        with f.if_(de <= I32(-57)):
            with f.if_(x > 0.0):
                f.ret(copysign(y.abs() / x.abs(), y))
            f.ret(copysign(_OPI, y))
        ax = f.let("ax", x.abs())
        ay = f.let("ay", y.abs())
        with f.if_((ax < 2.0 ** -500) | (ay < 2.0 ** -500)):
            f.let("ax", ax * 2.0 ** 500)
            f.let("ay", ay * 2.0 ** 500)
        with f.if_((ax > 2.0 ** 500) | (ay > 2.0 ** 500)):
            f.let("ax", ax * 2.0 ** -500)
            f.let("ay", ay * 2.0 ** -500)
        with f.if_(ay < ax):                          # EMULV: v + vv = ax * u exactly
            u = f.let("u", ay / ax)
            v = f.let("v", ax * u)
            f.let("du", ((ay - v) - fma(ax, u, -v)) / ax)
        with f.else_():
            u = f.let("u", ax / ay)
            v = f.let("v", ay * u)
            f.let("du", ((ax - v) - fma(ay, u, -v)) / ay)
        u, du = f["u"], f["du"]
        # row i - 16 of cij for u in [1/16, 1]: i = (TWO52 + 256*u) - TWO52 (256*u is exact)
        row = lambda: f.let("row", ((((u * 256.0) + 2.0 ** 52) - 2.0 ** 52).trunc_i32() - I32(16)) * I32(56))
        cij = lambda j: load_f64(f["row"], tab + 8 * j)

        def cpoly(v):
            return fma(v, fma(v, fma(v, fma(v, cij(6), cij(5)), cij(4)), cij(3)), cij(2))

        def small_zz():                               # u*v*(d3 + v*(...)), v = u*u
            v = f.let("v", u * u)
            return f.let("zz", u * v * poly(v))

        with f.if_(x > 0.0):
            with f.if_(ay < ax):                      # (i) atan(ay/ax)
                with f.if_(u < 1.0 / 16):
                    v = f.let("v", u * u)
                    f.ret(copysign(u + fma(u * v, poly(v), du), y))
                row()
                t3 = f.let("t3", u - cij(0))
                v = f.let("v", t3 + du)
                dv = f.let("dv", select((t3 - v) + du, (du - v) + t3, t3.abs() > du.abs()))
                p = fma(v, fma(v, fma(v, cij(6), cij(5)), cij(4)), cij(3))
                zz = fma(v, cij(2), fma(dv, cij(2), v * v * p))
                f.ret(copysign(cij(1) + zz, y))
            with f.if_(u < 1.0 / 16):                 # (ii) pi/2 - atan(ax/ay)
                zz = small_zz()
                t2 = f.let("t2", _HPI - u)
                cor = select((_HPI - t2) - u, _HPI - (u + t2), F(_HPI) > u.abs())
                f.ret(copysign(t2 + (((_HPI1 + cor) - du) - zz), y))
            row()
            v = f.let("v", (u - cij(0)) + du)
            f.ret(copysign((_HPI - cij(1)) + fma(-v, cpoly(v), _HPI1), y))
        with f.if_(ax < ay):                          # (iii) pi/2 + atan(ax/ay)
            with f.if_(u < 1.0 / 16):
                zz = small_zz()
                t2 = f.let("t2", _HPI + u)
                cor = select((_HPI - t2) + u, (u - t2) + _HPI, F(_HPI) > u.abs())
                f.ret(copysign(t2 + (((_HPI1 + cor) + du) + zz), y))
            row()
            v = f.let("v", (u - cij(0)) + du)
            f.ret(copysign((_HPI + cij(1)) + fma(v, cpoly(v), _HPI1), y))
        with f.if_(u < 1.0 / 16):                     # (iv) pi - atan(ax/ay)
            zz = small_zz()
            t2 = f.let("t2", _OPI - u)
            cor = select((_OPI - t2) - u, _OPI - (u + t2), F(_OPI) > u.abs())
            f.ret(copysign(t2 + (((_OPI1 + cor) - du) - zz), y))
        row()
        v = f.let("v", (u - cij(0)) + du)
        f.ret(copysign((_OPI - cij(1)) + fma(-v, cpoly(v), _OPI1), y))
    return _add(module, "libm_atan2", [("y", "f64"), ("x", "f64")], build)


# ---------------------------------------------------------------------------
# Which inputs make CPython raise
# ---------------------------------------------------------------------------

#: The largest x whose exp(x) is finite (709.782712893384): above it exp overflows
#: (CPython: OverflowError for a finite x).
EXP_MAX = float.fromhex("0x1.62e42fefa39efp+9")


def raises(name: str, *args: float):
    """The exception CPython's ``math.<name>(*args)`` raises for float arguments
    (``OverflowError`` / ``ValueError``), or None when it returns the C result.

    CPython (Modules/mathmodule.c, math_1 / math_2 / m_log / m_atan2): a nan
    result from a non-nan argument is a ValueError; an infinite result from a
    finite argument is an OverflowError if the function "can overflow" (exp)
    and a ValueError otherwise (log's singularity at 0).
    """
    if name == "exp":
        (x,) = args
        # the largest x with a finite exp(x) is 0x1.62e42fefa39efp+9 (709.782712893384)
        return OverflowError if math.isfinite(x) and x > EXP_MAX else None
    if name == "log":
        (x,) = args
        return ValueError if x <= 0.0 else None        # incl. -0.0 and -inf; nan compares false
    if name in ("sin", "cos"):
        (x,) = args
        return ValueError if math.isinf(x) else None
    if name == "atan2":
        return None
    raise KeyError(name)


# ---------------------------------------------------------------------------
# Tables (one data segment; offsets from ``base``)
# ---------------------------------------------------------------------------

def _b64(s) -> bytes:
    return base64.b64decode("".join(s))


# ---- tables: the glibc 2.36 arrays named below as little-endian f64 (u64 for exp), base64 ----

# e_exp_data.c __exp_data.tab: 128 pairs (asuint64 T[k], asuint64 H[k] - (k << 52)/N)
_EXP_TAB_B64 = (
    "AAAAAAAAAAAAAAAAAADwP26/iBpPO5s8NTP7qT327z9d3NicE2BxvGGAdz6a7O8/0WaHEHpekLyFf27oFePvPxP2ZzVS0ow8"
    "dIUV07DZ7z/6jvkjgM6LvN723Slr0O8/YcjmYU73YDzIm3UYRcfvP5nTM1vko5A8g/PGyj6+7z9te4NdppqXPA+J+WxYte8/"
    "/O/9khq1jjz3R3IrkqzvP9GcL3A9vj48otHTMuyj7z8LbpCJNANqvBvT/q9mm+8/Dr0vKlJWlbxRWxLQAZPvP1XqTozvgFC8"
    "zDFswL2K7z8W9NW5I8mRvOAtqa6agu8/r1Vc6ePTgDxRjqXImHrvP0iTpeoVG4C8e1F9PLhy7z89Mt5V8B+PvOqNjDj5au8/"
    "v1MTP4yJizx1y2/rW2PvPybrEXac2Za81FwEhOBb7z9gLzo+9+yaPKq5aDGHVO8/nTiGy4Lnj7wd2fwiUE3vP43DpkRBb4o8"
    "1oxiiDtG7z99BOSwBXqAPJbcfZFJP+8/lKio4/2Oljw4YnVuejjvP31IdPIYXoc8P6ayT84x7z/y5x+YK0eAPN184mVFK+8/"
    "XghxP3u4lryBY/Xh3yTvPzGrCW3h94I84d4f9Z0e7z/6v28amyE9vJDZ2tB/GO8/tAoMcoI3izwLA+SmhRLvP4/LzomSFG48"
    "Vi8+qa8M7z+2q7BNdU2DPBW3MQr+Bu8/THSs4gFChjwx2Ez8cAHvP0r401053Y88/xZksgj87j8EW447gKOGvPGfkl/F9u4/"
    "aFBLzO1KkrzLqTo3p/HuP44tURv4B5m8ZtgFba7s7j/SNpQ+6NFxvPef5TTb5+4/FRvOsxkZmbzlqBPDLePuP21MKqdIn4U8"
    "IjQSTKbe7j+KaSh6YBKTvByArARF2u4/W4kXSI+nWLwqLvchCtbuPxuaSWebLHy8l6hQ2fXR7j8RrMJg7WNDPC2JYWAIzu4/"
    "72QGOwlmljxXAB3tQcruP3kDodrhzG480DzBtaLG7j8wEg8/jv+TPN7T1/Aqw+4/sK96u86QdjwnKjbV2r/uP3fgVOu9HZM8"
    "Dd39mbK87j+Oo3EANJSPvKcsnXayue4/SaOT3Mzeh7xCZs+i2rbuP184D73G3ni8gk+dViu07j/2XHvsRhKGvA+SXcqkse4/"
    "jtf9GAU1kzzaJ7U2R6/uPwWbii+3mHs8/ceX1BKt7j8JVBzi4WOQPClUSN0Hq+4/6sYZUIXHNDy3RlmKJqnuPzXAZCvmMpQ8"
    "SCGtFW+n7j+fdplhSuSMvAncdrnhpe4/qE3vO8UzjLyFVTqwfqTuP67pK4l4U4S8IMPMNEaj7j9YWFZ43c6TvCUiVYI4ou4/"
    "ZBl+gKoQVzxzqUzUVaHuPygiXr/vs5O8zTt/Zp6g7j+CuTSHrRJqvL/aC3USoO4/7qltuO9nY7wvGmU8sp/uP1GI4FQ93IC8"
    "hJRR+X2f7j/PPlp+ZB94vHRf7Oh1n+4/sH2LwEruhrx0gaVImp/uP4rmVR4yGYa8yWdCVuuf7j/T1Aley5yQPD9d3k9poO4/"
    "HaVNudwye7yHAetzFKHuP2vAZ1T97JQ8MsEwAe2h7j9VbNar4etlPGJOzzbzou4/Qs+zL8WhiLwSGj5UJ6TuPzQ3O/G2aZO8"
    "E85MmYml7j8e/xk6hF6AvK3HI0Yap+4/bldy2FDUlLztkkSb2ajuPwCKDltnrZA8mWaK2ceq7j+06vDBL7eNPNugKkLlrO4/"
    "/+fFnGC2ZbyMRLUWMq/uP0Rf81mD9ns8NncVma6x7j+DPR6nHwmTvMb/kQtbtO4/KR5si7ipXbzlxc2wN7fuP1m5kHz5I2y8"
    "D1LIy0S67j+q+fQiQ0OSvFBO3p+Cve4/S45m12zKhby6B8pw8cDuPyfOkSv8r3E8kPCjgpHE7j+7cwrhNdJtPCMj4xljyO4/"
    "YyJiIgTFh7xl5V17ZszuP9Ux4uOGHIs8My1K7JvQ7j8Vu7zT0buRvF0lPrID1e4/0jHunDHMkDxYszATntnuP7Nac26EaYQ8"
    "v/15VWve7j+0nY6Xzd+CvHrz079r4+4/hzPLkncajDyt01qZn+juP/rZ0UqPe5C8ZraNKQfu7j+6rtxW2cNVvPsVT7ii8+4/"
    "QPamPQ6kkLw6WeWNcvnuPzSTrTj01mi8R1778nb/7j81ilhr4u6RvEoGoTCwBe8/zd1fCtf/dDzSwUuQHgzvP6yYkvr7vZG8"
    "CR7XW8IS7z+zDK8wrm5zPJxShd2bGe8/lP2fXDLjjjx60P9fqyDvP6xZCdGP4IQ8S9FXLvEn7z9nGk44r81jPLXnBpRtL+8/"
    "aBmSbCxrZzxpkO/cIDfvP9K1zIMYioC8+sNdVQs/7z9v+v8/Xa2PvHyJB0otR+8/Sal1OK4NkLzyiQ0Ih0/vP6cHPaaFo3Q8"
    "h6T73BhY7z8PIkAgnpGCvJiDyRbjYO8/rJLB1VBajjyFMtsD5mnvP0trAaxZOoQ8YLQB8yFz7z8fPrQHIdWCvF+bezOXfO8/"
    "yQ1HO7kqibwpofUURobvP9OIOmAEtnQ89j+L5y6Q7z9xcp1R7MWDPINMx/tRmu8/8JHTjxL3j7zakKSir6TvP310I+KYro28"
    "8WeOLUiv7z8IIKpBvMOOPCdaYe4buu8/Muupw5QrhDyXums3K8XvP+6F0TGpZIo8QEVuW3bQ7z/t4zvkujeOvBS+nK392+8/"
    "nc2RTTuJdzzYkJ6BwefvP4nMYEHBBVM88XGPK8Lz7z8="
)

# e_log_data.c __log_data.tab: 128 pairs (invc, logc)
_LOG_TAB_B64 = (
    "n97gw/A09z8AkOZ5f8zXvx/pLGp4E/c/AAANwu5v17+gtfoIYPL2PwDgURPjE9e/fYwTH6bR9j8AeCg4W7jWv9G0xQtJsfY/"
    "AHiAkFVd1r+6DC8zR5H2PwAAGHbQAta/I0IiGJ9x9j8AkJCGyqjVv9kepZlPUvY/AFADVkNP1b/EJI+qVjP2PwBAa8M39tS/"
    "FNyda7MU9j8AUKj9p53Uv0xcxlJk9vU/AKiJOZJF1L9PLJG1Z9j1PwC4sDn07dO/3pBby7y69T8AcI9EzpbTv3ga2fJhnfU/"
    "AKC9Fx5A07+HVkYSVoD1PwCARu/i6dK/02vnzpdj9T8A4DA4G5TSv5N/p+IlR/U/AIjajMU+0r+DRQZC/yr1PwCQJynh6dG/"
    "372y2yIP9T8A+EgrbZXRv9feNEeP8/Q/APi5mmdB0b9AKN7PQ9j0PwCY75TQ7dC/yKN4wD699D8AENsYpZrQv4ol4MN/ovQ/"
    "ALhjUuZH0L80hNQkBYj0PwDwhkUi68+/Cy0ZG85t9D8AsBd1SkfPv1QYOdPZU/Q/ADAQPUSkzr9ahLREJzr0PwCw6UQNAs6/"
    "+/gVQbUg9D8A8HcpomDNv7H0PtqCB/Q/AJCVBAHAzL+P/lddj+7zPwAQiVYpIMy/6UwLoNnV8z8AEIGNF4HLvyvBEMBgvfM/"
    "ANDTzMniyr+42nUrJKXzPwCQEi5ARcq/AtCfzSKN8z8A8B1od6jJvxx6hMVbdfM/ADBIaW0Myb/iNq1Jzl3zPwDARaYgcci/"
    "QNRNmHlG8z8AMBS0j9bHvyTL/85cL/M/AHBiPLg8x79JDaF1dxjzPwBgN5uao8a/kDk+N8gB8z8AoLdUMQvGv0H4lbtO6/I/"
    "ADAkdn1zxb/RqRkCCtXyPwAwwo973MS/Kv23qPm+8j8AANJRLEbEv6sbDHocqfI/AACDvIqww78wtRRgcpPyPwAASWuZG8O/"
    "9aFXV/p98j8AQKSQVIfCv787HZuzaPI/AKB5+Lnzwb+99Y+DnVPyPwCgLCXIYMG/OwjJqrc+8j8AIPdXf87Av7ZAqSsBKvI/"
    "AKD+Sdw8wL8yQcyWeRXyPwCAS7y9V7+/m/zSHSAB8j8AQECWCDe+vwtITUn07PE/AED5PpgXvb9pZY9S9djxPwCg2E5n+bu/"
    "fH5XESPF8T8AYC8gedy6v+kmy3R8sfE/AIAo58PAub+2GiwMAZ7xPwDAcrNGpri/vXC2e7CK8T8AAKyzAY23v7a87yWKd/E/"
    "AAA4RfF0tr/aMUw1jWTxPwCAh20OXrW/3V8nkLlR8T8A4KHeXEi0v0zSMqQOP/E/AKBqTdkzs7/a+RByiyzxPwBgxfh5ILK/"
    "MbXsKDAa8T8AIGKYRg6xv680hNr7B/E/AADSamz6r7+za04P7vXwPwBAd0qN2q2/zp8qXQbk8D8AAIXk7LyrvyGlLGNE0vA/"
    "AMASQImhqb8amOJ8p8DwPwDAAjNYiKe/0TbGgy+v8D8AgNZnXnGlvzkToJjbnfA/AIBlSYpco7/f51Kvq4zwPwBAFWTjSaG/"
    "+yhOL5978D8AgOuCwHKevxmPNYy1avA/AIBSUvFVmr8s+eyl7lnwPwCAgc9iPZa/kCzRzUlJ8D8AAKqM+yiSv6mt8MbGOPA/"
    "AAD5IHsxjL+pMnkTZSjwPwAAql01GYS/SHPqJyQY8D8AAOzCAxJ4v5WxFAYECPA/AAAkeQkEYL8a+ib3H+DvPwAAkITz728/"
    "dOphwhyh7z8AAD01QdyHPy6ZgbAQY+8/AIDCxKPOkz/Nre489iXvPwAAiRTBn5s/5xORA8jp7j8AABHO2LChP6uxy3iAru4/"
    "AMAB0FuKpT+bDJ2iGnTuPwCA2ECDXKk/tZkKg5E67j8AgFfvaietP1aaYAngAe4/AMCY5Zh1sD+Yu3flAcrtPwAgDeP1U7I/"
    "A5F8C/KS7T8AADiL3S60P85c+2asXO0/AMBXh1kGtj+d3l6qLCftPwAAajV22rc/zSxrPm7y7D8AYBxOQ6u5PwJ5p6Jtvuw/"
    "AGANu8d4uz9tCDdtJovsPwAg5zITQ70/BFhdvZRY7D8AYN5xMQq/P4yfuzO1Juw/AECRKxVnwD8/5+zug/XrPwCwkoKFR8E/"
    "wZbbdf3E6z8AMMrNbibCPyhKhgweles/AFDFptcDwz8sPu/F4mXrPwAQMzzD38M/i4jJZ0g36z8AgHprNrrEP0owHSFLCes/"
    "APDRKDmTxT9+7/KF6NvqPwDwGCTNasY/oj1gMR2v6j8AkGbs+EDHP6dY0z/mguo/APAa9cAVyD+LcwnvQFfqPwCA9lQp6cg/"
    "J0urkCos6j8AQPgCNrvJP9HykxOgAeo/AAAsHO2Lyj8bPNskn9fpPwDQAVxRW8s/kLHHBSWu6T8AwLzMZynMPy/Ol/Iuhek/"
    "AGBI1TX2zD91S6TuulzpPwDARjS9wc0/OEjnncY06T8A4M+4AYzOP+ZSZy9PDek/AJAXwAlVzz+d1/+OUuboPwC4HxJsDtA/"
    "fADMn86/6D8A0JMOuHHQPw7DvtrAmeg/AHCGnmvU0D/7FyOqJ3ToPwDQSzOHNtE/CJqzrABP6D8ASCNnDZjRP1U+ZehJKug/"
    "AIDM4P/40T9gAvSVAQboPwBoY9dfWdI/KaPgYyXi5z8AqBQJMLnSP6213Hezvuc/AGBDEHIY0z/CJZdnqpvnPwAY7G0md9M/"
    "VwYX8gd55z8AMK/7T9XTPwwT1tvKVuc/AOAv4+4y1D8="
)

# sincostab.c __sincostab.x: 110 rows (sn, ssn, cs, ccs)
_SINCOS_TAB_B64 = (
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAPA/AAAAAAAAAADv7q6q6v9/P3y3Z+ziRR68UlUVAMD/7z+ubRmgAUqPPNXu7qqq/48/"
    "dwefmmOrAryfVFUBAP/vP/NeOqAoioI8VTIDAXD/lz82c1JRK/7+O+b3vwbA/e8/vXdp6Nrmijxv6O6uqv6fP+JKIvsG1Dy8"
    "0ydVFQD87z9bm9iSRLWDvNVFLbGy/qM/ERw9IFTsNDy6pxQ0wPnvP79ZbL70kWk8qfsyEMD9pz96mW70vZlFvJ/5/WsA9+8/"
    "X41kYLWzeLysbVh4bfyrPzby2wP95Bg8MToQyMDz7z9mDty9bYV0PNtO7e6q+q8/aUtoMm3RQrzT9ElVAfDvP29CmXs4KIM8"
    "74uAPTT8sT9PvvPmMj1fvJ/vqCLC6+8/d0z1NEmTVzxbddESy/qzP4xGmVKRIVm8b+8pQQPn7z+Xb8k3Q79svDe3EP0R+bU/"
    "ApG+Ak8YULzrc8jDxOHvPwJKfAXJqTW85FAlAwH3tz8aUAAYLfw6PJtrfr8G3O8/2/g1tQIZgzz50VUtkPS5P8EdrH5taVI8"
    "AOBDS8nV7z/5kk/LaOdivB05aIW38bs/yEzqHYSRXjyxmQ6ADM/vP6yG0YbXo2485szBFm/uvT9zFrcvjg9FvIi80XjQx+8/"
    "hbZ9RNJ1gDw27oburuq/Pzvwxryy/Eq801t9UhXA7z+475RQ82iLPNFx3Y0388A/ng9PcmiEbTyVBv4r27fvP7Fa9vStHYI8"
    "r86v19PwwT+laZcJle9mvNNLPCYir+8/aSc6E84qVbyPuEpeKO7CP1jg3gUPTW688jYcZOql7z98zBftpk1APMtmXSwx68M/"
    "kctma2Z9ZDwoxHwKNJzvP2J0OwZrW4w8e/LFTernxD/8csAq20lZPAFNN0D/ke8/TJ46TT/QZ7zzJqHPT+TFP7aJPwZD9Ga8"
    "9uweLkyH7z8WKzPhFGWMvExNWsBd4MY/QMmBi1ws07sk3v/+GnzvP7FAdcRb9Xi8tfK6LxDcxz/DlzziUKtFPBzOnt9rcO8/"
    "tNw2DMiYhrxEqfouY9fIP1O5y2KiD2K8zSq4/j5k7z+sKP7BCrB2PBLDztBS0sk/fROxgD3EWTyXZ/+MlFfvP9WxAz4NOm48"
    "ZQd6KdvMyj/rzdZXO4hZvHk6Hr1sSu8/V7uu7fA9gTyZYdxO+MbLP6sMe2qlwWk8btGzw8c87z+UNIrSOhpivKOJglimwMw/"
    "a3zIm9BoaLzt/1PXpS7vP4PVVl8hxIw80KW1X+G5zT/Cb8zWIC5jvJ9khjAHIO8/S5jBFgSUezyj5Yp/pbLOP+ssV68GvmC8"
    "O4fFCewQ7z+DEix2cpCNPHcV89Tuqs8/uDKOUIhdYbyh7n2fVAHvP/3K5ZkePI08XBVlv1xR0D/Ijv2dwrh5vCYvDTBB8e4/"
    "ctPeCBuqgrw2ZPPOAM3QP7XikwwK+3m8HPHA+7Hg7j+xw7uAI/1LvOvdlKphSNE/pBW2tYHoa7yh79VEp8/uP9BB9UoKbVW8"
    "drjGZH3D0T/1zw3+dmB0PKjvdk8hvu4/PlS6Ep8vgLw2rxoRUj7SPxj/TjOA8HS8T6+7YSCs7j+NZZQ+1cFiPJ+0PsTduNI/"
    "B9jymThVYTyDzafDpJnuP+g8xRtLJoK8h58ElB4z0z8sMAy0tgx+PO2pKb+uhu4/p1i7/Xo5iTzY02mXEq3TP5iDhwRVPQA8"
    "QD0ZoD5z7j8TzkY1i0KGvJfmnua3JtQ/n8UFV8cJf7zQ6Ta0VF/uP7zIL9AP64c8ID0Pmwyg1D+tjrBruiN4PJxEKkvxSu4/"
    "M2iKLqCMhrx6p2jPDhnVP/Pw7lVxNXs8pdaAthQ27j83UgGqk3dyvJf1op+8kdU/y+A/rEvHZzzB1qxJvyDuP2xj78euYFa8"
    "dYcHKRQK1j8zkagL2B9bPM7bA1rxCu4/5hp3AufoXzz31ziKE4LWP61KRAKSiH28Xoe9Pqv07T/ENmd+ii2OvFUCOuO4+dY/"
    "DdrpTsErdDzWKPJQ7d3tP7+iK9TIgG68FEJ2VQJx1z/Otksx1+pmvBJZmeu3xu0/Nc1td2SzVDxObcgD7ufXP/Jav9q8Y3u8"
    "g46Iawuv7T/qXF4rniSKPElpghJ6Xtg/4Kxfmw6keDzcqXEv6JbtP50D0tUb9o88L5l0p6TU2D8mY3bqAkp0PEp74ZdOfu0/"
    "lO0rNXC3Y7zFRvXpa0rZP1g/aD7hnHa8QEA+Bz9l7T837EtDNmKHvBAF6ALOv9k/pLAgozmecDzgGcbhuUvtP2GPhXe7NI88"
    "ygzFHMk02j/NzlA7DjFavAZ8jY2/Me0/3cuJMN1gfjx3kqBjW6naP4EDPLE+KWa88JR9clAX7T+OpMEeK9WAPBcWMgWDHds/"
    "GfWZy0LieryfrVL6bPzsPw0qj1C1tYg8Q6zbMD6R2z/xP2wvrTh+vOWCmpAV4ew/mhAxuznxgTyjQLEXiwTcP6effnXmn2E8"
    "LpeyokrF7D+YOqgrFu5kPJ7Rf+xnd9w/Jlg9Gk2xXrwLfcafDKnsP2I0XkiBamS8H6XU49Lp3D+Y4toSivxivIQazvhbjOw/"
    "IwFZodGzejxhdgQ0ylvdP5zCX6dEinI8O+WLIDlv7D9C26r720GHvJqcMhVMzd0/mv1x4cbUcDxeF4uLpFHsP4Comju0u2G8"
    "aSpYwVY+3j+P+JkQgqRQvIHdHbCeM+w/wMWC7vWqjLzwBUt06K7eP30Cmzy0iVe8UH1bBigV7D8o6BITEZKIvHv5xGv/Ht8/"
    "XFKn+BJycTw2dR4IQfbrP6GpKBbXe4s8l7xq55mO3z+jAC2vUNlZPPWUAjHq1us/nRCMyLwbczx69dIotv3fP2pbkC6ZSm88"
    "Mg9j/iO36z85Ci1F0it3PFWZxjkpNuA/AXs5eM3YgrwOhFjv7pbrP+Ctj8c8WlQ8W26UhjZt4D8b/zhFrvWDPMIEt4RLdus/"
    "mzgbwkhYj7wBEJ4eAqTgP/YUOaFD9oa8ThAMQTpV6z8WegJHef9YPC5ntSaL2uA/Cem+8N5YirxIiZyouzPrP6lsHx2lpo48"
    "O5y2xNAQ4T+BmYCYiZGNPMakYkHQEes/wsD7HlbdcTyCf4sf0kbhP6g5J15T+Xs8ddILk3jv6j+Ub3R5YoN/vLDtLl+OfOE/"
    "iCQuEFdeYzzlnfYmtczqP8y21o1q+4g83S+wrASy4T//tctwDBlfvBOJMIiGqeo/cFDNB9aDC7xMVzYyNOfhP1od9KQ/KnI8"
    "LeBzQ+2F6j+Sx144Br5pPM+UAxscHOI/MaojSzJbXjyvhiXn6WHqPz9F/eIwg4U8u4t4k7tQ4j/OvFck0KN+PM+9UgN9Peo/"
    "aZah7LqNhrxnoBfJEYXiP3BrodnxHYC8ReSuKacY6j9YA2xzJV45PB5CiOodueI/sGoh23Gjj7yFL5HtaPPpPwYWecUA0oG8"
    "gjCaJ9/s4j9+4+fgVzWNPFxe8uPCzek/Yj+ZEpH5gzxPvEixVCDjP1sTWglCa488FGVqo7Wn6T+pp5/MzyKHPGcDvrl9U+M/"
    "8EDwen4yazwQEy7EQYHpP43wiAT4H408KyhWdFmG4z+oBzuprQ9xvP2xDOBnWuk/LYYfov2+gLwKhKIV57jjP3vw0qdTdnm8"
    "kp5tkigz6T/aDGADcLeLvDrVbNMl6+M/wA9X4XDlW7z32k14hAvpP4c7uQqx/nC8kGe65BQd5D/17IfSj2CEPNGaPTB84+g/"
    "+Es9taRjZLxrOM+Bs07kPwVVah5s7YO8AMldWhC76D/BdJQ+4GOIPJ8VMeQAgOQ/EO1jdEoZi7wfh12YQZLoP4TtE8TZSIw8"
    "YbeqRvyw5D+axYxzBdogPMamd40Qaeg/3em/4v84czwb1U7lpOHkP2rHt4kvSYq8oBxw3n0/6D/oxptgz1JBvBw1e/35EeU/"
    "MYjEYejAhbxdbZExihXoP94oggu56G28JLfbzfpB5T+R0yCFwjJyPIgUqi426+c/n5WlpGUdWjyzWW2WpnHlP5ixD007hFw8"
    "T+UJf4LA5z9o7irX1nNsvBI6gZj8oOU/eyLUt+KCjbxDZX/Nb5XnP+Ra1Ol2soq8DY+/FvzP5T+KV+tws2yJPB8hVcb+aec/"
    "xWiMz9UnaLxXnipVpP7lP7cg7vfOtoA8oftOFzA+5z9frZQ9rtNlvHmsIZn0LOY/GiS2VZjdjrx4dqdvBBLnP4GcAqWwJYQ8"
    "VedjKexa5j88BXFr+SaBPF71DIB85eY/ptDb3oYChjwvSxNOiojmP+bVRHbTt4a8Xfue+pi45j+y9MyGx1pxPBqCt1DOteY/"
    "Dy5wjxXVZbxTYuuSWovmP5z4hdkaqYm84b1AfLfi5j9TrX+FKedwvLqM6/3BXeY/d3wzRxt8WbxAjAodRQ/nPw13hTjefmk8"
    "x5EB8s8v5j/vVleJQ5FtPHil3oB2O+c/ohLcBoMkcrzfY/UmhQHmP9Ay5OClbIQ8JLX39kpn5z+ohKyUP51+PHrx8VXi0uU/"
    "K4nIBEExgDxSHQTQwZLnP+tUs+4Fv4q8d0CCOeij5T9ivlknqiiEPMKzKF7avec/kwPNfBnRSjzyg46Nl3TlPyMtKK8UR488"
    "WXkD9ZPo5z9MDGWq++6APKUsWQ/xROU/L6bH5uh6jrykS67p7RLoP9otQN8Kg4e82vN7ffUU5T9ZwnOAEHp0PA=="
)

# branred.h toverp: 2/pi in base 2**24 digits
_TOVERP_B64 = (
    "AAAAYDBfZEEAAAAAkZNbQQAAAAD8KTVBAAAAgOirQ0EAAACgm6ZuQQAAAEBsG2hBAAAAgCezYkEAAABAEORQQQAAAGAsym9B"
    "AAAAYNd7ZUEAAADgNqxoQQAAAAAdN0JBAAAAgHSTUEEAAAAgyQBsQQAAAIAEdUdBAAAAgEMyakEAAABgvcNvQQAAAAApsTxB"
    "AAAAAN3nZEEAAACgvkZgQQAAAACiXUdBAAAAgDOdYEEAAAAArQlcQQAAAECQ31dBAAAAAOvITEEAAACAqcFMQQAAAABO+kxB"
    "AAAAYPGLYEEAAAAAJb9nQQAAAAD8j01BAAAAwPv/YkEAAAAAPGAWQQAAACDi5W1BAAAAQEFrYUEAAABA20dbQQAAAIBnP0tB"
    "AAAAgITlQ0EAAADA6OlmQQAAAABPs09BAAAAQIv6V0EAAACA7kldQQAAAKB8/WhBAAAAoGcvbkEAAAAA3OccQQAAAEBSSmFB"
    "AAAAYH9NbUEAAADAR+xXQQAAAAChq2FBAAAAAMyAVUEAAADAHr9RQQAAAAD86lpBAAAAAIT3aUEAAADAhl5jQQAAAADjqT1B"
    "AAAAwCssYkEAAAAAYcNsQQAAAEBhZllBAAAAACjFV0EAAABAIxBaQQAAAAAQ+29BAAAAwMlcU0EAAAAAA4NIQQAAAADKVjVB"
    "AAAAQDLqXEEAAADAnjhYQQAAAGCNEWhBAAAAQAbxUUEAAACg+WxoQQAAACABnWtBAAAAgKxBRUEAAABg0Y5oQQAAAMCUw2JB"
    "AAAAgOi1a0EAAAAg4ypqQQAAAACU+hRB"
)

# uatan.tbl cij[241][7]: (x0, atan x0, c2..c6) for u in [1/16, 1]
_CIJ_B64 = (
    "TiTgZQZAsD8g3VN7czqwP3L7XM8f3+8/wuQqzrMesL8NpFjdntLUv4qhB9lK2q8/GFv2Td8UyD/YjLi5/f+wPwBTZGOc+bA/"
    "D9Peowjc7z/tGpxm3Nmwv+KNE/dpxtS/p4XQKS+hsD8gjdTP7vDHP/HUc1rx/7E/QCDuK1/4sT8xbbVCs9fvP0Dqnba30rG/"
    "yewiOVK11L8EGitSk4+xP2HwYFatvsc/okpSsv3/sj+gkBfnFveyP6SWtFMf0+8/dHOrStjKsr+yL91YS6PUvxjMztAKfLI/"
    "10MnXdKJxz+s83MF/v+zP6D2Ahed9bM/wqxxsE3O7z+GNttkD8Kzv5P+O+tZkNS/7U/3yllmsz+wHwEcaVLHP9aEQ4nv/7Q/"
    "wATiDO3ztD8BWuqoPsnvP8lXVHtPuLS/+fIBdIB81L8Jcva0ZE60P3cLVEx9GMc/KGVA3/j/tT8g2HM8K/K1PxMP9rHxw+8/"
    "O6d/y7Kttb9VtR4rvmfUv2PE7Zk1NLU/WVCPIxvcxj9WDU+MDwC3P6AvWklL8LY/l84NNGe+7z+t4ZhNJKK2v/FNBhQWUtS/"
    "ZoqnK6oXtj+s16NQT53GP89XQLsPALg/oNMsvifutz9Gkuw5oLjvP3PH2TF3lbe/cn3cto071L/fR5XWivi2P4zOM/YmXMY/"
    "fyvPOfL/uD+Anpeft+u4P+EGVUOdsu8/tc25aZqHuL+pr/6FKCTUvw4aGba61rc/tYvLp68Yxj9yBy9u+f+5P4CUKtM66bk/"
    "QOyjBF2s7z+X6vZTwni5v/Y2nAjjC9S/d+taiFyyuD/h3Mpj99LFP5ewFmMCALs/AMwkzozmuj9mXIyT4KXvP0tO8XbDaLq/"
    "fM2WFsPy07+0LCpyO4u5P2KtZ5AMi8U/sVhPYAgAvD+AB2UFp+O7P3Mneloon+8/pMBaPY9Xu7+fEWf3y9jTv4gb48c9Ybo/"
    "ZUVZ9f1AxT+6TspsAgC9P4CKKcF+4Lw/SmzT6DSY7z/+xcpbE0W8v/E2UosBvtO/cBmZLkc0uz9zs6242vTEP8p/tLL0/70/"
    "gB0FShbdvT+VyNx4BpHvP0RolvBJMb2/X5pPdGai07968rftRgS8P8qeP1iypsQ/4FugqQoAvz9Apb2jltm+P3+pixucie8/"
    "d6aHIlEcvr+7MMHt+IXTv1D/BvNL0bw/K6dnppRWxD/eY4+6+v+/P4BH/mm11b8/fdxjSPiB7z8Gh1HR2wW/v5ymh0bEaNO/"
    "2mg4GwibvT/8rUXDkQTEP6itzG76f8A/AGQ5CtBowD9r/PzxGXrvP9/wHYYM7r+/DGxYWsZK0796Y50Yj2G+P9R5Vxm6sMM/"
    "EydDMwMAwT+g0QPysObAP2O0Dv4Acu8/mrFc4XJqwL8edtu4ACzTvz5eH6HYJL8/3YWeVh5bwz8RSBza/H/BPwDa6yliZME/"
    "N4dVfa9p7z+bljMLF93Av9FQrDN9DNO/Dz/km6rkvz/LOSVpzwPDP41Byjz//8E/oI6XO/rhwT+pIdRFJGHvP6iKrKwDT8G/"
    "o3XmYjns0r8mtKYvjFDAP2dkCnjeqsI/IonH2fd/wj9A5pEbZl/CPywZLvVgWO8/lCPe5SPAwb+9Cu5rPcvSvxpcB177rMA/"
    "OkX+31xQwj+qGvyh9//CP0B8JYO13MI/+7YZx2RP7z+DQFFhgjDCv9Vye3+IqdK/AnSIfKcHwT/R1jwsXPTBP17heJ0FgMM/"
    "4I7Jau5Zwz8W7EyUL0bvP6mHW9ggoMK/abNKLhyH0r/ZZRrDjWDBP1C+CxPulsE/GhtDnwQAxD9gU9Zr89bDP4q2md3DPO8/"
    "7QDds+EOw79kJkj4A2TSvyZmE/6St8E/QHSsbiQ4wT+hlR3gBIDEP8AM8IbTU8Q/OQWX4yAz7z+qeVIKz3zDv10dFTs/QNK/"
    "5skx47sMwj+X8OM5EdjAP92Ck6r3/8Q/gApZjH/QxD/gKN80SCnvP1yRQ1vY6cO/okWI69Ub0r+tyGqs+F/CP8qW7YjGdsA/"
    "vggkNQaAxT/gc5rDHk3FP5wArgk3H+8/UIW+uRxWxL8u9VMAwPbRv+k7eO9dscI/myMVhlYUwD+BPxkr///FPwDgc0+AycU/"
    "KQ4RrvEU7z/Ss5iQbsHEv0GCBY8P0dG/l6hPocYAwz/AB2bVpmG/P+HmYEQIgMY/IF6lBMhFxj/FbqOPdQrvP4OoL9bpK8W/"
    "SECnab2q0b8C63kWRU7DPz1MwfeemL4/RqiZnvv/xj9A/TVL0MHGP5Xv+D7G/+4/Y/6idmuVxb/fjcfd2IPRv2ZtYKy9mcM/"
    "aigNB7rNvT+Q1PwPCIDHP+BYV7XFPcc/ZSB+ReD07j+8+W99Fv7Fv4TTrZ9XXNG/Mi3lc0fjwz9LrmWaHAG9P8F5jhQGAMg/"
    "oIx/K4G5xz/thxZwx+nuP23zHg7HZca/q728zEk00b/os3FcxyrEPw6YgT7rMrw/F3xIDwaAyD9ANg68ETXIPylT1dJ63u4/"
    "ukTmN4fMxr9XdVlgrgvRv75v4hNDcMQ/9Iuxb0pjuz92jVHTBADJPwDBdIhzsMg/O2fWLvvS7j/Dum4qUTLHvy8jJGmK4tC/"
    "P8C8c7WzxD9/UHKMXpK6P1wN8tL/f8k/IFmvUaMryT+fRDI9ScfuP18lCMMfl8e/j9Jy1eK40L/+SHQzGvXEPyDGy89LwLk/"
    "YPCAvwUAyj9giZ5urqbJP+cA8h5ku+4/weWWbvv6x79H1mrsto7Qv6YLPfV1NMU/DsIzRDbtuD/kqOze93/KP+B4hZR2Ico/"
    "i/mPMk+v7j8cmxRYyV3Iv6uhM/kUZNC/j1rEYLdxxT8Iw1i+QRm4P1PV733//8o/gGu6niKcyj8QXqgQB6PuP2HqnX+mv8i/"
    "j05HWvM40L/SJcIw8KzFPy+BYtCRRLc/pTKZZv5/yz/g3/bPlBbLP4fTIRmPlu4/Wtl14Hggyb/Ek2dSYA3Qv1IqhHMQ5sU/"
    "Wh0zxUlvtj/zWUe0+f/LP6Cic1DRkMs/E4NZVueJ7j89ILnPQYDJvzcb2b68ws+//MJPbRkdxj9+UxGUjJm1P+zzaFUHgMw/"
    "4NsxSuwKzD+ocPIYDn3uPzKxIvUO38m/QsJ5IdRpz7/Nb2Q2E1LGP5WQadx8w7Q/n3kaYPj/zD+gZttJuITMPw547qAIcO4/"
    "NDlAOrs8yr8yvpDULxDPvzdBfQPqhMY/WoXs2Tztsz+XFL97+X/NP+CMAB5f/sw/xxVG8NJi7j8s3qoVZZnKv4K2RAu5tc6/"
    "V43skq+1xj+uMdhg7hazPyCbIEAIAM4/YKdFsd13zT/x/R2+bVXuPw+vhiEI9cq/nUgglHlazr8s609FYuTGP4xalNKyQLI/"
    "PJSuwACAzj8AAaE8EfHNP4sw51ndR+4/n/Y5lIhPy78A5o15k/7Nv4lzJo/1EMc/PjeKGqtqsT8DKFNtAwDPP4BcTssXas4/"
    "wvbQ4x467j9o9zFu+6jLv+OCo+b3oc2/wMRqs3U7xz8KC0ej95SwP8OvuEj6f88/YEVl4dvizj83q/JDNSzuP9YHgllPAcy/"
    "moD+Hr9Ezb8eVopp3GPHP6N4z6dwf68/rk8z6wIA0D/gJat3e1vPPyfBpXgdHu4/cdVVxZhYzL+Gzwa32ebMv0P2Iwg1isc/"
    "6BiRCxnWrT/+hq+o/D/QPwAMOrXL088/i6zL/dwP7j//RjJst67Mv9Oa4dZwiMy/kY7E0nOuxz+w/RAFJi6sP7eEidP8f9A/"
    "oNQyV/cl0D+zesFJcAHuPyhQ/prCA82/MxgsmnEpzL/PHQRppdDHP1PGl/TTh6o/163SHv+/0D8gdH/N7WHQP1C3ltrY8u0/"
    "Hoh3x7JXzb8DtZKG6snLv+f5q0LJ8Mc/tCu0BF7jqD/aXFGoAwDRP6AWdALJndA/UJmJNBfk7T/k7YN5hqrNv7YGl5njacu/"
    "2ybxsOEOyD+rm+4X/kCnP8Wcr/MBQNE/oKvhtoDZ0D+BJkHgLdXtP4uyY2gx/M2/Wo1bxXEJy7+sGnOm7SrIP/DYO8fsoKU/"
    "CSUStgOA0T+gZx6qHRXRPzIfDC4bxu0/fmu6ub5Mzr8cQ8KQjqjKv17ay4v0RMg//4XlUGEDpD9ToaKm/7/RP8CNoeeWUNE/"
    "P48h4eG27T+i1iGWIZzOvwR7YiJQR8q/jpCL//VcyD/WwDOYkWiiP69aNC39/9E/YPc7BfOL0T8pyzrMgKftP65Wpypi6s6/"
    "k5ftR7Plyb8qVKuH+HLIP5qejhWy0KA/WvBM8fw/0j9ghFZNMsfRPz0t81X4l+0/yFfUIYA3z79FuGXwvoPJv9gMp/v/hsg/"
    "zFy4rut3nj/Jb64L/n/SP2DBJ5pTAtI/bhcZRkmI7T/syQpceYPPv5VRZF58Icm/FUUm9A+ZyD9lLrnmHFWbP96nl6IBwNI/"
    "wCe5rFc90j+2j5Xkc3jtP0kiV0NOzs+/82A1n/G+yL9bDn/fLKnIPxk7bxFYOZg/amFncv7/0j/AePOyNXjSP4ZlkBN7aO0/"
    "Dxrar/kL0L99rZfBNFzIv6fwmR5Zt8g/ZcMlZfoklT8gOxVI/j/TP8DcL2r2stI/5Psn+FxY7T8YaVq0OTDQv3I//F0++ce/"
    "IgAhxZvDyD8uto8WXhiSP5pXIoEDgNM/4MFur5vt0j/TIC+HGUjtPzEQTB/oU9C/ef0fYhKWx7/8nZ3b+c3IPy+FxoC0J44/"
    "QZHzPgPA0z8Ax2hGGyjTPxoNWRi0N+0/YCXvo/520L96KDMwyTLHv1hULsp21sg/sUQJ2IUviD8xDvpjAQDUPwBQVnt4YtM/"
    "2hOoRywn7T+InTtJf5nQvzz+qT1kz8a/MTPNwRjdyD8Hbg/30UiCP5IQB3QDQNQ/AEAKD7ic0z9reqQ7gRbtP0eJeNhsu9C/"
    "ppaVWOJrxr8e7LPJ5eHIP4arD9Jo6Hg/APKAyACA1D9gtP/e0dbTP2xX3Mq1Be0/wlLTocLc0L90JX09WAjGv8CLIAPj5Mg/"
    "Mud5YwnJaj/L0pdNAMDUPyDiovPLENQ/EdV+u8j07D9JanY3hP3QvzzBq1rCpMW/S6wNyBbmyD/ClUawqjhAP59Tl5P9/9Q/"
    "wN6nBqJK1D/enUfPu+PsP4QpEk2vHdG/8E0CsS5Bxb8NViwbh+XIP40IHJWoXWK/X3EE8/8/1T8AOR95WoTUP9gPXqSN0uw/"
    "IfJhjUc90b+Zu+nTmN3EvwcVGA8648g/XNKL0DM8dL+Go47oAoDVP8DWdfXwvdQ/CVYDAkDB7D8eBwi4SlzRv89flLIOesS/"
    "R2QF/DXfyD/NRQqwESB/v5DV9HD9v9U/4HpNKF331D+2mN7y1a/sP0IvtKK0etG/klooHKUWxL9abB1RgtnIPwWGAHfB7IS/"
    "U24Nt/3/1T8A9S+OqzDVP51C0jJMnuw/gQYZNYyY0b8Zg3S/TLPDvxOm05gk0sg/n18pqtQzir/imXNc/D/WP4AuAk/VadU/"
    "DxjdWKWM7D/kHXAdzrXRv1pqgKcXUMO/+RzAViTJyD/hWSCU2WSPv9LHGpr9f9Y/4DEA9d2i1T/rbf/O4HrsP1skjHx80tG/"
    "P5OqxgXtwr8fz8Xdh77IP284lNW2P5K/U5N7b/2/1j/AZuC0wdvVPxpZa0UAaew/qtDWwpXu0b/3hhCxI4rCv1ot4t1Wssg/"
    "pIWdSJrBlL/kgyrw+//WP8B9I2qAFNY/cxfITARX7D/KKZBLGgrSvxz79Yl3J8K/EekJm5ikyD+aQQ0T7DeXvzohjBL+P9c/"
    "gJRJQh5N1j8wDZwS7ETsP1lyeIMMJdK//ORb1f/Ewb8D1rI2U5XIP0bfQy6Eopm/etwM6vt/1z8g4rAFlIXWP8AycWi6Muw/"
    "fklzcmk/0r83sDnNzmLBv68Kk/qPhMg/EkRVpD0BnL+42o7xA8DXP+C+J0HuvdY/vQcWwGsg7D9CL+5fN1nSv+FhdzDUAMG/"
    "VsX+XVJyyD9z+Vh59lOev0xc80H9/9c/oAdm2hb21j83hNzNBw7sP+ratL9sctK/chTb4DufwL8bqpUqqV7IP6LPcthHTaC/"
    "a8THJgNA2D8AvriWJS7XPzjf3kyH++s/8wSU0BSL0r/yYfvn4T3Av+k7s6yTScg/B+Ydm3Zqob95sZDKA4DYPyCiBKEKZtc/"
    "9uI28u/o6z/fTakZKaPSv4GgVgjOub+/gAL3Mx8zyD/MCBPweoGiv9UvaekDwNg/AMuy8Mmd1z+VZJbyQNbrP+rCbv2rutK/"
    "LZyO4JL4vr/jcxgDUhvIPz0REqxJkqO/X1y+Nf7/2D/A38y9XtXXP3fPq258w+s/RfR0LZzR0r/bLD/mLDi+v67ibw42Asg/"
    "QatmDtmcpL/NdImqAkDZP4DYr7jWDNg/usxoRJ6w6z+G5oTs/+fSv+hZxoh2eL2/YFTxwsznxz/t0xC0IKGlv+r9juACgNk/"
    "IGmFNCVE2D94BCk/q53rP+/tgbvS/dK/mIPmMaW5vL8bsdvCI8zHP3h+RpgZn6a/a0spdQLA2T8AYp8pTXvYPx/Plt6iius/"
    "0kVNjBYT07+6Tc7tt/u7v8n+B4lBr8c/VZ9BB76Wp7/skOTzAgDaPwBFGsJPstg/3fdeO4V36z/NcK6OzCfTv9pAntSzPru/"
    "6veTTS2Rxz9qYCGeCYiov7ZhhEX/P9o/wNJUdyjp2D8Orw1qVGTrPz+aKtzzO9O/A9AXSbGCur/PZnV88XHHP9gNcD35cqm/"
    "rirhhwKA2j8A0N+l4B/ZPwUu2KANUes/EtNqp5BP07+tNezemMe5vz70DoqQUcc/yO9yCItXqr+EbKhJAcDaP+AWRVxuVtk/"
    "tvYD3bQ96z+CHxwpoGLTv2Df9gOVDbm/kh4JJRgwxz8rAnpXvjWrv+HCTC///9o/QGUilNSM2T8KIJeSSSrrPwH9U1EkddO/"
    "fuI9rqNUuL8x87N+jg3HPw5XrbaTDay/HnHzwgBA2z/AxM0BF8PZPxt4Y+rKFus/SbZlNh+H07/G+3A/wJy3vy78HQb56cY/"
    "w/k32AzfrL+A4XenAIDbPyCPdPMw+dk/KhawDzsD6z+rjJclkJjTv6tadlwC5ra/eNYWnGLFxj+/bqGSLKqtv+0Ufgj9v9s/"
    "ANsNvyAv2j+Ubs4cm+/qP8Pjc4t3qdO/zNHvCXcwtr86jUBY1J/GPxOA5NL2bq6/g2cI8AAA3D+AgESN72TaP1oLmTXo2+o/"
    "hhskJ9m5078BQA7CBny1v6vI5pBPecY/JwpjmnAtr7/4WD6GAUDcP6AbOhyUmto/0n3tNSbI6j9QWwcMs8nTvzx5KaTXyLS/"
    "IjyQleJRxj9Jtvjwn+Wvv7/DYmz8f9w/QFgKWAzQ2j8I2NFiVrTqP+wGu6wF2dO/3EIeQvcWtL/9jmDllinGP5pkS/HFS7C/"
    "CaKyNALA3D9AO4/2ZQXbP0bJPR50oOo/Tmfb4tXn07/+P4OkPmazvys58MRpAMY/AQKxOJ6hsL/5+cWq/P/cP8BcxFmOOts/"
    "JJw40oaM6j/LsmKDH/bTv6ZGx8bxtrK/RiltQnHWxT91zoFJXfSwv2QMgA0EQN0/gGWviJlv2z/Szph0h3jqP8B1ie/oA9S/"
    "Kx6ovtQIsr9O+j8opavFPzBRcBEIRLG/AEXmsP5/3T9A4SQjcqTbP4DWWox+ZOo/LQQ/oC0R1L+cOICVM1yxv56I2UkegMU/"
    "T1WW76OQsb/r9Pwt/r/dP6AnHZ8m2ds/yobCGmdQ6j/hTQpZ8h3Uv6Xv0YvksLC/0AYlcNhTxT+mFaStNtqxv8K7NIr9/90/"
    "wKL3xLIN3D+zC/cuQzzqP3xk7hY3KtS/u3Bi2/oGsL/mjfCG3ibFP/thUH7GILK/wBVk0v0/3j9AKShYF0LcP8vdkfMSKOo/"
    "Ct/tGP011L+viaWI8ryuv2Nh+Uw3+cQ/gYSh9llksr9yJvc3/3/eP8A9qmdUdtw/s4bO1tYT6j+RfgN0RUHUv0XELDvJbq2/"
    "AfFkBerKxD9kzUkM+KSyvw/AG6H9v94/YDbihWaq3D+WI1yikP/pP09yZIoQTNS/gh6HL5kjrL+F+/sKAZzEP/7zDw+o4rK/"
    "bXUTM///3j8gzDCdUt7cPx9J+d8+6+k/rrpqfmBW1L+NqYo+TNuqv33/2CV/bMQ/jUQdp3Eds79uhUuRAUDfPyC7waoWEt0/"
    "FUO8yeLW6T+Rfk4ANmDUv4kfkPv3lam/SuBbP208xD+Sv4rOXFWzvyhEFM0DgN8/QJY+2bFF3T/r328lfcLpP0XB9wmSadS/"
    "dBFS7alTqL8fdScr0wvEP/LFpc9xirO/2VtUAALA3z9g2Tb1IHndP6We6aoPruk/9GbdOHVy1L90T0i1fRSnv3PD7/i62sM/"
    "ZLimPrm8s7+oKm/a+//fP6D6ILRjrN0/qwxN7ZqZ6T9yYMy/4HrUv0p6vyV82KW/5Z6Z9Supwz8InfD3O+yzv8gYUab/H+A/"
    "AAz3K4Xf3T/lKtfsGoXpP8WUV4/XgtS/CwJKLmifpL/aVqElInfDP2SA9RkDGbS/VgULnAFA4D8Aoiv6fRLeP1V6wQiTcOk/"
    "/X56lVmK1L+78kgmdmmjv7FpJVmrRMM/2y11AxhDtL/bAUXC/1/gP8C8laRHRd4/eVsiTwZc6T+49WMhZ5HUv5+4eUvTNqK/"
    "vrcwtdQRwz92FJNNhGq0v/wlUYb+f+A/YK1fKul33j/qsBNcckfpP8qrM28CmNS/a3yU3loHob8b4NXYnd7CP2DKF8pRj7S/"
    "Jax+EAKg4D+AMSQIaareP0uCOfPUMuk/dfRFcS2e1L8kFFcA2LWfv4TP0YUGq8I/vrq7fYqxtL/U5XZz/7/gP2D1n/e13N4/"
    "krThjjUe6T9ThElJ56PUv29caL7kY52/MvCxxCZ3wj86zG6eONG0vy7uFRf+3+A/gLvhm9sO3z9gvZPZjwnpPwfphJsyqdS/"
    "Xrp94FoYm78EqNfy+ELCP0Cj2o1m7rS/bHc9fwEA4T8A4Rlh30DfP/u8RPvh9Og/fkbjFhGu1L8ihDbPBNOYv64IZ3N9DsI/"
    "jWWz1x4Jtb9le4z9/h/hP2AV0o+wct8/CvtwRzPg6D+DZw9cgrLUv2QD/n+slJa/TL8p5cvZwT/w5XMsbCG1v3Huo68AQOE/"
    "YE0y416k3z/fhPaffcvoP03TrReJttS/cG4nZ6NclL+x8/uh2aTBP3Qjul9ZN7W/h2Ezc/9f4T8AjeQ939XfP0Y1vgzGtug/"
    "yxspmyW61L/MErdfbyuSvwuL4lW4b8E/PEI/Y/FKtb+Ce0Rs/3/hP8DsCAKcA+A/JlnxSAqi6D/DioClWb3Uvypv717NAJC/"
    "p0rl62Y6wT/kDEJFP1y1v2Erk67/n+E/wBsJ4DMc4D8ATmZVS43oP7tan1cmwNS/KsOXh6a5i79O9tSV7ATBP14yvCtOa7W/"
    "UK4Suv+/4T8goKvTtjTgPwTP3OuJeOg/wWPU5ozC1L/8EWKzHH+Hv+cRC7lPz8A/Gr7cUil4tb9BnkVLAeDhPwBYwC0mTeA/"
    "altiUcVj6D+Z0/2vjsTUv8pZMGDLUYO/2dBl3pKZwD9ns3sI3IK1vzNvMDIAAOI/4Gz7un5l4D/D7uKhAE/oP8bInrcsxtS/"
    "0ehd2Yhkfr9B8h1mwmPAP607pqpxi7W/bEgK0wAg4j+AUBbSw33gP7/ls2Y5Oug/7k3gfWjH1L8vBQ+A9z92v91e8yjcLcA/"
    "kc9Ro/WRtb/8A14h/j/iPwAKOJ/xleA/P1++SHMl6D93P3kbQ8jUv7iTWWJjbmy/O0tejNvvvz+nnP5mc5a1v13WM2gAYOI/"
    "wKiWZA6u4D+jSrRFqRDoP3pAWwW+yNS/pPCDrqcgWb9eagqG3IO/P+eO2XD2mLW/UE0t6ACA4j8AU18JFcbgP7c3kx7g++c/"
    "am88V9rI1L9dVg/Fx7Y4P8q2xMnbF78/4NrWRYqZtb8Lajsg/5/iPyAnhTAF3uA/jVMghRjn5z9jaYxmmcjUv7CKyr7shmI/"
    "vcVqm+Srvj+EllpXOpi1v5OdGukBwOI/IHqB9+P14D+XXaRjTtLnP23Eg1/8x9S/CoCcXZnhcD/gqCE36T++P0CofTcSlbW/"
    "SEn7xv/f4j9AYONMqg3hPx8BOT6Ivec/H+HqtQTH1L8rYiwZmGN4P1ejK7YS1L0/DgIOXx2Qtb/tTss5///iP2CtcAldJeE/"
    "m3pbNsKo5z8y9SWJs8XUv3AwXngDy38/s/PtDlRovT8qJZxHZ4m1v8sxLgD+H+M/gDf9gfo84T9nlr4b/pPnP8f0RjAKxNS/"
    "8Wtej66Lgz+YXHeDvfy8P6uH6GL7gLW//b/H7QBA4z8AUtBEhlThP6UdSiQ5f+c/wWS3nwnC1L/lCxuF4iSHP+B2fFBHkbw/"
    "q/DHGeV2tb8wKATOAWDjP+BqZcH7a+E/dys7rXdq5z+Wwqp0s7/Uv8IpsgVwsIo/S6Xchw4mvD9j9w3JL2u1v1T8uIn+f+M/"
    "gLrQd1mD4T89qgxmu1XnP3W5izAJvdS/QBIK/iYujj8mD3kYIru7P9rzlMDmXbW/QqhNmwGg4z9A0QwQp5rhP4n4Adj9QOc/"
    "VsYyLAu61L+iRMqOmc+QP0M0hslmULs/tXJmQBVPtb/oY2vOAMDjP+AKCx3dseE/5nCG8kUs5z8uLkKSu7bUv0Yh06BBgZI/"
    "ISNFNwbmuj9WH9l3xj61vwcmShH/3+M/IG//xv3I4T+nR2ggkhfnPwbTm2Ybs9S/itL/BDoslD8lCPzn/Xu6P7px9IIFLbW/"
    "fZvawf//4z9AiC5/C+DhPzMRN4TgAuc/5PsSgCuv1L9Lf8S/tNCVP8W2CthJEro/jRCkad0Ztb8znB3h/h/kPyDsw2cD9+E/"
    "oHZqAjTu5j8SS1GW7arUvwUpugeDbpc/IRIaJv6ouT+gK1UdWQW1v3ZGF/r/P+Q/YPivD+gN4j9i0aaeitnmPzt7kmtiptS/"
    "sNtK+NgFmT+1TUjdFUC5P0TvPniD77S/pH9FDf9f5D8AU2eftiTiP1EzCTrnxOY/+L/yy4uh1L8WjLuEipaaP3W5+5Ok17g/"
    "++Q3O2fYtL9XDpGP/n/kP0C4kt1wO+I/WUOwiUiw5j//B0uXapzUv1EC8iW+IJw/PWfpgqhvuD9Q9RIND8C0v2v8I3MBoOQ/"
    "IDRO4xhS4j8n/nfyrJvmP7pqhX//ltS/DBUomZ6knT8marY+Hgi4P8UGq3iFprS/AAW/sQDA5D+ALIu9qWjiP0K9q0IZh+Y/"
    "SuZ07EyR1L/s7sPQ3iGfPwWqMFsiobc/Q+9T7NSLtL97IAcdAeDkP6D3ZNomf+I/sr7Pp4py5j9Hsss/U4vUv0FKNadgTKA/"
    "evL276o6tz+yaxq4B3C0v0brNl/+/+Q/gNHdNY2V4j/zanswBF7mP+a2i4IUhdS/2T6ZSI4EoT9ZfI1Gy9S2P4lJSA0oU7S/"
    "Wff9KgEg5T+AMhzr4qviP63axY2ASeY/t+MRLJB+1L9Ds+GIrrmhP78BRf9sb7Y/3rjW/D81tL8jJNvfAUDlP8ACBKsiwuI/"
    "+1fm5wQ15j+pP+XuyHfUv0XYbGmaa6I/76Y6aq0Ktj/04QR3WRa0v0+n0nL+X+U/QHK+FkvY4j/erlTOkiDmP1ZBdnvAcNS/"
    "576aTUwaoz89ppmol6a1P7F/+kl+9rO/M2xx7gCA5T/gP08oY+7iPyBXHBgkDOY/wbCDw3Vp1L9aGgrE/8WjP3I7ewsRQ7U/"
    "AQRwIbjVs78qzSWY/5/lP0DP7y1kBOM/F6MUPL/35T/eTHoi7GHUvzfYqG2FbqQ/yPRiYTzgtD92WX+FELSzv81CKv79v+U/"
    "wA0RpVAa4z9oEs8zYuPlP7x9i/YjWtS/6fBA3vUTpT8ekAXeEn60P7WrXNqQkbO/mQczVwDg5T+ANCV1KzDjP1qkHZAKz+U/"
    "z1QnVR1S1L+7APC7a7alP7L3utKLHLQ/GiRTX0Jus7/aVWBNAQDmP2DaLv/wReM/AFnq8ru65T9UhwCy2knUv7tv9RjRVaY/"
    "ssGgibu7sz/8YI0uLkqzv8sJOCwBIOY/QFAtgaFb4z/pSR5ndqblPxZiDiNdQdS/98cFay3ypj8rt+bPpFuzPzv6OzxdJbO/"
    "zH60hwBA5j+AVXFpPXHjP2kO+8g5kuU/bh+9paU41L/PE5t/iYunP4989XRJ/LI/yqpsVtj/sr9/OUanAGDmP0CJlp3FhuM/"
    "WDwHgwV+5T+DAD3+tC/Uv+senkvxIag/gu5SGamdsj+oZlgkqNmyv0sJ4+QAgOY/ADn+tTmc4z8eE9022mnlP+CPd3SMJtS/"
    "DzGwmme1qD8FMuTyyD+yP3M1SCbVsrK/h3fj4gGg5j8gJtUnmrHjP81l2LW3VeU/0wxg8Swd1L9Z6HlL9UWpPy2woEaq4rE/"
    "W6MItWeLsr/7u/QN/r/mP+C28kbjxuM/vq9YtqFB5T83oY04mRPUv7rCs+WH06k/+ZczF2CGsT9FSdsBaGOyv+psQOr/3+Y/"
    "ANSzGxzc4z+O/j/TkS3lP+n/vDbPCdS/rwVEF1Reqj8GGATcziqxP1dlDRbeOrK/ZeoB7QAA5z8AFOVUQPHjPxmRi1yMGeU/"
    "90/q8tH/07/NgYwwQ+aqP/eqYBkM0LA/JQ310tERsr/rFdUAAiDnP+CzO5hQBuQ/cVwX8pAF5T9csRs2ovXTv/xqU5tfa6s/"
    "TWIxpxd2sD9UwKjxSuixv23eIxMBQOc/IOeDlEsb5D8BuicQofHkP4+Ml7tB69O/amJld6ftqz+KjPWX+RywP0hDBwNRvrG/"
    "yrTKJf9f5z/A1QEAMjDkP2z7c0W83eQ/Kh3yQbHg078PoL3RJW2sP2juNVliia8/iQaOb+uTsb92H5KQ/n/nPwCvxmwFReQ/"
    "rr3/TOHJ5D/EfiQL8dXTvxZFP5Tq6aw/8YpK8nParj9CrGp3IWmxvzv4skf+n+c/IJ/BNcVZ5D+9II/8ELbkPw0q33MCy9O/"
    "3tbFI/hjrT+rFlGcMS2uP3IpbjL6PbG/qXkeL/+/5z/A9U34cW7kP72xhvVKouQ/Wx74Lua/07/wlohzWNutP3jeFSWaga0/"
    "0P0mkHwSsb8FjTyXAeDnP4CV+/ALg+Q/jrBmNI+O5D8aoFMcnbTTv+0+ECUTUK4/r/SQUq/XrD87AO9Xr+awv5LA72n//+c/"
    "ADgcQ4+X5D9KBuGj4XrkP8RQbGYqqdO/vqSYQBnCrj/gV+4ulC+sPzBXDSmZurC/MlIrxQEg6D9AM7jSAazkP/V8G9M8Z+Q/"
    "8AV9xoud07/VtYEqkjGvP5AOooobias/1u/cekCOsL8/Tk29AEDoP2C8HZtewOQ/9ynWyKVT5D9H7+kTxZHTv2s9OBdpnq8/"
    "uSGOJ3Hkqj8QTfWcq2Gwv72chowBYOg/oIUi/ajU5D9xJLh5GUDkPykpPlzVhdO/8o8se1sEsD9Pytc5fEGqP9S3Z7fgNLC/"
    "EDfbtf5/6D+gvJOL3ejkP7/mxmabLOQ/oeIuo795078P/odhODiwPzMLOotaoKk/qQPuyuUHsL/jdzyGAKDoP4AezY8B/eQ/"
    "PwmoqCYZ5D9NNO61gW3Tv5LyQSjcarA/C1aEJOQAqT8KL3ligbWvv6+C2Q7/v+g/wIriFhAR5T/uEpE4wAXkP8eN04kfYdO/"
    "97lQtD2csD9KDC0xQmOoPxKgbDruWq+/rq7DAgDg6D9ACqvADCXlP8WTVcZk8uM/AOkr2JdU0785bVRoacywP/2ZhNtZx6c/"
    "NyOjNh0Ar797qb/sAADpP+BOjQ72OOU/M5MR9BXf4z/0SSF97EfTvzwdkvpe+7A/iT5paTgtpz/z9aAjGaWuvxzAUdL/H+k/"
    "IL3z08pM5T8V3VQV1cvjP0VCySsfO9O/9sPELx8psT9cdnob6JSmP/aGboLsSa6/5vQK2QFA6T9Axk5NjmDlP3LvRTSfuOM/"
    "mte7ty4u079x0AHktFWxPxxvJTpR/qU/YvYPiaHurb8XbP0EAWDpPyA8Z9U8dOU/4sbrCXil4z+cA6VtHiHTv2soYk4bgbE/"
    "nc6+cZBppT9BFpEjQpOtv4JLIS0AgOk/IGENO9iH5T8+rOoBXpLjPwRVQgjuE9O/cbW9AlqrsT+4cL2emNakP1qWgvTXN62/"
    "UQaY6/2f6T+gp2uxX5vlP3qrsRBSf+M/dtaT+Z4G07+oJe3NctSxP5q9Ci1wRaQ/oRoiVmzcrL9TQFDl/7/pP6DmXbXWruU/"
    "HsWR+lBs4z9WHjG+L/nSvwWv41tw/LE/x83VrP21oz+4udtaCIGsvzSiYG4B4Ok/gNSseTrC5T/qsvqlXVnjP+rO3h2j69K/"
    "GGVzNVAjsj8o/fkiViijP1kii860Jay/G3SFtv//6T9gBNRaidXlP9O4Mth5RuM/QdoOI/vd0r+iCzyyEkmyP9qGTkyFnKI/"
    "VSoAN3rKq79DuVmdASDqP6B+GIzH6OU/gyHenqEz4z95NwSwNdDSvwwRuXrDbbI/DvyclWwSoj8+I1bVYG+rvz8Vnr7/P+o/"
    "4IrAqfD75T+qYXhv2SDjPxgPIMJWwtK/k1J5pl2Rsj/ej2olK4qhP4lOeqZwFKu/zqEjev5f6j8ABiBjBw/mP145PdEeDuM/"
    "MjlARF200r8T8GfJ6bOyP7gC0DWtA6E/8aiWZLG5qr+4UPJXAYDqP6BTZN0NIuY/Hsz/z2/74j+Rgo1vSKbSv8NMZQNv1bI/"
    "pue2S+N+oD8DL5mHKl+qv0mdg90AoOo/oMkStP805j8BntXi0OjiP93PZ1QcmNK/ta0f/+j1sj88gLqj1vefP7eNr0bjBKq/"
    "IPINdwDA6j8gAPf+3kfmP3//CiJA1uI/T+f5NtiJ0r8KFAnlXhWzP38Lq2Fr9Z4/HznOmOKqqb9IvlsSAeDqPyBNolesWuY/"
    "WTX7G73D4j/dVd5tfHvSv3DCxBXVM7M/z06sm3r2nT8rlzo2L1GpvzkYMnz+/+o/wIObVmVt5j/Z+PtTSrHiP84D+pwLbdK/"
    "DC6qLEtRsz+avpdFIvucPyIAEZnP96i/JGlIdf4f6z9A+85oDYDmPxSoao7knuI/66ev6INe0r/Iig77yW2zP8pmXa0xA5w/"
    "ix7b/smeqL+43rhfAUDrPwDFN9GkkuY/jmb/q4uM4j8KHufY5U/Sv3oxlxJVibM/VUaEHaMOmz99BhRpJEaov7knbDgAYOs/"
    "wG/fjCel5j+4jXXFQ3riP+Dcylk1QdK/ka407umjsz8F/18cqB2aP8aqyJ7k7ae/s93v0QCA6z9gtswKmbfmP7Kqg5kJaOI/"
    "CH4EdnAy0r+bEzLxkL2zP+Gz3lgQMJk/6UwZLRCWp79HQMxC/p/rP2BeRIb2yeY/H4efBuBV4j85FkYlmiPSvyfBJqlJ1rM/"
    "cB+ixftFmD/mC+JorD6nv63qGpUBwOs/oEVOPEXc5j+wc2X/wUPiP+enj+OuFNK/DzOhXh7usz/f5swrJF+XP8UCOW++56a/"
    "Ef4WZv7f6z/gbxAnfu7mP/CHtZe2MeI/Mu8PJLUF0r+MgetECQW0P/lggRDee5Y/rRgdJ0uRpr9yHFFU///rP0C7O2SnAOc/"
    "izyC4bcf4j96T4WaqPbRvzdI8HEVG7Q/fA/Ru9iblT8RN/BBVzumvz5ZN8UAIOw/AGRt874S5z/VslT3xw3iP+3bJJ2L59G/"
    "4IX0lEMwtD+EaCoSKb+UP+mkKj3n5aW/GVfT3QBA7D8AMPrXwyTnP7+xqPLn++E/9t1dsl/Y0b8PsuPSlUS0PzAbzH/W5ZM/"
    "D9DQYv+Qpb+2dSNAAGDsPyA3/322Nuc/hyPJhhfq4T9Y/N0xJcnRv8LLtvgPWLQ/jpnOANcPkz9fninLozylv+RPkBn/f+w/"
    "YFg5D5dI5z8zuiWoVtjhP8UPXqfcudG/ff34ebVqtD/+CqmlIz2SP0tXL13Y6KS/nUDi+f6f7D/A8ed5ZlrnP+nSQIekxuE/"
    "LDmY8YWq0b86WIyAiny0PyYlf4WsbZE/dnVH0KCVpL9y7zjgAcDsP0BRgeYlbOc/+K29GQC14T+uaaS0IJvRv6J+OEKTjbQ/"
    "9boFc1+hkD8XTq6sAEOkv38Dcuv+3+w/oEp6etB95z8CZx9PbqPhP/gsmdCxi9G/DZmkWs6dtD9llnVj3bCPPw8ML0378KO/"
    "7TlI6v//7D/AiHCxa4/nPy8SMs/pkeE/rAAEIjV80b9BlhUKRK20P6lMiYAsJY4/ZcKJ35Ofo7+yyD7s/R/tP4DIxsjzoOc/"
    "1gGfcnaA4T9AVVGYrmzRv/8zCRv0u7Q/zWCa4PWfjD8EVypmzU6jv9TthHD/P+0/IPICX2yy5z8GMpe5EG/hP1QKHp4bXdG/"
    "MJosrOTJtD/Mds7v3SCLPze8iLiq/qK/fI5yjf5f7T+Afo1I0sPnP6elIua7XeE/ss4Fo39N0b/H8XtBFte0Pznin+EeqIk/"
    "B63dhC6vor8DO6pw/3/tP4CVI9sn1ec/AepPvnVM4T+qBtcq2T3Rv6oynbSN47Q/bSvfN3o1iD9713xQW2Civ6P7NBT/n+0/"
    "IKfIgmvm5z/tf5vtPzvhP0bWyToqLtG/9Ryw50zvtD8t1V/SBcmGP+9mhnkzEqK/jN7IqP6/7T8gpaD0nffnPxkh/NcZKuE/"
    "3xm+xnIe0b+RG05jV/q0P/Vt+UemYoU/mfU6N7nEob/1PVcmAODtP2C5vE3ACOg/ueQDeQIZ4T8G7d9csg7Rv/qBpsywBLU/"
    "Cd48bzgChD9q+qib7nehv2abADX+/+0/QFPLws8Z6D+1Qsmx/AfhP5J9DSPs/tC/8bTFdVoOtT/YOcHj6KeCPytk+pPVK6G/"
    "aEwtSQAg7j+Ahstc0CroP99VjpIE9+A/IQcL7hzv0L90+3uTWRe1P9v9yStZU4E/JBgd6m/goL9luxKUAEDuP2AaABS/O+g/"
    "2oX0Nx3m4D990ysbSN/QvxRNAmSvH7U/mJaEm7kEgD80JApFv5Wgvy/vWEf/X+4/gMExFZxM6D/n7H+LRtXgPx7+WxBuz9C/"
    "OuDF+V4ntT83EaoX8nd9P+GRaCrFS6C/n4EPOACA7j9gwMx0aV3oP7WlHY9+xOA/D3CtYo2/0L8rvD8fbC61P32tJO7D8Xo/"
    "ySbO/oICoL97y9imAKDuP2A6DtAlbug/Yk0xusaz4D+ELcvnp6/Qvx8H6QjZNLU/yeXlTAR3eD/VybcO9HOfv2C6E1oAwO4/"
    "4GOxGdF+6D/XersuH6PgP+H8ozO+n9C/Xa/Ziag6tT8LBPf3mQd2P/uz8NNW5J6/GN34WP/f7j+AyoFma4/oP7NgQ+yHkuA/"
    "5QfOt9CP0L8/3d573T+1P2YuxXBmo3M/FXPKXTBWnr8ANAO+///uP2B5Td31n+g/vRX+3/+B4D8PbOXa3n/Qv11vTfh6RLU/"
    "HpSCeSRKcT81iOaBgsmdv10SteYBIO8/YIHou3Cw6D/iInHfhnHgPyVTkN7ob9C/euzetYNItT/VhqG0YvdtP5X0IN5OPp2/"
    "2+Bw9/0/7z+AY+kJ2MDoP6l2pfUgYeA//xIpHfNf0L8fANGM+Uu1PxbckG78cGk/fljr2Ja0nL8z2hZO/l/vP8DNvCkx0eg/"
    "6aQ708hQ4D/Sg0zX+E/Qv1KyK1ngTrU/te6TcWH/ZD+GrFmkWyycvy7/dkUAgO8/oEPkzHrh6D9se6nYf0DgP1U+G8n7P9C/"
    "91czXzpRtT9TK8kUuqJgP3HfcD6epZu/MKO2Of+f7z+gFfWnsvHoP1hBBmNIMOA/qK26rP4v0L/ASHTyCVO1P2sAUEjWtlg/"
    "3yMjdF8gm7+5wHaqAcDvP4Bt1hXcAek/qrTZKB8g4D84TI2p/h/Qv/iAlwhSVLU/u8U1f7VQUD+vR5Lhn5yav8qSpTn+3+8/"
    "gKeIbfIR6T84ZQzkCBDgP96IFtMAENC/Fhgv4xRVtT/SKBZOFSpAP6D1+vRfGpq/sNGSjgH47z8Av7Sb+x3pP6nFhLj/A+A/"
    "VKl2OP8D0L/73TlVUVW1P8LmlXvnByA/WLqjGKe5mb8="
)

def _concatenate(*tables):
    """The tables' bytes one after another, and each one's offset (its size checked)."""
    blob, offsets = b"", []
    for text, size in tables:
        data = _b64(text)
        assert len(data) == size
        offsets.append(len(blob))
        blob += data
    return blob, offsets


_BLOB, (_EXP_TAB, _LOG_TAB, _SINCOS_TAB, _TOVERP, _CIJ) = _concatenate(
    (_EXP_TAB_B64, 2048), (_LOG_TAB_B64, 2048), (_SINCOS_TAB_B64, 3520), (_TOVERP_B64, 600), (_CIJ_B64, 13496))
TABLES_SIZE = len(_BLOB)   # bytes at ``base``
