"""Float operations compiled loops call into the host for.

WebAssembly has no ``fmod`` or ``pow``, and Python's float ``%``, ``//`` and
``**`` must give CPython's exact results, so compiled code calls these (through
``wasmtime_func_new_unchecked``, ~0.7 us a call). They are pure functions of
their arguments: no interpreter state needs to be written back before calling
them. An operation that raises in Python returns ``ERROR`` (a NaN with a
payload Python arithmetic does not produce); compiled code checks for it and
exits so the interpreter raises the exception at the right line.
"""
from __future__ import annotations

import struct

ERROR_BITS = 0x7FF8DEADBEEF0001
ERROR = struct.unpack("<d", struct.pack("<Q", ERROR_BITS))[0]


def float_mod(a: float, b: float) -> float:
    try:
        return a % b
    except ArithmeticError:
        return ERROR


def float_floordiv(a: float, b: float) -> float:
    try:
        return a // b
    except ArithmeticError:
        return ERROR


def float_pow(a: float, b: float) -> float:
    try:
        r = a ** b
    except (ArithmeticError, ValueError):
        return ERROR
    if type(r) is not float:     # a negative base to a fractional power gives a complex
        return ERROR
    return r


# name -> (params, results, function)
HELPERS = {
    "float_mod": (("f64", "f64"), ("f64",), float_mod),
    "float_floordiv": (("f64", "f64"), ("f64",), float_floordiv),
    "float_pow": (("f64", "f64"), ("f64",), float_pow),
}
