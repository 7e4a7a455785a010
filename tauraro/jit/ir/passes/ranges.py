"""Range analysis: the interval of every int value, and the guards it makes needless.

Each int value gets an interval [lo, hi]. The intervals of the frame variables'
slots flow forward through the blocks (a ``setvar`` sets its slot's, a merge joins
its predecessors'), starting from "any value" for the slots live at the loop's
entry; the flow is iterated until it is stable, and at a loop header a bound still
moving after a few rounds is widened to the 64-bit limit, so the iteration ends. The
flow carries only the slots and values the pass asks about and what they are computed
from (``needed``): a loop with many calls inlined has thousands of values, few of them
behind a guard or a comparison of ints.

Then, per op (with an explicit default: keep it):
- an overflow guard (``add_ov`` ...) whose result interval fits 64 bits becomes its
  unguarded twin; an ``add_ov`` or ``sub_ov`` that stays, with an operand known to be
  >= 0, becomes ``add_ov_nn`` / ``sub_ov_nn``, whose check is one comparison;
- ``check_nonzero``, ``check_nonneg`` and ``check_int53`` whose operand's interval
  passes are dropped;
- ``index`` with a non-negative index becomes ``index_nonneg`` (no wrap-around);
- ``//`` and ``%`` by a constant c > 0 of a non-negative int become ``floordiv_nn`` and
  ``mod_nn``: an unsigned division, with no correction for Python's floor; and where the
  int's bound lets a 64-bit product stand for the division (see ``reciprocal``),
  ``floordiv_mul`` and ``mod_mul``: a multiply and a shift (a division's latency is tens
  of cycles, and Cranelift divides by a constant with a division);
- ``//`` and ``%`` by an int that is not a constant, of a >= 0 by b > 0, become
  ``floordiv_nnv`` and ``mod_nnv``: the unsigned division alone (the emitter otherwise
  tests the signs at run time);
- ``range_check`` whose stop + step cannot overflow is dropped;
- a comparison of ints the intervals decide (``0 <= v < 1000`` after ``v = x % 1000``)
  becomes a constant; then cse and fold run again, so the selects and branches on it
  go, with the blocks only they reached;
- the adds of a sum the loop carries, bounded by how long a run may be, lose their
  guards (``accumulate``).

A branch narrows intervals on its edges: past ``range_done`` (the loop body), a range
iterator's position is below its stop (step > 0) or above it (step < 0); past a
comparison of ints, or a test of an int's truth (``while y:`` -- y != 0, which moves an
end of the interval that is 0), the slots holding a compared value at the end of the
block -- the one it was read from, those the block last wrote with it -- are within what
the comparison says on that edge.

Seeds: a variable live at the loop's entry, of which nothing is known there, that every
iteration sets and only ever to values within a bound (``x = (x * a + c) & 0x7FFFFFFF``),
is analysed as starting within the bound, if that proves more guards or comparisons;
checks at the loop's entry (``check_abs``, and ``check_nonneg`` for a bound from 0) make
sure of it, and a run entered beyond it leaves at once for the interpreter, after whose
iteration the variable is within it.
"""
from __future__ import annotations

from ..graph import Ins
from ..ops import OPS
from . import accumulate, cse, fold
from .intervals import BOOL, FULL, I64_MAX, I64_MIN, LENGTH, RULES, default
from .licm import _dominating_back_edges
from .rewrite import substitute

_INT_OR_BOOL = ("int", "bool")
ROUNDS_BEFORE_WIDENING = 3
_READ, _WRITE, _COMPUTE = "read", "write", "compute"      # the kinds of a block plan's steps


def _clamp(lo, hi):
    return (max(lo, I64_MIN), min(hi, I64_MAX))


def _join(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]))


def _fits(lo, hi):
    return I64_MIN <= lo and hi <= I64_MAX


def entry_interval(slot_key):
    """What a slot may hold at the loop's entry, by its value's type (the entry checks make
    sure): a range iterator counting up from 0 has a position >= 0, a step's sign is the
    version's, a length or a list iterator's index is >= 0; else any value."""
    from ...jtypes import RangeType, SeqIterType, SeqType
    _, jt, part = slot_key
    name = jt.parts[part][0]
    if isinstance(jt, RangeType):
        if name in ("cur", "start") and jt.nonneg:
            return (0, I64_MAX)
        if name == "step" and jt.direction:
            return (1, I64_MAX) if jt.direction > 0 else (I64_MIN, -1)
    elif isinstance(jt, SeqIterType) and name == "idx" or isinstance(jt, SeqType) and name == "len":
        return LENGTH
    return FULL


