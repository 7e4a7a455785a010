"""Hypothesis strategies that generate small loop programs over ints and floats.

``programs(mode)`` draws a whole program (its source text plus a little metadata).

Two modes:

``"tame"``
    Only operations the JIT compiles natively, and every value provably stays
    small: each expression carries an upper bound on its magnitude (in bits) and
    the generator keeps int intermediates below 2**62 and float intermediates far
    below 2**1023 (wrapping an operand in ``% 1009`` / ``% 1000.0`` when a product
    would get too large), divisors can never be zero (``(e | 1)``,
    ``(abs(e) + 1.0)``), list indices are always in range, and an int that meets a
    float (mixed arithmetic, comparison, ``/``) stays below 2**53, where the JIT
    would rightly leave native code to stay exact.  So the program runs to
    completion, no value ever leaves 64-bit ints or becomes inf/nan, and every loop
    that iterates should run natively.

``"wild"``
    Anything goes, within the same shape: ints near 2**62 and 2**63 so that int
    arithmetic overflows 64 bits, inf/nan/-0.0/denormals, raw divisors that may be
    zero, negative shift counts, ``float ** float`` that may overflow or go complex,
    out-of-range indices, variables changing type, and statements the JIT does not
    compile (``print``, calls of a user function, ``list.append``).  Only growth
    that could make a program slow is prevented: int values that get multiplied
    are reduced ``% M`` (M up to 2**70) and accumulators only grow additively.

Both modes: int and float variables (plain ones, assigned a clamped value, and
accumulators), lists and tuples of ints or floats (loads, stores, negative
indices, ``len``), sometimes a str (``len``); ``for`` over ``range`` (constant
bounds, bounds computed from variables or from the enclosing loop's variable,
negative steps, empty ranges), over a list or a tuple, and ``while`` loops
(``while w < n``, ``while w < n and cond``, ``while True`` with ``break``), with
``else`` clauses, nested two deep; bodies with plain, augmented and tuple
assignments (swaps, ``a, b = b, f(a, b)``), rebinding of the loop variable,
``if``/``elif``/``else`` with chained comparisons and ``and``/``or``/``not``, and
``break``/``continue`` under a condition.  About half the programs put the loops
in a function (some of the variables are then module globals declared ``global``).

Programs print every variable with ``repr`` at the end; about half of them wrap
the loops in ``try``/``except Exception`` and print the exception and then the
state at the point it was raised, the other half let the exception escape.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from hypothesis import strategies as st

INT_LIMIT = 62          # tame: |int intermediate| < 2**62
FLOAT_LIMIT = 900       # tame: |float intermediate| < 2**900
CLAMP_BITS = 22         # |v| < 2**22 after a clamp (`% 1000003`, min/max with 1e6, xor of clamped values)
ACC_BITS = 40           # tame accumulators: initial (< 2**21) + at most 1000 increments of < 2**28
ACC_STEP_BITS = 28
INDEX_BITS = 12         # loop variables of ranges
MAX_TOTAL_TRIPS = 1000  # total loop iterations of a program (bounds the accumulators)

INT_CLAMPS_TAME = ["1000003", "65537", "1009", "-1000003", "997"]
INT_CLAMPS_WILD = ["1000003", "(2 ** 61 - 1)", "(2 ** 64 + 13)", "(2 ** 70)", "(-(2 ** 63))", "7"]
BIG_INTS = ["2 ** 62 - 1", "-(2 ** 62)", "2 ** 63 - 1", "-(2 ** 63)", "4611686018427387903",
            "9223372036854775807", "-9223372036854775808", "2 ** 62 + 12345", "3037000500",
            "-3037000499", "2 ** 64", "2 ** 32 + 1"]
# 64-bit ints beyond float precision (2**53): exactness of int/float mixing and comparisons
BIG64_INTS = ["9007199254740993", "(-9007199254740993)", "4611686018427387903", "1152921504606846983",
              "36028797018963971", "(-4611686018427387904)"]
TAME_FLOATS = ["0.0", "-0.0", "0.5", "1.5", "-2.25", "0.1", "3.0", "-7.75", "1e-300", "5e-324",
               "2.2250738585072014e-308", "1e10", "-1e-05", "123456.789"]
WILD_FLOAT_CONSTS = TAME_FLOATS + ["1e300", "-1e308", "1.7976931348623157e+308", "1e-320"]
WILD_FLOATS = WILD_FLOAT_CONSTS + ["float('inf')", "float('-inf')", "float('nan')", "-0.0"]
CMP_OPS = ["<", "<=", ">", ">=", "==", "!="]


def fbits(value: float) -> int:
    """Bits needed to bound |value| (at least 1)."""
    value = abs(value)
    if value < 2:
        return 1
    return math.frexp(value)[1] + 1


def ibits(value: int) -> int:
    return max(1, abs(value).bit_length())


def float_literal_bits(text: str) -> int:
    return fbits(float(text))


@dataclass
class E:
    """A generated expression: source text, type ('int', 'bool', 'float') and |value| < 2**bits."""
    text: str
    type: str
    bits: int


@dataclass
class Var:
    name: str
    type: str          # 'int' or 'float'
    bits: int
    accum: bool        # tame accumulators grow by bounded increments; others are clamped
    counter: bool = False   # while-loop counters: only the loop header changes them


@dataclass
class Lst:
    name: str
    type: str          # element type
    length: int
    bits: int
    fixed_length: bool = True   # no appends: its length is the literal `length`
    mutable: bool = True        # False for tuples


@dataclass
class LoopVar:
    name: str
    type: str
    bits: int


@dataclass
class Program:
    source: str
    mode: str
    supported: bool                   # the loops use only operations the JIT compiles
    loop_lines: list = field(default_factory=list)

    def __str__(self):
        return self.source


class Gen:
    def __init__(self, draw, mode):
        self.draw = draw
        self.mode = mode
        self.tame = mode == "tame"
        self.ints: list[Var] = []
        self.floats: list[Var] = []
        self.lists: list[Lst] = []            # lists and tuples
        self.strings: list[str] = []          # names of str variables (for len())
        self.loopvars: list[LoopVar] = []     # loop variables of the enclosing loops
        self.iterating: set[str] = set()      # lists being iterated over by an enclosing for
        self.supported = True
        self.uses_helper = False
        self.loop_count = 0
        self.lines: list[str] = []
        self.loop_lines: list[int] = []
        self.depth = 0

    # -- drawing helpers -------------------------------------------------------
    def choice(self, options):
        return self.draw(st.sampled_from(options))

    def chance(self, p):
        """True with probability about p (shrinks towards False).

        (``st.integers`` favours small values, ``st.sampled_from`` is about uniform.)"""
        return self.draw(st.sampled_from(range(40))) >= 40 - round(p * 40)

    def int_in(self, lo, hi):
        return self.draw(st.integers(lo, hi))

    # -- expressions -----------------------------------------------------------
    def reduce_int(self, e: E) -> E:
        if self.tame and e.bits > 20:
            return E("(%s %% 1009)" % e.text, "int", 11)
        return e

    def reduce_float(self, e: E) -> E:
        if self.tame and e.bits > 20:
            return E("(%s %% 1000.0)" % e.text, "float", 11)
        return e

    def floatable(self, e: E) -> E:
        """Tame: an int that meets a float stays below 2**53 (beyond it, the JIT leaves
        native code to compare or divide exactly, which is right but not what tame
        programs are for)."""
        if self.tame and e.type != "float" and e.bits > 53:
            return self.reduce_int(e)
        return e

    def floatables(self, *es):
        if any(e.type == "float" for e in es):
            return [self.floatable(e) for e in es]
        return list(es)

    def int_leaf(self) -> E:
        kinds = ["const"] * 3
        if any(not v.counter for v in self.ints):
            kinds += ["var"] * 4
        if any(v.type == "int" for v in self.loopvars) or any(v.counter for v in self.ints):
            kinds += ["loopvar"] * 3
        if self.lists or self.strings:
            kinds += ["len"]
            if any(l.type == "int" for l in self.lists):
                kinds += ["index"] * 2
        kinds += ["cmp", "big64"]
        if not self.tame:
            kinds += ["big", "bool"]
        kind = self.choice(kinds)
        if kind == "const":
            if self.chance(0.8):
                c = self.int_in(-9, 12)
            else:
                c = self.int_in(-1000003, 1000003)
            return E("(%d)" % c if c < 0 else str(c), "int", ibits(c))
        if kind == "var":
            v = self.choice([v for v in self.ints if not v.counter])
            return E(v.name, "int", v.bits)
        if kind == "loopvar":
            v = self.choice([v for v in self.loopvars if v.type == "int"] + [v for v in self.ints if v.counter])
            return E(v.name, "int", v.bits)
        if kind == "len":
            name = self.choice([l.name for l in self.lists] + self.strings)
            return E("len(%s)" % name, "int", 12)
        if kind == "index":
            l = self.choice([l for l in self.lists if l.type == "int"])
            return E(self.subscript(l), "int", l.bits)
        if kind == "cmp":
            a, b = self.simple_leaf(), self.simple_leaf()
            return E("(%s %s %s)" % (a.text, self.choice(CMP_OPS), b.text), "bool", 1)
        if kind == "big64":
            text = self.choice(BIG64_INTS)
            return E(text, "int", ibits(eval(text)))
        if kind == "big":
            return E("(%s)" % self.choice(BIG_INTS), "int", 66)
        return E(self.choice(["True", "False"]), "bool", 1)

    def simple_leaf(self) -> E:
        """A variable or a small constant (no recursion)."""
        names = [v.name for v in self.ints + self.floats if v.type in ("int", "float")]
        names += [v.name for v in self.loopvars]
        if names and self.chance(0.7):
            return E(self.choice(names), "int", 1)
        c = self.int_in(-3, 5)
        return E("(%d)" % c if c < 0 else str(c), "int", 3)

    def float_leaf(self) -> E:
        kinds = ["const"] * 2 + ["var"] * 4
        if any(v.type == "float" for v in self.loopvars):
            kinds += ["loopvar"] * 3
        if any(l.type == "float" for l in self.lists):
            kinds += ["index"] * 2
        kinds += ["conv"]
        kind = self.choice(kinds)
        if kind == "const" or (kind == "var" and not self.floats):
            text = self.choice(TAME_FLOATS if self.tame else WILD_FLOAT_CONSTS)
            return E("(%s)" % text if text.startswith("-") else text, "float", float_literal_bits(text))
        if kind == "var":
            v = self.choice(self.floats)
            return E(v.name, "float", v.bits)
        if kind == "loopvar":
            v = self.choice([v for v in self.loopvars if v.type == "float"])
            return E(v.name, "float", v.bits)
        if kind == "index":
            l = self.choice([l for l in self.lists if l.type == "float"])
            return E(self.subscript(l), "float", l.bits)
        e = self.floatable(self.int_expr(0))
        return E("float(%s)" % e.text, "float", e.bits)

    def subscript(self, l: Lst) -> str:
        n = str(l.length) if l.fixed_length and self.chance(0.5) else "len(%s)" % l.name
        form = self.choice(["mod", "const", "neg", "wild"] if not self.tame else ["mod", "const", "neg"])
        if form == "const":
            k = self.int_in(-l.length, l.length - 1)
            return "%s[%s]" % (l.name, "(%d)" % k if k < 0 else k)
        e = self.int_expr(1, allow_bool=False)
        if form == "mod":
            return "%s[%s %% %s]" % (l.name, e.text, n)
        if form == "neg":
            return "%s[-(%s %% %s) - 1]" % (l.name, e.text, n)
        # wild: sometimes out of range on either side
        return "%s[%s %% (%s + 3) - 2]" % (l.name, e.text, n)

    def any_expr(self, depth) -> E:
        return self.int_expr(depth) if self.chance(0.55) else self.float_expr(depth)

    def int_expr(self, depth, allow_bool=True, additive=False) -> E:
        e = self._int_expr(depth, additive)
        if not allow_bool and e.type == "bool":
            e = E("(%s + 0)" % e.text, "int", 2)
        return e

    def _int_expr(self, depth, additive=False) -> E:
        if depth <= 0 or self.chance(0.3):
            return self.int_leaf()
        ops = ["+", "-", "&", "|", "^", ">>", "//", "%", "neg", "abs", "minmax"]
        if not self.tame:
            ops += ["andor", "ifexp"]
        if not additive:
            ops += ["*", "*", "<<", "pow2", "sq", "invert", "pos", "int"]
        op = self.choice(ops)
        a = self._int_expr(depth - 1, additive)
        if op in ("+", "-"):
            b = self._int_expr(depth - 1, additive)
            return E("(%s %s %s)" % (a.text, op, b.text), "int", max(a.bits, b.bits) + 1)
        if op in ("&", "|", "^"):
            b = self._int_expr(depth - 1, additive)
            t = "bool" if a.type == b.type == "bool" else "int"
            return E("(%s %s %s)" % (a.text, op, b.text), t, max(a.bits, b.bits) + 1)
        if op == "*":
            b = self._int_expr(depth - 1)
            if self.tame and a.bits + b.bits > INT_LIMIT:
                a, b = self.reduce_int(a), self.reduce_int(b)
            return E("(%s * %s)" % (a.text, b.text), "int", a.bits + b.bits)
        if op in ("//", "%"):
            b = self._int_expr(depth - 1, additive)
            if self.tame or self.chance(0.5):
                d = "(%s | 1)" % b.text
            else:
                d = b.text
            bits = a.bits + 1 if op == "//" else b.bits + 1
            return E("(%s %s %s)" % (a.text, op, d), "int", bits)
        if op == ">>":
            b = self._int_expr(depth - 1, additive)
            if self.tame or self.chance(0.7):
                return E("(%s >> (%s %% 64))" % (a.text, b.text), "int", a.bits)
            return E("(%s >> (%s %% 70 - 2))" % (a.text, b.text), "int", a.bits)
        if op == "<<":
            b = self._int_expr(depth - 1)
            k = 8 if self.tame or self.chance(0.6) else 70
            if self.tame and a.bits + 7 > INT_LIMIT:
                a = self.reduce_int(a)
            return E("(%s << (%s %% %d))" % (a.text, b.text, k), "int", a.bits + k - 1)
        if op == "andor":
            b = self._int_expr(depth - 1, additive)
            return E("(%s %s %s)" % (a.text, self.choice(["and", "or"]), b.text), "int", max(a.bits, b.bits))
        if op == "ifexp":
            b = self._int_expr(depth - 1, additive)
            return E("(%s if %s else %s)" % (a.text, self.cond(0), b.text), "int", max(a.bits, b.bits))
        if op == "pow2":
            return E("(2 ** (%s %% 8))" % a.text, "int", 8)
        if op == "sq":
            k = self.choice([2, 3, 0, 1]) if self.tame or self.chance(0.7) else None
            if k is None:
                b = self._int_expr(depth - 1)
                return E("(%s ** (%s %% 4))" % (a.text, b.text), "int", a.bits * 3)
            if self.tame and a.bits * max(k, 1) > INT_LIMIT:
                a = self.reduce_int(a)
            return E("(%s ** %d)" % (a.text, k), "int", a.bits * max(k, 1))
        if op == "neg":
            return E("(-%s)" % a.text, "int", a.bits + 1)
        if op == "pos":
            return E("(+%s)" % a.text, "int" if a.type != "float" else "float", a.bits)
        if op == "invert":
            if a.type == "bool":
                a = E("(%s + 0)" % a.text, "int", 2)
            return E("(~%s)" % a.text, "int", a.bits + 1)
        if op == "abs":
            return E("abs(%s)" % a.text, "int", a.bits)
        if op == "minmax":
            b = self._int_expr(depth - 1, additive)
            if self.tame:
                # min/max of a bool and an int returns either type: keep it an int
                if a.type == "bool":
                    a = E("(%s + 0)" % a.text, "int", 2)
                if b.type == "bool":
                    b = E("(%s + 0)" % b.text, "int", 2)
            t = "bool" if a.type == b.type == "bool" else "int"
            return E("%s(%s, %s)" % (self.choice(["min", "max"]), a.text, b.text), t, max(a.bits, b.bits))
        # int(float)
        f = self.float_expr(depth - 1)
        if self.tame and f.bits > INT_LIMIT:
            f = self.reduce_float(f)
        return E("int(%s)" % f.text, "int", f.bits)

    def float_expr(self, depth) -> E:
        if depth <= 0 or self.chance(0.3):
            return self.float_leaf()
        op = self.choice(["+", "-", "*", "/", "//", "%", "neg", "abs", "minmax", "pow", "intdiv", "pos"])
        a = self.float_expr(depth - 1)
        if op in ("+", "-", "*"):
            b = self.float_expr(depth - 1) if self.chance(0.7) else self.floatable(self.int_expr(depth - 1))
            if self.chance(0.5):
                a, b = b, a
            if op == "*":
                if self.tame and a.bits + b.bits > FLOAT_LIMIT:
                    a = self.reduce_float(a) if a.type == "float" else self.reduce_int(a)
                    b = self.reduce_float(b) if b.type == "float" else self.reduce_int(b)
                return E("(%s * %s)" % (a.text, b.text), "float", a.bits + b.bits)
            return E("(%s %s %s)" % (a.text, op, b.text), "float", max(a.bits, b.bits) + 1)
        if op in ("/", "//", "%"):
            b = self.float_expr(depth - 1) if self.chance(0.7) else self.floatable(self.int_expr(depth - 1))
            if self.tame or self.chance(0.5):
                d = "(abs(%s) + 1.0)" % b.text
                dbits = b.bits + 1
            else:
                d = b.text
                dbits = b.bits
            bits = a.bits + 1 if op != "%" else dbits + 1
            return E("(%s %s %s)" % (a.text, op, d), "float", bits)
        if op == "intdiv":
            x, y = self.floatable(self.int_expr(depth - 1)), self.floatable(self.int_expr(depth - 1))
            d = "(%s | 1)" % y.text if self.tame or self.chance(0.5) else y.text
            return E("(%s / %s)" % (x.text, d), "float", x.bits + 1)
        if op == "neg":
            return E("(-%s)" % a.text, "float", a.bits)
        if op == "pos":
            return E("(+%s)" % a.text, "float", a.bits)
        if op == "abs":
            return E("abs(%s)" % a.text, "float", a.bits)
        if op == "minmax":
            # both floats: min/max of a float and an int may return the int
            b = self.float_expr(depth - 1)
            return E("%s(%s, %s)" % (self.choice(["min", "max"]), a.text, b.text), "float", max(a.bits, b.bits))
        # pow
        if self.tame:
            form = self.choice(["sqrt", "sq", "cube"])
            if form == "sqrt":
                return E("(abs(%s) ** 0.5)" % a.text, "float", a.bits // 2 + 1)
            k = 2 if form == "sq" else 3
            if a.bits * k > FLOAT_LIMIT:
                a = self.reduce_float(a)
            return E("(%s ** %s)" % (a.text, self.choice([str(k), "%d.0" % k])), "float", a.bits * k)
        exponent = self.choice(["0.5", "2", "2.0", "3", "(-1)", "(-0.5)", "1.5", "100.0", "(-2)"])
        if self.chance(0.2):
            exponent = "(%s %% 3.0)" % self.float_expr(0).text
        return E("(%s ** %s)" % (a.text, exponent), "float", 1024)

    # -- conditions ------------------------------------------------------------
    def cond(self, depth=1) -> str:
        kind = self.choice(["cmp", "cmp", "mod", "chain", "and", "or", "not", "truth"]
                           if depth > 0 else ["cmp", "mod", "truth"])
        if kind == "cmp":
            a, b = self.floatables(self.any_expr(1), self.any_expr(1))
            return "%s %s %s" % (a.text, self.choice(CMP_OPS), b.text)
        if kind == "mod":
            # a test that is true some of the time, whatever the values
            e = self.int_expr(1, allow_bool=False)
            m = self.int_in(2, 7)
            return "%s %% %d %s %d" % (e.text, m, self.choice(["==", "!=", "<", ">="]), self.int_in(0, m - 1))
        if kind == "chain":
            a, b, c = self.floatables(self.any_expr(1), self.any_expr(0), self.any_expr(1))
            return "%s %s %s %s %s" % (a.text, self.choice(CMP_OPS), b.text, self.choice(CMP_OPS), c.text)
        if kind in ("and", "or"):
            return "(%s) %s (%s)" % (self.cond(depth - 1), kind, self.cond(depth - 1))
        if kind == "not":
            return "not (%s)" % self.cond(depth - 1)
        return self.any_expr(1).text

    # -- statements ------------------------------------------------------------
    def emit(self, text):
        self.lines.append("    " * self.depth + text)

    def int_target(self):
        candidates = [v for v in self.ints if not v.counter]
        return self.choice(candidates) if candidates else None

    def clamp_int(self, e: E) -> str:
        if e.type == "int" and self.chance(0.25):
            return "min(max(%s, -1000000), 1000000)" % e.text
        return "%s %% %s" % (e.text, self.choice(INT_CLAMPS_TAME if self.tame else INT_CLAMPS_WILD))

    def clamp_float(self, e: E) -> str:
        if self.chance(0.4):
            return "min(max(%s, -1000000.0), 1000000.0)" % e.text
        return "%s %% %s" % (e.text, self.choice(["1000.0", "1000003.0", "(-7.5)", "0.75"]))

    def assign_int(self):
        v = self.int_target()
        if v is None:
            return
        if not self.tame and self.chance(0.06):
            # the variable changes type
            if self.chance(0.5):
                self.emit("%s = %s" % (v.name, self.float_expr(2).text))
            else:
                self.emit("%s = %s" % (v.name, self.cond(0)))
            return
        if v.accum:
            form = self.choice(["+=", "-=", "plain", "^=", "|=", "&=", "//=", "%=", ">>=", "*="]
                               if not self.tame else ["+=", "-=", "plain", "^=", "|=", "&=", "//=", "%=", ">>="])
            if form in ("+=", "-=", "plain", "^=", "|=", "&="):
                e = self.int_expr(2, additive=not self.tame)
                if self.tame and e.bits > ACC_STEP_BITS:
                    e = self.reduce_int(e)
                if form == "plain":
                    self.emit("%s = %s %s %s" % (v.name, v.name, self.choice(["+", "-"]), e.text))
                else:
                    self.emit("%s %s %s" % (v.name, form, e.text))
            elif form in ("//=", "%="):
                e = self.int_expr(1, additive=not self.tame)
                if self.tame or self.chance(0.6):
                    self.emit("%s %s (%s | 1)" % (v.name, form, e.text))
                else:
                    self.emit("%s %s %s" % (v.name, form, e.text))
            elif form == ">>=":
                self.emit("%s >>= %s %% 16" % (v.name, self.int_expr(1, additive=not self.tame).text))
            else:
                self.emit("%s *= %d" % (v.name, self.int_in(-3, 3)))
            return
        form = self.choice(["clamp", "clamp", "aug"])
        if form == "aug":
            op = self.choice(["%=", "//=", "&=", "^=", ">>="])
            if op == "%=":
                self.emit("%s %%= %s" % (v.name, self.choice(INT_CLAMPS_TAME if self.tame else INT_CLAMPS_WILD)))
            elif op == "//=":
                self.emit("%s //= %d" % (v.name, self.choice([2, 3, -2, 7, -1])))
            elif op == ">>=":
                self.emit("%s >>= %d" % (v.name, self.int_in(0, 5)))
            else:
                e = self.int_expr(1)
                if self.tame and e.bits > 20:
                    e = self.reduce_int(e)
                self.emit("%s %s %s" % (v.name, op, e.text))
            return
        self.emit("%s = %s" % (v.name, self.clamp_int(self.int_expr(2))))

    def assign_float(self):
        if not self.floats:
            return
        v = self.choice(self.floats)
        if v.accum:
            form = self.choice(["+=", "-=", "plain", "/=", "%=", "//=", "*="]
                               if not self.tame else ["+=", "-=", "plain", "/=", "%=", "//="])
            e = self.floatable(self.any_expr(2))
            if form in ("+=", "-=", "plain"):
                if self.tame and e.bits > ACC_STEP_BITS:
                    e = self.reduce_float(e) if e.type == "float" else self.reduce_int(e)
                if form == "plain":
                    self.emit("%s = %s %s %s" % (v.name, v.name, self.choice(["+", "-"]), e.text))
                else:
                    self.emit("%s %s %s" % (v.name, form, e.text))
            elif form == "*=":
                # a float factor: float variables never become (growing) ints
                self.emit("%s *= %s" % (v.name, self.float_expr(1).text))
            elif self.tame or self.chance(0.5):
                self.emit("%s %s (abs(%s) + 1.0)" % (v.name, form, e.text))
            else:
                self.emit("%s %s %s" % (v.name, form, e.text))
            return
        if self.tame:
            self.emit("%s = %s" % (v.name, self.clamp_float(self.float_expr(2))))
        else:
            self.emit("%s = %s" % (v.name, self.float_expr(2).text))

    def multi_assign(self):
        """Tuple assignment: a swap, or `a, b = b, <new value>` (Fibonacci style)."""
        groups = {}
        for v in self.ints + self.floats:
            if not v.counter:
                groups.setdefault((v.type, v.accum), []).append(v)
        groups = [g for g in groups.values() if len(g) >= 2]
        if not groups:
            return self.assign_int()
        group = self.choice(groups)
        a = self.choice(group)
        b = self.choice([v for v in group if v is not a])
        if a.accum or self.chance(0.3):
            self.emit("%s, %s = %s, %s" % (a.name, b.name, b.name, a.name))
        elif a.type == "int":
            self.emit("%s, %s = %s, %s" % (a.name, b.name, b.name, self.clamp_int(self.int_expr(2))))
        elif self.tame:
            self.emit("%s, %s = %s, %s" % (a.name, b.name, b.name, self.clamp_float(self.float_expr(2))))
        else:
            self.emit("%s, %s = %s, %s" % (a.name, b.name, b.name, self.float_expr(2).text))

    def store_list(self):
        if not [l for l in self.lists if l.mutable]:
            return
        l = self.choice([l for l in self.lists if l.mutable])
        target = self.subscript(l)
        if l.type == "int":
            if not self.tame and self.chance(0.06):
                self.emit("%s = %s" % (target, self.float_expr(1).text))
            elif self.chance(0.2):
                e = self.int_expr(1)
                if self.tame and e.bits > 20:
                    e = self.reduce_int(e)
                op = self.choice(["^=", "&=", "%="])
                if op == "%=":
                    self.emit("%s %%= %s" % (target, self.choice(INT_CLAMPS_TAME if self.tame else INT_CLAMPS_WILD)))
                else:
                    self.emit("%s %s %s" % (target, op, e.text))
            else:
                self.emit("%s = %s" % (target, self.clamp_int(self.int_expr(2))))
        else:
            if self.chance(0.2):
                e = self.float_expr(1)
                self.emit("%s %s (abs(%s) + 2.0)" % (target, self.choice(["/=", "%="]), e.text))
            elif self.tame:
                self.emit("%s = %s" % (target, self.clamp_float(self.float_expr(2))))
            else:
                self.emit("%s = %s" % (target, self.float_expr(2).text))

    def unsupported(self):
        self.supported = False
        kind = self.choice(["print", "call", "append"])
        appendable = [l for l in self.lists if l.mutable and l.name not in self.iterating]
        if kind == "print" or (kind == "append" and not appendable):
            self.emit("if %s:" % self.cond(0))
            self.depth += 1
            self.emit("print('trace', %s, %s)" % (self.any_expr(1).text, self.any_expr(0).text))
            self.depth -= 1
        elif kind == "call":
            v = self.int_target()
            if v is None:
                return
            self.uses_helper = True
            self.emit("%s = helper(%s) %% 1000003" % (v.name, self.int_expr(1).text))
        else:
            l = self.choice(appendable)
            l.fixed_length = False
            self.emit("if %s:" % self.cond(0))
            self.depth += 1
            e = self.int_expr(1).text if l.type == "int" else self.float_expr(1).text
            self.emit("%s.append(%s)" % (l.name, e))
            self.depth -= 1

    def statement(self, budget, loop_depth, allow_loop, if_depth=0):
        kinds = ["int", "int", "float", "float", "list"]
        if if_depth < 2:
            kinds += ["if"] if if_depth else ["if", "if"]
        if loop_depth:
            kinds += ["break"]
        if allow_loop:
            kinds += ["loop"]
        if self.loopvars:
            kinds += ["loopvar"]
        kinds += ["multi"]
        if not self.tame:
            kinds += ["unsupported"]
        kind = self.choice(kinds)
        if kind == "int":
            self.assign_int()
        elif kind == "float":
            self.assign_float()
        elif kind == "list":
            self.store_list()
        elif kind == "multi":
            self.multi_assign()
        elif kind == "loopvar":
            # rebinding the loop variable does not change the iteration
            v = self.choice(self.loopvars)
            if v.type == "int":
                self.emit("%s = %s" % (v.name, self.clamp_int(self.int_expr(1))))
            elif self.tame:
                self.emit("%s = %s" % (v.name, self.clamp_float(self.float_expr(1))))
            else:
                self.emit("%s = %s" % (v.name, self.float_expr(1).text))
        elif kind == "unsupported":
            if self.chance(0.5):
                self.unsupported()
            else:
                self.assign_int()
        elif kind == "break":
            if self.chance(0.5):
                self.emit("if %s:" % self.cond())
                self.depth += 1
                self.emit(self.choice(["continue", "break"]) if self.chance(0.6) else "continue")
                self.depth -= 1
            else:
                self.assign_float()
        elif kind == "if":
            self.emit("if %s:" % self.cond())
            self.block(budget, loop_depth, if_depth + 1)
            if self.chance(0.3):
                self.emit("elif %s:" % self.cond())
                self.block(budget, loop_depth, if_depth + 1)
            if self.chance(0.5):
                self.emit("else:")
                self.block(budget, loop_depth, if_depth + 1)
        else:
            self.loop(budget, loop_depth)

    def block(self, budget, loop_depth, if_depth):
        self.depth += 1
        before = len(self.lines)
        n = self.int_in(1, 2)
        for _ in range(n):
            self.statement(budget, loop_depth, False, if_depth)
        if len(self.lines) == before:
            self.emit("pass")
        self.depth -= 1

    def loop(self, budget, loop_depth):
        """A for/while loop of at most ``budget`` iterations (times the enclosing trips)."""
        self.loop_count += 1
        n = self.loop_count
        kind = self.choice(["range", "range", "while", "list", "tuple"])
        inner_budget = 1
        if kind == "list" and not self.lists:
            kind = "tuple"
        if kind in ("list", "tuple") and budget < 12:
            kind = "range"
        outer = [v for v in self.loopvars if v.type == "int" and v.name.startswith("i")]
        if kind == "range":
            if self.chance(0.1):
                trips = self.int_in(0, min(budget, 3))      # empty or nearly empty
            elif loop_depth == 0 and self.chance(0.4):
                trips = self.int_in(2, min(budget, 30))     # leaves room for an inner loop
            else:
                trips = self.int_in(min(2, budget), budget)
            start = self.int_in(-60, 60)
            step = self.choice([1, 1, 2, 3, -1, -2, -5, 7])
            stop = start + step * trips
            if abs(step) > 1 and self.chance(0.5):
                stop -= (1 if step > 0 else -1) * self.int_in(0, abs(step) - 1)
            name = "i%d" % n
            if outer and trips >= 2 and self.chance(0.3):
                # bounds that depend on the enclosing loop: at most `trips` iterations
                o = self.choice(outer).name
                header = "for %s in range(%s %% %d, %d):" % (name, o, trips, trips)
            elif trips >= 2 and self.chance(0.2):
                # bounds computed from the variables (evaluated once, before the loop)
                e = self.int_expr(1).text
                if self.chance(0.5):
                    header = "for %s in range(%s %% %d, %d):" % (name, e, trips, trips)
                else:
                    header = "for %s in range(%d, %s %% %d - 1, -1):" % (name, trips - 1, e, trips)
            elif step == 1 and start == 0 and self.chance(0.5):
                header = "for %s in range(%d):" % (name, stop)
            elif step == 1 and self.chance(0.5):
                header = "for %s in range(%d, %d):" % (name, start, stop)
            else:
                header = "for %s in range(%d, %d, %d):" % (name, start, stop, step)
            lv = LoopVar(name, "int", CLAMP_BITS)     # the body may assign it a clamped value
            inner_budget = trips
        elif kind == "while":
            trips = self.int_in(min(2, budget), budget)
            name = "w%d" % n
            counter = Var(name, "int", INDEX_BITS, accum=False, counter=True)
            self.ints.append(counter)
            self.emit("%s = 0" % name)
            form = self.choice(["simple", "and", "true"])
            if form == "simple":
                header = "while %s < %d:" % (name, trips)
            elif form == "and":
                header = "while %s < %d and %s:" % (name, trips, self.cond(0))
            else:
                header = "while True:"
            lv = None
            inner_budget = trips
        elif kind == "list":
            l = self.choice(self.lists)
            name = "x%d" % n
            header = "for %s in %s:" % (name, l.name)
            self.iterating.add(l.name)
            lv = LoopVar(name, l.type, l.bits)
            inner_budget = l.length
        else:
            length = self.int_in(1, 8)
            if not self.tame and self.chance(0.2):
                # mixed ints and floats
                items = [str(self.int_in(-50, 50)) if self.chance(0.5) else self.choice(TAME_FLOATS)
                         for _ in range(length)]
                lv_type = "float"
                bits = 1024
                text = ", ".join(items)
            elif self.chance(0.5):
                items = [self.int_in(-50, 50) for _ in range(length)]
                lv_type = "int"
                bits = max(ibits(i) for i in items)
                text = ", ".join(map(str, items))
            else:
                items = [self.choice(TAME_FLOATS) for _ in range(length)]
                lv_type = "float"
                bits = max(float_literal_bits(i) for i in items)
                text = ", ".join(items)
            if length == 1:
                text += ","
            name = "t%d" % n
            header = "for %s in (%s):" % (name, text)
            lv = LoopVar(name, lv_type, bits)
            inner_budget = length
        self.loop_lines.append(len(self.lines) + 1)
        self.emit(header)
        self.depth += 1
        if kind == "while":
            self.emit("%s += 1" % name)
            if form == "true":
                self.emit("if %s > %d:" % (name, trips))
                self.emit("    break")
        if lv is not None:
            self.loopvars.append(lv)
        inner = max(1, min(25, MAX_TOTAL_TRIPS // max(1, inner_budget) // 2)) if loop_depth == 0 else 0
        nested = False
        before_body = len(self.lines)
        for _ in range(self.int_in(1, 4)):
            allow = inner >= 2 and not nested
            before = self.loop_count
            self.statement(inner, loop_depth + 1, allow_loop=allow)
            nested = nested or self.loop_count != before
        if len(self.lines) == before_body:
            self.emit("pass")
        if lv is not None:
            self.loopvars.pop()
        if kind == "list":
            self.iterating.discard(l.name)
        self.depth -= 1
        if self.chance(0.15):
            self.emit("else:")
            self.depth += 1
            self.assign_int()
            self.depth -= 1


def _int_init(g: Gen, accum: bool) -> tuple[str, int]:
    if not g.tame and g.chance(0.3):
        text = g.choice(BIG_INTS)
        return text, 66
    c = g.int_in(-20, 20) if g.chance(0.6) else g.int_in(-1000003, 1000003)
    return str(c), CLAMP_BITS


@st.composite
def programs(draw, mode="tame"):
    g = Gen(draw, mode)
    n_int = g.int_in(1, 4)
    n_float = g.int_in(0, 3)
    inits = []      # (name, text)
    for k in range(n_int):
        accum = g.chance(0.4)
        text, bits = _int_init(g, accum)
        v = Var("a%d" % k, "int", ACC_BITS if accum else CLAMP_BITS, accum)
        g.ints.append(v)
        inits.append((v.name, text))
    for k in range(n_float):
        accum = g.chance(0.4)
        text = g.choice(TAME_FLOATS if g.tame else WILD_FLOATS)
        v = Var("f%d" % k, "float", ACC_BITS if accum else CLAMP_BITS, accum)
        g.floats.append(v)
        inits.append((v.name, text))
    for k, kind in enumerate(draw(st.lists(st.sampled_from(["int", "float", "tuple"]), max_size=2))):
        length = g.int_in(1, 12)
        if kind == "tuple":
            # read-only: indexed, iterated and measured, never stored into
            if g.chance(0.5):
                items = [str(g.int_in(-1000, 1000)) for _ in range(length)]
                l = Lst("T%d" % k, "int", length, CLAMP_BITS, mutable=False)
            else:
                items = [g.choice(TAME_FLOATS if g.tame else WILD_FLOATS) for _ in range(length)]
                l = Lst("T%d" % k, "float", length, CLAMP_BITS, mutable=False)
            g.lists.append(l)
            inits.append((l.name, "(%s%s)" % (", ".join(items), "," if length == 1 else "")))
            continue
        if kind == "int":
            items = [str(g.int_in(-1000, 1000) if g.chance(0.8) else g.int_in(-1000003, 1000003))
                     for _ in range(length)]
            if not g.tame and g.chance(0.3):
                items[g.int_in(0, length - 1)] = g.choice(BIG_INTS)
            l = Lst("L%d" % k, "int", length, CLAMP_BITS)
        else:
            items = [g.choice(TAME_FLOATS if g.tame else WILD_FLOATS) for _ in range(length)]
            l = Lst("F%d" % k, "float", length, CLAMP_BITS)
        g.lists.append(l)
        inits.append((l.name, "[%s]" % ", ".join(items)))
    if g.chance(0.2):
        g.strings.append("S0")
        inits.append(("S0", repr(draw(st.sampled_from(["", "a", "loop", "naïve ünïcode", "x" * 40])))))

    in_function = g.chance(0.5)
    n_globals = g.int_in(0, len(inits)) if in_function and g.chance(0.5) else 0
    module_inits, local_inits = inits[:n_globals], inits[n_globals:]
    if not in_function:
        module_inits, local_inits = inits, []
    use_try = g.chance(0.5)

    # the loops, generated with indentation relative to the body
    g.depth = 1 if use_try else 0
    two = g.chance(0.3)
    budgets = [300] if not two else [150, 150]
    for b in budgets:
        g.loop(b, 0)
    body = g.lines
    loop_lines = g.loop_lines

    names = [n for n, _ in inits] + [v.name for v in g.ints if v.counter]
    # loop variables exist (and are ints) even when their loop never runs
    loopvar_names = sorted({line.split()[1] for line in body if line.strip().startswith("for ")})

    out = []
    if g.uses_helper:
        out += ["def helper(x):", "    return x * 2 + 1", ""]
    for name, text in module_inits:
        out.append("%s = %s" % (name, text))
    pre = []
    pre += ["%s = %s" % (name, text) for name, text in local_inits]
    pre += ["%s = -1" % name for name in loopvar_names]
    pre += ["%s = 0" % v.name for v in g.ints if v.counter]
    if use_try:
        pre.append("try:")
    post = []
    if use_try:
        post += ["except Exception as e:", "    print('exception', type(e).__name__, e)"]
    for name in names + loopvar_names:
        post.append("print(%r, repr(%s))" % (name, name))
    indent = "    " if in_function else ""
    if in_function:
        out.append("def main():")
        if module_inits:
            out.append("    global " + ", ".join(n for n, _ in module_inits))
    offset = len(out) + len(pre)
    out += [indent + line for line in pre]
    out += [indent + line for line in body]
    out += [indent + line for line in post]
    if in_function:
        out.append("main()")
    source = "\n".join(out) + "\n"
    return Program(source, mode, g.supported, [offset + l for l in loop_lines])
