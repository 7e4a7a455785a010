"""LoopSite: the baseline's way into the JIT and back.

Each instrumented loop (``tauraro.vm.instrument``) has a LoopSite, bound into
the compiled code as a constant. When the loop's countdown runs out, the
baseline calls ``site.hook(iterator)`` at the top of the loop body. The hook

1. finds the loop's function as register bytecode (compiled once per file with
   Tauraro's compiler, the JIT's input) and the loop in it;
2. builds that function's register frame from the baseline frame's locals, with
   the loop's iterator seen one element back (the iteration that just started
   is re-run natively, from the loop header);
3. lets the JIT controller enter native code (``tauraro.jit.controller``);
4. if native code ran, lets the resume interpreter finish the iteration from the
   exit record's instruction (``tauraro.vm.resume``), and returns what the
   baseline must do: write the loop's variables back, then continue at the
   header, break, return a value, or raise an exception.

An exception is re-raised by the baseline in the program's own frame with a
traceback entry made for it here: the frame, the program's line, and the
offset of the CPython instruction at the source position of the failing
operation, so tracebacks show the program's frames, lines and ``^^^^``
markers as CPython prints them.

A failure inside the JIT never reaches the program: the loop is left to the
baseline and one warning line names the loop and the cause.
"""
from __future__ import annotations

import heapq
import os
import sys
import time
import types
from itertools import chain as _chain, islice
from operator import itemgetter, length_hint as _length_hint
from time import thread_time as _thread_time

from ..cache import compiled
from ..jit.collector import CompileAside
from ..jit.iterations import iterations_left
from ..jit.threads import program_threads
from .bycode import ByCode
from .code_keys import CodeKeys
from .errors import InternalError, signal_handler_tail
from .frame_locals import let_go
from . import lazysplit
from .linesample import LineSample
from .placeholders import CHUNK_BITS, EMPTY_RUNS
from .recursion import deeper, headroom
from .rewind import DICT_ITERATORS, NOT_NOW, RANGE_ITER as _RANGE_ITER, catch_up, one_back, rewound
from .start_gate import Probe, StartGate, enclosing_site
from .start_memory import StartMemory
from .warmup import quickened
from .watchers import profiled, watched, watched_test

# bound on the first trip (start-up imports only what running the program needs), and the
# resume interpreter's when native code first ran (~3 ms of imports a program whose loops
# trip but never enter does without)
UNBOUND = NOT_RESUMABLE = None
BREAK = HEADER = RAISE = RETURN = LoopResume = CallResume = stop_outcome = None


def _bind_jit_modules():
    global UNBOUND, NOT_RESUMABLE
    from ..compiler.code import UNBOUND
    from .runtime_names import NOT_RESUMABLE


def _bind_resume():
    global BREAK, HEADER, RAISE, RETURN, LoopResume, CallResume, stop_outcome
    from .resume import BREAK, HEADER, RAISE, RETURN, CallResume, LoopResume, stop_outcome


# the calls of a function compiled whole for its loops before the JIT is asked, at least
# (FunctionSite.calls_first)
LOOP_CALLS = 64
IDLE = 250                     # the countdown of a loop left to the baseline (a small int)
# the countdown of a dead loop's run that cannot go on as written (a while loop, a loop with
# loops nested in it: no copy as written): its hook only counts its iterations
DEAD_IDLE = 16 * 256
# the countdown of the next runs of a loop that waited for the JIT's start, once it started
# (HookRuntime.jit_started): as soon as a first trip's next (FIRST_CHECK_ITERATIONS)
START_RECHECK = 200
_perf_counter = time.perf_counter


