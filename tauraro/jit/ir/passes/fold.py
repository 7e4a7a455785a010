"""Constant folding: an op whose operands are all constants becomes a constant.

Only where Python computes exactly what the emitted wasm would: 64-bit int
arithmetic that stays in range (a guard op whose result would overflow keeps its
guard and exits at run time, as the unfolded code would), comparisons, and the
IEEE float operations Python also does in double precision. A guard on constants
that cannot fail is dropped. Every other op (the default) is kept.

Selects (what if-conversion makes of an ``if``/``elif``, and what a decided comparison
leaves) are simplified too: a select of a constant condition is the operand it picks,
``x & True`` is x; ``c ? a : c`` is ``c & a``; a select of a select sharing a value is one
select of a combined condition; ``c ? n + 1 : n`` (an add proved not to overflow) is
``n + c``.
"""
from __future__ import annotations

import math

from ..graph import Ins
from .rewrite import forward, substitute

I64_MIN, I64_MAX = -(1 << 63), (1 << 63) - 1


def _fits(v):
    return I64_MIN <= v <= I64_MAX


_INT2 = {
    "add_ov": lambda a, b: a + b, "sub_ov": lambda a, b: a - b, "mul_ov": lambda a, b: a * b,
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "band": lambda a, b: a & b, "bor": lambda a, b: a | b, "bxor": lambda a, b: a ^ b,
    "min": min, "max": max,
    "floordiv_ov": lambda a, b: a // b if b else None, "floordiv": lambda a, b: a // b if b else None,
    "mod": lambda a, b: a % b if b else None,
    "rshift": lambda a, b: a >> b if b >= 0 else None,
}
_CMP = {"lt": lambda a, b: a < b, "le": lambda a, b: a <= b, "gt": lambda a, b: a > b,
        "ge": lambda a, b: a >= b, "eq": lambda a, b: a == b, "ne": lambda a, b: a != b}
_FLOAT2 = {"fadd": lambda a, b: a + b, "fsub": lambda a, b: a - b, "fmul": lambda a, b: a * b,
           "fdiv": lambda a, b: a / b if b else None}
# guards on constants that cannot fail
_CHECKS = {"check_nonzero": lambda a: a != 0, "check_nonneg": lambda a: a >= 0,
           "check_int53": lambda a: abs(a) <= (1 << 53), "check_fnonzero": lambda a: a != 0.0,
           "check_fnonneg": lambda a: not a < 0.0}


_CONSTANTS = frozenset(("int", "float", "bool"))


