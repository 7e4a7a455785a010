"""IR instructions, blocks and snapshots, and their text form.

A ``Graph`` is one compiled region: blocks in the region's control-flow shape,
each a list of instructions in SSA form (an instruction *is* its value) and a
terminator. Values cross blocks through frame variables (``getvar``/``setvar`` on
a ``Slot``), so a block's SSA values never need phis; the emitter gives every
slot a wasm local.

A *snapshot* is everything resuming needs at one exit: the frames (for now the
region's one frame: its code and the pc the interpreter resumes at) and the
values to hand back beside the loop's variables. Exit records are made from
snapshots (``Snapshot.exit_record``), never by the emitter.
"""
from __future__ import annotations

import struct
from itertools import chain

from ..exits import ExitRecord
from ..region import dominator_sets, reverse_postorder
from .ops import OPS


_VALUE_OF_WASM = {"i64": "int", "f64": "float"}


def value_type(jtype, part: int = 0):
    """The IR value type of one part of a JType (see ops.VALUE_TYPES); None for a type with
    no runtime value (None, a function known at compile time...)."""
    if not jtype.parts:
        return None
    wasm = jtype.parts[part][1]
    return _VALUE_OF_WASM.get(wasm) or ("bool" if jtype.name == "bool" else "addr")


def wasm_type(jtype):
    """The wasm type of a one-part value (a compiled function's result), or None."""
    return jtype.parts[0][1] if jtype.parts else None


class Slot:
    """One scalar part of a frame variable under one type: a register, a global
    (``("g", name)``) or a cell's contents (``("c", register, name)``)."""
    __slots__ = ("var", "jtype", "part", "name", "type", "key")

    def __init__(self, var, jtype, part: int, name: str):
        self.var = var
        self.jtype = jtype
        self.part = part
        suffix = jtype.parts[part][0]
        self.name = name + ("." + suffix if suffix else "")
        self.type = value_type(jtype, part)
        self.key = (var, jtype, part)        # (every pass keys its tables by it)

    def __repr__(self):
        return self.name


class Ins:
    """One IR instruction; also the SSA value it defines (if its op has a result)."""
    __slots__ = ("op", "args", "imm", "snap", "type", "id", "line")

    def __init__(self, op: str, args=(), imm=None, snap=None, line=0, type=None):
        d = OPS[op]
        self.op = op
        self.args = tuple(args)
        self.imm = imm
        self.snap = snap
        self.line = line
        self.type = imm.type if d.result == "slot" else type if d.result == "call" else d.result
        self.id = -1

    @property
    def opdef(self):
        return OPS[self.op]

    def __repr__(self):
        return "%%%d" % self.id


class Snapshot:
    """The state at one exit: resume the interpreter at ``pc`` of the region's frame,
    writing back ``values`` ((var, JType) live there besides the loop variables).

    An exit inside inlined callees resumes there: ``frames`` is then the chain from the
    region's frame (at the pc of its call) to the innermost callee (at ``pc``), and
    ``callees`` says for each callee frame its graph frame id (its registers are
    ``CalleeRegister`` values), its FunctionType, and the register of its caller the
    call's result goes to."""
    __slots__ = ("id", "frames", "pc", "line", "reason", "kind", "values", "callees")

    def __init__(self, code, pc, line, reason, kind, values, frames=None, callees=()):
        self.id = -1
        self.frames = frames or ((code, pc),)       # outermost first
        self.pc = pc
        self.line = line
        self.reason = reason
        self.kind = kind
        self.values = tuple(values)
        self.callees = tuple(callees)

    @property
    def key(self):
        # (code objects compare and hash by identity: the frames tuple is its own key)
        return (self.pc, self.reason, self.kind, self.values, self.frames, self.callees)

    @property
    def code(self):
        """The code object of the innermost frame."""
        return self.frames[-1][0]

    def exit_record(self) -> ExitRecord:
        fmt = "<" + "".join("q" + "".join("d" if vt == "f64" else "q" for _, vt in t.parts)
                            for _, t in self.values)
        return ExitRecord(self.id, self.pc, self.line, self.reason, self.kind, self.values, fmt,
                          self.frames if self.callees else (), self.callees)

    def area_size(self) -> int:
        return struct.calcsize(self.exit_record().fmt)


