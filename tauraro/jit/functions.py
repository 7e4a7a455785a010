"""Whole functions compiled: a recursive function of the program as one wasm function.

The function's register bytecode is typed as a whole-function region for the types
of the arguments of the call that got hot (``inline.compiled_whole``), twice: first
with its calls of itself unknown, which finds what its other paths return (the base
cases), then with those calls typed as native calls returning that. Calls of other
functions are inlined (``tauraro.jit.inline``), or called natively compiled whole. The IR is recorded with the function's returns ending the
graph and its calls of itself as ``call_self``; every exit becomes a failure of the
whole native call (``Emitter.build_function``). A failure changes nothing the program
can see, so the interpreter then makes the call as written: CPython computes the result,
raises the exception, or reaches its recursion limit exactly where it would have anyway.

The only stores it may make are into lists (of numbers or bools) it is passed
(docs/jit-data.md, "Functions compiled whole that take lists"). Called from the
interpreter, each call copies its lists into the version's memory (``copy_in``), and the
lists it stored into are written back only after a native call that succeeded
(``written_back``): a failure leaves the program's lists untouched. Called natively from
a compiled loop, the lists are the loop's records: there its stores are logged and a
failure undoes them (``tauraro.jit.emit``: ``call_fn``, ``undo_log``).
"""
from __future__ import annotations

import os
import struct
import sys
import time

from ..cache import compiled
from ..compiler.code import UNBOUND
from .infer import NeedsResizing, NotCompilable
from .inline import Inliner, whole_argument, whole_object
from .jtypes import (BOOL, FLOAT, I64_MAX, I64_MIN, INT, NONE, UNBOUND_T, BuiltinType, ClassType,
                     FunctionType, InstanceType, ModuleType, class_lookup, classify, lookup_unchanged, resizable_type)
from .region import FunctionRegion
from .threads import program_threads_test

# the later stages' names this module uses once a function has typed (``_bind_stages``):
# a function found not to compile at its typing never imports them
COPY_LIMIT = EntryRecords = TooMuchToCopy = static_test = wasm_type = None

MARGIN = 30     # Python frames kept free below the recursion limit (the interpreter's own)
# the file name of the generated code: in Tauraro's folder, so that a traceback passing
# through it (a Ctrl-C during a native run) leaves it out, as it leaves out Tauraro's files
_GENERATED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "<function %s>")


