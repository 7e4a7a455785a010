"""The resume interpreter: finish a loop iteration from any instruction of the register bytecode.

When native code leaves a loop -- a guard failed mid-iteration, an operation it
does not do came up, the loop ended -- its exit record names the instruction
to continue at, and the registers hold the exact state there. This
interpreter runs from that instruction until control reaches a *stop*: the
loop's header (the next iteration, handed back to the baseline), a pc outside
the loop (it ended, or a ``break`` left it), a ``return`` that would run
cleanup code outside the loop, a ``return`` itself, or an exception that no
handler inside the loop catches.

It is generated from the opcode table's Python templates
(``tauraro.vm.blockgen``): one Python function per basic block of the loop,
each returning the next block, where a jump to a stop returns a ``Stop``.
Only the loop's own blocks are generated, and only as exits reach them (an
exit at a stop needs none: ``stop_outcome``); what lies outside is the
baseline's, which continues from the stop.
"""
from __future__ import annotations

import sys
import types

from ..compiler.code import UNBOUND, CodeObject
from . import blockgen, exceptions, matching, operations
from .blockframes import BLOCKS, pc_at
from .state import STATE, set_handled

# outcomes handed back to the baseline
HEADER = 1      # continue at the loop header (the loop may have ended: the header sees it)
BREAK = 2       # leave the loop, skipping its else clause
RETURN = 3      # return the value from the function
RAISE = 4       # raise the exception (at ``pc``)


class Stop:
    """A pc where resuming ends, standing in for the block that would start there."""
    __slots__ = ("pc",)

    def __init__(self, pc: int):
        self.pc = pc

    def __repr__(self):
        return "Stop(%d)" % self.pc


class _Raised(Exception):
    """An exception no handler inside the loop catches, with the pc that raised it."""

    def __init__(self, exc: BaseException, pc: int):
        self.exc = exc
        self.pc = pc