def fold_one(ins: Ins):
    """The constant ``ins`` computes (an Ins), True if it is a guard that cannot fail,
    or None (kept as it is)."""
    if not ins.args:
        return None
    args = []
    for a in ins.args:
        if a.op not in _CONSTANTS:
            return None
        args.append(a.imm)
    op = ins.op
    if op in _CHECKS:
        return True if _CHECKS[op](args[0]) else None
    if op in _INT2:
        r = _INT2[op](*args)
        if r is not None and _fits(r):
            return Ins("int", imm=r, line=ins.line)
        return None
    if op in ("neg_ov", "neg"):
        r = -args[0]
        return Ins("int", imm=r, line=ins.line) if _fits(r) else None
    if op == "invert":
        return Ins("int", imm=~args[0], line=ins.line)
    if op == "floordiv_const":
        return Ins("int", imm=args[0] // ins.imm, line=ins.line)
    if op == "mod_const":
        return Ins("int", imm=args[0] % ins.imm, line=ins.line)
    if op in _CMP:
        return Ins("bool", imm=int(_CMP[op](*args)), line=ins.line)
    if op in _FLOAT2:
        r = _FLOAT2[op](*args)
        return Ins("float", imm=r, line=ins.line) if r is not None and math.isfinite(r) else None
    if op == "bool_to_int":
        return Ins("int", imm=args[0], line=ins.line)
    if op == "int_to_float" and abs(args[0]) <= (1 << 53):
        return Ins("float", imm=float(args[0]), line=ins.line)
    if op == "not":
        return Ins("bool", imm=int(not args[0]), line=ins.line)
    if op == "int_truth":
        return Ins("bool", imm=int(args[0] != 0), line=ins.line)
    return None


_SELECTS = frozenset(("select_int", "select_float", "select_bool"))
_DECIDABLE = _SELECTS | {"bool_and", "bool_or"}        # the ops _known_operand may decide


def _known_operand(ins: Ins):
    """The operand ``ins`` is equal to, where a constant decides it: a select of a constant
    condition, ``x & True``, ``x | False`` (the other way round too); or None."""
    op = ins.op
    if op in _SELECTS:
        c = ins.args[0]
        return (ins.args[1] if c.imm else ins.args[2]) if c.op == "bool" else None
    if op == "bool_and" or op == "bool_or":
        a, b = ins.args
        keep = 1 if op == "bool_and" else 0         # the constant that leaves the other operand
        if a.op == "bool":
            return b if a.imm == keep else a
        if b.op == "bool":
            return a if b.imm == keep else b
    return None


def _select_bool(ins: Ins):
    """c ? a : c is c & a, and c ? c : b is c | b (a chained comparison's temporary,
    made a select by ifconv, read back where the chain stopped)."""
    c, a, b = ins.args
    if b is c:
        ins.op, ins.args = "bool_and", (c, a)
    elif a is c:
        ins.op, ins.args = "bool_or", (c, b)


def _nested_select(ins: Ins) -> list:
    """One select for a select of a select sharing a value (what if-conversion makes of an
    elif chain, arm by arm): c ? x : (d ? y : x) is (!c & d) ? y : x, c ? (d ? y : x) : x is
    (c & d) ? y : x, and the like. ``ins`` is rewritten in place; the instructions computing
    its new condition are returned, to go before it."""
    made = []
    for _ in range(8):              # (a chain of arms: each round takes one level)
        c, a, b = ins.args
        line = ins.line
        if b.op == ins.op and a in b.args[1:]:          # c ? x : (d ? .. : ..)
            d, y1, y2 = b.args
            if y2 is a:                                 # c ? x : (d ? y : x)
                nc = Ins("not", (c,), line=line)
                cond = Ins("bool_and", (nc, d), line=line)
                made += [nc, cond]
                ins.args = (cond, y1, a)
            else:                                       # c ? x : (d ? x : y)
                cond = Ins("bool_or", (c, d), line=line)
                made.append(cond)
                ins.args = (cond, a, y2)
        elif a.op == ins.op and b in a.args[1:]:        # c ? (d ? .. : ..) : x
            d, y1, y2 = a.args
            if y2 is b:                                 # c ? (d ? y : x) : x
                cond = Ins("bool_and", (c, d), line=line)
                made.append(cond)
                ins.args = (cond, y1, b)
            else:                                       # c ? (d ? x : y) : x
                nd = Ins("not", (d,), line=line)
                cond = Ins("bool_and", (c, nd), line=line)
                made += [nd, cond]
                ins.args = (cond, y2, b)
        else:
            break
    return made


def _counted(ins: Ins) -> list:
    """c ? x + 1 : x is x + c (a counter's select), and c ? x + d : x (d a bool counted
    already) is x + (c & d); rewritten in place, the instructions to go before it returned.
    (Only an add or a sub proved not to overflow.)"""
    c, a, b = ins.args
    for new, old, cond_is_true in ((a, b, True), (b, a, False)):
        if new.op not in ("add", "sub") or new.args[0] is not old:
            continue
        step = new.args[1]
        if step.op == "int" and step.imm == 1:
            d = None
        elif step.op == "bool_to_int":
            d = step.args[0]
        else:
            continue
        made = []
        if not cond_is_true:
            c = Ins("not", (c,), line=ins.line)
            made.append(c)
        if d is not None:
            c = Ins("bool_and", (c, d), line=ins.line)
            made.append(c)
        step = Ins("bool_to_int", (c,), line=ins.line)
        ins.op, ins.args = new.op, (old, step)
        return made + [step]
    return []


def run(graph, keys=None):
    """``keys``: the blocks to look at (all of them if None: see cse.run)."""
    subst = {}
    for b in graph.blocks_of(keys):
        kept = []
        for ins in b.instrs:
            if subst:
                forward(ins, subst)
            if ins.op in _DECIDABLE:
                r = _known_operand(ins)
                if r is not None:           # a select of a constant condition, x & True...
                    subst[ins] = r
                    continue
            if ins.op in _SELECTS:
                kept += _nested_select(ins)
                if ins.op == "select_bool":
                    _select_bool(ins)
                elif ins.op == "select_int":
                    kept += _counted(ins)
            # (fold_one asks that every operand be a constant: most instructions fail at
            # the first, asked here without the call)
            r = fold_one(ins) if ins.args and ins.args[0].op in _CONSTANTS else None
            if r is True:
                continue                    # a guard that cannot fail
            if isinstance(r, Ins):
                kept.append(r)
                subst[ins] = r
                continue
            kept.append(ins)
        b.instrs = kept
        t = b.term
        if t[0] == "branch":
            cond = subst.get(t[1], t[1])
            if cond.op == "bool":       # a branch decided at compile time
                b.term = ("goto", t[2] if cond.imm else t[3])
    substitute(graph, subst, keys)
    _prune(graph)


def _prune(graph):
    """Drop blocks a folded branch made unreachable (and their exits' snapshots stay
    unused, which is harmless)."""
    reach = set()
    stack = [graph.entry]
    while stack:
        k = stack.pop()
        if k in reach:
            continue
        reach.add(k)
        stack.extend(graph.blocks[k].succs())
    for k in [k for k in graph.blocks if k not in reach]:
        del graph.blocks[k]
