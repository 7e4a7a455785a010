"""Virtual objects: an object compiled code makes (``new_obj``, docs/jit-data.md section 4)
that nothing outside its block sees is never allocated.

Its fields are IR values: a load of a field is the value last stored into it, the stores
and the allocation go. Where a guard of the block may leave while a snapshot (or a loop
variable every exit writes back) holds the object, the allocation is *sunk* into that
exit's path: the exit allocates the record, stores the fields as they are at that
point, and puts its address in the slots that hold it (``graph.sinks``, emitted by
``tauraro.jit.emit``), so the exit materialises one object as before -- at the cost of
an exit, not of an iteration.

An object is virtual in its block when all it is used for is: written to frame
variables (``setvar``), its fields' addresses (``elem`` with a constant index) loaded
and stored through, ``mark_dirty``, and ``is`` (``same``: true of itself alone); each field it loads was stored first in the
block; and at the block's end no slot holding it is read again -- by a ``getvar``
anywhere, a snapshot anywhere (a loop comes back to the block: a guard before the slot
is written again would see it), or as a loop variable. Anything else (stored into a
list, carried to the next iteration) makes it a real record.

This pass runs last: the field values a sunk exit stores stay computed (no DCE after
it drops them), and the emitter counts them as used at that guard.
"""
from __future__ import annotations

from ..graph import Ins
from .rewrite import substitute

# the most bytes one exit allocates for the objects sunk into its path: the entry keeps
# this much of the heap's room back from new_obj (transfer.EntryRecords.heap), so such an
# allocation needs no check
SINK_ROOM = 1 << 16

_LOADS = {"load_int", "load_float", "load_addr"}
_STORES = {"store_int", "store_float", "store_addr"}
_WASM_STORE = {"store_int": "i64.store", "store_float": "f64.store", "store_addr": "i32.store"}


def run(graph):
    if not any(ins.op == "new_obj" for b in graph.blocks.values() for ins in b.instrs):
        return
    users: dict = {}
    for ins in graph.all_instrs():
        for pos, a in enumerate(ins.args):
            users.setdefault(a, []).append((ins, pos))
    escaping = set()            # values a terminator uses
    for b in graph.blocks.values():
        t = b.term
        if t[0] in ("branch", "return") and t[1] is not None:
            escaping.add(t[1])
    live_out = _live_slots(graph)
    carried = getattr(graph, "carried", set())
    subst = {}
    for b in graph.blocks.values():
        _block(graph, b, users, escaping, live_out.get(b.key, set()), carried, subst)
    substitute(graph, subst)


def _snap_keys(graph, snap) -> set:
    return {s.key for var, t in snap.values for s in graph.var_slots(var, t)}


def _live_slots(graph) -> dict:
    """Block key -> the slot keys some path from the block's end reads before it writes
    them: a ``getvar``, or the exit code of a snapshot (a guard's, an exit block's, a
    Ctrl-C's on a back edge; the budget's, anywhere)."""
    gen, kill = {}, {}
    for b in graph.blocks.values():
        g, k = set(), set()
        for ins in b.instrs:
            if ins.op == "getvar" and ins.imm.key not in k:
                g.add(ins.imm.key)
            elif ins.op == "setvar":
                k.add(ins.imm.key)
            if ins.snap is not None:
                g |= _snap_keys(graph, ins.snap) - k
        if b.term[0] == "exit":
            g |= _snap_keys(graph, b.term[1]) - k
        gen[b.key], kill[b.key] = g, k
    always = _snap_keys(graph, graph.budget[1]) if graph.budget is not None else set()
    edge = {}
    for (source, target), snap in graph.interrupts.items():
        edge.setdefault(source, set()).update(_snap_keys(graph, snap))
    live_in = {k: set() for k in graph.blocks}
    live_out = {k: set() for k in graph.blocks}
    # (a ray tracer's pixel loop, 530 blocks, took 10 ms in the blocks' own order)
    order = [graph.blocks[k] for k in graph.backward_order()]
    changed = True
    while changed:
        changed = False
        for b in order:
            out = set(always) | edge.get(b.key, set())
            for s in b.succs():
                out |= live_in.get(s, set())
            new_in = gen[b.key] | (out - kill[b.key])
            if out != live_out[b.key] or new_in != live_in[b.key]:
                live_out[b.key], live_in[b.key] = out, new_in
                changed = True
    return live_out


