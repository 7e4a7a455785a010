"""The opcode table: every Tauraro instruction is declared here, once.

Like CPython's ``Python/bytecodes.c``, one definition drives every tier:

- the interpreter (``tauraro.vm.blockgen``) renders each instruction's ``python``
  template into the source of a per-basic-block Python function;
- the disassembler (``tauraro.compiler.dis``) prints operands by their ``kinds``;
- the JIT (``tauraro.jit``) reads ``kinds`` to know which registers an instruction
  reads and writes, ``flags`` to find control flow, and keys its type rules and
  its recording into IR off the opcode name; an opcode it does not record is an
  explicit "not compiled" entry there, never a silent gap.

Operand kinds (the instruction's arguments, in order):

    w    register written            r    register read
    m    register read and written   rk   register read, or a constant
    k    constant                    n    name (an identifier)
    j    jump target (a pc)          i    small immediate integer
    *rk  any number of rk operands (always last)
    *w   any number of registers written (always last)

A constant used as an ``rk`` operand is encoded as ``-1 - index`` into the code
object's constants, so a register number is always >= 0.

Templates are Python statements (or, where operands depend on each other, a
function of the rendered operands returning the statements) in which ``{0}``, ``{1}``, ... stand for the
operands. ``r`` is the frame's register list, ``G`` the module globals, and the
other free names are runtime helpers the block generator provides (see
``tauraro.vm.runtime``; builtins a template needs are spelled ``_iter``, ``_next``...
so a user global named ``next`` cannot shadow them). A template must read all its
operands before it writes any: the compiler reuses an operand's register for the
result. Operands render as: a register ``r[3]``;
a constant as a Python literal where exact, else a named constant; a name as a
string literal (``{1:id}`` renders the bare identifier, ``{1:gload}``/``{1:gstore}``
a read/write of that module global, so CPython's own global lookup does the work); a jump target as the
name of the block function that starts there; a variadic operand as
``a, b, `` (``{2:set}`` renders a set display, ``{2:pairs}`` a dict display's
items, ``{2:kw}`` keyword arguments; see the block generator).

Flags:

    branch    conditional jump: may continue at the ``j`` operand or fall through
    jump      always continues at its ``j`` operand (ends a basic block)
    backedge  a jump to a loop header; the interpreter counts these for the JIT
    exit      leaves the frame (return, raise, yield); ends a basic block
    yield     suspends a generator; the next instruction is a resume point
    calls     may run arbitrary code (user functions, dunder methods, imports)
"""
from __future__ import annotations


class OpDef:
    __slots__ = ("name", "kinds", "python", "flags", "doc", "code", "_written", "_read", "_rk", "_target")

    def __init__(self, name: str, kinds: tuple, python, flags=frozenset(), doc: str = "", code: int = -1):
        self.name = name
        self.kinds = kinds
        self.python = python          # the interpreter's template (str, or a function of the operands)
        self.flags = flags
        self.doc = doc
        self.code = code              # index in OPS
        # the operand positions of each kind, for an op with no variadic operand (the JIT
        # asks written/read/target of every instruction it types, records and analyses)
        fixed = not (kinds and kinds[-1].startswith("*"))
        self._written = tuple(i for i, k in enumerate(kinds) if k in ("w", "m")) if fixed else None
        self._read = tuple(i for i, k in enumerate(kinds) if k in ("r", "m")) if fixed else None
        self._rk = tuple(i for i, k in enumerate(kinds) if k == "rk") if fixed else None
        self._target = next((i for i, k in enumerate(kinds) if k == "j"), None) if fixed else None

    def __repr__(self):
        return "<op %s>" % self.name

    def __reduce__(self):
        # (pickled by name: an instruction's op is the table's, whose templates may be
        # functions -- register bytecode cached on disk, tauraro.vm.register_cache)
        return (op_named, (self.name,))

    @property
    def variadic(self) -> bool:
        return bool(self.kinds) and self.kinds[-1].startswith("*")

    def written(self, args) -> list[int]:
        """Registers this instruction writes (for the JIT and the assembler)."""
        positions = self._written
        if positions is not None and len(args) == len(self.kinds):
            return [args[i] for i in positions]
        out = []
        for kind, a in _zip_kinds(self.kinds, args):
            if kind in ("w", "m", "*w"):
                out.append(a)
        return out

    def read(self, args) -> list[int]:
        """Registers this instruction reads (constants excluded)."""
        if self._read is not None and len(args) == len(self.kinds):
            if not self._rk:
                return [args[i] for i in self._read]
            return [a for i, a in enumerate(args) if i in self._read or (i in self._rk and a >= 0)]
        out = []
        for kind, a in _zip_kinds(self.kinds, args):
            if kind in ("r", "m") or (kind in ("rk", "*rk") and a >= 0):
                out.append(a)
        return out

    def target(self, args) -> int | None:
        if self._read is not None and len(args) == len(self.kinds):
            t = self._target
            return None if t is None else args[t]
        for kind, a in _zip_kinds(self.kinds, args):
            if kind == "j":
                return a
        return None


