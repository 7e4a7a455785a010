"""The run loop: call block functions until the frame returns, and unwind exceptions.

A frame is its register list ``r`` plus the CodeRuntime of its code object.
``run`` calls the current block function, which returns the next one; an
exception leaves the block, ``unwind`` maps it to the pc it came from (through
the generated source line), records a traceback entry, and either continues at
the handler that covers that pc or lets the exception propagate to the caller.
"""
from __future__ import annotations

from ..compiler.code import CodeObject
from . import blockgen
from .state import STATE

TB_ATTR = "_tauraro_tb"


class CodeRuntime:
    """A CodeObject made executable: its block functions, bound to one module's globals."""

    def __init__(self, code: CodeObject, G: dict):
        from .runtime_names import runtime_names
        self.code = code
        self.G = G
        self.counters = [0] * len(code.loops)
        self.jit = STATE.jit
        names = runtime_names(self)
        self._names = names
        self.blocks, self.linemap, self.source = blockgen.build_blocks(
            code, G, names, self.jit is not None)
        self.entry = self.blocks[0]
        self._own(self.blocks.values())
        self.next_line = max(self.linemap) + 10 if self.linemap else 10
        self.pc_of_block = {fn: pc for pc, fn in self.blocks.items()}
        self.trampoline = None   # host code object of the function trampoline (tauraro.vm.function)

    def block_at(self, pc: int):
        """The block function that continues at ``pc``, generating one that starts
        mid-block if need be (the JIT resumes at arbitrary pcs)."""
        fn = self.blocks.get(pc)
        if fn is None:
            fns, linemap, src = blockgen.build_blocks(
                self.code, self.G, self._names, self.jit is not None, starts=[pc],
                first_line=self.next_line, existing=self.blocks)
            self.linemap.update(linemap)
            self.next_line = max(linemap) + 10
            self.source += src
            fn = self.blocks[pc] = fns[pc]
            self.pc_of_block[fn] = pc
            self._own([fn])
        return fn

    def _own(self, fns):
        from .introspection import BLOCK_OWNERS
        for fn in fns:
            BLOCK_OWNERS[fn.__code__] = self

    def pc_of(self, exc: BaseException, blk) -> int:
        """The pc of the instruction that raised ``exc`` (caught in ``run``)."""
        tb = exc.__traceback__
        nxt = tb.tb_next if tb is not None else None
        if nxt is not None:
            pc = self.linemap.get(nxt.tb_lineno)
            if pc is not None and nxt.tb_frame.f_code.co_filename.startswith("<tauraro "):
                return pc
        return self.pc_of_block.get(blk, 0)


def _record(exc: BaseException, rt: CodeRuntime, r: list, pc: int):
    """Add this frame to the exception's traceback, and set its implicit context."""
    d = exc.__dict__
    tb = d.get(TB_ATTR)
    if tb is None:
        tb = d[TB_ATTR] = []
        handling = STATE.handling
        if handling is not None and handling is not exc and exc.__context__ is None:
            # no cycles: the handled exception must not already chain to exc
            c = handling
            while c is not None and c is not exc:
                c = c.__context__
            if c is None:
                exc.__context__ = handling
    elif tb and tb[-1][2] is r:
        # re-raised in the frame that already recorded it (bare raise): keep the first line
        return
    tb.append((rt.code, pc, r))


def handle(rt: CodeRuntime, r: list, exc: BaseException, pc: int):
    """Continue at the handler covering ``pc``, or re-raise ``exc`` to the caller."""
    _record(exc, rt, r, pc)
    for e in rt.code.exc_table:
        if e.start <= pc < e.end:
            r[e.exc_reg] = exc
            return rt.block_at(e.handler)
    raise exc


def run(rt: CodeRuntime, r: list, blk, throw=None, pc=0):
    """Run a frame from block ``blk`` until it returns (or a generator yields).

    With ``throw``, the frame starts by raising that exception at ``pc`` (for
    ``generator.throw``)."""
    state = STATE
    depth = state.depth + 1
    if depth > state.recursion_limit:
        raise RecursionError("maximum recursion depth exceeded")
    state.depth = depth
    try:
        if throw is not None:
            blk = handle(rt, r, throw, pc)
        while True:
            try:
                while blk is not None:
                    blk = blk(r)
                return r[-2]
            except BaseException as exc:
                blk = handle(rt, r, exc, rt.pc_of(exc, blk))
    finally:
        state.depth = depth - 1


def throw_into(rt: CodeRuntime, r: list, pc: int, exc: BaseException):
    """Raise ``exc`` at ``pc`` of a suspended frame (generator.throw) and run on."""
    return run(rt, r, None, exc, pc)


def runtime_of(code: CodeObject, G: dict) -> CodeRuntime:
    rt = code.runtime
    if rt is None or rt.G is not G:
        rt = code.runtime = CodeRuntime(code, G)
    return rt
