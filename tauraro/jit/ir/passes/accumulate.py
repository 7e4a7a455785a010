"""Accumulators: the overflow guard of ``s += d`` that a run's length proves needless.

Range analysis cannot bound a sum the loop carries (``total += i``, ``count += 1``):
its interval grows every iteration and is widened to the 64-bit limit. But a native run
can be made finite in a way the analysis can use: a loop over a range leaves (at its
header, state intact, like a Ctrl-C) once it has run ``BUDGET`` iterations in one run --
at 0.3 ns an iteration, a fiftieth of a second; the interpreter then enters again. It
costs nothing an iteration: the header compares the position with a limit the entry
computes (the stop, or ``BUDGET`` steps on if that comes first), and only on reaching
it with the stop, which tells which. So in one run the loop's body executes at most
``BUDGET`` times, and a slot ``s`` that is only

- added to or subtracted from, ``s := s + d`` (``d``'s interval from range analysis,
  ``s`` read in the same block with no write between), or
- set to a value within ``ENTRY_BOUND`` (``s = 0`` on some path),

stays within ``ENTRY_BOUND + BUDGET * sum(|d|)`` of zero -- below 2**63 when the
increments are small (a counter, a digit, an element of a small range). Then its adds
need no guard. If ``s`` is live at the loop's entry, a guard at entry
(``check_abs``) makes sure it starts within ``ENTRY_BOUND``; a run entered with a
larger ``s`` leaves at once and the interpreter runs the loop.

Where a sum's steps are unbounded only because a range's ends are (``total += i`` for
``i`` in ``range(n)``), range analysis runs again with the ends of the ranges live at
entry within ``RANGE_BOUND`` (``range_seeds``); if that proves a sum, entry checks make
sure of those ends too.

Only regions of one loop over a range take part in the budget (a nested loop runs a
number of times per run that this does not bound), and only where exits resume where they
left (not a comprehension's, whose exits re-run an iteration); ``graph.budget`` tells the
emitter. (Such a region, if its ops all take bounded time, also polls for Ctrl-C at that
limit, once a chunk of iterations, not at every back edge: passes/polls.) The sums of an
*inner* range loop are bounded another way (``inner``, below): by its iterations, which
its stop and start bound, with the sum checked as it starts; and ``s += a[i]`` by the
elements of the lists the region only reads, checked at entry (``element_lists``;
``transfer.EntryRecords.small``).
"""
from __future__ import annotations

from ...exits import GUARD, INTERRUPT
from ..graph import Ins, Snapshot

BUDGET = 1 << 26            # iterations of the loop in one native run, at most (then it leaves)
ENTRY_BOUND = 1 << 62       # |s| at entry, and of what resets it
RANGE_BOUND = 1 << 32       # the ends of a range an index of which is summed, where that proves the sum
I64_MAX = (1 << 63) - 1
_ADDS = {"add_ov", "add_ov_nn", "sub_ov", "sub_ov_nn", "add", "sub"}


def run(graph, of, only=None, seeds=None) -> list:
    """Make the guards of accumulators' adds unguarded; ``of(value)`` is range analysis's
    interval of a value (found with ``seeds``, slot key -> interval, which entry checks
    then make sure of). The slots with adds left unproved are returned."""
    test = range_test(graph)
    if test is None:
        return []
    sites, adds = _sites(graph, of, graph.blocks)
    executions = BUDGET + 1
    proved, unproved = [], []
    for key, bounds in sites.items():
        if key not in adds or only is not None and key not in only:
            continue
        growth = sum(executions * d for d in bounds if d is not None)
        if ENTRY_BOUND + growth > I64_MAX:
            if all(v.opdef.guard for v in adds[key]):
                unproved.append(key)
            continue
        proved.append(key)
        for v in adds[key]:
            if v.op != "add" and v.op != "sub":
                v.op = "add" if v.op.startswith("add") else "sub"
                v.snap = None
    if proved:
        _entry_checks(graph, {k: ENTRY_BOUND for k in proved if k[0] in graph.entry_vars})
        if seeds:
            _entry_checks(graph, {k: hi for k, (lo, hi) in seeds.items()})
        if graph.budget is None:
            give_budget(graph, test)
    return unproved


