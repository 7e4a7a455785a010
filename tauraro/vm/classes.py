"""Class creation: run the class body in the VM, then call the metaclass.

Classes are real Python classes (``type(name, bases, namespace)``), so method
resolution, descriptors, ``super``, ``__slots__``, ``__init_subclass__``,
``__set_name__`` and operator dispatch are CPython's own. The body's implicit
``__class__`` cell is passed to ``type.__new__`` as ``__classcell__``, exactly as
CPython's compiler does, so zero-argument ``super()`` sees the new class.
"""
from __future__ import annotations

import types

from ..compiler.code import CodeObject, UNBOUND
from .interpreter import run, runtime_of


def build_class(code: CodeObject, G: dict, closure, bases, keywords):
    kw = dict(keywords) if keywords else {}
    resolved = types.resolve_bases(bases)
    meta, ns, kwds = types.prepare_class(code.name, resolved, kw)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    rt = runtime_of(code, G)
    r = [UNBOUND] * code.nregs + [None, None]
    r[0] = ns
    for (_, reg), cell in zip(code.freevars, closure or ()):
        r[reg] = cell
    run(rt, r, rt.entry)
    return meta(code.name, resolved, ns, **kwds)
