"""Which frame variables' data a graph may change: the variables whose lists (or the lists
and objects reached through them) its stores write.

An entry copies each list in, and writes back at exit the records native code marked
dirty (``mark_dirty``) or resized (``list_set_len``, ``list_remove``, ``list_open``). The
cost model charges writing back to the lists an entry may have to write back
(``layout.element_cost``): charged to every list of a version that stores into any, a
DP over a grid charged the read-only grid's million cells as well as the table's, and was
refused an entry that paid.

A store's record is found by following its address back: an element's address (``elem``,
``index``, ``index_nonneg``) to the record it is in, an object element (``load_addr``) to
the record holding it, and so on to a frame variable's value (``getvar``). Addresses are
never merged by selects: a value flowing through a variable is followed through every
``setvar`` of it in the graph. Records native code made (``new_obj``, ``seq_slice``,
``str_concat``, ``str_strip``, ``str_case``, ``str_words``) are no entry's: stores into
them cost nothing at entry. Anything else an
address may come from makes the answer unknown (None): then every list is charged, as
before."""
from __future__ import annotations

from .ops import HEAP_OPS

# ops whose first operand is the record they change (written back at exit)
_CHANGES = frozenset(("mark_dirty", "list_set_len", "list_remove", "list_open"))
# ops giving an address inside (or held in) the record that is their first operand
_THROUGH = frozenset(("elem", "index", "index_nonneg", "load_addr"))
# ops making a record native code owns
# (the heap's: a setvar of a new list's address, new_list, is left to make the answer unknown)
_MADE = HEAP_OPS - {"new_list"}


def stored_vars(graph) -> frozenset | None:
    """The frame variables (``Slot.var``) whose data the graph's stores may change, or
    None if an address comes from somewhere not followed."""
    sets = {}
    changed = []
    for ins in graph.all_instrs():
        if ins.op == "setvar" and ins.args[0].type == "addr":
            sets.setdefault(ins.imm.var, []).append(ins.args[0])
        elif ins.op in _CHANGES:
            changed.append(ins.args[0])
    roots = set()
    seen = set()
    work = changed
    while work:
        v = work.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        op = v.op
        if op in _THROUGH:
            work.append(v.args[0])
        elif op == "getvar":
            var = v.imm.var
            if var not in roots:
                roots.add(var)
                work.extend(sets.get(var, ()))
        elif op in _MADE:
            continue
        else:
            return None
    return frozenset(roots)
