"""Lower a typed loop region to one WebAssembly function.

The function ``run(entry: i32) -> i32`` loads the loop's live values from their
slots in linear memory into typed wasm locals, runs the region (its control
flow structured by ``structure.Structurer``), and on every exit stores what the
interpreter needs and returns the exit's id::

    prologue: locals <- slots
    block $exit
      loop $header ... br $header ... (exit code: extras -> exit area; br $exit) ... end
    end
    tail: loop variables -> slots; iteration counts -> counters; return exit id

Each bytecode instruction is lowered by the method named after its opcode (or
its family: binary arithmetic, comparisons...), keyed off the opcode table; an
opcode with no lowering never reaches here, because type inference turned it
into an exit. Guards compute into scratch locals and check *before* writing the
result, so an exit at a guard resumes the interpreter at the same instruction
with exactly the state it would have had.
"""
from __future__ import annotations

import builtins as B
import math
import struct

from ..helpers.floats import ERROR_BITS, HELPERS
from ..wasmgen.fmod import add_fmod
from ..wasmgen.module import FuncType, Module
from ..wasmgen.structure import Sink, Structurer
from .exits import GUARD, INTERRUPT, LOOP_EXIT, ExitRecord
from .infer import ARITH, COMPARE, Inference, cell_var, is_global
from .jtypes import (BOOL, FLOAT, INT, NONE, RANGE_ITER, STR, BuiltinType, JType,
                          OtherType, SeqIterType, SeqType, const_type)

I64_MIN = -(1 << 63)
TWO53 = float(1 << 53)
SEQ_HEADER = 16          # list/tuple record: [len i64][dirty i64][elements...]
MEMORY_VARS = 40         # more loop-carried scalars than this stay in memory (see __init__)

_CMP_I64 = {"LT": "i64.lt_s", "LE": "i64.le_s", "GT": "i64.gt_s", "GE": "i64.ge_s",
            "EQ": "i64.eq", "NE": "i64.ne"}
_CMP_F64 = {"LT": "f64.lt", "LE": "f64.le", "GT": "f64.gt", "GE": "f64.ge",
            "EQ": "f64.eq", "NE": "f64.ne"}


class Unsupported(Exception):
    """A lowering that is not possible for these operand types (reported, not compiled)."""


