"""Generate the resume interpreter: one Python function per basic block of a loop.

A block function takes the frame's register list ``r``, runs the instructions of
its block (each rendered from its template in the opcode table) and returns the
next block function -- or a ``Stop`` where resuming ends (see
``tauraro.vm.resume``), or None when the frame returns. A loop whose body is one
block becomes a ``while True`` inside it.

All blocks are generated as one Python source file and compiled together; each
source line remembers the bytecode pc it came from. The compiled blocks are then
given the program's function name, file and source positions, the pc of each of
their instructions kept beside them (``tauraro.vm.blockframes``): a callee looking
at its caller's frame sees the program's, and an exception raised inside a block is
mapped back to the pc (for the handler table and the position of the traceback
entry).

The block functions' Python globals are the program module's globals, so a
global or builtin read is CPython's own global lookup. Runtime helpers and
constants reach the blocks as closure variables; a user global whose name would
collide with one of them is read and written through the globals dict instead.
"""
from __future__ import annotations

import math
from bisect import bisect_right
import types

from ..cache import compiled
from ..compiler.code import UNBOUND, CodeObject
from .blockframes import as_program
from .errors import InternalError
from ..compiler.opcodes import _zip_kinds

SELF = "@@SELF@@"   # a jump to the block's own start, in a block that loops on itself
# jumps whose target's code may be placed inline (never inside an except clause)
_INLINE_JUMPS = {"JUMP", "JUMP_IF_FALSE", "JUMP_IF_TRUE", "JUMP_BACK"}


class _Operand:
    """An operand as it appears in generated source (``format(op, spec)``)."""
    __slots__ = ()

    def __str__(self):
        return self.__format__("")


class _Reg(_Operand):
    __slots__ = ("i",)

    def __init__(self, i):
        self.i = i

    def __format__(self, spec):
        return "r[%d]" % self.i


class _Const(_Operand):
    __slots__ = ("text", "value")

    def __init__(self, text, value):
        self.text = text
        self.value = value

    def __format__(self, spec):
        return self.text


class _Name(_Operand):
    __slots__ = ("name", "gen")

    def __init__(self, name, gen):
        self.name = name
        self.gen = gen

    def __format__(self, spec):
        if spec == "id":
            return self.name
        if spec == "gload":
            if self.name in self.gen.internal:
                return "load_global(%r)" % self.name
            return self.name
        if spec == "gstore":
            if self.name in self.gen.internal:
                return "G[%r]" % self.name
            self.gen.global_decls.add(self.name)
            return self.name
        return repr(self.name)


class _Target(_Operand):
    __slots__ = ("pc", "gen")

    def __init__(self, pc, gen):
        self.pc = pc
        self.gen = gen

    def __format__(self, spec):
        if spec == "pc":
            return str(self.pc)
        if self.pc == self.gen.self_pc:
            return SELF
        return "b%d" % self.pc


class _Imm(_Operand):
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __format__(self, spec):
        return str(self.value)


class _Many(_Operand):
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items

    def __format__(self, spec):
        parts = [format(x) for x in self.items]
        if spec == "set":
            return "{%s}" % ", ".join(parts) if parts else "_set()"
        if spec == "pairs":
            return ", ".join("%s: %s" % (parts[i], parts[i + 1]) for i in range(0, len(parts), 2))
        if spec == "targets":
            return ", ".join(parts) + ("," if len(parts) == 1 else "")
        return "".join(p + ", " for p in parts)


def literal(value):
    """Python source for a constant, where a literal is exact; else None."""
    t = type(value)
    if value is None or t is bool:
        return repr(value)
    if t is int:
        if value.bit_length() > 256:
            return None
        return "(%r)" % value     # parenthesised: ``(1).real``, ``(-5) ** 2``
    if t is float:
        if not math.isfinite(value):
            return None
        return "(%r)" % value
    if t is str and len(value) < 200:
        return repr(value)
    if t is bytes and len(value) < 200:
        return repr(value)
    if value is UNBOUND:
        return "UNBOUND"
    return None


def leaders(code: CodeObject) -> list[int]:
    """The pcs where a block starts: jump targets, handlers, resume points."""
    n = len(code.instrs)
    starts = {0}
    for pc, ins in enumerate(code.instrs):
        target = ins.op.target(ins.args)
        if target is not None:
            starts.add(target)
        if "jump" in ins.op.flags or "exit" in ins.op.flags:
            starts.add(pc + 1)
    for e in code.exc_table:
        starts.add(e.handler)
    for loop in code.loops:
        starts.add(loop.header)
    starts.discard(n)
    return sorted(s for s in starts if s < n)


