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


class Instr:
    """One instruction; ``pos`` is the source position (lineno, end_lineno, col,
    end_col) of the AST node it implements, as CPython's ``co_positions`` gives it."""
    __slots__ = ("op", "args", "line", "pos")

    def __init__(self, op: OpDef, args: list, line: int, pos=None):
        self.op = op
        self.args = args
        self.line = line
        self.pos = pos

    def __repr__(self):
        return "%s %s (line %d)" % (self.op.name, self.args, self.line)


class ExceptionEntry:
    """Instructions in [start, end) that raise continue at ``handler`` with the
    exception in register ``exc_reg``."""
    __slots__ = ("start", "end", "handler", "exc_reg")

    def __init__(self, start: int, end: int, handler: int, exc_reg: int):
        self.start = start
        self.end = end
        self.handler = handler
        self.exc_reg = exc_reg

    def __repr__(self):
        return "ExceptionEntry(%d..%d -> %d, r%d)" % (self.start, self.end, self.handler, self.exc_reg)


class LoopInfo:
    """A source loop, as the compiler saw it.

    ``header`` is the pc every back edge jumps to (the FOR_ITER, or the first
    instruction of a while test); the loop's instructions are [header, end);
    ``exits`` are the pcs outside the loop that it can continue at (normal exit,
    else clause, break targets). ``parent`` is the enclosing loop's id or -1.
    """
    __slots__ = ("id", "kind", "line", "header", "end", "parent", "exits", "target")

    def __init__(self, id, kind, line, header, end, parent, exits=(), target=None):
        self.id = id
        self.kind = kind              # "for" or "while"
        self.line = line
        self.header = header
        self.end = end
        self.parent = parent
        self.exits = list(exits)
        self.target = target          # for loops: the register of the iterator

    def header_pcs(self, code) -> list:
        """The pcs of the loop's instructions on its own line -- a while loop's test, a for
        loop's target -- which the baseline has run when the hook at the top of the body
        trips, and native code entered there runs again."""
        return [pc for pc in range(self.header, self.end) if code.instrs[pc].line == self.line]

    def __repr__(self):
        return "LoopInfo(%d, %s line %d, pcs %d..%d, parent %d)" % (
            self.id, self.kind, self.line, self.header, self.end - 1, self.parent)


def body_column(fcode) -> int:
    """The first column of CPython code object ``fcode``'s body on its first line (the
    smallest start column of its instructions there; -1 if none has one): what tells apart
    functions whose qualified names and first lines are the same -- lambdas on one line,
    each body after its own ``lambda``. Its first instructions (RESUME, MAKE_CELL) may sit at
    column 0 of the line, or have no position: only spans that are not empty count."""
    cols = [col for line, _, col, end in fcode.co_positions()
            if line == fcode.co_firstlineno and col is not None and end is not None and end > col]
    return min(cols) if cols else -1


class CodeObject:
    def __init__(self, name, qualname, filename, firstlineno, kind, instrs, consts, names, nregs,
                 regnames, nlocals, params, argcount=0, posonlyargcount=0, kwonlyargcount=0, flags=0,
                 cellvars=(), freevars=(), exc_table=(), loops=(), docstring=None, ns_reg=None,
                 return_sites=(), source_lines=None):
        self.name = name
        self.qualname = qualname
        self.filename = filename
        self.firstlineno = firstlineno
        self.firstcol = -1                    # a comprehension: its node's column (the JIT finds it by it)
        self.as_list = None                   # a generator expression: its loop building a list
        self.kind = kind                      # module, function, lambda, class, comprehension, genexpr
        self.instrs: list[Instr] = instrs
        self.consts = consts
        self.names: list[str] = names
        self.nregs = nregs
        self.regnames: dict[int, str] = regnames   # register -> variable name
        self.nlocals = nlocals                # registers [0, nlocals) are named locals (incl. params)
        self.params: list[str] = params       # parameter names in register order
        self.argcount = argcount              # positional parameters (incl. positional-only)
        self.posonlyargcount = posonlyargcount
        self.kwonlyargcount = kwonlyargcount
        self.flags = flags
        self.cellvars = list(cellvars)        # (name, register)
        self.freevars = list(freevars)        # (name, register)
        self.exc_table: list[ExceptionEntry] = list(exc_table)
        self.loops: list[LoopInfo] = list(loops)
        # (pc, value operand, loop ids): returns that leave through cleanup outside those loops
        self.return_sites = list(return_sites)
        self.docstring = docstring
        self.ns_reg = ns_reg                  # class bodies and exec'd code: the namespace register
        self.source_lines = source_lines
        self.runtime = None                   # set by the VM the first time this code runs

    @property
    def is_generator(self) -> bool:
        return bool(self.flags & GENERATOR)

    def new_registers(self) -> list:
        """A register file for a frame of this code: every register unbound."""
        return [UNBOUND] * (self.nregs + 2)

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

    def cell_name(self, reg: int) -> str:
        """The name of the cell or free variable whose cell is in register ``reg``."""
        for name, r in self.cellvars + self.freevars:
            if r == reg:
                return name
        return "r%d" % reg

    def children(self):
        """Code objects of the functions, classes and comprehensions defined here."""
        return [c for c in self.consts if isinstance(c, CodeObject)]

    def compiled_from(self, fcode):
        """The register code of the function (or this module) whose CPython code object
        is ``fcode``, found among this module's code by qualified name and first line."""
        qualname = getattr(fcode, "co_qualname", fcode.co_name)
        if fcode.co_name == "<module>":
            return self
        functions = self.__dict__.get("_functions")
        if functions is None:
            # (indexed once: the JIT asks for every callee it inlines, at every try)
            functions = self._functions = {}
            stack = [self]
            while stack:
                c = stack.pop()
                # (a comprehension: its own frame on 3.11, where a generator expression in
                # it runs)
                if c.kind in ("function", "lambda", "comprehension"):
                    functions.setdefault(c.qualname, []).append(c)
                stack.extend(c.children())
        # (the same qualified name and first line as CPython's: compiler.CodeGen._child_qualname;
        # no other function is taken for it -- one of another name or line has another body)
        same = [c for c in functions.get(qualname, ()) if c.firstlineno == fcode.co_firstlineno]
        if len(same) > 1:
            # (lambdas or comprehensions on one line -- ``f, g = (lambda x: x + 1), (lambda x:
            # x * 100)`` -- told apart by the column their code's first-line instructions
            # start at: a lambda's body, a comprehension's bracket)
            body = body_column(fcode)
            same = [c for c in same if c.firstcol == body]
        return same[0] if len(same) == 1 else None

    def __repr__(self):
        return "<code %s, file %r, line %d>" % (self.qualname, self.filename, self.firstlineno)