def _fields_of(a, b, users, escaping):
    """{elem ins: field index} of a new_obj ``a`` in block ``b`` if every use of it is one a
    virtual allows; else None."""
    if a in escaping:
        return None
    in_block = set(b.instrs)
    elems = {}
    for ins, pos in users.get(a, ()):
        if ins not in in_block:
            return None
        if ins.op in ("setvar", "mark_dirty", "same"):
            continue
        if ins.op == "elem" and pos == 0 and ins.args[1].op == "int" and ins not in escaping:
            for user, upos in users.get(ins, ()):
                if user not in in_block or upos != 0 or user.op not in _LOADS | _STORES:
                    return None
            elems[ins] = ins.args[1].imm
            continue
        return None
    return elems


def _block(graph, b, users, escaping, observed, carried, subst):
    candidates = {}
    for ins in b.instrs:
        if ins.op == "new_obj":
            elems = _fields_of(ins, b, users, escaping)
            if elems is not None:
                candidates[ins] = elems
    while candidates:
        sinks = _simulate(graph, b, candidates, observed, carried)
        if isinstance(sinks, dict):
            break
        del candidates[sinks]           # it escapes: a real record (and try the others again)
    if not candidates:
        return
    field_of = {e: (a, k) for a, elems in candidates.items() for e, k in elems.items()}
    fields = {a: {} for a in candidates}
    kept = []
    for ins in b.instrs:
        op = ins.op
        if ins in candidates or op == "elem" and ins in field_of:
            continue
        if op in ("setvar", "mark_dirty") and ins.args[0] in candidates:
            continue
        if op == "same" and (ins.args[0] in candidates or ins.args[1] in candidates):
            # (an object made in this block is no other value of it: every use of it here
            # is this very instruction's value)
            const = Ins("bool", (), int(ins.args[0] is ins.args[1]), None, ins.line)
            kept.append(const)
            subst[ins] = const
            continue
        if op in _STORES and ins.args[0] in field_of:
            a, k = field_of[ins.args[0]]
            fields[a][k] = ins.args[1]
            continue
        if op in _LOADS and ins.args[0] in field_of:
            a, k = field_of[ins.args[0]]
            subst[ins] = fields[a][k]
            continue
        kept.append(ins)
    b.instrs = kept
    graph.sinks.update(sinks)


def _simulate(graph, b, candidates, observed, carried):
    """Walk the block: the sinks each guard's exit needs ({guard or ("term", block key): [(size,
    [(index, value, wasm store op)], [slots])]}), or the candidate that escapes."""
    field_of = {e: (a, k) for a, elems in candidates.items() for e, k in elems.items()}
    fields = {}                 # candidate -> {index: (value, is_float)} stored so far
    holds = {}                  # slot key -> (the slot, the value it holds now)
    sinks = {}

    def exit_needs(snap):
        want = {}
        keys = {s.key for var, t in snap.values for s in graph.var_slots(var, t)}
        for key, (slot, v) in holds.items():
            if v in fields and (key in keys or slot.var in carried):
                want.setdefault(v, []).append(slot)
        out = []
        for a, slots in want.items():
            size = 16 + 8 * (1 + max(fields[a], default=-1))
            out.append((size, sorted((k, v, f) for k, (v, f) in fields[a].items()), slots))
        return out

    for ins in b.instrs:
        op = ins.op
        if ins in candidates:
            fields[ins] = {}
        elif op == "setvar":
            holds[ins.imm.key] = (ins.imm, ins.args[0])
        elif op in _STORES and ins.args[0] in field_of:
            a, k = field_of[ins.args[0]]
            fields[a][k] = (ins.args[1], _WASM_STORE[op])
        elif op in _LOADS and ins.args[0] in field_of:
            a, k = field_of[ins.args[0]]
            if k not in fields[a]:
                return a                # (read before it was written: not ours to know)
        if ins.snap is not None and ins not in candidates:
            need = exit_needs(ins.snap)
            if need:
                if sum(size for size, _, _ in need) > SINK_ROOM:
                    return _owner(need, holds)
                sinks[ins] = need
    for key, (slot, v) in holds.items():
        if v in candidates and (key in observed or slot.var in carried):
            return v                    # seen after the block: a real record
    if b.term[0] == "exit":
        need = exit_needs(b.term[1])
        if need:
            sinks[("term", b.key)] = need
    return sinks


def _owner(need, holds):
    """(An exit needing too much: the first of its objects is made a real record.)"""
    slot = need[0][2][0]
    return holds[slot.key][1]