def _zip_kinds(kinds, args):
    """Pair each operand with its kind, expanding a trailing variadic kind."""
    n = len(kinds)
    if n and kinds[-1].startswith("*"):
        for i, a in enumerate(args):
            yield (kinds[i] if i < n - 1 else kinds[-1]), a
    else:
        yield from zip(kinds, args)


OPS: list[OpDef] = []
BY_NAME: dict[str, OpDef] = {}


def op_named(name: str) -> OpDef:
    return BY_NAME[name]


def op(name, kinds, python, flags=(), doc=""):
    d = OpDef(name, tuple(kinds.split()) if kinds else (), python, frozenset(flags), doc, len(OPS))
    OPS.append(d)
    BY_NAME[name] = d
    return d


def _call_kw_args(args, kwnames):
    """Positional operands, then ``name=operand`` for the trailing keyword ones."""
    npos = len(args) - len(kwnames)
    parts = [format(a) for a in args[:npos]]
    parts += ["%s=%s" % (k, format(a)) for k, a in zip(kwnames, args[npos:])]
    return ", ".join(parts)


# --- moving values -----------------------------------------------------------
op("NOP", "", "pass", doc="does nothing (a jump target that must exist)")
op("MOVE", "w rk", "{0} = {1}", doc="copy a register or constant")
op("LOAD_GLOBAL", "w n", "{0} = {1:gload}",
   doc="read a module global, falling back to the builtins (a plain global read in the block's Python)")
op("STORE_GLOBAL", "n rk", "{0:gstore} = {1}", doc="bind a module global")
op("DELETE_GLOBAL", "n", "delete_global(G, {0})")
op("LOAD_GLOBALS", "w", "{0} = G", doc="the module globals dict itself (for annotations and import *)")
op("LOAD_NAME", "w r n",
   "try:\n    {0} = {1}[{2}]\nexcept KeyError:\n    {0} = {2:gload}",
   doc="read from a class body's namespace (register 1), then globals, then builtins")
op("STORE_NAME", "r n rk", "{0}[{1}] = {2}", doc="bind in a class body's namespace")
op("DELETE_NAME", "r n", "delete_name({0}, {1})")
op("CHECK_BOUND", "r n", "if {0} is UNBOUND:\n    raise unbound_local({1})",
   doc="a local read where the compiler cannot prove it was assigned")
op("DELETE_FAST", "m n", "if {0} is UNBOUND:\n    raise unbound_local({1})\n{0} = UNBOUND")
op("MAKE_CELL", "m", "{0} = CellType() if {0} is UNBOUND else CellType({0})",
   doc="wrap a local that inner functions capture into a cell")
# (an empty cell's error is raised after the handler: CPython's has no __context__)
op("LOAD_DEREF", "w r n",
   "try:\n    {0} = {1}.cell_contents\nexcept ValueError:\n    {0} = UNBOUND\n"
   "if {0} is UNBOUND:\n    raise unbound_deref({2}, CODE)")
op("LOAD_CLASSDEREF", "w r r n",
   "try:\n    {0} = {1}[{3}]\nexcept KeyError:\n    {0} = UNBOUND\nif {0} is UNBOUND:\n"
   "    try:\n        {0} = {2}.cell_contents\n    except ValueError:\n        pass\n"
   "    if {0} is UNBOUND:\n        raise unbound_deref({3}, CODE)",
   doc="a class body reading a variable of an enclosing function")
op("STORE_DEREF", "r rk", "{0}.cell_contents = {1}")
op("DELETE_DEREF", "r n",
   "if not cell_is_set({0}):\n    raise unbound_deref({1}, CODE)\ndel {0}.cell_contents")

# --- arithmetic and comparison ---------------------------------------------------
BINARY = {
    "ADD": "+", "SUB": "-", "MUL": "*", "TRUEDIV": "/", "FLOORDIV": "//", "MOD": "%",
    "POW": "**", "LSHIFT": "<<", "RSHIFT": ">>", "AND": "&", "OR": "|", "XOR": "^",
    "MATMUL": "@",
}
for _name, _sym in BINARY.items():
    op(_name, "w rk rk", "{0} = {1} %s {2}" % _sym, ("calls",), doc="binary " + _sym)
# In-place forms: ``x op= y`` calls __iop__ first; the target register is also the
# left operand (the compiler loads attribute/subscript/global targets into a temp).
INPLACE = {"I" + k: v for k, v in BINARY.items()}
for _name, _sym in INPLACE.items():
    op(_name, "m rk", "{0} %s= {1}" % _sym, ("calls",), doc="augmented " + _sym + "=")