def range_seeds(graph, live) -> dict:
    """Bounds to try for the ends and positions of the ranges live at entry (slot key ->
    interval): an index counting through one then adds at most RANGE_BOUND a step."""
    from ...jtypes import RangeType
    out = {}
    for key in live:
        var, jt, part = key
        if isinstance(jt, RangeType) and jt.parts[part][0] in ("start", "stop", "cur"):
            out[key] = (0 if jt.nonneg and part != 1 else -RANGE_BOUND, RANGE_BOUND)
    return out


def _entry_checks(graph, bounds):
    e = graph.entry_state
    for key, bound in bounds.items():
        slot = graph.slots[key]
        snap = graph.snapshot(Snapshot(e.code, e.pc, e.line, "%s beyond 2**%d at entry"
                                       % (slot.name, bound.bit_length() - 1), GUARD, e.values))
        read = Ins("getvar", imm=slot, line=e.line)
        graph.preheader += [read, Ins("check_abs", (read,), imm=bound, snap=snap, line=e.line)]


def range_test(graph):
    """The ``range_done`` the region's one loop starts each iteration with, if its position,
    stop and step are read from slots of which the region writes only the position."""
    if not graph.budget_allowed or graph.loop_headers != {graph.entry} or graph.entry not in graph.counted:
        return None
    t = graph.blocks[graph.entry].term
    if t[0] != "branch" or t[1].op != "range_done" or t[1].imm == 0:
        return None
    cur, stop, step = t[1].args
    if any(a.op != "getvar" for a in t[1].args):
        return None
    written = {i.imm.key for i in graph.all_instrs() if i.op == "setvar"}
    if stop.imm.key in written or step.imm.key in written:
        return None
    if graph.interrupt_at(graph.entry) is None:
        return None         # (no back edge: nothing to bound)
    return t[1]


def give_budget(graph, test):
    """Where the budget leaves: the state at the header (a Ctrl-C's, with its own reason)."""
    s = graph.interrupt_at(graph.entry)
    graph.budget = (test, graph.snapshot(Snapshot(
        s.frames[0][0], s.pc, s.line, "a run's %d iterations" % BUDGET, INTERRUPT, s.values)))


# --- sums inside an inner loop -------------------------------------------------------------------
# An inner range loop runs a number of iterations its entry bounds: at most stop - start,
# with stop and start within STOP_BOUND (known, or checked as the loop starts). A sum only
# added to inside it (with steps bounded, by range analysis, or by the elements of a list
# checked at entry: ELEMENT_BITS) then moves at most (iterations + 1) * sum(|d|) from where
# it started, checked within ENTRY_BOUND as the loop starts: its adds need no guard. The
# checks leave at the inner loop's start, its state intact (as a Ctrl-C at its header), and
# the interpreter runs the loop from there. One check an inner loop's start, not one an add.
STOP_BOUND = 1 << 29        # a list's length fits (16 + 8 * len bytes in 4 GiB of memory)
ELEMENT_BITS = 32           # |element| <= 2**32 for the int lists checked at entry


def inner(graph, of, only=None) -> list:
    """Prove the sums of each innermost range loop that is not the region's own (see
    above); ``of`` as for ``run``. The slots left unproved (with an add guard) are returned."""
    if not graph.budget_allowed or len(graph.loop_headers) < 2:
        return []
    order = graph.rpo()
    preds = graph.preds(order)
    dom = None
    unproved = []
    for h in [k for k in order if k in graph.loop_headers and k != graph.entry]:
        if h not in preds:
            continue
        if dom is None:
            dom = graph.dominators()
        loop = _inner_loop(graph, h, preds, dom)
        if loop is None:
            continue
        body, entry_block, trips, guards = loop
        sites, adds = _sites(graph, of, body)
        proved = []
        for key, bounds in sites.items():
            if key not in adds or only is not None and key not in only \
                    or not any(v.opdef.guard for v in adds[key]):
                continue        # (a range's own position, a sum proved already)
            growth = sum((trips(of) + 1) * d for d in bounds if d is not None)
            if ENTRY_BOUND + growth > I64_MAX:
                if all(v.opdef.guard for v in adds[key]):
                    unproved.append(key)
                continue
            proved.append(key)
        if not proved:
            continue
        for key in proved:
            for v in adds[key]:
                if v.op != "add" and v.op != "sub":
                    v.op = "add" if v.op.startswith("add") else "sub"
                    v.snap = None
        _start_checks(graph, h, entry_block, guards(of), [graph.slots[k] for k in proved])
    return unproved


