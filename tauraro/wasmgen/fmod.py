"""fmod for compiled code: an exact remainder written in wasm.

WebAssembly has no floating-point remainder, and Python's float ``%`` and ``//``
are defined through C's ``fmod`` (see CPython's ``float_rem`` and
``_float_div_mod``). ``fmod`` is exact -- its result is the mathematically
exact remainder, no rounding -- so any correct implementation gives the C
library's bits. This is musl's bit-level algorithm (src/math/fmod.c): align
the significands, subtract shifted divisors, renormalise.
"""
from __future__ import annotations

# locals after the two f64 params x (0) and y (1)
_LOCALS = [("ux", "i64"), ("uy", "i64"), ("ex", "i64"), ("ey", "i64"), ("sx", "i64"), ("i", "i64")]
X, Y, UX, UY, EX, EY, SX, I = range(8)

MANT = 0x000FFFFFFFFFFFFF
IMPLICIT = 0x0010000000000000


def _normalize(u, e):
    """Subnormals: shift the significand up (exponent goes negative); else add the
    implicit bit."""
    return [
        ("local.get", e), ("i64.eqz",),
        ("if", None),
        ("local.get", u), ("i64.const", 12), ("i64.shl",), ("local.set", I),
        ("block", None), ("loop", None),
        ("local.get", I), ("i64.const", 63), ("i64.shr_u",), ("i64.eqz",), ("i32.eqz",), ("br_if", 1),
        ("local.get", e), ("i64.const", 1), ("i64.sub",), ("local.set", e),
        ("local.get", I), ("i64.const", 1), ("i64.shl",), ("local.set", I),
        ("br", 0),
        ("end",), ("end",),
        ("local.get", u), ("i64.const", 1), ("local.get", e), ("i64.sub",), ("i64.shl",), ("local.set", u),
        ("else",),
        ("local.get", u), ("i64.const", MANT), ("i64.and",), ("i64.const", IMPLICIT), ("i64.or",),
        ("local.set", u),
        ("end",),
    ]


def _subtract_step(extra):
    """i = ux - uy; if i >= 0 (unsigned top bit clear): if i == 0 return 0*x; ux = i."""
    return [
        ("local.get", UX), ("local.get", UY), ("i64.sub",), ("local.set", I),
        ("local.get", I), ("i64.const", 63), ("i64.shr_u",), ("i64.eqz",),
        ("if", None),
        ("local.get", I), ("i64.eqz",),
        ("if", None), ("f64.const", 0.0), ("local.get", X), ("f64.mul",), ("return",), ("end",),
        ("local.get", I), ("local.set", UX),
        ("end",),
    ] + extra


def fmod_body() -> list[tuple]:
    body = [
        ("local.get", X), ("i64.reinterpret_f64",), ("local.set", UX),
        ("local.get", Y), ("i64.reinterpret_f64",), ("local.set", UY),
        ("local.get", UX), ("i64.const", 52), ("i64.shr_u",), ("i64.const", 0x7FF), ("i64.and",), ("local.set", EX),
        ("local.get", UY), ("i64.const", 52), ("i64.shr_u",), ("i64.const", 0x7FF), ("i64.and",), ("local.set", EY),
        ("local.get", UX), ("i64.const", 63), ("i64.shr_u",), ("local.set", SX),
        # y == 0, y is nan, or x is inf/nan: (x*y)/(x*y) gives the nan
        ("local.get", UY), ("i64.const", 1), ("i64.shl",), ("i64.eqz",),
        ("local.get", Y), ("local.get", Y), ("f64.ne",), ("i32.or",),
        ("local.get", EX), ("i64.const", 0x7FF), ("i64.eq",), ("i32.or",),
        ("if", None),
        ("local.get", X), ("local.get", Y), ("f64.mul",), ("local.get", X), ("local.get", Y), ("f64.mul",),
        ("f64.div",), ("return",),
        ("end",),
        # |x| <= |y|: x itself, or a zero of x's sign
        ("local.get", UX), ("i64.const", 1), ("i64.shl",), ("local.get", UY), ("i64.const", 1), ("i64.shl",),
        ("i64.le_u",),
        ("if", None),
        ("local.get", UX), ("i64.const", 1), ("i64.shl",), ("local.get", UY), ("i64.const", 1), ("i64.shl",),
        ("i64.eq",),
        ("if", None), ("f64.const", 0.0), ("local.get", X), ("f64.mul",), ("return",), ("end",),
        ("local.get", X), ("return",),
        ("end",),
    ]
    body += _normalize(UX, EX)
    body += _normalize(UY, EY)
    # for (; ex > ey; ex--) { subtract; ux <<= 1; }
    body += [("block", None), ("loop", None),
             ("local.get", EX), ("local.get", EY), ("i64.gt_s",), ("i32.eqz",), ("br_if", 1)]
    body += _subtract_step([
        ("local.get", UX), ("i64.const", 1), ("i64.shl",), ("local.set", UX),
        ("local.get", EX), ("i64.const", 1), ("i64.sub",), ("local.set", EX),
        ("br", 0),
    ])
    body += [("end",), ("end",)]
    body += _subtract_step([])
    # renormalise: for (; ux >> 52 == 0; ux <<= 1, ex--)
    body += [("block", None), ("loop", None),
             ("local.get", UX), ("i64.const", 52), ("i64.shr_u",), ("i64.eqz",), ("i32.eqz",), ("br_if", 1),
             ("local.get", UX), ("i64.const", 1), ("i64.shl",), ("local.set", UX),
             ("local.get", EX), ("i64.const", 1), ("i64.sub",), ("local.set", EX),
             ("br", 0), ("end",), ("end",)]
    # scale: a normal result gets its exponent back, a subnormal one is shifted down
    body += [("local.get", EX), ("i64.const", 0), ("i64.gt_s",),
             ("if", None),
             ("local.get", UX), ("i64.const", IMPLICIT), ("i64.sub",),
             ("local.get", EX), ("i64.const", 52), ("i64.shl",), ("i64.or",), ("local.set", UX),
             ("else",),
             ("local.get", UX), ("i64.const", 1), ("local.get", EX), ("i64.sub",), ("i64.shr_u",),
             ("local.set", UX),
             ("end",),
             ("local.get", UX), ("local.get", SX), ("i64.const", 63), ("i64.shl",), ("i64.or",),
             ("f64.reinterpret_i64",)]
    return body


def add_fmod(module) -> int:
    """Add ``fmod(x: f64, y: f64) -> f64`` to a module; return its function index."""
    return module.add_function(name="fmod", params=[("x", "f64"), ("y", "f64")], results=["f64"],
                               locals=_LOCALS, body=fmod_body())