class LoopResume:
    """The generated blocks of one loop of one code object, bound to a module's globals."""

    def __init__(self, code: CodeObject, loop, G: dict, stops_extra=()):
        from .runtime_names import runtime_names
        self.code = code
        self.loop = loop
        self.G = G
        self.header = loop.header
        self.exits = list(loop.exits)
        self.returns = dict(stops_extra)
        leaders = blockgen.leaders(code)
        inside = [s for s in leaders if loop.header <= s < loop.end and s not in self.returns]
        outside = set(leaders) - set(inside)
        outside.add(loop.header)
        outside.update(self.returns)
        outside.update(e for e in loop.exits if e < len(code.instrs))
        self.stops = {pc: Stop(pc) for pc in outside}
        self._names = runtime_names(code, G)
        # (the blocks are generated when an exit first needs them: those it can reach, at
        # once -- they call one another by name -- and more for a later exit elsewhere.
        # All of a large loop's took ~25 ms, tokenizer.py's main loop's, for one exit)
        self._inside = set(inside) - {loop.header}
        # (where blocks start, as blockgen.BlockSource finds them: _reachable walks them)
        self._starts = sorted(set(leaders) | {p for p in self.stops if p < len(code.instrs)})
        self.blocks = {}
        self.pc_of_block = {}

    def _generate(self, starts, resume_only=False):
        fns = blockgen.build_blocks(self.code, self.G, self._names, starts=starts, existing=self.blocks,
                                    stops=self.stops, resume_only=resume_only)
        for pc, fn in fns.items():
            self.blocks[pc] = fn
            self.pc_of_block[fn] = pc
        return fns

    def _reachable(self, pc: int) -> list:
        """The loop's blocks not generated yet that running from ``pc`` may reach (a block's
        successors: its instructions' jump targets and what it falls through to)."""
        n = len(self.code.instrs)
        todo, seen, need = [pc], set(), []
        while todo:
            s = todo.pop()
            if s in seen or s in self.stops or s in self.blocks or s >= n:
                continue
            seen.add(s)
            if s in self._inside:
                need.append(s)
            todo += blockgen.successors(self.code, self._starts, s)
        return sorted(need)

    def block_at(self, pc: int):
        """The block function that continues at ``pc``: the blocks it may reach generated
        first (``_reachable``), then one starting mid-block if ``pc`` is not a block's start."""
        fn = self.stops.get(pc)
        if fn is not None:
            return fn
        fn = self.blocks.get(pc)
        if fn is None:
            need = self._reachable(pc)
            if need:
                self._generate(need)
            fn = self.blocks.get(pc)
            if fn is None:
                fn = self._generate([pc], resume_only=True)[pc]
        return fn

    def pc_of(self, exc: BaseException, blk) -> int:
        """The pc of the instruction that raised ``exc`` inside block ``blk``."""
        tb = exc.__traceback__
        nxt = tb.tb_next if tb is not None else None
        if nxt is not None:
            pc = pc_at(nxt.tb_frame.f_code, nxt.tb_lasti)
            if pc is not None:
                return pc
        return self.pc_of_block.get(blk, 0)

    def handler(self, exc: BaseException, pc: int):
        """The exception-table entry of the handler inside the loop that covers ``pc``, or
        raise _Raised."""
        for e in self.code.exc_table:
            if e.start <= pc < e.end:
                if self.header <= e.handler < self.loop.end and e.handler not in self.stops:
                    return e
                break
        raise _Raised(exc, pc)

    def run(self, r: list, pc: int, exc: BaseException | None = None, caught=None):
        """Run from ``pc`` to a stop; return (outcome, value, pc). With ``exc``: as if the
        instruction at ``pc`` raised it (a call whose callee was resumed, see CallResume);
        ``caught(exc)``, if given, is what a handler here catches instead (its traceback
        with the calling frame's entry in front, as CPython's would have).
        An exception escaping (RAISE) comes with the pcs of the frame's traceback entries
        still to be made, the latest first: one where each ``raise`` here raised it -- not
        a bare ``raise`` re-raising it, which CPython's traceback does not show -- or the
        pc it came in at; none where ``caught`` made that entry already and nothing here
        raised it since."""
        state = STATE
        saved = state.handling
        state.handling = outer = sys.exc_info()[1]
        stop_type = Stop
        entered = None
        raised = False      # (did an exception enter a handler here: _let_go)
        try:
            if exc is None:
                blk = self.block_at(pc)
            else:
                entry = self.handler(exc, pc)
                if caught is not None:
                    exc = entered = caught(exc)
                r[entry.exc_reg] = exc
                raised = True
                blk = self.block_at(entry.handler)
            while True:
                try:
                    while blk is not None and blk.__class__ is not stop_type:
                        blk = blk(r)
                    break
                except _Raised:
                    raise
                except BaseException as exc:
                    at = self.pc_of(exc, blk)
                    if self.code.instrs[at].op.name in _RERAISES:
                        _drop_reraise(exc)
                    entry = self.handler(exc, at)
                    r[entry.exc_reg] = _caught(exc)
                    raised = True
                    blk = self.block_at(entry.handler)
        except _Raised as e:
            escaped = e
        else:
            escaped = None
        finally:
            if raised or escaped is not None:
                _let_go(r, self.code.nlocals, state.handling)
            state.handling = saved
        # (CPython's handled exception as the program's frame had it: a handler's block left
        # by a stop or an exception had made its own the handled one. Set here, outside any
        # ``except`` clause of this function, whose end would set back what it found)
        if sys.exc_info()[1] is not outer:
            set_handled(outer)
        if escaped is not None:
            exc = escaped.exc
            at = _raised_at(exc)
            if not at and exc is not entered and self.code.instrs[escaped.pc].op.name not in _RERAISES:
                # (no raise in this frame since the exception entered it: its entry is
                # still to be made, at the pc it came in at -- a resumed callee's call. Where
                # ``caught`` made it, none; nor where a bare ``raise`` re-raised what the
                # frame handled before the loop, which has its entry from its first raise)
                at = (escaped.pc,)
            return RAISE, _strip(exc), at
        if blk is None:
            return RETURN, r[-2], -1
        return self.outcome(blk.pc, r)

    def outcome(self, pc: int, r: list):
        """What reaching stop ``pc`` means for the baseline."""
        return stop_outcome(self.code, self.loop, self.returns, pc, r)


def stop_outcome(code: CodeObject, loop, returns: dict, pc: int, r: list):
    """What reaching stop ``pc`` of ``loop`` means for the baseline; None if ``pc`` is not
    a stop (the resume interpreter has instructions to run from there). An exit at a stop
    -- the loop's end, mostly -- needs no LoopResume, whose blocks a large loop takes
    ~25 ms to generate (tokenizer.py's)."""
    if pc in returns:
        v = returns[pc]
        return RETURN, (r[v] if v >= 0 else code.consts[-1 - v]), pc
    if pc == loop.header:
        return HEADER, None, pc
    exits = loop.exits
    if pc == exits[-1]:        # after the loop and its else clause (a break)
        return BREAK, None, pc
    if pc == exits[0]:         # the loop ended: the baseline's header sees it, runs the else
        return HEADER, None, pc
    if pc in exits or not loop.header <= pc < loop.end and pc in blockgen.leaders(code):
        return BREAK, None, pc
    return None


