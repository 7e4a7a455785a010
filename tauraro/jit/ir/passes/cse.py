"""Common-subexpression elimination, and forwarding values through frame variables.

Within a block (values never cross blocks but through slots): a ``getvar`` of a
slot the block has already written or read is the value written or read, and a
``setvar`` of the value the slot already holds is dropped; a pure
op with the same operands and immediate as an earlier one is that one. Other ops
(guards, loads, stores) are kept as they are: a guard is never merged, because
two guards carry different snapshots.
"""
from __future__ import annotations

from .rewrite import substitute


def run(graph):
    subst = {}
    for b in graph.blocks.values():
        seen = {}               # (op, args, imm) -> the first pure instruction computing it
        slots = {}              # slot key -> the value it holds now
        kept = []
        for ins in b.instrs:
            if subst:
                for a in ins.args:
                    if a in subst:
                        ins.args = tuple([subst.get(a, a) for a in ins.args])
                        break
            op = ins.op
            if op == "getvar":
                have = slots.get(ins.imm.key)
                if have is not None:
                    subst[ins] = have
                    continue
                slots[ins.imm.key] = ins
            elif op == "setvar":
                if slots.get(ins.imm.key) is ins.args[0]:
                    continue            # the slot already holds this value
                slots[ins.imm.key] = ins.args[0]
            elif ins.opdef.pure:
                key = (op, ins.args, _imm_key(ins.imm))
                have = seen.get(key)
                if have is not None:
                    subst[ins] = have
                    continue
                seen[key] = ins
            kept.append(ins)
        b.instrs = kept
    substitute(graph, subst)


def _imm_key(imm):
    # 0.0 and -0.0 (and 1 and True) are different constants
    return (type(imm), repr(imm)) if isinstance(imm, (int, float)) else imm