def block_end(code: CodeObject, starts: list, start: int) -> int:
    """One past the last instruction of the block running from ``start`` (``starts``: the
    sorted pcs where blocks start): it ends at a jump or exit, or where another starts."""
    i = bisect_right(starts, start)
    stop = starts[i] if i < len(starts) else len(code.instrs)
    pc = start
    while pc < stop:
        flags = code.instrs[pc].op.flags
        pc += 1
        if "jump" in flags or "exit" in flags:
            break
    return pc


def successors(code: CodeObject, starts: list, start: int) -> list:
    """Where control may go from the block running from ``start``: its instructions' jump
    targets, and the pc it falls through to."""
    end = block_end(code, starts, start)
    out = [t for t in (ins.op.target(ins.args) for ins in code.instrs[start:end]) if t is not None]
    last = code.instrs[end - 1].op.flags
    if not ("jump" in last or "exit" in last) and end < len(code.instrs):
        out.append(end)
    return out


class BlockSource:
    """Renders the blocks of one code object into Python source."""

    def __init__(self, code: CodeObject, runtime_names, stops=()):
        self.code = code
        self.stops = set(stops)
        self.const_text = []
        self.const_params = {}
        for i, c in enumerate(code.consts):
            text = literal(c)
            if text is None:
                text = "K%d" % i
                self.const_params[text] = c
            self.const_text.append(text)
        self.starts = sorted(set(leaders(code)) | {p for p in self.stops if p < len(code.instrs)})
        self.internal = set(runtime_names) | set(self.const_params) | {"r", "_e"}
        self.internal |= {"b%d" % s for s in self.starts}
        self.self_pc = None
        self.global_decls = set()
        self.lines: list[str] = []
        self.line_pcs: list[int] = []

    def operand(self, kind, arg):
        if kind in ("w", "r", "m", "*w"):
            return _Reg(arg)
        if kind in ("rk", "*rk"):
            if arg >= 0:
                return _Reg(arg)
            return _Const(self.const_text[-1 - arg], self.code.consts[-1 - arg])
        if kind == "k":
            return _Const(self.const_text[-1 - arg], self.code.consts[-1 - arg])
        if kind == "n":
            return _Name(self.code.names[arg], self)
        if kind == "j":
            return _Target(arg, self)
        return _Imm(arg)

    def render(self, pc: int) -> str:
        """The instruction's Python, from its template in the opcode table. (Each
        instruction keeps its own source line, so an exception maps to the exact
        instruction and its source position.)"""
        ins = self.code.instrs[pc]
        op = ins.op
        fixed = []
        many = []
        for kind, arg in _zip_kinds(op.kinds, ins.args):
            o = self.operand(kind, arg)
            if kind.startswith("*"):
                many.append(o)
            else:
                fixed.append(o)
        if op.variadic:
            fixed.append(_Many(many))
        if callable(op.python):
            text = op.python(fixed)
        else:
            text = op.python.format(*fixed, next_pc=pc + 1)
        return text.replace("return " + SELF, "continue")

    def block_end(self, start: int) -> int:
        """One past the last instruction of the block starting at ``start``."""
        return block_end(self.code, self.starts, start)

    # --- inlining successors -----------------------------------------------------------
    # A jump to a block with one predecessor (or a tiny one) is replaced by that
    # block's code, so an if/else inside a loop costs no dispatch, and a jump back
    # to the block's own start becomes ``continue`` of a ``while True``.
    INLINE_MAX_DEPTH = 8
    INLINE_SMALL = 6
    INLINE_BUDGET = 400          # generated lines per block function

    def _predecessors(self):
        preds = {}
        for s in self.starts:
            for t in successors(self.code, self.starts, s):
                preds[t] = preds.get(t, 0) + 1
        return preds

    def _inlinable(self, target: int, depth: int, path) -> bool:
        if target in self.loop_headers or target in path or depth >= self.INLINE_MAX_DEPTH \
                or target in self.stops:
            return False
        if self._budget <= 0 or target >= len(self.code.instrs):
            return False
        size = self.block_end(target) - target
        return self.preds.get(target, 0) <= 1 or size <= self.INLINE_SMALL

    def _goto(self, target: int, out: list, indent: int, depth: int, path, from_pc: int):
        if target == self.self_pc:
            out.append((indent, "continue", from_pc))
            self._continues = True
        elif self._inlinable(target, depth, path):
            self._render_block(target, out, indent, depth + 1, path | {target})
        else:
            out.append((indent, "return b%d" % target, from_pc))

    def _render_block(self, start: int, out: list, indent: int, depth: int, path):
        end = self.block_end(start)
        code = self.code
        for pc in range(start, end):
            self._emit_instruction(pc, out, indent, depth, path)
        last = code.instrs[end - 1].op.flags
        if not ("jump" in last or "exit" in last):
            if end < len(code.instrs):
                self._goto(end, out, indent, depth, path, end - 1)
            else:
                out.append((indent, "return None", end - 1))

    def _emit_instruction(self, pc, out, indent, depth, path):
        ins = self.code.instrs[pc]
        text = self.render(pc)
        inline_ok = ins.op.name in _INLINE_JUMPS
        for line in text.split("\n"):
            stripped = line.lstrip(" ")
            pad = indent + len(line) - len(stripped)
            if inline_ok and stripped.startswith("return b") and stripped[8:].isdigit():
                self._goto(int(stripped[8:]), out, pad, depth, path, pc)
            else:
                if stripped == "continue":
                    self._continues = True
                out.append((pad, stripped, pc))
                self._budget -= 1

    def emit(self, text: str, indent: int, pc: int):
        pad = " " * indent
        for line in text.split("\n"):
            self.lines.append(pad + line)
            self.line_pcs.append(pc)

    def block(self, start: int, name: str, resume_only=False):
        """Source of the block function ``name`` running from ``start``."""
        if not hasattr(self, "preds"):
            self.preds = self._predecessors()
            self.loop_headers = {l.header for l in self.code.loops}
        self.self_pc = None if resume_only else start
        self.global_decls = set()
        self._continues = False
        self._budget = self.INLINE_BUDGET
        body = []
        self._render_block(start, body, 0, 0, frozenset([start]))
        self.emit("def %s(r):" % name, 4, start)
        if self.global_decls:
            self.emit("global " + ", ".join(sorted(self.global_decls)), 8, start)
        base = 8
        if self._continues:
            self.emit("while True:", 8, start)
            base = 12
        for indent, text, pc in body:
            self.emit(text, base + indent, pc)
        self.self_pc = None

    def factory(self, params, starts, names):
        """Source of a factory function that defines the given blocks."""
        self.lines = []
        self.line_pcs = []
        for start, name in zip(starts, names):
            self.block(start, name, resume_only=(name != "b%d" % start))
        head = "def __factory__(%s):" % ", ".join(params)
        tail = "    return (%s)" % "".join(n + ", " for n in names)
        src_lines = [head] + self.lines + [tail]
        line_pcs = [-1] + self.line_pcs + [-1]
        return "\n".join(src_lines) + "\n", line_pcs


