"""Operations compiled loops call into the host for.

Float ``**`` must give CPython's exact result, which is the C library's ``pow``
-- not correctly rounded, so no inline sequence can promise the same bits --
so compiled code calls this (through ``wasmtime_func_new_unchecked``, ~0.7 us a
call). (Float ``%`` and ``//`` are exact through an inline fmod, see
``tauraro.wasmgen.fmod``.) Helpers are pure functions of their arguments: no
interpreter state needs to be written back before calling them. An operation
that raises in Python returns ``ERROR`` (a NaN with a payload Python arithmetic
does not produce); compiled code checks for it and exits, so the interpreter
raises the exception at the right line.
"""
from __future__ import annotations

import struct

ERROR_BITS = 0x7FF8DEADBEEF0001
ERROR = struct.unpack("<d", struct.pack("<Q", ERROR_BITS))[0]


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
    "float_pow": (("f64", "f64"), ("f64",), float_pow),
}
