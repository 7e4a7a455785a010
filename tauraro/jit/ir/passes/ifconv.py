"""If-conversion: a short arm of pure ops becomes straight-line code and selects.

A branch the data decides at random (``if v < w <= 500 < x % 997``, the second test
of ``100 <= v < 350``) costs a misprediction on about half the iterations -- more
than computing the arm every time. Cranelift keeps every branch it is given, so this
pass removes the cheap ones: an arm block whose only predecessor is the branch, that
goes on to the other target (a triangle) or joins the other arm (a diamond), and
whose instructions are pure, cannot trap and are few, is appended to the branching
block; each frame-variable part it writes gets ``select(cond, new, old)``.

An arm may also hold overflow guards of adds and subtracts (``c += 1`` in an
``if``/``elif`` chain counting cases): ``a + b`` under ``cond`` becomes
``a + select(cond, b, 0)``, which cannot overflow where the arm did not run, and
overflows exactly where it did -- so the guard leaves only when the arm would have
run, from the state the arm would have had (the arms before it wrote their slots
through selects that kept the old values). A slot's write ``c = c + select(cond, b, 0)``
needs no select of its own: where the arm did not run it writes ``c`` back.

Once an arm is converted, its block and the block it went on to may be a straight
line (one goto, one predecessor): they are merged, so an ``elif`` chain converts from
its last arm outwards.

A slot an arm writes that nothing reads where the arm goes on (no path from there reads
it before writing it, and no exit writes it back: a chained comparison's temporary) is
written without a select: a select would read its old value, keeping it live round the
loop for nothing.

Other guards, loads and stores of memory, trapping divisions and calls stay behind
branches, as does any arm with more than ``MAX_OPS`` computing ops (a speculated
guard counts two: its select and its check). Once arms are converted, cse and fold run
again: the arms read back slots the branching block wrote, and their selects simplify
(see ``fold``).
"""
from __future__ import annotations

from ..graph import Ins
from . import cse, fold

# (16, not 10: an elif ladder's arm holding the rest of the ladder converts too, once fold
# has made its selects few -- compare_chains' buckets 47 -> 43 ms)
MAX_OPS = 16
# guards that run unconditionally with their second operand selected to 0 where the arm did not run
_SPECULABLE = {"add_ov", "add_ov_nn", "sub_ov", "sub_ov_nn"}
# pure and not trapping (see the IR table's TRAPS), but costly beside a mispredicted branch
_COSTLY = {"fdiv", "fsqrt"}
_SELECT = {"int": "select_int", "float": "select_float", "bool": "select_bool"}


def run(graph):
    changed = True
    grown = set()       # (the blocks arms or successors were appended to)
    graph_dead = _Dead(graph)
    while changed:
        changed = False
        order = graph.rpo()
        preds = graph.preds(order)
        # innermost first (an arm holding a branch converts once that branch has), each
        # block until nothing more changes it; the predecessors are kept up to date
        for key in reversed(order):
            while key in graph.blocks and (_convert(graph, graph.blocks[key], preds, graph_dead)
                                           or _merge(graph, graph.blocks[key], preds)):
                changed = True
                grown.add(key)
    if grown:
        # an arm appended to its branching block reads back slots that block wrote (a chained
        # comparison's temporary): forwarded, its selects become ands and ors, or constants.
        # (In the blocks that grew alone: the others are as cse and fold left them -- a ray
        # tracer's 530 blocks were all looked at again, ~5 ms)
        cse.run(graph, grown)
        fold.run(graph, grown)


def _merge(graph, a, preds) -> bool:
    """Append ``a``'s one successor to ``a`` if ``a`` is its one predecessor (a straight line)."""
    if a.term[0] != "goto" or a.key in graph.loop_headers:
        return False
    key = a.term[1]
    b = graph.blocks[key]
    if key in graph.loop_headers or key == graph.entry or preds.get(key) != [a.key] \
            or b.term[0] not in ("goto", "branch"):
        return False
    del graph.blocks[key]
    a.instrs += b.instrs
    a.term = b.term
    del preds[key]
    for t in b.succs():
        preds[t] = [a.key if p == key else p for p in preds[t]]
    for (source, header) in [e for e in graph.interrupts if e[0] == key]:     # a back edge moved
        graph.interrupts[(a.key, header)] = graph.interrupts.pop((source, header))
    return True


