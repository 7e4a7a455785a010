"""Replacing values: what every pass that removes or merges instructions needs."""
from __future__ import annotations


def substitute(graph, subst: dict):
    """Make every use of a key of ``subst`` a use of its value (chains followed)."""
    if not subst:
        return

    def final(v):
        while v in subst:
            v = subst[v]
        return v
    for ins in graph.all_instrs():
        for a in ins.args:
            if a in subst:
                ins.args = tuple([final(a) for a in ins.args])
                break
    for b in graph.blocks.values():
        t = b.term
        if t[0] in ("branch", "return") and t[1] in subst:
            b.term = (t[0], final(t[1])) + t[2:]
