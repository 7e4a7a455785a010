"""Small ints from a list's array of element pointers to a record's words, in wasm.

CPython keeps one object for each int from -5 to 256, laid out in one array, a fixed
stride apart: a pointer into that array says which int it is. The host copies a list's
pointer array into linear memory as it is (a memory copy: the host reading its own
memory), and this function turns the words into the ints they point to, at native speed,
in place. It reads and writes linear memory only, like any code of the module; where the
array lies is given as arguments, numbers to it.

    ints_in(at: i32, n: i32, base: i64, span: i64, shift: i64, low: i64) -> i32

turns each of the ``n`` words at ``at`` into ``((w - base) >> shift) + low``, and returns
1 if every word pointed into the array -- ``w - base`` below ``span`` (unsigned) and a
multiple of ``1 << shift`` -- else 0 (an element that is not one of those ints: the words
then hold nothing of use).

``add_small_int_functions(module)`` adds it, exported under that name (the host calls it
between runs of the module's code), and returns {name: index}.
"""
from __future__ import annotations

# parameters, then locals
AT, N, BASE, SPAN, SHIFT, LOW, END, D, OK = range(9)


def _ints_in_body() -> list:
    # (no branch but the loop's: each word's test kept in ``ok``, the answer read at the end)
    return [
        ("local.get", AT), ("local.get", N), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.set", END),
        ("i32.const", 1), ("local.set", OK),
        ("block", None), ("loop", None),
        ("local.get", AT), ("local.get", END), ("i32.ge_u",), ("br_if", 1),
        ("local.get", AT), ("i64.load", 0), ("local.get", BASE), ("i64.sub",), ("local.set", D),
        # ok &= d <u span and (d >> shift) << shift == d
        ("local.get", OK),
        ("local.get", D), ("local.get", SPAN), ("i64.lt_u",), ("i32.and",),
        ("local.get", D), ("local.get", SHIFT), ("i64.shr_u",), ("local.get", SHIFT), ("i64.shl",),
        ("local.get", D), ("i64.eq",), ("i32.and",),
        ("local.set", OK),
        ("local.get", AT),
        ("local.get", D), ("local.get", SHIFT), ("i64.shr_s",), ("local.get", LOW), ("i64.add",),
        ("i64.store", 0),
        ("local.get", AT), ("i32.const", 8), ("i32.add",), ("local.set", AT),
        ("br", 0), ("end",), ("end",),
        ("local.get", OK),
    ]


def add_small_int_functions(module) -> dict:
    """Add ``ints_in`` to ``module``, exported; {name: index}."""
    return {
        "ints_in": module.add_function(
            name="ints_in", params=[("at", "i32"), ("n", "i32"), ("base", "i64"), ("span", "i64"),
                                    ("shift", "i64"), ("low", "i64")], results=["i32"],
            locals=[("end", "i32"), ("d", "i64"), ("ok", "i32")], body=_ints_in_body(), export="ints_in"),
    }