def _inner_loop(graph, h, preds, dom):
    """(its blocks, the one block entering it, its iterations' bound as a function of the
    intervals, the start checks that bound needs as one) for an innermost loop over a range
    counting up, entered from one block that sets its position and stop; else None."""
    t = graph.blocks[h].term
    if t[0] != "branch" or t[1].op != "range_done" or t[1].imm <= 0 or any(a.op != "getvar" for a in t[1].args):
        return None
    latches = [p for p in preds[h] if h in dom.get(p, ())]
    entering = [p for p in preds[h] if p not in latches]
    if not latches or len(entering) != 1 or graph.blocks[entering[0]].term != ("goto", h):
        return None
    body = {h}
    work = list(latches)
    while work:
        k = work.pop()
        if k not in body:
            body.add(k)
            work.extend(preds.get(k, ()))
    if any(k in graph.loop_headers for k in body if k != h):
        return None         # not innermost
    snap = graph.interrupt_at(h)
    if snap is None or snap.callees:
        return None
    cur, stop, step = (a.imm.key for a in t[1].args)
    for k in body:
        for ins in graph.blocks[k].instrs:
            if ins.op == "setvar" and (ins.imm.key in (stop, step)
                                       or ins.imm.key == cur and not _steps(ins.args[0], cur, step)):
                return None     # (the position only moves on by the step: stop - start bounds the runs)
    p = graph.blocks[entering[0]]
    written = {}
    for ins in p.instrs:
        if ins.op == "setvar":
            written[ins.imm.key] = ins.args[0]
    if cur not in written or stop not in written:
        return None
    start_value, stop_value = written[cur], written[stop]

    def checked(v, of):
        lo, hi = of(v)
        return max(-lo, hi) > STOP_BOUND

    def trips(of):
        lo = -STOP_BOUND if checked(start_value, of) else of(start_value)[0]
        hi = STOP_BOUND if checked(stop_value, of) else of(stop_value)[1]
        return max(0, hi - lo)

    def guards(of):
        return [v for v in (start_value, stop_value) if checked(v, of)]
    return body, entering[0], trips, guards


def _steps(v, cur, step) -> bool:
    """Is ``v`` the position moved on by the step, ``cur + step`` (slot keys)?"""
    if v.op != "add" or v.args[0].op != "getvar" or v.args[0].imm.key != cur:
        return False
    b = v.args[1]
    return b.op == "getvar" and b.imm.key == step or b.op == "int" and b.imm > 0


def _sites(graph, of, keys):
    """For the blocks ``keys``: slot -> [bound of |d| per add, or None per reset within
    ENTRY_BOUND, or I64_MAX per other write]; slot -> its add instructions."""
    sites: dict = {}
    adds: dict = {}
    for k in keys:
        last_write: dict = {}
        read_at: dict = {}
        for pos, ins in enumerate(graph.blocks[k].instrs):
            if ins.op == "getvar":
                read_at[ins] = pos
            elif ins.op == "setvar" and ins.imm.type == "int":
                key, v = ins.imm.key, ins.args[0]
                if v.op in _ADDS and v.args[0].op == "getvar" and v.args[0].imm.key == key \
                        and read_at.get(v.args[0], -1) > last_write.get(key, -1):
                    lo, hi = of(v.args[1])
                    sites.setdefault(key, []).append(max(-lo, hi))
                    adds.setdefault(key, []).append(v)
                else:
                    lo, hi = of(v)
                    sites.setdefault(key, []).append(None if max(-lo, hi) <= ENTRY_BOUND else I64_MAX)
                last_write[key] = pos
    return sites, adds