class Lowering(Sink):
    def __init__(self, inf: Inference, layout, module_name: str):
        self.inf = inf
        self.region = inf.region
        self.code = inf.region.code
        self.layout = layout
        self.module = Module(name=module_name)
        self.helper_index = {}
        self.internal_functions = set()
        self.body: list[tuple] = []
        self.locals: list[tuple[str, str]] = []
        self.local_names: set[str] = set()
        self.var_locals: dict = {}
        self.exits: list[ExitRecord] = []
        self._exit_ids: dict = {}
        self.nest = 0
        self.exit_depth = 0
        self.exit_local = self.new_local("exit_id", "i32")
        headers = sorted(self.region.loop_headers)
        self.counters = {h: self.new_local("iterations_L%d" % self.code.instrs[h].line, "i64")
                         for h in headers}
        self.carried = layout.carried
        # With many loop variables, each exit would carry them all as live values to the
        # exit block (a phi per variable per exit: Cranelift's time grows quadratically),
        # so beyond this many they stay in their memory slots: a read is a load, a write
        # a store, and exits need not write them back.
        scalars = [v for v, t in layout.inputs if v in self.carried and t in (INT, FLOAT, BOOL)]
        self.in_memory = set(scalars) if len(scalars) > MEMORY_VARS else set()
        self._scratch = {}
        self._scratch_used = {}

    # --- locals ---------------------------------------------------------------------------------
    def new_local(self, name: str, valtype: str) -> int:
        base = name
        k = 2
        while name in self.local_names:
            name = "%s_%d" % (base, k)
            k += 1
        self.local_names.add(name)
        self.locals.append((name, valtype))
        return len(self.locals)   # local 0 is the entry parameter

    def var_name(self, var) -> str:
        if is_global(var):
            return var[-1]
        name = self.code.regnames.get(var)
        return name if name else "t%d" % var

    def var_local(self, var, jt: JType) -> list[int]:
        key = (var, jt)
        idx = self.var_locals.get(key)
        if idx is None:
            base = self.var_name(var)
            if any(k[0] == var for k in self.var_locals):
                base += "_" + jt.name.replace("[", "_").replace("]", "")
            idx = [self.new_local(base + ("_" + suffix if suffix else ""), vt) for suffix, vt in jt.parts]
            self.var_locals[key] = idx
        return idx

    def scratch(self, valtype: str) -> int:
        """A local for a value that lives only inside one lowered instruction (reused)."""
        pool = self._scratch.setdefault(valtype, [])
        n = self._scratch_used.get(valtype, 0)
        if n == len(pool):
            pool.append(self.new_local("tmp_" + valtype, valtype))
        self._scratch_used[valtype] = n + 1
        return pool[n]

    def release_scratch(self):
        self._scratch_used.clear()

    def read_var(self, var, jt: JType):
        """Push a variable's parts (from its locals, or its slot if it stays in memory)."""
        if var in self.in_memory:
            vt = jt.parts[0][1]
            self.e(("i32.const", 0), ("f64.load" if vt == "f64" else "i64.load", self.layout.slots[var] + 8))
            if vt == "i32":
                self.emit(("i32.wrap_i64",))
            return
        for idx in self.var_local(var, jt):
            self.emit(("local.get", idx))

    def write_var(self, var, jt: JType):
        """Pop a value of type ``jt`` into a variable."""
        if var in self.in_memory:
            vt = jt.parts[0][1]
            tmp = self.scratch(vt)
            self.e(("local.set", tmp), ("i32.const", 0), ("local.get", tmp))
            if vt == "i32":
                self.emit(("i64.extend_i32_u",))
            self.emit(("f64.store" if vt == "f64" else "i64.store", self.layout.slots[var] + 8))
            return
        for idx in reversed(self.var_local(var, jt)):
            self.emit(("local.set", idx))

    def emit(self, instr: tuple):
        self.body.append(instr)

    def e(self, *instrs):
        for i in instrs:
            self.body.append(i if isinstance(i, tuple) else (i,))

    # --- operands -------------------------------------------------------------------------------
    def operand_type(self, arg, state) -> JType:
        if arg < 0:
            return const_type(self.code.consts[-1 - arg])
        return state[arg]

    def push(self, arg, state, want: JType | None = None):
        """Push an operand's parts, converting a number to ``want`` if given."""
        t = self.operand_type(arg, state)
        if arg < 0:
            value = self.code.consts[-1 - arg]
            self._push_const(value, t)
        else:
            self.read_var(arg, t)
        if want is not None and want is not t:
            self.convert(t, want)
        return t

    def _push_const(self, value, t: JType):
        if t is INT:
            self.emit(("i64.const", value))
        elif t is FLOAT:
            self.emit(("f64.const", value))
        elif t is BOOL:
            self.emit(("i32.const", int(value)))
        elif t is NONE:
            pass
        elif isinstance(t, SeqType):
            self.e(("i32.const", self.layout.constants[id(value)]), ("i64.const", len(value)))
        else:
            raise Unsupported("constant of type %s" % t.name)

    def convert(self, have: JType, want: JType):
        if have is want:
            return
        if have is BOOL and want is INT:
            self.emit(("i64.extend_i32_u",))
        elif have is BOOL and want is FLOAT:
            self.e("i64.extend_i32_u", "f64.convert_i64_s")
        elif have is INT and want is FLOAT:
            self.emit(("f64.convert_i64_s",))
        else:
            raise Unsupported("conversion from %s to %s" % (have.name, want.name))

    def store(self, var, jt: JType):
        """Pop a value of type ``jt`` into ``var``."""
        self.write_var(var, jt)

    def to_local(self, valtype: str) -> int:
        t = self.scratch(valtype)
        self.emit(("local.set", t))
        return t

    # --- exits -------------------------------------------------------------------------------------
    def exit_record(self, pc: int, reason: str, kind: str, state: dict, line: int) -> ExitRecord:
        live = self.region.liveness.live_at(pc)
        modified = self.region.defined_registers()
        extras = []
        for r in sorted(live & modified):
            if r in self.carried:
                continue
            t = state.get(r)
            if t is None:
                raise Unsupported("no type for %s at the exit to pc %d" % (self.var_name(r), pc))
            if isinstance(t, OtherType):
                continue    # native code never changes a value it cannot represent
            extras.append((r, t))
        key = (pc, reason, kind, tuple(extras))
        rec = self._exit_ids.get(key)
        if rec is None:
            fmt = "<" + "".join("q" + "".join("d" if vt == "f64" else "q" for _, vt in t.parts)
                                for _, t in extras)
            rec = ExitRecord(len(self.exits), pc, line, reason, kind, extras, fmt)
            self.exits.append(rec)
            self._exit_ids[key] = rec
            self.layout.note_exit_area(struct.calcsize(fmt))
        return rec

    def exit_code(self, pc: int, reason: str, kind: str, state: dict, line: int | None = None,
                  extra_depth: int = 0):
        """Store the exit's extras, set the exit id and branch to the exit block."""
        rec = self.exit_record(pc, reason, kind, state, line if line is not None else self.code.line_of(pc))
        off = self.layout.exit_area
        for var, t in rec.extras:
            self.e(("i32.const", 0), ("i64.const", t.tag), ("i64.store", off))
            for k, idx in enumerate(self.var_local(var, t)):
                vt = self.locals[idx - 1][1]
                self.e(("i32.const", 0), ("local.get", idx))
                if vt == "i32":
                    self.e("i64.extend_i32_u")
                self.emit(("f64.store" if vt == "f64" else "i64.store", off + 8 + 8 * k))
            off += 8 * (1 + len(t.parts))
        self.e(("i32.const", rec.id), ("local.set", self.exit_local))
        self.emit(("br", self.exit_depth + self.nest + extra_depth))
        return rec

    def guard(self, pc: int, reason: str):
        """Emit ``if <i32 on stack> { exit before pc }``."""
        self.emit(("if", None))
        self.nest += 1
        self.exit_code(pc, reason, GUARD, self.inf.state_before[pc])
        self.nest -= 1
        self.emit(("end",))

    # --- Sink interface -------------------------------------------------------------------------------
    def block_code(self, node):
        block = self.region.blocks[node]
        stop = self.inf.exit_at.get(node)
        last = block.end if stop is not None else block.end - 1
        for pc in range(block.start, block.end):
            if pc == stop:
                typing = self.inf.typings[pc]
                self.emit(("comment", "line %d: exit (%s)" % (self.code.line_of(pc), typing.reason)))
                self.exit_code(pc, typing.reason, typing.kind, self.inf.state_before[pc])
                return
            ins = self.code.instrs[pc]
            if pc == block.end - 1 and (ins.op.target(ins.args) is not None or "branch" in ins.op.flags):
                return   # the terminator is lowered by terminator()
            self.lower_instruction(pc)

    def terminator(self, node):
        block = self.region.blocks[node]
        if node in self.inf.exit_at:
            return ("stop",)
        pc = block.end - 1
        ins = self.code.instrs[pc]
        name = ins.op.name
        state = self.inf.state_before[pc]
        if name in ("JUMP", "JUMP_BACK"):
            return ("goto", ins.args[0])
        if name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            target = ins.args[1]

            def cond():
                self.release_scratch()
                self.comment(pc)
                self.truth(ins.args[0], state)
            if name == "JUMP_IF_TRUE":
                return ("cond", cond, target, pc + 1)
            return ("cond", cond, pc + 1, target)
        if name == "FOR_ITER":
            def cond():
                self.release_scratch()
                self.comment(pc)
                self.for_iter_exhausted(ins, state)

            def advance():
                self.release_scratch()
                self.for_iter_next(ins, state)
            return ("cond", cond, ins.args[2], pc + 1, advance)
        # the block ends only because the next pc starts another block
        return ("goto", block.succs[0]) if block.succs else ("stop",)

    def exit_edge(self, source, target, depth_to_exit):
        state = self.inf.edge_states[(source, target)]
        last = self.region.blocks[source].end - 1
        saved = self.exit_depth, self.nest
        self.exit_depth, self.nest = depth_to_exit, 0
        self.exit_code(target, "left the loop", LOOP_EXIT, state, self.code.line_of(last))
        self.exit_depth, self.nest = saved

    def loop_back(self, source, header, depth_to_exit):
        c = self.counters[header]
        self.e(("local.get", c), ("i64.const", 1), "i64.add", ("local.set", c))
        # Ctrl-C: a watchdog thread sets the flag word; leave at the header, state intact
        self.e(("i32.const", 0), ("i32.load", self.layout.FLAG))
        self.emit(("if", None))
        saved = self.exit_depth, self.nest
        self.exit_depth, self.nest = depth_to_exit, 1
        state = self.inf.edge_states[(source, header)]
        if header == self.region.header:
            state = self.inf.block_states[header]
        self.exit_code(header, "interrupted", INTERRUPT, state, self.code.line_of(header))
        self.exit_depth, self.nest = saved
        self.emit(("end",))

    # --- whole function ------------------------------------------------------------------------------
    def comment(self, pc):
        ins = self.code.instrs[pc]
        self.emit(("comment", "line %d pc %d: %s" % (ins.line, pc, ins.op.name)))

    def build(self) -> tuple[bytes, "Module"]:
        layout = self.layout
        # prologue: every live-in value from its slot
        for var, jt in layout.inputs:
            if var in self.in_memory:
                continue
            off = layout.slots[var]
            for k, idx in enumerate(self.var_local(var, jt)):
                vt = jt.parts[k][1]
                self.emit(("i32.const", 0))
                if vt == "f64":
                    self.emit(("f64.load", off + 8 + 8 * k))
                else:
                    self.emit(("i64.load", off + 8 + 8 * k))
                    if vt == "i32":
                        self.emit(("i32.wrap_i64",))
                self.emit(("local.set", idx))
        self.emit(("block", None, "exit"))
        succs = {s: ([] if s in self.inf.exit_at else b.succs) for s, b in self.region.blocks.items()}
        Structurer(self.region.header, succs, self, self.region.loop_headers).run([("exit",)])
        self.emit(("unreachable",))
        self.emit(("end",))
        # tail: loop variables back to their slots, iteration counts to their counters
        for var, jt in layout.inputs:
            if var not in self.carried or var in self.in_memory:
                continue
            off = layout.slots[var]
            for k, idx in enumerate(self.var_local(var, jt)):
                vt = jt.parts[k][1]
                self.e(("i32.const", 0), ("local.get", idx))
                if vt == "i32":
                    self.emit(("i64.extend_i32_u",))
                self.emit(("f64.store" if vt == "f64" else "i64.store", off + 8 + 8 * k))
        for h, c in self.counters.items():
            self.e(("i32.const", 0), ("local.get", c), ("i64.store", layout.counter_off[h]))
        self.emit(("local.get", self.exit_local))
        self._resolve_calls()
        self.module.set_memory(min_pages=1, export="memory")
        for addr, data in layout.const_data:
            self.module.add_data(addr, data)
        self.module.add_function(name="loop_line%d" % self.region.loop.line,
                                 params=[("entry", "i32")], results=["i32"],
                                 locals=self.locals, body=self.body, export="run")
        return self.module.to_binary(), self.module

    def helper(self, name: str):
        """A call target for a host helper, resolved to a function index in build()."""
        self.helper_index.setdefault(name, None)
        return ("import", name)

    def internal(self, name: str):
        """A call target for a function of the module itself (fmod), resolved in build()."""
        self.internal_functions.add(name)
        return ("internal", name)

    def _resolve_calls(self):
        """Imports must precede the module's own functions, so call targets are
        symbolic during lowering and become indices here."""
        index = {}
        for name in self.helper_index:
            params, results, _ = HELPERS[name]
            idx = self.module.import_function("helpers", name, FuncType(params, results), name=name)
            self.helper_index[name] = idx
            index[("import", name)] = idx
        if "fmod" in self.internal_functions:
            index[("internal", "fmod")] = add_fmod(self.module)
        self.body = [("call", index[i[1]]) if i[0] == "call" and isinstance(i[1], tuple) else i
                     for i in self.body]

    # --- instructions ------------------------------------------------------------------------------
    def lower_instruction(self, pc: int):
        self.release_scratch()
        typing = self.inf.typings[pc]
        if typing.action == "nop":
            return
        ins = self.code.instrs[pc]
        self.comment(pc)
        name = ins.op.name
        state = self.inf.state_before[pc]
        if name in ARITH:
            self.binary(pc, name, ins.args[0], ins.args[1], ins.args[2], typing, state)
        elif name.startswith("I") and name[1:] in ARITH:
            self.binary(pc, name[1:], ins.args[0], ins.args[0], ins.args[1], typing, state)
        elif name in COMPARE:
            self.compare(pc, name, ins.args, state)
        else:
            method = getattr(self, "op_" + name, None)
            if method is None:
                raise Unsupported("no lowering for %s" % name)
            method(pc, ins.args, typing, state)

    def op_MOVE(self, pc, args, typing, state):
        t = self.push(args[1], state)
        self.store(args[0], t)

    def load_outside(self, dst, var, state):
        """A global or a closure variable into a register."""
        t = state[var]
        if not t.static:
            self.read_var(var, t)
        self.store(dst, t)

    def op_LOAD_GLOBAL(self, pc, args, typing, state):
        self.load_outside(args[0], ("g", self.code.names[args[1]]), state)

    def op_LOAD_DEREF(self, pc, args, typing, state):
        self.load_outside(args[0], cell_var(self.code, args[1]), state)

    def op_STORE_DEREF(self, pc, args, typing, state):
        self.store(cell_var(self.code, args[0]), self.push(args[1], state))

    def op_STORE_GLOBAL(self, pc, args, typing, state):
        self.store(("g", self.code.names[args[0]]), self.push(args[1], state))

    def op_NEG(self, pc, args, typing, state):
        t = self.operand_type(args[1], state)
        if t is FLOAT:
            self.push(args[1], state)
            self.emit(("f64.neg",))
            self.store(args[0], FLOAT)
            return
        self.push(args[1], state, INT)
        a = self.to_local("i64")
        self.e(("local.get", a), ("i64.const", I64_MIN), "i64.eq")
        self.guard(pc, "int overflow")
        self.e(("i64.const", 0), ("local.get", a), "i64.sub")
        self.store(args[0], INT)

    def op_POS(self, pc, args, typing, state):
        t = self.operand_type(args[1], state)
        self.push(args[1], state, FLOAT if t is FLOAT else INT)
        self.store(args[0], typing.result)

    def op_INVERT(self, pc, args, typing, state):
        self.push(args[1], state, INT)
        self.e(("i64.const", -1), "i64.xor")
        self.store(args[0], INT)

    def op_NOT(self, pc, args, typing, state):
        self.truth(args[1], state)
        self.emit(("i32.eqz",))
        self.store(args[0], BOOL)

    def op_IS(self, pc, args, typing, state, negate=False):
        a, b = self.operand_type(args[1], state), self.operand_type(args[2], state)
        same = (a is NONE and b is NONE)
        self.emit(("i32.const", int(same != negate)))
        self.store(args[0], BOOL)

    def op_IS_NOT(self, pc, args, typing, state):
        self.op_IS(pc, args, typing, state, negate=True)

    def truth(self, arg, state):
        """Push the i32 truth value of an operand (Python's bool())."""
        t = self.operand_type(arg, state)
        if t is BOOL:
            self.push(arg, state)
        elif t is INT:
            self.push(arg, state)
            self.e("i64.eqz", "i32.eqz")
        elif t is FLOAT:
            self.push(arg, state)
            self.e(("f64.const", 0.0), "f64.ne")
        elif t is NONE:
            self.emit(("i32.const", 0))
        elif isinstance(t, SeqType) or t is STR:
            self.push_len(arg, state)
            self.e("i64.eqz", "i32.eqz")
        else:
            raise Unsupported("truth of %s" % t.name)

    def op_CHECK_BOUND(self, pc, args, typing, state):
        pass

    def op_NOP(self, pc, args, typing, state):
        pass

    # arithmetic
    def binary(self, pc, op, dst, a, b, typing, state):
        ta, tb = self.operand_type(a, state), self.operand_type(b, state)
        res = typing.result
        if op in ("AND", "OR", "XOR"):
            w = "i32" if res is BOOL else "i64"
            self.push(a, state, res)
            self.push(b, state, res)
            self.emit(("%s.%s" % (w, op.lower()),))
            self.store(dst, res)
            return
        if res is FLOAT:
            self.float_binary(pc, op, dst, a, b, ta, tb, state)
            return
        getattr(self, "int_" + op.lower())(pc, dst, a, b, state)

    def _const_int(self, arg):
        if arg < 0:
            v = self.code.consts[-1 - arg]
            if type(v) in (int, bool):
                return int(v)
        return None

    def int_operands(self, a, b, state):
        self.push(a, state, INT)
        la = self.to_local("i64")
        self.push(b, state, INT)
        lb = self.to_local("i64")
        return la, lb

    def int_add(self, pc, dst, a, b, state, sub=False):
        la, lb = self.int_operands(a, b, state)
        self.e(("local.get", la), ("local.get", lb), "i64.sub" if sub else "i64.add")
        r = self.to_local("i64")
        c = self._const_int(b)
        if c is not None and c != I64_MIN:
            # x + c overflows iff the result moved the wrong way
            if c == 0:
                pass
            else:
                up = (c > 0) != sub
                self.e(("local.get", r), ("local.get", la), "i64.lt_s" if up else "i64.gt_s")
                self.guard(pc, "int overflow")
        else:
            if sub:   # ((a ^ b) & (a ^ r)) < 0
                self.e(("local.get", la), ("local.get", lb), "i64.xor",
                       ("local.get", la), ("local.get", r), "i64.xor")
            else:     # ((a ^ r) & (b ^ r)) < 0
                self.e(("local.get", la), ("local.get", r), "i64.xor",
                       ("local.get", lb), ("local.get", r), "i64.xor")
            self.e("i64.and", ("i64.const", 0), "i64.lt_s")
            self.guard(pc, "int overflow")
        self.emit(("local.get", r))
        self.store(dst, INT)

    def int_sub(self, pc, dst, a, b, state):
        self.int_add(pc, dst, a, b, state, sub=True)

    def _mul_checked(self, pc, la, lb, const_b=None) -> int:
        """r = a * b with an overflow guard; returns the local holding r."""
        self.e(("local.get", la), ("local.get", lb), "i64.mul")
        r = self.to_local("i64")
        if const_b is not None and const_b not in (0, 1, -1, I64_MIN):
            hi = ((1 << 63) - 1) // abs(const_b)
            # |a| <= hi  <=>  a * c fits (for c != -1); checked as -hi <= a <= hi
            # conservative: |a| <= MAX // |c| always fits
            self.e(("local.get", la), ("i64.const", hi), "i64.gt_s",
                   ("local.get", la), ("i64.const", -hi), "i64.lt_s", "i32.or")
            self.guard(pc, "int overflow")
            return r
        if const_b in (0, 1):
            return r
        # fast path: both operands fit in 32 bits
        self.e(("local.get", la), ("i64.const", 1 << 31), "i64.add", ("i64.const", 1 << 32), "i64.lt_u",
               ("local.get", lb), ("i64.const", 1 << 31), "i64.add", ("i64.const", 1 << 32), "i64.lt_u",
               "i32.and")
        self.emit(("if", "i32"))
        self.emit(("i32.const", 0))
        self.emit(("else",))
        self.e(("local.get", lb), ("i64.const", -1), "i64.eq")
        self.emit(("if", "i32"))
        self.e(("local.get", la), ("i64.const", I64_MIN), "i64.eq")
        self.emit(("else",))
        self.e(("local.get", lb), "i64.eqz")
        self.emit(("if", "i32"))
        self.emit(("i32.const", 0))
        self.emit(("else",))
        self.e(("local.get", r), ("local.get", lb), "i64.div_s", ("local.get", la), "i64.ne")
        self.e(("end",), ("end",), ("end",))
        self.guard(pc, "int overflow")
        return r

    def int_mul(self, pc, dst, a, b, state):
        ca, cb = self._const_int(a), self._const_int(b)
        if ca is not None and cb is None:
            a, b, cb = b, a, ca
        la, lb = self.int_operands(a, b, state)
        r = self._mul_checked(pc, la, lb, cb)
        self.emit(("local.get", r))
        self.store(dst, INT)

    def int_floordiv(self, pc, dst, a, b, state, want_mod=False):
        c = self._const_int(b)
        if c is not None and c > 0:
            self.int_divmod_by_constant(dst, a, c, state, want_mod)
            return
        la, lb = self.int_operands(a, b, state)
        self.e(("local.get", lb), "i64.eqz")
        self.guard(pc, "ZeroDivisionError")
        if not want_mod:
            self.e(("local.get", la), ("i64.const", I64_MIN), "i64.eq",
                   ("local.get", lb), ("i64.const", -1), "i64.eq", "i32.and")
            self.guard(pc, "int overflow")
        self.e(("local.get", la), ("local.get", lb), "i64.rem_s")
        rem = self.to_local("i64")
        # Python rounds toward -inf: adjust when the remainder and divisor differ in sign
        self.e(("local.get", rem), "i64.eqz", "i32.eqz",
               ("local.get", rem), ("local.get", lb), "i64.xor", ("i64.const", 0), "i64.lt_s", "i32.and")
        adjust = self.to_local("i32")
        if want_mod:
            self.e(("local.get", rem), ("local.get", lb), ("i64.const", 0), ("local.get", adjust), "select",
                   "i64.add")
        else:
            self.e(("local.get", la), ("local.get", lb), "i64.div_s",
                   ("local.get", adjust), "i64.extend_i32_u", "i64.sub")
        self.store(dst, INT)

    def int_mod(self, pc, dst, a, b, state):
        self.int_floordiv(pc, dst, a, b, state, want_mod=True)

    def int_divmod_by_constant(self, dst, a, c: int, state, want_mod: bool):
        """a // c and a % c for a constant c > 0: no guards (c is not 0 or -1), and for
        a power of two exactly a >> k and a & (c - 1), as Python floors."""
        self.push(a, state, INT)
        if c & (c - 1) == 0:
            k = c.bit_length() - 1
            self.e(("i64.const", c - 1), "i64.and") if want_mod else self.e(("i64.const", k), "i64.shr_s")
            self.store(dst, INT)
            return
        la = self.to_local("i64")
        self.e(("local.get", la), ("i64.const", c), "i64.rem_s")
        rem = self.to_local("i64")
        if want_mod:
            # a negative remainder moves up by c (select(a, b, cond) is cond ? a : b)
            self.e(("local.get", rem), ("i64.const", c), "i64.add", ("local.get", rem),
                   ("local.get", rem), ("i64.const", 0), "i64.lt_s", "select")
        else:
            self.e(("local.get", la), ("i64.const", c), "i64.div_s",
                   ("local.get", rem), ("i64.const", 63), "i64.shr_u", "i64.sub")
        self.store(dst, INT)

    def int_truediv(self, pc, dst, a, b, state):
        raise AssertionError("int / int is a float operation")

    def int_pow(self, pc, dst, a, b, state):
        la, lb = self.int_operands(a, b, state)
        self.e(("local.get", lb), ("i64.const", 0), "i64.lt_s")
        self.guard(pc, "negative exponent")
        self.e(("local.get", lb), ("i64.const", 64), "i64.gt_s",
               ("local.get", la), ("i64.const", 1), "i64.gt_s", ("local.get", la), ("i64.const", -1),
               "i64.lt_s", "i32.or", "i32.and")
        self.guard(pc, "int overflow")
        # exponentiation by squaring, every multiply guarded
        result = self.scratch("i64")
        base = self.scratch("i64")
        e = self.scratch("i64")
        self.e(("i64.const", 1), ("local.set", result), ("local.get", la), ("local.set", base),
               ("local.get", lb), ("local.set", e))
        self.emit(("block", None))
        self.emit(("loop", None))
        self.nest += 2
        self.e(("local.get", e), "i64.eqz", ("br_if", 1))
        self.e(("local.get", e), ("i64.const", 1), "i64.and", "i32.wrap_i64")
        self.emit(("if", None))
        self.nest += 1
        r = self._mul_checked(pc, result, base)
        self.e(("local.get", r), ("local.set", result))
        self.nest -= 1
        self.emit(("end",))
        self.e(("local.get", e), ("i64.const", 1), "i64.shr_s", ("local.tee", e), "i64.eqz", ("br_if", 1))
        r = self._mul_checked(pc, base, base)
        self.e(("local.get", r), ("local.set", base), ("br", 0))
        self.nest -= 2
        self.e(("end",), ("end",))
        self.emit(("local.get", result))
        self.store(dst, INT)

    def int_lshift(self, pc, dst, a, b, state):
        la, lb = self.int_operands(a, b, state)
        self.e(("local.get", lb), ("i64.const", 0), "i64.lt_s")
        self.guard(pc, "negative shift count")
        # a << b fits iff shifting back gives a (and b < 64, unless a == 0)
        self.e(("local.get", la), ("local.get", lb), "i64.shl")
        r = self.to_local("i64")
        self.e(("local.get", la), "i64.eqz", "i32.eqz",
               ("local.get", lb), ("i64.const", 63), "i64.gt_s",
               ("local.get", r), ("local.get", lb), "i64.shr_s", ("local.get", la), "i64.ne", "i32.or",
               "i32.and")
        self.guard(pc, "int overflow")
        self.emit(("local.get", r))     # 0 << b is 0 for any b (wasm shifts by b mod 64)
        self.store(dst, INT)

    def int_rshift(self, pc, dst, a, b, state):
        la, lb = self.int_operands(a, b, state)
        self.e(("local.get", lb), ("i64.const", 0), "i64.lt_s")
        self.guard(pc, "negative shift count")
        self.e(("local.get", la), ("local.get", lb), ("i64.const", 63), ("local.get", lb), ("i64.const", 63),
               "i64.lt_s", "select", "i64.shr_s")
        self.store(dst, INT)

    def float_binary(self, pc, op, dst, a, b, ta, tb, state):
        if op == "TRUEDIV" and ta is not FLOAT and tb is not FLOAT:
            # int / int: exact through f64 only while both fit in 53 bits
            la, lb = self.int_operands(a, b, state)
            self.e(("local.get", lb), "i64.eqz")
            self.guard(pc, "ZeroDivisionError")
            for l in (la, lb):
                self.e(("local.get", l), ("i64.const", 1 << 53), "i64.add", ("i64.const", 1 << 54), "i64.gt_u")
                self.guard(pc, "true division of large ints")
            self.e(("local.get", la), "f64.convert_i64_s", ("local.get", lb), "f64.convert_i64_s", "f64.div")
            self.store(dst, FLOAT)
            return
        self.push(a, state, FLOAT)
        fa = self.to_local("f64")
        self.push(b, state, FLOAT)
        fb = self.to_local("f64")
        if op in ("TRUEDIV", "FLOORDIV", "MOD"):
            self.e(("local.get", fb), ("f64.const", 0.0), "f64.eq")
            self.guard(pc, "ZeroDivisionError")
        if op in ("ADD", "SUB", "MUL", "TRUEDIV"):
            ins = {"ADD": "f64.add", "SUB": "f64.sub", "MUL": "f64.mul", "TRUEDIV": "f64.div"}[op]
            self.e(("local.get", fa), ("local.get", fb), ins)
            self.store(dst, FLOAT)
            return
        if op in ("MOD", "FLOORDIV"):
            self.float_divmod(op, dst, fa, fb)
            return
        self.e(("local.get", fa), ("local.get", fb), ("call", self.helper("float_pow")))
        r = self.to_local("f64")
        self.e(("local.get", r), "i64.reinterpret_f64", ("i64.const", ERROR_BITS), "i64.eq")
        self.guard(pc, "float ** raises")
        self.emit(("local.get", r))
        self.store(dst, FLOAT)

    def float_divmod(self, op, dst, fa, fb):
        """Python's float % and // exactly as CPython computes them (float_rem,
        _float_div_mod), on an exact fmod; the divisor is already checked non-zero."""
        self.e(("local.get", fa), ("local.get", fb), ("call", self.internal("fmod")))
        mod = self.to_local("f64")
        if op == "FLOORDIV":
            self.e(("local.get", fa), ("local.get", mod), "f64.sub", ("local.get", fb), "f64.div")
            div = self.to_local("f64")
        # the remainder takes the divisor's sign (a zero one too)
        self.e(("local.get", mod), ("f64.const", 0.0), "f64.ne", ("if", None),
               ("local.get", fb), ("f64.const", 0.0), "f64.lt", ("local.get", mod), ("f64.const", 0.0),
               "f64.lt", "i32.ne", ("if", None),
               ("local.get", mod), ("local.get", fb), "f64.add", ("local.set", mod))
        if op == "FLOORDIV":
            self.e(("local.get", div), ("f64.const", 1.0), "f64.sub", ("local.set", div))
        self.e(("end",), ("else",),
               ("f64.const", 0.0), ("local.get", fb), "f64.copysign", ("local.set", mod), ("end",))
        if op == "MOD":
            self.emit(("local.get", mod))
            self.store(dst, FLOAT)
            return
        # floor, rounding a quotient that is just below an integer up
        self.e(("local.get", div), ("f64.const", 0.0), "f64.ne", ("if", "f64"),
               ("local.get", div), "f64.floor")
        floor = self.to_local("f64")
        # select(a, b, c) is c ? a : b
        self.e(("local.get", floor), ("f64.const", 1.0), "f64.add", ("local.get", floor),
               ("local.get", div), ("local.get", floor), "f64.sub", ("f64.const", 0.5), "f64.gt", "select",
               ("else",),
               ("f64.const", 0.0), ("local.get", fa), ("local.get", fb), "f64.div", "f64.copysign",
               ("end",))
        self.store(dst, FLOAT)

    def compare(self, pc, op, args, state):
        dst, a, b = args
        ta, tb = self.operand_type(a, state), self.operand_type(b, state)
        if FLOAT in (ta, tb):
            # an int meets a float: exact only while the int fits in 53 bits
            for arg, t in ((a, ta), (b, tb)):
                if t is INT and self._const_int(arg) is None:
                    self.push(arg, state)
                    self.e(("i64.const", 1 << 53), "i64.add", ("i64.const", 1 << 54), "i64.gt_u")
                    self.guard(pc, "comparing a large int with a float")
                elif t is INT and abs(self._const_int(arg)) > (1 << 53):
                    raise Unsupported("comparing a large int constant with a float")
            self.push(a, state, FLOAT)
            self.push(b, state, FLOAT)
            self.emit((_CMP_F64[op],))
        elif ta is BOOL and tb is BOOL and op in ("EQ", "NE"):
            self.push(a, state)
            self.push(b, state)
            self.emit(("i32.eq" if op == "EQ" else "i32.ne",))
        else:
            self.push(a, state, INT)
            self.push(b, state, INT)
            self.emit((_CMP_I64[op],))
        self.store(dst, BOOL)

    # iteration
    def op_GET_ITER(self, pc, args, typing, state):
        t = self.operand_type(args[1], state)
        if isinstance(t, SeqType):
            self.push_addr(args[1], state)
            self.emit(("i64.const", 0))          # a fresh iterator: record, position 0
        else:
            self.push(args[1], state)
        # a range's (start, stop, step) is the iterator's (cur, stop, step); iter(it) is it
        self.store(args[0], typing.result)

    def for_iter_exhausted(self, ins, state):
        """Push i32: is the iterator exhausted (the loop ends)?"""
        it = ins.args[1]
        t = state[it]
        if isinstance(t, SeqIterType):
            seq, idx = self.var_local(it, t)
            self.e(("local.get", idx), ("local.get", seq), ("i64.load", 0), "i64.ge_s")
            return
        cur, stop, step = self.var_local(it, t)
        if t.direction > 0:
            self.e(("local.get", cur), ("local.get", stop), "i64.ge_s")
        elif t.direction < 0:
            self.e(("local.get", cur), ("local.get", stop), "i64.le_s")
        else:   # step > 0 ? cur >= stop : cur <= stop
            self.e(("local.get", cur), ("local.get", stop), "i64.ge_s",
                   ("local.get", cur), ("local.get", stop), "i64.le_s",
                   ("local.get", step), ("i64.const", 0), "i64.gt_s", "select")

    def for_iter_next(self, ins, state):
        """On the edge into the loop body: the next value to the target, and advance."""
        target, it = ins.args[0], ins.args[1]
        t = state[it]
        if isinstance(t, SeqIterType):
            seq, idx = self.var_local(it, t)
            elem = t.seq.elem
            self.e(("local.get", seq), ("local.get", idx), "i32.wrap_i64", ("i32.const", 3), "i32.shl",
                   "i32.add", ("f64.load" if elem is FLOAT else "i64.load", SEQ_HEADER))
            self.write_var(target, elem)
            self.e(("local.get", idx), ("i64.const", 1), "i64.add", ("local.set", idx))
            return
        cur, stop, step = self.var_local(it, t)
        self.emit(("local.get", cur))
        self.write_var(target, INT)
        self.e(("local.get", cur), ("local.get", step), "i64.add", ("local.set", cur))

    # sequences
    def push_addr(self, arg, state):
        """Push the record address of a list/tuple/str operand."""
        if arg < 0:
            self.emit(("i32.const", self.layout.constants[id(self.code.consts[-1 - arg])]))
        else:
            self.emit(("local.get", self.var_local(arg, state[arg])[0]))

    def push_len(self, arg, state):
        """Push the length (i64) of a list/tuple/str operand."""
        if arg < 0:
            self.emit(("i64.const", len(self.code.consts[-1 - arg])))
        else:
            self.emit(("local.get", self.var_local(arg, state[arg])[1]))

    def _index(self, pc, container, index, state) -> int:
        """Check bounds (Python's negative indices included); return an i32 local with
        the element's address (relative to the record's elements)."""
        self.push_addr(container, state)
        base = self.to_local("i32")
        self.push(index, state, INT)
        i = self.to_local("i64")
        self.push_len(container, state)
        n = self.to_local("i64")
        # negative indices count from the end
        self.e(("local.get", i), ("local.get", i), ("local.get", n), "i64.add",
               ("local.get", i), ("i64.const", 0), "i64.ge_s", "select", ("local.tee", i),
               ("local.get", n), "i64.ge_u")
        self.guard(pc, "IndexError")
        self.e(("local.get", base), ("local.get", i), "i32.wrap_i64", ("i32.const", 3), "i32.shl", "i32.add")
        return self.to_local("i32")

    def op_SUBSCR(self, pc, args, typing, state):
        c = self.operand_type(args[1], state)
        addr = self._index(pc, args[1], args[2], state)
        self.emit(("local.get", addr))
        self.emit(("f64.load" if c.elem is FLOAT else "i64.load", SEQ_HEADER))
        self.store(args[0], c.elem)

    def op_STORE_SUBSCR(self, pc, args, typing, state):
        c = self.operand_type(args[0], state)
        addr = self._index(pc, args[0], args[1], state)
        self.emit(("local.get", addr))
        self.push(args[2], state)
        self.emit(("f64.store" if c.elem is FLOAT else "i64.store", SEQ_HEADER))
        # mark the list dirty: it is written back to the Python list on exit
        self.push_addr(args[0], state)
        self.e(("i64.const", 1), ("i64.store", 8))

    # calls of builtins
    def op_CALL(self, pc, args, typing, state):
        fn = self.operand_type(args[1], state)
        assert isinstance(fn, BuiltinType)
        f = fn.fn
        dst, params = args[0], args[2:]
        types = [self.operand_type(p, state) for p in params]
        if f is B.abs:
            if types[0] is FLOAT:
                self.push(params[0], state)
                self.emit(("f64.abs",))
            else:
                self.push(params[0], state, INT)
                a = self.to_local("i64")
                self.e(("local.get", a), ("i64.const", I64_MIN), "i64.eq")
                self.guard(pc, "int overflow")
                self.e(("i64.const", 0), ("local.get", a), "i64.sub", ("local.get", a),
                       ("local.get", a), ("i64.const", 0), "i64.lt_s", "select")
        elif f in (B.min, B.max):
            t = types[0]
            w = "f64" if t is FLOAT else "i64"
            self.push(params[0], state)
            a = self.to_local(w)
            self.push(params[1], state)
            b = self.to_local(w)
            # min(a, b) is b only if b < a; max(a, b) is b only if b > a (NaN keeps a)
            cmp = ("%s.lt" if f is B.min else "%s.gt") % w
            if w == "i64":
                cmp += "_s"
            self.e(("local.get", b), ("local.get", a), ("local.get", b), ("local.get", a), cmp, "select")
        elif f is B.len:
            self.push_len(params[0], state)
        elif f is B.int:
            t = types[0]
            if t is FLOAT:
                self.push(params[0], state)
                self.float_to_int(pc, "int() of a float outside 64 bits")
            else:
                self.push(params[0], state, INT)
        elif f is B.float:
            self.push(params[0], state, FLOAT)
        elif f is B.bool:
            self.truth(params[0], state)
        elif f is B.range:
            self.range_call(pc, params, state)
        elif f is math.sqrt:
            self.push(params[0], state, FLOAT)
            x = self.to_local("f64")
            self.e(("local.get", x), ("f64.const", 0.0), "f64.lt")
            self.guard(pc, "math.sqrt of a negative number")    # ValueError, raised by the resume
            self.e(("local.get", x), "f64.sqrt")
        elif f is math.fabs:
            self.push(params[0], state, FLOAT)
            self.emit(("f64.abs",))
        elif f is math.copysign:
            self.push(params[0], state, FLOAT)
            self.push(params[1], state, FLOAT)
            self.emit(("f64.copysign",))
        elif f in (math.floor, math.ceil):
            if types[0] is FLOAT:
                self.push(params[0], state)
                self.emit(("f64.floor",) if f is math.floor else ("f64.ceil",))
                self.float_to_int(pc, "math.%s of a float outside 64 bits" % f.__name__)
            else:
                self.push(params[0], state, INT)
        elif f is math.isqrt:
            self.isqrt(pc, params[0], state)
        else:
            raise Unsupported("call of %s" % f.__name__)
        self.store(dst, typing.result)

    def float_to_int(self, pc, reason: str):
        """The whole float on the stack as an int, guarded: NaN, infinities and values
        beyond 64 bits exit (CPython's error, or a big int, comes from the resume)."""
        x = self.to_local("f64")
        self.e(("local.get", x), ("f64.const", -9223372036854775808.0), "f64.ge",
               ("local.get", x), ("f64.const", 9223372036854775808.0), "f64.lt", "i32.and", "i32.eqz")
        self.guard(pc, reason)
        self.e(("local.get", x), "i64.trunc_f64_s")

    def isqrt(self, pc, arg, state):
        """math.isqrt of an int below 2**63: the float square root, truncated, is within
        one of the answer; two steps each way settle it (in unsigned arithmetic: the
        square of the answer plus one can pass 2**63)."""
        self.push(arg, state, INT)
        n = self.to_local("i64")
        self.e(("local.get", n), ("i64.const", 0), "i64.lt_s")
        self.guard(pc, "math.isqrt of a negative number")    # ValueError, raised by the resume
        self.e(("local.get", n), "f64.convert_i64_u", "f64.sqrt", "i64.trunc_f64_u")
        s = self.to_local("i64")
        for _ in range(2):      # s -= s * s > n
            self.e(("local.get", s), ("local.get", s), ("local.get", s), "i64.mul",
                   ("local.get", n), "i64.gt_u", "i64.extend_i32_u", "i64.sub", ("local.set", s))
        for _ in range(2):      # s += (s + 1) * (s + 1) <= n
            self.e(("local.get", s), ("local.get", s), ("i64.const", 1), "i64.add",
                   ("local.get", s), ("i64.const", 1), "i64.add", "i64.mul",
                   ("local.get", n), "i64.le_u", "i64.extend_i32_u", "i64.add", ("local.set", s))
        self.emit(("local.get", s))

    def op_LOAD_ATTR(self, pc, args, typing, state):
        # a function of a module known at compile time (the entry checked it): no code
        self.store(args[0], typing.result)

    def range_call(self, pc, params, state):
        if len(params) == 1:
            self.emit(("i64.const", 0))
            self.push(params[0], state, INT)
            self.emit(("i64.const", 1))
        else:
            self.push(params[0], state, INT)
            self.push(params[1], state, INT)
            if len(params) == 3:
                self.push(params[2], state, INT)
            else:
                self.emit(("i64.const", 1))
        step = self.to_local("i64")
        stop = self.to_local("i64")
        start = self.to_local("i64")
        if self.inf.typings[pc].result.direction == 0:
            self.e(("local.get", step), "i64.eqz")
            self.guard(pc, "range() step is zero")
        # the iterator steps past stop once: stop + step must not overflow
        self.e(("local.get", stop), ("local.get", step), "i64.add")
        past = self.to_local("i64")
        self.e(("local.get", past), ("local.get", stop), "i64.lt_s",
               ("local.get", past), ("local.get", stop), "i64.gt_s",
               ("local.get", step), ("i64.const", 0), "i64.gt_s", "select")
        self.guard(pc, "range too close to the 64-bit limit")
        self.e(("local.get", start), ("local.get", stop), ("local.get", step))
