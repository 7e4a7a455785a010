"""The names generated block code may use, and what they are bound to.

Templates in the opcode table refer to these; each code object's blocks get them
as closure variables (see ``tauraro.vm.blockgen``). The resume interpreter only
runs the inside of loops the baseline instrumented, which never define
functions or classes, import, or yield (``tauraro.vm.instrument``), so the
templates of those instructions have no names here; ``RESUMABLE`` lists what
a loop may hold.
"""
from __future__ import annotations

import types

from ..compiler.code import UNBOUND
from ..compiler.opcodes import NOT_RESUMABLE  # noqa: F401  (instructions it cannot run: never instrumented)
from . import exceptions, matching, operations
from .state import STATE

_STATIC = {
    "STATE": STATE, "UNBOUND": UNBOUND, "CellType": types.CellType,
    "_iter": iter, "_next": next, "_type": type, "_slice": slice, "_tuple": tuple,
    "_len": len, "_set": set,
    "raise_": exceptions.raise_, "reraise_current": exceptions.reraise_current,
    "reraise": exceptions.reraise,
    "exc_match": exceptions.exc_match, "unbound_local": exceptions.unbound_local,
    "unbound_deref": exceptions.unbound_deref,
    "cell_is_set": operations.cell_is_set, "with_enter": operations.with_enter, "list_extend": operations.list_extend,
    "dict_update": operations.dict_update, "dict_merge": operations.dict_merge,
    "call_ex": operations.call_ex, "format_value": operations.format_value,
    "setup_annotations": operations.setup_annotations,
    "delete_global": operations.delete_global, "delete_name": operations.delete_name,
    "match_class": matching.match_class, "match_sequence": matching.match_sequence,
    "match_mapping": matching.match_mapping, "match_keys": matching.match_keys,
    "match_rest": matching.match_rest,
}


def runtime_names(code, G: dict) -> dict:
    """Everything the blocks of one code object refer to by name."""
    names = dict(_STATIC)
    names["G"] = G
    names["CODE"] = code
    names["load_global"] = operations.global_loader(G)
    return names


def display_names() -> list[str]:
    """The names blocks may use, for showing generated source without running it."""
    return sorted(set(_STATIC) | {"G", "CODE", "load_global"})