COMPARE = {
    "LT": "<", "LE": "<=", "EQ": "==", "NE": "!=", "GT": ">", "GE": ">=",
    "IS": "is", "IS_NOT": "is not", "IN": "in", "NOT_IN": "not in",
}
for _name, _sym in COMPARE.items():
    op(_name, "w rk rk", "{0} = {1} %s {2}" % _sym, ("calls",), doc="comparison " + _sym)
UNARY = {"NEG": "-", "POS": "+", "INVERT": "~", "NOT": "not "}
for _name, _sym in UNARY.items():
    op(_name, "w rk", "{0} = %s{1}" % _sym, ("calls",), doc="unary " + _sym.strip())

# --- control flow ----------------------------------------------------------------
op("JUMP", "j", "return {0}", ("jump",))
op("JUMP_BACK", "j i", "return {0}", ("jump", "backedge"),
   doc="jump to the header of loop {1}; counted toward making the loop hot")
op("JUMP_IF_FALSE", "rk j", "if not {0}:\n    return {1}", ("branch", "calls"))
op("JUMP_IF_TRUE", "rk j", "if {0}:\n    return {1}", ("branch", "calls"))
op("GET_ITER", "w rk", "{0} = _iter({1})", ("calls",))
op("FOR_ITER", "w r j",
   "try:\n    {0} = _next({1})\nexcept StopIteration:\n    return {2}",
   ("branch", "calls"), doc="next value of iterator {1} into {0}, or leave the loop to {2}")
op("RETURN", "rk", "r[-2] = {0}\nreturn None", ("exit",))

# --- exceptions -------------------------------------------------------------------
op("RAISE", "rk", "raise_(STATE, {0})", ("exit",))
op("RAISE_FROM", "rk rk", "raise_(STATE, {0}, {1})", ("exit",))
op("RERAISE", "r", "reraise({0})", ("exit",), doc="re-raise the exception in {0} (bare raise)")
op("RERAISE_CURRENT", "", "reraise_current(STATE)", ("exit",),
   doc="bare raise outside a handler of this function")
op("PUSH_EXC", "r w", "{1} = STATE.handling\nSTATE.hold({0})",
   doc="enter an except handler: {0} becomes the handled exception, the previous one saved in {1}")
op("POP_EXC", "r", "STATE.hold({0})", doc="leave an except handler")
op("EXC_MATCH", "w r rk", "{0} = exc_match({1}, {2})", doc="does exception {1} match the except clause's {2}")
op("WITH_ENTER", "w w rk", "{0}, {1} = with_enter({2})", ("calls",),
   doc="{0} = the bound __exit__ of {2}, {1} = its __enter__() result")
op("WITH_EXIT", "w r r", "{0} = {1}(_type({2}), {2}, {2}.__traceback__)", ("calls",),
   doc="call __exit__ {1} with exception {2}; {0} is true to suppress it")

# --- generators ------------------------------------------------------------------
op("YIELD", "w rk i",
   "r[-2] = {1}\nr[-1] = {next_pc}\nreturn None", ("exit", "yield"),
   doc="suspend, producing {1}; on resume {0} holds the sent value; {2} is the "
       "register of the iterator a yield from delegates to, or -1")
op("GET_YIELD_FROM_ITER", "w rk", "{0} = yield_from_iter({1})", ("calls",))
op("SEND", "w r rk j",
   "try:\n    {0} = _next({1}) if {2} is None else {1}.send({2})\n"
   "except StopIteration as _e:\n    {0} = _e.value\n    return {3}",
   ("branch", "calls"), doc="advance delegated iterator {1}; when it finishes, its value goes to {0} and we continue at {3}")