class Block:
    """``term``: ("goto", key) | ("branch", cond, key_if_true, key_if_false) | ("exit", snap)
    | ("return", value or None) (a compiled function's return)."""
    __slots__ = ("key", "instrs", "term", "label")

    def __init__(self, key, label: str):
        self.key = key
        self.label = label
        self.instrs: list[Ins] = []
        self.term = None

    def succs(self) -> list:
        t = self.term
        if t[0] == "goto":
            return [t[1]]
        if t[0] == "branch":
            return [t[2], t[3]]
        return []


class Graph:
    def __init__(self, name: str, entry, loop_headers, var_name):
        self.name = name
        self.var_name = var_name            # var -> the name its slots are shown by
        self.entry = entry
        self.blocks: dict = {}
        self.loop_headers = set(loop_headers)
        # an inlined callee's loop header -> (the callee's register code, its header pc)
        self.loop_sources: dict = {}
        self.preheader: list[Ins] = []      # runs once before the loop (hoisted code)
        self.snapshots: list[Snapshot] = []
        self._snap_index: dict = {}
        self.interrupts: dict = {}          # (source, header) -> snapshot of a Ctrl-C at that back edge
        self.counted = frozenset()          # the headers of the loops whose iterations are counted
        self.budget_allowed = False         # may a run leave once it is long enough (passes/accumulate)?
        self.budget = None                  # (the loop's range_done, where it leaves) if it must
        # iterations between Ctrl-C polls at the range's limit (passes/polls); None: a poll
        # at every back edge
        self.poll_chunk = None
        self.entry_state: Snapshot | None = None   # the state at the loop's entry (hoisted guards leave there)
        self.entry_vars: set = set()        # the vars live at the loop's entry
        self.element_lists: dict = {}       # int lists whose elements' bound the entry checks (passes/accumulate)
        self.elements_allowed = True        # may it? (not once a version's entry found elements beyond)
        self.inline_depth = 0               # the deepest inlined call: Python frames a native frame stands for, less one
        self.carried: set = set()           # the vars every exit writes back (the loop's variables)
        # guard (or ("term", block key)) -> the objects its exit allocates (passes/virtuals):
        # [(record size, [(field index, value, wasm store op)], [slots holding it])]
        self.sinks: dict = {}
        # str constants whose key numbers (jtypes.STR_KEYS) the code holds as immediates: an
        # entry seeds its intern table with them (str keys made natively must meet them)
        self.const_keys: set = set()
        self.interning = False              # numbers strs made natively by contents (emit.interns)?
        self.slots: dict = {}
        self._var_slots: dict = {}          # (var, jtype) -> its slots (see var_slots)

    def block(self, key, label: str) -> Block:
        b = self.blocks[key] = Block(key, label)
        return b

    def snapshot(self, snap: Snapshot) -> Snapshot:
        """The interned snapshot equal to ``snap`` (identical exits share one record)."""
        key = snap.key
        have = self._snap_index.get(key)
        if have is not None:
            return have
        # ids start at 1: an exit id equal to the i32 zero the loop body uses as its memory
        # base made Cranelift's code for a whole loop half again slower (measured on the
        # Collatz loops: 36 vs 24 ms)
        snap.id = len(self.snapshots) + 1
        self.snapshots.append(snap)
        self._snap_index[key] = snap
        return snap

    def var_slots(self, var, jtype) -> tuple:
        """The slots of a frame variable holding a value of ``jtype``."""
        out = self._var_slots.get((var, jtype))
        if out is None:
            slots = []
            for part in range(len(jtype.parts)):
                key = (var, jtype, part)
                s = self.slots.get(key)
                if s is None:
                    s = self.slots[key] = Slot(var, jtype, part, self.var_name(var))
                slots.append(s)
            out = self._var_slots[(var, jtype)] = tuple(slots)
        return out

    def succs(self) -> dict:
        return {k: b.succs() for k, b in self.blocks.items()}

    def blocks_of(self, keys=None) -> list:
        """The blocks with these keys that are still in the graph (all of them if None): a
        pass that changed a few blocks runs block-local work again on those alone."""
        blocks = self.blocks
        return list(blocks.values()) if keys is None else [blocks[k] for k in keys if k in blocks]

    def rpo(self) -> list:
        """Block keys in reverse postorder from the entry (unreachable blocks left out)."""
        return reverse_postorder(self.entry, lambda k: self.blocks[k].succs(), self.blocks)

    def backward_order(self) -> list:
        """Block keys successors before predecessors (postorder, then the unreachable
        blocks): the order in which a backward flow (liveness) settles in fewest rounds."""
        rpo = self.rpo()
        reached = set(rpo)
        return rpo[::-1] + [k for k in self.blocks if k not in reached]

    def preds(self, order) -> dict:
        """Block key -> the keys (among ``order``) of the blocks branching to it."""
        preds = {k: [] for k in order}
        for k in order:
            for t in self.blocks[k].succs():
                if t in preds:
                    preds[t].append(k)
        return preds

    def dominators(self) -> dict:
        """Block key -> the set of blocks dominating it (itself included)."""
        order = self.rpo()
        return dominator_sets(self.entry, order, self.preds(order).__getitem__)

    def interrupt_at(self, header):
        """The snapshot of a Ctrl-C at the first back edge to ``header`` -- the state at the
        header, which a run leaving there for any reason writes back -- or None."""
        return next((snap for (_, h), snap in self.interrupts.items() if h == header), None)

    def all_instrs(self):
        """The preheader's instructions, then each block's, in order. (A chain of the lists,
        not a generator: the passes and the controller walk the whole graph a dozen times a
        compile, and chain's iteration runs in C.)"""
        return chain(self.preheader, *[b.instrs for b in self.blocks.values()])

    def number(self):
        n = 0
        for ins in self.all_instrs():
            ins.id = n
            n += 1

    def uses(self) -> dict:
        """Instruction -> how many instructions and terminators use it."""
        count: dict = {}
        for ins in self.all_instrs():
            for a in ins.args:
                count[a] = count.get(a, 0) + 1
        for b in self.blocks.values():
            if b.term[0] in ("branch", "return") and b.term[1] is not None:
                count[b.term[1]] = count.get(b.term[1], 0) + 1
        return count

    # --- text ---------------------------------------------------------------------------------
    def text(self) -> str:
        self.number()
        out = []
        if self.preheader:
            out.append("preheader:\n")
            out.extend(_ins_text(i) for i in self.preheader)
        for b in self.blocks.values():
            head = "%s:" % b.label
            if b.key in self.loop_headers:
                head += "  (loop header)"
                if b.key == self.entry and self.poll_chunk:
                    head += "  (polls for Ctrl-C once %d iterations, at its range's limit)" % self.poll_chunk
            out.append(head + "\n")
            out.extend(_ins_text(i) for i in b.instrs)
            t = b.term
            if t[0] == "goto":
                out.append("    goto %s\n" % self.blocks[t[1]].label)
            elif t[0] == "branch":
                out.append("    if %%%d goto %s else %s\n" % (t[1].id, self.blocks[t[2]].label,
                                                               self.blocks[t[3]].label))
            elif t[0] == "return":
                out.append("    return%s\n" % ("" if t[1] is None else " %%%d" % t[1].id))
            else:
                out.append("    exit snap %d\n" % t[1].id)
        return "".join(out)

    def snapshots_text(self, var_name) -> str:
        out = []
        for s in self.snapshots:
            values = ", ".join("%s: %s" % (var_name(v), t.name) for v, t in s.values) or "none"
            frames = " <- ".join("%s pc %d" % (code.qualname, pc) for code, pc in s.frames)
            out.append("  snap %d: %s at line %d (%s), resume %s; also written back: %s\n"
                       % (s.id, s.kind, s.line, s.reason, frames, values))
        return "".join(out)


def _ins_text(ins: Ins) -> str:
    d = ins.opdef
    parts = ["%%%d" % a.id for a in ins.args]
    if isinstance(ins.imm, Slot):
        parts.insert(0, ins.imm.name)           # getvar x, setvar x, %v
    elif ins.imm is not None:
        parts.append("#%r" % (ins.imm,))        # mod_const %v, #7
    lhs = "%%%-3d = " % ins.id if d.result else "       "
    typ = (" :" + ins.type) if ins.type else ""
    snap = ("  [snap %d]" % ins.snap.id) if ins.snap is not None else ""
    return "    %s%s %s%s%s\n" % (lhs, ins.op, ", ".join(parts), typ, snap)

