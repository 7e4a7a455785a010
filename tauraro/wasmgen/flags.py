"""Bools between a list's array of element pointers and a record's words, in wasm.

A record holds a bool as an 8-byte word, 0 or 1. CPython's list holds it as a pointer to
one of two objects, True or False. The host copies a list's pointer array into linear
memory as it is (a memory copy: the host reading its own memory), and these functions turn
the words between the two forms at native speed, in place or into another place of the
same memory. They read and write linear memory only, like any code of the module; the two
pointer values are arguments, numbers to them.

    flags_in(at: i32, n: i32, t: i64, f: i64) -> i64

turns the ``n`` words at ``at`` from pointers into bools: ``t`` into 1, ``f`` into 0. It
returns the number of ``t``, or -1 if a word is neither (an element that is not a bool: the
words then hold nothing of use).

    flags_out(at: i32, n: i32, t: i64, f: i64, to: i32) -> i64

writes at ``to`` a word for each of the ``n`` words at ``at``: ``t`` where it is not 0, else
``f``; it returns the number of ``t``. Every word it writes is one of its two arguments,
whatever the words it reads hold, so the host writing them into a list writes only the
pointers it gave.

``add_flag_functions(module)`` adds both, exported under those names (the host calls them
between runs of the module's code), and returns their indices.
"""
from __future__ import annotations

# parameters, then locals
AT, N, T, F, TO = range(5)


def _flags_in_body() -> list:
    # (no branch but the loop's: each word's test kept in ``ok``, the answer chosen at the end)
    end, w, count, is_t, ok = 4, 5, 6, 7, 8         # (locals after the four parameters)
    return [
        ("local.get", AT), ("local.get", N), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.set", end),
        ("i32.const", 1), ("local.set", ok),
        ("block", None), ("loop", None),
        ("local.get", AT), ("local.get", end), ("i32.ge_u",), ("br_if", 1),
        ("local.get", AT), ("i64.load", 0), ("local.tee", w), ("local.get", T), ("i64.eq",), ("local.set", is_t),
        ("local.get", ok), ("local.get", is_t), ("local.get", w), ("local.get", F), ("i64.eq",), ("i32.or",),
        ("i32.and",), ("local.set", ok),
        ("local.get", AT), ("local.get", is_t), ("i64.extend_i32_u",), ("i64.store", 0),
        ("local.get", count), ("local.get", is_t), ("i64.extend_i32_u",), ("i64.add",), ("local.set", count),
        ("local.get", AT), ("i32.const", 8), ("i32.add",), ("local.set", AT),
        ("br", 0), ("end",), ("end",),
        ("local.get", count), ("i64.const", -1), ("local.get", ok), ("select",),
    ]


def _flags_out_body() -> list:
    end, w, count = 5, 6, 7         # (locals after the five parameters)
    return [
        ("local.get", AT), ("local.get", N), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.set", end),
        ("block", None), ("loop", None),
        ("local.get", AT), ("local.get", end), ("i32.ge_u",), ("br_if", 1),
        ("local.get", TO),
        ("local.get", T), ("local.get", F),
        ("local.get", AT), ("i64.load", 0), ("i64.const", 0), ("i64.ne",), ("local.tee", w),
        ("select",),
        ("i64.store", 0),
        ("local.get", count), ("local.get", w), ("i64.extend_i32_u",), ("i64.add",), ("local.set", count),
        ("local.get", AT), ("i32.const", 8), ("i32.add",), ("local.set", AT),
        ("local.get", TO), ("i32.const", 8), ("i32.add",), ("local.set", TO),
        ("br", 0), ("end",), ("end",),
        ("local.get", count),
    ]


def add_flag_functions(module) -> dict:
    """Add ``flags_in`` and ``flags_out`` to ``module``, exported; {name: index}."""
    return {
        "flags_in": module.add_function(
            name="flags_in", params=[("at", "i32"), ("n", "i32"), ("t", "i64"), ("f", "i64")], results=["i64"],
            locals=[("end", "i32"), ("w", "i64"), ("count", "i64"), ("is_t", "i32"), ("ok", "i32")],
            body=_flags_in_body(), export="flags_in"),
        "flags_out": module.add_function(
            name="flags_out", params=[("at", "i32"), ("n", "i32"), ("t", "i64"), ("f", "i64"), ("to", "i32")],
            results=["i64"], locals=[("end", "i32"), ("w", "i32"), ("count", "i64")], body=_flags_out_body(),
            export="flags_out"),
    }