class Ranges:
    def __init__(self, graph, entry: dict, needed=None):
        """``entry``: slot key -> its interval at the loop's entry, for the slots whose
        entry value may be read (``entry_intervals``; copied, the seeds update it);
        ``needed``: (slot keys, values) the flow computes -- ``needed(graph)``, every one the
        pass asks about and what they are computed from -- or None for all of them."""
        self.graph = graph
        self.values: dict = {}
        self.slots = dict(entry)
        self.needed = needed
        self.fresh: set = set()         # reads of a slot before their block writes it
        self.body_facts = self._body_facts()
        # the blocks with a fact (only their writes need ``written``'s lookups)
        self._fact_blocks = {block for block, _ in self.body_facts}
        self._plans: dict = {}          # block key -> its plan (see _plan)
        self._slot_reads: dict = {}
        self.elements: dict = {}        # the lists whose int elements are within 2**ELEMENT_BITS

    def of(self, v):
        r = self.values.get(v)
        if r is not None:
            return r
        if v.op == "int":
            return (v.imm, v.imm)
        if v.op == "bool":
            return (v.imm, v.imm)
        return FULL if v.type == "int" else BOOL if v.type == "bool" else None

    # --- transfer functions: the interval an op's result can have (unclamped) ---------------------
    def compute(self, ins):
        """The interval of ``ins``'s result (unclamped), by its op's rule (intervals.RULES;
        BOOL for another op with a bool result, FULL for one with an int result, else None)."""
        rule = RULES.get(ins.op)
        return rule(self, ins) if rule is not None else default(ins)

    def written(self, block, v):
        """The interval of ``v`` where ``block`` writes it to a slot: a range iterator's
        position is refined in the block running the loop body."""
        r = self.of(v)
        if not self.body_facts:         # (the graph runs no range loop's body)
            return r
        fact = self.body_facts.get((block.key, v))
        if fact is None and v.op == "getvar" and v in self.fresh:
            fact = self.body_facts.get((block.key, v.imm.key))
        if fact is None or r is None:
            return r
        how, stop = fact
        s = self.of(stop)
        return (r[0], min(r[1], s[1] - 1)) if how == "below" else (max(r[0], s[0] + 1), r[1])

    def run(self):
        g = self.graph
        order = g.rpo()
        preds = g.preds(order)
        out: dict = {}
        ins_at: dict = {}
        visits: dict = {}
        # Work a round need not redo (the result is the same): a block (not a loop header,
        # whose visits count) none of whose predecessors ran since it last did, and a block
        # whose entry state and range-loop stops are as when it last ran. (This holds while
        # _through depends on the entry state, the block's own values and the stops only,
        # and on_edge on its source block's out and values: whatever else they come to
        # read belongs in these keys.)
        ran: dict = {}              # block -> times it ran (its out, its values may differ)
        inputs_seen: dict = {}
        seen: dict = {}
        changed = True
        while changed:
            changed = False
            for k in order:
                if k not in g.loop_headers:
                    inputs = tuple([ran.get(p, 0) for p in preds[k]])
                    if inputs_seen.get(k) == inputs:
                        continue
                    inputs_seen[k] = inputs
                state = self._entry_state() if k == g.entry else None
                for p in preds[k]:
                    if p in out:
                        # (the first edge's state as it is: a join copies what it widens, and
                        # _through runs on a copy -- no state is changed once made)
                        edge = self.on_edge(p, k, out[p])
                        state = edge if state is None else _join_states(state, edge)
                if state is None:
                    continue
                if k in g.loop_headers:
                    visits[k] = visits.get(k, 0) + 1
                    old = ins_at.get(k)
                    if old is not None and visits[k] > ROUNDS_BEFORE_WIDENING:
                        state = _widen(old, state)
                    ins_at[k] = state
                stops = self._stops.get(k)
                memo = (state, stops and tuple(self.of(stop) for stop in stops))
                if seen.get(k) == memo:
                    continue
                seen[k] = memo
                ran[k] = ran.get(k, 0) + 1
                state = self._through(g.blocks[k], state)
                if out.get(k) != state:
                    out[k] = state
                    changed = True

    def _entry_state(self) -> dict:
        """The slots' intervals at the loop's entry, of the slots the flow computes."""
        if self.needed is None:
            return dict(self.slots)
        keys = self.needed[0]
        return {k: v for k, v in self.slots.items() if k in keys}

    def on_edge(self, source, target, state):
        """The slots' intervals on the edge ``source`` -> ``target``: a branch on a
        comparison (or on an int's truth) narrows the slots that hold a compared value at
        the end of the block: the slot it was read from (if the block did not write the
        slot after reading it) and the slots the block last wrote with it."""
        t = self.graph.blocks[source].term
        if t[0] != "branch" or t[2] == t[3] or t[1].op not in _NARROW:
            return state
        cond = t[1]
        if cond.op == "int_truth":         # (while y: -- y != 0 on the true edge)
            op = "ne" if target == t[2] else "eq"
            a, b = cond.args[0], _ZERO
        else:
            op = cond.op if target == t[2] else _NEGATED[cond.op]
            a, b = cond.args
        out = None
        for x, y, rel in ((a, b, op), (b, a, _SWAPPED[op])):
            for key in self.slots_holding(x, source):
                have = state.get(key)
                if have is None:
                    continue
                ylo, yhi = self.of(y)
                lo, hi = have
                if rel == "lt":
                    hi = min(hi, yhi - 1)
                elif rel == "le":
                    hi = min(hi, yhi)
                elif rel == "gt":
                    lo = max(lo, ylo + 1)
                elif rel == "ge":
                    lo = max(lo, ylo)
                elif rel == "eq":
                    lo, hi = max(lo, ylo), min(hi, yhi)
                elif ylo == yhi:                # ne a single value: an end of the interval moves
                    lo, hi = lo + (lo == ylo), hi - (hi == ylo)
                if lo > hi:
                    continue        # (an edge never taken)
                if out is None:
                    out = dict(state)
                out[key] = (lo, hi)
        return state if out is None else out

    def slots_holding(self, v, block_key) -> tuple:
        """The slots that hold ``v`` at the end of the block: the one it was read from, if
        the block did not write it after, and those whose last write in the block is ``v``."""
        if v.type != "int":
            return ()
        k = (v, block_key)
        if k not in self._slot_reads:       # (asked again on every round of the flow)
            self._slot_reads[k] = self._slots_holding(v, block_key)
        return self._slot_reads[k]

    def _slots_holding(self, v, block_key):
        instrs = self.graph.blocks[block_key].instrs
        last = {}
        for ins in instrs:
            if ins.op == "setvar":
                last[ins.imm.key] = ins.args[0]
        out = [key for key, w in last.items() if w is v]
        if v.op == "getvar":
            key = v.imm.key
            if v in instrs:
                after = instrs[instrs.index(v) + 1:]
            elif v in self.graph.preheader:
                after = [i for b in self.graph.blocks.values() for i in b.instrs]
            else:
                after = None
            if after is not None and not any(i.op == "setvar" and i.imm.key == key for i in after):
                out.append(key)
        return tuple(out)

    def _through(self, b, state):
        """The slots' intervals after block ``b`` (a new dict if it writes one: ``state`` is
        not changed); the values' intervals on the way."""
        # (run for every block on every round of the flow: the pass's innermost loop, so
        # what does not change between rounds is found once, in the block's plan)
        plan = self._plans.get(b.key)
        if plan is None:
            plan = self._plans[b.key] = self._plan(b)
        values = self.values
        facts = b.key in self._fact_blocks
        copied = False
        for kind, ins, x, y in plan:
            if kind is _COMPUTE:            # x: the op's rule, y: the interval without one
                r = x(self, ins) if x is not None else y
                if r is not None:
                    lo, hi = r
                    values[ins] = (lo if lo > I64_MIN else I64_MIN, hi if hi < I64_MAX else I64_MAX)
            elif kind is _READ:             # x: the slot's key, y: is it a length?
                r = state.get(x)
                if r is None and y:
                    r = LENGTH
                if r is not None:
                    values[ins] = r
                else:
                    values.pop(ins, None)
            else:                           # _WRITE: x: the slot's key, y: the value
                if not copied:
                    state, copied = dict(state), True
                state[x] = self.written(b, y) if facts else (values.get(y) or self.of(y))
        return state

    def _plan(self, b) -> list:
        """What _through does for each instruction of ``b`` that it does something for:
        (_READ, getvar, slot key, is the slot a length), (_WRITE, setvar, slot key, value)
        for an int or bool slot, (_COMPUTE, ins, its op's rule or None, the interval
        without one) for an int or bool value. Made at the block's first visit (the
        instructions do not change while the flow runs), which also notes the block's
        ``fresh`` reads."""
        plan = []
        written = set()
        keys, values = self.needed if self.needed is not None else (None, None)
        for ins in b.instrs:
            op = ins.op
            if op == "getvar":
                slot = ins.imm
                key = slot.key
                if key not in written:
                    self.fresh.add(ins)          # the slot's value as the block found it
                if keys is None or key in keys:
                    plan.append((_READ, ins, key, slot.jtype.parts[slot.part][0] == "len"))
            elif op == "setvar":
                slot = ins.imm
                written.add(slot.key)
                if slot.type in _INT_OR_BOOL and (keys is None or slot.key in keys):
                    plan.append((_WRITE, ins, slot.key, ins.args[0]))
            elif ins.type in _INT_OR_BOOL and (values is None or ins in values):
                rule = RULES.get(op)
                plan.append((_COMPUTE, ins, rule, None if rule is not None else default(ins)))
        return plan

    def _body_facts(self):
        """(block, position) -> ("below" | "above", stop) for each block that runs a range
        loop's body: past ``range_done``, the position has not reached the stop. The
        position is the header's read of it, or (where the body block's one predecessor is
        the header, which writes no position) the body's own read of the slot before it
        writes it: (block, slot key) -> the same."""
        out = {}
        preds = None
        for b in self.graph.blocks.values():
            t = b.term
            if t[0] != "branch" or t[1].op != "range_done" or t[1].imm == 0:
                continue
            cur, stop, _ = t[1].args
            fact = ("below", stop) if t[1].imm > 0 else ("above", stop)
            out[(t[3], cur)] = fact
            if cur.op == "getvar" and t[2] != t[3] \
                    and not any(i.op == "setvar" and i.imm.key == cur.imm.key for i in b.instrs):
                if preds is None:
                    preds = self.graph.preds(self.graph.rpo())
                if preds.get(t[3]) == [b.key]:
                    out[(t[3], cur.imm.key)] = fact
        self._stops = {}                    # block -> the stops its writes are bounded by
        for (block, _), (_, stop) in out.items():
            self._stops.setdefault(block, []).append(stop)
        return out