class FunctionVersion:
    """One compiled version: the native entry, how arguments go in and the result
    comes out, and the globals it read as constants (checked at every call)."""

    def __init__(self, function, entry, instance, types, result, constants, class_attributes, graph, stages,
                 wasm, text, snapshots, layout=None, method=False):
        self.function = function                            # its FunctionType
        self.entry = entry
        # lists, tuples and objects it takes: copied into its memory per call (FunctionMemory)
        self.lists = [i for i, t in enumerate(types) if whole_argument(t) or whole_object(t)]
        # a method calling itself through self: its prologue passes no function, the site
        # finds it (hooks.method_running), and its calls check the class still has it
        self.method = method
        self.memory = FunctionMemory(layout, instance) if self.lists else None
        self.copy_seconds = 0.0     # the time copy_in and written_back took (judging calls)
        self.too_much = False       # a call's lists were more than a call may copy (copy_in)
        self.words = instance.memory_view().cast("i")      # [Ctrl-C flag, status, ...]
        self.memory_address = instance.memory_address       # (for the Ctrl-C watchdog)
        self.types = types
        self.result = result
        # (name, value, its JType): the globals the function reads
        self.constants = constants
        self.class_attributes = class_attributes    # ((class, name), raw) read at compile time
        self.graph = graph
        self.stages = stages
        self.wasm = wasm
        self.text = text
        self.snapshots = {s.id: s for s in snapshots}
        self.site_calls = {}        # (the controller's) site entries made for this version
        # its own loops' iteration counts, in memory (Emitter.function_body: count_loops)
        self.instance = instance
        self.counter_off = dict(layout.counter_off) if layout is not None else {}
        self.unchanged = self._generate(self._unchanged_source)["unchanged"]

    def drop_stages(self):
        """Let go of what only --jit-dump reads, once it has (CompiledLoop.drop_stages): the
        snapshots are kept, exits resume from them."""
        self.graph = self.stages = self.text = None

    def loop_iterations(self) -> dict:
        """header pc -> the iterations its loop has run natively, in all the native calls of
        this version that returned (a recursive call's included)."""
        if not self.counter_off:
            return {}
        view = self.instance.memory_view()
        return {h: _unpack_word(view, off)[0] for h, off in self.counter_off.items()}

    def arguments(self, args):
        """The wasm arguments, or None if a value does not fit its type. (A version taking
        lists: (the wasm arguments, the EntryRecords to write back), see ``copy_in``.)"""
        if self.lists:
            return self.copy_in(args)
        out = []
        for a, t in zip(args, self.types):
            if t is INT:
                if not I64_MIN <= a <= I64_MAX:
                    return None
                out.append(a)
            elif t is BOOL:
                out.append(1 if a else 0)
            else:
                out.append(a)
        return out

    def copy_in(self, args):
        """(the wasm arguments, the EntryRecords holding the lists' records) for a call with
        ``args``, or None if a value does not fit its type or the lists do not fit the
        memory. Each list or tuple is copied into the version's memory (one record per
        object, so the same list passed twice is one record); native code stores into those
        copies only, so a native call that fails leaves the program's lists as they were at
        the call, and the interpreter makes the call again from scratch. After a native call
        that succeeds, ``written_back`` writes back the lists it stored into."""
        t0 = _clock()
        recs = EntryRecords(self.memory)
        out = []
        try:
            for a, t in zip(args, self.types):
                if t is INT:
                    if type(a) is not int or not I64_MIN <= a <= I64_MAX:
                        return None
                    out.append(a)
                elif t is BOOL:
                    if type(a) is not bool:
                        return None
                    out.append(1 if a else 0)
                elif t is FLOAT:
                    if type(a) is not float:
                        return None
                    out.append(a)
                elif isinstance(t, InstanceType):
                    addr = recs.record(a, t)        # (its class, layout and fields checked)
                    if addr is None:
                        return None
                    out.append(addr)
                else:
                    if type(a) is not (list if t.kind == "list" else tuple):
                        return None
                    addr = recs.record(a, t)
                    if addr is None:
                        return None
                    out += [addr] if t.resizable else [addr, len(a)]
        except TooMuchToCopy:
            self.too_much = True
            return None
        finally:
            self.copy_seconds += _clock() - t0
        return out, recs

    def written_back(self, recs):
        """After a native call that succeeded: the lists it stored into get their elements,
        the objects their fields (a method's ``self.n += 1``: lost, when only lists were
        looked at)."""
        if recs.mutable or recs.objects or recs.object_blocks:
            t0 = _clock()
            recs.writeback(self.memory.view)
            self.copy_seconds += _clock() - t0

    def value(self, r):
        t = self.result
        if t is BOOL:
            return r != 0
        if t is NONE:
            return None
        return r

    # --- the generated code ------------------------------------------------------------------
    # What a call of the version needs checked is known per version: it is generated as
    # straight-line Python (as tauraro.jit.transfer generates a loop's entry), so that the
    # baseline's call of a function compiled whole costs a few type and identity checks
    # around the native run, not a classification of every value.

    def _generate(self, source, *args):
        ns = {"UNB": UNBOUND}

        def const(value):
            name = "K%d" % len(ns)
            ns[name] = value
            return name
        text = source(const, *args)
        exec(compiled(text, _GENERATED % self.function.func.__qualname__), ns)
        return ns

    def _constant_checks(self, const, G: str, B: str, fail: str, indent: str) -> list[str]:
        """Lines running ``fail`` unless every global the version read (as the dicts ``G``,
        then ``B``, the builtins, give it) and every class attribute it read still is what it
        was at compile time. The global naming the function itself is left out: the
        baseline's call has just read that name to find the function it passes (whose
        identity, code and defaults are the version's: checked before these lines run)."""
        ft = self.function
        lines = []
        for name, value, jt in self.constants:
            if name == ft.code.co_name and value is ft.func:
                continue
            lines += ["%sv = %s.get(%r, UNB)" % (indent, G, name),
                      "%sif v is UNB:" % indent,
                      "%s    v = %s.get(%r, UNB)" % (indent, B, name),
                      "%sif not (%s):" % (indent, static_test("v", jt, const)),
                      "%s    %s" % (indent, fail)]
        for (klass, name), raw in self.class_attributes:
            lines += ["%sif not (%s):" % (indent, lookup_unchanged(klass, name, raw, const)),
                      "%s    %s" % (indent, fail)]
        return lines

    def _unchanged_source(self, const):
        """``unchanged(G, B)``: may the version run with the globals ``G`` and builtins ``B``?"""
        checks = self._constant_checks(const, "G", "B", "return False", "    ")
        return "\n".join(["def unchanged(G, B):"] + checks + ["    return True"]) + "\n"

    def site_call(self, G, builtins, site, failed, watchdog, stats=None, up=1):
        """The baseline's call of the function for this version: what ``site.call(func,
        *args)`` does (``tauraro.vm.hooks.FunctionSite``), generated with only the checks
        this version needs. The function, its arguments' types and the globals it reads
        are checked (else ``site.slow``: the controller finds or compiles another version);
        with no profiler or tracer, and native depth left below the recursion limit, the
        native run answers the call (a failure: ``failed(func, status)``; an error of the
        JIT's own: ``site.broken``); else the site (the baseline makes the call).

        ``stats``: where calls answered and the native runs' time are counted (None: not
        counted, when no statistics are asked for). ``up``: the baseline's frame is this
        many frames up (1: the function is ``site.call``, called by the prologue; 2:
        something calls it from there)."""
        return self._generate(self._site_call_source, G, builtins, site, failed, watchdog, stats, up)["call"]

    def _site_call_source(self, const, G, builtins, site, failed, watchdog, stats, up):
        ft = self.function
        params = ["a%d" % i for i in range(len(self.types))]
        args = "(%s)" % "".join(p + ", " for p in params)
        slow = "return %s(func, %s, %s(%d))" % (const(site.slow), args, const(sys._getframe), up)
        if self.method:
            # (the prologue passes None: the method is the one the object's class has under
            # its name, as the version's; the object's class is checked by copy_in)
            fn = const(ft.func)
            checks = ["%s(type(a0), %r) is %s" % (const(class_lookup), ft.code.co_name, fn)]
        else:
            fn = "func"
            checks = ["func is %s" % const(ft.func)]
        from .transfer import function_unchanged
        checks += function_unchanged(fn, ft, const)
        wasm_args = []
        lists = bool(self.lists)
        for p, t in zip(params, self.types):
            if lists:
                continue        # (checked by copy_in)
            if t is INT:
                checks.append("type(%s) is int and %d <= %s <= %d" % (p, I64_MIN, p, I64_MAX))
                wasm_args.append(p)
            elif t is BOOL:
                checks.append("type(%s) is bool" % p)
                wasm_args.append("1 if %s else 0" % p)
            else:
                checks.append("type(%s) is float" % p)
                wasm_args.append(p)
        depth = const([0])      # the root frame's index seen from the generated function
        lines = ["def call(func, %s):" % ", ".join(params),
                 "    if not (%s):" % " and\n            ".join(checks),
                 "        " + slow]
        if self.method:
            lines.append("    func = %s" % const(ft.func))
        lines += self._constant_checks(const, const(G), const(builtins), slow, "    ")
        # (a tracer, a profiler, a monitoring tool: ``site.watched``; the program's threads,
        # native code running in one thread at a time: ``site.busy``, asked only if there are
        # -- each test written out, not called: two or three Python frames a call, ~0.25 us)
        lines += ["    if %s:" % site.watched_test(const),
                  "        return %s" % const(site.miss),
                  "    if (%s) and %s():" % (program_threads_test(const), const(site.busy)),
                  "        return %s" % const(site.miss),
                  "    frame = %s(%d)" % (const(sys._getframe), up),
                  "    if frame.f_code is not %s or frame.f_globals is not %s:" % (const(ft.code), const(G)),
                  "        return %s(func, %s, frame)" % (const(site.slow), args),
                  # the depth of the stack: the last call's, if the frame at that depth is still
                  # the first (an O(depth) walk in C), else counted again
                  "    d = %s[0]" % depth,
                  "    try:",
                  "        known = %s(d).f_back is None" % const(sys._getframe),
                  "    except ValueError:",
                  "        known = False",
                  "    if not known:",
                  "        d = %s[0] = %s(frame) + %d" % (depth, const(stack_depth), up - 1),
                  "    limit = %s() - d - %d" % (const(sys.getrecursionlimit), MARGIN - (up - 1)),
                  "    if limit < 1:",
                  "        return %s" % const(site.miss)]
        if stats is not None:
            lines.append("    t0 = %s()" % const(time.perf_counter))
        if lists:
            lines += ["    w = %s(%s)" % (const(self.copy_in), args),
                      "    if w is None:",
                      "        " + slow]
            if stats is not None:       # (the copying is not the native run's time)
                lines.append("    t0 = %s()" % const(time.perf_counter))
            call = "r = %s(*w[0], limit)" % const(self.entry)
        else:
            call = "r = %s(%s)" % (const(self.entry), ", ".join(wasm_args + ["limit"]))
        if watchdog is not None:
            lines += ["    %s.address = %s" % (const(watchdog), const(self.memory_address))]
        lines += ["    try:",
                  "        " + call,
                  "    except Exception as e:         # an error of the JIT's, not of the program",
                  "        return %s(func, e)" % const(site.broken)]
        if watchdog is not None:
            lines += ["    finally:",
                      "        %s.address = None" % const(watchdog)]
        if stats is not None:
            lines.append("    %s.native_seconds += %s() - t0" % (const(stats), const(time.perf_counter)))
        lines += ["    status = %s[1]" % const(self.words),
                  "    if status:",
                  "        return %s(func, status)" % const(failed)]
        if lists:
            lines.append("    %s(w[1])" % const(self.written_back))
        if stats is not None:
            lines.append("    %s.native_iterations += 1" % const(stats))
        if self.result is BOOL:
            lines.append("    return r != 0")
        elif self.result is NONE:
            lines.append("    return None")
        else:
            lines.append("    return r")
        return "\n".join(lines) + "\n"


