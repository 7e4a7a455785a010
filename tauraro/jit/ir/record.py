"""The recorder: a typed loop region's bytecode becomes IR.

Type inference (``tauraro.jit.infer``) has decided, for each instruction, the
types it sees and whether native code runs it or exits before it. The recorder
walks the region's blocks and turns each instruction into IR ops chosen by its
operand types: ``a + b`` on ints is ``add_ov``, on floats ``fadd``, a bool operand
first becomes an int. Every check native code makes is an explicit guard op, and
every guard, every side exit and every edge leaving the region gets a snapshot:
where the interpreter resumes and the values it needs there.

Each bytecode instruction reads its operands from frame-variable slots
(``getvar``) and writes its result back (``setvar``); the passes forward values
within a block, so the emitted code does not go through the slots.
"""
from __future__ import annotations

import math

from ...boundary import BUILTINS_MODULE as B
from ...compiler.frame_calls import FRAME_CALLS, LOGGING_CALLS
from ..exits import DECIDED, GUARD, INTERRUPT, LOOP_EXIT, ROOM, ROOM_FULL, NewObject
from ..infer import ARITH, COMPARE, SELF_CALL, Inference, is_global, stores_data
from ..jtypes import (DictIterType, SetMethod, SetType, STR, STR_KEYS, ArgsList, BOOL, CHAR, CHAR_CASE, CharMethod, DictGet, DictType, FLOAT, INT, NONE, BoundClassMethod, BoundMethodType, BuiltListType, ReducerType, BuiltinType, ClassType, CombinedIter,
                      InstanceType, JType, ListMethod, MaybeType, OtherType, STR_MAKING, STR_SPLITTING, StrMethod, SeqIterType, SeqType, SliceValue, SuperType, TupleValue, class_lookup, const_type, iter_elem)
from .graph import Graph, Ins, Snapshot, value_type, wasm_type
from .ops import SLICE_OF_STR

# math function -> (op, why it exits: where CPython raises instead of returning)
_PORTED = {math.exp: ("fexp", "math.exp overflow"), math.log: ("flog", "math.log of a number <= 0"),
           math.sin: ("fsin", "math.sin of an infinity"), math.cos: ("fcos", "math.cos of an infinity"),
           math.atan2: ("fatan2", None)}

I64_MIN = -(1 << 63)


class Unsupported(Exception):
    """An instruction the recorder cannot express for these types (the loop is reported
    as not compiled, with this reason)."""


# calls that look at their caller's frame (tauraro.compiler.frame_calls; warn_explicit too,
# whose module and registry default to its caller's): from a callee frame the resume
# interpreter rebuilt they would see its frame, so an exit inside such a callee re-runs the
# call instead
_CALLER_FRAME_NAMES = FRAME_CALLS | {"warn", "warn_explicit"}


def _looks_at_caller(code) -> bool:
    """Does ``code`` call what looks at its caller's frame: a name of FRAME_CALLS or
    warnings', as a global or an attribute, or of logging's as an attribute (``log.info``;
    a global list named ``log`` is no logger, and an exit re-running a call that appended
    to it appended twice)?"""
    names, attrs = set(), set()
    for ins in code.instrs:
        name = ins.op.name
        if name == "LOAD_GLOBAL":
            names.add(code.names[ins.args[1]])
        elif name == "LOAD_ATTR":
            attrs.add(code.names[ins.args[2]])
    return not _CALLER_FRAME_NAMES.isdisjoint(names | attrs) or not LOGGING_CALLS.isdisjoint(attrs)

_CMP = {"LT": "lt", "LE": "le", "GT": "gt", "GE": "ge", "EQ": "eq", "NE": "ne"}
# (a comparison with its operands swapped)
_FLIP = {"LT": "GT", "LE": "GE", "GT": "LT", "GE": "LE"}


class CalleeRegister:
    """A register of an inlined callee's frame, as a frame variable of the loop's graph.
    One object per (frame, register) of a recording (``Frame.var``: a Frame's id is its
    own), so it is compared and hashed by identity, at C speed: a slot's key holding it is
    hashed at every lookup of every pass (~80,000 times in a ray tracer's pixel loop's
    compile, through a Python ``__hash__`` before)."""
    __slots__ = ("frame", "reg", "name")

    def __init__(self, frame: int, reg: int, name: str):
        self.frame = frame
        self.reg = reg
        self.name = name

    def __repr__(self):
        return self.name


class Frame:
    """The code being recorded: the loop's own (``id`` 0) or an inlined callee's.

    An exit inside a callee of a loop resumes there, every frame of the chain rebuilt
    (``parent``, its ``call_pc`` and ``call_state``). In a function compiled whole an
    exit fails the whole call, and a callee's exit leaves by ``leave_at``: the pc of the
    outermost inlined call and the state before it."""

    def __init__(self, inf: Inference, id: int, leave_at=None, result=None, cont=None):
        self.inf = inf
        self.code = inf.code
        self.region = inf.region
        self.id = id
        self.leave_at = leave_at          # (pc, state, line) in the loop's frame, for callees
        self.result = result              # the caller's (var, JType) a return writes
        self.cont = cont                  # the block the caller continues in after a return
        self.name = self.code.qualname
        self.function = getattr(inf, "function_type", None)      # an inlined callee's FunctionType
        self.depth = 0                    # calls inlined between the graph's own frame and this one
        self.constructing = False         # the __init__ of an object native code makes (register 0: it)
        self.looks_at_caller = None       # (its code calls what looks at its caller's frame: callee_snap)
        self.parent = None                # the caller's Frame, its pc of the call and state there
        self.call_pc = None
        self.call_state = None
        self._vars = {}

    def var(self, v):
        """A register operand of this frame as a frame variable of the graph (one object per
        register: a ray tracer's pixel loop asks 12,000 times)."""
        if self.id == 0 or not isinstance(v, int):
            return v
        got = self._vars.get(v)
        if got is None:
            got = self._vars[v] = CalleeRegister(self.id, v, "%s.%s" % (self.name, self.code.regnames.get(v, "t%d" % v)))
        return got

    def key(self, pc):
        return pc if self.id == 0 else (self.id, pc)


class NativeFunction:
    """A function compiled whole that a graph calls natively (``call_fn``): its own graph,
    its parameters (register, JType) and its result's wasm type."""

    def __init__(self, graph, params, result):
        self.graph = graph
        self.params = params
        self.result = result

    def __repr__(self):
        return self.graph.name