_COMPARE = {"lt", "le", "gt", "ge", "eq", "ne"}
_NARROW = _COMPARE | {"int_truth"}


def needed(graph) -> tuple:
    """(slot keys, values): what the flow must compute for every interval the pass asks
    about -- the operands and results of the guards and divisions it may rewrite
    (``_APPLIES``, ops with an unguarded twin), of comparisons and checks, the values
    written to int and bool slots (accumulate's sums, the seeds), branch conditions'
    operands (the edges' narrowing) and the range loops' operands (their stops bound the
    position) -- and all they are computed from: a read's slot, a slot's writes, a value's
    operands. A ray tracer's pixel loop, 6,000 instructions of which 19 guards or
    comparisons of ints, had its flow run over every slot of every inlined frame (14 ms)."""
    values: set = set()
    work = []
    writes: dict = {}           # slot key -> the values written to it
    for b in graph.blocks.values():
        for ins in b.instrs:
            op = ins.op
            if op == "setvar":
                if ins.imm.type in _INT_OR_BOOL:
                    writes.setdefault(ins.imm.key, []).append(ins.args[0])
                    work.append(ins.args[0])
            elif op in _APPLIES or op in _COMPARE or op in _CHECKS or OPS[op].unguarded is not None:
                work.append(ins)
        t = b.term
        if t[0] == "branch" and (t[1].op in _NARROW or t[1].op == "range_done"):
            work.extend(t[1].args)
    keys: set = set()
    while work:
        v = work.pop()
        if v in values:
            continue
        values.add(v)
        if v.op == "getvar":
            key = v.imm.key
            if key not in keys:
                keys.add(key)
                work.extend(writes.get(key, ()))
        else:
            work.extend(a for a in v.args if isinstance(a, Ins))
    return keys, values
