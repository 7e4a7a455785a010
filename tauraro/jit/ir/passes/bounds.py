"""Bounds checks an index proves: ``a[i]`` in ``for i in range(len(a))``.

Range analysis knows intervals of numbers; whether ``i < len(a)`` is a relation between
two values, which it does not track. This pass proves the one relation hot loops lean on:
an index that is a range loop's position, counting up below a stop that is the length of
the indexed record. Then ``index_nonneg(a, n, i)`` (a guard) becomes ``elem(a, i)``.

What it takes, for an ``index_nonneg`` whose index is a read of slot I:

- I is written at exactly one place, ``I := cur``, in the block running the body of a
  range loop counting up (the target of ``range_done``'s false edge, whose one
  predecessor is the header), with ``cur`` the iterator's position read before that
  block writes it: there, cur < stop (``range_done`` said so).
- That write dominates the read, so the value read is the one written.
- The stop the header compared and the length the index checks against are the same
  value for the whole run: reads of a slot the region never writes (a record's length:
  native code never changes one), or of a slot every write of which writes such a value,
  where the read cannot see the slot's value from before the entry (the variable is not
  live there, or one write runs before the read): ``range(len(a))`` sets its iterator's
  stop at each start of the loop, and loops one after another share the register.

Where the stop is not the length (``m = len(a)`` before the loop, ``range(1, n)``, an inner
``range(i)`` up to an outer position) the relation is checked instead, once, before the
loop: ``bound`` finds an invariant K and an offset with ``i <= K + off`` (a position is
below its stop, an inner stop may be an outer position, ``j + 1`` adds 1, and a slot only
decreasing from bounded starts -- ``j = i - 1`` ... ``j -= 1`` -- stays below them), and a
guard ``K <= len + d`` (``check_le``, d = -off - 1) in the preheader makes every such index
in bounds. A run whose K is beyond leaves at entry, state intact; the interpreter runs the
loop as written and raises IndexError where CPython does. (A loop whose stop passes the
length without indexing that far -- it breaks first -- then runs interpreted: exact, and
rare.) An index that is itself invariant is left to licm, which hoists its check only where
every iteration runs it.

Everything else (the default) keeps its guard.
"""
from __future__ import annotations

from ...exits import GUARD
from ..graph import Ins, Snapshot


def run(graph):
    checks = [ins for b in graph.blocks.values() for ins in b.instrs if ins.op == "index_nonneg"]
    if not checks:
        return
    p = _Proof(graph)
    hoisted: dict = {}          # (stop's key, length's key) -> the least slack d: stop <= length + d
    for ins in checks:
        if p.below_length(ins):
            pass
        else:
            need = p.hoistable(ins)
            if need is None:
                continue
            stop, length, d = need
            hoisted[(stop, length)] = min(d, hoisted.get((stop, length), d))
        base, _, i = ins.args
        ins.op, ins.args, ins.snap = "elem", (base, i), None     # (its users keep it)
    if hoisted:
        _entry_guards(graph, hoisted)


def _entry_guards(graph, hoisted):
    """``stop <= length + d`` for each, checked once before the loop: a run whose stop is
    beyond leaves at entry, from where the interpreter runs the loop as written."""
    e = graph.entry_state
    read: dict = {}
    for (stop, length), d in hoisted.items():
        slot = graph.slots[length[1]]
        snap = graph.snapshot(Snapshot(e.code, e.pc, e.line, "a range's stop beyond %s%s at entry"
                                       % (slot.name, " %+d" % d if d else ""), GUARD, e.values))
        for key in (stop, length):
            if key not in read:
                read[key] = _value(graph, key, e.line)
                graph.preheader.append(read[key])
        a, n = read[stop], read[length]
        if d:
            k = Ins("int", imm=d, line=e.line)
            n = Ins("add", (n, k), line=e.line)
            graph.preheader += [k, n]
        graph.preheader.append(Ins("check_le", (a, n), snap=snap, line=e.line))


def _shift(v):
    """c if ``v`` is ``x + c`` or ``x - (-c)`` for a constant c (any add or sub op), else None."""
    if v.op in _ADDS and v.args[1].op == "int":
        return v.args[1].imm
    if v.op in _SUBS and v.args[1].op == "int":
        return -v.args[1].imm
    return None


_ADDS = {"add", "add_ov", "add_ov_nn"}
_SUBS = {"sub", "sub_ov", "sub_ov_nn"}


def _value(graph, key, line):
    """An instruction for an invariant's key (see _Proof.invariant), read before the loop."""
    if key[0] == "int":
        return Ins("int", imm=key[1], line=line)
    return Ins("getvar", imm=graph.slots[key[1]], line=line)