class HookRuntime:
    """What the sites of one run share: the JIT controller, the threshold, and the
    register bytecode of each file, compiled when one of its loops first gets hot."""

    def __init__(self, threshold: int, emit_dir=None, cache: bool = True, cache_dir=None,
                 dump=None, statistics: bool = True, start_now: bool = False, code_root=None):
        self.threshold = threshold
        # the cache root under which files' register bytecode is kept between runs (None:
        # not kept), and its RegisterCache, made with the first register bytecode
        self.code_root = code_root
        self._code_cache = None
        # start the JIT at the first hot loop, whatever its work left (an explicit
        # --jit-threshold): see JitController._start_pays
        self.start_now = start_now
        self.statistics = statistics   # --jit-stats or --jit-stats-json asked for
        self.emit_dir = emit_dir
        self.dump = dump
        self.cache_dir = cache_dir if cache else None     # where native code is kept
        self._controller = None
        # the trips before the controller is made (tauraro.vm.start_gate; not under an
        # explicit --jit-threshold, which starts the JIT at the first)
        # (and the loops earlier runs' JIT gave up on, kept beside the native code:
        # tauraro.vm.start_memory)
        self.memory = StartMemory(os.path.join(self.cache_dir, "starts")) if self.cache_dir else None
        self.gate = None if start_now else StartGate(memory=self.memory)
        self.started_by_run = None      # (as the report began: had the JIT started?)
        self._modules: dict = {}
        self._keys: dict = {}          # filename -> the key its register bytecode is under
        self._plain: dict = {}         # key -> its module as CPython compiles it (see plain_code)
        self.warned = set()
        # loop sites asleep (LoopSite._sleep), as a heap of (wake time, id, site)
        self.sleepers: list = []
        # sources that are not files (``-c``, standard input, the console): key -> (text, filename)
        self.sources: dict[str, tuple[str, str]] = {}
        # the files' sources as they were compiled, which the JIT compiles too (not the
        # file as it is now: it may have been edited since): key -> (bytes, filename); a
        # file reloaded with other bytes is another key (tauraro.vm.loader.Compiler)
        self.files: dict[str, tuple[bytes, str]] = {}
        self.code_keys = CodeKeys()     # code object -> its source's key
        # every site made (``site``), for ``close`` (kept as the code holding them keeps
        # them; a module reloaded many times leaves its old code's few small sites here)
        self._sites: list = []
        self._unplaced: list = []       # (loops given up before the JIT started: unplaced)
        # loop sites whose last trip found the JIT not started: their next runs count down
        # from what the wait for the start set, until the start lowers it (jit_started)
        self.waiting: set = set()

    @property
    def started(self) -> bool:
        """Has the JIT controller been made (a loop got hot)?"""
        return self._controller is not None

    @property
    def controller(self):
        """The JIT controller, imported and made when the first loop gets hot."""
        if self._controller is None:
            from ..jit.collector import CompileAside
            with CompileAside():        # (the JIT's modules: thousands of objects, no collection)
                from ..jit.controller import JitController
            # (its clock for the start from the first trip at the gate, if there was one)
            first = self.gate.first_hot if self.gate is not None else None
            self._controller = JitController(self.threshold, self.emit_dir, self.cache_dir, self.dump,
                                             code_for=self.function_code, statistics=self.statistics,
                                             created=first,
                                             **({"start_seconds": 0.0, "eager": True} if self.start_now else {}))
            self.gate = None
        return self._controller

    def jit_started(self):
        """The JIT has started: the loops whose trips found it not started, and were given
        long countdowns for it (the work they were known to have left did not pay for the
        start: JitController._start_pays), trip again early in their next runs, where an
        entry may pay now. (list_index.py's warm-up left its sort's inner loop 42,000
        iterations to count, ~2.5 ms as written, in the timed run after the start.)"""
        for site in self.waiting:
            if not site.dead and not site.wakes_at:
                site.lower(START_RECHECK)
        self.waiting.clear()

    def wake_due(self):
        """Wake the sleeping loop sites whose time has come."""
        now = _perf_counter()
        sleepers = self.sleepers
        while sleepers and sleepers[0][0] <= now:
            at, _, site = heapq.heappop(sleepers)
            if site.wakes_at == at and not site.dead:
                site.wake()

    def unplaced(self, filename, info, reason, qualname, status="not compiled"):
        """A loop given up before its register code was looked for (``reason``): its state,
        or None until the JIT has started -- then only its row, made when one is asked for
        (``report``): starting the JIT to report a loop that will not be compiled cost a
        run whose only hot loop iterates over a generator ~15 ms."""
        if self._controller is None:
            self._unplaced.append((filename, info, reason, qualname, status))
            return None
        return self._controller.unplaced(filename, info, reason, qualname, status)

    def report(self, text: bool, json_path):
        """``--jit-stats`` on stderr and ``--jit-stats-json`` to a file."""
        from ..jit.stats import format_report, write_json
        # (a controller made here, for the rows, is no start of the JIT: start_memory)
        self.started_by_run = self._controller is not None
        if self._unplaced:
            for args in self._unplaced:
                self.controller.unplaced(*args)
            self._unplaced = []
        for site in self._sites:
            held = site.held()
            if held is not None:
                # (a loop or comprehension the start gate kept from starting the JIT, or
                # left to the baseline: tauraro.vm.start_gate)
                self.controller.held_back(site.filename, site.info.line, *held)
        c = self._controller
        rows = c.rows() if c is not None else []
        engine_ms = c.engine_seconds * 1000 if c is not None else 0.0
        scale = c.copy_scale if c is not None and c.copy_samples else None
        if text:
            sys.stderr.write(format_report(rows, engine_ms, scale))
        if json_path:
            write_json(rows, json_path)

    def site(self, info, filename):
        if info.kind == "function":
            site = FunctionSite(info, filename, self)
        elif info.kind == "listcomp":
            from .comprehensions import ComprehensionSite
            site = ComprehensionSite(info, filename, self)
        elif info.kind == "genexpr":
            from .comprehensions import GeneratorSite
            site = GeneratorSite(info, filename, self)
        else:
            site = LoopSite(info, filename, self)
        self._sites.append(site)
        return site

    def close(self):
        """The program has ended (called after its own ``atexit`` handlers): every site
        lets go of the program's objects and runs its code as written from now on. Why: a
        site is a constant of the instrumented code, and code objects are not walked by
        the cyclic collector, so whatever a site reached -- its loop's globals
        (``Target``), the runtime's controller, every version's guards and kept records --
        stayed alive through the interpreter's teardown: the ``__del__`` of the program's objects
        never ran at exit (CPython runs them), and a sieve's list of 5*10^6 flags was
        walked by four collections of the teardown, not two (~0.1 s). Code that runs
        after this -- a ``__del__`` with a loop, a daemon thread -- runs as written."""
        for site in self._sites:
            site.release()
        self._sites = []
        if self.memory is not None:
            try:
                if self._controller is not None and self.started_by_run is not False:
                    self.memory.keep(self._controller.loop_outcomes())
                else:
                    self.memory.close()
            except Exception:       # (a cache: the program's exit is not its business)
                pass
        if self._controller is not None:
            self._controller.close()
        self._controller = None

    def register_code(self, key: str):
        """The register bytecode (a module CodeObject) of a file, or of a registered source,
        or an error message."""
        mod = self._modules.get(key)
        if mod is None:
            try:
                source, filename = self._source(key)
            except (OSError, SyntaxError) as e:
                mod = "source not readable: %s" % e
            kept = None
            if mod is None and key not in self.sources and self.code_root is not None:
                if self._code_cache is None:
                    from .register_cache import RegisterCache
                    self._code_cache = RegisterCache(self.code_root)
                kept = self._code_cache
                mod = kept.get(filename, source)
            if mod is None:
                # (the compiler -- with ast and symtable, ~7 ms to import -- only when the
                # register code is not kept on disk)
                from ..compiler.compiler import compile_source
                from ..compiler.errors import UnsupportedConstruct
                from ..jit.collector import CompileAside
                try:
                    with CompileAside():        # (the file's AST and its register bytecode)
                        mod = compile_source(source, filename, checked=True)
                    if kept is not None:
                        kept.put(filename, source, mod)
                except UnsupportedConstruct as e:
                    mod = "the register compiler does not take this file: %s" % e
                except SyntaxError as e:
                    mod = "syntax error %s" % e
                except Exception as e:      # a construct the register compiler does not take yet
                    mod = "the register compiler failed on this file: %s: %s" % (type(e).__name__, e)
            self._modules[key] = mod
            if not isinstance(mod, str):
                self._keys[mod.filename] = key
        return mod

    def plain_code(self, fcode):
        """The code object CPython compiles for ``fcode``'s function from its source (no
        hooks), or None."""
        key = self._key_of(fcode)
        module = self._plain.get(key)
        if module is None:          # (compiled once per file, however many functions give up)
            try:
                source, filename = self._source(key)
                module = self._plain[key] = _filed_as(compiled(source, filename), fcode.co_filename)
            except (OSError, SyntaxError):
                return None
            if self.code_keys.has_key(key):     # (the loaded source's: its functions may be inlined)
                self.code_keys.add_tree(module, key)
        stack = [module]
        found = []
        while stack:
            c = stack.pop()
            if c.co_name == fcode.co_name and c.co_firstlineno == fcode.co_firstlineno:
                found.append(c)
            stack.extend(k for k in c.co_consts if type(k) is type(fcode))
        if len(found) > 1:      # (lambdas on one line: told apart by where their bodies start)
            from ..compiler.code import body_column
            column = body_column(fcode)
            found = [c for c in found if body_column(c) == column]
        return found[0] if len(found) == 1 else None

    def unhook(self, fcode, G, frame=None):
        """Every loop site of the function running ``fcode`` is dead: its calls from now on
        run the code CPython compiles from its source. A dead loop already runs as written,
        but in a bigger frame (the hooked copy of the loop is in it too), and a recursion
        whose frames cross CPython 3.11's 16 KB data-stack chunks at another depth can map
        and unmap a chunk at every call (tiny_interpreter: 75,000 mmaps, 0.4 s of system
        time). Functions of the module or of its classes, found by their qualified names; a
        nested function found among its own free variables or its caller's variables, in
        ``frame`` (nqueens.py's ``go``, ``place``, ``safe``: helpers whose loops' runs are
        short, each call ~10% slower in the hooked code); not functions with sites of other
        kinds, but for comprehensions' given up for good (``cold``: json_parser.py's
        gen_value, whose loop and list comprehension were both given up, stayed hooked).
        The code given is quickened first, as CPython 3.11 quickens a code object only at its
        eighth call (tauraro.vm.warmup): richards.py's scheduler, whose while loop's back
        edges do not count, ran three more of its long calls unspecialized."""
        qualname = getattr(fcode, "co_qualname", "<locals>")
        if fcode.co_name == "<module>":
            return
        off = []
        held = []
        for c in fcode.co_consts:
            if isinstance(c, LoopSite):
                if not c.dead:
                    reason = self._held_for_good(c)
                    if reason is None:
                        return
                    held.append((c, reason))
            elif type(c) is FunctionSite and (c.given_up or c.info.nests and c.state is None
                                              and not FunctionSite.loops_compiled(fcode)):
                # (a function to be compiled whole for its loops, given up, or whose loops
                # died uncompiled: it never will be, and its prologue goes with them. One
                # whose loop compiled, its entries found not to pay, may: its calls would
                # make no entries)
                off.append(c)
            elif type(c).__module__.startswith("tauraro."):
                from .comprehensions import ComprehensionSite
                if not (type(c) is ComprehensionSite and c.cold):
                    return          # (a function's site, or a comprehension's not given up: cold for good)
        func = _running_function(fcode, frame) if "<locals>" in qualname else _by_qualname(qualname, G)
        if func is None or func.__code__ is not fcode:
            return
        for c, reason in held:
            c.left_for(reason, qualname)
        try:
            plain = self.plain_code(fcode)
            if plain is not None and plain.co_freevars == fcode.co_freevars:
                func.__code__ = quickened(plain, func.__globals__)
                for c in off:
                    c.on, c.given_up = False, True
                if "<locals>" in qualname:
                    self._unhook_in(qualname.rsplit(".<locals>.", 1)[0], fcode, plain, G)
        except Exception:
            pass

    def _held_for_good(self, site):
        """Why ``site``, a loop not given up on yet whose function's other loops all are,
        would be left to the baseline at its next trip, as one given up on in an earlier
        run (tauraro.vm.start_memory), its iterations left not known: it is given up with
        them, and the function gets CPython's code now, not after its next trip -- which, a
        loop enclosing the others, may come late in a long call, the function's next call
        already made in the hooked code (knapsack.py's brute force: a loop over subset
        sizes around one over 10^6 combinations around a short one, whose runs each began
        with their ``live`` test, 3% of its second call). None otherwise."""
        if self.memory is None or self.start_now or site.probe is not None and site.probe.status != "interpreted":
            return None
        return self.memory.given_up(site.filename, site.info.line, site.info.kind, -1)

    @staticmethod
    def _unhook_in(qualname, fcode, plain, G):
        """The function ``qualname`` of the module (or of its classes) makes its nested
        function from ``plain`` from now on, where it made it from ``fcode``: each of its
        calls makes the nested function anew."""
        outer = _by_qualname(qualname, G) if "<locals>" not in qualname else None
        if outer is None:
            return
        code = outer.__code__
        if any(c is fcode for c in code.co_consts):
            outer.__code__ = quickened(code.replace(co_consts=tuple(plain if c is fcode else c for c in code.co_consts)),
                                       outer.__globals__)
            key = self.code_keys.get(code)
            if key is not None:     # (still the loaded source's: function_code)
                self.code_keys[outer.__code__] = key

    def function_code(self, func):
        """The register bytecode of a function of a file whose loops got hot (the JIT
        inlines calls of it), or None."""
        fcode = func.__code__
        key = self.code_keys.get(fcode)
        if fcode.co_name == "<module>" or key is None:
            # (code Tauraro's loader did not make -- a module another loader ran, a
            # ``__code__`` replaced, code exec'd from a string -- has no register bytecode:
            # the file's, matched by name, would be another function's)
            return None
        mod = self.register_code(key)   # (compiled once per file)
        if isinstance(mod, str):
            return None
        return mod.compiled_from(fcode)

    def _key_of(self, fcode) -> str:
        """The key of the source ``fcode`` was compiled from."""
        key = self.code_keys.get(fcode)
        return key if key is not None else self._key(fcode.co_filename)

    def _key(self, filename: str) -> str:
        """The key of a file's source: its name, or that of a registered source (``-c``,
        standard input, the console) named ``filename``."""
        key = self._keys.get(filename)
        if key is None:
            key = next((k for k, (_, name) in self.sources.items() if name == filename), filename)
        return key

    def _source(self, key: str) -> tuple[str, str]:
        """(source text, file name) of a key (raises OSError or SyntaxError)."""
        if key in self.sources:
            return self.sources[key]
        from .source import decode_source
        if key in self.files:
            data, filename = self.files[key]
            return decode_source(data, filename), filename
        with open(key, "rb") as f:
            return decode_source(f.read(), key), key

    def failed(self, site, exc: BaseException):
        """A failure inside the JIT: one warning line, and the loop stays in the baseline."""
        key = (site.filename, site.info.line)
        if key in self.warned:
            return
        self.warned.add(key)
        try:
            sys.stderr.write("tauraro: warning: the JIT left the %s at %s:%d to the baseline: "
                             "%s: %s\n" % ("function" if site.info.kind == "function" else "loop",
                                            site.filename, site.info.line, type(exc).__name__, exc))
            if os.environ.get("TAURARO_DEBUG"):     # where in Tauraro it failed
                from ..boundary import BOUNDARY
                with BOUNDARY:
                    import traceback
                traceback.print_exception(exc)
        except Exception:
            pass


