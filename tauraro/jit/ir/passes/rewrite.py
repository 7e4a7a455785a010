"""Replacing values: what every pass that removes or merges instructions needs."""
from __future__ import annotations


def forward(ins, subst: dict):
    """Make ``ins`` use the values ``subst`` maps its operands to: what a pass walking a
    block does to each instruction after the ones it has replaced (``if subst:`` first,
    the common case being nothing replaced)."""
    for a in ins.args:
        if a in subst:
            ins.args = tuple([subst.get(a, a) for a in ins.args])
            return


def substitute(graph, subst: dict, keys=None):
    """Make every use of a key of ``subst`` a use of its value (chains followed). ``keys``:
    the blocks holding the keys, if known: a value is used only in its own block (or, made
    before the loop, anywhere), so only their uses change."""
    if not subst:
        return

    def final(v):
        while v in subst:
            v = subst[v]
        return v
    blocks = graph.blocks_of(keys)
    for ins in graph.all_instrs() if keys is None else [i for b in blocks for i in b.instrs]:
        for a in ins.args:
            if a in subst:
                ins.args = tuple([final(a) for a in ins.args])
                break
    for b in blocks:
        t = b.term
        if t[0] in ("branch", "return") and t[1] in subst:
            b.term = (t[0], final(t[1])) + t[2:]