class _Proof:
    def __init__(self, graph):
        self.graph = graph
        self.writes: dict = {}          # slot key -> its setvars
        self.position = {}              # instruction -> (block key, position)
        for b in graph.blocks.values():
            for pos, ins in enumerate(b.instrs):
                self.position[ins] = (b.key, pos)
                if ins.op == "setvar":
                    self.writes.setdefault(ins.imm.key, []).append(ins)
        order = graph.rpo()
        self.preds = graph.preds(order)
        self._dom = None
        # block running a range loop's body (counting up) -> (its header, the range_done)
        self.bodies = {}
        for b in graph.blocks.values():
            t = b.term
            if t[0] == "branch" and t[1].op == "range_done" and t[1].imm > 0 and t[2] != t[3] \
                    and self.preds.get(t[3]) == [b.key]:
                self.bodies[t[3]] = (b.key, t[1])

    def dominates(self, a, b) -> bool:
        if self._dom is None:
            self._dom = self.graph.dominators()
        return a in self._dom.get(b, ())

    def before(self, first, then) -> bool:
        """Does the instruction ``first`` run before ``then`` on every path to ``then``?"""
        fb, fp = self.position[first]
        tb, tp = self.position[then]
        return fp < tp if fb == tb else self.dominates(fb, tb)

    def below_length(self, ins: Ins) -> bool:
        _, n, i = ins.args
        done = self.position_of(i)
        if done is None:
            return False
        stop = self.invariant(done.args[1], done)
        return stop is not None and stop == self.invariant(n, ins)

    def hoistable(self, ins: Ins):
        """(stop, length, d) if the index is bounded by ``bound`` (not an invariant, which
        licm hoists where every iteration reads it): in bounds wherever
        ``stop <= length + d``, both invariants (keys)."""
        _, n, i = ins.args
        length = self.invariant(n, ins)
        if length is None or length[0] != "slot" or length[1] not in self.graph.slots \
                or self.invariant(i, ins) is not None:
            return None
        b = self.bound(i, ins)
        if b is None or b[0][0] == "slot" and b[0][1] not in self.graph.slots:
            return None
        key, off = b            # i <= key + off: in bounds iff key + off < n
        d = -off - 1
        if abs(d) > 1 << 32:
            return None         # (length + d computed in 64 bits: keep it far from the edges)
        return key, length, d

    def bound(self, v: Ins, at: Ins, depth: int = 0):
        """(key, off): ``v <= (the invariant of key) + off`` wherever ``at`` runs; None if
        none is found. A range's position is below its stop; an inner range's stop may be an
        outer one's position (``for j in range(i)``); ``v + c`` is below the bound of ``v``
        plus c; and a slot not live at entry is below the largest bound of the values it is
        set to, where its other writes only decrease it (``j = i - 1`` ...
        ``while j >= 0 and a[j] > x: ...; j -= 1``)."""
        if depth >= 6:
            return None
        key = self.invariant(v, at)
        if key is not None:
            return key, 0
        c = _shift(v)
        if c is not None:
            b = self.bound(v.args[0], at, depth + 1)
            return None if b is None else (b[0], b[1] + c)
        done = self.position_of(v)
        if done is not None:
            b = self.bound(done.args[1], done, depth + 1)
            return None if b is None else (b[0], b[1] - 1)
        if v.op != "getvar" or v.imm.var in self.graph.entry_vars:
            return None
        # not live at entry: every read follows some write (see invariant), of a value
        # within a bound, or no larger than the slot's value before
        found = set()
        for w in self.writes.get(v.imm.key, []):
            x = w.args[0]
            c = _shift(x)
            if c is not None and c <= 0 and x.args[0].op == "getvar" and x.args[0].imm.key == v.imm.key:
                continue
            found.add(self.bound(x, w, depth + 1))
        if not found or None in found or len({k for k, _ in found}) != 1:
            return None
        return next(iter(found))[0], max(off for _, off in found)

    def position_of(self, i: Ins):
        """The ``range_done`` of the range loop (counting up) whose position ``i`` is: then
        ``i`` is below the stop it compared. None if that is not sure."""
        if i.op != "getvar" or i not in self.position:
            return None
        writes = self.writes.get(i.imm.key, [])
        if len(writes) != 1:
            return None
        w = writes[0]
        wblock = self.position[w][0]
        if not self.before(w, i):
            return None
        cur = w.args[0]
        loop = self.bodies.get(wblock)
        if loop is None or cur.op != "getvar" or self.position.get(cur, (None,))[0] != wblock:
            return None
        header, done = loop
        cur_slot = cur.imm.key
        if done.args[0].op != "getvar" or done.args[0].imm.key != cur_slot:
            return None
        head = self.graph.blocks[header].instrs
        if any(x.op == "setvar" and x.imm.key == cur_slot for x in head):
            return None
        body = self.graph.blocks[wblock].instrs
        if any(x.op == "setvar" and x.imm.key == cur_slot for x in body[:self.position[cur][1]]):
            return None
        return done

    def invariant(self, v: Ins, at: Ins, depth: int = 0):
        """A key equal for two values that are equal wherever ``at`` runs, all run long:
        a constant, a read of a slot never written, or a read of a slot written once
        (before ``at``) with such a value; None for anything else."""
        if v.op == "int":
            return ("int", v.imm)
        if v.op == "seq_len" and v.args[0].op == "getvar" and depth < 4:
            slot = v.args[0].imm
            if slot.part == 0 and len(slot.jtype.parts) == 2 and slot.jtype.parts[1][0] == "len" \
                    and not self.writes.get(slot.key):
                return ("slot", (slot.var, slot.jtype, 1))
            return None
        if v.op != "getvar" or depth >= 4:
            return None
        writes = self.writes.get(v.imm.key, [])
        if not writes:
            return ("slot", v.imm.key)
        if v.imm.var not in self.graph.entry_vars:
            # not live at entry: every read follows some write; if all write one value...
            keys = {self.invariant(w.args[0], w, depth + 1) for w in writes}
            return keys.pop() if len(keys) == 1 else None
        if len(writes) != 1 or v not in self.position:
            return None
        w = writes[0]
        if not self.before(w, v):
            return None
        return self.invariant(w.args[0], w, depth + 1)
