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
from .interpreter import CodeRuntime, run, runtime_of

_INTERNAL = ("run", "rt", "entry", "tail", "free", "rest")


def _py_name(name: str) -> str:
    return name if name.isidentifier() else "_" + "".join(c if c.isalnum() else "_" for c in name)


def _trampoline_code(rt: CodeRuntime):
    code = rt.code
    params = [_py_name(p) for p in code.params]
    taken = set(params)
    internal = {}
    for name in _INTERNAL:
        n = name
        while n in taken:
            n += "_"
        internal[name] = n
        taken.add(n)
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
    regs = params[:]
    if code.freevars:
        regs += ["*" + internal["tail"], "*" + internal["free"], "*" + internal["rest"]]
    else:
        regs += ["*" + internal["tail"]]
    fname = _py_name(code.name)
    src = ("def __make__(%s):\n"
           "    def %s(%s):\n"
           "        return %s(%s, [%s], %s)\n"
           "    return %s.__code__\n") % (
        ", ".join(internal[n] for n in _INTERNAL), fname, ", ".join(sig),
        internal["run"], internal["rt"], ", ".join(regs), internal["entry"], fname)
    scope = {}
    exec(compile(src, code.filename, "exec"), scope)
    tcode = scope["__make__"](*[None] * len(_INTERNAL))
    return tcode.replace(co_name=code.name, co_qualname=code.qualname,
                         co_firstlineno=code.firstlineno), internal


class _Trampoline:
    """The shared parts of every function made from one code object."""

    def __init__(self, rt: CodeRuntime):
        code = rt.code
        self.pycode, internal = _trampoline_code(rt)
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
        by_pyname = {internal[k]: v for k, v in shared.items()}
        self.free_name = internal["free"]
        self.cells = {name: types.CellType(by_pyname[name]) for name in self.pycode.co_freevars
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
