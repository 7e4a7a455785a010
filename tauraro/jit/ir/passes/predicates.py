"""Predicates on one int, as the sets of values that make them true.

If-conversion turns an ``if``/``elif`` chain into straight-line booleans, and a chained
comparison keeps Python's short-circuit order in them: ``elif 350 <= v <= 700`` after
``if v < 350`` becomes ``not (v < 350) and ((v < 350 or 350 <= v) ... )`` -- selects,
ands, ors and nots over a handful of comparisons of ``v`` with constants, recomputed for
each arm (compare_chains.py's ``buckets``: some thirty boolean ops an iteration where
five comparisons say the same).

Within a block, each comparison of an int value with a constant is the set of values it
holds for, a union of intervals; ``not``, ``bool_and``, ``bool_or``, ``bool_xor``,
``bool_eq``, ``bool_ne`` and ``select_bool`` of predicates on the same value are the
complement, intersection, union and so on of their sets (a bool constant is the empty or
the whole set). A predicate built of others that the block has computed already (the same
set of the same value) is that one. One whose set is a constant or one
comparison becomes that (a ray ``v <= 700``, a point ``v == 999``, its complement ``v !=
999``); one whose set is one bounded interval becomes ``lo <= v and v <= hi`` where that
replaces more than three ops. What it was built of is left to dce. The default, for every
other op: not a predicate of one value.
"""
from __future__ import annotations

from ..graph import Ins
from .rewrite import forward, substitute

NEG, POS = -(1 << 63), (1 << 63) - 1      # an int value's ends: 64 bits
_FULL = ((NEG, POS),)
_EMPTY = ()


def _interval(lo, hi):
    return ((lo, hi),) if lo <= hi else _EMPTY


# a comparison of a value with a constant c: the set it holds for, both operand orders
_WITH_CONSTANT = {
    "lt": lambda c: _interval(NEG, c - 1), "le": lambda c: _interval(NEG, c),
    "gt": lambda c: _interval(c + 1, POS), "ge": lambda c: _interval(c, POS),
    "eq": lambda c: _interval(c, c), "ne": lambda c: _not(_interval(c, c)),
}
_SWAPPED = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}


def _differ(a, b):
    """The values where one of two predicates holds and the other does not (xor, !=)."""
    return _join(_meet(a, _not(b)), _meet(_not(a), b))


# the compound ops: what they make of their operands' sets
_COMBINE = {
    "bool_and": lambda a, b: _meet(a, b),
    "bool_or": lambda a, b: _join(a, b),
    "bool_xor": _differ,
    "bool_ne": _differ,
    "bool_eq": lambda a, b: _join(_meet(a, b), _meet(_not(a), _not(b))),
}


def run(graph):
    subst = {}
    for b in graph.blocks.values():
        sets = {}           # a bool value -> (the int value it is a predicate of, or None, its set)
        same = {}           # (value, set) -> the first bool value of the block computing it
        kept = []
        for ins in b.instrs:
            if subst:
                forward(ins, subst)
            found = _predicate(ins, sets)
            if found is None:
                kept.append(ins)
                continue
            sets[ins] = found
            if ins.op in _WITH_CONSTANT or ins.op == "bool":
                same.setdefault(found, ins)
                kept.append(ins)
                continue
            have = same.get(found)
            if have is not None:        # (a predicate the block has computed already)
                subst[ins] = have
                continue
            made = _rewritten(ins, found, _cost(ins, sets))
            if made is None:
                same[found] = ins
                kept.append(ins)
                continue
            kept.extend(made)
            sets[made[-1]] = found
            same[found] = subst[ins] = made[-1]
        b.instrs = kept
    substitute(graph, subst)


def _predicate(ins, sets):
    """(value, set) if ``ins`` is a predicate of one int value (value None: a constant)."""
    op = ins.op
    if op == "bool":
        return None, _FULL if ins.imm else _EMPTY
    if op in _WITH_CONSTANT:
        a, b = ins.args
        if b.op == "int" and a.op != "int":
            return a, _WITH_CONSTANT[op](b.imm)
        if a.op == "int" and b.op != "int":
            return b, _WITH_CONSTANT[_SWAPPED[op]](a.imm)
        return None
    if op == "not":
        p = sets.get(ins.args[0])
        return None if p is None else (p[0], _not(p[1]))
    if op in _COMBINE:
        ps = _same_value([sets.get(a) for a in ins.args])
        return None if ps is None else (ps[0], _COMBINE[op](*ps[1]))
    if op == "select_bool":
        ps = _same_value([sets.get(a) for a in ins.args])
        if ps is None:
            return None
        c, a, b = ps[1]
        return ps[0], _join(_meet(c, a), _meet(_not(c), b))
    return None


def _same_value(ps):
    """(the value, [sets]) if every predicate is known and of one value (or a constant)."""
    if any(p is None for p in ps):
        return None
    values = {p[0] for p in ps if p[0] is not None}
    if len(values) > 1:
        return None
    return (values.pop() if values else None), [p[1] for p in ps]


def _cost(ins, sets) -> int:
    """The compound predicates ``ins`` is built of, itself included (each counted once):
    the ops its rewriting may leave dead."""
    seen = set()
    work = [ins]
    while work:
        v = work.pop()
        if v in seen or v.op in _WITH_CONSTANT or v.op == "bool" or v not in sets:
            continue
        seen.add(v)
        work.extend(v.args)
    return len(seen)


def _rewritten(ins, found, cost):
    """The instructions computing ``found`` more cheaply than ``cost`` ops, or None."""
    value, s = found
    line = ins.line

    def const(c):
        return Ins("int", imm=c, line=line)

    if s == _EMPTY or s == _FULL:
        return [Ins("bool", imm=int(s == _FULL), line=line)]
    if len(s) == 1:
        lo, hi = s[0]
        if lo == NEG:
            k = const(hi)
            return [k, Ins("le", (value, k), line=line)]
        if hi == POS:
            k = const(lo)
            return [k, Ins("ge", (value, k), line=line)]
        if lo == hi:
            k = const(lo)
            return [k, Ins("eq", (value, k), line=line)]
        if cost <= 3:
            return None
        a, b = const(lo), const(hi)
        ge, le = Ins("ge", (value, a), line=line), Ins("le", (value, b), line=line)
        return [a, b, ge, le, Ins("bool_and", (ge, le), line=line)]
    if len(s) == 2 and s[0][0] == NEG and s[1][1] == POS and s[0][1] + 2 == s[1][0]:
        k = const(s[0][1] + 1)
        return [k, Ins("ne", (value, k), line=line)]
    return None


# --- sets of ints: sorted, disjoint, non-adjacent closed intervals within NEG..POS ---
def _not(a):
    out = []
    at = NEG
    for lo, hi in a:
        if lo != NEG:
            out.append((at, lo - 1))
        if hi == POS:
            return tuple(out)
        at = hi + 1
    out.append((at, POS))
    return tuple(out)


def _meet(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def _join(a, b):
    return _not(_meet(_not(a), _not(b)))