def build_blocks(code: CodeObject, G: dict, runtime: dict, starts, stops, existing=None,
                 resume_only=False):
    """Compile the block functions starting at ``starts`` for ``code``.

    ``stops`` maps pcs to the objects a jump there returns instead of a block.
    With ``resume_only`` the blocks start mid-block (the JIT resumes at any pc)
    and refer to the ``existing`` blocks by name. Returns the blocks: pc ->
    function.
    """
    gen = BlockSource(code, runtime.keys(), stops)
    names = [("r%d" if resume_only else "b%d") % s for s in starts]
    gen.internal |= set(names)
    args = dict(runtime)
    args.update(gen.const_params)
    for pc, stop in stops.items():
        args["b%d" % pc] = stop
        gen.internal.add("b%d" % pc)
    if existing is not None:
        for pc, fn in existing.items():
            args.setdefault("b%d" % pc, fn)
    params = sorted(args)
    src, line_pcs = gen.factory(params, starts, names)
    filename = "<tauraro %s:%s>" % (code.filename, code.qualname)
    scope = {}
    try:
        exec(compiled(src, filename), scope)
    except SyntaxError as e:   # a bug in the generator, not in the program
        raise InternalError("generated code for %s does not compile: %s (line %s)"
                            % (code.qualname, e.msg, e.lineno)) from None
    linemap = {1 + offset: pc for offset, pc in enumerate(line_pcs) if pc >= 0}     # source line -> pc
    # (the blocks' frames show the program's function, file and lines: blockframes)
    factory = types.FunctionType(as_program(scope["__factory__"].__code__, linemap, code), G, "__factory__")
    fns = factory(*[args[p] for p in params])
    return dict(zip(starts, fns))


def display_source(code: CodeObject, runtime_names) -> str:
    """The Python the resume interpreter generates for ``code`` (``tauraro dis --python``)."""
    gen = BlockSource(code, runtime_names)
    params = sorted(set(runtime_names) | set(gen.const_params))
    src, _ = gen.factory(params, gen.starts, ["b%d" % s for s in gen.starts])
    return src
