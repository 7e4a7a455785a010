"""Loop-invariant code motion: what every iteration computes alike runs once, before
the loop.

A value is invariant if it is a constant, a read of a frame variable the region
never writes, or a pure op of invariant values. Such ops move to the preheader --
except ops that could trap on operands an earlier guard rules out (a division
whose divisor was checked non-zero). A guard on invariant values moves too, if
every iteration runs it (its block dominates every back edge to the header): it
then fails on the first iteration or never, so it leaves at the loop's entry, from
where the interpreter runs the loop with nothing changed.
"""
from __future__ import annotations

from ...exits import GUARD
from ..graph import Snapshot
from ..ops import CONST, OPS

_MOVABLE_GUARDS = {"check_nonzero", "check_nonneg", "check_int53", "check_fnonzero", "check_fnonneg",
                   "range_check"}


def run(graph):
    written = {ins.imm.var for ins in graph.all_instrs() if ins.op == "setvar"}
    dominating = None

    def every_iteration(key) -> bool:
        nonlocal dominating
        if dominating is None:          # (found only for a guard that could move)
            dominating = _dominating_back_edges(graph)
        return key in dominating
    invariant = set(graph.preheader)
    moved = []
    for b in graph.blocks.values():
        kept = []
        for ins in b.instrs:
            d = OPS[ins.op]
            if d.result and CONST in d.flags:
                invariant.add(ins)       # constants stay where they are used: they cost nothing
                kept.append(ins)
            elif _invariant(ins, invariant, written, b.key, every_iteration):
                invariant.add(ins)
                if ins.opdef.guard:
                    e = graph.entry_state
                    ins.snap = graph.snapshot(Snapshot(e.code, e.pc, e.line, ins.snap.reason, GUARD, e.values))
                moved.append(ins)
            else:
                kept.append(ins)
        b.instrs = kept
    graph.preheader.extend(moved)


def _invariant(ins, invariant, written, key, every_iteration) -> bool:
    op = ins.op
    if op == "getvar":
        return ins.imm.var not in written
    for a in ins.args:
        if a not in invariant:
            return False
    d = ins.opdef
    if d.pure:
        return not d.traps
    return op in _MOVABLE_GUARDS and every_iteration(key)


def _dominating_back_edges(graph) -> set:
    """Blocks every iteration of the region's loop runs: those dominating each block
    with a back edge to the header."""
    dom = graph.dominators()
    latches = [k for k, b in graph.blocks.items() if graph.entry in b.succs()]
    if not latches:
        return set()
    return set.intersection(*(dom[k] for k in latches))
