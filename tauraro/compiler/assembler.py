"""From the compiler's instruction list to a finished CodeObject.

The compiler emits instructions interleaved with labels and two pseudo-ops:
``SetupExcept(handler, reg)`` opens a protected region and ``PopBlock()`` closes
the innermost one. Regions do not nest textually (a ``return`` inside ``try``
leaves the region on that path only), so, like CPython 3.11's assembler, we find
the handler of each instruction by walking the control-flow graph.

The same walk feeds a definite-assignment analysis: a read of a local variable
that is not assigned on every path to it gets a ``CHECK_BOUND`` first, which
raises UnboundLocalError; all other local reads need no check at run time.
"""
from __future__ import annotations

from .code import CodeObject, ExceptionEntry, Instr, LoopInfo, UNBOUND
from .opcodes import BY_NAME

_CHECK_BOUND = BY_NAME["CHECK_BOUND"]
_NO_CHECK = {"DELETE_FAST", "MAKE_CELL", "CHECK_BOUND"}


class Label:
    __slots__ = ("pc",)

    def __init__(self):
        self.pc = None

    def __repr__(self):
        return "<label %s>" % self.pc


class ReturnSite(Label):
    """Marks where a ``return`` starts running cleanup code (finally, with, except
    blocks) that lies outside the loops ``loops``: resuming inside one of those
    loops stops here and hands the return value (``value``) to the baseline."""
    __slots__ = ("value", "loops")

    def __init__(self, value: int, loops):
        super().__init__()
        self.value = value
        self.loops = list(loops)


class SetupExcept:
    __slots__ = ("handler", "reg")

    def __init__(self, handler: Label, reg: int):
        self.handler = handler
        self.reg = reg


class PopBlock:
    __slots__ = ()


class LoopRecord:
    """A loop as the compiler sees it (labels), turned into a LoopInfo (pcs)."""

    def __init__(self, id, kind, line, head, parent):
        self.id = id
        self.kind = kind
        self.line = line
        self.head = head
        self.parent = parent
        self.end = None
        self.exits = []
        self.iter_reg = None


def _successors(instr: Instr, i: int, pos: dict):
    op = instr.op
    flags = op.flags
    if "jump" in flags:
        return [pos[id(op.target(instr.args))]]
    if "exit" in flags and "yield" not in flags:
        return []
    succ = [i + 1]
    if "branch" in flags:
        succ.append(pos[id(op.target(instr.args))])
    return succ


def _exception_stacks(items, pos):
    """The stack of open handlers at each item, following control flow."""
    stacks = [None] * len(items)
    work = [(0, ())]
    while work:
        i, stack = work.pop()
        while i < len(items) and stacks[i] is None:
            stacks[i] = stack
            item = items[i]
            if isinstance(item, SetupExcept):
                work.append((pos[id(item.handler)], stack))
                stack = stack + ((item.handler, item.reg),)
                i += 1
            elif isinstance(item, PopBlock):
                stack = stack[:-1]
                i += 1
            elif isinstance(item, Label):
                i += 1
            else:
                succ = _successors(item, i, pos)
                for s in succ[1:]:
                    work.append((s, stack))
                if not succ:
                    break
                i = succ[0]
    return stacks


def _unbound_reads(items, pos, stacks, nlocals, nparams):
    """For each instruction, the local registers it may read while unassigned."""
    n = len(items)
    full = (1 << nlocals) - 1
    state_in = [None] * n
    state_in[0] = (1 << nparams) - 1
    work = [0]
    queued = {0}

    def flow(j, state):
        old = state_in[j]
        new = state if old is None else (old & state)
        if new != old:
            state_in[j] = new
            if j not in queued:
                queued.add(j)
                work.append(j)

    while work:
        i = work.pop()
        queued.discard(i)
        state = state_in[i]
        item = items[i]
        if isinstance(item, SetupExcept):
            flow(pos[id(item.handler)], state)
            flow(i + 1, state)
            continue
        if not isinstance(item, Instr):
            if i + 1 < n:
                flow(i + 1, state)
            continue
        if stacks[i]:
            flow(pos[id(stacks[i][-1][0])], state)
        after_reads = state
        for r in item.op.read(item.args):
            if r < nlocals:
                after_reads |= 1 << r
        after = after_reads
        if item.op.name == "DELETE_FAST":
            after &= full ^ (1 << item.args[0])
        else:
            for r in item.op.written(item.args):
                if r < nlocals:
                    after |= 1 << r
        succ = _successors(item, i, pos)
        for k, s in enumerate(succ):
            if s >= n:
                continue
            # FOR_ITER writes its target only when it does not leave the loop
            flow(s, after_reads if (k == 1 and item.op.name == "FOR_ITER") else after)

    checks = {}
    for i, item in enumerate(items):
        if not isinstance(item, Instr) or state_in[i] is None or item.op.name in _NO_CHECK:
            continue
        state = state_in[i]
        need = []
        for r in item.op.read(item.args):
            if r < nlocals and not (state >> r) & 1:
                need.append(r)
                state |= 1 << r
        if need:
            checks[i] = need
    return checks


