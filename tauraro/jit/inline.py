"""Which calls of the program's functions are inlined into a compiled loop, typed how.

A call ``f(a, b)`` whose callee is a function of the loop's module known at entry
(``FunctionType``: its identity, code and defaults are checked by every entry) is
inlined if the callee's register bytecode, typed for these argument types, compiles
as a whole function region (``FunctionRegion``) and returns one type.

Deoptimization inside a callee re-runs the call: every exit in an inlined body
leaves through the caller's snapshot *before* the call, and the interpreter makes
the call itself, so CPython runs the callee from its start, with its own frame and
traceback. That is exact because an inlined callee changes nothing the program can
see before it returns: a callee that stores into a list, a global or a cell is not
inlined (the call stays an exit). Depth and size are bounded.
"""
from __future__ import annotations

from ..compiler.code import VARARGS
from .infer import Inference, NotCompilable
from .jtypes import BOOL, FLOAT, INT, NONE, UNBOUND_T, ClassType, FunctionType, OtherType, classify
from .region import FunctionRegion

_EMPTY = object()
MAX_DEPTH = 3            # calls inlined inside inlined calls, at most this deep
MAX_INSTRUCTIONS = 600   # bytecode instructions inlined into one region, at most


class Inliner:
    def __init__(self, code_for):
        """``code_for(function)``: the function's register bytecode, or None."""
        self.code_for = code_for
        self.class_attributes: dict = {}    # (class, name) -> the raw attribute read (checked at entry)
        self.size = 0
        self._typed: dict = {}
        self._pending = 0
        self._regions: dict = {}

    def compiled_whole(self, fn, params, global_types):
        """See ``compiled_whole`` (cached per function and argument types)."""
        key = ("whole", fn, tuple(params))
        have = self._typed.get(key)
        if have is None:
            # while its base cases are typed, a call of it from a function it calls is an
            # exit; then, while it is typed again, a native call (PendingWhole)
            self._typed[key] = "a mutually recursive call"

            def pending(result):
                self._typed[key] = p = PendingWhole(result)
                self._pending += 1          # callees typed before it typed its calls as exits
                return p
            have = self._typed[key] = compiled_whole(self, fn, list(params), global_types, pending)
        return have

    def bind(self, fn, code, nargs: int, kwnames=()):
        """See ``bind_arguments``."""
        return bind_arguments(fn, code, nargs, kwnames)

    def callee(self, fn: FunctionType, args: list, global_types: dict, depth: int, recursion=None,
               resumable=False):
        """The callee's Inference for these argument types, or why it is not inlined
        (``recursion``: a function compiled whole inlining itself once, whose own calls
        of itself stay native calls; ``resumable``: see Inference)."""
        key = (fn, tuple(args), tuple(sorted(global_types.items(), key=lambda kv: kv[0])), recursion,
               resumable, self._pending)
        have = self._typed.get(key)
        if have is None:
            have = self._typed[key] = self._type(fn, list(args), global_types, depth, recursion, resumable)
        return have

    def region(self, code) -> FunctionRegion:
        region = self._regions.get(code)
        if region is None:
            region = self._regions[code] = FunctionRegion(code)
        return region

    @staticmethod
    def entry(fn, region, args, global_types):
        """The types at the start of ``fn`` (its region) called with ``args``, or why it
        cannot be compiled: the arguments, unbound for the other locals it reads first,
        the globals known at the call (all of them: its own callees read theirs), and a
        closure's variables as the constants its cells hold (see FunctionType)."""
        code = region.code
        if fn.cells is None:
            return "the loop assigns closure variables, and this is a closure"
        entry = {r: t for r, t in enumerate(args)}
        for r in region.liveness.live_at(0):
            entry.setdefault(r, UNBOUND_T)       # read before assigned: UnboundLocalError
        entry.update(global_types)
        for name, reg in code.freevars:
            value = fn.closure.get(name, _EMPTY)
            t = classify(value, fn.func.__globals__) if value is not _EMPTY else OtherType("empty cell")
            if isinstance(t, OtherType) or t not in (INT, FLOAT, BOOL) and not t.static:
                return "its closure variable '%s' is a %s" % (name, t.name)
            entry[("c", reg, name)] = t
        return entry

    def _type(self, fn, args, global_types, depth, recursion=None, resumable=False):
        if depth >= MAX_DEPTH:
            return "calls nested more than %d deep are not inlined" % MAX_DEPTH
        code = fn.register_code
        if code is None:
            code = fn.register_code = self.code_for(fn.func)
        if code is None:
            return "its register bytecode is not available"
        n = code.argcount + code.kwonlyargcount + (1 if code.flags & VARARGS else 0)
        if len(args) != n:          # (the call's arguments, bound: see bind_arguments)
            return "the arguments do not bind"
        for t in args:              # (a default's type: the call's own were checked)
            if isinstance(t, OtherType) or (t.static and t is not NONE
                                            and not isinstance(t, (FunctionType, ClassType))):
                return "a default of type %s" % t.name
        region = self.region(code)
        reads, writes = region.global_names()
        for name in reads | writes:
            if ("g", name) not in global_types:
                return "its global '%s' is not known at entry" % name
        entry = self.entry(fn, region, args, global_types)
        if isinstance(entry, str):
            return entry
        self.size += len(code.instrs)
        if self.size > MAX_INSTRUCTIONS:
            return "the loop's inlined code is already %d instructions" % MAX_INSTRUCTIONS
        try:
            inf = Inference(region, entry, self, depth + 1, recursion=recursion, resumable=resumable)
        except NotCompilable as e:
            return str(e)
        types = {t for _, t in inf.returns}
        if not types:
            pc = min(inf.exit_at.values(), default=None)
            if pc is None:
                return "it never returns"
            return "%s at line %d" % (inf.typings[pc].reason, code.instrs[pc].line)
        if len(types) > 1:
            return "it returns %s" % " or ".join(sorted(t.name for t in types))
        inf.result = types.pop()
        inf.function_type = fn
        return inf


