"""Dead-code elimination: pure ops and frame-variable reads nobody uses.

Guards, stores and loads of memory stay (a guard's exit is an effect)."""
from __future__ import annotations


def run(graph):
    while True:
        uses = graph.uses()
        removed = False
        for b in list(graph.blocks.values()) + [None]:
            instrs = graph.preheader if b is None else b.instrs
            kept = [i for i in instrs if uses.get(i) or not _removable(i)]
            if len(kept) != len(instrs):
                removed = True
                if b is None:
                    graph.preheader = kept
                else:
                    b.instrs = kept
        if not removed:
            return


def _removable(ins) -> bool:
    return ins.opdef.pure or ins.op == "getvar"
