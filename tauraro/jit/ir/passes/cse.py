"""Common-subexpression elimination, and forwarding values through frame variables.

Within a block (values never cross blocks but through slots): a ``getvar`` of a
slot the block has already written or read is the value written or read, and a
``setvar`` of the value the slot already holds is dropped; a pure
op with the same operands and immediate as an earlier one is that one. Other ops
(guards, loads, stores) are kept as they are: a guard is never merged, because
two guards carry different snapshots.

Dict probes are the exception: a table's entries change place or number only at a
``dict_slot`` (it appends, and a full table grows elsewhere), so until the block's next
``dict_slot`` a ``dict_find`` of a table and key already probed is that probe, and a
``dict_slot`` of them is ``dict_slot_at``, which probes only if the earlier find did not
find the key: ``counts[k] = counts.get(k, 0) + 1`` probes once when k is there.

So is a str's key (``str_key``), though a guard: a str's number is that of its contents,
the same at every ask, and a second ask of a str the block has asked of cannot leave where
the first did not. ``pairs[k] = pairs.get(k, 0) + 1`` with ``k`` a str made in the loop
then asks the intern table once, and its two probes are one. And so is a guard whose
outcome is its operands' alone (``_SAME_OUTCOME``: an overflow-checked add, a bounds
check, a check of a divisor): the same op of the same operands again cannot leave where
the first did not, and computes what it did -- ``best[j] + 1 > bi`` then
``bi = best[j] + 1``, once if-conversion has put them in one block.

A load (an element, a length, an entry of a dict's table) of what the block has loaded
already is that load, until the next op that writes memory (a store, a probe that adds,
a heap allocation, a native call): ``a[i] * a[i]`` reads the element once.
"""
from __future__ import annotations

from ..ops import OPS, PURE_OPS
from .rewrite import forward, substitute

# loads CSE merges until the block's next write of memory (``_WRITES``)
_LOADS = frozenset(name for name, d in OPS.items() if "load" in d.flags and name not in ("getvar", "dict_find"))
_WRITES = frozenset(name for name, d in OPS.items() if "store" in d.flags and name != "setvar") | {"call_fn", "call_self"}
# guards that leave or not, and compute what they do, by their operands and immediate alone
_SAME_OUTCOME = frozenset([name for name, d in OPS.items() if d.unguarded is not None] + [
    "check_int53", "check_nonzero", "check_nonneg", "check_abs", "check_le", "check_fnonzero",
    "check_fnonneg", "index", "index_nonneg", "range_check", "str_key"])
_MERGED = PURE_OPS | _SAME_OUTCOME      # (an op of these with the same operands is the first)


def run(graph, keys=None):
    """``keys``: the blocks to look at (all of them if None): a pass that changed a few
    blocks runs this again on those alone (the rest are as this left them)."""
    subst = {}
    for b in graph.blocks_of(keys):
        seen = {}               # (op, args, imm) -> the first instruction of _MERGED computing it
        slots = {}              # slot key -> the value it holds now
        probed = {}             # (table, key) -> its probe since the last dict_slot
        loaded = {}             # (op, args, imm) -> its load since the last write of memory
        kept = []
        for ins in b.instrs:
            if subst:
                forward(ins, subst)
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
            elif op == "dict_find":
                have = probed.get(ins.args)
                if have is not None:
                    subst[ins] = have
                    continue
                probed[ins.args] = ins
            elif op == "dict_slot":
                loaded.clear()
                have = probed.get(ins.args)
                probed.clear()          # (it may append or grow: every address found may move)
                if have is not None and have.op == "dict_find":
                    ins.op = "dict_slot_at"
                    ins.args = ins.args + (have,)
                probed[ins.args[:2]] = ins
            elif op in _MERGED or op in _LOADS:
                table = seen if op in _MERGED else loaded
                imm = ins.imm
                key = (op, ins.args, imm if imm is None else _imm_key(imm))
                have = table.get(key)
                if have is not None:
                    subst[ins] = have
                    continue
                table[key] = ins
            elif op in _WRITES:
                loaded.clear()
            kept.append(ins)
        b.instrs = kept
    substitute(graph, subst, keys)


def _imm_key(imm):
    # 0.0 and -0.0 (and 1 and True) are different constants
    return (type(imm), repr(imm)) if isinstance(imm, (int, float)) else imm