_ZERO = Ins("int", imm=0)
_NEGATED = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt", "eq": "ne", "ne": "eq"}
_SWAPPED = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}


def _join_states(a, b):
    if a is None:
        return dict(b)
    out = dict(a)
    for k, y in b.items():
        x = out.get(k)
        if x is None:
            out[k] = y
        elif y is not None and x != y:
            out[k] = (min(x[0], y[0]), max(x[1], y[1]))
    return out


def _widen(old, new):
    out = dict(new)
    for k, n in new.items():
        o = old.get(k)
        if o is not None and n is not None and n != o:
            out[k] = (I64_MIN if n[0] < o[0] else n[0], I64_MAX if n[1] > o[1] else n[1])
    return out


def entry_intervals(live) -> dict:
    """Slot key -> ``entry_interval``, for the slots live at entry (made once a pass: every
    analysis the pass runs starts from them)."""
    return {k: entry_interval(k) for k in live}


def run(graph):
    live = {k for k in graph.slots if k[0] in graph.entry_vars}
    entry = entry_intervals(live)
    # (the analyses below may change instructions -- accumulate's unguarded adds -- which
    # only lowers what they ask about: the slice made first covers them all)
    need = needed(graph)
    analysis = Ranges(graph, entry, need)
    analysis.run()
    carried = _carried_seeds(graph, analysis, live)
    if carried and _depends(graph, analysis, carried):
        # would the loop's own bounds on its variables prove more?
        seeded = Ranges(graph, entry, need)
        seeded.slots.update(carried)
        seeded.run()
        if _proofs(graph, seeded) > _proofs(graph, analysis):
            analysis = seeded   # (sound once entry checks make sure of the seeds)
            _entry_checks(graph, carried)
        else:
            carried = {}
    unproved = accumulate.run(graph, analysis.of)
    seeds = accumulate.range_seeds(graph, live) if unproved else None
    if seeds:                   # would bounded ranges prove the sums left?
        second = Ranges(graph, entry, need)
        second.slots.update(carried)
        second.slots.update(seeds)
        second.run()
        if len(accumulate.run(graph, second.of, set(unproved), seeds)) < len(unproved):
            analysis = second   # (sound now: entry checks make sure of the seeds)
        else:
            seeds = None
    unproved = accumulate.inner(graph, analysis.of)
    lists = accumulate.element_lists(graph) if unproved and graph.elements_allowed else None
    if lists and not accumulate.sums_loads(graph, unproved, lists):
        lists = None            # (no sum adds an element read: bounds on them would not help)
    if lists:                   # would the elements of the lists read, bounded, prove them?
        third = Ranges(graph, entry, need)
        third.slots.update(carried)
        third.slots.update(seeds or {})
        third.elements = lists
        third.run()
        if len(accumulate.inner(graph, third.of, set(unproved))) < len(unproved):
            analysis = third    # (sound now: the entry checks the lists' elements)
            graph.element_lists = lists
    decided = {}
    deciding = set()            # (the blocks of the comparisons decided: their uses are there)
    for b in graph.blocks.values():
        kept = []
        for ins in b.instrs:
            if ins.op in _APPLIES and not _apply(analysis, ins):
                continue
            if ins.op in _COMPARE:
                known = _compare(ins.op, analysis.of(ins.args[0]), analysis.of(ins.args[1]))
                if known is not None:       # (a value already checked: v = x % 1000; 0 <= v < 1000)
                    decided[ins] = Ins("bool", imm=int(known), line=ins.line)
                    ins = decided[ins]
                    deciding.add(b.key)
            kept.append(ins)
        b.instrs = kept
    if decided:                 # its uses see the constant: selects, branches and blocks go
        substitute(graph, decided, deciding)
        cse.run(graph, deciding)    # (a slot written with it and read back in the block)
        fold.run(graph, deciding)


