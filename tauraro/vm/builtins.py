"""The builtins namespace of Tauraro programs.

It starts as a copy of the host's builtins (the values and their semantics are
CPython's) in a module of its own, so a program that imports ``builtins`` and
changes it affects its own name lookups but not the host's.
"""
from __future__ import annotations

import builtins as _host
import types

BUILTINS_MODULE = types.ModuleType("builtins", _host.__doc__)
BUILTINS_MODULE.__dict__.update(_host.__dict__)
BUILTINS = BUILTINS_MODULE.__dict__


def _install_frame_builtins():
    from . import introspection as i
    for name, fn in (("eval", i.eval_), ("exec", i.exec_), ("locals", i.locals_),
                     ("vars", i.vars_), ("dir", i.dir_)):
        BUILTINS[name] = fn


_install_frame_builtins()