def _convert(graph, a, preds, dead) -> bool:
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
    dead = dead.at(join)
    for k, taken in convertible:
        _append(graph, a, graph.blocks.pop(k), cond, taken, dead)
        del preds[k]
        preds[join] = [p for p in preds[join] if p != k]
    a.term = ("goto", join)
    if a.key not in preds[join]:
        preds[join].append(a.key)
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
        if ins.op in _SPECULABLE:
            ops += 2
            continue
        if not ins.opdef.pure or ins.opdef.traps or ins.op in _COSTLY:
            return False
        ops += 1
    return ops <= MAX_OPS


def _append(graph, a, b, cond, taken: bool, dead):
    """``b``'s instructions at the end of ``a``, its writes made under ``cond`` (or its
    negation): select(cond, new, old) keeps the old value where the arm did not run --
    unless the slot is ``dead`` where the arm goes on (a chained comparison's temporary):
    then the arm's write stands, and no read of the old value makes the slot live round
    the loop."""
    for ins in b.instrs:
        if ins.op in _SPECULABLE:
            a.instrs += _speculated(ins, cond, taken)
            continue
        if ins.op != "setvar" or ins.imm.key in dead:
            a.instrs.append(ins)
            continue
        slot, new = ins.imm, ins.args[0]
        if new.op in _SPECULABLE and _reads_unwritten(new.args[0], ins, b):
            a.instrs.append(ins)        # c = c + select(cond, d, 0) is c where the arm did not run
            continue
        old = Ins("getvar", imm=slot, line=ins.line)
        pick = (new, old) if taken else (old, new)
        sel = Ins(_SELECT[slot.type], (cond,) + pick, line=ins.line)
        a.instrs += [old, sel, Ins("setvar", (sel,), imm=slot, line=ins.line)]


def _speculated(ins, cond, taken: bool) -> list:
    """``ins`` (``a + b`` guarded) made to add 0 where the arm did not run: the
    instructions to append, ``ins`` last."""
    a, b = ins.args
    line = ins.line
    if b.op == "int" and b.imm == 1:        # the common case, c += 1: the condition as an int
        c = cond if taken else Ins("not", (cond,), line=line)
        step = Ins("bool_to_int", (c,), line=line)
        out = [step] if taken else [c, step]
    else:
        zero = Ins("int", imm=0, line=line)
        step = Ins("select_int", (cond, b, zero) if taken else (cond, zero, b), line=line)
        out = [zero, step]
    ins.args = (a, step)
    return out + [ins]


def _reads_unwritten(v, write, arm) -> bool:
    """Is ``v`` a read, in ``arm``, of the slot ``write`` writes, with no other write of
    the slot between the two?"""
    key = write.imm.key
    if v.op != "getvar" or v.imm.key != key:
        return False
    seen = False
    for ins in arm.instrs:
        if ins is v:
            seen = True
        elif ins is write:
            return seen
        elif ins.op == "setvar" and ins.imm.key == key:
            seen = False
    return False


class _Dead:
    """The slots no path from a block's start reads before writing them (``at(key)``), of
    the frame variables no exit writes back: not live at the loop's entry (those are
    written back at every exit) and in no snapshot. Found once, on the graph as it was
    before the first arm is converted: a conversion changes no value of a slot live where
    the arm goes on, so what is dead at a block's start stays so."""

    def __init__(self, graph):
        self.graph = graph
        self.live = None

    def at(self, key) -> set:
        """(Asked before the first arm is removed: what holds for the graph then holds after
        any conversion or merge, for the blocks that remain.)"""
        if self.live is None:       # (found only when an arm converts, which most loops never do)
            self.candidates, self.live = self._liveness()
        return self.candidates - self.live.get(key, self.candidates)

    def _liveness(self):
        g = self.graph
        exits = set(g.entry_vars)
        for snap in g.snapshots:
            exits.update(var for var, _ in snap.values)
        gen, kill = {}, {}
        candidates = set()
        for k, b in g.blocks.items():
            ge, ki = set(), set()
            for ins in b.instrs:
                if ins.op == "getvar" and ins.imm.key not in ki:
                    ge.add(ins.imm.key)
                elif ins.op == "setvar":
                    ki.add(ins.imm.key)
                    if ins.imm.var not in exits:
                        candidates.add(ins.imm.key)
            gen[k], kill[k] = ge, ki
        for k in gen:
            gen[k] &= candidates
        live = {k: set(gen[k]) for k in g.blocks}
        order = [(k, g.blocks[k]) for k in g.backward_order()]
        changed = True
        while changed:              # (backward: live-in = gen | (live-out - kill))
            changed = False
            for k, b in order:
                out = set()
                for t in b.succs():
                    out |= live[t]
                new = gen[k] | (out - kill[k])
                if new != live[k]:
                    live[k] = new
                    changed = True
        return candidates, live
