"""LoopRegion: the part of a code object the JIT compiles, as a control-flow graph.

A region is one source loop -- its header, body and nested loops -- split into
basic blocks. Edges that leave the region (the loop's exits, a ``return``,
``break`` out of it) end in *exit points*: native code writes its state back and
the interpreter continues at that pc. Register liveness is computed over the
whole code object, because after an exit the interpreter may read any register
the rest of the function reads.
"""
from __future__ import annotations

from ..compiler.code import CodeObject, LoopInfo
from ..compiler.liveness import Liveness, modified_registers, successors as _successors
from ..wasmgen.structure import dominator_tree, reverse_postorder


def dominator_sets(entry, order, preds) -> dict:
    """Node -> the set of nodes dominating it (itself included), for the nodes of ``order``
    (reverse postorder from ``entry``); ``preds(node)`` lists a node's predecessors.

    The immediate dominators first (Cooper, Harvey and Kennedy's iteration), then each set
    as its immediate dominator's plus itself: for a graph of 526 blocks (a ray tracer's
    pixel loop, its calls inlined) 6 ms, where sets that started as all the nodes and
    shrank by intersections took 50, and three passes ask."""
    idom = dominator_tree(entry, order, preds)
    dom = {}
    everything = None
    for n in order:     # (an immediate dominator comes before the nodes it dominates)
        if n == entry:
            dom[n] = {entry}
        elif n in idom:
            dom[n] = dom[idom[n]] | {n}
        else:       # (no predecessor reached from the entry)
            if everything is None:
                everything = set(order)
            dom[n] = set(everything)
    return dom


class Block:
    """Instructions [start, end) of the region; ``succs`` are pcs (a pc outside the
    region is an exit)."""
    __slots__ = ("start", "end", "succs", "preds")

    def __init__(self, start: int, end: int):
        self.start = start
        self.end = end
        self.succs: list[int] = []
        self.preds: list[int] = []


def _attribute_use(code, ins):
    """(the register holding the object, the attribute's name) of an instruction loading or
    storing an attribute; else None."""
    name = ins.op.name
    if name == "LOAD_ATTR":
        return ins.args[1], code.names[ins.args[2]]
    if name == "STORE_ATTR":
        return ins.args[0], code.names[ins.args[1]]
    return None


# (the instructions making a tuple display: ``(a, b)``, ``(*t, 1)``)
_TUPLE_DISPLAYS = ("BUILD_TUPLE", "LIST_TO_TUPLE")


def attribute_uses(code, instrs) -> dict[int, frozenset]:
    """Register -> the attribute names ``instrs`` (of ``code``) read or write on the object
    it holds, through copies of it too (``self.n += 1`` goes through a copy of ``self``);
    a register compared by identity (``a is b``) or passed to a call (``acc.add(a)``: the
    method inlined uses ``a``'s attributes) uses no name, but is one too."""
    uses, moves = {}, []
    for ins in instrs:
        name = ins.op.name
        used = _attribute_use(code, ins)
        if used is not None:
            uses.setdefault(used[0], set()).add(used[1])
        elif name == "MOVE" and ins.args[1] >= 0:
            moves.append(ins.args)
        elif name in ("IS", "IS_NOT"):      # (an object compared by identity: no attribute)
            for reg in ins.args[1:]:
                uses.setdefault(reg, set())
        elif name in ("CALL", "CALL_KW"):   # (an object passed to a call: its callee may use it)
            for reg in ins.args[3:] if name == "CALL_KW" else ins.args[2:]:
                uses.setdefault(reg, set())
    changed = bool(uses)
    while changed:
        changed = False
        for dst, src in moves:
            if dst in uses and not uses[dst] <= uses.get(src, set()):
                uses.setdefault(src, set()).update(uses[dst])
                changed = True
    return {reg: frozenset(names) for reg, names in uses.items() if reg >= 0}


def attribute_names(code) -> frozenset:
    """Every attribute name ``code`` reads or writes on any object (``attribute_uses`` of
    all its instructions), kept on the code: asked of each method a loop may inline
    whenever its entry types are made (deltablue.py's trips asked ~5,000 times)."""
    names = code.__dict__.get("_attribute_names")
    if names is None:
        names = code._attribute_names = frozenset().union(*attribute_uses(code, code.instrs).values())
    return names