def _start_checks(graph, h, entry_block, bounded, sums):
    """At the end of the block entering the inner loop at ``h``: its start and stop within
    STOP_BOUND where that was assumed, and each sum within ENTRY_BOUND; each leaves as a
    Ctrl-C at the header would, with its own reason."""
    s = graph.interrupt_at(h)
    b = graph.blocks[entry_block]
    line = s.line
    have = {(i.args[0], i.imm) for i in b.instrs if i.op == "check_abs"}
    bounded = [v for v in bounded if (v, STOP_BOUND) not in have]      # (checked by a first proof)

    def snap(reason):
        return graph.snapshot(Snapshot(s.frames[0][0], s.pc, line, reason, GUARD, s.values))
    for v in bounded:
        b.instrs.append(Ins("check_abs", (v,), imm=STOP_BOUND, line=line,
                            snap=snap("a range's end beyond 2**%d" % (STOP_BOUND.bit_length() - 1))))
    for slot in sums:
        read = Ins("getvar", imm=slot, line=line)
        b.instrs += [read, Ins("check_abs", (read,), imm=ENTRY_BOUND, line=line,
                               snap=snap("%s beyond 2**%d as the loop starts"
                                         % (slot.name, ENTRY_BOUND.bit_length() - 1)))]


def element_lists(graph) -> dict:
    """The int lists (and tuples, and iterators over them) the region only reads: var ->
    the vars of the lists it stores into, which must not be the same object (an entry check
    makes sure of that and of their elements' bound, where range analysis used it)."""
    from ...jtypes import INT, SeqIterType, SeqType
    written = {ins.imm.var for ins in graph.all_instrs() if ins.op == "setvar" and ins.imm.part == 0}
    stored = set()
    for ins in graph.all_instrs():
        if ins.op in ("store_int", "store_float", "mark_dirty"):
            addrs = [ins.args[0]]
        elif ins.op == "call_fn":       # (a function compiled whole storing into the lists it is passed)
            addrs = _list_arguments(ins)
        else:
            continue
        for addr in addrs:
            base = base_var(addr)
            if base is None or base not in graph.entry_vars or base in written:
                return {}       # (a list the entry cannot tell apart: an inlined callee's argument)
            stored.add(base)
    out = {}
    for key, slot in graph.slots.items():
        var, jt, part = key
        if part != 0 or var not in graph.entry_vars or var in written or var in stored:
            continue
        seq = jt.seq if isinstance(jt, SeqIterType) else jt
        if isinstance(seq, SeqType) and seq.elem is INT and not seq.resizable:    # (one that grows: no bound)
            out[var] = sorted(stored, key=repr)
    return out


def sums_loads(graph, keys, lists) -> bool:
    """Does some slot of ``keys`` have an add of an element loaded from one of ``lists``?"""
    for ins in graph.all_instrs():
        if ins.op == "setvar" and ins.imm.key in keys:
            v = ins.args[0]
            if v.op in _ADDS and v.args[1].op == "load_int" and base_var(v.args[1].args[0]) in lists:
                return True
    return False


def _list_arguments(ins) -> list:
    """The records of the lists a ``call_fn`` passes (each parameter's parts in order: a
    list's first part is its record's address)."""
    fn = ins.imm[0]
    out, k = [], 0
    for _, t in fn.params:
        if getattr(t, "kind", None) == "list":
            out.append(ins.args[k])
        k += len(t.parts)
    return out


def base_var(addr):
    """The var whose record ``addr`` (an element's address) is in, if it is read from one."""
    if addr.op in ("elem", "index", "index_nonneg", "dict_find", "dict_slot"):
        addr = addr.args[0]
    if addr.op == "getvar" and addr.imm.part == 0:
        return addr.imm.var
    return None
