"""CodeObject: the compiled form of one module, function, class body or comprehension.

A code object is plain data: instructions (an opcode, operand list and source
line each), constants, register names, the exception table and the loop table.
The VM turns it into executable block functions (``tauraro.vm.blockgen``); the
JIT reads its loop table to find regions; ``tauraro dis`` prints it.

Register file layout of a frame (``nregs`` registers plus two slots)::

    [ parameters | other locals and cells | free-variable cells | temporaries | RET | RESUME ]

``RET`` (index -2) receives the value a block returns or yields; ``RESUME`` (index
-1) holds the pc a suspended generator resumes at.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .opcodes import OpDef

# code flags
GENERATOR = 1
VARARGS = 2
VARKEYWORDS = 4

RET = -2
RESUME = -1


class _Unbound:
    """The value of a register whose variable is not assigned (or was deleted)."""
    __slots__ = ()

    def __repr__(self):
        return "<unbound>"

    def __reduce__(self):
        return "UNBOUND"


UNBOUND = _Unbound()


@dataclass(slots=True)
class Instr:
    op: OpDef
    args: list
    line: int

    def __repr__(self):
        return "%s %s (line %d)" % (self.op.name, self.args, self.line)


@dataclass(slots=True, frozen=True)
class ExceptionEntry:
    """Instructions in [start, end) that raise continue at ``handler`` with the
    exception in register ``exc_reg``."""
    start: int
    end: int
    handler: int
    exc_reg: int


@dataclass(slots=True)
class LoopInfo:
    """A source loop, as the compiler saw it.

    ``header`` is the pc every back edge jumps to (the FOR_ITER, or the first
    instruction of a while test); the loop's instructions are [header, end);
    ``exits`` are the pcs outside the loop that it can continue at (normal exit,
    else clause, break targets). ``parent`` is the enclosing loop's id or -1.
    """
    id: int
    kind: str          # "for" or "while"
    line: int
    header: int
    end: int
    parent: int
    exits: list = field(default_factory=list)
    target: object = None  # for loops: the register of the iterator


@dataclass(eq=False)
class CodeObject:
    name: str
    qualname: str
    filename: str
    firstlineno: int
    kind: str                      # module, function, lambda, class, comprehension, genexpr
    instrs: list[Instr]
    consts: list
    names: list[str]
    nregs: int
    regnames: dict[int, str]       # register -> variable name (locals, cells, frees)
    nlocals: int                   # registers [0, nlocals) are named locals (incl. params)
    params: list[str]              # parameter names in register order
    argcount: int = 0              # positional parameters (incl. positional-only)
    posonlyargcount: int = 0
    kwonlyargcount: int = 0
    flags: int = 0
    cellvars: list[tuple[str, int]] = field(default_factory=list)   # (name, register)
    freevars: list[tuple[str, int]] = field(default_factory=list)   # (name, register)
    exc_table: list[ExceptionEntry] = field(default_factory=list)
    loops: list[LoopInfo] = field(default_factory=list)
    docstring: object = None
    ns_reg: int | None = None      # class bodies and exec'd code: register of the namespace mapping
    source_lines: list[str] | None = None
    # filled in by the VM the first time this code runs (see tauraro.vm.blockgen)
    runtime: object = None

    @property
    def is_generator(self) -> bool:
        return bool(self.flags & GENERATOR)

    def line_of(self, pc: int) -> int:
        if 0 <= pc < len(self.instrs):
            return self.instrs[pc].line
        return self.firstlineno

    def source_line(self, line: int) -> str | None:
        if self.source_lines and 1 <= line <= len(self.source_lines):
            return self.source_lines[line - 1]
        return None

    def handler_for(self, pc: int) -> ExceptionEntry | None:
        for e in self.exc_table:
            if e.start <= pc < e.end:
                return e
        return None

    def children(self):
        """Code objects of the functions, classes and comprehensions defined here."""
        return [c for c in self.consts if isinstance(c, CodeObject)]

    def __repr__(self):
        return "<code %s, file %r, line %d>" % (self.qualname, self.filename, self.firstlineno)
