"""Compile a Python AST into Tauraro register bytecode.

One :class:`CodeGen` compiles one scope (module, function, lambda, class body or
comprehension) into a list of instructions, labels and two pseudo-instructions
(``SetupExcept``/``PopBlock``, marking protected regions the way CPython 3.11's
compiler does); :func:`tauraro.compiler.assembler.assemble` turns that list into a
:class:`CodeObject`.

Registers: named locals get fixed registers; every intermediate value gets a
temporary register, allocated like a stack and released at the end of each
statement. An expression is compiled by :meth:`CodeGen.expr`, which returns the
*operand* holding its value: a register number (>= 0) or a constant (< 0).
"""
from __future__ import annotations

import ast
import symtable
import sys

from . import scopes
from .assembler import assemble, Label, SetupExcept, PopBlock, LoopRecord, ReturnSite
from .code import CodeObject, Instr, GENERATOR, VARARGS, VARKEYWORDS, UNBOUND
from .errors import UnsupportedConstruct
from .opcodes import BY_NAME

_BINOP = {
    ast.Add: "ADD", ast.Sub: "SUB", ast.Mult: "MUL", ast.Div: "TRUEDIV",
    ast.FloorDiv: "FLOORDIV", ast.Mod: "MOD", ast.Pow: "POW", ast.LShift: "LSHIFT",
    ast.RShift: "RSHIFT", ast.BitAnd: "AND", ast.BitOr: "OR", ast.BitXor: "XOR",
    ast.MatMult: "MATMUL",
}
_CMPOP = {
    ast.Lt: "LT", ast.LtE: "LE", ast.Eq: "EQ", ast.NotEq: "NE", ast.Gt: "GT",
    ast.GtE: "GE", ast.Is: "IS", ast.IsNot: "IS_NOT", ast.In: "IN", ast.NotIn: "NOT_IN",
}
_UNARY = {ast.USub: "NEG", ast.UAdd: "POS", ast.Invert: "INVERT", ast.Not: "NOT"}
_CONVERSION = {-1: 0, 115: 1, 114: 2, 97: 3}   # none, !s, !r, !a

_UNSUPPORTED = {
    ast.AsyncFunctionDef: "'async def'",
    ast.AsyncFor: "'async for'",
    ast.AsyncWith: "'async with'",
    ast.Await: "'await'",
}
if sys.version_info >= (3, 11):
    _UNSUPPORTED[ast.TryStar] = "'except*' (exception groups)"


def compile_source(source: str, filename: str, mode: str = "exec",
                   namespace: bool = False, checked: bool = False) -> CodeObject:
    """Compile source text. SyntaxErrors are CPython's own: the host parser and
    compiler check the program first, so messages and positions match. (``checked``: the
    host compiled this very text already -- a file the program runs -- and its compiler
    is not run again: it would write the file's SyntaxWarnings a second time.)

    ``mode`` is "exec" (a module) or "eval" (one expression, whose value the code
    returns). With ``namespace`` the top-level names live in a mapping held in
    register 0 rather than in the globals, as for ``exec(src, globals, locals)``.
    """
    tree = ast.parse(source, filename, mode)
    if not checked:
        compile(tree, filename, mode, dont_inherit=True)
    _reject_unsupported(tree, filename)
    unit = Unit(filename, source)
    table = symtable.symtable(source, filename, mode)
    gen = CodeGen(unit, scopes.Scope(table), "module", "<module>", "<module>", 1,
                  namespace=namespace)
    if mode == "eval":
        gen.lineno = tree.body.lineno
        gen.emit("RETURN", gen.expr(tree.body))
    else:
        gen.compile_module(tree)
    return gen.finish()


def _back_edge_position(loop):
    """The source position of CPython's backward jump at the end of ``loop``'s body: a
    while loop's test's (3.11: the statement's for ``while True``); a for loop's, the
    position of the body's last instruction, which it takes -- the store of an assignment's
    last target, an expression statement's value. None where that is not worked out here
    (the body ends in a compound statement)."""
    if isinstance(loop, ast.While):
        if sys.version_info < (3, 12) and isinstance(loop.test, ast.Constant) and loop.test.value:
            return _position(loop)
        return _position(loop.test)
    last = loop.body[-1]
    if isinstance(last, ast.Assign):
        target = last.targets[-1]
    elif isinstance(last, (ast.AugAssign, ast.AnnAssign)) and getattr(last, "value", None) is not None:
        target = last.target
    elif isinstance(last, ast.Expr):
        return _position(last.value)
    else:
        return None
    while isinstance(target, (ast.Tuple, ast.List)) and target.elts:
        target = target.elts[-1]
    if isinstance(target, ast.Starred):
        target = target.value
    return _position(target) if isinstance(target, (ast.Name, ast.Attribute, ast.Subscript)) else None


def _position(node):
    line = getattr(node, "lineno", None)
    if line is None:
        return None
    end = getattr(node, "end_lineno", None)
    col = getattr(node, "col_offset", None)
    end_col = getattr(node, "end_col_offset", None)
    return (line, end if end is not None else line, col, end_col if end_col is not None else col)


def _reject_unsupported(tree, filename):
    for node in ast.walk(tree):
        what = _UNSUPPORTED.get(type(node))
        if what is None and isinstance(node, ast.comprehension) and node.is_async:
            what = "an 'async for' comprehension"
        if what is not None:
            raise UnsupportedConstruct(what, filename, node.lineno,
                                       "coroutines are not supported yet")


class Unit:
    """What all code objects of one source file share."""

    def __init__(self, filename: str, source: str):
        self.filename = filename
        self.source_lines = source.splitlines()


class FBlock:
    """A statement that break/continue/return must leave cleanly (CPython's fblock)."""
    __slots__ = ("kind", "loop", "head", "end", "body", "save", "exit", "name", "exc")

    def __init__(self, kind, **kw):
        self.kind = kind
        self.loop = self.head = self.end = self.body = None
        self.save = self.exit = self.name = self.exc = None
        for k, v in kw.items():
            setattr(self, k, v)


def _mangle(class_name, name):
    if class_name is None or not name.startswith("__") or name.endswith("__") or "." in name:
        return name
    stripped = class_name.lstrip("_")
    if not stripped:
        return name
    return "_" + stripped + name


def _has_walrus(node) -> bool:
    return any(isinstance(n, ast.NamedExpr) for n in ast.walk(node))