class LoopRegion:
    def __init__(self, code: CodeObject, loop: LoopInfo, liveness: Liveness | None = None):
        self.code = code
        self.loop = loop
        self.header = loop.header
        self.end = loop.end
        # a return that runs cleanup code outside this loop leaves the region where it starts
        self.return_stops = {pc for pc, _, loops in code.return_sites if loop.id in loops}
        self.liveness = liveness or Liveness(code)
        self._defined = None
        self._defined_mask = None
        self._build()

    def contains(self, pc: int) -> bool:
        return self.header <= pc < self.end and pc not in self.return_stops

    def _build(self):
        code = self.code
        starts = {self.header}
        for pc in range(self.header, self.end):
            ins = code.instrs[pc]
            succ = _successors(code, pc)
            if succ != [pc + 1]:
                if pc + 1 < self.end:
                    starts.add(pc + 1)
                for s in succ:
                    if self.contains(s):
                        starts.add(s)
        for loop in code.loops:
            if self.contains(loop.header):
                starts.add(loop.header)
        starts |= {pc for pc in self.return_stops if self.header < pc < self.end}
        ordered = sorted(starts)
        self.blocks: dict[int, Block] = {}
        for i, s in enumerate(ordered):
            e = ordered[i + 1] if i + 1 < len(ordered) else self.end
            b = Block(s, e)
            last = e - 1
            succ = _successors(code, last)
            b.succs = succ
            self.blocks[s] = b
        # prune blocks not reachable from the header (dead code after a return, say)
        reach = set()
        stack = [self.header]
        while stack:
            s = stack.pop()
            if s in reach or s not in self.blocks:
                continue
            reach.add(s)
            stack.extend(x for x in self.blocks[s].succs if self.contains(x))
        self.blocks = {s: b for s, b in self.blocks.items() if s in reach}
        for b in self.blocks.values():
            for s in b.succs:
                if s in self.blocks:
                    self.blocks[s].preds.append(b.start)
        self.inner_loops = [l for l in code.loops if (self.loop is None or l.id != self.loop.id)
                            and self.contains(l.header)]
        self.loop_headers = ({self.header} if self.loop is not None else set()) | \
            {l.header for l in self.inner_loops}

    def exits(self) -> list[int]:
        """Pcs outside the region that control reaches by leaving it normally."""
        out = set()
        for b in self.blocks.values():
            for s in b.succs:
                if not self.contains(s):
                    out.add(s)
        return sorted(out)

    def registers(self) -> set[int]:
        regs = set()
        for b in self.blocks.values():
            for pc in range(b.start, b.end):
                ins = self.code.instrs[pc]
                regs.update(ins.op.read(ins.args))
                regs.update(ins.op.written(ins.args))
        return regs

    def defined_registers(self) -> set[int]:
        """Registers whose value native code may change (FOR_ITER advances its iterator)."""
        if self._defined is None:
            regs = set()
            for b in self.blocks.values():
                for pc in range(b.start, b.end):
                    regs.update(modified_registers(self.code.instrs[pc]))
            self._defined = regs
        return self._defined

    def defined_mask(self) -> int:
        """defined_registers() as a bit set (bit r: register r), to intersect with the
        liveness' bit sets without making a set of every register live at a pc (the
        recorder asks at every exit)."""
        if self._defined_mask is None:
            mask = 0
            for r in self.defined_registers():
                if isinstance(r, int) and r >= 0:
                    mask |= 1 << r
            self._defined_mask = mask
        return self._defined_mask

    def tuple_registers(self) -> set[int]:
        """Registers the region assigns a tuple display (``best = (s, i)``, ``u = (*t, 1)``):
        native code keeps such tuples as virtuals, so a tuple they hold at entry is taken
        as one too."""
        return {ins.args[0] for b in self.blocks.values() for ins in self.code.instrs[b.start:b.end]
                if ins.op.name in _TUPLE_DISPLAYS}

    def tuple_globals(self) -> set[tuple]:
        """Globals the region assigns a tuple display (``k = (i % 97, i % 89)`` at module
        level: the display made in a register, then stored): as ``tuple_registers``, a
        tuple such a global holds at entry is taken as a virtual -- else the tuple its last
        iteration as written left there, a record, was not the virtual the loop makes, and
        every version left at once at its header."""
        out = set()
        code = self.code
        for b in self.blocks.values():
            made = set()        # (registers holding the display just made, in this block)
            for ins in code.instrs[b.start:b.end]:
                name = ins.op.name
                if name == "STORE_GLOBAL":
                    if ins.args[1] in made:
                        out.add(("g", code.names[ins.args[0]]))
                    continue
                made.difference_update(ins.op.written(ins.args))
                if name in _TUPLE_DISPLAYS:
                    made.add(ins.args[0])
        return out

    def attribute_globals(self) -> dict[tuple, frozenset]:
        """Global -> the attribute names the region reads or writes on the object it holds,
        through the register it was just loaded into (``v = v.add(g.scale(0.5))`` in
        module-level code: ``LOAD_GLOBAL r, v`` then ``LOAD_ATTR r, r, add``). Not one only
        compared by identity or passed to a call, as ``attribute_uses``' registers are: a
        module-level loop building a linked list, ``head = Link(i, head)``, typed its head an
        object, was compiled and copied the list in at each entry, to leave at once."""
        code = self.code
        uses = {}
        for b in self.blocks.values():
            held = {}       # (register -> the global it was loaded from, in this block)
            for ins in code.instrs[b.start:b.end]:
                name = ins.op.name
                used = _attribute_use(code, ins)
                if used is not None and used[0] in held:
                    uses.setdefault(held[used[0]], set()).add(used[1])
                for reg in ins.op.written(ins.args):
                    held.pop(reg, None)
                if name == "LOAD_GLOBAL":
                    held[ins.args[0]] = ("g", code.names[ins.args[1]])
                elif name == "MOVE" and ins.args[1] in held:
                    held[ins.args[0]] = held[ins.args[1]]
        return {var: frozenset(names) for var, names in uses.items()}

    def attribute_uses(self) -> dict[int, frozenset]:
        """Register -> the attribute names the region reads or writes on the object it
        holds (``p.x``, ``self.n += 1``): an object of the program's classes in such a
        register at entry is copied in with those attributes (jtypes.InstanceType)."""
        code = self.code
        return attribute_uses(code, [ins for b in self.blocks.values() for ins in code.instrs[b.start:b.end]])

    def tail_lists(self) -> frozenset:
        """Registers the region uses only to append to the list they hold (``out.append(w)``:
        ``LOAD_ATTR m, x, append``, then, as the next use of ``m`` in its block, ``CALL m,
        m, v``) and never assigns: native code never reads such a list's elements, so an
        entry copies none of them in, and an exit adds the ones appended (docs/jit-data.md,
        "Lists only appended to")."""
        code = self.code
        instrs = code.instrs
        used, other = set(), set()
        for b in self.blocks.values():
            calls = set()       # (the pcs of the append calls of the block's method loads)
            for pc in range(b.start, b.end):
                ins = instrs[pc]
                if pc in calls:
                    other.add(ins.args[2])
                    continue
                if ins.op.name == "LOAD_ATTR" and code.names[ins.args[2]] == "append":
                    m, x = ins.args[0], ins.args[1]
                    call = self._first_use(m, pc + 1, b.end)
                    if call is not None and m != x:
                        c = instrs[call]
                        if c.op.name == "CALL" and len(c.args) == 3 and c.args[0] == m == c.args[1] \
                                and c.args[2] not in (m, x):
                            used.add(x)
                            calls.add(call)
                            continue
                other.update(ins.op.read(ins.args))
                other.update(ins.op.written(ins.args))
        return frozenset(r for r in used - other if isinstance(r, int) and r >= 0)

    def _first_use(self, reg, start, end):
        """The first pc in ``start..end`` that reads or writes ``reg``, or None."""
        for pc in range(start, end):
            ins = self.code.instrs[pc]
            if reg in ins.op.read(ins.args) or reg in ins.op.written(ins.args):
                return pc
        return None

    def cell_variables(self) -> tuple[set, set]:
        """The closure variables (``("c", register, name)``: a cell's contents) the region
        reads and writes."""
        reads, writes = set(), set()
        code = self.code
        for b in self.blocks.values():
            for pc in range(b.start, b.end):
                ins = code.instrs[pc]
                if ins.op.name == "LOAD_DEREF":
                    reads.add(("c", ins.args[1], code.cell_name(ins.args[1])))
                elif ins.op.name == "STORE_DEREF":
                    writes.add(("c", ins.args[0], code.cell_name(ins.args[0])))
        return reads, writes

    def global_names(self) -> tuple[set[str], set[str]]:
        """Names the region reads and writes as module globals."""
        reads, writes = set(), set()
        for b in self.blocks.values():
            for pc in range(b.start, b.end):
                ins = self.code.instrs[pc]
                if ins.op.name == "LOAD_GLOBAL":
                    reads.add(self.code.names[ins.args[1]])
                elif ins.op.name == "STORE_GLOBAL":
                    writes.add(self.code.names[ins.args[0]])
        return reads, writes

    def rpo(self) -> list[int]:
        """Block starts in reverse postorder from the header (made once: inference and the
        recorder ask, for every version; a new list each time)."""
        order = self.__dict__.get("_rpo")
        if order is None:
            order = self._rpo = reverse_postorder(self.header, lambda b: self.blocks[b].succs, self.blocks)
        return list(order)


class FunctionRegion(LoopRegion):
    """A whole function, to be inlined where it is called: from pc 0 to its returns
    (a ``RETURN`` ends a block with no successor). Its loops are inner loops."""

    def __init__(self, code: CodeObject, liveness: Liveness | None = None):
        self.code = code
        self.loop = None
        self.header = 0
        self.end = len(code.instrs)
        self.return_stops = set()
        self.liveness = liveness or Liveness(code)
        self._defined = None
        self._defined_mask = None
        self._build()
