"""If-conversion: a short arm of pure ops becomes straight-line code and selects.

A branch the data decides at random (``if v < w <= 500 < x % 997``, the second test
of ``100 <= v < 350``) costs a misprediction on about half the iterations -- more
than computing the arm every time. Cranelift keeps every branch it is given, so this
pass removes the cheap ones: an arm block whose only predecessor is the branch, that
goes on to the other target (a triangle) or joins the other arm (a diamond), and
whose instructions are pure, cannot trap and are few, is appended to the branching
block; each frame-variable part it writes gets ``select(cond, new, old)``.

Guards, loads and stores of memory, trapping divisions and calls stay behind
branches, as does any arm with more than ``MAX_OPS`` computing ops.
"""
from __future__ import annotations

from ..graph import Ins

MAX_OPS = 6
# pure and not trapping (see the IR table's TRAPS), but costly beside a mispredicted branch
_COSTLY = {"fdiv", "fsqrt"}
_SELECT = {"int": "select_int", "float": "select_float", "bool": "select_bool"}


def run(graph):
    changed = True
    while changed:
        changed = False
        order = graph.rpo()
        preds = graph.preds(order)
        for key in order:
            if _convert(graph, graph.blocks[key], preds):
                changed = True
                break           # the CFG changed: look again


def _convert(graph, a, preds) -> bool:
    if a.term[0] != "branch":
        return False
    _, cond, then, other = a.term
    arms = [(then, True), (other, False)]
    convertible = [(k, taken) for k, taken in arms if _cheap_arm(graph, k, a.key, preds)]
    join = None
    if len(convertible) == 2:       # a diamond, both arms to one block
        joins = {graph.blocks[k].term[1] for k, _ in convertible}
        if len(joins) == 1:
            join = joins.pop()
    if join is None:                # a triangle: one arm, which goes on to the other target
        for k, taken in convertible:
            rest = other if taken else then
            if graph.blocks[k].term[1] == rest:
                convertible, join = [(k, taken)], rest
                break
    if join is None or join in graph.loop_headers:
        return False
    for k, taken in convertible:
        _append(graph, a, graph.blocks.pop(k), cond, taken)
    a.term = ("goto", join)
    return True


def _cheap_arm(graph, key, source, preds) -> bool:
    b = graph.blocks[key]
    if key in graph.loop_headers or preds.get(key) != [source] or b.term[0] != "goto":
        return False
    ops = 0
    for ins in b.instrs:
        if ins.op == "setvar":
            if ins.imm.type not in _SELECT:
                return False
            continue
        if ins.op == "getvar" or "const" in ins.opdef.flags:
            continue
        if not ins.opdef.pure or ins.opdef.traps or ins.op in _COSTLY:
            return False
        ops += 1
    return ops <= MAX_OPS


def _append(graph, a, b, cond, taken: bool):
    """``b``'s instructions at the end of ``a``, its writes made under ``cond`` (or its
    negation): select(cond, new, old) keeps the old value where the arm did not run."""
    for ins in b.instrs:
        if ins.op != "setvar":
            a.instrs.append(ins)
            continue
        slot, new = ins.imm, ins.args[0]
        old = Ins("getvar", imm=slot, line=ins.line)
        pick = (new, old) if taken else (old, new)
        sel = Ins(_SELECT[slot.type], (cond,) + pick, line=ins.line)
        a.instrs += [old, sel, Ins("setvar", (sel,), imm=slot, line=ins.line)]
