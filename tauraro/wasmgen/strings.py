"""Whole-string operations in wasm: comparison, prefix, suffix and substring tests.

A string is a record in linear memory, ``[len i64][dirty i64][one i64 word per code
point]`` (the JIT's business how it got there): comparing two is comparing their
lengths and words, as CPython compares strs by code points. These are functions of
the module (no host call), one each:

    str_cmp(a, b) -> i32         -1, 0 or 1: a < b, a == b, a > b (code point order;
                                 a proper prefix is the smaller)
    str_eq(a, b) -> i32          a == b (lengths first)
    str_cmp_char(a, c) -> i32    str_cmp of a and the one-character string of code
                                 point c (i64)
    str_starts(a, p) -> i32      a.startswith(p)
    str_ends(a, p) -> i32        a.endswith(p)
    str_find(a, p) -> i32        p in a (searched as CPython's default_find does; an
                                 empty p is in every string)
    str_find_char(a, c) -> i32   the one-character string of code point c (i64) in a
    str_starts_char(a, c) -> i32 a.startswith of that one-character string
    str_ends_char(a, c) -> i32   a.endswith of it

``add_string_functions(module, wanted)`` adds those named in ``wanted`` (and what they
use) and returns their indices.
"""
from __future__ import annotations

HEADER = 16

NAMES = ("str_cmp", "str_eq", "str_cmp_char", "str_starts", "str_ends", "str_find", "str_find_char",
         "str_starts_char", "str_ends_char")


def _word(rec, index) -> list:
    """Push the i64 word ``index`` (an i32 local) of the record in local ``rec``."""
    return [("local.get", rec), ("local.get", index), ("i32.const", 3), ("i32.shl",), ("i32.add",),
            ("i64.load", HEADER)]


def _find_body(match: int) -> list:
    """find(a, p) -> i32: p in a, searched as CPython's ``default_find`` searches (Horspool's
    skip on the window's last character, and a 64-bit bloom mask of p's characters: a
    window whose next character is not in p is passed whole; a window whose last character
    matches is compared by ``match``) -- the naive search, each start compared word by
    word, took length x length on a repetitive text (80 characters of "abab..." in 3,000:
    8 times CPython's time). Locals: a 0, p 1, i 2, w 3, m 4, mlast 5, skip 6, mask 7, j 8,
    last 9, c 10, k 11."""
    A, P, I, W, M, ML, SKIP, MASK, J, LAST, C, K = range(12)

    def bit(word):      # (1 << (word & 63): a shift's count is taken modulo 64)
        return [("i64.const", 1), *word, ("i64.shl",)]

    def past_window(then):
        # the character after the window, if there is one: ``then`` where it is not in p
        return [("local.get", I), ("local.get", W), ("i32.lt_u",), ("if", None),
                ("local.get", I), ("local.get", M), ("i32.add",), ("local.set", K),
                ("local.get", MASK), *bit(_word(A, K)), ("i64.and",), ("i64.eqz",), *then, ("end",)]
    advance_m = [("local.get", I), ("local.get", M), ("i32.add",), ("local.set", I)]
    return [
        ("local.get", P), ("i64.load", 0), ("i32.wrap_i64",), ("local.set", M),
        ("local.get", M), ("local.get", A), ("i64.load", 0), ("i32.wrap_i64",), ("i32.gt_u",),
        ("if", None), ("i32.const", 0), ("return",), ("end",),
        ("local.get", M), ("i32.eqz",), ("if", None), ("i32.const", 1), ("return",), ("end",),
        ("local.get", A), ("i64.load", 0), ("i32.wrap_i64",), ("local.get", M), ("i32.sub",), ("local.set", W),
        ("local.get", M), ("i32.const", 1), ("i32.sub",), ("local.tee", ML), ("local.set", SKIP),
        *_word(P, ML), ("local.set", LAST),
        # the mask of p's characters; skip: mlast less one less the last earlier place of
        # p's last character (mlast - 1 if it has none)
        ("block", None), ("loop", None),
        ("local.get", J), ("local.get", ML), ("i32.ge_u",), ("br_if", 1),
        *_word(P, J), ("local.set", C),
        ("local.get", MASK), *bit([("local.get", C)]), ("i64.or",), ("local.set", MASK),
        ("local.get", C), ("local.get", LAST), ("i64.eq",),
        ("if", None), ("local.get", ML), ("local.get", J), ("i32.sub",), ("i32.const", 1), ("i32.sub",),
        ("local.set", SKIP), ("end",),
        ("local.get", J), ("i32.const", 1), ("i32.add",), ("local.set", J),
        ("br", 0), ("end",), ("end",),
        ("local.get", MASK), *bit([("local.get", LAST)]), ("i64.or",), ("local.set", MASK),
        # each window from 0 to w
        ("block", None), ("loop", None),
        ("local.get", I), ("local.get", W), ("i32.gt_u",), ("br_if", 1),
        ("local.get", I), ("local.get", ML), ("i32.add",), ("local.set", K),
        *_word(A, K), ("local.get", LAST), ("i64.eq",),
        ("if", None),
        # its last character matches: the window compared
        ("local.get", A), ("local.get", P), ("local.get", I), ("call", match),
        ("if", None), ("i32.const", 1), ("return",), ("end",),
        *past_window([("if", None), *advance_m, ("else",),
                      ("local.get", I), ("local.get", SKIP), ("i32.add",), ("local.set", I), ("end",)]),
        ("else",),
        *past_window([("if", None), *advance_m, ("end",)]),
        ("end",),
        ("local.get", I), ("i32.const", 1), ("i32.add",), ("local.set", I),
        ("br", 0), ("end",), ("end",),
        ("i32.const", 0),
    ]