# the time compiles spent importing the stages (the first compile's: the JIT's start, not
# the function's compile -- as a loop's compile leaves its imports out)
stage_import_seconds = 0.0


def _bind_stages():
    """Import what a typed function's compile and its versions use (the recorder's, the
    emitter's and the entry code's modules come with them): only once a function has typed.
    binary_trees.py's tree builders, hot recursive functions returning objects, are found not
    to compile by their typing; importing the stages and starting the engine first cost that
    program ~30-40 ms for nothing."""
    global COPY_LIMIT, EntryRecords, TooMuchToCopy, static_test, wasm_type
    if wasm_type is None:
        from .ir.graph import wasm_type as _wasm_type
        from .layout import COPY_LIMIT as _limit, TooMuchToCopy as _too_much
        from .transfer import EntryRecords as _records, static_test as _static_test
        COPY_LIMIT, EntryRecords, TooMuchToCopy, static_test = _limit, _records, _too_much, _static_test
        wasm_type = _wasm_type


def compile_function(ftype: FunctionType, types: tuple, G: dict, builtins: dict, code_for,
                     engine_of, name: str, dump: bool, method=False, start_engine=None):
    """A FunctionVersion of ``ftype`` for arguments of ``types`` (raises NotCompilable);
    ``engine_of()`` gives the engine, asked for once the wasm is made; ``start_engine()``, if
    given, is called once the function has typed -- the JIT's start under way while its code
    is made, not for a function that does not type; ``method``: a method calling itself
    through ``self`` (see FunctionVersion)."""
    code = ftype.register_code or code_for(ftype.func)
    if code is None:
        raise NotCompilable("its register bytecode is not available")
    ftype.register_code = code
    region = FunctionRegion(code)
    # the globals it reads: functions, builtins, modules and classes known now, checked at
    # each call
    constants = []
    global_types = {}
    reads, writes = region.global_names()
    if writes:
        raise NotCompilable("it assigns the global '%s'" % sorted(writes)[0])
    for g in sorted(reads):
        value = G.get(g, builtins.get(g, _MISSING))
        t = classify(value, G) if value is not _MISSING else UNBOUND_T
        if not isinstance(t, (FunctionType, BuiltinType, ModuleType, ClassType)):
            raise NotCompilable("it reads the global '%s' (a %s)" % (g, t.name))
        global_types[("g", g)] = t
        constants.append((g, value, t))
    try:
        inliner = Inliner(code_for, copies_arguments=True, home=ftype.func.__globals__)
        inf = inliner.compiled_whole(ftype, list(types), global_types)
    except NeedsResizing:
        # (it appends to, pops or inserts into a list it is passed: every list typed
        # resizable, as a loop's are; the call's copies are the undo)
        types = tuple(map(resizable_type, types))
        inliner = Inliner(code_for, copies_arguments=True, home=ftype.func.__globals__)
        inf = inliner.compiled_whole(ftype, list(types), global_types)
    if isinstance(inf, str):
        raise NotCompilable(inf)
    if start_engine is not None:
        start_engine()
    global stage_import_seconds
    t0 = time.perf_counter()
    _bind_stages()
    from .emit import Emitter
    from .ir.passes import optimize
    from .ir.record import Unsupported, record
    from .layout import FrameLayout, called_regions
    stage_import_seconds += time.perf_counter() - t0
    params, result = list(types), inf.result
    layout = FrameLayout(region, {}, set(), called_regions(inf), inference=inf)
    try:
        graph = record(inf, set(), layout.constants, name, result=result)
        stages = [("as recorded", graph.text())] if dump else []
        optimize(graph, stages if dump else None)
        emitter = Emitter(graph, layout, name, {}, annotate=dump)
        wasm, module = emitter.build_function([(r, t) for r, t in enumerate(params)], wasm_type(result))
    except Unsupported as e:
        raise NotCompilable(str(e)) from None
    engine = engine_of()
    native = engine.compile(wasm)
    instance = engine.instantiate(native)
    entry_fn = instance.entry("call")
    return FunctionVersion(ftype, entry_fn, instance, tuple(params), result, constants,
                           list(inliner.class_attributes.items()), graph, stages, wasm, module.to_text,
                           graph.snapshots, layout, method)


