"""Builtins that look at the calling frame: locals(), vars(), dir(), eval(), exec().

Generated block functions are called directly by the code they run, so the
Python frame calling one of these builtins is a block of the Tauraro frame
that made the call; its register list is that block's ``r`` argument.
"""
from __future__ import annotations

import builtins as _host
import sys
import types

from ..compiler.code import UNBOUND

# host code object of every generated block -> its CodeRuntime; of a direct function
# (registers as Python locals) -> (CodeRuntime, register -> local name)
BLOCK_OWNERS: dict = {}
_MISSING = object()


def _caller(depth: int):
    """(runtime, registers) of the Tauraro frame calling a builtin, or (None, host frame)."""
    f = sys._getframe(depth + 1)
    owner = BLOCK_OWNERS.get(f.f_code)
    if owner is None:
        return None, f
    if isinstance(owner, tuple):
        # a direct function: its registers are Python locals
        rt, names = owner
        loc = f.f_locals
        return rt, [loc.get(names.get(i, ""), UNBOUND) for i in range(rt.code.nregs)] + [None, None]
    return owner, f.f_locals["r"]


def frame_locals(rt, r) -> dict:
    code = rt.code
    if code.ns_reg is not None:
        return r[code.ns_reg]
    if code.kind == "module":
        return rt.G
    out = {}
    cells = {reg for _, reg in code.cellvars} | {reg for _, reg in code.freevars}
    regs = list(range(code.nlocals)) + sorted(cells - set(range(code.nlocals)))
    for reg in regs:
        name = code.regnames.get(reg)
        if name is None or name.startswith("."):
            continue
        v = r[reg]
        if reg in cells:
            try:
                v = v.cell_contents
            except (ValueError, AttributeError):
                continue
        if v is UNBOUND:
            continue
        out[name] = v
    return out


def _namespaces(globals_, locals_, depth):
    if globals_ is None:
        rt, r = _caller(depth + 1)
        if rt is None:
            g, l = r.f_globals, r.f_locals
        else:
            g, l = rt.G, frame_locals(rt, r)
        return g, (l if locals_ is None else locals_)
    if not isinstance(globals_, dict):
        raise TypeError("globals must be a dict" if locals_ is None else
                        "globals must be a real dict; try eval(expr, {}, mapping)")
    if "__builtins__" not in globals_:
        from .builtins import BUILTINS
        globals_["__builtins__"] = BUILTINS
    return globals_, (globals_ if locals_ is None else locals_)


def _run(source, g, l, mode, fname):
    from ..compiler.compiler import compile_source
    from .interpreter import run, runtime_of
    if isinstance(source, (bytes, bytearray)):
        source = bytes(source).decode("utf-8")
    if not isinstance(source, str):
        raise TypeError("%s() arg 1 must be a string, bytes or code object" % fname)
    if mode == "eval":
        source = source.lstrip(" \t")
    code = compile_source(source, "<string>", mode, namespace=True)
    rt = runtime_of(code, g)
    r = [UNBOUND] * code.nregs + [None, None]
    r[code.ns_reg] = l
    return run(rt, r, rt.entry)


def eval_(source, globals=None, locals=None):
    if isinstance(source, types.CodeType):
        return _host.eval(source, globals, locals)   # a host code object (from compile())
    g, l = _namespaces(globals, locals, 1)
    return _run(source, g, l, "eval", "eval")


def exec_(source, globals=None, locals=None, /, **kw):
    if isinstance(source, types.CodeType):
        return _host.exec(source, globals, locals, **kw)
    g, l = _namespaces(globals, locals, 1)
    _run(source, g, l, "exec", "exec")
    return None


def locals_():
    rt, r = _caller(1)
    if rt is None:
        return r.f_locals
    return frame_locals(rt, r)


def vars_(obj=_MISSING):
    if obj is _MISSING:
        rt, r = _caller(1)
        return r.f_locals if rt is None else frame_locals(rt, r)
    return _host.vars(obj)


def dir_(obj=_MISSING):
    if obj is _MISSING:
        rt, r = _caller(1)
        return sorted(r.f_locals if rt is None else frame_locals(rt, r))
    return _host.dir(obj)


for _f, _name in ((eval_, "eval"), (exec_, "exec"), (locals_, "locals"), (vars_, "vars"), (dir_, "dir")):
    _f.__name__ = _f.__qualname__ = _name
    _f.__module__ = "builtins"
    _f.__doc__ = getattr(_host, _name).__doc__