SEED_LIMIT = 1 << 62        # a variable the loop keeps within this is checked at entry, if that proves more


def _carried_seeds(graph, analysis, live) -> dict:
    """Slot key -> (-b, b), or (0, b), for each int variable live at entry, of which nothing
    is known there, that the loop only ever sets to values within that (x = (x * a + c) &
    0x7FFFFFFF):
    entered within b, it stays so, and its own updates (x * a) may be proved. Only a
    variable every iteration sets: one entered beyond b is within b after the iteration
    the interpreter runs when the entry check fails (a variable set on some paths only
    could stay beyond b, and the loop fail its entry check every time)."""
    written: dict = {}
    where: dict = {}
    for blk in graph.blocks.values():
        for ins in blk.instrs:
            if ins.op == "setvar" and ins.imm.type == "int" and ins.imm.key in live:
                key = ins.imm.key
                written[key] = _join(written.get(key), analysis.of(ins.args[0]))
                where.setdefault(key, set()).add(blk.key)
    seeds = {}
    for key, (lo, hi) in written.items():
        bound = max(-lo, hi)
        if bound < SEED_LIMIT and analysis.slots.get(key) == FULL:
            seeds[key] = (0 if lo >= 0 else -bound, bound)
    if seeds:
        every = _dominating_back_edges(graph)       # (the blocks every iteration runs)
        seeds = {key: seed for key, seed in seeds.items() if where[key] & every}
    return seeds