def native_depth_limit(frame) -> int:
    """How deep native recursion may go from ``frame``: below what CPython's recursion
    limit leaves, so that where CPython would raise RecursionError native code fails first."""
    return sys.getrecursionlimit() - stack_depth(frame) - MARGIN


def stack_depth(frame) -> int:
    """The frames from ``frame`` to the thread's first, both included."""
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


_MISSING = object()
_unpack_word = struct.Struct("<q").unpack_from
_clock = time.perf_counter

# the memory a version taking lists has for their records (grown once, when it is made: a
# call whose lists do not fit is made by the baseline). Its memory never grows during a
# call, so the views of it (the status word, the watchdog's flag) stay valid.
LIST_ROOM = 4 << 20


class FunctionMemory:
    """What ``transfer.EntryRecords`` needs of a loop's Transfer, for the memory of a
    function compiled whole that takes lists: the records go at the layout's data base,
    written again at every call (nothing is kept between calls: the program may change its
    lists between them)."""

    flag_fns = None     # (lists of bools are copied by marshal: the module has no flags_in)
    warm_end = float("inf")     # (its pages are its own: no loop's are moved to it, pages.py)
    widen_fn = None     # (nor widen: strs are spread from Python)
    ints_fn = None      # (nor ints_in: lists of ints are packed)

    def __init__(self, layout, instance):
        self.layout = layout
        self.instance = instance
        self.kept = {}
        self.kept_end = layout.data_base
        self.copy_limit = COPY_LIMIT
        self.link_limit = COPY_LIMIT
        view = instance.memory_view()
        end = layout.data_base + LIST_ROOM
        if end > len(view):
            instance.grow_memory((end - len(view)) // 65536 + 1)
        self.view = instance.memory_view()

    def ensure(self, end: int):
        if end > len(self.view):
            raise TooMuchToCopy(end)
        return self.view
