"""JitController: when loops get compiled, how native code is entered and left.

The interpreter counts back edges per loop (``C[loop]`` in the generated blocks)
and calls ``backedge`` when a count reaches the threshold. Then:

1. *Which region.* If the loop is nested, the outermost enclosing loop of the
   same function that can be compiled is preferred: its counter is set to trip
   at its next back edge, so all its remaining iterations -- inner loops
   included -- run natively instead of paying an entry per inner loop run. The
   loop that tripped is also entered now, on its own.
2. *Which version.* Compiled code is specialised to the types of the loop's
   live values at entry; versions are cached per loop and type signature
   (at most ``MAX_VERSIONS``; wasmtime's on-disk cache lets a second run of the
   program skip Cranelift).
3. *Run.* Pack values into memory, call the native ``run``, unpack, and resume
   the interpreter at the exit record's pc.
4. *Failures are counted.* An exit where a speculation failed backs the loop
   off (exponentially more interpreted iterations before the next entry); a
   loop whose native runs keep failing almost at once is blacklisted, with the
   reason reported by ``--jit-stats``. Nothing thrashes.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

from ..compiler.code import CodeObject, UNBOUND
from .exits import TYPE_CHANGE
from .infer import Inference, NotCompilable, is_global
from .jtypes import classify
from .region import Liveness, LoopRegion

DEFAULT_THRESHOLD = 1000
MAX_VERSIONS = 4
QUICK_FAILURE_LIMIT = 6       # native runs in a row that fail within a couple of iterations
NEVER = -(1 << 62)            # a counter value that never trips again
# the smallest valid module: (module (func)), compiled once when the engine starts
_WARMUP_WASM = bytes.fromhex("0061736d0100000001040160000003020100" "0a040102000b")


class CompiledLoop:
    """One version of a region: wasm, native instance, exits, and the generated
    code moving values in and out (see tauraro.jit.transfer)."""

    def __init__(self, region, inference, layout, exits, wasm, text_fn, instance, entry, transfer,
                 counter_states, codegen_seconds, native_seconds):
        self.region = region
        self.inference = inference
        self.layout = layout
        self.exits = exits
        self.wasm = wasm
        self.text = text_fn
        self.instance = instance
        self.entry = entry
        self.transfer = transfer
        self.memory_address = instance.memory_address     # fixed: memories never move
        self.counter_states = counter_states                # LoopState per counter, in order
        self.header_counter = sorted(region.loop_headers).index(region.header)
        self.codegen_seconds = codegen_seconds
        self.native_seconds = native_seconds


class LoopState:
    """What the JIT knows about one source loop (also its --jit-stats row)."""

    def __init__(self, rt, loop):
        self.rt = rt
        self.code: CodeObject = rt.code
        self.loop = loop
        self.status = "interpreted"      # compiled | not compiled | blacklisted
        self.reason = ""
        self.versions: dict = {}
        self.last = None                 # the version entered last (checked first)
        self.builtins = None
        self.region = None
        self.entry_vars = None
        self.entries = 0
        self.native_iterations = 0
        self.interpreted_iterations = 0
        self.counter_set = 0
        self.compile_seconds = 0.0
        self.codegen_seconds = 0.0
        self.native_compile_seconds = 0.0
        self.exits = Counter()
        self.cache_hits = 0              # versions whose native code came from the on-disk cache
        self.quick_failures = 0
        self.backoff = 16

    @property
    def line(self):
        return self.loop.line

    def row(self) -> dict:
        return {
            "file": self.code.filename, "line": self.loop.line, "kind": self.loop.kind,
            "function": self.code.qualname, "status": self.status, "reason": self.reason,
            "versions": len(self.versions), "entries": self.entries,
            "native_iterations": self.native_iterations,
            "interpreted_iterations": self.interpreted_iterations,
            "compile_ms": round(self.compile_seconds * 1000, 3),
            "codegen_ms": round(self.codegen_seconds * 1000, 3),
            "cranelift_ms": round(self.native_compile_seconds * 1000, 3),
            "native_cache_hits": self.cache_hits,
            "exits": [{"reason": r, "line": l, "count": n} for (r, l), n in sorted(self.exits.items(),
                                                                                 key=lambda x: -x[1])],
        }


class JitController:
    def __init__(self, threshold: int = DEFAULT_THRESHOLD, emit_dir: str | None = None,
                 cache: bool = True):
        self.threshold = threshold
        self.emit_dir = Path(emit_dir) if emit_dir else None
        self.cache = cache
        self.engine = None
        self.engine_seconds = 0.0         # import wasmtime + Engine (once, on the first hot loop)
        self.loops: dict = {}             # (code, loop id) -> LoopState
        self._liveness: dict = {}
        self._emitted = Counter()
        self.interrupts = None

    # --- the hook in generated blocks ---------------------------------------------------------
    def backedge_hook(self, rt):
        counters = rt.counters
        self.register(rt)
        states = [self.state(rt, loop.id) for loop in rt.code.loops]
        on_hot = self.on_hot

        def backedge(r, loop_id, target):
            return on_hot(states[loop_id], rt, r, loop_id, target, counters)
        return backedge

    def state(self, rt, loop_id) -> LoopState:
        key = (rt.code, loop_id)
        st = self.loops.get(key)
        if st is None:
            st = self.loops[key] = LoopState(rt, rt.code.loops[loop_id])
        return st

    def _count(self, st, counters, loop_id):
        st.interpreted_iterations += counters[loop_id] - st.counter_set

    def _set_counter(self, st, counters, loop_id, value):
        counters[loop_id] = value
        st.counter_set = value

    def on_hot(self, st, rt, r, loop_id, target, counters):
        self._count(st, counters, loop_id)
        if st.status in ("not compiled", "blacklisted"):
            self._set_counter(st, counters, loop_id, NEVER)
            return target
        # prefer the outermost enclosing loop that may compile: it is entered at its next back edge
        code = rt.code
        parent = st.loop.parent
        while parent >= 0 and st.last is None:
            pst = self.state(rt, parent)
            if pst.status not in ("not compiled", "blacklisted"):
                if counters[parent] < self.threshold - 1:
                    self._count(pst, counters, parent)
                    self._set_counter(pst, counters, parent, self.threshold - 1)
                break
            parent = code.loops[parent].parent
        return self.enter(st, rt, r, loop_id, target, counters)

    # --- entering native code ----------------------------------------------------------------------
    def _region(self, st):
        if st.region is None:
            code = st.code
            live = self._liveness.get(code)
            if live is None:
                live = self._liveness[code] = Liveness(code)
            region = LoopRegion(code, st.loop, live)
            used = region.registers()
            live_in = region.liveness.live_at(region.header)
            regs = sorted(used & live_in)
            reads, writes = region.global_names()
            st.region = region
            st.entry_vars = [v for v in regs] + [("g", n) for n in sorted(reads | writes)]
            st.carried = (region.defined_registers() & set(regs)) | {("g", n) for n in writes}
        return st.region

    def _read(self, var, r, G, builtins):
        if is_global(var):
            name = var[1]
            v = G.get(name, UNBOUND)
            if v is UNBOUND:
                v = builtins.get(name, UNBOUND)
            return v
        return r[var]

    def enter(self, st, rt, r, loop_id, target, counters):
        G = rt.G
        builtins = st.builtins
        if builtins is None:
            builtins = G.get("__builtins__")
            if not isinstance(builtins, dict):
                builtins = builtins.__dict__
            st.builtins = builtins
        version = st.last
        recs = version.transfer.enter(r, G, builtins) if version is not None else None
        if recs is None:
            # the values' types differ from the last version's: find or compile another
            try:
                region = self._region(st)
            except NotCompilable as e:
                return self._give_up(st, counters, loop_id, "not compiled", str(e), target)
            values = [self._read(v, r, G, builtins) for v in st.entry_vars]
            types = tuple(classify(v) for v in values)
            version = st.versions.get(types)
            if version is None:
                if len(st.versions) >= MAX_VERSIONS:
                    return self._give_up(st, counters, loop_id, "blacklisted",
                                         "more than %d type versions" % MAX_VERSIONS, target)
                try:
                    version = self.compile(st, region, types)
                except NotCompilable as e:
                    return self._give_up(st, counters, loop_id, "not compiled", str(e), target)
                st.versions[types] = version
                st.status = "compiled"
            recs = version.transfer.enter(r, G, builtins)
            if recs is None:     # e.g. a list whose ints do not fit in 64 bits
                self._set_counter(st, counters, loop_id, self.threshold - st.backoff)
                st.backoff = min(st.backoff * 2, 1 << 16)
                return target
            st.last = version
        watchdog = self.interrupts
        if watchdog is None:
            exit_id = version.entry(0)
            version.transfer.leave[exit_id](r, G, recs)
            return self._after_exit(st, rt, version, version.exits[exit_id], counters, loop_id)
        watchdog.running(version.memory_address)
        try:
            exit_id = version.entry(0)
            watchdog.stopped()
            version.transfer.leave[exit_id](r, G, recs)
            block = self._after_exit(st, rt, version, version.exits[exit_id], counters, loop_id)
        finally:
            watchdog.done()     # a Ctrl-C during the run is raised now, with the frame complete
        return block

    def _after_exit(self, st, rt, version, record, counters, loop_id):
        """Statistics, and the policy that keeps failing loops from thrashing."""
        st.entries += 1
        counts = version.transfer.iterations()
        if len(counts) == 1:
            native = counts[0]
            st.native_iterations += native
        else:
            for lst, n in zip(version.counter_states, counts):
                lst.native_iterations += n
            native = counts[version.header_counter]
        exits = st.exits
        exits[record.key] = exits.get(record.key, 0) + 1
        if record.failed:
            if native < 2 and record.kind != TYPE_CHANGE:
                st.quick_failures += 1
                if st.quick_failures >= QUICK_FAILURE_LIMIT:
                    return self._give_up(st, counters, loop_id, "blacklisted",
                                         "native runs keep exiting at line %d (%s)"
                                         % (record.line, record.reason), rt.block_at(record.pc))
            else:
                st.quick_failures = 0
            self._set_counter(st, counters, loop_id, self.threshold - st.backoff)
            st.backoff = min(st.backoff * 2, 1 << 16)
        else:
            st.quick_failures = 0
            counters[loop_id] = st.counter_set = self.threshold - 1
        block = rt.blocks.get(record.pc)
        return block if block is not None else rt.block_at(record.pc)

    def _state_by_header(self, rt, header):
        for loop in rt.code.loops:
            if loop.header == header:
                return self.state(rt, loop.id)
        raise KeyError(header)

    def _give_up(self, st, counters, loop_id, status, reason, block):
        st.status = status
        st.reason = reason
        self._set_counter(st, counters, loop_id, NEVER)
        return block

    # --- compiling ---------------------------------------------------------------------------------
    def _engine(self):
        if self.engine is None:
            t0 = time.perf_counter()
            from ..wasmgen import lower  # noqa: F401  (one-time import, not billed to a loop)
            from .native import NativeEngine
            cache_dir = None
            if self.cache:
                base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
                cache_dir = os.path.join(base, "tauraro", "jit")
            self.engine = NativeEngine(cache_dir=cache_dir)
            from .interrupt import InterruptWatchdog
            self.interrupts = InterruptWatchdog.install()
            self.engine.compile(_WARMUP_WASM)   # Cranelift's one-time setup, not billed to a loop
            self.engine_seconds = time.perf_counter() - t0
        return self.engine

    def compile(self, st, region, types: tuple) -> CompiledLoop:
        from ..helpers.floats import HELPERS
        from ..wasmgen.lower import Lowering, Unsupported
        from .layout import FrameLayout
        from .native import HostFunction
        from .transfer import Transfer
        engine = self._engine()
        t0 = time.perf_counter()
        entry_types = dict(zip(st.entry_vars, types))
        inf = Inference(region, entry_types)
        layout = FrameLayout(region, entry_types, st.carried)
        name = "%s_line%d" % (Path(st.code.filename).stem, st.loop.line)
        try:
            low = Lowering(inf, layout, name)
            wasm, module = low.build()
        except Unsupported as e:
            raise NotCompilable(str(e)) from None
        t1 = time.perf_counter()
        hits = engine.stats.cache_hits
        native_module = engine.compile(wasm)
        st.cache_hits += engine.stats.cache_hits - hits
        imports = [HostFunction("helpers", h, HELPERS[h][0], HELPERS[h][1], HELPERS[h][2])
                   for h in low.helper_index]
        instance = engine.instantiate(native_module, imports=imports)
        entry = instance.entry("run")
        t2 = time.perf_counter()
        transfer = Transfer(layout, st.entry_vars, types, low.exits, instance, st.code)
        t3 = time.perf_counter()
        st.codegen_seconds += (t1 - t0) + (t3 - t2)       # ours: lowering and entry/exit code
        st.native_compile_seconds += t2 - t1               # Cranelift, instantiation
        st.compile_seconds += t3 - t0
        counter_states = [self._state_by_header(st.rt, h) for h in sorted(region.loop_headers)]
        version = CompiledLoop(region, inf, layout, low.exits, wasm, module.to_text, instance, entry,
                               transfer, counter_states, (t1 - t0) + (t3 - t2), t2 - t1)
        if self.emit_dir is not None:
            self._emit(st, version)
        return version

    def _emit(self, st, version):
        self.emit_dir.mkdir(parents=True, exist_ok=True)
        stem = "%s_line%d" % (Path(st.code.filename).stem, st.loop.line)
        self._emitted[stem] += 1
        n = self._emitted[stem]
        base = stem if n == 1 else "%s_v%d" % (stem, n)
        (self.emit_dir / (base + ".wasm")).write_bytes(version.wasm)
        header = [";; %s line %d (%s loop in %s), version %d" % (st.code.filename, st.loop.line,
                                                               st.loop.kind, st.code.qualname, n),
                  ";; entry types: " + ", ".join("%s: %s" % (self._var_name(st.code, v), t.name)
                                                 for v, t in version.inference.entry.items()),
                  ";; exits:"]
        for rec in version.exits:
            header.append(";;   %d: resume at pc %d (line %d), %s: %s" % (rec.id, rec.pc, rec.line,
                                                                        rec.kind, rec.reason))
        (self.emit_dir / (base + ".wat")).write_text("\n".join(header) + "\n" + version.text())

    @staticmethod
    def _var_name(code, v):
        if is_global(v):
            return "global " + v[1]
        return code.regnames.get(v, "r%d" % v)

    # --- reporting -----------------------------------------------------------------------------------
    def register(self, rt):
        """Every code runtime with loops, so loops that never got hot are reported too."""
        for loop in rt.code.loops:
            self.state(rt, loop.id)

    def finish(self):
        """Fold the interpreted back edges counted since the last trip into the statistics."""
        for (code, loop_id), st in self.loops.items():
            self._count(st, st.rt.counters, loop_id)
            st.counter_set = st.rt.counters[loop_id]

    def rows(self) -> list[dict]:
        return [st.row() for st in sorted(self.loops.values(), key=lambda s: (s.code.filename, s.line))]