def _depends(graph, analysis, seeds) -> bool:
    """Does a guard or comparison the intervals leave compute an operand from a read of a
    seeded variable (in its block)? Only then may a seeded analysis prove more (a cheap
    test: the analysis costs as much again)."""
    of = analysis.of
    seen = set()

    def reads(v) -> bool:
        stack = [v]
        while stack:
            v = stack.pop()
            if v in seen:
                continue
            seen.add(v)
            if v.op == "getvar":
                if v.imm.key in seeds:
                    return True
            else:
                stack.extend(v.args)
        return False
    for blk in graph.blocks.values():
        for ins in blk.instrs:
            op = ins.op
            if OPS[op].unguarded is not None or op in _CHECKS:
                if reads(ins):
                    return True
            elif op in _COMPARE and _compare(op, of(ins.args[0]), of(ins.args[1])) is None:
                if reads(ins):
                    return True
    return False


_CHECKS = {"check_nonzero", "check_nonneg"}


def _proofs(graph, analysis) -> int:
    """How many guards and comparisons the intervals of ``analysis`` remove (what _apply
    and run would do, counted without doing it)."""
    of = analysis.of
    n = 0
    for blk in graph.blocks.values():
        for ins in blk.instrs:
            op = ins.op
            if OPS[op].unguarded is not None:
                r = analysis.compute(ins)
                n += r is not None and _fits(*r)
            elif op == "check_nonzero":
                a = of(ins.args[0])
                n += a[0] > 0 or a[1] < 0
            elif op == "check_nonneg":
                n += of(ins.args[0])[0] >= 0
            elif op in _COMPARE:
                n += _compare(op, of(ins.args[0]), of(ins.args[1])) is not None
    return n


def _entry_checks(graph, seeds):
    """Guards at the loop's entry that the seeded variables start within their bounds (else
    the run leaves at once, state intact, and the interpreter runs an iteration)."""
    from ...exits import GUARD
    from ..graph import Snapshot
    e = graph.entry_state
    for key, (lo, hi) in sorted(seeds.items(), key=lambda item: graph.slots[item[0]].name):
        slot = graph.slots[key]
        snap = graph.snapshot(Snapshot(e.code, e.pc, e.line, "%s outside [%d, %d] at entry" % (slot.name, lo, hi),
                                       GUARD, e.values))
        read = Ins("getvar", imm=slot, line=e.line)
        graph.preheader += [read, Ins("check_abs", (read,), imm=hi, snap=snap, line=e.line)]
        if lo == 0:
            graph.preheader.append(Ins("check_nonneg", (read,), snap=snap, line=e.line))


def _compare(op, a, b):
    """True or False if ``a op b`` is for every a and b in the intervals, else None."""
    if op == "lt":
        return True if a[1] < b[0] else False if a[0] >= b[1] else None
    if op == "le":
        return True if a[1] <= b[0] else False if a[0] > b[1] else None
    if op == "gt":
        return _compare("lt", b, a)
    if op == "ge":
        return _compare("le", b, a)
    if a[1] < b[0] or b[1] < a[0]:
        return op == "ne"               # disjoint
    if a[0] == a[1] == b[0] == b[1]:
        return op == "eq"
    return None