def assemble(gen) -> CodeObject:
    items = gen.code
    pos = {id(item): i for i, item in enumerate(items) if isinstance(item, Label)}
    stacks = _exception_stacks(items, pos)
    consts = gen.consts
    unbound_moves = set()
    for i, item in enumerate(items):
        if isinstance(item, Instr) and item.op.name == "MOVE" and item.args[1] < 0 \
                and consts[-1 - item.args[1]] is UNBOUND:
            unbound_moves.add(i)
    checks = _unbound_reads_with(items, pos, stacks, gen, unbound_moves)

    instrs: list[Instr] = []
    handlers: list = []
    for i, item in enumerate(items):
        if isinstance(item, Label):
            item.pc = len(instrs)
        elif isinstance(item, Instr):
            handler = stacks[i][-1] if stacks[i] else None
            named = gen.read_positions.get(id(item), (None, {}))[1]
            for r in checks.get(i, ()):
                instrs.append(Instr(_CHECK_BOUND, [r, gen.name_idx(gen.regnames[r])], item.line,
                                    named.get(r, item.pos)))
                handlers.append(handler)
            instrs.append(item)
            handlers.append(handler)
    # resolve jump targets
    for instr in instrs:
        for k, kind in enumerate(instr.op.kinds):
            if kind == "j":
                instr.args[k] = instr.args[k].pc
    # exception table: runs of instructions with the same innermost handler
    table = []
    start = 0
    for pc in range(1, len(instrs) + 1):
        if pc == len(instrs) or handlers[pc] != handlers[start]:
            if handlers[start] is not None:
                label, reg = handlers[start]
                table.append(ExceptionEntry(start, pc, label.pc, reg))
            start = pc
    return_sites = [(item.pc, item.value, item.loops) for item in items
                    if isinstance(item, ReturnSite)]
    loops = [LoopInfo(rec.id, rec.kind, rec.line, rec.head.pc, rec.end.pc, rec.parent,
                      [e.pc for e in rec.exits], rec.iter_reg) for rec in gen.loops]
    return CodeObject(
        name=gen.name, qualname=gen.qualname, filename=gen.unit.filename,
        firstlineno=gen.firstlineno, kind=gen.kind, instrs=instrs, consts=gen.consts,
        names=gen.names, nregs=gen.max_reg, regnames=dict(gen.regnames), nlocals=gen.nlocals,
        params=list(gen.params), argcount=gen.argcount, posonlyargcount=gen.posonlyargcount,
        kwonlyargcount=gen.kwonlyargcount, flags=gen.flags, cellvars=list(gen.cellvars),
        freevars=list(gen.freevars), exc_table=table, loops=loops, docstring=gen.docstring,
        ns_reg=gen.ns_reg, return_sites=return_sites,
        source_lines=gen.unit.source_lines)


def _unbound_reads_with(items, pos, stacks, gen, unbound_moves):
    """Run the definite-assignment analysis over the function's named locals."""
    if gen.kind not in ("function", "lambda", "comprehension", "genexpr") or gen.nlocals == 0:
        return {}
    return _unbound_reads(_Marked(items, unbound_moves), pos, stacks, gen.nlocals, len(gen.params))


class _Marked(list):
    """The item list, with MOVEs of the UNBOUND constant tagged so the analysis
    treats them as un-assignment (``except ... as name`` cleanup)."""

    def __init__(self, items, unbound_moves):
        super().__init__(items)
        for i in unbound_moves:
            self[i] = _Unassign(items[i])


class _Unassign(Instr):
    __slots__ = ()

    def __init__(self, instr):
        super().__init__(BY_NAME["DELETE_FAST"], [instr.args[0], 0], instr.line)
