"""Whole functions compiled: a recursive function of the program as one wasm function.

The function's register bytecode is typed as a whole-function region for the types
of the arguments of the call that got hot (``inline.compiled_whole``), twice: first
with its calls of itself unknown, which finds what its other paths return (the base
cases), then with those calls typed as native calls returning that. Calls of other
functions are inlined (``tauraro.jit.inline``), or called natively compiled whole. The IR is recorded with the function's returns ending the
graph and its calls of itself as ``call_self``; every exit becomes a failure of the
whole native call (``Emitter.build_function``). A failure changes nothing the program
can see (inlined callees store nothing, and neither may the function), so the
interpreter then makes the call as written: CPython computes the result, raises the
exception, or reaches its recursion limit exactly where it would have anyway.
"""
from __future__ import annotations

import sys

from .infer import NotCompilable
from .inline import Inliner
from .ir.graph import wasm_type
from .jtypes import (BOOL, I64_MAX, I64_MIN, INT, NONE, UNBOUND_T, BuiltinType, ClassType,
                     FunctionType, ModuleType, classify)
from .region import FunctionRegion

MARGIN = 30     # Python frames kept free below the recursion limit (the interpreter's own)


class FunctionVersion:
    """One compiled version: the native entry, how arguments go in and the result
    comes out, and the globals it read as constants (checked at every call)."""

    def __init__(self, entry, instance, types, result, constants, class_attributes, graph, stages, wasm,
                 text, snapshots):
        self.entry = entry
        self.words = instance.memory_view().cast("i")      # [Ctrl-C flag, status, ...]
        self.memory_address = instance.memory_address       # (for the Ctrl-C watchdog)
        self.types = types
        self.result = result
        # (name, value, cells, their contents): the globals the function reads, and what the
        # cells of those that are closures hold
        self.constants = constants
        self.class_attributes = class_attributes    # ((class, name), raw) read at compile time
        self.graph = graph
        self.stages = stages
        self.wasm = wasm
        self.text = text
        self.snapshots = {s.id: s for s in snapshots}

    def arguments(self, args):
        """The wasm arguments, or None if a value does not fit its type."""
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

    def value(self, r):
        t = self.result
        if t is BOOL:
            return r != 0
        if t is NONE:
            return None
        return r


def compile_function(ftype: FunctionType, types: tuple, G: dict, builtins: dict, code_for,
                     engine, name: str, dump: bool):
    """A FunctionVersion of ``ftype`` for arguments of ``types`` (raises NotCompilable)."""
    from .emit import Emitter
    from .ir.passes import optimize
    from .ir.record import Unsupported, record
    from .layout import FrameLayout, called_regions
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
        constants.append((g, value, tuple(value.__closure__ or ()) if isinstance(t, FunctionType) else (),
                          t.cells if isinstance(t, FunctionType) else ()))
    inliner = Inliner(code_for)
    inf = inliner.compiled_whole(ftype, list(types), global_types)
    if isinstance(inf, str):
        raise NotCompilable(inf)
    params, result = list(types), inf.result
    layout = FrameLayout(region, {}, set(), called_regions(inf))
    try:
        graph = record(inf, set(), layout.constants, name, result=result)
        stages = [("as recorded", graph.text())] if dump else []
        optimize(graph, stages if dump else None)
        emitter = Emitter(graph, layout, name, {}, annotate=dump)
        wasm, module = emitter.build_function([(r, t) for r, t in enumerate(params)], wasm_type(result))
    except Unsupported as e:
        raise NotCompilable(str(e)) from None
    native = engine.compile(wasm)
    instance = engine.instantiate(native)
    entry_fn = instance.entry("call")
    return FunctionVersion(entry_fn, instance, tuple(params), result, constants,
                           list(inliner.class_attributes.items()), graph, stages, wasm, module.to_text,
                           graph.snapshots)


def native_depth_limit(frame) -> int:
    """How deep native recursion may go from ``frame``: below what CPython's recursion
    limit leaves, so that where CPython would raise RecursionError native code fails first."""
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return sys.getrecursionlimit() - depth - MARGIN


_MISSING = object()
