"""User functions are real Python functions whose body enters the VM.

For each code object we generate a tiny host function with the user's exact
signature (positional-only, defaults, ``*args``, keyword-only, ``**kwargs``)
whose body builds the frame's register list and calls the run loop::

    def area(w, h=2, *, unit):
        return run(rt, [w, h, unit, *tail])

So CPython itself binds arguments (with its own error messages), binds methods,
and can call user functions from anywhere: ``sorted(key=f)``, ``map``,
operators calling ``__add__``, ``functools.lru_cache``, decorators, properties.
``type(f)`` is ``function`` and ``__defaults__``, ``__kwdefaults__``,
``__annotations__``, ``__qualname__`` and ``__module__`` are the real ones.
"""
from __future__ import annotations

import types

from ..compiler.code import CodeObject, UNBOUND, VARARGS, VARKEYWORDS
from .generator import Generator
from . import blockgen
from .errors import InternalError
from .interpreter import CodeRuntime, _record, run, runtime_of

_INTERNAL = ("run", "rt", "entry", "tail", "free", "rest")


def _py_name(name: str) -> str:
    return name if name.isidentifier() else "_" + "".join(c if c.isalnum() else "_" for c in name)


def _signature(code: CodeObject):
    """(parameter names as Python identifiers, the text of the def's parameter list)."""
    params = [_py_name(p) for p in code.params]
    argc, kwc = code.argcount, code.kwonlyargcount
    pos, kwonly = params[:argc], params[argc:argc + kwc]
    rest = params[argc + kwc:]
    vararg = rest.pop(0) if code.flags & VARARGS else None
    varkw = rest.pop(0) if code.flags & VARKEYWORDS else None
    sig = []
    for i, p in enumerate(pos):
        sig.append(p)
        if i + 1 == code.posonlyargcount:
            sig.append("/")
    if vararg:
        sig.append("*" + vararg)
    elif kwonly:
        sig.append("*")
    sig += kwonly
    if varkw:
        sig.append("**" + varkw)
    return params, ", ".join(sig)


def _register_list(code: CodeObject, params, names) -> str:
    regs = list(params)
    if code.freevars:
        regs += ["*" + names["tail"], "*" + names["free"], "*" + names["rest"]]
    else:
        regs += ["*" + names["tail"]]
    return "[%s]" % ", ".join(regs)


def _unique(names, taken):
    out = {}
    for name in names:
        n = name
        while n in taken:
            n += "_"
        out[name] = n
        taken.add(n)
    return out


def _compile_maker(src, filename):
    scope = {}
    try:
        exec(compile(src, filename, "exec"), scope)
    except SyntaxError as e:
        raise InternalError("generated function does not compile: %s (line %s)" % (e.msg, e.lineno))
    return scope["__make__"]


def _run_trampoline(rt: CodeRuntime, shared: dict):
    """``def f(<signature>): return run(rt, [<registers>], entry)``."""
    code = rt.code
    params, sig = _signature(code)
    names = _unique(_INTERNAL, set(params))
    fname = _py_name(code.name)
    src = ("def __make__(%s):\n"
           "    def %s(%s):\n"
           "        return %s(%s, %s, %s)\n"
           "    return %s.__code__\n") % (
        ", ".join(names[n] for n in _INTERNAL), fname, sig, names["run"], names["rt"],
        _register_list(code, params, names), names["entry"], fname)
    tcode = _compile_maker(src, code.filename)(*[None] * len(_INTERNAL))
    tcode = tcode.replace(co_name=code.name, co_qualname=code.qualname, co_firstlineno=code.firstlineno)
    return tcode, {names[k]: v for k, v in shared.items()}, names["free"]


_DIRECT_LOCALS = ("r", "st_", "d_", "exc_")