# --- attributes, items, containers ------------------------------------------------
op("LOAD_ATTR", "w rk n", "{0} = {1}.{2:id}", ("calls",))
op("STORE_ATTR", "rk n rk", "{0}.{1:id} = {2}", ("calls",))
op("DELETE_ATTR", "rk n", "del {0}.{1:id}", ("calls",))
op("SUBSCR", "w rk rk", "{0} = {1}[{2}]", ("calls",))
op("STORE_SUBSCR", "rk rk rk", "{0}[{1}] = {2}", ("calls",))
op("DELETE_SUBSCR", "rk rk", "del {0}[{1}]", ("calls",))
op("BUILD_SLICE", "w rk rk rk", "{0} = _slice({1}, {2}, {3})")
op("BUILD_LIST", "w *rk", "{0} = [{1}]")
op("BUILD_TUPLE", "w *rk", "{0} = ({1})")
op("BUILD_SET", "w *rk", "{0} = {1:set}", ("calls",))
op("BUILD_MAP", "w *rk", "{0} = {{{1:pairs}}}", ("calls",), doc="a dict display from key, value operand pairs")
op("BUILD_STRING", "w *rk", "{0} = ''.join(({1}))")
# (the list counts as written: compiled code grows a comprehension's list, so its length changes)
op("LIST_APPEND", "m rk", "{0}.append({1})")
op("LIST_EXTEND", "r rk", "list_extend({0}, {1})", ("calls",))
op("LIST_TO_TUPLE", "w r", "{0} = _tuple({1})")
op("SET_ADD", "r rk", "{0}.add({1})", ("calls",))
op("SET_UPDATE", "r rk", "{0}.update({1})", ("calls",))
op("MAP_ADD", "r rk rk", "{0}[{1}] = {2}", ("calls",))
op("DICT_UPDATE", "r rk", "dict_update({0}, {1})", ("calls",))
op("DICT_MERGE", "r rk r", "dict_merge({0}, {1}, {2})", ("calls",),
   doc="merge **{1} into call keywords {0}; {2} is the callee (for the error message)")
op("UNPACK", "rk *w", "{1:targets} = {0}", ("calls",),
   doc="unpack exactly len(outputs) items (Python's own unpacking, so its errors are CPython's)")
op("UNPACK_EX", "rk i *w",
   lambda o: "%s, = %s" % (", ".join(("*" if i == o[1].value else "") + format(t) for i, t in enumerate(o[2].items)), o[0]),
   ("calls",), doc="unpack with a starred target at output position {1}")
op("FORMAT", "w rk i rk", "{0} = format_value({1}, {2}, {3})", ("calls",),
   doc="an f-string field: conversion {2} (0 none, 1 str, 2 repr, 3 ascii), format spec {3}")

# --- calls and definitions ---------------------------------------------------------
op("CALL", "w rk *rk", "{0} = {1}({2})", ("calls",))
op("CALL_KW", "w rk k *rk",
   lambda o: "%s = %s(%s)" % (o[0], o[1], _call_kw_args(o[3].items, o[2].value)), ("calls",),
   doc="the last len({2}) arguments are passed by the keyword names in constant {2}")
op("CALL_EX", "w rk rk rk", "{0} = call_ex({1}, {2}, {3})", ("calls",),
   doc="call with *args tuple {2} and **kwargs dict {3} (or None)")
op("MAKE_FUNCTION", "w k rk rk rk rk",
   "{0} = make_function({1}, G, {2}, {3}, {4}, {5})",
   doc="a function from code {1}, defaults {2}, kw defaults {3}, closure {4}, annotations {5}")
op("BUILD_CLASS", "w k rk rk rk",
   "{0} = build_class({1}, G, {2}, {3}, {4})", ("calls",),
   doc="run class body {1} with closure {2}, bases {3}, keywords {4}, and create the class")
op("SETUP_ANNOTATIONS", "r", "setup_annotations({0})")
op("IMPORT_NAME", "w n k i", "{0} = import_name({1}, {2}, {3}, G)", ("calls",))
op("IMPORT_FROM", "w r n", "{0} = import_from({1}, {2})", ("calls",))
op("IMPORT_STAR", "r r", "import_star({0}, {1})", ("calls",), doc="copy public names of module {1} into namespace {0}")

# --- pattern matching ----------------------------------------------------------------
op("MATCH_CLASS", "w rk rk i k", "{0} = match_class({1}, {2}, {3}, {4})", ("calls",),
   doc="attributes of {1} for class pattern {2} with {3} positional and keyword names {4}, or None")
op("MATCH_SEQUENCE", "w rk", "{0} = match_sequence({1})")
op("MATCH_MAPPING", "w rk", "{0} = match_mapping({1})")
op("MATCH_KEYS", "w rk rk", "{0} = match_keys({1}, {2})", ("calls",),
   doc="values of {1} for the keys tuple {2}, or None")
op("MATCH_REST", "w rk rk", "{0} = match_rest({1}, {2})", doc="dict of {1} without the keys {2}")
op("GET_LEN", "w rk", "{0} = _len({1})", ("calls",))

del _name, _sym

# instructions the resume interpreter (tauraro.vm.resume) cannot run -- their templates'
# helpers need the baseline's own machinery: a loop holding one is never instrumented,
# and a callee holding one is never inlined into a compiled loop (tauraro.jit.inline),
# whose exit inside it would resume there
NOT_RESUMABLE = frozenset(("MAKE_FUNCTION", "BUILD_CLASS", "IMPORT_NAME", "IMPORT_FROM",
                           "IMPORT_STAR", "YIELD", "SEND", "GET_YIELD_FROM_ITER"))