def method_running(obj, code):
    """The function of ``obj``'s class order whose code is ``code``, under its own name: the
    method a prologue passing no function runs in (``instrument._compilable_recursion``);
    None if there is none (a method stored under another name, a name mangled)."""
    name = code.co_name
    for klass in type(obj).__mro__:
        f = klass.__dict__.get(name)
        if f is not None:
            return f if type(f) is _FUNCTION and f.__code__ is code else None
    return None


_FUNCTION = type(method_running)


def _wake_function(fcode):
    """A loop of the function running ``fcode`` ran natively for the first time: if the
    function is one to be compiled whole for its loops (``FunctionSite`` with ``info.nests``),
    its prologue starts calling its site from now on."""
    for c in fcode.co_consts:
        if type(c) is FunctionSite and c.info.nests and not c.given_up and not c.on:
            c.on = True
            c.countdown = c.calls_first()


# how long a function site sleeps when it finds the program running threads (FunctionSite.busy)
THREADS_SLEEP = 0.05


class FunctionSite:
    """A function's way into the JIT, to be compiled whole (its prologue: ``tauraro.vm.instrument``):
    a recursive function, or one running loops of its own (``info.nests``: its prologue
    calls it only once one of them ran natively, ``_wake_function``).

    ``call`` counts the calls the baseline makes; past the threshold it asks the JIT to
    run the call natively (the function compiled whole, its calls of itself native too)
    and returns the result, or the site itself when the baseline must run the call:
    not hot yet, types native code does not take, or a failure inside native code
    (then nothing the program can see has happened, and CPython runs the call as
    written, raising what it raises).

    Once a call was answered natively, the controller installs that version's generated
    entry as the site's own ``call`` attribute (``install``), which the prologue then calls
    directly: it checks what this version needs and runs it, and goes to ``slow`` (the
    class's way, through the controller) only when something differs."""

    # (the generated call of a version asks it first, and ``busy``: tauraro.jit.functions)
    watched = staticmethod(watched)
    watched_test = staticmethod(watched_test)

    def __init__(self, info, filename, runtime: HookRuntime):
        self.info = info
        self.filename = filename
        self.runtime = runtime
        # read by the prologue: False once the JIT gave up -- and, for a function to be
        # compiled whole for its loops, until one of them first ran natively (its calls
        # before cost the prologue only this check: _wake_function)
        self.on = not info.nests
        self.given_up = False
        self.miss = self                # what ``call`` returns when the baseline makes the call
        self.countdown = self.calls_first()
        self.state = None
        self.method = False             # a method's prologue passes no function (method_running)
        self.held_for = None            # (given up for an earlier run's verdict: held)
        self.wakes_at = 0.0             # (asleep while the program runs threads: busy)

    def __repr__(self):
        return "<function site %s:%d>" % (self.filename, self.info.line)

    def call(self, func, *args):
        # (no generated entry is installed while the countdown runs: see the controller's
        # _function_failed)
        if self.countdown:
            self.countdown -= 1
            return self
        return self.slow(func, args, sys._getframe(1))

    def slow(self, func, args, frame):
        """``call`` through the controller; ``frame`` is the function's frame, whose prologue
        called (a method's passes no function: ``method_running`` finds it)."""
        if watched():
            return self                 # a tracer, profiler or monitoring tool sees every call
        if func is None:
            func = method_running(args[0], frame.f_code)
            if func is None:
                return self
            self.method = True
        if func.__code__ is not frame.f_code:
            return self                 # the name now means another function
        runtime = self.runtime
        if not runtime.started and runtime.memory is not None:
            # (an earlier run's JIT, started, did not compile it: no start for it now --
            # tauraro.vm.start_memory; a tree's recursive insert taking nodes started the JIT
            # at every run, to refuse it by its arguments' types)
            reason = runtime.memory.given_up(self.filename, self.info.line, "function", -1)
            if reason is not None:
                self.held_for = (reason, func.__qualname__)
                self.give_up(func)
                return self
        if self.busy():
            return self
        try:
            return headroom(self, self.runtime.controller.call_function, self, func, args, frame)
        except (Exception, InternalError) as e:     # a failure inside the JIT, not in the program
            tail = signal_handler_tail(e)
            if tail is not None:
                raise e.with_traceback(tail)
            try:
                return self.broken(func, e)
            except RecursionError:      # (the call at the program's very limit: see headroom)
                return self

    def held(self):
        """What --jit-stats says of a function given up before the JIT started, for an
        earlier run's verdict (``slow``): as LoopSite.held; else None (a function's calls are
        never held by the start gate)."""
        if self.held_for is None or self.state is not None:
            return None
        reason, qualname = self.held_for
        return "function", reason, qualname, "not compiled", 0

    @staticmethod
    def loops_compiled(fcode) -> bool:
        """Has a loop of the function running ``fcode`` been compiled (entered natively, or
        kept a version), whether its entries paid or not?"""
        return any(type(c) is LoopSite and c._state is not None and (c._state.entries or c._state.versions)
                   for c in fcode.co_consts)

    def calls_first(self) -> int:
        """The calls counted before the JIT is asked: the threshold's; at least LOOP_CALLS
        for a function to be compiled whole for its loops, whose runs the loops' entries
        run natively meanwhile (what compiling it whole saves is the entries' round trips,
        worth a compile only over many calls -- and under a low --jit-threshold, a function
        called a few times keeps its loops' own way)."""
        threshold = self.runtime.threshold
        return max(threshold, LOOP_CALLS) if self.info.nests else threshold

    def broken(self, func, exc):
        """A failure inside the JIT: the function is given up, with a warning, and the
        baseline makes the call."""
        self.give_up(func)
        self.runtime.failed(self, exc)
        return self

    def busy(self) -> bool:
        """Does the program run other threads? Then no call is native (see LoopSite._trips;
        wasmtime's store is entered with the GIL let go: two threads calling natively got
        wrong sums, traps, or wasmtime's panic), and the site sleeps for THREADS_SLEEP --
        the prologue skips it, as a site given up -- until a loop's hook wakes it
        (HookRuntime.wake_due): a recursive function asking at each call ran 8x CPython's
        time in two threads."""
        if not _other_threads():
            return False
        self.uninstall()
        self.on = False
        self.wakes_at = _perf_counter() + THREADS_SLEEP
        heapq.heappush(self.runtime.sleepers, (self.wakes_at, id(self), self))
        return True

    @property
    def dead(self) -> bool:
        return self.given_up

    def wake(self):
        """Called again (``busy``): its next calls ask the controller."""
        self.wakes_at = 0.0
        if not self.given_up:
            self.on = True
            self.countdown = 0

    def install(self, call):
        """From now on the prologue calls ``call`` (a version's generated entry) instead of
        the class's ``call``."""
        self.call = call

    def uninstall(self):
        self.__dict__.pop("call", None)

    def nested(self, frame) -> bool:
        """Is the function's ``frame`` called by a function with a prologue (a recursive
        function the JIT may compile whole, run by CPython)?"""
        caller = frame.f_back
        return caller is not None and any(type(c) is FunctionSite and not c.info.nests
                                          for c in caller.f_code.co_consts)

    def cpython_seconds(self, func, args):
        """How long CPython takes for a call native code has just answered, made again
        with the prologue off (twice, the faster counted); None if it could not be timed.
        Making the call again
        changes nothing the program can see: a function compiled whole stores only into the
        lists it is passed (and the controller passes copies of those: see
        ``JitController._judging_call``), calls only what stores nothing else, and a native
        answer means the call returns normally. It takes a few frames more than the call did, well inside the margin the
        native depth budget keeps below the recursion limit. (A tool of ``sys.monitoring``
        would see the call: then it is not made.)"""
        if profiled():
            return None
        self.on = False
        try:
            best = None
            for _ in range(2):
                t0 = time.perf_counter()
                func(*args)
                seconds = time.perf_counter() - t0
                best = seconds if best is None else min(best, seconds)
            return best
        except Exception:
            return None
        finally:
            self.on = not self.given_up      # (another thread may have given up meanwhile)

    def release(self):
        """The program ended (``HookRuntime.close``): calls go as written from now on, and
        the site holds nothing of the program's."""
        self.on = False
        self.given_up = True
        self.uninstall()
        self.state = None

    def give_up(self, func):
        """The JIT will not run this function: from now on its calls run the code CPython
        compiles from its source, without the prologue (whose check would cost every call)."""
        self.on = False
        self.given_up = True
        self.uninstall()
        if self.info.nests and any(type(c) is LoopSite and not c.dead for c in func.__code__.co_consts):
            return      # (its loops keep their hooks: the function is unhooked once they die)
        try:
            plain = self.runtime.plain_code(func.__code__)
            if plain is not None and plain.co_freevars == func.__code__.co_freevars:
                func.__code__ = quickened(plain, func.__globals__)
        except Exception:
            pass