class CallResume(LoopResume):
    """The rest of an inlined callee's call, after an exit inside it (native code left
    with the callee's frame rebuilt): its whole register bytecode as blocks, run from
    any pc to its return, its own handlers catching what it raises."""

    def __init__(self, code: CodeObject, G: dict):
        from .runtime_names import runtime_names
        self.code = code
        self.G = G
        self.stops = {}
        self._names = runtime_names(code, G)
        self.blocks = blockgen.build_blocks(code, G, self._names, starts=blockgen.leaders(code), stops=self.stops)
        self.pc_of_block = {fn: pc for pc, fn in self.blocks.items()}
        self._inside = set()        # (every block made: _reachable finds none to make)
        self._starts = sorted(self.blocks)

    def handler(self, exc: BaseException, pc: int):
        e = self.code.handler_for(pc)
        if e is None:
            raise _Raised(exc, pc)
        return e

    def outcome(self, pc: int, r: list):
        raise AssertionError("a callee's code has no stops")


def _strip(exc: BaseException) -> BaseException:
    """Drop the resume interpreter's own frames from the traceback: its blocks and the
    runtime helper an instruction called (``call_ex``, ``list_extend``...: CPython does
    their work in its eval loop, no frame of theirs shows) in front, and the helper that
    raises for a ``raise`` statement at the end."""
    tb = exc.__traceback__
    while tb is not None and _is_ours(tb.tb_frame.f_code):
        tb = tb.tb_next
    exc.__traceback__ = tb
    while tb is not None:
        nxt = tb.tb_next
        if nxt is not None and nxt.tb_next is None and nxt.tb_frame.f_code.co_filename == _RAISING:
            tb.tb_next = None
        tb = tb.tb_next
    return exc


_RERAISES = ("RERAISE", "RERAISE_CURRENT")


def _drop_reraise(exc: BaseException) -> None:
    """A bare ``raise`` -- a ``finally``'s end, an ``except`` that did not match, ``raise``
    in a handler -- re-raises what the handler caught as CPython's RERAISE does: with its
    traceback as it was, no entry added for the frame (a block's ``raise`` added its own,
    in front of the one the first raise made: the program's traceback would show the
    frame at the ``finally``'s last line instead of where the exception was raised)."""
    tb = exc.__traceback__          # (this interpreter's ``run``, then the re-raising block)
    nxt = tb.tb_next if tb is not None else None
    if nxt is not None and nxt.tb_frame.f_code in BLOCKS:
        nxt = nxt.tb_next
        while nxt is not None and nxt.tb_frame.f_code not in BLOCKS and _is_ours(nxt.tb_frame.f_code):
            nxt = nxt.tb_next       # (the helper that raised it: ``reraise_current``)
        tb.tb_next = nxt


def _raised_at(exc: BaseException) -> tuple:
    """The pcs of the instructions the blocks of this interpreter raised ``exc`` at in the
    frame they stand for, the latest first: its traceback's block entries before any frame
    not this interpreter's -- two where a handler's ``raise e`` raised again what was
    raised here, and CPython's traceback shows the frame twice."""
    pcs = []
    tb = exc.__traceback__
    while tb is not None and _is_ours(tb.tb_frame.f_code):
        pc = pc_at(tb.tb_frame.f_code, tb.tb_lasti)
        if pc is not None:
            pcs.append(pc)
        tb = tb.tb_next
    return tuple(pcs)


def _let_go(r: list, nlocals: int, handling) -> None:
    """The exceptions temporary registers (those from ``nlocals`` on) hold -- one a
    ``raise`` raised, one a handler took -- are let go as the run stops (but one a handler
    still handles), as CPython pops them: its traceback holds the block's frame, whose
    callers' frames hold ``r`` -- a cycle only a collection would free, and with it the
    objects the exception refers to (a ``__del__`` ran at gc.collect())."""
    for reg in range(nlocals, len(r)):
        v = r[reg]
        if isinstance(v, BaseException) and v is not handling:
            r[reg] = None


def _caught(exc: BaseException) -> BaseException:
    """An exception a handler inside the loop catches, its traceback as the program's
    handler would find it in CPython: from the frame that catches it -- the block's, which
    shows the program's function and line (``blockframes``) -- on, without this
    interpreter's ``run`` in front or a runtime helper's frame after (a handler reading
    ``e.__traceback__.tb_lineno`` read ``run``'s line)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code not in BLOCKS and _is_ours(tb.tb_frame.f_code):
        tb = tb.tb_next
    if tb is None:
        return exc
    exc.__traceback__ = tb
    while tb.tb_next is not None:
        code = tb.tb_next.tb_frame.f_code
        if code not in BLOCKS and _is_ours(code):
            tb.tb_next = tb.tb_next.tb_next
        else:
            tb = tb.tb_next
    return exc


_HERE = __file__
_RAISING = exceptions.__file__
_OURS = (_HERE, _RAISING, operations.__file__, matching.__file__)


def _is_ours(code: types.CodeType) -> bool:
    return code in BLOCKS or code.co_filename.startswith("<tauraro ") or code.co_filename in _OURS
