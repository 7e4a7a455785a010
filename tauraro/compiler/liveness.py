"""Register liveness over a whole code object.

Which registers are read before being written from each pc on. The JIT uses it
to know what the interpreter may read after an exit; the interpreter's block
generator uses it to see which temporaries die after their one use.
"""
from __future__ import annotations

from .code import CodeObject


def successors(code: CodeObject, pc: int) -> list[int]:
    """The pcs control can continue at after ``pc`` (exception edges aside)."""
    ins = code.instrs[pc]
    flags = ins.op.flags
    target = ins.op.target(ins.args)
    if "jump" in flags:
        return [target]
    if "exit" in flags and "yield" not in flags:
        return []
    if "branch" in flags:
        return [target, pc + 1]
    return [pc + 1]


def modified_registers(ins) -> list[int]:
    regs = ins.op.written(ins.args)
    if ins.op.name == "FOR_ITER":
        regs = regs + [ins.args[1]]
    return regs


class Liveness:
    """Which registers are read before being written, from each pc on (whole code)."""

    def __init__(self, code: CodeObject):
        n = len(code.instrs)
        self.code = code
        uses, defs = [], []
        for ins in code.instrs:
            u = 0
            for r in ins.op.read(ins.args):
                u |= 1 << r
            d = 0
            if ins.op.name != "FOR_ITER":   # FOR_ITER writes only when it does not exit
                for r in ins.op.written(ins.args):
                    d |= 1 << r
            uses.append(u)
            defs.append(d)
        succs = [[s for s in successors(code, pc) if s < n] for pc in range(n)]
        # an exception edge writes the handler's exception register on the way
        handler_of = {}
        for e in code.exc_table:
            for pc in range(e.start, e.end):
                handler_of[pc] = (e.handler, ~(1 << e.exc_reg))
        preds = [[] for _ in range(n)]
        for pc, ss in enumerate(succs):
            for s in ss:
                preds[s].append(pc)
        for pc, (h, _) in handler_of.items():
            preds[h].append(pc)
        live_in = [0] * n
        work = list(range(n))
        queued = set(work)
        while work:
            pc = work.pop()
            queued.discard(pc)
            out = 0
            ins = code.instrs[pc]
            for k, s in enumerate(succs[pc]):
                li = live_in[s]
                if ins.op.name == "FOR_ITER" and k == 1:
                    # fall-through: the loop target was just written
                    for r in ins.op.written(ins.args):
                        li &= ~(1 << r)
                out |= li
            exc = handler_of.get(pc)
            if exc is not None:
                out |= live_in[exc[0]] & exc[1]
            new = uses[pc] | (out & ~defs[pc])
            if new != live_in[pc]:
                live_in[pc] = new
                for p in preds[pc]:
                    if p not in queued:
                        queued.add(p)
                        work.append(p)
        self.live_in = live_in
        self._uses = uses
        self._preds = preds
        self._succs = succs
        self._handler_of = handler_of
        self._live_sets: dict[int, frozenset[int]] = {}

    def live_out_bits(self, pc: int) -> int:
        """Registers live after ``pc`` (on any path out of it), as a bit set."""
        out = 0
        ins = self.code.instrs[pc]
        for k, s in enumerate(self._succs[pc]):
            li = self.live_in[s]
            if ins.op.name == "FOR_ITER" and k == 1:
                for r in ins.op.written(ins.args):
                    li &= ~(1 << r)
            out |= li
        exc = self._handler_of.get(pc)
        if exc is not None:
            out |= self.live_in[exc[0]] & exc[1]
        return out

    def only_reader(self, pc: int, reg: int) -> bool:
        """Is ``pc`` the one instruction that reads the value ``reg`` holds there: no path
        into ``pc`` reads it after its last write of it, and nothing after ``pc`` reads it
        (``reg`` is dead after it, its exception edge included)?"""
        if self.live_out_bits(pc) >> reg & 1:
            return False
        bit = 1 << reg
        code = self.code
        seen = set()
        work = list(self._preds[pc])
        while work:
            q = work.pop()
            if q in seen:
                continue
            seen.add(q)
            ins = code.instrs[q]
            if reg in ins.op.written(ins.args):
                continue            # (this path's write, the value's making: what it reads is older)
            if self._uses[q] & bit:
                return False
            work.extend(self._preds[q])
        return True

    def live_bits(self, pc: int) -> int:
        """Registers live at ``pc``, as a bit set (what live_at makes a set of)."""
        return self.live_in[pc] if pc < len(self.live_in) else 0

    def live_after(self, pc: int) -> frozenset[int]:
        """The registers live after ``pc`` on any path out of it, its exception edge
        included: what a frame resumed after a call at ``pc`` needs, the call's result
        aside (the call may raise into a handler reading registers nothing after the
        call reads)."""
        bits = self.live_out_bits(pc)
        return frozenset(r for r in range(bits.bit_length()) if bits >> r & 1)

    def live_at(self, pc: int) -> frozenset[int]:
        """The registers live at ``pc``. Made once per pc: the JIT asks for the same pcs
        (a loop header, exits) once per instruction it types or records."""
        out = self._live_sets.get(pc)
        if out is None:
            bits = self.live_in[pc] if pc < len(self.live_in) else 0
            regs = []
            while bits:                 # (one step per live register, not per register)
                low = bits & -bits
                regs.append(low.bit_length() - 1)
                bits ^= low
            out = self._live_sets[pc] = frozenset(regs)
        return out