class Target:
    """One instrumented loop as found in the register bytecode of its function."""
    __slots__ = ("code", "loop", "state", "parent", "_resume", "globals", "returns", "named",
                 "cells", "written", "values", "lane")

    def __init__(self, code, loop, state, parent, globals_, returns, named, cells, written):
        self.code = code
        self.loop = loop
        self.state = state
        self.parent = parent
        self._resume = None
        self.globals = globals_
        self.returns = returns      # pc -> value operand, of returns through cleanup outside
        self.named = named          # (register, name) of plain locals
        self.cells = cells          # (register, name) of cell and free variables
        self.written = written      # per written name: (register, is a cell) or None
        # may its steady trips take the lane (LoopSite._lane_trip)? A for loop in a function
        # with no cell variables: its registers are the frame's plain locals
        self.lane = loop.kind == "for" and code.kind != "module" and not cells
        # the values of the written names in a register file, in that order (plain registers
        # only: read at C speed, an itemgetter's)
        if written and all(w is not None and not w[1] for w in written):
            get = itemgetter(*[reg for reg, _ in written])
            self.values = get if len(written) > 1 else lambda r: (get(r),)
        else:
            self.values = lambda r: tuple([_value(r, w) for w in written])

    @property
    def resume(self):
        """The loop's resume interpreter, generated the first time native code leaves it."""
        if self._resume is None:
            self._resume = LoopResume(self.code, self.loop, self.globals, self.returns)
        return self._resume


def _by_qualname(qualname, G):
    """The plain function the module's globals ``G`` hold as ``qualname`` (a function of the
    module, or a method of its classes: a static or class method's function), or None."""
    obj = G
    for part in qualname.split("."):
        d = obj if obj is G else getattr(obj, "__dict__", None)
        obj = d.get(part) if isinstance(d, (dict, types.MappingProxyType)) else None
        if obj is None:
            return None
    func = getattr(obj, "__func__", obj)
    return func if type(func) is types.FunctionType else None


def _held(frame, obj) -> bool:
    """Does a variable of the program's in ``frame`` hold ``obj``?"""
    local = frame.f_locals
    held = _holds(local, obj)
    let_go(frame, local)
    return held


def _holds(local, obj) -> bool:
    """Does a variable of the program's among ``local`` (a frame's ``f_locals``) hold ``obj``?"""
    return any(v is obj for k, v in local.items() if k[:1] != ".")


