"""The emitter: a region's IR becomes one WebAssembly function.

``run(entry: i32) -> i32`` loads the loop's live values from their slots in linear
memory into wasm locals (one per frame-variable slot), runs the preheader (code
hoisted out of the loop), then the region, its control flow structured by
``wasmgen.structure.Structurer``; every exit stores the values its snapshot names
in the exit area and returns the snapshot's id::

    prologue: slot locals <- memory
    block $exit
      preheader (hoisted code; its guards leave before the first iteration)
      loop $header ... br $header ... (exit: snapshot values -> exit area; br $exit) ... end
    end
    tail: loop variables -> slots; iteration counts -> counters; return exit id

Each IR op has one rule in ``RULES`` (a test holds it to the IR table). A rule pushes
the op's result, or for a guard checks and leaves through the op's snapshot
before anything is written, so the interpreter resumes with exactly the state it
would have had.
"""
from __future__ import annotations

import math

from ..wasmgen.dicts import FULL, LOG, NO_ROOM, SET_FUNCTIONS, add_dict_probe, add_set_functions
from ..wasmgen.module import FuncType, Module
from ..wasmgen.structure import Sink, Structurer
from .ir.graph import Graph, Ins, Snapshot
from .ir.passes.accumulate import BUDGET
from .ir.passes.ranges import wide_reciprocal
from .ir.ops import SLICE_OF_STR, STORE, VALUE_TYPES
from .ir.record import Unsupported
from .jtypes import BOOL, FLOAT, INT, SeqType
from .mathlib import PORTED

I64_MIN = -(1 << 63)
# a function compiled whole: its status word in linear memory (0 is the Ctrl-C flag)
STATUS = 4               # 0, or the id of the snapshot whose guard failed
FAILED_AT_ENTRY = 0x7FFFFFFF    # the status of too deep a recursion, or a Ctrl-C
SEQ_HEADER = 16          # list/tuple record: [len i64][dirty i64][elements...]
MEMORY_VARS = 40         # more loop-carried scalars than this stay in memory (see __init__)