class PendingWhole:
    """A function compiled whole while it is typed the second time: a call of it from a
    function it calls (mutual recursion) is a native call returning the type its base
    cases return; ``target`` is its Inference once typed (None if it did not type)."""
    compiled_whole = True

    def __init__(self, result):
        self.result = result
        self.target = None


def compiled_whole(inliner, fn: FunctionType, params: list, global_types: dict, pending=None):
    """The Inference of ``fn`` compiled whole for ``params`` (its calls of itself native),
    to be called natively where inlining it is not possible (it is recursive, or too deep
    or big); or why not. Like ``tauraro.jit.functions``: typed twice, base cases first
    (``pending(result)``: called between, gives the PendingWhole its partners call)."""
    if any(t not in (INT, FLOAT, BOOL) for t in params):
        return "arguments of types %s" % ", ".join(t.name for t in params)
    region = inliner.region(fn.register_code)
    entry = inliner.entry(fn, region, params, global_types)
    if isinstance(entry, str):
        return entry
    result = promise = None
    for k in range(2):
        try:
            inf = Inference(region, entry, inliner, 0, recursion=(fn, tuple(params), result), resumable=False)
        except NotCompilable as e:
            return str(e)
        returned = {t for _, t in inf.returns}
        if len(returned) != 1 or promise is not None and promise.result not in returned:
            return "it returns %s" % (" or ".join(sorted(t.name for t in returned)) or "through no native path")
        result = returned.pop()
        if result not in (INT, FLOAT, BOOL, NONE):
            return "it returns a %s" % result.name
        if k == 0 and pending is not None:
            promise = pending(result)
    if promise is not None:
        promise.target = inf
    inf.result = result
    inf.function_type = fn
    inf.compiled_whole = True
    return inf


def bind_arguments(fn: FunctionType, code, nargs: int, kwnames=()):
    """Which value each parameter of the callee gets from a call with ``nargs`` arguments,
    the last ``len(kwnames)`` of them by keyword: a list of ("arg", i) (the call's i-th
    argument), ("default", value) or, for ``*args``, ("varargs", (i, ...)) (the extra
    positional arguments: a tuple of known length); or, where CPython would raise
    TypeError, why not."""
    params = code.params[:code.argcount]
    npos = nargs - len(kwnames)
    varargs = tuple(range(len(params), npos)) if code.flags & VARARGS else None
    if npos > len(params) and varargs is None:
        return "too many arguments"
    if len(set(kwnames)) != len(kwnames):
        return "a keyword argument repeated"
    bound = min(npos, len(params))          # the positional arguments parameters take
    out = [("arg", i) for i in range(bound)]
    defaults = fn.defaults or ()
    first_default = len(params) - len(defaults)
    kw = {name: npos + k for k, name in enumerate(kwnames)}
    if any(name in kw for name in params[:bound]) or \
            any(name in kw for name in params[:code.posonlyargcount]):
        return "an argument given twice, or a positional-only one by keyword"
    for k in range(bound, len(params)):
        name = params[k]
        if name in kw:
            out.append(("arg", kw.pop(name)))
        elif k >= first_default:
            out.append(("default", defaults[k - first_default]))
        else:
            return "missing argument '%s'" % name
    kwdefaults = fn.kwdefaults or {}
    for name in code.params[code.argcount:code.argcount + code.kwonlyargcount]:
        if name in kw:
            out.append(("arg", kw.pop(name)))
        elif name in kwdefaults:
            out.append(("default", kwdefaults[name]))
        else:
            return "missing keyword-only argument '%s'" % name
    if kw:
        return "an unexpected keyword argument '%s'" % next(iter(kw))
    if varargs is not None:     # its register follows the keyword-only parameters'
        out.append(("varargs", varargs))
    return out


def callee_globals(types, code_for) -> set:
    """The globals the functions among ``types`` read: a loop calling them reads them at
    entry too. (The controller repeats this until no new function turns up.)"""
    out = set()
    for fn in types:
        if not isinstance(fn, FunctionType):
            continue
        code = fn.register_code
        if code is None:
            code = fn.register_code = code_for(fn.func)
        if code is not None:
            out |= {code.names[ins.args[1]] for ins in code.instrs if ins.op.name == "LOAD_GLOBAL"}
    return out
