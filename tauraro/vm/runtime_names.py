"""The names generated block code may use, and what they are bound to.

Templates in the opcode table refer to these; each code object's blocks get them
as closure variables (see ``tauraro.vm.blockgen``).
"""
from __future__ import annotations

import types

from ..compiler.code import UNBOUND
from . import exceptions, matching, operations
from .state import STATE


def _static():
    from .classes import build_class
    from .function import make_function
    from .imports import import_from, import_name, import_star
    from .generator import Generator

    def yield_from_iter(x):
        if isinstance(x, (Generator, types.GeneratorType)):
            return x
        return iter(x)

    return {
        "STATE": STATE, "UNBOUND": UNBOUND, "CellType": types.CellType,
        "_iter": iter, "_next": next, "_type": type, "_slice": slice, "_tuple": tuple,
        "_len": len, "_set": set,
        "raise_": exceptions.raise_, "reraise_current": exceptions.reraise_current,
        "exc_match": exceptions.exc_match, "unbound_local": exceptions.unbound_local,
        "unbound_deref": exceptions.unbound_deref,
        "with_enter": operations.with_enter, "list_extend": operations.list_extend,
        "dict_update": operations.dict_update, "dict_merge": operations.dict_merge,
        "call_ex": operations.call_ex, "format_value": operations.format_value,
        "setup_annotations": operations.setup_annotations,
        "delete_global": operations.delete_global, "delete_name": operations.delete_name,
        "yield_from_iter": yield_from_iter,
        "make_function": make_function, "build_class": build_class,
        "import_name": import_name, "import_from": import_from, "import_star": import_star,
        "match_class": matching.match_class, "match_sequence": matching.match_sequence,
        "match_mapping": matching.match_mapping, "match_keys": matching.match_keys,
        "match_rest": matching.match_rest,
    }


_STATIC = None


def runtime_names(rt) -> dict:
    """Everything the blocks of one code runtime refer to by name."""
    global _STATIC
    if _STATIC is None:
        _STATIC = _static()
    names = dict(_STATIC)
    names["G"] = rt.G
    names["CODE"] = rt.code
    names["load_global"] = operations.global_loader(rt.G)
    if rt.jit is not None:
        names["C"] = rt.counters
        names["HOT"] = rt.jit.threshold
        names["backedge"] = rt.jit.backedge_hook(rt)
    return names


def display_names() -> list[str]:
    """The names blocks may use, for showing generated source without running it."""
    global _STATIC
    if _STATIC is None:
        _STATIC = _static()
    return sorted(set(_STATIC) | {"G", "CODE", "load_global"})