def _filed_as(code, filename: str):
    """``code`` and the code objects in it, their file name ``filename`` -- that very str
    object. CPython's traceback groups a recursion's frames into "[Previous line repeated N
    more times]" only while each frame's file name is the same object as the last one's (its
    C printer compares them by identity): the frames of the hooked code (loaded from the code
    cache) and of CPython's own code given to the function mid-recursion (compiled apart)
    broke the run, and the traceback printed two more lines and a count two short. (Within
    one code object's tree the name is one object already: marshal and compile share it.)"""
    kind = type(code)
    consts = tuple(_filed_as(c, filename) if type(c) is kind else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _running_function(fcode, frame):
    """The function running ``fcode`` in ``frame`` (a nested function's), if it is found
    among its own free variables (a function that calls itself) or its caller's variables
    (a helper its enclosing function calls); else None. Read once, at the loop's death."""
    if frame is None or frame.f_code is not fcode:
        return None
    try:
        for where in (frame, frame.f_back):
            if where is None:
                continue
            values = where.f_locals         # (free variables included)
            names = fcode.co_freevars if where is frame else tuple(values)
            found = None
            for name in names:
                v = values.get(name)
                if type(v) is types.FunctionType and v.__code__ is fcode:
                    found = v
                    break
            let_go(where, values)
            if found is not None:
                return found
    except Exception:
        return None
    return None


def _made_again(shape, values):
    """The element a loop's target bound the names of ``shape`` (``SiteInfo.target``) from,
    made again from their ``values``: a tuple for a tuple target (a starred name's list
    spread in it). KeyError if a name is not bound."""
    if type(shape) is str:
        return values[shape]
    out = []
    for s in shape:
        if type(s) is list:
            out.extend(_made_again(s[0], values))
        else:
            out.append(_made_again(s, values))
    return tuple(out)


class LoopSite:
    """One instrumented loop. Its count -- the iterations before its hook, as the two
    small ints the instrumented code counts down in, ``c + 256 * d`` (``split``,
    instrument._chunked) -- is two plain attributes, which a run of the loop starts from and
    lowers when it ends (instrument._carry_count). (A property would be a call a program's
    tracer sees.)"""

    def set_start(self, n: int):
        self.d, self.c = self.split(n)
        self._window = None             # (the count's jump is no iteration: see emptied)

    @staticmethod
    def split(n: int) -> tuple:
        """A countdown of ``n`` iterations as (chunks of 2**CHUNK_BITS after the first, the
        first's count: 1 to 2**CHUNK_BITS)."""
        if n <= 1 << CHUNK_BITS:
            return (0, n)
        d, c = divmod(n - 1, 1 << CHUNK_BITS)
        return (d, c + 1)

    def lower(self, n: int):
        """The loop's next runs start from a countdown of ``n`` at most (what was left is
        taken off what the next trip reports counted: ``cut``. A run under way keeps its own
        countdown: if it trips first, its trip reports up to that much too few, never fewer
        than none)."""
        if (self.d << CHUNK_BITS) + self.c > n:
            self.cut(self.d, self.c, n)
            self.set_start(n)

    def cut(self, d: int, c: int, n: int):
        """The countdown ``(d, c)`` of this loop's run is cut to ``n`` by a trip of a loop
        nested in it (``Decision.parent``: the enclosing loop is the region to try next;
        ``_cut_parent``). What was left of it is taken from what the next trip reports
        counted: the iterations made, not the countdown set (an 80-round loop around a
        20,000-iteration one reported 1,206 iterations at its first entry, and the nested
        loop's runs, per iteration of it, looked a thousand times shorter than they were)."""
        left = (d << CHUNK_BITS) + c
        if left > n:
            if self.dead:
                self._dead_counted = max(0, self._dead_counted - (left - n))
            else:
                self._counted = max(0, self._counted - (left - n))

    def _cut_parent(self, frame, n: int):
        """This trip cuts the enclosing loop's countdown to ``n`` (the instrumented code
        stores it): tell the enclosing loop's site what was left of it (``cut``), read
        from ``frame`` -- unless that loop's run goes as written, uncounted."""
        parent = enclosing_site(self, frame)
        if parent is None:
            return
        if self.info.module_level:
            d, c = parent.chunks, parent.count
        else:
            local = frame.f_locals
            pid = self.info.parent
            d, c = local.get(".d%d" % pid), local.get(".c%d" % pid)
            let_go(frame, local)
        if type(d) is int and type(c) is int:
            parent.cut(d, c, n)

    def __init__(self, info, filename, runtime: HookRuntime):
        self.info = info
        self.filename = filename
        self.runtime = runtime
        self.set_start(runtime.threshold + 1)
        # a module-level loop's hidden variables (instrument._hidden): its countdown's chunks
        # and count, its iterator, the hook's last result
        self.chunks, self.count = self.d, self.c
        self.i = self.r = None
        self.live = True                # read as the loop starts: False runs the loop as written
        self.dead = False
        self._idle = (IDLE, 0, None, None, None, None)
        # (a dead run that cannot go as written trips every DEAD_IDLE iterations, not every
        # IDLE: graph_structure.py's tarjan, a while loop with loops in it given up in a
        # call running 1.8*10^6 iterations, made 21,000 idle hook calls, ~13 ms)
        self._dead_idle = (DEAD_IDLE, 0, None, None, None, None)
        self._dead_counted = IDLE
        self._targets = ByCode()      # frame code -> the loop found in it
        self._counted = runtime.threshold
        # (the range iterator a for loop's last trip found, if it was one: _new_run. Held, not
        # its id, which a later run's iterator may take once it is freed: a range iterator
        # holds no object of the program's)
        self._run_iterator = None
        self._state = None              # the LoopState of the last target (statistics)
        self._stretching = None         # (the stretch under way's id, its length, its start: _stretch)
        self.wakes_at = 0.0             # asleep until this perf_counter time (0: awake; see _sleep)
        # runs that counted no iteration, counted down as they end (instrument._carry_count),
        # and the count left when the last EMPTY_RUNS began (None: since, the count was set)
        self.e = EMPTY_RUNS
        self._window = runtime.threshold + 1
        # (the runs over a text split lazily, by their iterators' ids, and the one whose trip
        # is under way: tauraro.vm.lazysplit)
        self._split_runs = None
        self._split_run = None
        # (the frame's code and the Target of a loop whose last trip entered its steady
        # version: its next trips take the lane, ``_lane_trip``)
        self._lane = None
        self._entered_once = False      # (has native code run this loop: _wake_function)
        self.probe = None               # (its trips before the JIT's controller is made: start_gate)

    def __repr__(self):
        return "<loop site %s:%d>" % (self.filename, self.info.line)

    # --- the hook ----------------------------------------------------------------------------
    def hook(self, it, cells=None):
        # (the instrumented code calls the hook only without a tracer: see instrument.py)
        self._window = None             # (a trip: iterations enough, whatever the count says)
        if profiled():
            # a profiler (or a monitoring tool) sees every call: native code would hide them
            return self._idle
        runtime = self.runtime
        if runtime.sleepers and runtime.sleepers[0][0] <= _perf_counter():
            runtime.wake_due()
        if self.dead:
            st = self._state
            if st is not None:
                st.interpreted_iterations += self._dead_counted
            result = self._as_written(it, frame=sys._getframe(1))
            if result is self._idle:
                # (and the site's count, which the runs' counts carry over to: a run starts
                # from what the last left, so a loop of short runs trips as often as one run)
                result = self._dead_idle
                self.set_start(DEAD_IDLE)
            elif result[0] == IDLE:
                # (the rest of this run as written, code 6, and its next runs from the dead
                # count too: a while loop with a loop in it, which has no copy as written to
                # start its runs in, tripped at the first iteration of each)
                result = (DEAD_IDLE,) + result[1:]
                self.set_start(DEAD_IDLE)
            self._dead_counted = result[0]
            return result
        if self.wakes_at:
            # (a run of the loop that started before it fell asleep; the site's count set
            # again too, as a dead loop's: above)
            self._state.interpreted_iterations += self._counted
            self._counted = IDLE
            self.set_start(IDLE)
            return self._idle
        frame = sys._getframe(1)
        try:
            # (the JIT's own frames get room beyond the program's limit: recursion.headroom)
            return headroom(self._idle, self._trips, frame, it, cells)
        except (Exception, InternalError) as e:      # a failure inside the JIT, not in the program
            tail = signal_handler_tail(e)
            if tail is not None:
                raise e.with_traceback(tail)
            try:
                self._die()
                self.runtime.failed(self, e)
            except RecursionError:      # (the trip at the program's very limit: see headroom)
                pass
            return self._idle
        finally:
            run = self._split_run
            if run is not None:     # (a trip that did not run native code: the rest split)
                self._split_run = None
                lazysplit.settle(run, None, False)

    def _trips(self, frame, it, cells):
        if _other_threads():
            # (native code holds the GIL until it leaves and reads the data it copied in:
            # a loop waiting for another thread -- ``while not done: n += 1`` -- never ended)
            return self._idle
        lane = self._lane
        if lane is not None and lane[0] is frame.f_code and type(it) is _RANGE_ITER:
            result = self._lane_trip(lane[1], frame, it)
            if result is not None:
                return result
        return self._trip(frame, it, cells)

    def split_iter(self, text: str):
        """The iterator of this run of the loop over ``text.split()``, ``text`` a str: split
        as far as the run's trip, the rest when the run gets to it (tauraro.vm.lazysplit)."""
        runs = self._split_runs
        if runs is None:
            runs = self._split_runs = {}
        return lazysplit.start(runs, text, (self.d << CHUNK_BITS) + self.c)

    def emptied(self):
        """EMPTY_RUNS runs of the loop have ended without an iteration counted (``e``: see
        instrument._carry_count). If the loop counted fewer iterations meanwhile than that
        -- less than one a run -- it is given up: no entry pays for a run so short, and
        each start costs its function's call ~40-70 ns more than the loop as written, at
        every call (json_parser.py's ``skip_ws``: 1.45*10^6 calls, 67,000 iterations). A
        loop with long runs between its empty ones counts more than that and goes on. (Its
        count's jumps -- a trip, the JIT lowering it -- start the window again.)"""
        self.e = EMPTY_RUNS
        left = (self.d << CHUNK_BITS) + self.c
        began, self._window = self._window, left
        if began is None or self.dead or profiled():
            return
        counted = began - left
        if counted >= EMPTY_RUNS:
            return
        reason = "its runs are mostly empty: %d iterations in %d runs or more" % (counted, EMPTY_RUNS)
        frame = sys._getframe(1)
        st = self._state
        if st is not None:
            self.runtime.controller.give_up(st, "left to the baseline", reason)
        elif self.runtime.started:
            # (reported where the JIT has started; not started for it)
            self._state = self.runtime.controller.unplaced(self.filename, self.info, reason,
                                                           frame.f_code.co_qualname, "left to the baseline")
        self._die(frame)

    def _new_run(self, frame, iterator=None):
        """Is this trip the first of its run? For a while loop: its hidden result (``.rN``
        in ``frame`` for a loop in a function, the site's ``r`` for one at module level) is
        set to None as each run starts, and to the hook's result at each trip. For a for loop
        over a range: ``iterator`` is not the one its last trip found. For other for loops,
        None: not told (their iterations left tell the controller what it needs)."""
        info = self.info
        if info.kind != "while":
            last = self._run_iterator
            self._run_iterator = iterator if type(iterator) is _RANGE_ITER else None
            return None if self._run_iterator is None else last is not iterator
        if info.module_level:
            return self.r is None
        local = frame.f_locals
        try:
            return local.get(".r%d" % info.id) is None
        finally:
            let_go(frame, local)

    def _as_written(self, it, counting=None, frame=None):
        """The hook's result when the JIT will not enter this run of the loop: for a loop
        whose instrumented code can (``SiteInfo.plain``), code 6 -- the rest of the run goes
        on as written, from the element this iteration took, over ``rewind.rewound(it)`` --
        else ``counting`` (the loop counts on), or an idle countdown. ``frame``: the loop's,
        where the element may be made again from its target's names (an iterator that cannot
        be moved back)."""
        parent = counting[5] if counting is not None else None
        rest = self._from_this_element(it, frame)
        if rest is not None:
            again, left = rest
            st = self._state
            if st is not None:
                # (counted as the baseline's now: all it has left, a break may end it sooner)
                st.interpreted_iterations += left
                st.plain_runs += 1
            # (the countdown the loop's next run starts from, carried as a run's is)
            return (counting[0] if counting is not None else IDLE, 6, again, None, None, parent)
        return self._idle if counting is None else counting

    def _stretch(self, it, n):
        """The iterator of a stretch of ``n`` iterations as written (code 7: see
        ``Decision.stretch``), from the element this iteration took; timed from here to
        ``stretched``. None where the loop cannot run one."""
        if self.info.nests or self.info.kind == "while":
            return None         # (no copy to run one: instrument.Instrumenter.loop)
        rest = self._from_this_element(it)
        if rest is None:
            return None
        again, left = rest
        n = min(n, left)
        part = islice(again, n)
        if self._state is not None:
            self._state.stretches += 1
        # (its id, not the islice: an exception leaving the stretch never reports it, and the
        # site would hold the iterator -- the program's list -- until the loop's next stretch)
        self._stretching = (id(part), n, _thread_time())
        return part

    def _from_this_element(self, it, frame=None):
        """(an iterator giving the element this iteration took and then the rest of ``it``'s,
        how many that is) for a loop whose instrumented code can run as written
        (``SiteInfo.plain``: codes 6 and 7); else None, and nothing moved. An iterator that
        cannot be moved back (a generator, a map, a file), given the loop's ``frame``: the
        element made again from the names the target bound, chained before the rest
        (binding them again binds the same values; the body has not run). Else a loop given
        up over a generator in a running frame counted on to its end, ~20-30 ns an
        iteration (generator_pipeline.py: 260,000 of them). A loop with loops in it only
        once they are all given up (``_nested_dead``, which reads ``frame``)."""
        if self.info.kind == "while":
            # (no iterator: the copy runs this iteration's body, then tests the condition as
            # written -- instrument.Instrumenter.loop; its iterations left are not known)
            if self.info.plain or self.info.nests and self._nested_dead(frame):
                return None, 0
            return None
        if it is None or not self.info.plain and not (self.info.nests and self._nested_dead(frame)):
            return None
        left = _length_hint(it) + 1         # (with the element this iteration took)
        again = rewound(it)
        if again is None and frame is not None and self.info.target is not None:
            values = frame.f_locals
            try:
                again = _chain((_made_again(self.info.target, values),), it)
            except KeyError:
                return None
            finally:
                let_go(frame, values)
        return None if again is None else (again, left)

    def _nested_dead(self, frame) -> bool:
        """Are the loops nested in this one all given up? (Their sites are among the
        constants of the code ``frame`` runs.) Only then may the rest of its run go on as
        the source has it (``SiteInfo.nests``): the nested loops there are unhooked too, and
        one the JIT may yet enter would lose its chance for the run (lru_cache.py's main loop
        over a generator, its loop over three caches given up, counted on, idle, for
        516,000 iterations: ~5% of the program's time)."""
        if frame is None:
            return False
        sites = {c.info.id: c for c in frame.f_code.co_consts if type(c) is LoopSite}
        mine = self.info.id
        for site in sites.values():
            p = site.info.parent
            while p >= 0 and p != mine:
                above = sites.get(p)
                p = above.info.parent if above is not None else -1
            if p == mine and not site.dead:
                return False
        return True

    def stretched(self, part):
        """The stretch over ``part`` ran to its end: its time per iteration is the baseline's
        (``JitController.timed_as_written``). (A run of this loop nested in the stretch --
        a recursive call -- may have had one of its own since: then not timed.)"""
        now = _thread_time()
        timing, self._stretching = self._stretching, None
        if timing is not None and timing[0] == id(part) and self._state is not None:
            self.runtime.controller.timed_as_written(self._state, timing[1], now - timing[2])

    def _die(self, frame=None):
        """The JIT gave up on this loop: from its next start on, the loop runs as written
        (``live``), and until then its hook is idle. (``frame``: the loop's frame; once every
        loop of its function is dead, the function gets the code CPython compiles.)"""
        self.dead = True
        self.live = False
        self._lane = None
        self.set_start(IDLE)
        if frame is not None:
            self.runtime.unhook(frame.f_code, frame.f_globals, frame)

    def release(self):
        """The program ended (``HookRuntime.close``): the loop runs as written from now on,
        and the site holds nothing of the program's (its targets' globals, its module-level
        loop's hidden iterator and last result: that loop has finished)."""
        self._die()
        self._targets = ByCode()
        self._lane = None
        self._state = None
        self._stretching = None
        self._split_runs = None
        self.i = self.r = None

    def _sleep(self, seconds: float):
        """The controller put the loop to sleep (``Decision.sleep``): from its next start
        on it runs as written, counting nothing, until ``seconds`` have passed and a hook
        -- this loop's in a run already under way, or any other's -- wakes it."""
        self.live = False
        self.wakes_at = _perf_counter() + seconds
        heapq.heappush(self.runtime.sleepers, (self.wakes_at, id(self), self))

    def wake(self):
        """Counted again from its next start: it trips after IDLE iterations."""
        self.wakes_at = 0.0
        self.live = True
        self.set_start(IDLE)
        self._counted = IDLE

    def fix(self, result):
        """The exception being re-raised gets the traceback and context the hook made.
        Returns the result's code, which the instrumented code keeps instead of the result
        (whose exception and traceback would hold the frame that holds them: a cycle only
        a collection frees)."""
        exc = result[4]
        exc.__traceback__ = result[6]
        exc.__context__, exc.__suppress_context__ = result[7]
        return result[1]

    def _first_target(self, frame, it):
        """The loop's target for ``frame``'s code, looked up at its first trip there (and
        the JIT's modules bound, at the first trip of all): a reason not to compile it, or
        the register bytecode's loop. (Not a loop over a generator: ``_trip`` gives it up.)"""
        target = None
        if UNBOUND is None:
            _bind_jit_modules()
        if it is not None and not self._targets and type(it) not in DICT_ITERATORS:
            # the first trip: an iterator native code never takes is known without
            # compiling the file to register bytecode (not a dict's: typing it reads
            # the whole dict, and the controller may refuse it unread)
            from ..jit.jtypes import OtherType, classify_sampled, over_objects
            if type(it) is lazysplit.CHAIN and self._split_runs:
                it = lazysplit.words_of(self._split_runs, it)      # (what native code would take)
            t = classify_sampled(it)
            if isinstance(t, OtherType) and not over_objects(it):
                target = _iterates_over(it, t)
        if target is None:
            target = self._target(frame)
        self._targets[frame.f_code] = target
        return target

    def _trip(self, frame, it, cells=None):
        began = _perf_counter()
        target = self._targets.get(frame.f_code)
        if target is None:
            target = _over_generator(it)
            if target is not None:
                # (known without the JIT's types, whose import is ~3-8 ms of a run whose
                # only hot loop may be this one)
                self._targets[frame.f_code] = target
        gate = self.runtime.gate
        if target is None and gate is not None and not (type(it) is lazysplit.CHAIN and self._split_runs):
            # (before the JIT's controller is made: a trip that could not start it is the
            # gate's, its modules not imported -- a lazily split text's words left are the
            # controller's to count)
            wait = gate.trip(self, it, frame, self._counted)
            if wait is not None:
                return self._gated(wait, frame, it)
        if target is None and gate is None and self.runtime.memory is not None and not self.runtime.start_now \
                and self.runtime.started:
            # (the JIT started for another loop: one an earlier run gave up on is left to the
            # baseline here too, before the controller types and samples it again --
            # tauraro.vm.start_memory)
            try:
                left = iterations_left(it) if it is not None else -1
            except Exception:       # (an iterator's own __length_hint__: the controller's to meet)
                left = -1
            reason = self.runtime.memory.given_up(self.filename, self.info.line, self.info.kind, left)
            if reason is not None:
                return self._gated(reason, frame, it)
        if target is None:
            # (the JIT's first look at the loop -- its modules imported at the first trip, the
            # file's register bytecode compiled or loaded -- makes thousands of containers, whose
            # young collections walked the program's young objects too: a list of 10^6 floats
            # just made, ~11 ms a collection, two of them, in a 56 ms program. Set aside, as a
            # compile's are: tauraro.jit.collector)
            with CompileAside():
                target = self._first_target(frame, it)
        if isinstance(target, str):
            self._state = self.runtime.unplaced(self.filename, self.info, target,
                                                getattr(frame.f_code, "co_qualname", "?"))
            self._die(frame)
            return self._as_written(it, frame=frame)
        st = self._state = target.state
        if st.dead:
            self._die(frame)
            return self._as_written(it, frame=frame)
        known = None        # (the iterations left at the header, if the iterator tells: trip's ``left``)
        if st.entry_least is not None and it is not None and self.info.plain:
            # (a run the controller refuses for its length, asked before the registers are
            # read and the iterator moved back, the trip's costliest part: its rest goes as
            # written, uncounted -- a refused trip of a 200-iteration run cost ~8 us, as much
            # as the run's work)
            left = _length_hint(it, -1)
            if left >= 0:
                known = left + 1
            if known is not None and self.runtime.controller.refuses_run(st, known, self._counted, target.parent):
                self._counted = 0
                rest = self._as_written(it, (known, 0, None, None, None, None), frame)
                st.refused_in(_perf_counter() - began)
                return rest
        code = target.code
        r = code.new_registers()
        if target.named or target.cells:
            local = frame.f_locals
            get = local.get
            for reg, name in target.named:
                r[reg] = get(name, UNBOUND)
            shared = dict(zip(cells.__code__.co_freevars, cells.__closure__)) if cells else {}
            for reg, name in target.cells:
                cell = shared.get(name)
                if cell is None:
                    v = get(name, UNBOUND)
                    cell = types.CellType() if v is UNBOUND else types.CellType(v)
                r[reg] = cell
            let_go(frame, local)
        real = restore = None
        if it is not None and st.copy_refused and type(it) in DICT_ITERATORS:
            # a loop over a dict an entry would not pay for: each try would type the whole
            # dict and skip through it again, so it stays with the baseline for good
            self.runtime.controller.give_up(st, st.status, st.reason)
            self._die(frame)
            return self._idle
        if it is not None:
            if type(it) is lazysplit.CHAIN and self._split_runs:
                seen, self._split_run = lazysplit.back(self._split_runs, it)
            else:
                seen = one_back(it)
            if seen is NOT_NOW:
                return (self.runtime.threshold, 0, None, None, None, None)
            if seen is None:
                self.runtime.controller.give_up(st, "not compiled", _iterates_over(it))
                self._die(frame)
                return self._idle
            real, back, restore = seen
            if back is not real and type(real) is _RANGE_ITER and _held(frame, real):
                # (a 3.12+ range iterator native code would take a stand-in for, which the
                # program also holds: a next() of it in the body would move the real one
                # only, and the stand-in's catching up would skip that element again)
                if restore is not None:
                    restore()
                self.runtime.controller.give_up(st, "not compiled", "the loop's iterator is held "
                                                "by a variable, and cannot be moved back in place")
                self._die(frame)
                return self._as_written(it, frame=frame)
            r[target.loop.target] = back
        counted, self._counted = self._counted, 0
        try:
            controller = self.runtime.controller
            native, compiled, started = st.native_seconds, st.compile_seconds, controller.engine_seconds
            decision = controller.trip(st, frame.f_globals, r, counted, target.parent, known,
                                       new_run=self._new_run(frame, real))
        except BaseException:
            if restore is not None:      # nothing ran: the baseline still holds the element
                restore()
            raise
        # (a loop over a range only: over a list or a tuple, its version copies them in, and
        # is never in the steady state)
        if decision.record is not None and target.lane and type(it) is _RANGE_ITER and self._split_runs is None:
            self._lane = (frame.f_code, target)
        return self._after_trip(frame, it, target, st, decision, r, real, restore, began, native, compiled,
                                started, controller)

    def held(self):
        """What --jit-stats says of a loop whose trips the start gate kept, if it was never
        asked of the controller: (kind, reason, qualname, status, iterations as written --
        a waiting loop's counted, but for those its countdown had left when it ended), else
        None."""
        p = self.probe
        if p is None or p.reason is None or self._state is not None:
            return None
        counted = p.mark if self.dead else max(p.mark, self._counted - ((self.d << CHUNK_BITS) + self.c))
        return self.info.kind, p.reason, p.qualname, p.status, counted

    def left_for(self, reason: str, qualname: str, frame=None):
        """Left to the baseline for ``reason`` before the controller judged it -- at the start
        gate, or for the start memory's verdict (``HookRuntime.unhook`` too: a loop held so
        dies with its function's others) -- said in its probe (made, for ``qualname``, if it
        has none), and dead (``frame``: see ``_die``)."""
        if self.probe is None:
            self.probe = Probe(qualname)
        self.probe.reason, self.probe.status = reason, "left to the baseline"
        self._die(frame)

    def _gated(self, wait, frame, it):
        """What the hook returns for a trip the start gate kept (``StartGate.trip``):
        ``wait``, the countdown to the loop's next trip -- its iterations counted on for
        the controller, if one is made -- or the reason the loop is left to the baseline."""
        if type(wait) is str:
            self.left_for(wait, getattr(frame.f_code, "co_qualname", "?"), frame)
            return self._as_written(it, frame=frame)
        self.set_start(wait)
        self._counted += wait
        self.runtime.waiting.add(self)
        parent = None
        outer = enclosing_site(self, frame)
        if outer is not None and not outer.dead:
            # (the enclosing loop trips next, as the controller has it -- ``Decision.parent``:
            # its work, this loop's runs in it, is the one that may pay for the start)
            parent = 1
            self._cut_parent(frame, parent)
        return (wait, 0, None, None, None, parent)

    def _lane_trip(self, target, frame, it):
        """The trip of a loop whose version is in its steady state (``JitController._steady``)
        and whose last trip entered it: ``_trip``'s path with what the lane's conditions
        (``Target.lane``, a range iterator) make sure of not asked again -- the loop found
        by its frame's code, a generator, a dict's or a lazily split text's iterator, a
        refusal before the registers are read. None, nothing changed, where the trip must go
        the whole way: the loop is not in its steady state, the run is too near its end to
        pay, the iterator cannot be moved back, the version does not take the values. (The
        round trip of a 200-iteration sum's entry was ~15 us, two thirds of it not the native
        run's or its copies'; ``bench/entry_overhead.py``.)"""
        began = _perf_counter()
        st = target.state
        controller = self.runtime.controller
        version = controller.steady_version(st)
        if version is None:
            return None
        left = _length_hint(it, -1)
        if left < 0 or controller.run_ends_soon(st, left + 1):
            return None
        seen = one_back(it)
        if type(seen) is not tuple:
            return None
        real, back, restore = seen
        r = target.code.new_registers()
        local = frame.f_locals
        get = local.get
        for reg, name in target.named:
            r[reg] = get(name, UNBOUND)
        # (a 3.12+ range iterator the program also holds: _trip gives the loop up)
        held = back is not real and _holds(local, real)
        let_go(frame, local)
        if held:
            if restore is not None:
                restore()
            return None
        r[target.loop.target] = back
        counted, self._counted = self._counted, 0
        last_run = self._run_iterator
        try:
            native, compiled, started = st.native_seconds, st.compile_seconds, controller.engine_seconds
            decision = controller.steady(st, version, frame.f_globals, r, counted, target.parent, left + 1,
                                         self._new_run(frame, real))
        except BaseException:
            if restore is not None:
                restore()
            raise
        if decision is None:
            if restore is not None:
                restore()
            self._counted, self._run_iterator = counted, last_run
            return None
        if decision.record is not None:
            st.lane_entries += 1
        return self._after_trip(frame, it, target, st, decision, r, real, restore, began, native, compiled,
                                started, controller)

    def _after_trip(self, frame, it, target, st, decision, r, real, restore, began, native, compiled, started,
                    controller):
        """What the hook returns after the controller's ``decision`` for a trip that began at
        ``began`` (``perf_counter``): the site's counts set, the resume interpreter run from
        the exit's instruction if native code ran, the loop's values for the baseline (from
        ``r``, the registers the controller was given). ``real``, ``restore``: the iterator
        the baseline holds, and how to undo moving it back (``rewind.one_back``); ``native``,
        ``compiled``, ``started``: the loop's native and compile seconds and the JIT's start
        seconds before the trip."""
        record = decision.record
        if st.sample_request is not None:
            # (where its native runs would leave, sampled in its next iterations as written
            # before its compile: tauraro.vm.linesample)
            request, st.sample_request = st.sample_request, None
            if not st.dead:
                st.exit_sample = LineSample(*request)
                st.exit_sample.start(frame)
        dead = st.dead
        if dead:
            self._die(frame)
        else:
            # what the loop's next run starts from: the controller's choice, else the
            # countdown this run goes on with (the run keeps the lower when it ends)
            self.set_start(st.start if st.start is not None else decision.countdown)
        self._counted = decision.countdown
        if decision.parent is not None and self.info.parent >= 0:
            self._cut_parent(frame, decision.parent)
        runtime = self.runtime
        if controller.engine is None:
            if record is None and not dead:
                runtime.waiting.add(self)
        elif runtime.waiting:
            runtime.jit_started()
        if decision.sleep and not dead:
            self._sleep(decision.sleep)
            self._counted = IDLE
            if restore is not None:
                restore()
            return (IDLE, 0, None, None, None, decision.parent)
        if record is None:
            if restore is not None:
                restore()
            counting = (decision.countdown, 0, None, None, None, decision.parent)
            if decision.stretch and not st.dead:
                part = self._stretch(it, decision.stretch)
                if part is not None:
                    return (decision.countdown, 7, part, None, None, decision.parent)
            if st.dead or st.copy_refused and self.info.kind == "for":
                # (no entry in this run: given up, or refused for what it would copy, which
                # a for loop's shrinking work left will not pay for later in the run -- a
                # while loop's work so far, which its limit grows with, may)
                return self._as_written(it, counting, frame)
            return counting
        if stop_outcome is None:
            _bind_resume()
        if not self._entered_once:
            self._entered_once = True
            _wake_function(frame.f_code)
        # (the baseline's iterator moved as far as native code moved the stand-in before the
        # rest of the iteration runs: a dict iterator caught up after the body deleted an
        # entry behind it and added one counted the entry as never given, and the run's end
        # never raised CPython's "dictionary keys changed during iteration")
        behind = real is not None and not self._caught_up(real, r[target.loop.target], restore)
        t0 = time.perf_counter()
        resumed = st.resume_seconds
        if record.callees:
            outcome, value, pc = _resume_callees(target, record, r, frame.f_globals,
                                                 controller.callee_registers, frame)
        else:
            at = stop_outcome(target.code, target.loop, target.returns, record.pc, r)
            # (the calls the resumed iteration makes run as deep as CPython's would: the
            # hook's frames are taken off the recursion limit's count)
            outcome, value, pc = at if at is not None else \
                deeper(_frames_below(frame), target.resume.run, r, record.pc)
        st.resume_seconds += time.perf_counter() - t0
        if behind and outcome == HEADER:
            # native code stopped before the element the baseline holds: its body is still to run
            return (decision.countdown, 0, None, None, None, decision.parent)
        values = target.values(r)
        if st.compile_seconds == compiled and controller.engine_seconds == started:
            # (what the round trip cost beside the native run and the resume interpreter, for
            # the controller's judgement of the next runs' entries: JitController._run_ending.
            # Not one that compiled -- the version, its generated entry code -- or started
            # the JIT: the next entries pay neither)
            st.entered(_perf_counter() - began - (st.native_seconds - native) - (st.resume_seconds - resumed))
        interrupted = controller.interrupted
        if interrupted is not None:
            # Ctrl-C (or a signal handler's exception) arrived while native code ran: raised
            # now, at the loop's back edge, the handler's frames below it
            controller.interrupted = None
            if outcome == HEADER:
                outcome, value, pc = RAISE, interrupted.with_traceback(signal_handler_tail(interrupted)), \
                    (_back_edge(target),)
        if outcome == HEADER:
            return (decision.countdown, 1, values, UNBOUND, None, decision.parent)
        if outcome == BREAK:
            return (decision.countdown, 2, values, UNBOUND, None, decision.parent)
        if outcome == RETURN:
            return (decision.countdown, 3, values, UNBOUND, value, decision.parent)
        exc = value
        tb = _traceback_entries(frame, target.code, pc, exc.__traceback__)
        return (decision.countdown, 4, values, UNBOUND, exc, decision.parent, tb,
                (exc.__context__, exc.__suppress_context__))

    def _caught_up(self, real, seen, restore) -> bool:
        """``rewind.catch_up``, or for a lazily split run's iterator ``lazysplit.settle``."""
        run = self._split_run
        if run is not None and real is run.it:
            self._split_run = None
            return lazysplit.settle(run, seen, True)
        return catch_up(real, seen, restore)

    # --- finding the loop in the register bytecode ---------------------------------------------
    def _target(self, frame):
        fcode = frame.f_code
        mod = self.runtime.register_code(self.filename)
        if isinstance(mod, str):
            return mod
        code = mod.compiled_from(fcode)
        if code is None:
            return "no register code for %s" % fcode.co_qualname
        info = self.info
        loop = _loop_of(code, info)
        if loop is None:
            return "no loop at line %d in the register code" % info.line
        for pc in range(loop.header, loop.end):
            name = code.instrs[pc].op.name
            if name in NOT_RESUMABLE:
                return "the loop holds %s" % name
        if info.kind == "while" and not _pure_test(code, loop):
            return "the loop's test assigns variables"
        controller = self.runtime.controller
        controller.register(code)
        for site in fcode.co_consts:
            if type(site) is LoopSite and site.probe is not None:
                # (the loops of this code whose trips the start gate kept: what it learnt of
                # them -- iterations, runs, timing -- is the controller's from now on. An
                # enclosing loop's work is weighed by its nested loops' iterations)
                found = _loop_of(code, site.info)
                if found is not None:
                    site._counted -= site.probe.hand_over(controller.state(code, found.id), controller)
                    site.probe = None
        st = controller.state(code, loop.id)
        st.goes_plain = info.plain      # (a run it will not enter goes on as written: _as_written)
        parent = controller.state(code, loop.parent) if loop.parent >= 0 else None
        returns = {pc: v for pc, v, ids in code.return_sites if loop.id in ids}
        cell_regs = {reg for _, reg in code.cellvars} | {reg for _, reg in code.freevars}
        named = [(reg, name) for reg, name in code.regnames.items()
                 if reg < code.nregs and reg not in cell_regs and code.kind != "module"]
        cells = [(reg, name) for name, reg in list(code.cellvars) + list(code.freevars)]
        by_name = {name: reg for reg, name in code.regnames.items()}
        written = []
        for name in info.written:
            reg = by_name.get(name)
            written.append(None if reg is None else (reg, reg in cell_regs))
        return Target(code, loop, st, parent, frame.f_globals, returns, named, cells, written)


def _loop_of(code, info):
    """The loop of register bytecode ``code`` that the site of ``info`` hooks, or None."""
    return next((l for l in code.loops if l.line == info.line and l.kind == info.kind), None)


_PLAIN_ITERATORS = (_RANGE_ITER, type(iter([])), type(iter(())))


def _over_generator(it):
    """Why a loop over ``it`` is not compiled, where that is known without the JIT's types
    (``_iterates_over``'s words): it is a generator, or a zip of generators and range, list
    or tuple iterators (``enumerate(gen)`` in a ``for`` header, which the baseline makes a
    zip). Else None."""
    t = type(it)
    if t is types.GeneratorType:
        return "the loop iterates over a generator"
    if t is zip:
        state = it.__reduce__()
        if len(state) == 2:
            gens = [x for x in state[1] if type(x) is types.GeneratorType]
            if gens and all(type(x) is types.GeneratorType or type(x) in _PLAIN_ITERATORS for x in state[1]):
                return "the loop iterates over a zip over " + ", ".join("generator" for _ in gens)
    return None


def _iterates_over(it, t=None) -> str:
    """Why a loop over ``it`` is not compiled: its iterator's type ``t``, else typed by a
    sample (a zip of two 300,000-element lists typed whole cost a loop never compiled ~60 ms)."""
    if t is None:
        from ..jit.jtypes import classify_sampled
        t = classify_sampled(it)
    return "the loop iterates over a %s" % t.name


def _other_threads() -> bool:
    """Does the program run threads besides this one? (tauraro.jit.threads)"""
    return program_threads()


def _pure_test(code, loop) -> bool:
    """Re-running a while loop's test from the header is exact (it assigns nothing)."""
    for pc in loop.header_pcs(code):
        ins = code.instrs[pc]
        if ins.op.name == "JUMP_BACK":
            continue
        if ins.op.name.startswith(("STORE", "DELETE")):
            return False
        for reg in ins.op.written(ins.args):
            if reg in code.regnames:
                return False
    return True


def _value(r, w):
    if w is None:
        return UNBOUND
    reg, cell = w
    v = r[reg]
    if cell:
        try:
            return v.cell_contents
        except ValueError:
            return UNBOUND
    return v


# --- exits inside inlined callees -----------------------------------------------------------

_CALL_RESUMES: dict = {}


def _call_resume(ftype, G):
    key = (ftype.register_code, id(G))
    res = _CALL_RESUMES.get(key)
    if res is None:
        res = _CALL_RESUMES[key] = CallResume(ftype.register_code, G)
    return res


def _resume_callees(target, record, r, G, registers, frame=None):
    """An exit inside inlined callees: run the innermost callee's frame from where native
    code left it, then each caller from its call (with the result, or raising what the
    callee raised, a traceback entry for the callee's frame added), up to the loop's.

    Each callee's code runs two frames below this one (``run`` and a block), where under
    CPython it ran its depth of calls below the loop's ``frame``: the recursion limit is
    moved by the difference while it runs, so a call it makes near the limit raises
    RecursionError where CPython's would (tests/test_jit_calls.py, changing depths)."""
    frames, callees = record.frames, record.callees
    below = _frames_below(frame)
    kind, value, at = deeper(below - len(callees), _call_resume(callees[-1][1], G).run,
                             registers[-1], frames[-1][1])
    for k in range(len(callees) - 1, -1, -1):
        _, ftype, dest = callees[k]
        if kind != RAISE and getattr(dest, "constructed", False):
            # the __init__ of C(...) that native code was making (jit.exits.NewObject): the
            # call's result is the object, as type.__call__ gives it
            if value is not None:
                kind, value = RAISE, TypeError("__init__() should return None, not '%s'" % type(value).__name__)
                at = ()
            else:
                value = registers[k][0]
        if kind == RAISE:
            for pc in reversed(at):
                value.__traceback__ = _callee_entry(ftype, pc, value.__traceback__)
        caller_pc = frames[k][1]
        if k == 0:          # (the loop's own frame: ``below`` frames deeper than CPython's)
            if kind == RAISE:
                # (a handler of the loop catching it finds the loop's frame in its traceback,
                # at the call, before the callee's entry; one escaping gets it from _trip)
                return deeper(below, target.resume.run, r, caller_pc, exc=value,
                              caught=lambda e: _entered_at(e, frame, target.code, caller_pc))
            r[dest] = value
            return deeper(below, target.resume.run, r, caller_pc + 1)
        res, regs = _call_resume(callees[k - 1][1], G), registers[k - 1]
        if kind == RAISE:
            kind, value, at = deeper(below - k, res.run, regs, caller_pc, exc=value)
        else:
            regs[dest] = value
            kind, value, at = deeper(below - k, res.run, regs, caller_pc + 1)


def _frames_below(frame) -> int:
    """How many frames the frame running a resumed callee's block (``deeper``, ``run``,
    the block: three below the caller of this function) is below ``frame``; 0 if
    ``frame`` is not given."""
    if frame is None:
        return 0
    f, n = sys._getframe(1), 3
    while f is not None and f is not frame:
        f, n = f.f_back, n + 1
    return n if f is not None else 0


_STAND_INS: dict = {}


def _callee_entry(ftype, pc, tb_next):
    """A traceback entry for a frame of the inlined function ``ftype`` at register
    instruction ``pc``: CPython never made that frame, so a stand-in stands for it --
    a frame of a code object with the function's name, file and the instruction's source
    position, which is what a traceback shows of a frame."""
    ins = ftype.register_code.instrs[pc]
    line, pos = ins.line, ins.pos
    fcode = ftype.func.__code__
    key = (fcode, pos, line)
    frame = _STAND_INS.get(key)
    if frame is None:
        frame = _STAND_INS[key] = _stand_in_frame(fcode, ftype.func.__globals__, pos, line)
    return types.TracebackType(tb_next, frame, _lasti(frame.f_code, pos, line), line)


def _stand_in_frame(fcode, G, pos, line):
    from ..boundary import BOUNDARY
    with BOUNDARY:      # (the first time a callee's frame is rebuilt: not at every start)
        import ast
    if pos is None or None in pos:
        pos = (line, line, 0, 0)
    lineno, end_lineno, col, end_col = pos

    def at(node):
        node.lineno, node.end_lineno, node.col_offset, node.end_col_offset = lineno, end_lineno, col, end_col
        return node
    call = at(ast.Call(func=at(ast.Name(id="_f", ctx=ast.Load())), args=[], keywords=[]))
    fn = ast.FunctionDef(name=fcode.co_name, args=ast.arguments(posonlyargs=[], args=[ast.arg(arg="_f")],
                                                                kwonlyargs=[], kw_defaults=[], defaults=[]),
                         body=[at(ast.Return(value=call))], decorator_list=[], returns=None, type_params=[])
    fn.lineno, fn.col_offset, fn.end_lineno, fn.end_col_offset = fcode.co_firstlineno, 0, end_lineno, 0
    module = compile(ast.fix_missing_locations(ast.Module(body=[fn], type_ignores=[])), fcode.co_filename, "exec")
    code = next(c for c in module.co_consts if isinstance(c, types.CodeType))
    if hasattr(code, "co_qualname"):
        code = code.replace(co_qualname=fcode.co_qualname)
    return types.FunctionType(code, G, fcode.co_name)(sys._getframe)


# --- tracebacks in the program's frame -------------------------------------------------------

def _entered_at(exc, frame, code, pc):
    """``exc`` with ``frame``'s traceback entry at register instruction ``pc`` in front."""
    if frame is not None:
        exc.__traceback__ = _traceback_entry(frame, code, pc, exc.__traceback__)
    return exc


def _back_edge(target) -> int:
    """The pc of the loop's last backward jump, where CPython would have run the signal
    handler that raised while native code ran (the compiler gives it CPython's position);
    the loop's header if there is none."""
    instrs = target.code.instrs
    for pc in range(target.loop.end - 1, target.loop.header, -1):
        if instrs[pc].op.name == "JUMP_BACK":
            return pc
    return target.loop.header


def _traceback_entries(frame, code, pcs, tb_next):
    """``tb_next`` with ``frame``'s entries at register instructions ``pcs`` in front, the
    first of them first (resume.LoopResume.run's RAISE)."""
    for pc in reversed(pcs):
        tb_next = _traceback_entry(frame, code, pc, tb_next)
    return tb_next


def _traceback_entry(frame, code, pc, tb_next):
    """A traceback entry for ``frame`` at the CPython instruction with the source
    position of register instruction ``pc``."""
    ins = code.instrs[pc] if 0 <= pc < len(code.instrs) else None
    line = ins.line if ins is not None else frame.f_lineno
    pos = ins.pos if ins is not None else None
    lasti = _lasti(frame.f_code, pos, line)
    return types.TracebackType(tb_next, frame, lasti, line)


_LASTI_CACHE: dict = {}


def _lasti(fcode, pos, line) -> int:
    key = (fcode, pos, line)
    off = _LASTI_CACHE.get(key)
    if off is None:
        off = -1
        fallback = -1
        for i, p in enumerate(fcode.co_positions()):
            if pos is not None and p == pos:
                off = i * 2
                break
            if fallback < 0 and p[0] == line:
                fallback = i * 2
        if off < 0:
            off = max(fallback, 0)
        _LASTI_CACHE[key] = off
    return off