class Recorder:
    def __init__(self, inf: Inference, carried: set, constants: dict, name: str, result=None):
        """``carried``: the vars every exit writes back (not part of a snapshot);
        ``constants``: id(constant tuple) -> address of its record; ``result``: for a
        function compiled whole, the JType it returns (its returns end the graph, and
        its exits fail the call: the interpreter makes it)."""
        self.top = Frame(inf, 0)
        self.result = result
        self.natives: dict = {}         # functions compiled whole that the graph calls natively
        self.logged = False             # (a function compiled whole called from a loop: see native_call)
        self.enter(self.top)
        self.frames = 0
        self.carried = carried
        self.constants = constants
        self.graph = Graph(name, inf.region.header, inf.region.loop_headers, self.var_name)
        self.block = None
        self.pc = 0
        self.state = None
        self._carried_mask = None       # (self.carried's registers as a bit set: _live_values)
        self._values_at: dict = {}      # (pc, id(state), skip) -> (state, its values): see _values

    def enter(self, frame: Frame):
        """Record ``frame`` from now on: its inference, code and region too (read at
        every op)."""
        self.frame = frame
        self.inf: Inference = frame.inf
        self.code = frame.code
        self.region = frame.region

    # --- the walk -----------------------------------------------------------------------------
    def record(self) -> Graph:
        self.record_frame()
        g = self.graph
        inf = self.top.inf
        g.entry_vars = set(inf.entry)
        g.carried = set(self.carried)
        if self.result is not None:
            # a function compiled whole: no entry checks the bound of its lists' elements
            # (passes/accumulate, element_lists), so its code never assumes one
            g.elements_allowed = False
        header = inf.region.header
        g.entry_state = Snapshot(self.code, header, self.code.line_of(header), "", GUARD,
                                 self._values(header, inf.block_states[header]))
        return g

    def record_frame(self):
        """Record every block of the current frame's region that native code can reach."""
        frame, region, inf = self.frame, self.region, self.inf
        for start in region.rpo():
            if start not in inf.block_states:
                continue        # reached only through an exit: native code never runs it
            block = region.blocks[start]
            self.block = self.graph.block(frame.key(start), self._label(start))
            if start in region.loop_headers and frame is self.top and region.loop is not None:
                self.room_checks(start, inf.block_states[start])
            stop = inf.exit_at.get(start)
            for pc in range(block.start, block.end):
                self.pc = pc
                self.state = inf.state_before[pc]
                if pc == stop:
                    typing = inf.typings[pc]
                    self.block.term = ("exit", self.snap(pc, typing.reason, typing.kind))
                    break
                ins = self.code.instrs[pc]
                if pc == block.end - 1 and (ins.op.target(ins.args) is not None or "branch" in ins.op.flags):
                    self.terminator(block, pc, ins)
                    break
                self.instruction(pc, ins)
            else:
                if block.succs:
                    self.block.term = ("goto", self.edge(start, block.succs[0]))
            self._interrupts(block, self.block)

    def _label(self, pc, suffix=""):
        f = self.frame
        return ("pc%d%s" % (pc, suffix)) if f.id == 0 else ("%s#%d_pc%d%s" % (f.name, f.id, pc, suffix))

    def _interrupts(self, block, last):
        """A snapshot per edge into a loop header from ``last``, the IR block that ends
        the bytecode ``block``: where a Ctrl-C leaves, state intact (inside a callee:
        before the call)."""
        frame, inf = self.frame, self.inf
        for succ in last.succs() if last.term is not None else ():
            pc = succ if frame.id == 0 else (succ[1] if isinstance(succ, tuple) and succ[0] == frame.id
                                             else None)
            if pc is None or pc not in self.region.loop_headers:
                continue
            if frame.id:
                # (the callee's registers as they are on the edge: the recorder's state is
                # its block's, in which an assignment before the loop -- next_permutation's
                # i = len(a) - 2 -- may not have been made yet)
                snap = self.snap(pc, "interrupted", INTERRUPT, state=inf.edge_states.get((block.start, pc)))
            else:
                state = inf.block_states[pc] if pc == self.region.header \
                    else inf.edge_states.get((block.start, pc))
                if state is None:
                    continue
                snap = self.snap(pc, "interrupted", INTERRUPT, state=state, line=self.code.line_of(pc))
            self.graph.interrupts[(last.key, succ)] = snap

    def edge(self, source: int, target: int):
        """The IR block an edge goes to: the target's, or an exit block if it leaves."""
        frame = self.frame
        if target in self.region.blocks:
            return frame.key(target)
        key = ("exit", source, target)
        if key not in self.graph.blocks:
            b = self.graph.block(key, "exit_to_pc%d_from_pc%d" % (target, source))
            last = self.region.blocks[source].end - 1
            b.term = ("exit", self.snap(target, "left the loop", LOOP_EXIT,
                                        state=self.inf.edge_states[(source, target)],
                                        line=self.code.line_of(last)))
        return key

    def terminator(self, block, pc, ins):
        name = ins.op.name
        if name in ("JUMP", "JUMP_BACK"):
            self.block.term = ("goto", self.edge(block.start, ins.args[0]))
        elif name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            cond = self.truth(ins.args[0])
            jump, fall = self.edge(block.start, ins.args[1]), self.edge(block.start, pc + 1)
            self.block.term = ("branch", cond, jump, fall) if name == "JUMP_IF_TRUE" \
                else ("branch", cond, fall, jump)
        elif name == "FOR_ITER":
            done = self.for_iter_exhausted(ins)
            leave = self.edge(block.start, ins.args[2])
            key = ("next", self.frame.id, pc)
            self.block.term = ("branch", done, leave, key)
            self.block = self.graph.block(key, self._label(pc, "_next"))
            self.for_iter_next(ins)
            self.block.term = ("goto", self.edge(block.start, pc + 1))
        else:
            raise Unsupported("no terminator for %s" % name)

    # --- inlined calls ----------------------------------------------------------------------------
    def inline(self, pc, ins, typing, values=None, result=None, constructing=False):
        """The callee's blocks in place of the call: arguments into its parameter
        registers, its returns into the call's destination, then on after the call.
        (``values``, ``result``: the parameters' and what a return writes, if not the
        call's own; returns the callee's Frame.)"""
        callee_inf = typing.callee
        caller = self.frame
        if values is None:
            values = self.bound_arguments(ins, typing)
        self.frames += 1
        leave_at = caller.leave_at or (pc, self.state, self.code.instrs[pc].line)
        cont = ("return", caller.id, pc)
        callee = Frame(callee_inf, self.frames, leave_at, result or (caller.var(ins.args[0]), typing.result), cont)
        callee.depth = caller.depth + 1
        callee.constructing = constructing
        callee.parent, callee.call_pc, callee.call_state = caller, pc, self.state
        self.graph.inline_depth = max(self.graph.inline_depth, callee.depth)
        for r, (t, parts) in enumerate(values):
            self.write_var(callee.var(r), t, parts)
        entry = callee.key(callee_inf.region.header)
        self.graph.loop_headers |= {callee.key(h) for h in callee_inf.region.loop_headers}
        self.graph.loop_sources.update((callee.key(h), (callee_inf.region.code, h))
                                       for h in callee_inf.region.loop_headers)
        self.block.term = ("goto", entry)
        self.enter(callee)
        self.record_frame()
        self.enter(caller)
        self.block = self.graph.block(cont, self._label(pc, "_after_call"))
        self.pc = pc
        return callee

    def construct(self, pc, ins, typing):
        """``C(...)`` made natively (Inference._construct): a record for the object from the
        heap (``new_obj``: no room, and the interpreter makes it), ``__init__`` inlined
        with the record as ``self`` (its stores fill the fields), then the record is the
        call's result. Nothing but a snapshot sees the object before the loop leaves; an
        exit materialises it then (``transfer.EntryRecords.instance``)."""
        obj = self.guard("new_obj", imm=typing.result.size, reason="no room for a new object")
        arguments = [(typing.operands[1], [obj])] + self.call_arguments(ins)
        values = []
        for how, v in typing.binding:
            if how == "arg":
                values.append(arguments[v])
            else:
                t = const_type(v)
                values.append((t, self.const_parts(v, t)))
        callee = self.inline(pc, ins, typing, values, (self.frame.var(ins.args[0]), NONE), constructing=True)
        # the object: the callee's self as its __init__ returned (the register is never assigned)
        this = [self.block.instrs.append(i) or i for i in
                (Ins("getvar", (), s, None, self.code.instrs[pc].line)
                 for s in self.graph.var_slots(callee.var(0), typing.new))]
        self.write(ins.args[0], typing.result, this)

    def native_call(self, args, typing):
        """A call of a function compiled whole (it could not be inlined): its graph is
        recorded on its own, and the call fails over to the interpreter, before the call."""
        inf = typing.callee
        if not isinstance(inf, Inference):     # a mutually recursive partner (PendingWhole)
            inf = inf.target
            if inf is None:
                raise Unsupported("a mutually recursive function that did not compile")
        fn = self.natives.get(id(inf))
        if fn is None:
            from .passes import optimize
            params = [(r, t) for r, t in enumerate(inf.recursion[1])]
            # registered before its graph is recorded: a partner calling it back calls it
            fn = self.natives[id(inf)] = NativeFunction(None, params, wasm_type(inf.result))
            rec = Recorder(inf, set(), self.constants, "%s_whole" % inf.code.name, result=inf.result)
            rec.natives = self.natives
            # (its str constant keys seed the loop's intern table too: they may meet in a table)
            rec.graph.const_keys = self.graph.const_keys
            # called from a loop (at any depth): its stores into lists are logged, so that a
            # call failing leaves the loop's records as they were (emit: call_fn)
            rec.logged = self.logged or self.result is None
            fn.graph = rec.record()
            optimize(fn.graph)
        self.native_op("call_fn", (fn, self.frame.depth), "a failure in %s" % inf.code.qualname, args, typing)

    def native_op(self, name, imm, reason, args, typing):
        """``call_self`` or ``call_fn``: the bound arguments in, the result to the call's
        destination; a failure inside leaves with ``reason``."""
        # (a resizable list's value is its address: the length read alongside is not passed)
        parts = [p for t, ps in self.bound_arguments(self.code.instrs[self.pc], typing)
                 for p in (ps[:1] if getattr(t, "resizable", False) else ps)]
        r = self.op(name, *parts, imm=imm, type=value_type(typing.result),
                    snap=self.snap(self.pc, reason, GUARD))
        self.store(args[0], typing.result, *([r] if r.type else []))

    def op_RETURN(self, args, typing):
        frame = self.frame
        if frame is self.top:          # a function compiled whole returns
            parts = self.parts(args[0])
            self.block.term = ("return", parts[0] if parts else None)
            return
        var, t = frame.result
        self.write_var(var, t, self.parts(args[0]))
        self.block.term = ("goto", frame.cont)

    # --- emitting -------------------------------------------------------------------------------
    def op(self, name: str, *args, imm=None, snap=None, type=None) -> Ins:
        ins = Ins(name, args, imm, snap, self.code.instrs[self.pc].line, type)
        self.block.instrs.append(ins)
        return ins

    def guard(self, name: str, *args, reason: str, imm=None) -> Ins:
        return self.op(name, *args, imm=imm, snap=self.snap(self.pc, reason, GUARD))

    def snap(self, pc: int, reason: str, kind: str, state=None, line=None) -> Snapshot:
        """The snapshot of an exit resuming at ``pc``: the registers live there that the
        region may have changed, beside the loop variables every exit writes back.
        Inside inlined callees of a loop: every frame's registers live there (see Frame)."""
        top = self.top
        if self.frame is not top:
            reason = "%s in %s" % (reason, self.frame.name)
            if self.result is None:
                try:
                    return self.callee_snap(pc, reason, kind, self.state if state is None else state)
                except Unsupported:
                    if self._chain_stores():
                        raise
                    # before the outermost call: exact for callees that change nothing
            pc, state, line = self.frame.leave_at
        state = self.state if state is None else state
        line = top.code.line_of(pc) if line is None else line
        return self.graph.snapshot(Snapshot(top.code, pc, line, reason, kind, self._values(pc, state)))

    def _chain_stores(self) -> bool:
        """Does a callee of the chain store anything the program sees -- itself, or a
        function it calls natively, at any depth: an item, an attribute, a global, a cell,
        a list's append, pop or insert, a set's add (then an exit in it cannot re-run the
        call: a global list appended to before an overflow got the element twice)?"""
        f = self.frame
        while f is not self.top:
            if stores_data(f.inf):
                return True
            f = f.parent
        return False

    def callee_snap(self, pc, reason, kind, state) -> Snapshot:
        """An exit inside inlined callees: it resumes at ``pc`` of the innermost, each frame
        of the chain holding its registers live there (its caller's, live after the call)."""
        chain = []              # (frame, pc, state), innermost first
        f = self.frame
        while f is not self.top:
            if f.looks_at_caller is None:      # (asked at every exit in it: found once)
                f.looks_at_caller = _looks_at_caller(f.code)
            if f.looks_at_caller:
                # resumed, its calls would see the resume interpreter as their caller
                raise Unsupported("%s calls what looks at its caller's frame" % f.name)
            chain.append((f, pc, state))
            pc, state, f = f.call_pc, f.call_state, f.parent
        # (each frame's registers live after its call, into an exception handler too: the
        # call may raise, and a handler around it read a register nothing after it reads)
        values = self._values(pc, state, skip=self.top.code.instrs[pc].args[0], after=True)
        frames, callees = [(self.top.code, pc)], []
        for k, (f, fpc, fstate) in enumerate(reversed(chain)):
            inner = k + 1 < len(chain)            # (a caller resumes after its call)
            skip = f.code.instrs[fpc].args[0] if inner else None
            if f.code.cellvars:
                raise Unsupported("an exit inside %s, which makes cells" % f.name)
            cells = {reg for _, reg in f.code.freevars}         # (set from the closure)
            live = f.region.liveness.live_after(fpc) if inner else f.region.liveness.live_at(fpc)
            if f.constructing:      # (its self is the call's result: see exits.NewObject)
                live = live | {0}
            for reg in sorted(live):
                if reg == skip or reg in cells:
                    continue
                t = fstate.get(reg)
                if t is None or isinstance(t, OtherType):
                    raise Unsupported("no type for %s of %s at an exit" % (f.code.regnames.get(reg, reg), f.name))
                values.append((f.var(reg), t))
            frames.append((f.code, fpc))
            dest = f.parent.code.instrs[f.call_pc].args[0]
            callees.append((f.id, f.function, NewObject(dest) if f.constructing else dest))
        top_pc = frames[0][1]
        return self.graph.snapshot(Snapshot(self.top.code, chain[0][1], self.top.code.line_of(top_pc), reason,
                                            kind, values, tuple(frames), callees))

    def _values(self, pc, state, skip=None, after=False):
        """The registers of the loop's frame live at ``pc`` (``after``: after it, on any
        path out of it) that the region may change (but ``skip``). (Made once per pc and
        state: the guards of one instruction share them.)"""
        key = (pc, id(state), skip, after)
        have = self._values_at.get(key)
        if have is None:
            have = self._values_at[key] = (state, self._live_values(pc, state, skip, after))
        return list(have[1])

    def _live_values(self, pc, state, skip, after=False):
        region = self.top.region
        # (the live registers the region may change that exits do not write back anyway, in
        # register order: low bit first; carried is not changed while recording)
        if self._carried_mask is None:
            self._carried_mask = sum(1 << r for r in self.carried if isinstance(r, int) and r >= 0)
        bits = (region.liveness.live_out_bits(pc) if after else region.liveness.live_bits(pc)) \
            & region.defined_mask() & ~self._carried_mask
        values = []
        while bits:
            low = bits & -bits
            bits ^= low
            r = low.bit_length() - 1
            if r == skip:
                continue
            t = state.get(r)
            if t is None:
                raise Unsupported("no type for %s at the exit to pc %d" % (self.var_name(r), pc))
            if isinstance(t, OtherType):
                continue    # native code never changes a value it cannot represent
            values.append((r, t))
        return values

    def var_name(self, var) -> str:
        if is_global(var):
            return var[-1]
        if isinstance(var, CalleeRegister):
            return var.name
        name = self.top.code.regnames.get(var)
        return name if name else "t%d" % var

    def slots(self, var, jt: JType):
        return self.graph.var_slots(self.frame.var(var), jt)

    def read(self, var, jt: JType) -> list[Ins]:
        # (what self.op("getvar", imm=slot) makes, per slot: the recorder's commonest op)
        line = self.code.instrs[self.pc].line
        out = [Ins("getvar", (), s, None, line) for s in self.slots(var, jt)]
        self.block.instrs += out
        if getattr(jt, "resizable", False):     # (its length: the record's, as it is now)
            out.append(self.op("list_len", out[0]))
        return out

    def write(self, var, jt: JType, values):
        """A register (or global, or cell) of the current frame := values."""
        wide = self.inf.widened.get((self.pc, var)) if self.inf.widened else None
        if wide is not None and wide is not jt:     # (None or an object into an object-or-None)
            values = [self.op("addr", imm=0)] if jt is NONE else values
            jt = wide
        self.write_var(self.frame.var(var), jt, values)

    def write_var(self, var, jt: JType, values):
        """A frame variable of the graph (any frame's) := values."""
        line = self.code.instrs[self.pc].line
        self.block.instrs += [Ins("setvar", (v,), s, None, line)
                              for s, v in zip(self.graph.var_slots(var, jt), values)]

    # --- operands ---------------------------------------------------------------------------------
    def type_of(self, arg) -> JType:
        if arg < 0:
            return const_type(self.code.consts[-1 - arg])
        return self.state[arg]

    def const_int(self, arg):
        if arg < 0:
            v = self.code.consts[-1 - arg]
            if type(v) in (int, bool):
                return int(v)
        return None

    def parts(self, arg) -> list[Ins]:
        """An operand's values (a constant's, or a register's from its slots)."""
        t = self.type_of(arg)
        if arg >= 0:
            return self.read(arg, t)
        return self.const_parts(self.code.consts[-1 - arg], t)

    def const_parts(self, value, t: JType) -> list[Ins]:
        if t is INT:
            return [self.op("int", imm=value)]
        if t is FLOAT:
            return [self.op("float", imm=value)]
        if t is BOOL:
            return [self.op("bool", imm=int(value))]
        if t is CHAR:
            return [self.op("int", imm=ord(value))]
        if t is NONE:
            return []
        if isinstance(t, SeqType):
            return [self.op("addr", imm=self.constants[id(value)]), self.op("int", imm=len(value))]
        if isinstance(t, SliceValue):       # (a[::-1]: the constant's int members)
            return [self.op("int", imm=int(m)) for m in (value.start, value.stop, value.step) if m is not None]
        raise Unsupported("constant of type %s" % t.name)

    def value(self, arg, want: JType | None = None) -> Ins:
        """A numeric operand as one value, converted to ``want`` if given."""
        t = self.type_of(arg)
        v = self.parts(arg)[0]
        return self.convert(v, t, want) if want is not None else v

    def convert(self, v: Ins, have: JType, want: JType) -> Ins:
        if have is want:
            return v
        if have is BOOL and want is INT:
            return self.op("bool_to_int", v)
        if have is CHAR and want is INT:     # (a character's code point, compared as the string)
            return v
        if have is BOOL and want is FLOAT:
            return self.op("int_to_float", self.op("bool_to_int", v))
        if have is INT and want is FLOAT:
            return self.op("int_to_float", v)
        raise Unsupported("conversion from %s to %s" % (have.name, want.name))

    def store(self, dst, jt: JType, *values):
        self.write(dst, jt, values)

    # --- instructions -----------------------------------------------------------------------------
    def instruction(self, pc: int, ins):
        typing = self.inf.typings[pc]
        if typing.action == "nop":
            return
        name = ins.op.name
        args = ins.args
        if name in ARITH:
            self.binary(name, args[0], args[1], args[2], typing.result)
        elif name.startswith("I") and name[1:] in ARITH:
            self.binary(name[1:], args[0], args[0], args[1], typing.result)
        elif name in COMPARE:
            self.compare(name, *args)
        else:
            method = getattr(self, "op_" + name, None)
            if method is None:
                raise Unsupported("no recording for %s" % name)
            method(args, typing)

    def op_MOVE(self, args, typing):
        if typing.result is STR and self.type_of(args[1]) is not STR:      # (a str constant: its record)
            self.write(args[0], STR, self.const_parts(self.code.consts[-1 - args[1]], STR))
            return
        t = self.type_of(args[1])
        self.write(args[0], t, self.parts(args[1]))

    def load_outside(self, dst, var):
        """A global or a closure variable into a register."""
        t = self.state[var]
        self.write(dst, t, [] if t.static else self.read(var, t))

    def op_LOAD_GLOBAL(self, args, typing):
        self.load_outside(args[0], ("g", self.code.names[args[1]]))

    def op_LOAD_DEREF(self, args, typing):
        var = self.inf.cell_var(args[1])
        constant, value = self.inf.cell_constant(args[1])
        if constant:            # an inlined closure's variable: the constant its cell holds
            t = self.state[var]
            self.write(args[0], t, [] if t.static else self.const_parts(value, t))
            return
        self.load_outside(args[0], var)

    def op_STORE_DEREF(self, args, typing):
        self.write(self.inf.cell_var(args[0]), self.type_of(args[1]), self.parts(args[1]))

    def op_STORE_GLOBAL(self, args, typing):
        self.write(("g", self.code.names[args[0]]), self.type_of(args[1]), self.parts(args[1]))

    def op_LOAD_ATTR(self, args, typing):
        # a function of a module or an attribute of a class known at compile time (the entry
        # checked it): no value, or a number read at compile time
        if typing.callee is not None:       # a property's getter (Inference._property)
            self.inline(self.pc, self.code.instrs[self.pc], typing)
            return
        t = typing.result
        source = self.type_of(args[1])
        if isinstance(source, MaybeType):       # (None leaves: the interpreter raises AttributeError)
            self.guard("check_ref", self.parts(args[1])[0], reason="AttributeError")
            source = source.inner
        if isinstance(source, ClassType) and not t.static:
            self.write(args[0], t, self.const_parts(source.lookup(self.code.names[args[2]]), t))
        elif isinstance(source, ClassType):
            self.write(args[0], t, [])
        elif isinstance(t, (CharMethod, DictGet, SetMethod)):  # c.isdigit, d.get, s.add: the character, the table, bound
            self.write(args[0], t, self.parts(args[1]))
        elif isinstance(t, BoundMethodType):        # o.m: the object's record, bound
            self.write(args[0], t, self.parts(args[1]))
        elif isinstance(t, StrMethod):              # s.startswith: the str's record, bound
            self.write(args[0], t, [self.str_operand(args[1])])
        elif isinstance(t, ListMethod):             # lst.append: the list's record, bound
            self.write(args[0], t, self.parts(args[1])[:1])
        elif isinstance(source, InstanceType):
            name = self.code.names[args[2]]
            field = source.field(name)
            if field is None:
                # a number of the class read through the object (Inference._field; every
                # entry checks the class's attribute, and that the object's dict has none)
                self.write(args[0], t, self.const_parts(class_lookup(source.klass, name), t))
                return
            k, ft = field
            addr = self.op("elem", self.parts(args[1])[0], self.op("int", imm=k))
            self.store(args[0], ft, *self.load_elem(ft, addr))

    def op_STORE_ATTR(self, args, typing):
        """A field of an object copied in: its word, and the record marked for the exit to
        write back (jtypes.InstanceType)."""
        obj = self.type_of(args[0])
        base = self.parts(args[0])[0]
        if isinstance(obj, MaybeType):          # (None leaves: the interpreter raises AttributeError)
            self.guard("check_ref", base, reason="AttributeError")
            obj = obj.inner
        grown = typing.result
        if grown is not None:       # a new attribute of an object being made: its next field
            k, ft = len(obj.fields), grown.fields[-1][1]
        else:
            k, ft = obj.field(self.code.names[args[1]])
        if isinstance(ft, MaybeType):           # (an object or None: its word, None's 0)
            self.op("store_addr", self.op("elem", base, self.op("int", imm=k)), self.ref_word(args[2]))
        elif isinstance(ft, InstanceType):      # (an object: its record's address)
            self.op("store_addr", self.op("elem", base, self.op("int", imm=k)), self.parts(args[2])[0])
        else:
            value = self.value(args[2], ft)
            if ft is BOOL:
                value = self.op("bool_to_int", value)
            self.op("store_float" if ft is FLOAT else "store_int", self.op("elem", base, self.op("int", imm=k)), value)
        if grown is not None:       # every register holding it now has the next type
            for var, t in sorted(self.state.items(), key=lambda vt: repr(vt[0])):
                if t is obj:
                    self.write(var, grown, self.read(var, obj))
            return
        self.op("mark_dirty", base)

    def op_NEG(self, args, typing):
        if self.type_of(args[1]) is FLOAT:
            self.store(args[0], FLOAT, self.op("fneg", self.value(args[1])))
        else:
            self.store(args[0], INT, self.guard("neg_ov", self.value(args[1], INT), reason="int overflow"))

    def op_POS(self, args, typing):
        t = self.type_of(args[1])
        self.store(args[0], typing.result, self.value(args[1], FLOAT if t is FLOAT else INT))

    def op_INVERT(self, args, typing):
        self.store(args[0], INT, self.op("invert", self.value(args[1], INT)))

    def op_NOT(self, args, typing):
        self.store(args[0], BOOL, self.op("not", self.truth(args[1])))

    def op_IN(self, args, typing, negate=False):
        """A character in a string constant: a comparison with each run of consecutive
        code points the constant holds (``c in "0123456789"`` is one range test)."""
        if isinstance(self.type_of(args[2]), DictType):     # k in d: the table has it
            r = self.op("addr_nonzero", self.op("dict_find", self.parts(args[2])[0], self.dict_key(args[1])))
            self.store(args[0], BOOL, self.op("not", r) if negate else r)
            return
        if isinstance(self.type_of(args[2]), SetType):      # x in s: its table has x, not removed
            r = self.op("set_has", self.parts(args[2])[0], self.dict_key(args[1]))
            self.store(args[0], BOOL, self.op("not", r) if negate else r)
            return
        needle = self.inf.str_kind(args[1], self.type_of(args[1]))
        if args[2] < 0 and type(self.code.consts[-1 - args[2]]) is tuple:
            r = self.in_str_tuple(needle, args[1], self.code.consts[-1 - args[2]])
            self.store(args[0], BOOL, self.op("not", r) if negate else r)
            return
        if needle == "char" and self.type_of(args[2]) is STR:      # a character in a str value
            r = self.op("str_find_char", self.str_operand(args[2]), self.value(args[1]))
            self.store(args[0], BOOL, self.op("not", r) if negate else r)
            return
        if needle == "str":     # a substring
            r = self.op("str_find", self.str_operand(args[2]), self.str_operand(args[1]))
            self.store(args[0], BOOL, self.op("not", r) if negate else r)
            return
        c = self.value(args[1])
        codes = sorted(set(map(ord, self.code.consts[-1 - args[2]])))
        runs = []
        for k in codes:
            if runs and runs[-1][1] == k - 1:
                runs[-1][1] = k
            else:
                runs.append([k, k])
        r = self.code_in_runs(c, runs)
        self.store(args[0], BOOL, self.op("not", r) if negate else r)

    def in_str_tuple(self, needle, arg, members) -> Ins:
        """A str or a character in a constant tuple of strs (``text[i:i + 2] in ("==",
        "!=")``): equal to one of the members, each compared as ``==`` compares it -- a
        character with a one-character member's code point, a str with a one-character
        member by str_cmp_char, with a longer (or empty) one by str_eq with its constant
        record (jtypes.str_tuple; layout._scan_constants)."""
        r = self.op("bool", imm=0)
        x = self.value(arg) if needle == "char" else self.str_operand(arg)
        zero = self.op("int", imm=0)
        for m in dict.fromkeys(members):
            if len(m) == 1:
                code = self.op("int", imm=ord(m))
                test = self.op("eq", x, code) if needle == "char" else \
                    self.op("eq", self.op("str_cmp_char", x, code), zero)
            elif needle == "char":
                continue        # (a character is no longer or empty str)
            else:
                test = self.op("str_eq", x, self.op("addr", imm=self.constants[id(m)]))
            r = self.op("bool_or", r, test)
        return r

    def char_method(self, dst, fn, c):
        """``c.isdigit()`` and the others for an ASCII character: is its code point in one
        of the method's runs (another character leaves, before the call)."""
        self.guard("check_abs", c, imm=127, reason="str.%s of a non-ASCII character" % fn.method)
        if fn.method in CHAR_CASE:      # (c.upper(), c.lower(): a character)
            self.store(dst, CHAR, self.op("select_int", self.code_in_runs(c, fn.runs),
                                          self.op("add", c, self.op("int", imm=CHAR_CASE[fn.method])), c))
            return
        self.store(dst, BOOL, self.code_in_runs(c, fn.runs))

    def code_in_runs(self, c, runs) -> Ins:
        r = self.op("bool", imm=0)
        for lo, hi in runs:
            if lo == hi:
                test = self.op("eq", c, self.op("int", imm=lo))
            else:
                test = self.op("bool_and", self.op("ge", c, self.op("int", imm=lo)),
                               self.op("le", c, self.op("int", imm=hi)))
            r = self.op("bool_or", r, test)
        return r

    def op_NOT_IN(self, args, typing):
        self.op_IN(args, typing, negate=True)

    def op_IS(self, args, typing, negate=False):
        a, b = self.type_of(args[1]), self.type_of(args[2])
        if isinstance(a, MaybeType) or isinstance(b, MaybeType):
            # an object-or-None: its word against the other's (None's word is 0; one
            # record per object, so equal words are one object)
            same = self.op("same", self.ref_word(args[1]), self.ref_word(args[2]))
            self.store(args[0], BOOL, self.op("not", same) if negate else same)
            return
        if a is not NONE and b is not NONE:     # two records: the same, or not
            same = self.op("same", self.parts(args[1])[0], self.parts(args[2])[0]) if a is b else \
                self.op("bool", imm=0)
            self.store(args[0], BOOL, self.op("not", same) if negate else same)
            return
        self.store(args[0], BOOL, self.op("bool", imm=int((a is NONE and b is NONE) != negate)))

    def ref_word(self, arg) -> Ins:
        """The word of an object, object-or-None or None operand: a record's address, 0
        for None."""
        if self.type_of(arg) is NONE:
            return self.op("addr", imm=0)
        return self.parts(arg)[0]

    def op_IS_NOT(self, args, typing):
        self.op_IS(args, typing, negate=True)

    def op_CHECK_BOUND(self, args, typing):
        pass

    def op_NOP(self, args, typing):
        pass

    def truth(self, arg) -> Ins:
        """Python's bool() of an operand."""
        t = self.type_of(arg)
        if t is BOOL:
            return self.value(arg)
        if t is INT:
            return self.op("int_truth", self.value(arg))
        if t is FLOAT:
            return self.op("float_truth", self.value(arg))
        if t is NONE:
            return self.op("bool", imm=0)
        if t is CHAR:
            return self.op("bool", imm=1)
        if isinstance(t, InstanceType):     # (its class has no __bool__ or __len__: Inference)
            return self.op("bool", imm=1)
        if isinstance(t, MaybeType):        # (not None)
            return self.op("not", self.op("same", self.parts(arg)[0], self.op("addr", imm=0)))
        if isinstance(t, DictType):
            return self.op("int_truth", self.op("dict_len", self.parts(arg)[0]))
        if isinstance(t, SetType):
            return self.op("int_truth", self.op("set_len", self.parts(arg)[0]))
        if isinstance(t, SeqType):          # (strings too)
            return self.op("int_truth", self.parts(arg)[1])
        raise Unsupported("truth of %s" % t.name)

    # arithmetic
    def binary(self, op, dst, a, b, res):
        ta, tb = self.type_of(a), self.type_of(b)
        if res is STR:
            self.store(dst, STR, *self.str_made(self.str_concat(a, b)))
            return
        if op in ("AND", "OR", "XOR"):
            name = {"AND": "band", "OR": "bor", "XOR": "bxor"}[op]
            if res is BOOL:
                name = "bool_" + op.lower()
            self.store(dst, res, self.op(name, self.value(a, res), self.value(b, res)))
            return
        if res is FLOAT:
            self.store(dst, FLOAT, self.float_binary(op, a, b, ta, tb))
            return
        self.store(dst, INT, getattr(self, "int_" + op.lower())(a, b))

    def int_add(self, a, b):
        return self.guard("add_ov", self.value(a, INT), self.value(b, INT), reason="int overflow")

    def int_sub(self, a, b):
        return self.guard("sub_ov", self.value(a, INT), self.value(b, INT), reason="int overflow")

    def int_mul(self, a, b):
        if self.const_int(a) is not None and self.const_int(b) is None:
            a, b = b, a         # the constant second: its guard is one range check
        return self.guard("mul_ov", self.value(a, INT), self.value(b, INT), reason="int overflow")

    def int_floordiv(self, a, b):
        c = self.const_int(b)
        if c is not None and (c > 0 or c < -1):     # (a // -1 overflows at the least int)
            return self.op("floordiv_const", self.value(a, INT), imm=c)
        va, vb = self.value(a, INT), self.value(b, INT)
        self.guard("check_nonzero", vb, reason="ZeroDivisionError")
        return self.guard("floordiv_ov", va, vb, reason="int overflow")

    def int_mod(self, a, b):
        c = self.const_int(b)
        if c is not None and c != 0:
            return self.op("mod_const", self.value(a, INT), imm=c)
        va, vb = self.value(a, INT), self.value(b, INT)
        self.guard("check_nonzero", vb, reason="ZeroDivisionError")
        return self.op("mod", va, vb)

    def int_pow(self, a, b):
        va, vb = self.value(a, INT), self.value(b, INT)
        self.guard("check_nonneg", vb, reason="negative exponent")
        return self.guard("pow_ov", va, vb, reason="int overflow")

    def int_lshift(self, a, b):
        va, vb = self.value(a, INT), self.value(b, INT)
        self.guard("check_nonneg", vb, reason="negative shift count")
        return self.guard("lshift_ov", va, vb, reason="int overflow")

    def int_rshift(self, a, b):
        va, vb = self.value(a, INT), self.value(b, INT)
        self.guard("check_nonneg", vb, reason="negative shift count")
        return self.op("rshift", va, vb)

    def float_binary(self, op, a, b, ta, tb) -> Ins:
        if op == "TRUEDIV" and ta is not FLOAT and tb is not FLOAT:
            # int / int: exact through f64 only while both fit in 53 bits
            va, vb = self.value(a, INT), self.value(b, INT)
            self.guard("check_nonzero", vb, reason="ZeroDivisionError")
            for v in (va, vb):
                self.guard("check_int53", v, reason="true division of large ints")
            return self.op("truediv_int", va, vb)
        fa, fb = self.value(a, FLOAT), self.value(b, FLOAT)
        if op in ("TRUEDIV", "FLOORDIV", "MOD"):
            self.guard("check_fnonzero", fb, reason="ZeroDivisionError")
        if op == "POW":
            return self.guard("fpow", fa, fb, reason="float ** raises")
        return self.op({"ADD": "fadd", "SUB": "fsub", "MUL": "fmul", "TRUEDIV": "fdiv",
                        "MOD": "fmod", "FLOORDIV": "ffloordiv"}[op], fa, fb)

    def str_operand(self, arg) -> Ins:
        """A str operand's record: a STR value's, or a str constant's (layout's constant
        records)."""
        if arg < 0:
            return self.op("addr", imm=self.constants[id(self.code.consts[-1 - arg])])
        return self.parts(arg)[0]

    def str_concat(self, a, b) -> Ins:
        """``a + b`` of two strs or characters (str values, str constants, CHARs): a new
        record from the heap (wasmgen/slices ``str_concat``; no room leaves before the
        ``+``, and the interpreter concatenates). An exit materialises it
        (``transfer.EntryRecords.seq``), as a slice."""
        parts, flags = [], 0
        for k, arg in enumerate((a, b)):
            if self.inf.str_kind(arg, self.type_of(arg)) == "char":
                parts += [self.op("addr", imm=0), self.value(arg)]
                flags |= 1 << k
            else:
                parts += [self.str_operand(arg), self.op("int", imm=0)]
        return self.guard("str_concat", *parts, imm=flags, reason="no room for a str")

    def str_box(self, c: Ins) -> Ins:
        """The character ``c`` (a code point) as a one-character str record, from the heap
        (``str_concat`` with nothing after it): a character stored into a list of str."""
        return self.guard("str_concat", self.op("addr", imm=0), c, self.op("addr", imm=0), self.op("int", imm=0),
                          imm=1 | 4, reason="no room for a str")

    def str_made(self, rec: Ins) -> list[Ins]:
        """A STR value's parts for a record native code made: the record and its length."""
        return [rec, self.op("seq_len", rec)]

    def str_compare(self, op, a, b) -> Ins:
        """``a OP b`` of two strs, at least one a whole str (a record), the other a record
        or a CHAR: equality by str_eq (lengths first), order by the sign of str_cmp."""
        ka, kb = self.inf.str_kind(a, self.type_of(a)), self.inf.str_kind(b, self.type_of(b))
        if ka == "char":        # (the character on the right: the order flips)
            a, b, ka, kb = b, a, kb, ka
            op = _FLIP.get(op, op)
        if kb == "char":
            c = self.op("str_cmp_char", self.str_operand(a), self.value(b))
        elif op in ("EQ", "NE"):
            r = self.op("str_eq", self.str_operand(a), self.str_operand(b))
            return r if op == "EQ" else self.op("not", r)
        else:
            c = self.op("str_cmp", self.str_operand(a), self.str_operand(b))
        return self.op(_CMP[op], c, self.op("int", imm=0))

    def str_affix(self, method, s, p) -> Ins:
        """``s.startswith(p)`` or ``s.endswith(p)`` of the str record ``s`` and a str or a
        character ``p`` (wasmgen/strings)."""
        name = "str_starts" if method == "startswith" else "str_ends"
        if self.inf.str_kind(p, self.type_of(p)) == "char":
            return self.op(name + "_char", s, self.value(p))
        return self.op(name, s, self.str_operand(p))

    def str_making(self, method, s, rest) -> Ins:
        """``s.strip(...)``, ``lstrip``, ``rstrip`` (of whitespace, of the characters of a str or
        of one character ``rest[0]``) or ``s.lower()``, ``s.upper()`` of the str record ``s``:
        a new record from the heap, or ``s`` itself where nothing changes (wasmgen/strmethods;
        no room, or a case of a code point past ASCII, leaves before the call)."""
        if method in ("lower", "upper"):
            return self.guard("str_case", s, imm=int(method == "upper"),
                              reason="%s of a str not ASCII, or no room for a str" % method)
        flags = {"strip": 3, "lstrip": 1, "rstrip": 2}[method]
        if not rest:
            chars, c = self.op("addr", imm=0), self.op("int", imm=0)
            flags |= 4
        elif self.inf.str_kind(rest[0], self.type_of(rest[0])) == "char":
            chars, c = self.op("addr", imm=0), self.value(rest[0])
            flags |= 8
        else:
            chars, c = self.str_operand(rest[0]), self.op("int", imm=0)
        return self.guard("str_strip", s, chars, c, imm=flags, reason="no room for a str")

    def compare(self, op, dst, a, b):
        ta, tb = self.type_of(a), self.type_of(b)
        ka, kb = self.inf.str_kind(a, ta), self.inf.str_kind(b, tb)
        if ka and kb and "str" in (ka, kb):
            self.store(dst, BOOL, self.str_compare(op, a, b))
            return
        if FLOAT in (ta, tb):
            # an int meets a float: exact only while the int fits in 53 bits
            for arg, t in ((a, ta), (b, tb)):
                if t is INT:
                    c = self.const_int(arg)
                    if c is None:
                        self.guard("check_int53", self.value(arg), reason="comparing a large int with a float")
                    elif abs(c) > (1 << 53):
                        raise Unsupported("comparing a large int constant with a float")
            r = self.op("f" + _CMP[op], self.value(a, FLOAT), self.value(b, FLOAT))
        elif ta is BOOL and tb is BOOL and op in ("EQ", "NE"):
            r = self.op("bool_" + _CMP[op], self.value(a), self.value(b))
        else:
            r = self.op(_CMP[op], self.value(a, INT), self.value(b, INT))
        self.store(dst, BOOL, r)

    # iteration
    def op_GET_ITER(self, args, typing):
        t = self.type_of(args[1])
        self.write(args[0], typing.result, self.fresh_iter(t, self.parts(args[1])))

    def fresh_iter(self, t: JType, parts) -> list:
        """The parts of ``iter(x)`` for ``x`` of type ``t`` with ``parts``: a list or tuple's
        record at position 0; a range's (start, stop, step) is its iterator's (cur, stop,
        step); an iterator is itself."""
        if isinstance(t, SeqType):
            return [parts[0], self.op("int", imm=0)]
        return list(parts)

    def op_UNPACK(self, args, typing):
        t = self.type_of(args[0])
        parts = self.parts(args[0])
        if isinstance(t, SeqType):      # of the length the targets take (else ValueError, by the resume)
            base, n = parts
            self.guard("check_len", n, imm=len(args) - 1, reason="unpacking a %s of another length" % t.name)
            parts = [p for k in range(len(args) - 1)
                     for p in self.load_elem(t.elem, self.op("elem", base, self.op("int", imm=k)))]
            t = typing.result
        k = 0
        for target, member in zip(args[1:], t.members):
            n = len(member.parts)
            self.write(target, member, parts[k:k + n])
            k += n

    def for_iter_exhausted(self, ins) -> Ins:
        it = ins.args[1]
        t = self.state[it]
        return self.iter_done(t, self.read(it, t))

    def for_iter_next(self, ins):
        """On the edge into the loop body: the next value to the target, and advance."""
        target, it = ins.args[0], ins.args[1]
        t = self.state[it]
        elem, parts = self.iter_next(t, self.read(it, t))
        self.write(target, iter_elem(t), elem)
        self.write(it, t, parts)

    def iter_done(self, t: JType, parts) -> Ins:
        """Is an iterator of type ``t`` (its ``parts``) exhausted?"""
        if isinstance(t, DictIterType):
            # (a dict whose size changed since the iterator was made: leave before next(),
            # and the interpreter raises CPython's RuntimeError on the program's iterator,
            # which write-back advanced before it wrote back the dict: docs/jit-data.md)
            rec = parts[0]
            end = self.op("dict_iter_end", rec)
            self.guard("check_true", self.op("eq", self.op("dict_len", self.op("dict_iter_table", rec)), end),
                       reason="the dict changed size during iteration")
            return self.op("ge", self.op("dict_iter_pos", rec), end)
        if isinstance(t, SeqIterType):
            seq, idx = parts
            return self.op("ge", idx, self.op("list_len" if t.seq.resizable else "seq_len", seq))
        if isinstance(t, CombinedIter):
            if t.kind == "reversed":
                done = self.op("lt", parts[1], self.op("int", imm=0))
                if t.inner[0].seq.resizable:    # (a list popped below the position: done, as in CPython)
                    done = self.op("bool_or", done, self.op("ge", parts[1], self.op("list_len", parts[0])))
                return done
            done = None
            k = 0
            for inner in t.inner:     # zip: done when any is
                n = len(inner.parts)
                d = self.iter_done(inner, parts[k:k + n])
                done = d if done is None else self.op("bool_or", done, d)
                k += n
            return done
        cur, stop, step = parts
        return self.op("range_done", cur, stop, step, imm=t.direction)

    def iter_next(self, t: JType, parts):
        """(the parts of the next value, the iterator's parts after it) of an iterator
        that is not exhausted."""
        if isinstance(t, DictIterType):
            rec = parts[0]
            table, pos = self.op("dict_iter_table", rec), self.op("dict_iter_pos", rec)
            out = []
            if t.kind != "values":
                if t.dict.key is STR:       # (the record the entry wrote for the key)
                    key = self.op("load_addr", self.op("elem", self.op("dict_iter_keys", rec), pos))
                    out += [key, self.op("seq_len", key)]
                else:
                    out.append(self.op("load_int", self.op("dict_entry", table, pos, imm=0)))
            if t.kind != "keys":
                out += self.load_elem(t.dict.value, self.op("dict_entry", table, pos, imm=1))
            self.op("dict_iter_set", rec, self.op("add", pos, self.op("int", imm=1)))
            return out, [rec]
        if isinstance(t, SeqIterType) or isinstance(t, CombinedIter) and t.kind == "reversed":
            seq, idx = parts
            elem = t.seq.elem if isinstance(t, SeqIterType) else t.elem
            value = self.load_elem(elem, self.op("elem", seq, idx))
            step = -1 if isinstance(t, CombinedIter) else 1
            return value, [seq, self.op("add", idx, self.op("int", imm=step))]
        if isinstance(t, CombinedIter):
            values, after = [], []
            k = 0
            for inner in t.inner:
                n = len(inner.parts)
                v, a = self.iter_next(inner, parts[k:k + n])
                values += v
                after += a
                k += n
            if t.kind == "enumerate":
                count = parts[k]
                values = [count] + values
                after.append(self.guard("add_ov", count, self.op("int", imm=1), reason="int overflow"))
            return values, after
        cur, stop, step = parts
        # cannot overflow: the range was checked to step past its stop without overflow
        return [cur], [self.op("add", cur, step), stop, step]

    # sequences
    def index(self, container, index) -> Ins:
        base, n = self.parts(container)
        return self.guard("index", base, n, self.value(index, INT), reason="IndexError")

    def op_BUILD_TUPLE(self, args, typing):
        self.store(args[0], typing.result, *[p for a in args[1:] for p in self.parts(a)])

    def op_BUILD_LIST(self, args, typing):
        """``[]`` in a loop: a list native code makes (``new_list``, in the heap: no room
        there, and the interpreter makes it); else the arguments of f(a, *t): a virtual
        list (ArgsList) of its members' parts."""
        if isinstance(typing.result, SeqType):
            self.store(args[0], typing.result, self.guard("new_list", reason="no room for a new list"))
            return
        self.op_BUILD_TUPLE(args, typing)

    def op_LIST_EXTEND(self, args, typing):
        if args[1] < 0:         # a constant tuple: its members' constants
            added = [p for v in self.code.consts[-1 - args[1]] for p in self.const_parts(v, const_type(v))]
        else:
            added = self.parts(args[1])
        self.store(args[0], typing.result, *self.parts(args[0]), *added)

    def op_LIST_TO_TUPLE(self, args, typing):
        self.store(args[0], typing.result, *self.parts(args[1]))

    def member_parts(self, t: TupleValue, parts, k: int):
        """The parts of member ``k`` of a tuple virtual (``k`` may count from the end)."""
        k %= len(t.members)
        start = sum(len(m.parts) for m in t.members[:k])
        return parts[start:start + len(t.members[k].parts)]

    def op_BUILD_SLICE(self, args, typing):
        """A slice virtual: its int members' values (a bool's as an int), None's none."""
        self.store(args[0], typing.result, *[self.value(a, INT) for a, m in zip(args[1:], typing.result.members)
                                             if m is not NONE])

    def slice(self, dst, c: SeqType, src, sl: SliceValue, parts):
        """``src[start:stop:step]`` of a list, tuple or str ``c``: a new record of the same
        type from the heap (wasmgen/slices ``seq_slice``; a str or tuple sliced whole is
        its own record, as CPython returns the very object). A zero step leaves first (the
        interpreter raises CPython's ValueError), and so does a full heap. The new record
        is no entry's: an exit makes it a new Python list, tuple or str
        (``transfer.EntryRecords.seq``), so a list's slice is never the list."""
        given = iter(parts)
        start, stop, step = [next(given) if m is not NONE else None for m in sl.members]
        if step is None:
            step = self.op("int", imm=1)
        elif not (step.op == "int" and step.imm != 0):
            self.guard("check_nonzero", step, reason="a slice step of 0 (ValueError)")
        src = self.parts(src)
        base = src[0]
        n = self.op("list_len", base) if c.resizable else src[1]
        flags = (start is not None) | (stop is not None) << 1 | (4 if c.kind != "list" else 0) | (8 if c.resizable else 0) \
            | (SLICE_OF_STR if c is STR else 0)
        zero = self.op("int", imm=0)
        rec = self.guard("seq_slice", base, n, zero if start is None else start, zero if stop is None else stop, step, imm=flags,
                         reason="no room for a slice")
        self.store(dst, c, *([rec] if c.resizable else [rec, self.op("seq_len", rec)]))

    def op_SUBSCR(self, args, typing):
        c = self.type_of(args[1])
        sl = self.type_of(args[2])
        if isinstance(sl, SliceValue):
            self.slice(args[0], c, args[1], sl, self.parts(args[2]))
            return
        if isinstance(c, DictType):
            # d[k]: the value of k's entry; a missing key leaves, and the interpreter raises
            # the KeyError
            a = self.op("dict_find", self.parts(args[1])[0], self.dict_key(args[2]))
            self.guard("check_found", a, reason="a key missing from the dict")
            self.store(args[0], c.value, *self.load_elem(c.value, a))
            return
        if isinstance(c, TupleValue):
            k = self.const_int(args[2])
            self.store(args[0], typing.result, *self.member_parts(c, self.parts(args[1]), k))
            return
        addr = self.index(args[1], args[2])
        self.store(args[0], c.elem, *self.load_elem(c.elem, addr))

    def dict_key(self, arg) -> Ins:
        """The word of a key operand (jtypes.DictType): an int's value (a bool's 0 or 1), a
        character's code point, a str constant's number (jtypes.StrKeys), a str value's
        from its record (``str_key``)."""
        if arg < 0 and type(self.code.consts[-1 - arg]) is str:
            value = self.code.consts[-1 - arg]
            if len(value) != 1:
                self.graph.const_keys.add(value)
            return self.op("int", imm=STR_KEYS.word(value))
        t = self.type_of(arg)
        if t is STR:        # (its record's key word: a str not copied in leaves)
            return self.guard("str_key", self.str_operand(arg), reason="a str not numbered as a key")
        return self.value(arg, INT) if t is BOOL else self.value(arg)

    def dict_get(self, dst, fn, table, key_arg, default_arg):
        """``d.get(k, default)``: the value of k's entry if it has one, else the default
        (the value's load reads address 0 up when k is missing: harmless, not used);
        ``d.get(k)`` (``default_arg`` None): the value, guarded on k being there."""
        a = self.op("dict_find", table, self.dict_key(key_arg))
        t = fn.dict.value
        if default_arg is None:     # d.get(k): k's value; a key not there leaves (None is the interpreter's)
            self.guard("check_ref", a, reason="d.get(k) of a key not in the dict")
            self.store(dst, t, self.load_elem(t, a)[0])
            return
        value = self.load_elem(t, a)[0]
        self.store(dst, t, self.op("select_float" if t is FLOAT else "select_int", self.op("addr_nonzero", a),
                                   value, self.value(default_arg)))

    def load_elem(self, elem, addr) -> list[Ins]:
        """The parts of an element of a record, or of a field (a bool's word is 0 or 1; an
        object's, a list's or a dict's, its record's or table's address, and a list's length
        from its record)."""
        if elem is FLOAT:
            return [self.op("load_float", addr)]
        if elem is BOOL:
            return [self.op("int_truth", self.op("load_int", addr))]
        if isinstance(elem, (InstanceType, MaybeType, DictType)):
            return [self.op("load_addr", addr)]
        if isinstance(elem, SeqType):
            rec = self.op("load_addr", addr)
            return [rec, self.op("list_len" if elem.resizable else "seq_len", rec)]
        return [self.op("load_int", addr)]

    def op_STORE_SUBSCR(self, args, typing):
        c = self.type_of(args[0])
        if isinstance(c, DictType):
            # d[k] = v: k's entry, added at the end if it is new (a full table grows; if
            # memory cannot, native code leaves first and the interpreter stores); the table
            # is written back at exit
            table = self.parts(args[0])[0]
            if self.type_of(args[1]) is BOOL:       # (d[True] = v: into the key 1 only if it is there)
                a = self.op("dict_find", table, self.dict_key(args[1]))
                self.guard("check_found", a, reason="a new bool key")
            else:
                a = self.guard("dict_slot", table, self.dict_key(args[1]), reason="no memory left for the dict's table")
            self.op("store_float" if c.value is FLOAT else "store_int", a, self.value(args[2]))
            self.op("mark_dirty", table)
            return
        addr = self.index(args[0], args[1])
        if self.logged:     # (a function compiled whole, called from a loop: its list is the loop's)
            self.guard("undo_log", addr, reason="the undo log is full")
        if c.elem is STR:       # (a str, or a str constant's record: written back as the constant)
            self.op("store_addr", addr, self.str_operand(args[2]))
        elif isinstance(c.elem, MaybeType):
            self.op("store_addr", addr, self.ref_word(args[2]))
        elif isinstance(c.elem, (InstanceType, SeqType)):
            self.op("store_addr", addr, self.parts(args[2])[0])
        else:
            value = self.value(args[2])
            if c.elem is BOOL:
                value = self.op("bool_to_int", value)
            self.op("store_float" if c.elem is FLOAT else "store_int", addr, value)
        # the list is written back to Python at exit
        self.op("mark_dirty", self.parts(args[0])[0])

    def list_method(self, fn: ListMethod, dst, base, params):
        """``append``, ``pop`` and ``insert`` of a resizable list, its length in its record
        (docs/jit-data.md). A full record, an empty list's ``pop()``, and a ``pop(i)`` with an
        index out of range leave before the call, and the interpreter runs it (growing the
        list, or raising CPython's IndexError)."""
        elem = fn.seq.elem
        n = self.op("list_len", base)
        if fn.method == "pop":
            if params:
                i = self.value(params[0], INT)
                self.guard("index", base, n, i, reason="IndexError")       # (pop index out of range)
                # a negative i counts from the end: i + n cannot overflow for -n <= i < 0
                at = self.op("select_int", self.op("lt", i, self.op("int", imm=0)), self.op("add", i, n), i)
            else:
                self.guard("check_nonzero", n, reason="IndexError")         # (pop from empty list)
                at = self.op("sub", n, self.op("int", imm=1))
            value = self.load_elem(elem, self.op("elem", base, at))
            if params:
                self.op("list_remove", base, n, at)
            else:
                self.op("list_set_len", base, at)
            self.op("mark_dirty", base)
            self.store(dst, elem, *value)
            return
        if isinstance(elem, MaybeType):
            x = [self.ref_word(params[-1])]
        elif elem is STR and self.type_of(params[-1]) is CHAR:
            x = [self.str_box(self.value(params[-1]))]
        elif isinstance(self.type_of(params[-1]), TupleValue):
            x = [self.tuple_record(elem, self.parts(params[-1]))]
        else:
            x = self.parts(params[-1])
        self.guard("check_room", base, n, reason=ROOM_FULL)
        if fn.method == "append":
            at = n
        else:       # insert: i clamped to 0..n as CPython does, a negative i counted from the end
            # (min(i, 0) + n: the arm not taken computes n, so no add overflows)
            i = self.value(params[0], INT)
            zero = self.op("int", imm=0)
            at = self.op("select_int", self.op("lt", i, zero),
                         self.op("max", self.op("add", self.op("min", i, zero), n), zero), self.op("min", i, n))
            self.op("list_open", base, n, at)
        addr = self.op("elem", base, at)
        if isinstance(elem, (InstanceType, MaybeType, SeqType)):
            self.op("store_addr", addr, x[0])
        elif elem is FLOAT:
            self.op("store_float", addr, x[0])
        else:
            self.op("store_int", addr, self.op("bool_to_int", x[0]) if elem is BOOL else x[0])
        self.op("list_set_len", base, self.op("add", n, self.op("int", imm=1)))
        self.op("mark_dirty", base)
        self.store(dst, NONE)

    def tuple_record(self, t: SeqType, members) -> Ins:
        """A tuple virtual's record, made in the heap (``new_obj``: no room, and the
        interpreter makes the tuple) so that a list can hold it: [length, dirty, members],
        the record of a ``t`` (a tuple of ints or of floats) an exit makes a new tuple of
        (``transfer.EntryRecords.seq``: a record no entry copied in)."""
        rec = self.guard("new_obj", imm=16 + 8 * len(members), reason="no room for a new tuple")
        self.op("list_set_len", rec, self.op("int", imm=len(members)))
        for k, m in enumerate(members):
            self.op("store_float" if t.elem is FLOAT else "store_int", self.op("elem", rec, self.op("int", imm=k)), m)
        return rec

    def set_method(self, fn: SetMethod, dst, table, arg):
        """``s.add(x)``, ``s.discard(x)``, ``s.remove(x)`` on the set's table, each change
        logged for write-back (docs/jit-data.md, "Sets"). ``remove`` of an element not there
        leaves before the call, and the interpreter raises CPython's KeyError; a log or table
        that cannot grow (no memory left) leaves before the change, and the interpreter
        makes it."""
        key = self.dict_key(arg)
        if fn.method == "remove":
            self.guard("check_true", self.op("set_has", table, key), reason="KeyError")
        self.guard("set_add" if fn.method == "add" else "set_discard", table, key,
                   reason="no memory for the set's table or log")
        self.store(dst, NONE)

    def room_checks(self, header, state):
        """At the top of each iteration (of the loop and of its nested loops: a nested
        comprehension's), a list being built must have room for the element the
        iteration may append: else native code leaves there, at the iteration's start
        (a generator expression's next chunk starts from there)."""
        for var in sorted(v for v, t in state.items() if isinstance(t, BuiltListType)):
            self.pc, self.state = header, state
            base, n = self.parts(var)
            self.op("list_room", base, n, snap=self.snap(header, "the list's room is full", ROOM,
                                                          state=state))

    def op_LIST_APPEND(self, args, typing):
        """A list comprehension's element, stored after the list's last (``room_checks``
        made sure there is room); or folded into what sum, min or max computes."""
        c = typing.result
        if isinstance(c, ReducerType):
            self.reduce(args, c)
            return
        if isinstance(c, ArgsList):
            self.store(args[0], c, *self.parts(args[0]), *self.parts(args[1]))
            return
        base, n = self.parts(args[0])
        value = self.value(args[1], c.elem)
        if c.elem is BOOL:
            value = self.op("bool_to_int", value)
        self.op("store_float" if c.elem is FLOAT else "store_int", self.op("elem", base, n), value)
        self.store(args[0], c, base, self.op("add", n, self.op("int", imm=1)))

    def reduce(self, args, c):
        """``sum``: the total plus the element (ints: exits on overflow, before the element);
        ``min``/``max``: the element if it is the first, or less (greater) than the extreme
        so far -- as CPython's builtins compare them; ``any``/``all``: leaves with the
        answer at a true (false) element, the iterator just past it, as the builtin stops."""
        parts = self.parts(args[0])
        if c.kind in ("any", "all"):
            truth = self.truth(args[1])
            if c.kind == "all":
                truth = self.op("not", truth)
            self.op("decided", truth, snap=self.snap(self.pc, "%s() decided" % c.kind, DECIDED))
            self.store(args[0], c, self.op("add", parts[0], self.op("int", imm=1)))
            return
        x = self.value(args[1])
        if c.kind == "sum":
            if c.elem is FLOAT and len(parts) == 3:
                self.store(args[0], c, *self.compensated_add(parts[0], parts[1], x),
                           self.op("add", parts[2], self.op("int", imm=1)))
            elif c.elem is FLOAT:
                self.store(args[0], c, self.op("fadd", parts[0], x), self.op("add", parts[1], self.op("int", imm=1)))
            else:
                x = self.op("bool_to_int", x) if c.elem is BOOL else x
                self.store(args[0], c, self.guard("add_ov", parts[0], x, reason="int overflow"))
            return
        cur, n = parts
        f = c.elem is FLOAT
        beats = self.op(("flt" if f else "lt") if c.kind == "min" else ("fgt" if f else "gt"), x, cur)
        take = self.op("bool_or", self.op("eq", n, self.op("int", imm=0)), beats)
        self.store(args[0], c, self.op("select_float" if f else "select_int", take, x, cur),
                   self.op("add", n, self.op("int", imm=1)))

    def compensated_add(self, hi, lo, x):
        """(hi, lo) plus x as CPython 3.12+'s sum() adds a float (Neumaier): the rounded
        total, and the compensation plus the addition's rounding error, computed from
        whichever of the two is larger in magnitude. From (0.0, 0.0) the first element
        gives its own total (CPython's 0 + x) and a compensation of 0.0 -- or NaN for an
        infinite or NaN element, where CPython's is 0.0 until the next element makes it
        NaN: a NaN compensation is never added, so the sums are the same."""
        t = self.op("fadd", hi, x)
        bigger = self.op("fge", self.op("fabs", hi), self.op("fabs", x))
        error = self.op("select_float", bigger, self.op("fadd", self.op("fsub", hi, t), x),
                        self.op("fadd", self.op("fsub", x, t), hi))
        return t, self.op("fadd", lo, error)

    # calls of builtins
    def call_arguments(self, ins) -> list:
        """(type, parts) of each argument of a call, in order: a class method's class first;
        for ``f(*t)`` (CALL_EX), the members of the tuple virtual ``t``."""
        if ins.op.name == "LOAD_ATTR":      # a property's getter: called with the object
            return [(self.type_of(ins.args[1]), self.parts(ins.args[1]))]
        fn = self.type_of(ins.args[1])
        out = [(ClassType(fn.klass), [])] if isinstance(fn, BoundClassMethod) else []
        if isinstance(fn, BoundMethodType):         # the object the method is bound to
            out = [(fn.instance, self.parts(ins.args[1]))]
        if ins.op.name == "CALL_EX" and ins.args[2] < 0:       # f(*(1, 2.5))
            for v in self.code.consts[-1 - ins.args[2]]:
                t = const_type(v)
                out.append((t, self.const_parts(v, t)))
            return out
        if ins.op.name == "CALL_EX":        # a tuple virtual, or an argument list
            t = self.type_of(ins.args[2])
            parts = self.parts(ins.args[2])
            for k in range(len(t.members)):
                out.append((t.members[k], self.member_parts(t, parts, k)))
            return out
        for a in ins.args[3:] if ins.op.name == "CALL_KW" else ins.args[2:]:
            out.append((self.type_of(a), self.parts(a)))
        return out

    def bound_arguments(self, ins, typing) -> list:
        """(type, parts) of each parameter of an inlined or native call, in order."""
        arguments = self.call_arguments(ins)
        out = []
        for how, v in typing.binding:
            if how == "arg":
                out.append(arguments[v])
            elif how == "varargs":      # a tuple virtual of the extra positional arguments
                out.append((TupleValue([arguments[k][0] for k in v]), [p for k in v for p in arguments[k][1]]))
            else:
                t = const_type(v)
                out.append((t, self.const_parts(v, t)))
        return out

    def op_CALL_KW(self, args, typing):
        self.op_CALL(args, typing)

    def op_CALL_EX(self, args, typing):
        self.op_CALL(args, typing)

    def op_CALL(self, args, typing):
        if typing.callee == SELF_CALL:
            self.native_op("call_self", self.frame.depth, "a failure in a recursive call", args, typing)
            return
        if getattr(typing.callee, "compiled_whole", False):
            self.native_call(args, typing)
            return
        if typing.new is not None:
            self.construct(self.pc, self.code.instrs[self.pc], typing)
            return
        if typing.callee is not None:
            self.inline(self.pc, self.code.instrs[self.pc], typing)
            return
        fn = self.type_of(args[1])
        if isinstance(fn, CharMethod):
            self.char_method(args[0], fn, self.value(args[1]))
            return
        if isinstance(fn, StrMethod) and fn.method in STR_MAKING:
            self.store(args[0], STR, *self.str_made(self.str_making(fn.method, self.parts(args[1])[0], args[2:])))
            return
        if isinstance(fn, StrMethod) and fn.method in STR_SPLITTING:       # s.split(): a list record of its words
            rec = self.guard("str_words", self.parts(args[1])[0], imm=0, reason="no room for a str's words")
            self.store(args[0], typing.result, rec, self.op("seq_len", rec))
            return
        if isinstance(fn, StrMethod):
            self.store(args[0], BOOL, self.str_affix(fn.method, self.parts(args[1])[0], args[2]))
            return
        if isinstance(typing.result, SuperType):    # super(K, o): o's record
            self.write(args[0], typing.result, self.parts(args[3]))
            return
        if isinstance(fn, DictGet):
            self.dict_get(args[0], fn, self.parts(args[1])[0], args[2], args[3] if len(args) > 3 else None)
            return
        if isinstance(fn, ListMethod):
            self.list_method(fn, args[0], self.parts(args[1])[0], args[2:])
            return
        if isinstance(fn, SetMethod):
            self.set_method(fn, args[0], self.parts(args[1])[0], args[2])
            return
        assert isinstance(fn, BuiltinType)
        f = fn.fn
        dst, params = args[0], args[2:]
        types = [self.type_of(p) for p in params]
        if f is B.range:
            self.store(dst, typing.result, *self.range_call(params, typing.result.direction))
            return
        if f in (B.enumerate, B.zip):
            parts = []
            for p in params[:1] if f is B.enumerate else params:
                parts += self.fresh_iter(self.type_of(p), self.parts(p))
            if f is B.enumerate:
                parts.append(self.value(params[1], INT) if len(params) == 2 else self.op("int", imm=0))
            self.store(dst, typing.result, *parts)
            return
        if f is B.reversed:
            t = types[0]
            if isinstance(t, SeqType):
                addr, n = self.parts(params[0])
                self.store(dst, typing.result, addr, self.op("sub", n, self.op("int", imm=1)))
            else:
                self.store(dst, typing.result, *self.reversed_range(self.parts(params[0]), t.direction))
            return
        if f is B.abs:
            if types[0] is FLOAT:
                r = self.op("fabs", self.value(params[0]))
            else:
                r = self.guard("abs_ov", self.value(params[0], INT), reason="int overflow")
        elif f in (B.min, B.max):
            # (folded left, as CPython's min and max keep the first of equal elements: the
            # one so far is replaced only by an element strictly below it, or above)
            op = ("f" if types[0] is FLOAT else "") + f.__name__
            r = self.value(params[0])
            for p in params[1:]:
                r = self.op(op, r, self.value(p))
        elif f is B.len and isinstance(types[0], TupleValue):
            r = self.op("int", imm=len(types[0].members))
        elif f is B.len and isinstance(types[0], DictType):
            r = self.op("dict_len", self.parts(params[0])[0])
        elif f is B.len and isinstance(types[0], SetType):
            r = self.op("set_len", self.parts(params[0])[0])
        elif f is B.len and types[0] is CHAR:
            r = self.op("int", imm=1)
        elif f is B.isinstance:     # decided by the types (the object's class, checked at entry)
            have = types[0].klass if isinstance(types[0], InstanceType) else {INT: int, FLOAT: float, BOOL: bool}[types[0]]
            of = types[1].klass if isinstance(types[1], ClassType) else types[1].fn
            r = self.op("bool", imm=int(issubclass(have, of)))
        elif f is B.ord:            # a character's code point is its value
            r = self.value(params[0])
        elif f is B.chr:            # ValueError outside 0..0x10ffff, by the resume
            r = self.value(params[0], INT)
            self.guard("check_nonneg", r, reason="chr() of a negative number")
            self.guard("check_abs", r, imm=0x10FFFF, reason="chr() beyond 0x10ffff")
        elif f is B.len:
            r = self.parts(params[0])[1]
        elif f is B.int:
            if types[0] is FLOAT:
                r = self.guard("float_to_int", self.value(params[0]), reason="int() of a float outside 64 bits")
            else:
                r = self.value(params[0], INT)
        elif f is B.float:
            r = self.value(params[0], FLOAT)
        elif f is B.bool:
            r = self.truth(params[0])
        elif f is math.sqrt:
            x = self.value(params[0], FLOAT)
            self.guard("check_fnonneg", x, reason="math.sqrt of a negative number")  # ValueError, by the resume
            r = self.op("fsqrt", x)
        elif f is math.fabs:
            r = self.op("fabs", self.value(params[0], FLOAT))
        elif f is math.copysign:
            r = self.op("fcopysign", self.value(params[0], FLOAT), self.value(params[1], FLOAT))
        elif f in (math.floor, math.ceil):
            if types[0] is FLOAT:
                x = self.op("f" + f.__name__, self.value(params[0]))
                r = self.guard("float_to_int", x, reason="math.%s of a float outside 64 bits" % f.__name__)
            else:
                r = self.value(params[0], INT)
        elif f in _PORTED:        # the wasm ports of the C library's (tauraro.jit.mathlib)
            op, reason = _PORTED[f]
            args = [self.value(p, FLOAT) for p in params]
            r = self.guard(op, *args, reason=reason) if reason else self.op(op, *args)
        elif f is math.isqrt:
            n = self.value(params[0], INT)
            self.guard("check_nonneg", n, reason="math.isqrt of a negative number")    # ValueError, by the resume
            r = self.op("isqrt", n)
        else:
            raise Unsupported("call of %s" % f.__name__)
        self.store(dst, typing.result, r)

    def reversed_range(self, parts, direction: int):
        """``iter(reversed(range(start, stop, step)))`` for a step of known sign: a range
        iterator from the last element down (or up) past the start."""
        start, stop, step = parts
        one = self.op("int", imm=1)
        if direction > 0:
            span, size = self.guard("sub_ov", stop, start, reason="int overflow"), step
        else:
            span = self.guard("sub_ov", start, stop, reason="int overflow")
            size = self.guard("neg_ov", step, reason="int overflow")
        # n = max(0, ceil(span / size)); the last element start + (n - 1) * step
        rounded = self.guard("add_ov", span, self.op("sub", size, one), reason="int overflow")
        n = self.op("max", self.op("floordiv", rounded, size), self.op("int", imm=0))
        last = self.guard("add_ov", start, self.guard("mul_ov", self.op("sub", n, one), step,
                                                       reason="int overflow"), reason="int overflow")
        back = self.guard("neg_ov", step, reason="int overflow")
        past = self.guard("sub_ov", start, step, reason="int overflow")
        self.guard("range_check", past, back, reason="range too close to the 64-bit limit")
        return last, past, back

    def range_call(self, params, direction: int):
        if len(params) == 1:
            start, stop, step = self.op("int", imm=0), self.value(params[0], INT), self.op("int", imm=1)
        else:
            start, stop = self.value(params[0], INT), self.value(params[1], INT)
            step = self.value(params[2], INT) if len(params) == 3 else self.op("int", imm=1)
        if direction == 0:
            self.guard("check_nonzero", step, reason="range() step is zero")
        self.guard("range_check", stop, step, reason="range too close to the 64-bit limit")
        return start, stop, step


def record(inf: Inference, carried: set, constants: dict, name: str, result=None) -> Graph:
    return Recorder(inf, carried, constants, name, result).record()