def _is_docstring(stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


class CodeGen:
    def __init__(self, unit: Unit, scope: scopes.Scope, kind: str, name: str, qualname: str,
                 firstlineno: int, class_name: str | None = None, args: ast.arguments | None = None,
                 namespace: bool = False):
        self.unit = unit
        self.scope = scope
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.firstlineno = firstlineno
        self.class_name = class_name      # for private name mangling
        self.lineno = firstlineno
        self.pos = None                # (lineno, end_lineno, col, end_col) of the node being compiled
        self.code: list = []
        # where a local variable was named, for the next instruction reading its register
        # (its CHECK_BOUND stands there, as CPython's LOAD_FAST_CHECK: tauraro.compiler.assembler)
        self._named_at: dict = {}
        self.read_positions: dict = {}     # id(Instr) -> (the Instr, {register: position})
        self.consts: list = []
        self._const_index: dict = {}
        self.names: list[str] = []
        self._name_index: dict[str, int] = {}
        self.flags = 0
        self.fblocks: list[FBlock] = []
        self.loops: list[LoopRecord] = []
        self.loop_stack: list[LoopRecord] = []
        self.docstring = None
        self.regs: dict[str, int] = {}
        self.regnames: dict[int, str] = {}
        self.params: list[str] = []
        self.argcount = self.posonlyargcount = self.kwonlyargcount = 0
        self.cellvars: list[tuple[str, int]] = []
        self.freevars: list[tuple[str, int]] = []
        self.ns_reg = None                # class bodies (and exec'd code): the namespace mapping
        self.namespace = namespace
        self._layout(args)
        self.temp_base = self.temp_top = self.max_reg = len(self.regnames)

    # --- register layout -----------------------------------------------------------
    def _add_reg(self, name: str) -> int:
        reg = len(self.regnames)
        self.regs[name] = reg
        self.regnames[reg] = name
        return reg

    def _layout(self, args):
        if self.kind == "class" or self.namespace:
            self.ns_reg = len(self.regnames)
            self.regnames[self.ns_reg] = "<namespace>"
        elif self.kind in ("function", "lambda"):
            m = lambda a: _mangle(self.class_name, a.arg)
            pos = [m(a) for a in args.posonlyargs + args.args]
            kwonly = [m(a) for a in args.kwonlyargs]
            params = pos + kwonly
            if args.vararg:
                params.append(m(args.vararg))
                self.flags |= VARARGS
            if args.kwarg:
                params.append(m(args.kwarg))
                self.flags |= VARKEYWORDS
            self.params = params
            self.argcount = len(pos)
            self.posonlyargcount = len(args.posonlyargs)
            self.kwonlyargcount = len(kwonly)
        elif self.kind in ("comprehension", "genexpr"):
            self.params = [".0"]
            self.argcount = 1
        for p in self.params:
            self._add_reg(p)
        if self.scope.type == "function":
            for name in self.scope.locals():
                if name not in self.regs:
                    self._add_reg(name)
        self.nlocals = len(self.regnames)
        for name in self.scope.cells:
            if name not in self.regs:
                self._add_reg(name)
            self.cellvars.append((name, self.regs[name]))
        for name in self.scope.free:
            self.freevars.append((name, self._add_reg(name)))

    # --- emission ------------------------------------------------------------------------
    def emit(self, opname: str, *args):
        op = BY_NAME[opname]
        args = list(args)
        for i, kind in enumerate(op.kinds):
            if kind in ("r", "m") and isinstance(args[i], int) and args[i] < 0:
                # a register-only operand given a constant: load it first
                t = self.temp()
                self.code.append(Instr(BY_NAME["MOVE"], [t, args[i]], self.lineno, self.pos))
                args[i] = t
        instr = Instr(op, args, self.lineno, self.pos)
        if self._named_at:
            reads = {args[i]: self._named_at.pop(args[i]) for i, kind in enumerate(op.kinds)
                     if kind in ("r", "m", "rk") and args[i] in self._named_at}
            if reads:       # (the Instr kept with it: its id is not another's while compiling)
                self.read_positions[id(instr)] = (instr, reads)
        self.code.append(instr)

    def label(self, label: Label):
        self.code.append(label)

    def const(self, value) -> int:
        """The operand for a constant (negative), deduplicated by type and value."""
        try:
            key = (type(value), repr(value) if isinstance(value, float) else value)
            hash(key)
        except TypeError:
            key = ("id", id(value))
        idx = self._const_index.get(key)
        if idx is None:
            idx = len(self.consts)
            self.consts.append(value)
            self._const_index[key] = idx
        return -1 - idx

    def name_idx(self, name: str) -> int:
        idx = self._name_index.get(name)
        if idx is None:
            idx = self._name_index[name] = len(self.names)
            self.names.append(name)
        return idx

    def temp(self) -> int:
        reg = self.temp_top
        self.temp_top += 1
        if self.temp_top > self.max_reg:
            self.max_reg = self.temp_top
        return reg

    def is_temp(self, operand) -> bool:
        return operand >= self.temp_base

    def mangle(self, name: str) -> str:
        return _mangle(self.class_name, name)

    # --- names -------------------------------------------------------------------------------
    def access(self, name: str) -> str:
        if self.namespace:
            return scopes.NAME    # exec'd code: locals mapping, then globals, then builtins
        return self.scope.access(name)

    def load_name(self, name: str, dst=None) -> int:
        name = self.mangle(name)
        if name == "__debug__":
            # (as CPython's compiler folds it: False under -O, which drops asserts too)
            return self._to(self.const(not sys.flags.optimize), dst)
        access = self.access(name)
        if access == scopes.LOCAL:
            return self._to(self.regs[name], dst)
        d = self.temp() if dst is None else dst
        if access in (scopes.CELL, scopes.FREE):
            self.emit("LOAD_DEREF", d, self.regs[name], self.name_idx(name))
        elif access == scopes.GLOBAL:
            self.emit("LOAD_GLOBAL", d, self.name_idx(name))
        elif access == scopes.CLASSDEREF:
            self.emit("LOAD_CLASSDEREF", d, self.ns_reg, self.regs[name], self.name_idx(name))
        else:
            self.emit("LOAD_NAME", d, self.ns_reg, self.name_idx(name))
        return d

    def store_name(self, name: str, value: int):
        name = self.mangle(name)
        access = self.access(name)
        if access == scopes.LOCAL:
            if self.regs[name] != value:
                self.emit("MOVE", self.regs[name], value)
        elif access in (scopes.CELL, scopes.FREE):
            self.emit("STORE_DEREF", self.regs[name], value)
        elif access == scopes.GLOBAL:
            self.emit("STORE_GLOBAL", self.name_idx(name), value)
        else:
            self.emit("STORE_NAME", self.ns_reg, self.name_idx(name), value)

    def delete_name(self, name: str):
        name = self.mangle(name)
        access = self.access(name)
        if access == scopes.LOCAL:
            self.emit("DELETE_FAST", self.regs[name], self.name_idx(name))
        elif access in (scopes.CELL, scopes.FREE):
            self.emit("DELETE_DEREF", self.regs[name], self.name_idx(name))
        elif access == scopes.GLOBAL:
            self.emit("DELETE_GLOBAL", self.name_idx(name))
        else:
            self.emit("DELETE_NAME", self.ns_reg, self.name_idx(name))

    def local_reg(self, name: str):
        """The register a plain assignment to ``name`` can write directly, if any."""
        name = self.mangle(name)
        if self.access(name) == scopes.LOCAL:
            return self.regs[name]
        return None

    def _to(self, operand: int, dst):
        if dst is None or dst == operand:
            return operand
        self.emit("MOVE", dst, operand)
        return dst

    # --- entry points ----------------------------------------------------------------------
    def _prologue(self):
        for name, reg in self.cellvars:
            self.emit("MAKE_CELL", reg)

    def compile_module(self, tree: ast.Module):
        body = tree.body
        if body and _is_docstring(body[0]):
            self.lineno = body[0].lineno
            self.store_name("__doc__", self.const(body[0].value.value))
            body = body[1:]
        if any(isinstance(n, ast.AnnAssign) for n in _shallow_statements(tree.body)):
            if self.ns_reg is not None:
                self.emit("SETUP_ANNOTATIONS", self.ns_reg)
            else:
                t = self.temp()
                self.emit("LOAD_GLOBALS", t)
                self.emit("SETUP_ANNOTATIONS", t)
                self.temp_top = self.temp_base
        self.statements(body)
        self.emit("RETURN", self.const(None))

    def compile_function(self, node):
        self._prologue()
        if isinstance(node, ast.Lambda):
            self.lineno = node.lineno
            self.emit("RETURN", self.expr(node.body))
            return
        body = node.body
        if _is_docstring(body[0]):
            self.docstring = body[0].value.value
        self.statements(body)
        self.lineno = _last_line(node)
        self.emit("RETURN", self.const(None))

    def compile_class(self, node: ast.ClassDef):
        self._prologue()
        self.lineno = node.lineno
        t = self.load_name("__name__")
        self.emit("STORE_NAME", self.ns_reg, self.name_idx("__module__"), t)
        self.emit("STORE_NAME", self.ns_reg, self.name_idx("__qualname__"), self.const(self.qualname))
        self.temp_top = self.temp_base
        body = node.body
        if _is_docstring(body[0]):
            self.emit("STORE_NAME", self.ns_reg, self.name_idx("__doc__"), self.const(body[0].value.value))
            body = body[1:]
        if any(isinstance(n, ast.AnnAssign) for n in _shallow_statements(node.body)):
            self.emit("SETUP_ANNOTATIONS", self.ns_reg)
        self.statements(body)
        self.lineno = _last_line(node)
        for name, reg in self.cellvars:
            if name == "__class__":
                self.emit("STORE_NAME", self.ns_reg, self.name_idx("__classcell__"), reg)
        self.emit("RETURN", self.const(None))

    def finish(self) -> CodeObject:
        return assemble(self)

    # --- statements ----------------------------------------------------------------------------
    def statements(self, stmts):
        for s in stmts:
            self.statement(s)

    def statement(self, node):
        self.lineno = node.lineno
        saved = self.pos
        self.pos = _position(node) or saved
        mark = self.temp_top
        self._named_at.clear()
        getattr(self, "stmt_" + type(node).__name__)(node)
        self.temp_top = mark
        self.pos = saved

    def stmt_Expr(self, node):
        self.expr(node.value)

    def stmt_Pass(self, node):
        pass

    def stmt_Global(self, node):
        pass

    stmt_Nonlocal = stmt_Global

    def stmt_Assign(self, node):
        value = node.value
        if len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                reg = self.local_reg(target.id)
                if reg is not None:
                    self.expr(value, reg)
                    return
            if (isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List))
                    and len(target.elts) == len(value.elts)
                    and not any(isinstance(e, ast.Starred) for e in target.elts + value.elts)):
                temps = [self.expr(v, self.temp()) for v in value.elts]
                for t, v in zip(target.elts, temps):
                    self.assign(t, v)
                return
        v = self.expr(value)
        for target in node.targets:
            self.assign(target, v)

    def assign(self, target, value: int):
        """Store operand ``value`` into an assignment target."""
        self.lineno = target.lineno
        if isinstance(target, ast.Name):
            self.store_name(target.id, value)
        elif isinstance(target, ast.Attribute):
            obj = self.expr(target.value)
            self.lineno = target.lineno
            # (at the target's position, as CPython's store: a traceback's carets mark it)
            self._emit_at(target, "STORE_ATTR", obj, self.name_idx(self.mangle(target.attr)), value)
        elif isinstance(target, ast.Subscript):
            obj, idx = self.operands([target.value, target.slice])
            self.lineno = target.lineno
            self._emit_at(target, "STORE_SUBSCR", obj, idx, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            elts = target.elts
            star = [i for i, e in enumerate(elts) if isinstance(e, ast.Starred)]
            outs = []
            for e in elts:
                inner = e.value if isinstance(e, ast.Starred) else e
                reg = self.local_reg(inner.id) if isinstance(inner, ast.Name) else None
                outs.append(reg if reg is not None and reg not in outs else self.temp())
            self.lineno = target.lineno
            saved = self.pos
            self.pos = _position(target) or saved     # (CPython's position: the targets)
            if star:
                self.emit("UNPACK_EX", value, star[0], *outs)
            else:
                self.emit("UNPACK", value, *outs)
            self.pos = saved
            for e, reg in zip(elts, outs):
                inner = e.value if isinstance(e, ast.Starred) else e
                if not (isinstance(inner, ast.Name) and self.local_reg(inner.id) == reg):
                    self.assign(inner, reg)
        elif isinstance(target, ast.Starred):
            self.assign(target.value, value)
        else:
            raise UnsupportedConstruct("assignment to %s" % type(target).__name__,
                                       self.unit.filename, target.lineno)

    def _emit_at(self, node, *instruction):
        saved = self.pos
        self.pos = _position(node) or saved
        self.emit(*instruction)
        self.pos = saved

    def stmt_AugAssign(self, node):
        opname = "I" + _BINOP[type(node.op)]
        target = node.target
        if isinstance(target, ast.Name):
            reg = self.local_reg(target.id)
            if reg is not None and not _has_walrus(node.value):
                v = self.expr(node.value)
                self.lineno = node.lineno
                self.emit(opname, reg, v)
                return
            t = self.load_name(target.id, self.temp())
            v = self.expr(node.value)
            self.lineno = node.lineno
            self.emit(opname, t, v)
            self.store_name(target.id, t)
        elif isinstance(target, ast.Attribute):
            # the load and the store stand at the target, the operation at the statement
            # (as CPython's positions are: a traceback's carets show which failed)
            obj = self.materialize(self.expr(target.value))
            t = self.temp()
            attr = self.name_idx(self.mangle(target.attr))
            self._emit_at(target, "LOAD_ATTR", t, obj, attr)
            v = self.expr(node.value)
            self.lineno = node.lineno
            self.emit(opname, t, v)
            self._emit_at(target, "STORE_ATTR", obj, attr, t)
        elif isinstance(target, ast.Subscript):
            obj, idx = self.operands([target.value, target.slice], copy_locals=True)
            t = self.temp()
            self._emit_at(target, "SUBSCR", t, obj, idx)
            v = self.expr(node.value)
            self.lineno = node.lineno
            self.emit(opname, t, v)
            self._emit_at(target, "STORE_SUBSCR", obj, idx, t)
        else:
            raise UnsupportedConstruct("augmented assignment to %s" % type(target).__name__,
                                       self.unit.filename, node.lineno)

    def stmt_AnnAssign(self, node):
        target = node.target
        if node.value is not None:
            if isinstance(target, ast.Name):
                reg = self.local_reg(target.id)
                if reg is not None:
                    self.expr(node.value, reg)
                else:
                    self.assign(target, self.expr(node.value))
            else:
                self.assign(target, self.expr(node.value))
        if self.kind in ("module", "class") and isinstance(target, ast.Name) and node.simple:
            self.lineno = node.lineno
            ann = self.expr(node.annotation)
            d = self.load_name("__annotations__")
            self.emit("STORE_SUBSCR", d, self.const(self.mangle(target.id)), ann)
        elif self.kind in ("module", "class") and not isinstance(target, ast.Name):
            self.expr(node.annotation)

    def stmt_Delete(self, node):
        for target in node.targets:
            self.delete(target)

    def delete(self, target):
        self.lineno = target.lineno
        if isinstance(target, ast.Name):
            self.delete_name(target.id)
        elif isinstance(target, ast.Attribute):
            obj = self.expr(target.value)
            self.emit("DELETE_ATTR", obj, self.name_idx(self.mangle(target.attr)))
        elif isinstance(target, ast.Subscript):
            obj, idx = self.operands([target.value, target.slice])
            self.emit("DELETE_SUBSCR", obj, idx)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for e in target.elts:
                self.delete(e)

    def stmt_Assert(self, node):
        if sys.flags.optimize:
            return              # (-O: CPython compiles no assert)
        ok = Label()
        self.branch(node.test, ok, True)
        self.lineno = node.lineno
        saved = self.pos
        # (the error raised where CPython raises it, which a traceback's carets mark: at the
        # test's position -- the statement's on 3.12)
        at = saved if sys.version_info[:2] == (3, 12) else _position(node.test) or saved
        if node.msg is not None:
            msg = self.expr(node.msg)
            t = self.temp()
            self.emit("CALL", t, self.const(AssertionError), msg)
            self.pos = at
            self.emit("RAISE", t)
        else:
            self.pos = at
            self.emit("RAISE", self.const(AssertionError))
        self.pos = saved
        self.label(ok)

    def stmt_Raise(self, node):
        if node.exc is None:
            self.emit("RERAISE_CURRENT")
            return
        exc = self.expr(node.exc)
        if node.cause is not None:
            cause = self.expr(node.cause)
            self.lineno = node.lineno
            self.emit("RAISE_FROM", exc, cause)
        else:
            self.lineno = node.lineno
            self.emit("RAISE", exc)

    def stmt_Return(self, node):
        value = self.const(None) if node.value is None else self.expr(node.value)
        if any(fb.kind != "loop" for fb in self.fblocks):
            # read the value inside the try/with, before the cleanup code can change it
            value = self.materialize(value)
        self.lineno = node.lineno
        outside = self._loops_with_cleanup_outside()
        if outside:
            # resuming inside one of these loops stops here: the baseline's own ``return``
            # runs the cleanup (finally, with, except) that lies outside the loop
            self.code.append(ReturnSite(value, outside))
        self.unwind_all()
        self.lineno = node.lineno
        self.emit("RETURN", value)

    def _loops_with_cleanup_outside(self) -> list[int]:
        """Ids of the enclosing loops that a return leaves through cleanup code outside them."""
        out = []
        cleanup_below = False
        for fb in self.fblocks:
            if fb.kind == "loop":
                if cleanup_below:
                    out.append(fb.loop.id)
            elif fb.kind != "try_except":
                cleanup_below = True
        return out

    # --- control flow ------------------------------------------------------------------------
    def stmt_If(self, node):
        end = Label()
        orelse = Label() if node.orelse else end
        self.branch(node.test, orelse, False)
        self.statements(node.body)
        if node.orelse:
            if not _ends_flow(node.body):
                self.emit("JUMP", end)
            self.label(orelse)
            self.statements(node.orelse)
        self.label(end)

    def _begin_loop(self, kind, node, head):
        loop = LoopRecord(len(self.loops), kind, node.lineno, head,
                          self.loop_stack[-1].id if self.loop_stack else -1)
        self.loops.append(loop)
        self.loop_stack.append(loop)
        return loop

    def stmt_While(self, node):
        head, orelse, end = Label(), Label(), Label()
        self.label(head)
        loop = self._begin_loop("while", node, head)
        if not (isinstance(node.test, ast.Constant) and node.test.value):
            self.branch(node.test, orelse, False)
        self._loop_body(node, loop, head, orelse, end)
        self.statements(node.orelse)
        self.label(end)

    def _loop_body(self, node, loop, head, orelse, end):
        """A loop's body, its back edge, and the loop's end (where its else clause starts)."""
        self.fblocks.append(FBlock("loop", loop=loop, head=head, end=end))
        self.statements(node.body)
        self.fblocks.pop()
        self.lineno = node.lineno
        saved = self.pos
        back = _back_edge_position(node)
        if back is not None:
            # (where CPython's backward jump stands, which its pending signal handlers run
            # at: a Ctrl-C in a compiled loop is raised there -- tauraro.vm.hooks)
            self.lineno, self.pos = back[0], back
        self.emit("JUMP_BACK", head, loop.id)
        self.lineno, self.pos = node.lineno, saved
        self.label(orelse)
        self.loop_stack.pop()
        loop.end = orelse
        loop.exits = [orelse, end]

    def stmt_For(self, node):
        it = self.temp()
        self.expr(node.iter, it)    # one register: dropping it at loop exit frees the iterable
        self.emit("GET_ITER", it, it)
        head, orelse, end = Label(), Label(), Label()
        self.lineno = node.lineno
        self.label(head)
        loop = self._begin_loop("for", node, head)
        loop.iter_reg = it
        target = node.target
        reg = self.local_reg(target.id) if isinstance(target, ast.Name) else None
        if reg is not None:
            self.emit("FOR_ITER", reg, it, orelse)
        else:
            t = self.temp()
            self.emit("FOR_ITER", t, it, orelse)
            self.assign(target, t)
        self._loop_body(node, loop, head, orelse, end)
        # the iterator is dropped as soon as the loop ends, as CPython pops it (a
        # generator's finally runs now); after a break, at the break target
        self.emit("MOVE", it, self.const(None))
        self.statements(node.orelse)
        self.label(end)
        if self._has_break(node.body):
            self.emit("MOVE", it, self.const(None))

    @staticmethod
    def _has_break(body) -> bool:
        stack = list(body)
        while stack:
            s = stack.pop()
            if isinstance(s, ast.Break):
                return True
            if isinstance(s, (ast.For, ast.While, ast.AsyncFor, ast.FunctionDef, ast.ClassDef,
                              ast.AsyncFunctionDef)):
                continue
            for field in ("body", "orelse", "finalbody"):
                stack.extend(getattr(s, field, []) or [])
            for h in getattr(s, "handlers", []) or []:
                stack.extend(h.body)
            for c in getattr(s, "cases", []) or []:
                stack.extend(c.body)
        return False

    def _enclosing_loop(self):
        for i in range(len(self.fblocks) - 1, -1, -1):
            if self.fblocks[i].kind == "loop":
                return i
        return None

    def stmt_Break(self, node):
        i = self._enclosing_loop()
        self.unwind_to(i + 1)
        self.lineno = node.lineno
        self.emit("JUMP", self.fblocks[i].end)

    def stmt_Continue(self, node):
        i = self._enclosing_loop()
        self.unwind_to(i + 1)
        self.lineno = node.lineno
        fb = self.fblocks[i]
        self.emit("JUMP_BACK", fb.head, fb.loop.id)

    def unwind_all(self):
        self.unwind_to(0)

    def unwind_to(self, depth: int):
        """Emit the cleanup for leaving every fblock above ``depth`` (innermost first)."""
        saved = self.fblocks
        for i in range(len(saved) - 1, depth - 1, -1):
            fb = saved[i]
            self.fblocks = saved[:i]   # code emitted for this exit runs outside fb
            self._unwind_one(fb)
        self.fblocks = saved

    def _unwind_one(self, fb: FBlock):
        if fb.kind == "loop":
            return
        if fb.kind == "try_except":
            self.code.append(PopBlock())
        elif fb.kind == "finally_try":
            self.code.append(PopBlock())
            mark = self.temp_top
            self.statements(fb.body)
            self.temp_top = mark
        elif fb.kind in ("finally_end", "handler"):
            self.code.append(PopBlock())
            self.emit("POP_EXC", fb.save)
        elif fb.kind == "handler_cleanup":
            if fb.name is not None:
                self.code.append(PopBlock())
                self._unbind(fb.name)
        elif fb.kind == "with":
            self.code.append(PopBlock())
            t = self.temp()
            none = self.const(None)
            self.emit("CALL", t, fb.exit, none, none, none)

    def _unbind(self, name: str):
        """``name = None; del name`` as CPython does after ``except ... as name``."""
        reg = self.local_reg(name)
        if reg is not None:
            self.emit("MOVE", reg, self.const(UNBOUND))
        else:
            self.store_name(name, self.const(None))
            self.delete_name(name)

    def stmt_Try(self, node):
        if node.finalbody:
            self._try_finally(node)
        else:
            self._try_except(node)

    def _try_finally(self, node):
        handler, exit_ = Label(), Label()
        e = self.temp()
        self.code.append(SetupExcept(handler, e))
        self.fblocks.append(FBlock("finally_try", body=node.finalbody))
        if node.handlers:
            self._try_except(node)
        else:
            self.statements(node.body)
        self.fblocks.pop()
        self.code.append(PopBlock())
        self.statements(node.finalbody)
        if not _ends_flow(node.finalbody):
            self.emit("JUMP", exit_)
        # exceptional path: run the finally body with the exception being handled
        self.label(handler)
        self.lineno = node.finalbody[0].lineno
        cleanup = Label()
        e2, save = self.temp(), self.temp()
        self.code.append(SetupExcept(cleanup, e2))
        self.emit("PUSH_EXC", e, save)
        self.fblocks.append(FBlock("finally_end", save=save))
        self.statements(node.finalbody)
        self.fblocks.pop()
        self.code.append(PopBlock())
        self.emit("POP_EXC", save)
        self.emit("RERAISE", e)
        self.label(cleanup)
        self.emit("POP_EXC", save)
        self.emit("RERAISE", e2)
        self.label(exit_)

    def _try_except(self, node):
        handler_l, end = Label(), Label()
        e = self.temp()
        self.code.append(SetupExcept(handler_l, e))
        self.fblocks.append(FBlock("try_except"))
        self.statements(node.body)
        self.fblocks.pop()
        self.code.append(PopBlock())
        self.statements(node.orelse)
        if not _ends_flow(node.orelse or node.body):
            self.emit("JUMP", end)
        self.label(handler_l)
        self.lineno = node.handlers[0].lineno
        cleanup = Label()
        e2, save = self.temp(), self.temp()
        self.code.append(SetupExcept(cleanup, e2))
        self.emit("PUSH_EXC", e, save)
        for h in node.handlers:
            self.lineno = h.lineno
            mark = self.temp_top
            nxt = Label()
            if h.type is not None:
                typ = self.expr(h.type)
                t = self.temp()
                self.lineno = h.lineno
                self.emit("EXC_MATCH", t, e, typ)
                self.emit("JUMP_IF_FALSE", t, nxt)
            self.fblocks.append(FBlock("handler", save=save))
            if h.name is not None:
                self.store_name(h.name, e)
                cleanup_end = Label()
                e3 = self.temp()
                self.code.append(SetupExcept(cleanup_end, e3))
                self.fblocks.append(FBlock("handler_cleanup", name=h.name))
                self.statements(h.body)
                self.fblocks.pop()
                self.code.append(PopBlock())
                self.code.append(PopBlock())
                self.emit("POP_EXC", save)
                self._unbind(h.name)
                self.emit("JUMP", end)
                self.label(cleanup_end)
                self._unbind(h.name)
                self.emit("RERAISE", e3)
            else:
                self.fblocks.append(FBlock("handler_cleanup", name=None))
                self.statements(h.body)
                self.fblocks.pop()
                self.code.append(PopBlock())
                self.emit("POP_EXC", save)
                self.emit("JUMP", end)
            self.fblocks.pop()
            self.label(nxt)
            self.temp_top = mark
        self.emit("RERAISE", e)
        self.label(cleanup)
        self.emit("POP_EXC", save)
        self.emit("RERAISE", e2)
        self.label(end)

    def stmt_With(self, node):
        self._with(node, 0)

    def _with(self, node, i):
        item = node.items[i]
        self.lineno = node.lineno
        ctx = self.expr(item.context_expr)
        exit_, value = self.temp(), self.temp()
        self.lineno = node.lineno
        self.emit("WITH_ENTER", exit_, value, ctx)
        handler, end = Label(), Label()
        e = self.temp()
        self.code.append(SetupExcept(handler, e))
        self.fblocks.append(FBlock("with", exit=exit_))
        if item.optional_vars is not None:
            self.assign(item.optional_vars, value)
        if i + 1 < len(node.items):
            self._with(node, i + 1)
        else:
            self.statements(node.body)
        self.fblocks.pop()
        self.code.append(PopBlock())
        self.lineno = node.lineno
        saved = self.pos
        if sys.version_info >= (3, 13):
            # (3.13 puts the __exit__ calls where the item's expression is)
            self.pos = _position(item.context_expr)
        t = self.temp()
        none = self.const(None)
        self.emit("CALL", t, exit_, none, none, none)
        self.emit("JUMP", end)
        self.label(handler)
        cleanup, suppress = Label(), Label()
        e2, save = self.temp(), self.temp()
        self.code.append(SetupExcept(cleanup, e2))
        self.emit("PUSH_EXC", e, save)
        self.emit("WITH_EXIT", t, exit_, e)
        self.pos = saved
        self.emit("JUMP_IF_TRUE", t, suppress)
        self.emit("RERAISE", e)
        self.label(suppress)
        self.code.append(PopBlock())
        self.emit("POP_EXC", save)
        self.emit("JUMP", end)
        self.label(cleanup)
        self.emit("POP_EXC", save)
        self.emit("RERAISE", e2)
        self.label(end)

    # --- definitions ---------------------------------------------------------------------------
    def _closure(self, child_scope: scopes.Scope) -> int:
        if not child_scope.free:
            return self.const(None)
        regs = [self.regs[name] for name in child_scope.free]
        t = self.temp()
        self.emit("BUILD_TUPLE", t, *regs)
        return t

    def _child_qualname(self, name: str) -> str:
        """CPython's qualified name of a function, class, lambda or comprehension defined
        here (the JIT finds a function's register code by it: code.Code.compiled_from): a
        name declared global here is the bare name; only a function's (or a lambda's) own
        names get ``.<locals>``, not a class's or a comprehension's."""
        if self.kind == "module":
            return name
        symbols = getattr(self.scope, "symbols", None) or {}
        sym = symbols.get(name)
        if sym is not None and sym.is_declared_global():
            return name
        if self.kind in ("function", "lambda"):
            return self.qualname + ".<locals>." + name
        return self.qualname + "." + name

    def make_function(self, node, dst=None) -> int:
        is_lambda = isinstance(node, ast.Lambda)
        name = "<lambda>" if is_lambda else node.name
        args = node.args
        child_scope = self.scope.child(node)
        # defaults, keyword-only defaults, annotations: evaluated here, in order
        defaults = self.const(None)
        if args.defaults:
            vals = self.operands(args.defaults)
            defaults = self.temp()
            self.emit("BUILD_TUPLE", defaults, *vals)
        kwdefaults = self.const(None)
        kw = [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        if kw:
            items = []
            for a, d in kw:
                items += [self.const(self.mangle(a.arg)), self.materialize(self.expr(d))]
            kwdefaults = self.temp()
            self.emit("BUILD_MAP", kwdefaults, *items)
        annotations = self.const(None)
        if not is_lambda:
            ann = []
            for a in args.posonlyargs + args.args + ([args.vararg] if args.vararg else []) \
                    + args.kwonlyargs + ([args.kwarg] if args.kwarg else []):
                if a.annotation is not None:
                    ann += [self.const(self.mangle(a.arg)), self.materialize(self.expr(a.annotation))]
            if node.returns is not None:
                ann += [self.const("return"), self.materialize(self.expr(node.returns))]
            if ann:
                annotations = self.temp()
                self.emit("BUILD_MAP", annotations, *ann)
        gen = CodeGen(self.unit, child_scope, "lambda" if is_lambda else "function", name,
                      self._child_qualname(name), node.lineno, self.class_name, args)
        gen.compile_function(node)
        code = gen.finish()
        if is_lambda:
            code.firstcol = node.body.col_offset    # (lambdas on one line: code.Code.compiled_from)
        elif node.decorator_list:
            code.firstlineno = node.decorator_list[0].lineno    # (CPython's co_firstlineno)
        closure = self._closure(child_scope)
        self.lineno = node.lineno
        d = self.temp() if dst is None else dst
        self.emit("MAKE_FUNCTION", d, self.const(code), defaults, kwdefaults, closure, annotations)
        return d

    def _decorators(self, node) -> list[int]:
        return [self.materialize(self.expr(d)) for d in node.decorator_list]

    def stmt_FunctionDef(self, node):
        decos = self._decorators(node)
        f = self.make_function(node)
        self.lineno = node.lineno
        for d in reversed(decos):
            self.emit("CALL", f, d, f)
        self.store_name(node.name, f)

    def stmt_ClassDef(self, node):
        decos = self._decorators(node)
        child_scope = self.scope.child(node)
        qualname = self._child_qualname(node.name)
        gen = CodeGen(self.unit, child_scope, "class", node.name, qualname, node.lineno,
                      class_name=node.name)
        gen.compile_class(node)
        code = gen.finish()
        closure = self._closure(child_scope)
        bases = self.sequence(node.bases, "tuple")
        kw = self.const(None)
        if node.keywords:
            kw = self.keywords_dict(node.keywords, None)
        self.lineno = node.lineno
        c = self.temp()
        self.emit("BUILD_CLASS", c, self.const(code), closure, bases, kw)
        for d in reversed(decos):
            self.emit("CALL", c, d, c)
        self.store_name(node.name, c)

    # --- imports ---------------------------------------------------------------------------------
    def stmt_Import(self, node):
        for alias in node.names:
            t = self.temp()
            self.emit("IMPORT_NAME", t, self.name_idx(alias.name), self.const(None), 0)
            if alias.asname:
                for part in alias.name.split(".")[1:]:
                    self.emit("IMPORT_FROM", t, t, self.name_idx(part))
                self.store_name(alias.asname, t)
            else:
                self.store_name(alias.name.split(".")[0], t)

    def stmt_ImportFrom(self, node):
        module = node.module or ""
        fromlist = tuple(a.name for a in node.names)
        m = self.temp()
        self.emit("IMPORT_NAME", m, self.name_idx(module), self.const(fromlist), node.level)
        if fromlist == ("*",):
            if self.ns_reg is not None:
                self.emit("IMPORT_STAR", self.ns_reg, m)
            else:
                g = self.temp()
                self.emit("LOAD_GLOBALS", g)
                self.emit("IMPORT_STAR", g, m)
            return
        for alias in node.names:
            t = self.temp()
            self.emit("IMPORT_FROM", t, m, self.name_idx(alias.name))
            self.store_name(alias.asname or alias.name, t)

    # --- match ---------------------------------------------------------------------------------------
    def stmt_Match(self, node):
        subject = self.materialize(self.expr(node.subject))
        end = Label()
        for case in node.cases:
            mark = self.temp_top
            fail = Label()
            captures: dict[str, int] = {}
            self.lineno = case.pattern.lineno
            self.pattern(case.pattern, subject, fail, captures)
            for name, reg in captures.items():
                self.store_name(name, reg)
            if case.guard is not None:
                self.branch(case.guard, fail, False)
            self.statements(case.body)
            if not _ends_flow(case.body):
                self.emit("JUMP", end)
            self.label(fail)
            self.temp_top = mark
        self.label(end)

    def _capture(self, name, value, captures):
        reg = captures.get(name)
        if reg is None:
            reg = captures[name] = self.temp()
        self.emit("MOVE", reg, value)

    def _fail_unless(self, opname, a, b, fail):
        t = self.temp()
        self.emit(opname, t, a, b)
        self.emit("JUMP_IF_FALSE", t, fail)

    def pattern(self, p, subj: int, fail: Label, captures: dict):
        self.lineno = p.lineno
        if isinstance(p, ast.MatchValue):
            self._fail_unless("EQ", subj, self.expr(p.value), fail)
        elif isinstance(p, ast.MatchSingleton):
            self._fail_unless("IS", subj, self.const(p.value), fail)
        elif isinstance(p, ast.MatchAs):
            if p.pattern is not None:
                self.pattern(p.pattern, subj, fail, captures)
            if p.name is not None:
                self._capture(p.name, subj, captures)
        elif isinstance(p, ast.MatchOr):
            ok = Label()
            for alt in p.patterns[:-1]:
                nxt = Label()
                self.pattern(alt, subj, nxt, captures)
                self.emit("JUMP", ok)
                self.label(nxt)
            self.pattern(p.patterns[-1], subj, fail, captures)
            self.label(ok)
        elif isinstance(p, ast.MatchSequence):
            t = self.temp()
            self.emit("MATCH_SEQUENCE", t, subj)
            self.emit("JUMP_IF_FALSE", t, fail)
            stars = [i for i, s in enumerate(p.patterns) if isinstance(s, ast.MatchStar)]
            n = len(p.patterns)
            ln = self.temp()
            self.emit("GET_LEN", ln, subj)
            if stars:
                self._fail_unless("GE", ln, self.const(n - 1), fail)
            else:
                self._fail_unless("EQ", ln, self.const(n), fail)
            outs = [self.temp() for _ in range(n)]
            if stars:
                self.emit("UNPACK_EX", subj, stars[0], *outs)
            elif n:
                self.emit("UNPACK", subj, *outs)
            for sub, reg in zip(p.patterns, outs):
                if isinstance(sub, ast.MatchStar):
                    if sub.name is not None:
                        self._capture(sub.name, reg, captures)
                else:
                    self.pattern(sub, reg, fail, captures)
        elif isinstance(p, ast.MatchMapping):
            t = self.temp()
            self.emit("MATCH_MAPPING", t, subj)
            self.emit("JUMP_IF_FALSE", t, fail)
            keys = self.temp()
            self.emit("BUILD_TUPLE", keys, *[self.materialize(self.expr(k)) for k in p.keys])
            if p.keys:
                vals = self.temp()
                self.emit("MATCH_KEYS", vals, subj, keys)
                self._fail_unless("IS_NOT", vals, self.const(None), fail)
                outs = [self.temp() for _ in p.keys]
                self.emit("UNPACK", vals, *outs)
                for sub, reg in zip(p.patterns, outs):
                    self.pattern(sub, reg, fail, captures)
            if p.rest is not None:
                rest = self.temp()
                self.emit("MATCH_REST", rest, subj, keys)
                self._capture(p.rest, rest, captures)
        elif isinstance(p, ast.MatchClass):
            cls = self.expr(p.cls)
            attrs = self.temp()
            self.lineno = p.lineno
            self.emit("MATCH_CLASS", attrs, subj, cls, len(p.patterns),
                      self.const(tuple(p.kwd_attrs)))
            self._fail_unless("IS_NOT", attrs, self.const(None), fail)
            subs = p.patterns + p.kwd_patterns
            if subs:
                outs = [self.temp() for _ in subs]
                self.emit("UNPACK", attrs, *outs)
                for sub, reg in zip(subs, outs):
                    self.pattern(sub, reg, fail, captures)
        else:
            raise UnsupportedConstruct("pattern %s" % type(p).__name__, self.unit.filename, p.lineno)

    # --- expressions ---------------------------------------------------------------------------------
    def expr(self, node, dst=None) -> int:
        """Compile an expression; return the operand holding its value.

        With ``dst`` the value ends up in register ``dst``. Without it, a local
        variable or constant is returned as is (no instruction) and anything else
        lands in a fresh temporary.
        """
        self.lineno = node.lineno
        saved = self.pos
        self.pos = _position(node) or saved
        result = getattr(self, "expr_" + type(node).__name__)(node, dst)
        if dst is not None and result != dst:
            self.emit("MOVE", dst, result)
            result = dst
        self.pos = saved
        return result

    def materialize(self, operand: int) -> int:
        """Copy a named local into a temporary, so later code cannot change the value."""
        if operand < 0 or operand >= self.temp_base:
            return operand
        t = self.temp()
        self.emit("MOVE", t, operand)
        return t

    def operands(self, nodes, copy_locals=False) -> list[int]:
        """Evaluate expressions left to right. A local read early stays valid even if
        a later operand rebinds it with ``:=`` (then it is copied first)."""
        later_walrus = [False] * len(nodes)
        seen = False
        for i in range(len(nodes) - 1, -1, -1):
            later_walrus[i] = seen
            seen = seen or _has_walrus(nodes[i])
        out = []
        for node, walrus_after in zip(nodes, later_walrus):
            v = self.expr(node)
            if (walrus_after or copy_locals) and 0 <= v < self.temp_base:
                v = self.materialize(v)
            out.append(v)
        return out

    def expr_Constant(self, node, dst):
        return self.const(node.value)

    def expr_Name(self, node, dst):
        if dst is None and self.access(self.mangle(node.id)) == scopes.LOCAL:
            reg = self.regs[self.mangle(node.id)]
            self._named_at.setdefault(reg, _position(node))
        return self.load_name(node.id, dst)

    def expr_BinOp(self, node, dst):
        mark = self.temp_top
        folded = _fold_binop(node)
        if folded is not _NOFOLD:
            return self.const(folded)
        left, right = self.operands([node.left, node.right])
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        self.emit(_BINOP[type(node.op)], d, left, right)
        return d

    def expr_UnaryOp(self, node, dst):
        folded = _constant(node)
        if folded is not _NOFOLD:
            return self.const(folded)
        mark = self.temp_top
        v = self.expr(node.operand)
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        self.emit(_UNARY[type(node.op)], d, v)
        return d

    def _scratch(self, dst):
        """A register for a multi-instruction result: a temp unless dst is one."""
        if dst is not None and dst >= self.temp_base:
            return dst
        return self.temp()

    def expr_BoolOp(self, node, dst):
        d = self._scratch(dst)
        end = Label()
        jump = "JUMP_IF_FALSE" if isinstance(node.op, ast.And) else "JUMP_IF_TRUE"
        for v in node.values[:-1]:
            mark = self.temp_top
            self.expr(v, d)
            self.temp_top = mark
            self.emit(jump, d, end)
        mark = self.temp_top
        self.expr(node.values[-1], d)
        self.temp_top = mark
        self.label(end)
        return d

    def expr_Compare(self, node, dst):
        if len(node.ops) == 1:
            mark = self.temp_top
            left, right = self.operands([node.left, node.comparators[0]])
            self.temp_top = mark
            d = self.temp() if dst is None else dst
            self.lineno = node.lineno
            self.emit(_CMPOP[type(node.ops[0])], d, left, right)
            return d
        d = self._scratch(dst)
        end = Label()
        walrus = _has_walrus(node)
        left = self.expr(node.left)
        if walrus:
            left = self.materialize(left)
        n = len(node.ops)
        for i, (op, comp) in enumerate(zip(node.ops, node.comparators)):
            right = self.expr(comp)
            if i < n - 1:
                right = self.materialize(right) if walrus else right
            self.lineno = node.lineno
            self.emit(_CMPOP[type(op)], d, left, right)
            if i < n - 1:
                self.emit("JUMP_IF_FALSE", d, end)
            left = right
        self.label(end)
        return d

    def expr_IfExp(self, node, dst):
        d = self._scratch(dst)
        orelse, end = Label(), Label()
        self.branch(node.test, orelse, False)
        mark = self.temp_top
        self.expr(node.body, d)
        self.temp_top = mark
        self.emit("JUMP", end)
        self.label(orelse)
        self.expr(node.orelse, d)
        self.temp_top = mark
        self.label(end)
        return d

    def expr_NamedExpr(self, node, dst):
        reg = self.local_reg(node.target.id)
        if reg is not None:
            self.expr(node.value, reg)
            self.lineno = node.lineno
            return reg
        v = self.materialize(self.expr(node.value))
        self.store_name(node.target.id, v)
        return v

    def expr_Attribute(self, node, dst):
        mark = self.temp_top
        obj = self.expr(node.value)
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        self.emit("LOAD_ATTR", d, obj, self.name_idx(self.mangle(node.attr)))
        return d

    def expr_Subscript(self, node, dst):
        mark = self.temp_top
        obj, idx = self.operands([node.value, node.slice])
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        self.emit("SUBSCR", d, obj, idx)
        return d

    def expr_Slice(self, node, dst):
        parts = [node.lower, node.upper, node.step]
        if all(p is None or isinstance(p, ast.Constant) for p in parts):
            return self.const(slice(*[None if p is None else p.value for p in parts]))
        mark = self.temp_top
        ops = self.operands([p if p is not None else ast.Constant(None, lineno=node.lineno) for p in parts])
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.emit("BUILD_SLICE", d, *ops)
        return d

    def sequence(self, elts, kind: str, dst=None) -> int:
        """Build a list/tuple/set display, handling ``*iterable`` items."""
        if kind == "tuple":
            values = [_constant(e) for e in elts]
            if all(v is not _NOFOLD for v in values):
                return self.const(tuple(values))
        if not any(isinstance(e, ast.Starred) for e in elts):
            mark = self.temp_top
            vals = self.operands(elts)
            self.temp_top = mark
            d = self.temp() if dst is None else dst
            self.emit({"list": "BUILD_LIST", "tuple": "BUILD_TUPLE", "set": "BUILD_SET"}[kind], d, *vals)
            return d
        acc = self.temp() if kind == "tuple" or dst is None or dst < self.temp_base else dst
        first = True
        pending = []
        build, extend = ("BUILD_SET", "SET_UPDATE") if kind == "set" else ("BUILD_LIST", "LIST_EXTEND")
        add = "SET_ADD" if kind == "set" else "LIST_APPEND"
        for e in elts:
            if isinstance(e, ast.Starred):
                if first:
                    self.emit(build, acc, *pending)
                    first = False
                else:
                    for p in pending:
                        self.emit(add, acc, p)
                pending = []
                v = self.expr(e.value)
                self.lineno = e.lineno
                self.emit(extend, acc, v)
            else:
                pending.append(self.materialize(self.expr(e)))
        for p in pending:
            self.emit(add, acc, p)
        if kind == "tuple":
            d = self.temp() if dst is None else dst
            self.emit("LIST_TO_TUPLE", d, acc)
            return d
        return acc

    def expr_List(self, node, dst):
        return self.sequence(node.elts, "list", dst)

    def expr_Tuple(self, node, dst):
        return self.sequence(node.elts, "tuple", dst)

    def expr_Set(self, node, dst):
        return self.sequence(node.elts, "set", dst)

    def expr_Dict(self, node, dst):
        d = self.temp() if dst is None or dst < self.temp_base else dst
        started = False
        pending = []
        for k, v in zip(node.keys, node.values):
            if k is None:
                if not started:
                    self.emit("BUILD_MAP", d, *pending)
                    started = True
                else:
                    for i in range(0, len(pending), 2):
                        self.emit("MAP_ADD", d, pending[i], pending[i + 1])
                pending = []
                m = self.expr(v)
                self.lineno = v.lineno
                self.emit("DICT_UPDATE", d, m)
            else:
                pending.append(self.materialize(self.expr(k)))
                pending.append(self.materialize(self.expr(v)))
        if not started:
            self.emit("BUILD_MAP", d, *pending)
        else:
            for i in range(0, len(pending), 2):
                self.emit("MAP_ADD", d, pending[i], pending[i + 1])
        return d

    def expr_JoinedStr(self, node, dst):
        parts = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(self.const(v.value))
            else:
                parts.append(self.materialize(self.expr(v)))
        if not parts:
            return self.const("")
        if len(parts) == 1 and parts[0] < 0:
            return parts[0]
        if len(parts) == 1 and isinstance(node.values[0], ast.FormattedValue):
            return parts[0]
        d = self.temp() if dst is None else dst
        self.emit("BUILD_STRING", d, *parts)
        return d

    def expr_FormattedValue(self, node, dst):
        mark = self.temp_top
        v = self.expr(node.value)
        spec = self.const(None) if node.format_spec is None else self.expr(node.format_spec)
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        self.emit("FORMAT", d, v, _CONVERSION[node.conversion], spec)
        return d

    def expr_Lambda(self, node, dst):
        return self.make_function(node, dst)

    def expr_Starred(self, node, dst):
        raise UnsupportedConstruct("a starred expression here", self.unit.filename, node.lineno)

    # calls
    def keywords_dict(self, keywords, callee) -> int:
        """A dict of keyword arguments, merging ``**mapping`` items (duplicates are errors)."""
        d = self.temp()
        started = False
        pending = []
        for kw in keywords:
            if kw.arg is None:
                if not started:
                    self.emit("BUILD_MAP", d, *pending)
                    started = True
                else:
                    for i in range(0, len(pending), 2):
                        self.emit("MAP_ADD", d, pending[i], pending[i + 1])
                pending = []
                m = self.expr(kw.value)
                self.lineno = kw.value.lineno
                self.emit("DICT_MERGE", d, m, callee if callee is not None else self.const(None))
            else:
                pending += [self.const(kw.arg), self.materialize(self.expr(kw.value))]
        if not started:
            self.emit("BUILD_MAP", d, *pending)
        else:
            for i in range(0, len(pending), 2):
                self.emit("MAP_ADD", d, pending[i], pending[i + 1])
        return d

    def expr_Call(self, node, dst):
        mark = self.temp_top
        func = node.func
        if (isinstance(func, ast.Name) and func.id == "super" and not node.args and not node.keywords
                and self.scope.access("super") == scopes.GLOBAL):
            return self._zero_arg_super(node, dst)
        f = self.expr(func)
        if _has_walrus(node) and 0 <= f < self.temp_base:
            f = self.materialize(f)
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            if len(node.args) == 1 and isinstance(node.args[0], ast.Starred):
                # f(*x): x itself, as CPython passes it (a tuple as it is; anything else
                # made one by the call, which names f in its error)
                args = self.expr(node.args[0].value)
            else:
                args = self.sequence(node.args, "tuple")
            if args >= 0 and args < self.temp_base:
                args = self.materialize(args)
            kwargs = self.keywords_dict(node.keywords, f) if node.keywords else self.const(None)
            self.temp_top = max(self.temp_top, mark)
            d = self.temp() if dst is None else dst
            self.lineno = node.lineno
            self.emit("CALL_EX", d, f, args, kwargs)
            return d
        args = self.operands(node.args + [k.value for k in node.keywords])
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        if node.keywords:
            self.emit("CALL_KW", d, f, self.const(tuple(k.arg for k in node.keywords)), *args)
        else:
            self.emit("CALL", d, f, *args)
        return d

    def _zero_arg_super(self, node, dst):
        """``super()`` in a method means ``super(__class__, <first argument>)``."""
        self.lineno = node.lineno
        d = self.temp() if dst is None else dst
        if self.kind not in ("function", "lambda") or "__class__" not in self.scope.free or not self.params:
            t = self.temp()
            msg = "super(): __class__ cell not found" if self.params else "super(): no arguments"
            self.emit("CALL", t, self.const(RuntimeError), self.const(msg))
            self.emit("RAISE", t)
            return d
        sup = self.load_name("super")
        cls = self.temp()
        self.emit("LOAD_DEREF", cls, self.regs["__class__"], self.name_idx("__class__"))
        first = self.params[0]
        if self.flags & VARARGS and self.argcount == 0:
            args = self.regs[first]
            first_val = self.temp()
            self.emit("SUBSCR", first_val, args, self.const(0))
        elif first in dict(self.cellvars):
            first_val = self.temp()
            self.emit("LOAD_DEREF", first_val, self.regs[first], self.name_idx(first))
        else:
            first_val = self.regs[first]
        self.emit("CALL", d, sup, cls, first_val)
        return d

    # comprehensions
    def _comprehension(self, node, kind: str, dst):
        child_scope = self.scope.child(node)
        name = {"list": "<listcomp>", "set": "<setcomp>", "dict": "<dictcomp>", "gen": "<genexpr>"}[kind]
        gen = CodeGen(self.unit, child_scope, "genexpr" if kind == "gen" else "comprehension",
                      name, self._child_qualname(name), node.lineno, self.class_name)
        gen.compile_comprehension(node, kind)
        code = gen.finish()
        code.firstcol = node.col_offset
        if kind == "gen":
            # the same loop building a list instead of yielding: what the JIT compiles for
            # a generator expression whose elements sum(), min()... take (see
            # tauraro.vm.comprehensions); the interpreter never runs it
            as_list = CodeGen(self.unit, child_scope, "comprehension", name, self._child_qualname(name),
                              node.lineno, self.class_name)
            as_list.compile_comprehension(node, "list")
            code.as_list = as_list.finish()
            code.as_list.firstcol = node.col_offset
        mark = self.temp_top
        closure = self._closure(child_scope)
        fn = self.temp()
        none = self.const(None)
        self.lineno = node.lineno
        self.emit("MAKE_FUNCTION", fn, self.const(code), none, none, closure, none)
        it = self.temp()
        src = self.expr(node.generators[0].iter)
        self.lineno = node.lineno
        self.emit("GET_ITER", it, src)
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.emit("CALL", d, fn, it)
        return d

    def compile_comprehension(self, node, kind: str):
        self._prologue()
        self.lineno = node.lineno
        acc = None
        if kind != "gen":
            acc = self.temp()
            self.emit({"list": "BUILD_LIST", "set": "BUILD_SET", "dict": "BUILD_MAP"}[kind], acc)
        else:
            self.flags |= GENERATOR
        self._comp_loop(node, kind, 0, acc)
        self.lineno = node.lineno
        self.emit("RETURN", acc if acc is not None else self.const(None))

    def _comp_loop(self, node, kind, i, acc):
        comp = node.generators[i]
        if i == 0:
            it = self.regs[".0"]
        else:
            it = self.temp()
            src = self.expr(comp.iter)
            self.emit("GET_ITER", it, src)
        head, end = Label(), Label()
        self.lineno = comp.target.lineno if i == 0 else comp.iter.lineno
        self.label(head)
        loop = self._begin_loop("for", comp.target, head)
        loop.iter_reg = it
        target = comp.target
        reg = self.local_reg(target.id) if isinstance(target, ast.Name) else None
        if reg is not None:
            self.emit("FOR_ITER", reg, it, end)
        else:
            t = self.temp()
            self.emit("FOR_ITER", t, it, end)
            self.assign(target, t)
        for cond in comp.ifs:
            mark = self.temp_top
            self.branch(cond, head, False, back_edge=loop.id)
            self.temp_top = mark
        if i + 1 < len(node.generators):
            self._comp_loop(node, kind, i + 1, acc)
        else:
            mark = self.temp_top
            if kind == "list":
                v = self.expr(node.elt)
                self.emit("LIST_APPEND", acc, v)
            elif kind == "set":
                v = self.expr(node.elt)
                self.emit("SET_ADD", acc, v)
            elif kind == "dict":
                k, v = self.operands([node.key, node.value])
                self.emit("MAP_ADD", acc, k, v)
            else:
                v = self.expr(node.elt)
                t = self.temp()
                self.emit("YIELD", t, v, -1)
            self.temp_top = mark
        self.lineno = node.lineno
        self.emit("JUMP_BACK", head, loop.id)
        self.label(end)
        self.loop_stack.pop()
        loop.end = end
        loop.exits = [end]

    def expr_ListComp(self, node, dst):
        return self._comprehension(node, "list", dst)

    def expr_SetComp(self, node, dst):
        return self._comprehension(node, "set", dst)

    def expr_DictComp(self, node, dst):
        return self._comprehension(node, "dict", dst)

    def expr_GeneratorExp(self, node, dst):
        return self._comprehension(node, "gen", dst)

    # generators
    def expr_Yield(self, node, dst):
        self.flags |= GENERATOR
        mark = self.temp_top
        v = self.const(None) if node.value is None else self.expr(node.value)
        self.temp_top = mark
        d = self.temp() if dst is None else dst
        self.lineno = node.lineno
        self.emit("YIELD", d, v, -1)
        return d

    def expr_YieldFrom(self, node, dst):
        self.flags |= GENERATOR
        it = self.temp()
        src = self.expr(node.value)
        self.lineno = node.lineno
        self.emit("GET_YIELD_FROM_ITER", it, src)
        sent = self.temp()
        self.emit("MOVE", sent, self.const(None))
        d = self._scratch(dst)
        loop, end = Label(), Label()
        self.label(loop)
        self.emit("SEND", d, it, sent, end)
        self.emit("YIELD", sent, d, it)
        self.emit("JUMP", loop)
        self.label(end)
        return d

    # --- conditions -------------------------------------------------------------------------------------
    def branch(self, node, label: Label, when: bool, back_edge=None):
        """Jump to ``label`` if the truth of ``node`` is ``when``; else fall through.

        ``back_edge`` (a loop id) marks a jump to that loop's header as a back edge.
        """
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.branch(node.operand, label, not when, back_edge)
        if isinstance(node, ast.BoolOp):
            is_and = isinstance(node.op, ast.And)
            if is_and != when:
                # and/False, or/True: any operand decides
                for v in node.values:
                    self.branch(v, label, when, back_edge)
            else:
                skip = Label()
                for v in node.values[:-1]:
                    self.branch(v, skip, not when)
                self.branch(node.values[-1], label, when, back_edge)
                self.label(skip)
            return
        if isinstance(node, ast.Constant):
            if bool(node.value) == when:
                self._jump(label, back_edge)
            return
        mark = self.temp_top
        v = self.expr(node)
        self.temp_top = mark
        self.lineno = node.lineno
        if back_edge is not None:
            skip = Label()
            self.emit("JUMP_IF_FALSE" if when else "JUMP_IF_TRUE", v, skip)
            self.emit("JUMP_BACK", label, back_edge)
            self.label(skip)
        else:
            self.emit("JUMP_IF_TRUE" if when else "JUMP_IF_FALSE", v, label)

    def _jump(self, label, back_edge):
        if back_edge is not None:
            self.emit("JUMP_BACK", label, back_edge)
        else:
            self.emit("JUMP", label)


_NOFOLD = object()


def _fold_binop(node):
    """Fold arithmetic on number constants, as CPython's AST optimizer does (bounded)."""
    a, b = _constant(node.left), _constant(node.right)
    if a is _NOFOLD or b is _NOFOLD:
        return _NOFOLD
    if type(a) not in (int, float) or type(b) not in (int, float):
        return _NOFOLD
    op = type(node.op)
    try:
        if op is ast.Add:
            return a + b
        if op is ast.Sub:
            return a - b
        if op is ast.Mult:
            if isinstance(a, int) and isinstance(b, int) and (a.bit_length() + b.bit_length() > 128):
                return _NOFOLD
            return a * b
        if op is ast.Pow:
            if isinstance(a, int) and isinstance(b, int) and (b < 0 or b > 128 or a.bit_length() * b > 128):
                return _NOFOLD
            return a ** b
        if op is ast.LShift and isinstance(a, int) and isinstance(b, int) and 0 <= b <= 64:
            return a << b
    except (ArithmeticError, ValueError):
        return _NOFOLD
    return _NOFOLD


def _constant(node):
    """The value of a constant expression CPython folds (numbers with a sign, tuples
    of constants), or _NOFOLD."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.BinOp):
        return _fold_binop(node)
    if isinstance(node, ast.UnaryOp) and not isinstance(node.op, ast.Not):
        v = _constant(node.operand)
        if type(v) not in (int, float, complex):
            return _NOFOLD
        if isinstance(node.op, ast.USub):
            return -v
        if isinstance(node.op, ast.UAdd):
            return +v
        if isinstance(node.op, ast.Invert) and type(v) is int:
            return ~v
    if isinstance(node, ast.Tuple):
        values = [_constant(e) for e in node.elts]
        if all(v is not _NOFOLD for v in values):
            return tuple(values)
    return _NOFOLD


def _ends_flow(stmts) -> bool:
    """Does this statement list end in an unconditional jump out (so no JUMP is needed)?"""
    return bool(stmts) and isinstance(stmts[-1], (ast.Return, ast.Raise, ast.Break, ast.Continue))


def _last_line(node) -> int:
    return getattr(node, "end_lineno", None) or node.lineno


def _shallow_statements(body):
    """Statements of a body including those nested in compound statements, but not in
    nested functions or classes (for deciding whether ``__annotations__`` is needed)."""
    stack = list(body)
    while stack:
        s = stack.pop()
        yield s
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            stack.extend(getattr(s, field, []) or [])
        for h in getattr(s, "handlers", []) or []:
            stack.extend(h.body)
        for c in getattr(s, "cases", []) or []:
            stack.extend(c.body)