def _apply(analysis, ins):
    """Rewrite ``ins`` by what the intervals prove; False to drop it."""
    op = ins.op
    d = OPS[op]
    of = analysis.of
    if op in _DIVISIONS:
        a, b = of(ins.args[0]), of(ins.args[1])
        if a[0] >= 0 and b[0] > 0:         # C's division is Python's: no sign test, no correction
            ins.op = _DIVISIONS[op]
            ins.snap = None
            return True
    if d.unguarded is not None:
        r = analysis.compute(ins)
        if r is not None and _fits(*r):
            if op == "floordiv_ov":
                a, b = of(ins.args[0]), of(ins.args[1])
                if not (a[0] > I64_MIN or b[0] > -1 or b[1] < -1):
                    return True
            ins.op = d.unguarded
            ins.snap = None
        elif op in ("add_ov", "sub_ov"):
            # a guard that stays is one comparison where an operand's sign is known
            a, b = of(ins.args[0]), of(ins.args[1])
            if b[0] >= 0:
                ins.op = op + "_nn"
            elif op == "add_ov" and a[0] >= 0:
                ins.op = "add_ov_nn"
                ins.args = (ins.args[1], ins.args[0])
        return True
    if op == "check_nonzero":
        a = of(ins.args[0])
        return not (a[0] > 0 or a[1] < 0)
    if op == "check_nonneg":
        return of(ins.args[0])[0] < 0
    if op == "check_int53":
        a = of(ins.args[0])
        return not (a[0] >= -(1 << 53) and a[1] <= (1 << 53))
    if op in ("floordiv_const", "mod_const", "floordiv_nn", "mod_nn") and ins.imm > 0 and of(ins.args[0])[0] >= 0:
        floor = op.startswith("floordiv")
        ins.op = "floordiv_nn" if floor else "mod_nn"
        if ins.imm & (ins.imm - 1):         # (a power of two is a shift or a mask already)
            magic = reciprocal(ins.imm, of(ins.args[0])[1])
            if magic is not None:
                ins.op = "floordiv_mul" if floor else "mod_mul"
                ins.imm = (ins.imm,) + magic
        return True
    if op == "index" and of(ins.args[2])[0] >= 0:
        ins.op = "index_nonneg"
        return True
    if op == "range_check":
        stop, step = of(ins.args[0]), of(ins.args[1])
        return not _fits(stop[0] + step[0], stop[1] + step[1])
    return True


# a division by an int (not a constant) and its twin for a >= 0, b > 0
_DIVISIONS = {"floordiv_ov": "floordiv_nnv", "floordiv": "floordiv_nnv", "mod": "mod_nnv"}
# the ops _apply may rewrite or drop (it keeps any other as it is)
_APPLIES = frozenset(_DIVISIONS) | {op for op, d in OPS.items() if d.unguarded is not None} | {
    "check_nonzero", "check_nonneg", "check_int53", "floordiv_const", "mod_const", "floordiv_nn", "mod_nn",
    "index", "range_check"}


def reciprocal(c: int, hi: int):
    """(m, s) such that a // c == (a * m) >> s for every 0 <= a <= hi, with a * m below
    2**64 (an unsigned 64-bit product); None if there is none.

    With m = ceil(2**s / c) and e = m * c - 2**s (0 <= e < c): writing a = q * c + r,
    a * m / 2**s = q + (r + a * e / 2**s) / c, and r <= c - 1, so the floor is q as long as
    a * e < 2**s -- for every a up to hi. The smallest such s is taken."""
    for s in range(64):
        m = -(-(1 << s) // c)
        if m * hi >= 1 << 64:
            return None
        if hi * (m * c - (1 << s)) < (1 << s):
            return m, s
    return None


def wide_reciprocal(d: int) -> tuple:
    """``reciprocal``'s twin for any value up to 2**63 (a 128-bit product, whose high half
    the emitter takes: emit._udiv_const): (m, k) with x // d == (x * m) >> (64 + k) for every
    0 <= x <= 2**63, d >= 2 not a power of two, m < 2**64. By the argument above with
    s = 63 + l, l = ceil(log2(d)): e < d <= 2**l, so x * e < 2**s for x < 2**63 (Granlund and
    Montgomery, "Division by invariant integers using multiplication", 1994, theorem 4.2);
    and for x = 2**63 = q*d + r too, as x*m / 2**s = q + (r + e / 2**l) / d and
    r + e / 2**l < r + 1 <= d."""
    l = (d - 1).bit_length()
    return -(-(1 << (63 + l)) // d), l - 1
