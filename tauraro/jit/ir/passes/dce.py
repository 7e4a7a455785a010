"""Dead-code elimination: pure ops and frame-variable reads nobody uses.

Guards, stores and loads of memory stay (a guard's exit is an effect) -- but a resizable
list's ``list_len``, which the recorder reads with every read of the list (most uses want
only the address), goes when unused: its record is always there to read."""
from __future__ import annotations

from ..ops import PURE_OPS


def run(graph):
    # one count of the uses, then a worklist: an op whose last use goes may make its
    # operands dead in turn (what re-counting until nothing changes would find)
    uses = graph.uses()
    work = [i for i in graph.all_instrs() if not uses.get(i) and _removable(i)]
    dead = set()
    while work:
        ins = work.pop()
        if ins in dead:
            continue
        dead.add(ins)
        for a in ins.args:
            n = uses[a] - 1
            uses[a] = n
            if not n and _removable(a):
                work.append(a)
    if not dead:
        return
    graph.preheader = [i for i in graph.preheader if i not in dead]
    for b in graph.blocks.values():
        b.instrs = [i for i in b.instrs if i not in dead]


def _removable(ins) -> bool:
    return ins.op in _REMOVABLE


_REMOVABLE = PURE_OPS | {"getvar", "list_len"}