class Emitter(Sink):
    def __init__(self, graph: Graph, layout, module_name: str, header_lines: dict, annotate: bool = False):
        self.annotate = annotate    # comments in the wasm text (--emit-wasm, --jit-dump): IR ids, exits
        # a function compiled whole (see build_function)? Its own flag: its result's wasm type
        # (``function``) is None for a function returning None, which is no less a function
        self.whole = False
        self.function = None        # a function compiled whole: its result's wasm type, or None
        # the loop polls for Ctrl-C at its range's limit, once a chunk, not at its back edge
        # (passes/polls; ``chunk_end``)
        self.chunked = graph.poll_chunk is not None
        self.limit = None
        self.graph = graph
        self.layout = layout
        # (the graph's strs made only to make another at once, found at the first str made,
        # and the heap pointer from before each such str now on its way: _made_str)
        self.str_chains = None
        self.chain_heads = {}
        self.module = Module(name=module_name)
        self.helper_index = {}
        self.internal_functions = set()
        self.body: list = []
        self.emit = self.body.append    # (the hot path: one bound method, rebound with the body)
        self.locals: list[tuple[str, str]] = []
        self.local_names: set[str] = set()
        self._name_counts: dict = {}
        self.slot_locals: dict = {}
        self._var_parts: set = set()     # (var, part) of the slot_locals keys (see slot_local)
        self._var_parts_of = 0
        self.value_locals: dict = {}
        self.slot_reads: set = set()
        self.nest = 0
        self.exit_depth = 0
        self.exit_local = self.new_local("exit_id", "i32")
        # native iterations of the region's own loops, and of its inlined callees' (each copy
        # of a callee's loop counted in a local of its own, their sum in the loop's word)
        self.counters = {h: self.new_local("iterations_L%d" % header_lines.get(h, h), "i64")
                         for h in sorted(h for h in layout.counter_off if type(h) is int)}
        self.counter_sums = {}      # a callee loop's word -> the counters of its copies
        for key, source in graph.loop_sources.items():
            if source in layout.counter_off:
                self.counters[key] = c = self.new_local("iterations_L%s" % (key,), "i64")
                self.counter_sums.setdefault(source, []).append(c)
        self.carried = layout.carried
        # With many loop variables, each exit would carry them all as live values to the
        # exit block (a phi per variable per exit: Cranelift's time grows quadratically),
        # so beyond this many they stay in their memory slots: a read is a load, a write
        # a store, and exits need not write them back.
        scalars = [v for v, t in layout.inputs if v in self.carried and t in (INT, FLOAT, BOOL)]
        self.in_memory = set(scalars) if len(scalars) > MEMORY_VARS else set()
        self._pool: dict = {}
        self._scratch_locals: set = set()   # the pool's locals (see instruction)
        self._pool_used: dict = {}
        self.natives: dict = {}     # ("fn", id(graph)) -> (NativeFunction, its body): see native_function

    # --- locals -----------------------------------------------------------------------------
    def new_local(self, name: str, valtype: str) -> int:
        """A new local; its name, made unique, only when the wasm is shown (``annotate``):
        the binary carries no names, and naming was a tenth of the emitter's time."""
        if self.annotate:
            base = name
            k = self._name_counts.get(base, 1)
            while name in self.local_names:
                k += 1
                name = "%s_%d" % (base, k)
            self._name_counts[base] = k
            self.local_names.add(name)
        else:
            name = None
        self.locals.append((name, valtype))
        if self.whole:
            return len(self.locals) - 1      # shifted past the parameters by build_function
        return len(self.locals)   # local 0 is the entry parameter

    def slot_local(self, slot) -> int:
        idx = self.slot_locals.get(slot.key)
        if idx is None and not self.annotate:       # (unnamed: see new_local)
            idx = self.slot_locals[slot.key] = self.new_local(None, slot.jtype.parts[slot.part][1])
        elif idx is None:
            name = slot.name
            taken = self._var_parts
            if len(self.slot_locals) != self._var_parts_of:     # (function_body fills it too)
                taken.clear()
                taken.update((k[0], k[2]) for k in self.slot_locals)
            if (slot.var, slot.part) in taken:
                name += "_" + slot.jtype.name.replace("[", "_").replace("]", "").replace(" ", "_")
            idx = self.slot_locals[slot.key] = self.new_local(name, slot.jtype.parts[slot.part][1])
            taken.add((slot.var, slot.part))
            self._var_parts_of = len(self.slot_locals)
        return idx

    def var_locals(self, var, jt) -> list[int]:
        get = self.slot_locals.get
        out = []
        for s in self.graph.var_slots(var, jt):
            idx = get(s.key)
            out.append(self.slot_local(s) if idx is None else idx)
        return out

    def scratch(self, valtype: str) -> int:
        """A local for a value that lives only inside one block (reused by later blocks)."""
        pool = self._pool.get(valtype)
        if pool is None:
            pool = self._pool[valtype] = []
        n = self._pool_used.get(valtype, 0)
        if n == len(pool):
            idx = self.new_local("v_" + valtype, valtype)
            pool.append(idx)
            self._scratch_locals.add(idx)
        self._pool_used[valtype] = n + 1
        return pool[n]

    def _set_body(self, body: list):
        self.body = body
        self.emit = body.append

    def e(self, *instrs):
        """Append instructions: tuples, or a bare name for one without an immediate
        (the encoder and the text printer take both)."""
        self.body += instrs

    def to_local(self, valtype: str) -> int:
        t = self.scratch(valtype)
        self.emit(("local.set", t))
        return t

    # --- values -------------------------------------------------------------------------------
    def use(self, v: Ins):
        """Push an IR value: a constant inline, a slot read from the slot (see
        ``_slot_reads``), anything else from its local."""
        idx = self.value_locals.get(v)
        if idx is not None:
            self.emit(("local.get", idx))
            return
        op = v.op
        if op == "int":
            self.emit(("i64.const", v.imm))
        elif op == "float":
            self.emit(("f64.const", v.imm))
        elif op in ("bool", "addr"):
            self.emit(("i32.const", v.imm))
        elif v in self.slot_reads:
            self.read_slot(v.imm)
        else:
            raise KeyError("%r (%s) has no local" % (v, v.op))

    def _slot_reads(self, instrs, term):
        """The ``getvar`` values of a block that can be read from their slot where they
        are used: no ``setvar`` of the slot comes between the read and its last use."""
        last_use = {}
        sinks = self.graph.sinks
        for pos, ins in enumerate(instrs):
            for a in ins.args:
                last_use[a] = pos
            if sinks:
                for _, fields, _ in sinks.get(ins, ()):     # (the fields an exit's objects get)
                    for _, v, _ in fields:
                        last_use[v] = pos
        if sinks:
            for _, fields, _ in sinks.get(("term", getattr(self, "_block_key", None)), ()):
                for _, v, _ in fields:
                    last_use[v] = len(instrs)
        if term[0] in ("branch", "return") and term[1] is not None:
            last_use[term[1]] = len(instrs)
        out = set()
        open_reads: dict = {}       # slot -> its reads since the last write of it
        for pos, ins in enumerate(instrs):
            if ins.op == "getvar" and ins.imm.var not in self.in_memory:
                out.add(ins)
                open_reads.setdefault(ins.imm.key, []).append(ins)
            elif ins.op == "setvar":
                for read in open_reads.pop(ins.imm.key, ()):
                    if last_use.get(read, 0) > pos:
                        out.discard(read)       # used after the slot changed: keep its value
        return out

    def local_of(self, v: Ins) -> int:
        """A local holding ``v`` (a constant is put in a scratch local; a slot read is its
        slot's local, which no write changes before the read's last use: see _slot_reads)."""
        idx = self.value_locals.get(v)
        if idx is None:
            if v in self.slot_reads:
                return self.slot_local(v.imm)
            self.use(v)
            idx = self.to_local(VALUE_TYPES[v.type])
        return idx

    def instruction(self, ins: Ins, dedicated=False):
        if ins.op in ("int", "float", "bool", "addr") or ins in self.slot_reads:
            return      # pushed where they are used
        self.current = ins
        RULES[ins.op](self, ins)
        if ins.type is not None:
            last = self.body[-1]
            if not dedicated and type(last) is tuple and last[0] == "local.get" and last[1] in self._scratch_locals:
                # the rule left its result in a scratch local of this block (which nothing
                # sets again in the block): that local is the value's, no copy
                self.body.pop()
                self.value_locals[ins] = last[1]
                return
            vt = VALUE_TYPES[ins.type]
            idx = self.new_local("h_" + vt, vt) if dedicated else self.scratch(vt)
            self.value_locals[ins] = idx
            self.emit(("local.set", idx))

    # --- slots ----------------------------------------------------------------------------------
    def read_slot(self, slot):
        if slot.var in self.in_memory:
            vt = slot.jtype.parts[0][1]
            self.e(("i32.const", 0), ("f64.load" if vt == "f64" else "i64.load", self.layout.slots[slot.var] + 8))
            if vt == "i32":
                self.emit(("i32.wrap_i64",))
            return
        self.emit(("local.get", self.slot_local(slot)))

    def write_slot(self, slot, v: Ins):
        if slot.var in self.in_memory:
            vt = slot.jtype.parts[0][1]
            self.emit(("i32.const", 0))
            self.use(v)
            if vt == "i32":
                self.emit(("i64.extend_i32_u",))
            self.emit(("f64.store" if vt == "f64" else "i64.store", self.layout.slots[slot.var] + 8))
            return
        self.use(v)
        self.emit(("local.set", self.slot_local(slot)))

    # --- exits ------------------------------------------------------------------------------------
    def exit_code(self, snap: Snapshot, extra_depth: int = 0):
        """Store the snapshot's values, set the exit id and branch to the exit block.
        (A function compiled whole fails instead: the snapshot's id is its status.)"""
        if self.whole:
            self.e(("i32.const", snap.id), ("local.set", self.status))
            self.emit(("br", self.exit_depth + self.nest + extra_depth))
            return
        off = self.layout.exit_area
        for var, t in snap.values:
            # (its tag word is left as it is: the host knows each exit's types)
            for k, idx in enumerate(self.var_locals(var, t)):
                vt = self.locals[idx - 1][1]
                self.e(("i32.const", 0), ("local.get", idx))
                if vt == "i32":
                    self.e("i64.extend_i32_u")
                self.emit(("f64.store" if vt == "f64" else "i64.store", off + 8 + 8 * k))
            off += 8 * (1 + len(t.parts))
        self.e(("i32.const", snap.id), ("local.set", self.exit_local))
        self.emit(("br", self.exit_depth + self.nest + extra_depth))

    def sunk(self, sinks):
        """On an exit's path, the objects passes/virtuals kept virtual that it needs: each a
        record from the heap (no check: the entry kept SINK_ROOM back), its fields as they
        are here, its address into the slots holding it."""
        if not sinks:
            return
        layout = self.layout
        for size, fields, slots in sinks:
            at = self.new_local("sunk", "i32")
            self.e(("i32.const", 0), ("i32.load", layout.HEAP), ("local.set", at),
                   ("i32.const", 0), ("local.get", at), ("i32.const", (size + 15) // 16 * 16), "i32.add",
                   ("i32.store", layout.HEAP))
            for k, v, store in fields:
                self.emit(("local.get", at))
                self.use(v)
                if store == "i32.store":        # (an object's address: the whole word, see _store_elem)
                    self.e("i64.extend_i32_u", ("i64.store", 16 + 8 * k))
                else:
                    self.emit((store, 16 + 8 * k))
            for slot in slots:
                self.e(("local.get", at), ("local.set", self.slot_local(slot)))

    def exit_if(self, snap: Snapshot):
        """``if <i32 on the stack> { leave through snap }``."""
        self.emit(("if", None))
        self.nest += 1
        current = getattr(self, "current", None)
        if current is not None and current.snap is snap:
            self.sunk(self.graph.sinks.get(current))
        self.exit_code(snap)
        self.nest -= 1
        self.emit(("end",))

    # --- Sink interface ----------------------------------------------------------------------------
    def block_code(self, node):
        block = self.graph.blocks[node]
        self._pool_used.clear()
        self._block_key = node
        self.slot_reads = self._slot_reads(block.instrs, block.term)
        # (the exit block of the region's range being done, where its budget or chunk ends)
        range_done = self.graph.budget is not None and node == self.graph.blocks[self.graph.entry].term[2]
        if range_done and self.chunked:
            self.chunk_end()
        for ins in block.instrs:
            if self.annotate and ins.op not in ("int", "float", "bool", "addr"):
                self.emit(("comment", "line %d: %%%d = %s" % (ins.line, ins.id, ins.op)))
            self.instruction(ins)
        if block.term[0] == "exit":
            snap = block.term[1]
            if range_done and not self.chunked:
                self.budget_spent()
            if self.annotate:
                self.emit(("comment", "line %d: exit (%s)" % (snap.line, snap.reason)))
            self.sunk(self.graph.sinks.get(("term", node)))
            self.exit_code(snap)

    def terminator(self, node):
        t = self.graph.blocks[node].term
        if t[0] == "goto":
            return ("goto", t[1])
        if t[0] == "branch":
            return ("cond", lambda: self.use(t[1]), t[2], t[3])
        if t[0] == "return":       # a function compiled whole: its result, status 0
            for h, c in self.counters.items():      # (its loops' iterations: see function_body)
                off = self.counter_words[h]
                self.e(("i32.const", 0), ("i32.const", 0), ("i64.load", off), ("local.get", c), "i64.add",
                       ("i64.store", off))
            if t[1] is not None:
                self.use(t[1])
            self.e(("i32.const", 0), ("return",))
        return ("stop",)

    def label(self, node) -> str:
        key = node
        return str(key) if isinstance(key, int) else self.graph.blocks[key].label

    def exit_edge(self, source, target, depth_to_exit):
        raise AssertionError("every edge leaving the region ends in an exit block")

    def loop_back(self, source, header, depth_to_exit):
        c = self.counters.get(header)
        if c is not None:
            self.e(("local.get", c), ("i64.const", 1), "i64.add", ("local.set", c))
        if self.chunked and header == self.graph.entry:
            return      # (it polls at its range's limit instead: chunk_end)
        # Ctrl-C: a watchdog thread sets the flag word; leave at the header, state intact.
        # (Counting down a fuel local instead, and polling every 1024 back edges, made
        # Cranelift's loop slower, not faster: measured twice.)
        self.e(("i32.const", 0), ("i32.load", self.layout.FLAG))
        self.emit(("if", None))
        saved = self.exit_depth, self.nest
        self.exit_depth, self.nest = depth_to_exit, 1
        self.exit_code(self.graph.interrupts[(source, header)])
        self.exit_depth, self.nest = saved
        self.emit(("end",))

    def budget_limit(self):
        """The position the loop's range stops at in this run (see passes/accumulate), or
        in this chunk of it (``graph.poll_chunk``: passes/polls): its stop, or BUDGET (the
        chunk's) steps on if the stop is further. Counting up:
        ``cur < stop and (stop - cur) // step > BUDGET`` (unsigned: the difference may pass
        2**63), then ``cur + BUDGET * step``, which is below the stop; down, the mirror."""
        test, _ = self.graph.budget
        cur, stop, step = (self.slot_local(a.imm) for a in test.args)
        up = test.imm > 0
        steps = self.graph.poll_chunk or BUDGET
        if self.limit is None:
            self.limit = self.new_local("limit", "i64")
        self.e(("local.get", cur), ("i64.const", steps), ("local.get", step), "i64.mul", "i64.add",
               ("local.get", stop),
               ("local.get", cur), ("local.get", stop), "i64.lt_s" if up else "i64.gt_s",
               *((("local.get", stop), ("local.get", cur)) if up else (("local.get", cur), ("local.get", stop))),
               "i64.sub",
               *((("local.get", step),) if up else (("i64.const", 0), ("local.get", step), "i64.sub")),
               "i64.div_u", ("i64.const", steps), "i64.gt_u", "i32.and",
               "select", ("local.set", self.limit))

    def chunk_end(self):
        """At the loop's exit for its range being done, in a region polling once a chunk
        (passes/polls): if the position has not reached the stop, a chunk has ended. Then
        leave, in the state at the header, through a Ctrl-C's exit if the flag word is set,
        or the budget's if the run has made BUDGET iterations; else set the next chunk's
        limit and go back to the header. (The iterations were counted at the back edges: going
        back here is none.)"""
        test, snap = self.graph.budget
        cur, stop, _ = test.args
        self.read_slot(cur.imm), self.read_slot(stop.imm)
        self.e("i64.lt_s" if test.imm > 0 else "i64.gt_s", ("if", None))
        self.nest += 1
        header = self.graph.entry
        self.e(("i32.const", 0), ("i32.load", self.layout.FLAG))
        self.exit_if(self.graph.interrupt_at(header))
        self.e(("local.get", self.counters[header]), ("i64.const", BUDGET), "i64.ge_u")
        self.exit_if(snap)
        self.budget_limit()
        # (the loop is the frame just inside the exit block: the header is the region's entry)
        self.emit(("br", self.exit_depth + self.nest - 1))
        self.nest -= 1
        self.emit(("end",))

    def budget_spent(self):
        """At the loop's exit for its range being done: if the position has not reached the
        stop, the run's limit was the budget's (see budget_limit): leave through its exit."""
        test, snap = self.graph.budget
        cur, stop, _ = test.args
        self.read_slot(cur.imm), self.read_slot(stop.imm)
        self.e("i64.lt_s" if test.imm > 0 else "i64.gt_s", ("if", None))
        self.nest += 1
        self.exit_code(snap)
        self.nest -= 1
        self.emit(("end",))

    # --- whole function ------------------------------------------------------------------------------
    def build(self) -> tuple[bytes, Module]:
        layout = self.layout
        self.graph.number()
        # prologue: every live-in value from its slot
        for var, jt in layout.inputs:
            if var in self.in_memory:
                continue
            off = layout.slots[var]
            for k, idx in enumerate(self.var_locals(var, jt)):
                vt = jt.parts[k][1]
                self.emit(("i32.const", 0))
                if vt == "f64":
                    self.emit(("f64.load", off + 8 + 8 * k))
                else:
                    self.emit(("i64.load", off + 8 + 8 * k))
                    if vt == "i32":
                        self.emit(("i32.wrap_i64",))
                self.emit(("local.set", idx))
        if self.graph.budget is not None:
            self.budget_limit()
        self.emit(("block", None, "exit"))
        self.exit_depth = 0
        for ins in self.graph.preheader:        # values the whole loop uses: each in its own local
            self.instruction(ins, dedicated=True)
        Structurer(self.graph.entry, self.graph.succs(), self, self.graph.loop_headers).run([("exit",)])
        self.emit(("unreachable",))
        self.emit(("end",))
        # tail: loop variables back to their slots, iteration counts to their counters
        for var, jt in layout.inputs:
            if var not in self.carried or var in self.in_memory:
                continue
            off = layout.slots[var]
            for k, idx in enumerate(self.var_locals(var, jt)):
                vt = jt.parts[k][1]
                self.e(("i32.const", 0), ("local.get", idx))
                if vt == "i32":
                    self.emit(("i64.extend_i32_u",))
                self.emit(("f64.store" if vt == "f64" else "i64.store", off + 8 + 8 * k))
        for h, c in self.counters.items():
            if type(h) is int:
                self.e(("i32.const", 0), ("local.get", c), ("i64.store", layout.counter_off[h]))
        for source, cs in self.counter_sums.items():
            self.e(("i32.const", 0), ("local.get", cs[0]))
            for c in cs[1:]:
                self.e(("local.get", c), "i64.add")
            self.emit(("i64.store", layout.counter_off[source]))
        # the exit taken, in memory too (for the host, should Ctrl-C cut the return short)
        self.e(("i32.const", 0), ("local.get", self.exit_local), ("i32.store", layout.EXIT_TAKEN))
        self.emit(("local.get", self.exit_local))
        self._complete_module()
        self.module.add_function(name=self.graph.name, params=[("entry", "i32")], results=["i32"],
                                 locals=self.locals, body=self.body, export="run")
        return self.module.to_binary(names=self.annotate), self.module

    def build_function(self, params, result) -> tuple[bytes, Module]:
        """The graph of a function compiled whole, as two wasm functions:

        - ``$f(parts of the arguments..., budget) -> (result, status)``: the function.
          ``budget`` is how many more native frames it may open; each call of itself
          passes one less. Status 0 is a result; otherwise it is the snapshot id of the
          guard that failed (or FAILED_AT_ENTRY: out of budget, or a Ctrl-C) and every
          native frame returns at once: the interpreter then makes the call.
        - ``call(the same...) -> result``, exported: calls ``$f`` and puts the status in
          the status word of memory for the host.

        The host gives a budget below what Python's recursion limit leaves, so deep
        recursion fails natively and CPython raises RecursionError where it does."""
        wasm_params, results, locals_, body = self.function_body(params, result, count_loops=True)
        self._set_body(body)
        self._complete_module(own=("fn", id(self.graph)))
        f = self.module.add_function(name=self.graph.name, params=wasm_params, results=results,
                                     locals=locals_, body=self.body)
        base = len(wasm_params)
        status = base
        wrapper = [("local.get", i) for i in range(base)] + [
            ("call", f), ("local.set", status), ("i32.const", 0), ("local.get", status), ("i32.store", STATUS)]
        self.module.add_function(name="call", params=wasm_params, results=[result] if result else [],
                                 locals=[("status", "i32")], body=wrapper, export="call")
        return self.module.to_binary(names=self.annotate), self.module

    def function_body(self, params, result, count_loops=False):
        """(wasm params, results, locals, body) of ``$f`` (see build_function); its calls
        stay symbolic until _resolve_calls.

        ``count_loops``: the function is the one the layout was made for (not a function
        it calls natively, built into the same module): its own loops count their
        iterations, each in a local, added to the layout's counter word of the loop at
        every return (a call that fails adds nothing; the host reads the words for
        --jit-stats: ``FunctionVersion.loop_iterations``)."""
        self.whole = True
        self.chunked = False        # (its loops poll at every back edge)
        self.function = result
        self.graph.number()
        wasm_params = []
        for var, jt in params:
            for s in self.graph.var_slots(var, jt):
                wasm_params.append((s.name, jt.parts[s.part][1]))
        wasm_params.append(("budget", "i32"))
        # the parameters are locals 0..n-1: the slots of the parameters are they
        self.locals = []
        self.local_names = set()
        self._name_counts = {}
        self._set_body([])
        base = len(wasm_params)
        self.exit_local = None
        self.counters = {}
        self.counter_words = {}       # (count_loops: each counted loop's word in the layout)
        k = 0
        for var, jt in params:
            for s in self.graph.var_slots(var, jt):
                self.slot_locals[s.key] = k - base       # shifted by base below
                k += 1
        self.budget = k - base
        self.status = self.new_local("status", "i32")
        if count_loops:
            # (its loops, and theirs in the copies of itself inlined into it: a recursive
            # function's inlined call of itself runs the same loops)
            own = self.layout.counter_off
            code = self.layout.region.code
            self.counter_words = {h: own[h] for h in self.graph.loop_headers if h in own}
            for key, (callee, h) in self.graph.loop_sources.items():
                if callee is code and h in own and key in self.graph.loop_headers:
                    self.counter_words[key] = own[h]
            self.counters = {key: self.new_local("iterations_L%s" % (key,), "i64")
                             for key in sorted(self.counter_words, key=str)}
        zero = [({"i64": "i64.const", "f64": "f64.const", "i32": "i32.const"}[result], 0)] if result else []
        # out of budget (each native frame stands for itself and the calls inlined into it),
        # or Ctrl-C. (The flag read as the low half of an i64: read as the i32 its loops' polls
        # read, with no store between, Cranelift's redundant-load elimination gave every poll
        # this first read's value -- a function's loop never saw a Ctrl-C)
        self.e(("local.get", self.budget), ("i32.const", self.graph.inline_depth), "i32.le_s",
               ("i32.const", 0), ("i64.load", self.layout.FLAG), "i32.wrap_i64",
               "i32.or", ("if", None), *zero, ("i32.const", FAILED_AT_ENTRY), ("return",), ("end",))
        self.emit(("block", None, "exit"))
        self.exit_depth = 0
        for ins in self.graph.preheader:
            self.instruction(ins, dedicated=True)
        Structurer(self.graph.entry, self.graph.succs(), self, self.graph.loop_headers).run([("exit",)])
        self.emit(("end",))
        self.e(*zero, ("local.get", self.status))        # failed: any value, and the status
        body = [(i[0], i[1] + base) if i[0] in ("local.get", "local.set", "local.tee") else i
                for i in self.body]
        return wasm_params, ([result] if result else []) + ["i32"], self.locals, body

    def native_function(self, fn):
        """The symbolic call target of a function compiled whole that this code calls
        natively; its body is built once, into this module (see _resolve_calls)."""
        key = ("fn", id(fn.graph))
        if key not in self.natives:
            self.natives[key] = None        # (being built: a call of itself is a call_self)
            sub = Emitter(fn.graph, self.layout, fn.graph.name, {}, self.annotate)
            sub.module = self.module
            sub.natives = self.natives
            sub.helper_index = self.helper_index
            sub.internal_functions = self.internal_functions
            self.natives[key] = (fn, sub.function_body(fn.params, fn.result))
        return key

    def helper(self, name: str):
        """A call target for a host helper, resolved to a function index in build()."""
        self.helper_index.setdefault(name, None)
        return ("import", name)

    def internal(self, name: str):
        """A call target for a function of the module itself (fmod), resolved in build()."""
        self.internal_functions.add(name)
        return ("internal", name)

    def _complete_module(self, own=None):
        """Everything of the module but the function being built: imports, the functions
        it calls, memory and the constant records in it."""
        self._resolve_calls(own)
        self.module.set_memory(min_pages=self.layout.min_pages, export="memory")
        for addr, data in self.layout.const_data:
            self.module.add_data(addr, data)

    def _resolve_calls(self, own=None):
        """Imports must precede the module's own functions, so call targets are
        symbolic while emitting and become indices here; the functions compiled whole
        that the code calls natively are added first (``own``: the symbol of the
        function being built, added after them)."""
        # (the wasm functions a module may hold, and the host helpers' signatures, are
        # imported where a module holds or calls them: ~1 ms of the JIT's start, most of
        # whose loops call none of them)
        index = {}
        if self.helper_index:
            from ..helpers.floats import HELPERS
        for name in self.helper_index:
            params, results, _ = HELPERS[name]
            idx = self.module.import_function("helpers", name, FuncType(params, results), name=name)
            self.helper_index[name] = idx
            index[("import", name)] = idx
        if "fmod" in self.internal_functions:
            from ..wasmgen.fmod import add_fmod
            index[("internal", "fmod")] = add_fmod(self.module)
        sets = [n for n in SET_FUNCTIONS if n in self.internal_functions]
        if "dict_probe" in self.internal_functions or sets:
            index[("internal", "dict_probe")] = probe = add_dict_probe(self.module, self.layout.FREE)
            for name, idx in add_set_functions(self.module, probe, self.layout.FREE, sets).items():
                index[("internal", name)] = idx
        if "seq_slice" in self.internal_functions or "str_concat" in self.internal_functions:
            from ..wasmgen.slices import add_concat_function, add_slice_function
        if "seq_slice" in self.internal_functions:
            index[("internal", "seq_slice")] = add_slice_function(self.module, self.layout.HEAP, self.layout.HEAP_END)
        if "str_concat" in self.internal_functions:
            index[("internal", "str_concat")] = add_concat_function(self.module, self.layout.HEAP, self.layout.HEAP_END)
        if not self.internal_functions.isdisjoint(("str_words", "str_strip", "str_case")):
            from ..wasmgen.strmethods import add_case_function, add_split_list_function, add_strip_function
            for name, add in (("str_words", add_split_list_function), ("str_strip", add_strip_function),
                              ("str_case", add_case_function)):
                if name in self.internal_functions:
                    index[("internal", name)] = add(self.module, self.layout.HEAP, self.layout.HEAP_END)
        interning = "str_intern" in self.internal_functions or "str_canon" in self.internal_functions
        strings = {}
        if interning or any(n.startswith("str_") for n in self.internal_functions):
            from ..wasmgen.strings import NAMES as STRING_FUNCTIONS, add_string_functions
            strings = add_string_functions(self.module, [n for n in STRING_FUNCTIONS if n in self.internal_functions
                                                         or (interning and n == "str_eq")])
        for name, idx in strings.items():
            index[("internal", name)] = idx
        if interning:
            from ..wasmgen.intern import add_canon, add_intern
            index[("internal", "str_intern")] = add_intern(self.module, self.layout.INTERN, strings["str_eq"])
            if "str_canon" in self.internal_functions:
                index[("internal", "str_canon")] = add_canon(self.module, self.layout.INTERN,
                                                             index[("internal", "str_intern")])
        ported = [name for name in PORTED if name in self.internal_functions]
        if ported:
            from ..wasmgen import libm     # (its tables only where the code calls them)
            for name in ported:
                add = getattr(libm, "add_" + name)
                index[("internal", name)] = add(self.module, self.layout.libm_tables())
        if self.layout.copies_flags:
            # (the host calls these between runs, to copy long lists of bools: tauraro.jit.flags)
            from ..wasmgen.flags import add_flag_functions
            add_flag_functions(self.module)
        if self.layout.copies_ints:
            # (and this one, to copy long lists of small ints: tauraro.jit.smallints)
            from ..wasmgen.smallints import add_small_int_functions
            add_small_int_functions(self.module)
        if self.layout.copies_strs:
            from ..wasmgen.widen import add_widen
            add_widen(self.module)      # (and this one to copy long strs: transfer.EntryRecords)
        if self.layout.copies_str_seqs:
            from ..wasmgen.expand import add_expand
            add_expand(self.module)     # (and this one to copy long lists of few strs: EntryRecords._expanded)
        if self.layout.splits:
            from ..wasmgen.strmethods import add_split_function
            add_split_function(self.module)     # (and this one to write a str's split(): tauraro.jit.splits)
        if self.graph.interning:
            from ..wasmgen.addrcodes import add_addr_codes
            add_addr_codes(self.module)     # (and this one to write back long lists of strs: EntryRecords._str_codes)
        subs = list(self.natives.items())
        first = len(self.module.func_names)
        for k, (key, _) in enumerate(subs):
            index[key] = first + k
        if own is not None:
            index[own] = first + len(subs)

        def resolved(body):
            return [("call", index[i[1]]) if i[0] == "call" and isinstance(i[1], tuple) else i for i in body]
        for key, (fn, (params, results, locals_, body)) in subs:
            self.module.add_function(name=fn.graph.name, params=params, results=results, locals=locals_,
                                     body=resolved(body))
        if index:
            self._set_body(resolved(self.body))


# --- the rules: one per IR op ---------------------------------------------------------------------
RULES: dict = {}


def rule(*names):
    def register(fn):
        for n in names:
            RULES[n] = fn
        return fn
    return register


@rule("int", "float", "bool", "addr")
def _const(em, ins):
    em.use(ins)


@rule("getvar")
def _getvar(em, ins):
    em.read_slot(ins.imm)


@rule("setvar")
def _setvar(em, ins):
    em.write_slot(ins.imm, ins.args[0])


def _unary(wasm):
    def fn(em, ins):
        em.use(ins.args[0])
        em.e(*wasm)
    return fn


def _binary(wasm):
    def fn(em, ins):
        em.use(ins.args[0])
        em.use(ins.args[1])
        em.e(*wasm)
    return fn


for _name, _wasm in {"bool_to_int": ["i64.extend_i32_u"], "int_to_float": ["f64.convert_i64_s"],
                     "invert": [("i64.const", -1), "i64.xor"], "not": ["i32.eqz"],
                     "int_truth": ["i64.eqz", "i32.eqz"], "float_truth": [("f64.const", 0.0), "f64.ne"],
                     "fneg": ["f64.neg"], "fabs": ["f64.abs"], "fsqrt": ["f64.sqrt"],
                     "ffloor": ["f64.floor"], "fceil": ["f64.ceil"],
                     "seq_len": [("i64.load", 0)], "list_len": [("i64.load", 0)], "dict_len": [("i64.load", 0)],
                     "addr_nonzero": [("i32.const", 0), "i32.ne"],
                     "load_int": [("i64.load", SEQ_HEADER)], "load_float": [("f64.load", SEQ_HEADER)],
                     "load_addr": [("i32.load", SEQ_HEADER)],
                     "neg": [("i64.const", -1), "i64.mul"]}.items():
    RULES[_name] = _unary(_wasm)

for _name, _wasm in {"add": "i64.add", "sub": "i64.sub", "mul": "i64.mul", "band": "i64.and",
                     "bor": "i64.or", "bxor": "i64.xor", "bool_and": "i32.and", "bool_or": "i32.or",
                     "bool_xor": "i32.xor", "fadd": "f64.add", "fsub": "f64.sub", "fmul": "f64.mul",
                     "fdiv": "f64.div", "fcopysign": "f64.copysign", "lt": "i64.lt_s", "le": "i64.le_s",
                     "gt": "i64.gt_s", "ge": "i64.ge_s", "eq": "i64.eq", "ne": "i64.ne",
                     "bool_eq": "i32.eq", "bool_ne": "i32.ne", "same": "i32.eq", "flt": "f64.lt", "fle": "f64.le",
                     "fgt": "f64.gt", "fge": "f64.ge", "feq": "f64.eq", "fne": "f64.ne"}.items():
    RULES[_name] = _binary([_wasm])


@rule("fexp", "flog", "fsin", "fcos", "fatan2")
def _libm(em, ins):
    """The C library's exp, log, sin, cos and atan2, ported to wasm (``tauraro.wasmgen.libm``,
    enabled by ``tauraro.jit.mathlib``); first the exit where CPython raises instead."""
    name = ins.op[1:]
    x = em.local_of(ins.args[0])
    if ins.op == "flog":            # ValueError for x <= 0, -0.0 and -inf included (not NaN)
        em.e(("local.get", x), ("f64.const", 0.0), "f64.le")
        em.exit_if(ins.snap)
    elif ins.op in ("fsin", "fcos"):    # ValueError for an infinity
        em.e(("local.get", x), "f64.abs", ("f64.const", math.inf), "f64.eq")
        em.exit_if(ins.snap)
    elif ins.op == "fexp":          # OverflowError: an infinite result of a finite x
        # Tested on x before the call, like the others: a test of the result made the
        # loop keep x across the call and wait for exp's result before going on (about
        # a fifth of a loop doing s += exp(...)). exp(x) is finite exactly for
        # x <= EXP_MAX (libm.raises; tests/test_wasm_libm.py checks both sides of it).
        from ..wasmgen.libm import EXP_MAX
        em.e(("local.get", x), ("f64.const", EXP_MAX), "f64.gt",
             ("local.get", x), ("f64.const", math.inf), "f64.ne", "i32.and")
        em.exit_if(ins.snap)
    em.e(*[("local.get", em.local_of(a)) for a in ins.args], ("call", em.internal(name)))


@rule("select_int", "select_float", "select_bool")
def _select(em, ins):
    c, a, b = ins.args
    em.use(a)
    em.use(b)
    em.use(c)
    em.e("select")


@rule("store_int", "store_float", "store_addr")
def _store_elem(em, ins):
    em.use(ins.args[0])
    em.use(ins.args[1])
    if ins.op == "store_addr":
        # an object's address, the whole word: a record native code made (new_obj) has
        # whatever the heap held before in the high half (the entry's records have 0)
        em.e("i64.extend_i32_u", ("i64.store", SEQ_HEADER))
        return
    em.emit(({"store_float": "f64.store", "store_int": "i64.store"}[ins.op], SEQ_HEADER))


@rule("list_room")
def _list_room(em, ins):
    """Leave unless the length is below the capacity (the record's first word)."""
    base, n = ins.args
    em.use(n)
    em.use(base)
    em.e(("i64.load", 0), "i64.ge_s")
    em.exit_if(ins.snap)


@rule("str_eq", "str_cmp", "str_cmp_char", "str_starts", "str_ends", "str_find", "str_find_char",
      "str_starts_char", "str_ends_char")
def _str_op(em, ins):
    """A call of the module's string function (``tauraro.wasmgen.strings``): a comparison's
    -1/0/1 is an int, the others a bool."""
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e(("call", em.internal(ins.op)))
    if ins.op in ("str_cmp", "str_cmp_char"):
        em.e("i64.extend_i32_s")


@rule("dict_find", "dict_slot")
def _dict_probe(em, ins):
    """A call of the table's probe (``tauraro.wasmgen.dicts``: a wasm function of the module,
    no host call); a store of a missing key leaves if the table is full."""
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e(("i32.const", 1 if ins.op == "dict_slot" else 0), ("call", em.internal("dict_probe")))
    if ins.op == "dict_slot":
        a = em.to_local("i32")
        em.e(("local.get", a), ("i32.const", FULL), "i32.eq")
        em.exit_if(ins.snap)
        em.emit(("local.get", a))


@rule("dict_slot_at")
def _dict_slot_at(em, ins):
    """dict_slot where a dict_find of the same table and key came first (passes/cse): its
    address if it found the key, else the probe that appends."""
    table, key, found = ins.args
    em.use(found)
    a = em.to_local("i32")
    em.e(("local.get", a), "i32.eqz", ("if", None))
    em.nest += 1
    em.use(table)
    em.use(key)
    em.e(("i32.const", 1), ("call", em.internal("dict_probe")), ("local.tee", a),
         ("i32.const", FULL), "i32.eq")
    em.exit_if(ins.snap)
    em.nest -= 1
    em.e("end", ("local.get", a))


def interns(graph) -> bool:
    """Should a loop's version number strs made natively by their contents (``str_key`` of a
    slice: ``wasmgen.intern``)? Only if it both reads strs' key words and makes strs
    (``seq_slice``, ``str_concat``), or makes strs and stores records (``store_addr``:
    they are made canonical, ``_canonical``); its entries then seed an intern table
    (transfer: EntryRecords.intern).
    The controller sets ``graph.interning`` from it; a function compiled whole never
    interns (its entries have no table), so a str made there leaves at ``str_key``."""
    ops = set()
    slices_strs = False
    for ins in graph.all_instrs():
        ops.add(ins.op)
        if ins.op == "seq_slice" and ins.imm & SLICE_OF_STR:
            slices_strs = True
    makes = not ops.isdisjoint(_MAKING_STRS) or slices_strs
    if "str_key" in ops and (makes or "seq_slice" in ops):
        return True
    # (strs it makes that may be stored -- appended to a list, into an object's field --
    # are made canonical: ``wasmgen.intern``'s str_canon; an exit writes back one str a
    # record, so equal strs made over and over are made once there, not once each)
    return makes and "store_addr" in ops


# ops that make a new str record from the heap (or give one of their operands back)
_MAKING_STRS = frozenset(("str_concat", "str_strip", "str_case", "str_words"))


@rule("str_key")
def _str_key(em, ins):
    """A str's key word (jtypes.STR_KEYS): a one-character str's code point, else the word
    the entry wrote after the record's length (transfer: Transfer.str_keys); 0 there (a
    str made natively, or none numbered) asks the intern table for the number of its
    contents if the version makes strs (``interns``), else leaves, and the interpreter
    makes the lookup."""
    em.use(ins.args[0])
    rec = em.to_local("i32")
    em.e(("local.get", rec), ("i64.load", 0), ("i64.const", 1), "i64.eq",
         ("if", "i64"), ("local.get", rec), ("i64.load", SEQ_HEADER), "else",
         ("local.get", rec), ("i64.load", 8), "end")
    w = em.to_local("i64")
    if em.graph.interning:
        # (a str made natively: the number of an equal str, or a new one, by its contents;
        # 0 only when the entry's intern table has no room left)
        em.e(("local.get", w), "i64.eqz", ("if", None), ("local.get", rec), ("call", em.internal("str_intern")),
             ("local.set", w), "end")
    em.e(("local.get", w), "i64.eqz")
    em.exit_if(ins.snap)
    em.emit(("local.get", w))


for _name, _wasm in {"dict_iter_table": [("i64.load", 0), "i32.wrap_i64"], "dict_iter_pos": [("i64.load", 8)],
                     "dict_iter_end": [("i64.load", 16)],
                     "dict_iter_keys": [("i64.load", 24), "i32.wrap_i64"]}.items():
    RULES[_name] = _unary(_wasm)


@rule("dict_iter_set")
def _dict_iter_set(em, ins):
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e(("i64.store", 8))


@rule("dict_entry")
def _dict_entry(em, ins):
    """entries + 16 * position + 8 * imm - 16 (the entries' address in the table's word
    48: a grown table's are elsewhere; element loads add 16)."""
    em.use(ins.args[0])
    em.e(("i64.load", 48), "i32.wrap_i64")
    em.use(ins.args[1])
    em.e("i32.wrap_i64", ("i32.const", 4), "i32.shl", "i32.add", ("i32.const", 8 * ins.imm - 16), "i32.add")


@rule("set_has")
def _set_has(em, ins):
    """A call of the set's membership test (``tauraro.wasmgen.dicts``: the table's probe
    and the entry's in-the-set word)."""
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e(("call", em.internal("set_has")))


@rule("set_add", "set_discard")
def _set_change(em, ins):
    """A call of the set's add or discard, which changes the set and logs the change, or
    changes nothing and says NO_ROOM (its log or its table cannot grow: no memory left):
    then native code leaves, and the interpreter makes the call."""
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e(("call", em.internal(ins.op)), ("i32.const", NO_ROOM), "i32.eq")
    em.exit_if(ins.snap)


@rule("set_len")
def _set_len(em, ins):
    """The size word of the set's log (at the table's word LOG)."""
    em.use(ins.args[0])
    em.e(("i64.load", LOG), "i32.wrap_i64", ("i64.load", 0))


@rule("check_found", "check_ref", "check_true")
def _check_found(em, ins):
    em.use(ins.args[0])
    em.e("i32.eqz")
    em.exit_if(ins.snap)


@rule("check_room")
def _check_room(em, ins):
    """Leave unless the length is below the capacity of a resizable list (the word before
    its record: transfer.EntryRecords.record)."""
    base, n = ins.args
    em.use(n)
    em.use(base)
    em.e(("i32.const", 8), "i32.sub", ("i64.load", 0), "i64.ge_s")
    em.exit_if(ins.snap)


@rule("list_set_len")
def _list_set_len(em, ins):
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e(("i64.store", 0))


def _elements_at(em, base, k):
    """Push the address of element ``k`` (an i64 value) of the record ``base``."""
    em.use(base)
    em.use(k)
    em.e("i32.wrap_i64", ("i32.const", 3), "i32.shl", "i32.add", ("i32.const", SEQ_HEADER), "i32.add")


@rule("list_remove")
def _list_remove(em, ins):
    """Element c goes: elements c+1..n-1 move down one word (memory.copy handles the
    overlap), and the length is n - 1."""
    base, n, c = ins.args
    _elements_at(em, base, c)                                           # to: element c
    dst = em.to_local("i32")
    em.e(("local.get", dst), ("local.get", dst), ("i32.const", 8), "i32.add")   # from: element c + 1
    em.use(n)
    em.use(c)
    em.e("i64.sub", ("i64.const", 1), "i64.sub", "i32.wrap_i64", ("i32.const", 3), "i32.shl")   # bytes
    em.e("memory.copy")
    em.use(base)
    em.use(n)
    em.e(("i64.const", 1), "i64.sub", ("i64.store", 0))


@rule("list_open")
def _list_open(em, ins):
    """Elements c..n-1 move up one word (the caller stores element c and the length)."""
    base, n, c = ins.args
    _elements_at(em, base, c)
    src = em.to_local("i32")
    em.e(("local.get", src), ("i32.const", 8), "i32.add", ("local.get", src))
    em.use(n)
    em.use(c)
    em.e("i64.sub", "i32.wrap_i64", ("i32.const", 3), "i32.shl")
    em.e("memory.copy")


def _heap_call(em, ins, name, flags=True):
    """A call of the module's function ``name`` making a record from the heap the entry
    gave (imm: its flags, its last parameter if ``flags``); 0, no room left, leaves native
    code before the instruction."""
    for a in ins.args:
        em.use(a)
    if flags:
        em.e(("i32.const", ins.imm))
    em.e(("call", em.internal(name)))
    a = em.to_local("i32")
    em.e(("local.get", a), "i32.eqz")
    em.exit_if(ins.snap)
    em.e(("local.get", a))


@rule("str_concat")
def _str_concat(em, ins):
    """``str_concat`` (``tauraro.wasmgen.slices``): a new str record, or one operand itself
    if the other is empty; with no room, the interpreter concatenates."""
    before = _heap_before(em)
    _heap_call(em, ins, "str_concat")
    _made_str(em, ins, before)


@rule("str_strip")
def _str_strip(em, ins):
    """``str_strip`` (``tauraro.wasmgen.strmethods``): a new str record, or the str itself
    if nothing is stripped; with no room, the interpreter strips."""
    before = _heap_before(em)
    _heap_call(em, ins, "str_strip")
    _made_str(em, ins, before)


@rule("str_words")
def _str_words(em, ins):
    """``str_words`` (``tauraro.wasmgen.strmethods`` str_split_list): a new list of a str's
    words, from the heap; with no room, the interpreter splits. (Its words are not made
    canonical: a version that looks them up numbers them by contents, ``interns``.)"""
    _heap_call(em, ins, "str_words", flags=False)


@rule("str_case")
def _str_case(em, ins):
    """``str_case`` (``tauraro.wasmgen.strmethods``): a new str record, or the str itself if
    its case does not change; a code point past ASCII, or no room, and the interpreter
    calls the method."""
    before = _heap_before(em)
    _heap_call(em, ins, "str_case")
    _made_str(em, ins, before)


@rule("seq_slice")
def _seq_slice(em, ins):
    """``seq_slice`` (``tauraro.wasmgen.slices``): a new record (``new_obj``'s heap), or the
    record itself for a str or tuple sliced whole; with no room, the interpreter slices."""
    before = _heap_before(em) if ins.imm & SLICE_OF_STR else None
    _heap_call(em, ins, "seq_slice")
    if ins.imm & SLICE_OF_STR:
        _canonical(em, before)


_MAKES_STR = frozenset(("str_concat", "str_strip", "str_case"))


def _str_chains(graph) -> dict:
    """The strs made only to make another at once (``prev + " " + w``: ``prev + " "``),
    by the str made from each: Y -> X where X, made by one of _MAKES_STR, is Y's first
    operand (or a concatenation's second) and nothing else's -- but for the frame
    variables the recorder keeps it in for exits (``setvar``, and its length's), which the
    same block writes again after Y before anything reads them, with nothing between X and
    that write storing to memory (nothing allocated, nothing holding X). Such an X is not
    made canonical (``_made_str``): hashing and looking it up, in word_freq.py's
    count_pairs, was one of the three interns each word cost."""
    if not graph.interning:
        return {}
    users: dict = {}
    for ins in graph.all_instrs():
        for a in ins.args:
            users.setdefault(a, []).append(ins)
    chains = {}
    for block in graph.blocks.values():
        instrs = block.instrs
        at = {id(ins): k for k, ins in enumerate(instrs)}
        for k, x in enumerate(instrs):
            if x.op not in _MAKES_STR:
                continue
            made = [u for u in users.get(x, ()) if u.op in _MAKES_STR]
            if len(made) != 1 or id(made[0]) not in at or at[id(made[0])] < k:
                continue
            y = made[0]
            if y.args.count(x) != 1 or not (y.args[0] is x or y.op == "str_concat" and y.args[2] is x):
                continue
            held, lengths = set(), set()      # (the variables holding x, or its length)
            for u in users.get(x, ()):
                if u is y:
                    continue
                if u.op == "setvar":
                    held.add(u.imm.var)
                elif u.op == "seq_len" and all(w.op == "setvar" for w in users.get(u, ())):
                    lengths.add(u)
                    held.update(w.imm.var for w in users.get(u, ()))
                else:
                    held = None
                    break
            j = at[id(y)]
            if held is None or not all(_quiet(i, held) for i in instrs[k + 1:j]):
                continue
            for i in instrs[j + 1:]:
                if i.op == "setvar" and i.imm.var in held and i.args[0] is not x and i.args[0] not in lengths:
                    held = held - {i.imm.var}
                    if not held:
                        break
                elif not _quiet(i, held):
                    break
            if not held:
                chains[y] = x
    return chains


def _quiet(ins, held) -> bool:
    """Does ``ins`` neither read a variable of ``held`` nor store to memory (allocate, call)?"""
    if ins.op == "getvar":
        return ins.imm.var not in held
    return ins.op == "setvar" or not (STORE in ins.opdef.flags or ins.opdef.result == "call")


def _made_str(em, ins, before):
    """A str just made by ``ins`` (on the stack): made canonical (``_canonical``), unless it
    is made only to make another at once (``_str_chains``) -- then the last of the chain,
    made canonical, gives back the heap from before the first was made (all their records,
    if an equal str was there already)."""
    if em.str_chains is None:
        chains = _str_chains(em.graph)
        em.str_chains = (chains, frozenset(chains.values()))
    chains, heads = em.str_chains
    x = chains.get(ins)
    start = em.chain_heads.pop(x, None) if x is not None else None
    if ins in heads:
        em.chain_heads[ins] = start if start is not None else before
        return
    _canonical(em, before, start)


def _canonical(em, before, chain=None):
    """A str just made (on the stack) is replaced by the record of the first equal str the
    entry's intern table met, in a version that interns (``interns``): every holder of an
    equal str made natively then holds one record, written back as one str. ``before``:
    the local holding the heap pointer from before the str was made; a record the making
    allocated there, replaced by an equal one, is given back to the heap (nothing else
    holds it yet), so a loop making the same strs over and over -- ``w.lower()``, ``prev +
    " " + w`` -- does not fill the heap with copies."""
    if not em.graph.interning:
        return
    if chain is not None:
        # (the str a chain ends with: ``chain`` the heap pointer from before its first str
        # was made, which nothing else holds. Made here, or the first itself given back as it
        # was: made canonical, and both records given back if an equal str was there. Else
        # the other operand itself: the first str given back.)
        made, kept = em.to_local("i32"), em.scratch("i32")
        em.e(("local.get", made), ("local.get", before), "i32.eq", ("local.get", made), ("local.get", chain), "i32.eq",
             "i32.or",
             ("if", "i32"),
             ("local.get", made), ("call", em.internal("str_canon")), ("local.tee", kept),
             ("local.get", made), "i32.ne",
             ("if", None), ("i32.const", 0), ("local.get", chain), ("i32.store", em.layout.HEAP), "end",
             ("local.get", kept),
             "else",
             ("i32.const", 0), ("local.get", chain), ("i32.store", em.layout.HEAP),
             ("local.get", made), "end")
        return
    # (only a record the making allocated: one it gave back as it was -- s.strip() of a str
    # with nothing to strip, a + "" -- is the very str, as CPython's, ``w.strip() is w``)
    made = em.to_local("i32")
    em.e(("local.get", made), ("local.get", before), "i32.eq",
         ("if", "i32"),
         ("local.get", made), ("call", em.internal("str_canon")), ("local.tee", made),
         ("local.get", before), "i32.ne",
         ("if", None), ("i32.const", 0), ("local.get", before), ("i32.store", em.layout.HEAP), "end",
         ("local.get", made),
         "else", ("local.get", made), "end")


def _heap_before(em):
    """The heap pointer now, in a local (for ``_canonical``), in a version that interns."""
    if not em.graph.interning:
        return None
    em.e(("i32.const", 0), ("i32.load", em.layout.HEAP))
    return em.to_local("i32")


@rule("decided")
def _decided(em, ins):
    em.use(ins.args[0])
    em.exit_if(ins.snap)


@rule("new_obj")
def _new_obj(em, ins):
    """Bump allocation: the record at the heap pointer, if ``imm`` bytes fit below the
    limit the entry set (else leave: the interpreter makes the object); the pointer moves
    past it (16-byte aligned, as the entry's records are). Its fields are written by the
    inlined ``__init__`` before anything reads them (an object being made shows only the
    fields assigned so far), and the header words are never read."""
    layout = em.layout
    size = (ins.imm + 15) // 16 * 16
    at = em.scratch("i32")
    em.e(("i32.const", 0), ("i32.load", layout.HEAP), ("local.tee", at), ("i32.const", size), "i32.add",
         ("i32.const", 0), ("i32.load", layout.HEAP_END), "i32.gt_u")
    em.exit_if(ins.snap)
    em.e(("i32.const", 0), ("local.get", at), ("i32.const", size), "i32.add", ("i32.store", layout.HEAP),
         ("local.get", at))


@rule("new_list")
def _new_list(em, ins):
    """An empty resizable list's record, bump-allocated as ``new_obj``'s are: [padding]
    [capacity] then the record [length 0][dirty 0][room for the capacity's elements], the
    capacity the layout's MADE_ROOM word (an even number, which the entry sets: the heap's
    memory holds an earlier entry's words, so the three words are written here)."""
    layout = em.layout
    at = em.scratch("i32")
    size = em.scratch("i32")
    em.e(("i32.const", 0), ("i32.load", layout.MADE_ROOM), ("i32.const", 3), "i32.shl", ("i32.const", 32), "i32.add",
         ("local.set", size),
         ("i32.const", 0), ("i32.load", layout.HEAP), ("local.tee", at), ("local.get", size), "i32.add",
         ("i32.const", 0), ("i32.load", layout.HEAP_END), "i32.gt_u")
    em.exit_if(ins.snap)
    em.e(("i32.const", 0), ("local.get", at), ("local.get", size), "i32.add", ("i32.store", layout.HEAP),
         ("local.get", at), ("i32.const", 0), ("i32.load", layout.MADE_ROOM), "i64.extend_i32_u", ("i64.store", 8),
         ("local.get", at), ("i64.const", 0), ("i64.store", 16),
         ("local.get", at), ("i64.const", 0), ("i64.store", 24),
         ("local.get", at), ("i32.const", 16), "i32.add")


@rule("mark_dirty")
def _mark_dirty(em, ins):
    em.use(ins.args[0])
    em.e(("i64.const", 1), ("i64.store", 8))


def _check(wasm):
    """A guard: the wasm computes "it fails" from the operand; then leave."""
    def fn(em, ins):
        em.use(ins.args[0])
        em.e(*wasm)
        em.exit_if(ins.snap)
    return fn


for _name, _wasm in {"check_int53": [("i64.const", 1 << 53), "i64.add", ("i64.const", 1 << 54), "i64.gt_u"],
                     "check_nonzero": ["i64.eqz"], "check_nonneg": [("i64.const", 0), "i64.lt_s"],
                     "check_fnonzero": [("f64.const", 0.0), "f64.eq"],
                     "check_fnonneg": [("f64.const", 0.0), "f64.lt"]}.items():
    RULES[_name] = _check(_wasm)


@rule("check_len")
def _check_len(em, ins):
    em.use(ins.args[0])
    em.e(("i64.const", ins.imm), "i64.ne")
    em.exit_if(ins.snap)


@rule("check_abs")
def _check_abs(em, ins):
    """|a| <= k: a + k, unsigned, is at most 2k (a wrapped sum is larger)."""
    k = ins.imm
    twice = 2 * k if 2 * k < 1 << 63 else 2 * k - (1 << 64)
    em.use(ins.args[0])
    em.e(("i64.const", k), "i64.add", ("i64.const", twice), "i64.gt_u")
    em.exit_if(ins.snap)


@rule("check_le")
def _check_le(em, ins):
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e("i64.gt_s")
    em.exit_if(ins.snap)


@rule("float_to_int")
def _float_to_int(em, ins):
    """NaN, infinities and values beyond 64 bits exit (CPython's error, or a big int,
    comes from the resume)."""
    x = em.local_of(ins.args[0])
    em.e(("local.get", x), ("f64.const", -9223372036854775808.0), "f64.ge",
         ("local.get", x), ("f64.const", 9223372036854775808.0), "f64.lt", "i32.and", "i32.eqz")
    em.exit_if(ins.snap)
    em.e(("local.get", x), "i64.trunc_f64_s")


def _const_of(v: Ins):
    return v.imm if v.op == "int" else None


@rule("add_ov", "sub_ov")
def _add_ov(em, ins):
    sub = ins.op == "sub_ov"
    a, b = ins.args
    la, lb = em.local_of(a), em.local_of(b)
    em.e(("local.get", la), ("local.get", lb), "i64.sub" if sub else "i64.add")
    r = em.to_local("i64")
    c = _const_of(b)
    if c is not None and c != I64_MIN:
        # x + c overflows iff the result moved the wrong way
        if c != 0:
            up = (c > 0) != sub
            em.e(("local.get", r), ("local.get", la), "i64.lt_s" if up else "i64.gt_s")
            em.exit_if(ins.snap)
    else:
        if sub:   # ((a ^ b) & (a ^ r)) < 0
            em.e(("local.get", la), ("local.get", lb), "i64.xor", ("local.get", la), ("local.get", r), "i64.xor")
        else:     # ((a ^ r) & (b ^ r)) < 0
            em.e(("local.get", la), ("local.get", r), "i64.xor", ("local.get", lb), ("local.get", r), "i64.xor")
        em.e("i64.and", ("i64.const", 0), "i64.lt_s")
        em.exit_if(ins.snap)
    em.emit(("local.get", r))


@rule("add_ov_nn", "sub_ov_nn")
def _add_ov_nn(em, ins):
    """a + b (a - b) for b >= 0: it overflowed iff the result is below (above) a."""
    sub = ins.op == "sub_ov_nn"
    la, lb = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    em.e(("local.get", la), ("local.get", lb), "i64.sub" if sub else "i64.add")
    r = em.to_local("i64")
    em.e(("local.get", r), ("local.get", la), "i64.gt_s" if sub else "i64.lt_s")
    em.exit_if(ins.snap)
    em.emit(("local.get", r))


def _mul_checked(em, la, lb, snap, const_b=None) -> int:
    """r = a * b with an overflow guard; returns the local holding r."""
    if const_b is None or const_b in (-1, I64_MIN):
        # the 128-bit product fits in 64 bits iff its high half is the low half's sign
        # (one imul on x86; a check by division took three nested blocks, and Cranelift
        # a tenth of a millisecond more per multiply)
        r, hi = em.scratch("i64"), em.scratch("i64")
        em.e(("local.get", la), ("local.get", lb), "i64.mul_wide_s", ("local.set", hi), ("local.set", r),
             ("local.get", hi), ("local.get", r), ("i64.const", 63), "i64.shr_s", "i64.ne")
        em.exit_if(snap)
        return r
    em.e(("local.get", la), ("local.get", lb), "i64.mul")
    r = em.to_local("i64")
    if const_b not in (0, 1):
        # |a| <= MAX // |c|  <=>  a * c fits
        hi = ((1 << 63) - 1) // abs(const_b)
        em.e(("local.get", la), ("i64.const", hi), "i64.gt_s", ("local.get", la), ("i64.const", -hi),
             "i64.lt_s", "i32.or")
        em.exit_if(snap)
    return r


@rule("mul_ov")
def _mul_ov(em, ins):
    a, b = ins.args
    r = _mul_checked(em, em.local_of(a), em.local_of(b), ins.snap, _const_of(b))
    em.emit(("local.get", r))


@rule("neg_ov")
def _neg_ov(em, ins):
    a = em.local_of(ins.args[0])
    em.e(("local.get", a), ("i64.const", I64_MIN), "i64.eq")
    em.exit_if(ins.snap)
    em.e(("i64.const", 0), ("local.get", a), "i64.sub")


@rule("abs_ov", "abs")
def _abs(em, ins):
    a = em.local_of(ins.args[0])
    if ins.op == "abs_ov":
        em.e(("local.get", a), ("i64.const", I64_MIN), "i64.eq")
        em.exit_if(ins.snap)
    em.e(("i64.const", 0), ("local.get", a), "i64.sub", ("local.get", a),
         ("local.get", a), ("i64.const", 0), "i64.lt_s", "select")


@rule("floordiv_ov", "floordiv", "mod")
def _floordiv(em, ins):
    """a // b and a % b for an int b != 0 (checked before): where both are >= 0 at run time
    (Euclid's ``x % y``, digit loops), an unsigned division, which needs no correction;
    else the signed one, corrected to Python's floor. The test is a branch, not a select:
    the sign fix-up would sit on the critical path of a loop-carried remainder (~4 cycles
    of ~13 on gcd's ``x, y = y, x % y``), while a branch on signs that rarely change
    costs nothing once predicted. Where range analysis proves the signs, ``floordiv_nnv``
    and ``mod_nnv`` (or ``mod_posv``) need no test at all."""
    la, lb = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    if ins.op == "floordiv_ov":
        em.e(("local.get", la), ("i64.const", I64_MIN), "i64.eq",
             ("local.get", lb), ("i64.const", -1), "i64.eq", "i32.and")
        em.exit_if(ins.snap)
    mod = ins.op == "mod"
    em.e(("local.get", la), ("local.get", lb), "i64.or", ("i64.const", 0), "i64.ge_s", ("if", "i64"),
         ("local.get", la), ("local.get", lb), "i64.rem_u" if mod else "i64.div_u", ("else",))
    _signed_floor(em, la, lb, mod)
    em.emit(("end",))


def _signed_floor(em, la, lb, mod):
    """Push a % b (mod) or a // b, b != 0, with Python's floor: wasm's remainder has a's
    sign, Python's b's; a nonzero one of the other sign is off by b, and the quotient by one."""
    em.e(("local.get", la), ("local.get", lb), "i64.rem_s")
    rem = em.to_local("i64")
    em.e(("local.get", rem), "i64.eqz", "i32.eqz",
         ("local.get", rem), ("local.get", lb), "i64.xor", ("i64.const", 0), "i64.lt_s", "i32.and")
    adjust = em.to_local("i32")
    if mod:
        em.e(("local.get", rem), ("local.get", lb), ("i64.const", 0), ("local.get", adjust), "select", "i64.add")
    else:
        em.e(("local.get", la), ("local.get", lb), "i64.div_s", ("local.get", adjust), "i64.extend_i32_u",
             "i64.sub")


@rule("floordiv_nnv", "mod_nnv")
def _divmod_nonneg_var(em, ins):
    """a // b and a % b for a >= 0 and b > 0 (range analysis proved both): C's and
    Python's agree, so the unsigned division alone."""
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e("i64.rem_u" if ins.op == "mod_nnv" else "i64.div_u")


def _udiv_const(em, d: int):
    """Replace the value on the stack, 0 <= x <= 2**63 (unsigned), by x // d for d >= 2: a
    shift for a power of two, else the high half of a 128-bit product, shifted
    (``ranges.wide_reciprocal``). Cranelift divides by a constant with a ``div``
    instruction: ``i // 7`` over a range, 0.90 ns an iteration, is 0.61 with one ``mul``
    and a shift."""
    if d & (d - 1) == 0:
        em.e(("i64.const", d.bit_length() - 1), "i64.shr_u")
        return
    m, k = wide_reciprocal(d)
    hi = em.scratch("i64")
    em.e(("i64.const", m - (1 << 64) if m >= 1 << 63 else m), "i64.mul_wide_u", ("local.set", hi), "drop",
         ("local.get", hi))
    if k:
        em.e(("i64.const", k), "i64.shr_u")


@rule("floordiv_const", "mod_const")
def _divmod_const(em, ins):
    """a // c and a % c for a constant c: for a power of two exactly a >> k and a & (c - 1),
    as Python floors; else one unsigned division of a value made >= 0 (a multiply by the
    reciprocal: ``_udiv_const``), whose result needs no correction for Python's floor (the
    signed division's needs three or four instructions more):

    - c > 0: floor(a / c) = ~(~a // c) for a < 0, where ~a = -a - 1 >= 0; with the sign mask
      s = a >> 63 (0 or -1), that is ((a ^ s) // c) ^ s.
    - c = -d < -1: floor(a / -d) = -ceil(a / d) = ~floor((a - 1) / d), and floor((a - 1) / d)
      is ((b ^ s) // d) ^ s for b = a - 1 with s its sign mask -- taken as ((a - 1) | a) >> 63,
      which is right for a = MIN too, where a - 1 wraps: b ^ s is then ~MAX = 2**63, -b - 1.

    a % c is then a - c * (a // c)."""
    c = ins.imm
    want_mod = ins.op == "mod_const"
    em.use(ins.args[0])
    if c > 0 and c & (c - 1) == 0:
        k = c.bit_length() - 1
        em.e(("i64.const", c - 1), "i64.and") if want_mod else em.e(("i64.const", k), "i64.shr_s")
        return
    la = em.to_local("i64")
    if c == -1:                     # (only a % -1: always 0)
        em.e(("i64.const", 0))
        return
    s = em.scratch("i64")
    if want_mod:
        em.emit(("local.get", la))
    if c > 0:
        em.e(("local.get", la), ("i64.const", 63), "i64.shr_s", ("local.tee", s), ("local.get", la), "i64.xor")
        _udiv_const(em, c)
        em.e(("local.get", s), "i64.xor")
    else:
        d = -c
        em.e(("local.get", la), ("i64.const", 1), "i64.sub", ("local.get", la), "i64.or", ("i64.const", 63),
             "i64.shr_s", ("local.tee", s), ("local.get", la), ("i64.const", 1), "i64.sub", "i64.xor")
        _udiv_const(em, d)
        em.e(("local.get", s), "i64.xor", ("i64.const", -1), "i64.xor")
    if want_mod:
        em.e(("i64.const", c), "i64.mul", "i64.sub")


@rule("floordiv_mul", "mod_mul")
def _divmod_multiply(em, ins):
    """a // c as (a * m) >> s, a % c as a - c * that: ranges.reciprocal chose m and s."""
    c, m, s = ins.imm
    em.use(ins.args[0])
    if ins.op == "mod_mul":
        la = em.to_local("i64")
        em.e(("local.get", la), ("local.get", la))
    em.e(("i64.const", m - (1 << 64) if m >= 1 << 63 else m), "i64.mul", ("i64.const", s), "i64.shr_u")
    if ins.op == "mod_mul":
        em.e(("i64.const", c), "i64.mul", "i64.sub")


@rule("floordiv_nn", "mod_nn")
def _divmod_nonneg(em, ins):
    """a // c and a % c for a >= 0 and a constant c > 0: C's and Python's agree, and an
    unsigned division by a constant is the cheapest (a multiply and a shift: ``_udiv_const``)."""
    c = ins.imm
    em.use(ins.args[0])
    if c & (c - 1) == 0:
        em.e(("i64.const", c - 1), "i64.and") if ins.op == "mod_nn" else \
            em.e(("i64.const", c.bit_length() - 1), "i64.shr_u")
        return
    if ins.op == "mod_nn":
        la = em.to_local("i64")
        em.e(("local.get", la), ("local.get", la))
        _udiv_const(em, c)
        em.e(("i64.const", c), "i64.mul", "i64.sub")
    else:
        _udiv_const(em, c)


@rule("pow_ov")
def _pow(em, ins):
    la, lb = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    em.e(("local.get", lb), ("i64.const", 64), "i64.gt_s",
         ("local.get", la), ("i64.const", 1), "i64.gt_s", ("local.get", la), ("i64.const", -1),
         "i64.lt_s", "i32.or", "i32.and")
    em.exit_if(ins.snap)
    # exponentiation by squaring, every multiply guarded
    result, base, e = em.scratch("i64"), em.scratch("i64"), em.scratch("i64")
    em.e(("i64.const", 1), ("local.set", result), ("local.get", la), ("local.set", base),
         ("local.get", lb), ("local.set", e), ("block", None), ("loop", None))
    em.nest += 2
    em.e(("local.get", e), "i64.eqz", ("br_if", 1),
         ("local.get", e), ("i64.const", 1), "i64.and", "i32.wrap_i64", ("if", None))
    em.nest += 1
    r = _mul_checked(em, result, base, ins.snap)
    em.e(("local.get", r), ("local.set", result))
    em.nest -= 1
    em.e(("end",), ("local.get", e), ("i64.const", 1), "i64.shr_s", ("local.tee", e), "i64.eqz", ("br_if", 1))
    r = _mul_checked(em, base, base, ins.snap)
    em.e(("local.get", r), ("local.set", base), ("br", 0))
    em.nest -= 2
    em.e(("end",), ("end",), ("local.get", result))


@rule("lshift_ov")
def _lshift(em, ins):
    la, lb = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    # a << b fits iff shifting back gives a (and b < 64, unless a == 0)
    em.e(("local.get", la), ("local.get", lb), "i64.shl")
    r = em.to_local("i64")
    em.e(("local.get", la), "i64.eqz", "i32.eqz",
         ("local.get", lb), ("i64.const", 63), "i64.gt_s",
         ("local.get", r), ("local.get", lb), "i64.shr_s", ("local.get", la), "i64.ne", "i32.or",
         "i32.and")
    em.exit_if(ins.snap)
    em.emit(("local.get", r))     # 0 << b is 0 for any b (wasm shifts by b mod 64)


@rule("rshift")
def _rshift(em, ins):
    la, lb = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    em.e(("local.get", la), ("local.get", lb), ("i64.const", 63), ("local.get", lb), ("i64.const", 63),
         "i64.lt_s", "select", "i64.shr_s")


@rule("min", "max", "fmin", "fmax")
def _minmax(em, ins):
    w = "f64" if ins.op[0] == "f" else "i64"
    a, b = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    # min(a, b) is b only if b < a; max(a, b) is b only if b > a (NaN keeps a)
    cmp = ("%s.lt" if ins.op.endswith("min") else "%s.gt") % w
    if w == "i64":
        cmp += "_s"
    em.e(("local.get", b), ("local.get", a), ("local.get", b), ("local.get", a), cmp, "select")


@rule("isqrt")
def _isqrt(em, ins):
    """math.isqrt of an int below 2**63: the float square root, truncated, is within
    one of the answer; two steps each way settle it (in unsigned arithmetic: the
    square of the answer plus one can pass 2**63)."""
    n = em.local_of(ins.args[0])
    em.e(("local.get", n), "f64.convert_i64_u", "f64.sqrt", "i64.trunc_f64_u")
    s = em.to_local("i64")
    for _ in range(2):      # s -= s * s > n
        em.e(("local.get", s), ("local.get", s), ("local.get", s), "i64.mul",
             ("local.get", n), "i64.gt_u", "i64.extend_i32_u", "i64.sub", ("local.set", s))
    for _ in range(2):      # s += (s + 1) * (s + 1) <= n
        em.e(("local.get", s), ("local.get", s), ("i64.const", 1), "i64.add",
             ("local.get", s), ("i64.const", 1), "i64.add", "i64.mul",
             ("local.get", n), "i64.le_u", "i64.extend_i32_u", "i64.add", ("local.set", s))
    em.emit(("local.get", s))


@rule("truediv_int")
def _truediv_int(em, ins):
    em.use(ins.args[0])
    em.emit(("f64.convert_i64_s",))
    em.use(ins.args[1])
    em.e("f64.convert_i64_s", "f64.div")


@rule("fmod", "ffloordiv")
def _float_divmod(em, ins):
    """Python's float % and // exactly as CPython computes them (float_rem,
    _float_div_mod), on an exact fmod; the divisor is already checked non-zero."""
    fa, fb = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    floordiv = ins.op == "ffloordiv"
    em.e(("local.get", fa), ("local.get", fb), ("call", em.internal("fmod")))
    mod = em.to_local("f64")
    if floordiv:
        em.e(("local.get", fa), ("local.get", mod), "f64.sub", ("local.get", fb), "f64.div")
        div = em.to_local("f64")
    # the remainder takes the divisor's sign (a zero one too)
    em.e(("local.get", mod), ("f64.const", 0.0), "f64.ne", ("if", None),
         ("local.get", fb), ("f64.const", 0.0), "f64.lt", ("local.get", mod), ("f64.const", 0.0),
         "f64.lt", "i32.ne", ("if", None),
         ("local.get", mod), ("local.get", fb), "f64.add", ("local.set", mod))
    if floordiv:
        em.e(("local.get", div), ("f64.const", 1.0), "f64.sub", ("local.set", div))
    em.e(("end",), ("else",),
         ("f64.const", 0.0), ("local.get", fb), "f64.copysign", ("local.set", mod), ("end",))
    if not floordiv:
        em.emit(("local.get", mod))
        return
    # floor, rounding a quotient that is just below an integer up
    em.e(("local.get", div), ("f64.const", 0.0), "f64.ne", ("if", "f64"), ("local.get", div), "f64.floor")
    floor = em.to_local("f64")
    # select(a, b, c) is c ? a : b
    em.e(("local.get", floor), ("f64.const", 1.0), "f64.add", ("local.get", floor),
         ("local.get", div), ("local.get", floor), "f64.sub", ("f64.const", 0.5), "f64.gt", "select",
         ("else",),
         ("f64.const", 0.0), ("local.get", fa), ("local.get", fb), "f64.div", "f64.copysign",
         ("end",))


@rule("fpow")
def _fpow(em, ins):
    em.use(ins.args[0])
    em.use(ins.args[1])
    from ..helpers.floats import ERROR_BITS
    em.emit(("call", em.helper("float_pow")))
    r = em.to_local("f64")
    em.e(("local.get", r), "i64.reinterpret_f64", ("i64.const", ERROR_BITS), "i64.eq")
    em.exit_if(ins.snap)
    em.emit(("local.get", r))


@rule("range_check")
def _range_check(em, ins):
    stop, step = em.local_of(ins.args[0]), em.local_of(ins.args[1])
    # the iterator steps past stop once: stop + step must not overflow
    em.e(("local.get", stop), ("local.get", step), "i64.add")
    past = em.to_local("i64")
    em.e(("local.get", past), ("local.get", stop), "i64.lt_s",
         ("local.get", past), ("local.get", stop), "i64.gt_s",
         ("local.get", step), ("i64.const", 0), "i64.gt_s", "select")
    em.exit_if(ins.snap)


@rule("range_done")
def _range_done(em, ins):
    cur, stop, step = ins.args
    budget = em.graph.budget
    if budget is not None and budget[0] is ins:
        # done at the run's limit (see budget_limit); the exit tells the stop from the budget
        em.use(cur), em.emit(("local.get", em.limit)), em.emit(("i64.ge_s" if ins.imm > 0 else "i64.le_s",))
        return
    if ins.imm > 0:
        em.use(cur), em.use(stop), em.emit(("i64.ge_s",))
    elif ins.imm < 0:
        em.use(cur), em.use(stop), em.emit(("i64.le_s",))
    else:   # step > 0 ? cur >= stop : cur <= stop
        em.use(cur), em.use(stop), em.emit(("i64.ge_s",))
        em.use(cur), em.use(stop), em.emit(("i64.le_s",))
        em.use(step)
        em.e(("i64.const", 0), "i64.gt_s", "select")


@rule("index", "index_nonneg")
def _index(em, ins):
    """Check bounds (Python's negative indices included); push the element's address
    (relative to the record's elements)."""
    base, n, i = ins.args
    li = em.local_of(i)
    if ins.op == "index":
        # negative indices count from the end
        em.e(("local.get", li), ("local.get", li))
        em.use(n)
        em.e("i64.add", ("local.get", li), ("i64.const", 0), "i64.ge_s", "select")
        li = em.to_local("i64")
    em.emit(("local.get", li))
    em.use(n)
    em.emit(("i64.ge_u",))
    em.exit_if(ins.snap)
    em.use(base)
    em.e(("local.get", li), "i32.wrap_i64", ("i32.const", 3), "i32.shl", "i32.add")


def _call_native(em, ins, target, depth):
    """Push the arguments and the callee's budget, call ``target``, and keep the status and
    the result (if any) in locals. The new frame is ``depth`` inlined calls and one call
    below this native frame (from a loop: below the loop's frame)."""
    for a in ins.args:
        em.use(a)
    if em.whole:                     # from a function compiled whole: its own budget, less the frames
        em.e(("local.get", em.budget), ("i32.const", depth + 1), "i32.sub")
    else:                            # from a loop: what the host allowed this entry, less the frames
        em.e(("i32.const", 0), ("i32.load", em.layout.BUDGET), ("i32.const", depth), "i32.sub")
    em.emit(("call", target))
    status = em.to_local("i32")
    result = em.to_local(VALUE_TYPES[ins.type]) if ins.type is not None else None
    return status, result


@rule("undo_log")
def _undo_log(em, ins):
    """Before a store into a list a loop passed (see call_fn): the element's address (an
    ``index``: the word is SEQ_HEADER bytes on) and its word go to the undo log; a full log
    leaves (fails the call)."""
    lay = em.layout
    if lay.undo_base is None:
        raise Unsupported("a logged store, and no undo log in the layout")
    p = em.new_local("undo", "i32")
    em.e(("i32.const", 0), ("i32.load", lay.UNDO), ("local.tee", p), ("i32.const", lay.undo_end), "i32.ge_u")
    em.exit_if(ins.snap)
    em.e(("local.get", p))
    em.use(ins.args[0])
    em.e(("i32.store", 0), ("local.get", p))
    em.use(ins.args[0])
    # (an element's address: its word is SEQ_HEADER bytes on, as store_int and the others write it)
    em.e(("i64.load", SEQ_HEADER), ("i64.store", 8),
         ("i32.const", 0), ("local.get", p), ("i32.const", 16), "i32.add", ("i32.store", lay.UNDO))


@rule("call_self")
def _call_self(em, ins):
    """The compiled function calling itself; if the callee failed, so does this call."""
    status, result = _call_native(em, ins, ("fn", id(em.graph)), ins.imm)
    # a failure inside: this frame fails with the same status
    em.e(("local.get", status), ("local.tee", em.status), ("br_if", em.exit_depth + em.nest))
    if result is not None:
        em.emit(("local.get", result))


@rule("call_fn")
def _call_fn(em, ins):
    """A native call of a function compiled whole; if it fails, leave before the call. From
    a loop, with lists for arguments (the loop's own records): the call starts the undo log
    empty, and a failure replays it backwards (each logged word stored back at its address,
    the last first) before leaving, so the records are as they were at the call and the
    interpreter makes it from there. (From a function compiled whole, a failure fails the
    whole call: the outermost call from a loop undoes everything.)"""
    fn, depth = ins.imm
    lay = em.layout
    undo = not em.whole and any(isinstance(t, SeqType) and t.kind == "list" for _, t in fn.params)
    if undo and lay.undo_base is None:
        raise Unsupported("a native call passing lists, and no undo log in the layout")
    if undo:
        em.e(("i32.const", 0), ("i32.const", lay.undo_base), ("i32.store", lay.UNDO))
    status, result = _call_native(em, ins, em.native_function(fn), depth)
    if undo:
        p = em.new_local("undo", "i32")
        em.e(("local.get", status), ("if", None),
             ("i32.const", 0), ("i32.load", lay.UNDO), ("local.set", p),
             ("block", None), ("loop", None),
             ("local.get", p), ("i32.const", lay.undo_base), "i32.le_u", ("br_if", 1),
             ("local.get", p), ("i32.const", 16), "i32.sub", ("local.tee", p),
             ("i32.load", 0), ("local.get", p), ("i64.load", 8), ("i64.store", SEQ_HEADER),
             ("br", 0), ("end",), ("end",), ("end",))
    em.emit(("local.get", status))
    em.exit_if(ins.snap)
    if result is not None:
        em.emit(("local.get", result))


@rule("elem")
def _elem(em, ins):
    em.use(ins.args[0])
    em.use(ins.args[1])
    em.e("i32.wrap_i64", ("i32.const", 3), "i32.shl", "i32.add")