def _direct_trampoline(rt: CodeRuntime, shared: dict):
    """A function whose body *is* the code (see BlockSource.direct_body), or None.

    ``def f(<signature>):`` runs the straight-line body with registers as Python
    locals (parameters under their own names) and returns the value itself: one
    Python frame per call instead of three, no register list. An exception
    passing through records the traceback entry the run loop would.
    """
    code = rt.code
    params, sig = _signature(code)
    reg_names = {i: p for i, p in enumerate(params)}
    for reg in range(len(params), code.nregs):
        reg_names[reg] = "r%d" % reg
    gen = blockgen.BlockSource(code, rt._names, jit=False)
    direct = gen.direct_body(reg_names)
    if direct is None:
        return None
    body, global_decls = direct
    values = dict(rt._names)
    values.update(gen.const_params)
    values.update(shared)
    values["record_direct"] = record_direct
    values["RecursionError_"] = RecursionError
    used_globals = {code.names[ins.args[k]] for ins in code.instrs
                    for k, kind in enumerate(ins.op.kinds) if kind == "n"}
    taken = set(values) | set(_DIRECT_LOCALS) | used_globals | {"LINES", "free", "tauraro_direct_"}
    if set(params) & taken or set(reg_names.values()) & (taken | set(rt._names)) - set(params):
        return None    # a parameter or register name would shadow a name the body needs
    fname = "tauraro_direct_"   # the real name is set on the code object below; a def
    # named like the function would capture the function's own global name
    lines = ["def __make__(%s):" % ", ".join(sorted(values) + ["LINES", "free"]),
             "    def %s(%s):" % (fname, sig)]
    if global_decls:
        lines.append("        global " + ", ".join(global_decls))
    # named locals start unbound (their reads may be checked); free cells come from the closure
    unbound = [reg_names[i] for i in range(len(params), code.nlocals)]
    unbound += [reg_names[reg] for _, reg in code.cellvars if reg >= len(params)]
    if unbound:
        lines.append("        %s = UNBOUND" % " = ".join(unbound))
    if code.freevars:
        lines.append("        %s, = free" % ", ".join(reg_names[reg] for _, reg in code.freevars))
    lines += ["        st_ = STATE",
              "        d_ = st_.depth + 1",
              "        if d_ > st_.recursion_limit:",
              "            raise RecursionError_('maximum recursion depth exceeded')",
              "        st_.depth = d_",
              "        try:"]
    line_pcs = {}
    for indent, text, pc in body:
        lines.append(" " * (12 + indent) + text)
        line_pcs[len(lines)] = pc
    lines += ["        except BaseException as exc_:",
              "            record_direct(rt, None, exc_, LINES)",
              "            raise",
              "        finally:",
              "            st_.depth = d_ - 1",
              "    return %s.__code__" % fname]
    src = "\n".join(lines) + "\n"
    filename = "<tauraro %s:%s>" % (code.filename, code.qualname)
    maker = _compile_maker(src, filename)
    tcode = maker(*[None] * (len(values) + 2))
    tcode = tcode.replace(co_name=code.name, co_qualname=code.qualname)
    values["LINES"] = line_pcs
    from .introspection import BLOCK_OWNERS
    BLOCK_OWNERS[tcode] = (rt, reg_names)   # locals()/eval() here read these Python locals
    return tcode, values, "free"


def record_direct(rt, r, exc, lines):
    """A direct function's exception: record (code, pc) as the run loop does."""
    tb = exc.__traceback__
    pc = lines.get(tb.tb_lineno, 0) if tb is not None else 0
    _record(exc, rt, r, pc)


class _Trampoline:
    """The shared parts of every function made from one code object."""

    def __init__(self, rt: CodeRuntime):
        code = rt.code
        nparams = len(code.params)
        if code.freevars:
            free_base = code.freevars[0][1]
            free_end = free_base + len(code.freevars)
            tail = (UNBOUND,) * (free_base - nparams)
            rest = (UNBOUND,) * (code.nregs - free_end) + (None, None)
        else:
            tail = (UNBOUND,) * (code.nregs - nparams) + (None, None)
            rest = ()
        runner = make_generator if code.is_generator else run
        shared = {"run": runner, "rt": rt, "entry": rt.entry, "tail": tail, "rest": rest}
        self.pycode, values, self.free_name = _direct_trampoline(rt, shared) or _run_trampoline(rt, shared)
        self.cells = {name: types.CellType(values[name]) for name in self.pycode.co_freevars
                      if name != self.free_name}

    def closure(self, free: tuple):
        cells = self.cells
        return tuple(cells[n] if n != self.free_name else types.CellType(free)
                     for n in self.pycode.co_freevars)


def make_function(code: CodeObject, G: dict, defaults, kwdefaults, closure, annotations):
    """MAKE_FUNCTION: a host function running ``code``."""
    rt = runtime_of(code, G)
    tr = rt.trampoline
    if tr is None:
        tr = rt.trampoline = _Trampoline(rt)
    fn = types.FunctionType(tr.pycode, G, code.name, defaults, tr.closure(closure or ()))
    if kwdefaults:
        fn.__kwdefaults__ = kwdefaults
    fn.__qualname__ = code.qualname
    fn.__doc__ = code.docstring
    if annotations:
        fn.__annotations__ = annotations
    return fn


def make_generator(rt: CodeRuntime, r: list, entry):
    return Generator(rt, r)