def _match_body() -> list:
    """match(a, p, off) -> i32: do the len(p) words of p equal a's from word ``off``
    (off + len(p) <= len(a) is the caller's)? Locals: a 0, p 1, off 2, j 3, n 4."""
    A, P, OFF, J, N = range(5)
    return [
        ("local.get", P), ("i64.load", 0), ("i32.wrap_i64",), ("local.set", N),
        ("local.get", A), ("local.get", OFF), ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.set", A),
        ("block", None), ("loop", None),
        ("local.get", J), ("local.get", N), ("i32.ge_u",), ("br_if", 1),
        *_word(A, J), *_word(P, J), ("i64.ne",), ("if", None), ("i32.const", 0), ("return",), ("end",),
        ("local.get", J), ("i32.const", 1), ("i32.add",), ("local.set", J),
        ("br", 0), ("end",), ("end",),
        ("i32.const", 1),
    ]


def _cmp_body() -> list:
    """Locals: a 0, b 1, j 2, n 3 (the shorter length), x 4, y 5."""
    A, B, J, N, X, Y = range(6)
    return [
        ("local.get", A), ("i64.load", 0), ("local.get", B), ("i64.load", 0),
        ("local.get", A), ("i64.load", 0), ("local.get", B), ("i64.load", 0), ("i64.lt_s",),
        ("select",), ("i32.wrap_i64",), ("local.set", N),
        ("block", None), ("loop", None),
        ("local.get", J), ("local.get", N), ("i32.ge_u",), ("br_if", 1),
        *_word(A, J), ("local.tee", X), *_word(B, J), ("local.tee", Y), ("i64.ne",),
        ("if", None),
        ("i32.const", -1), ("i32.const", 1), ("local.get", X), ("local.get", Y), ("i64.lt_s",), ("select",),
        ("return",), ("end",),
        ("local.get", J), ("i32.const", 1), ("i32.add",), ("local.set", J),
        ("br", 0), ("end",), ("end",),
        # equal up to the shorter: the lengths decide
        ("local.get", A), ("i64.load", 0), ("local.get", B), ("i64.load", 0), ("i64.gt_s",),
        ("local.get", A), ("i64.load", 0), ("local.get", B), ("i64.load", 0), ("i64.lt_s",),
        ("i32.sub",),
    ]


def add_string_functions(module, wanted) -> dict:
    """Add the string functions named in ``wanted`` to ``module``; {name: index}."""
    out = {}
    if not wanted:
        return out
    match = module.add_function(name="str_match", params=[("a", "i32"), ("p", "i32"), ("off", "i32")],
                                results=["i32"], locals=[("j", "i32"), ("n", "i32")], body=_match_body())
    la = [("local.get", 0), ("i64.load", 0)]
    lp = [("local.get", 1), ("i64.load", 0)]
    if "str_cmp" in wanted:
        out["str_cmp"] = module.add_function(
            name="str_cmp", params=[("a", "i32"), ("b", "i32")], results=["i32"],
            locals=[("j", "i32"), ("n", "i32"), ("x", "i64"), ("y", "i64")], body=_cmp_body())
    if "str_eq" in wanted:
        out["str_eq"] = module.add_function(
            name="str_eq", params=[("a", "i32"), ("b", "i32")], results=["i32"], body=[
                *la, *lp, ("i64.ne",), ("if", None), ("i32.const", 0), ("return",), ("end",),
                ("local.get", 0), ("local.get", 1), ("i32.const", 0), ("call", match)])
    if "str_cmp_char" in wanted:
        # against one character c: empty a is smaller; else a's first word against c, and
        # if equal, a longer a is greater
        out["str_cmp_char"] = module.add_function(
            name="str_cmp_char", params=[("a", "i32"), ("c", "i64")], results=["i32"], body=[
                *la, ("i64.eqz",), ("if", None), ("i32.const", -1), ("return",), ("end",),
                ("local.get", 0), ("i64.load", HEADER), ("local.get", 1), ("i64.ne",),
                ("if", None),
                ("i32.const", -1), ("i32.const", 1), ("local.get", 0), ("i64.load", HEADER), ("local.get", 1),
                ("i64.lt_s",), ("select",), ("return",), ("end",),
                *la, ("i64.const", 1), ("i64.gt_s",)])
    for name, at in (("str_starts", [("i32.const", 0)]),
                     ("str_ends", [*la, *lp, ("i64.sub",), ("i32.wrap_i64",)])):
        if name in wanted:
            # p no longer than a, and p matches a at 0 (at len(a) - len(p))
            out[name] = module.add_function(
                name=name, params=[("a", "i32"), ("p", "i32")], results=["i32"], body=[
                    *lp, *la, ("i64.gt_s",), ("if", None), ("i32.const", 0), ("return",), ("end",),
                    ("local.get", 0), ("local.get", 1), *at, ("call", match)])
    if "str_find" in wanted:
        out["str_find"] = module.add_function(
            name="str_find", params=[("a", "i32"), ("p", "i32")], results=["i32"],
            locals=[("i", "i32"), ("w", "i32"), ("m", "i32"), ("mlast", "i32"), ("skip", "i32"),
                    ("mask", "i64"), ("j", "i32"), ("last", "i64"), ("c", "i64"), ("k", "i32")],
            body=_find_body(match))
    if "str_find_char" in wanted:
        out["str_find_char"] = module.add_function(
            name="str_find_char", params=[("a", "i32"), ("c", "i64")], results=["i32"],
            locals=[("j", "i32"), ("n", "i32")], body=[
                *la, ("i32.wrap_i64",), ("local.set", 3),
                ("block", None), ("loop", None),
                ("local.get", 2), ("local.get", 3), ("i32.ge_u",), ("br_if", 1),
                *_word(0, 2), ("local.get", 1), ("i64.eq",), ("if", None), ("i32.const", 1), ("return",), ("end",),
                ("local.get", 2), ("i32.const", 1), ("i32.add",), ("local.set", 2),
                ("br", 0), ("end",), ("end",),
                ("i32.const", 0)])
    for name, last in (("str_starts_char", False), ("str_ends_char", True)):
        if name in wanted:
            # not empty, and the first (last) word is c
            at = [("local.get", 0), *la, ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
                  ("i64.load", HEADER - 8)] if last else [("local.get", 0), ("i64.load", HEADER)]
            out[name] = module.add_function(
                name=name, params=[("a", "i32"), ("c", "i64")], results=["i32"], body=[
                    *la, ("i64.eqz",), ("if", None), ("i32.const", 0), ("return",), ("end",),
                    *at, ("local.get", 1), ("i64.eq",)])
    return out
