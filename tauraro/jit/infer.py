"""Type inference over a LoopRegion: the types every instruction sees, and where
native code must give control back.

Types start from the live values at loop entry and flow forward through the
region. Each instruction gets one of three actions:

- ``lower``: compiled inline (it may still carry guards, e.g. int overflow);
- ``nop``: nothing to do natively (a bound check on a value known to be bound);
- ``exit``: native code stops *before* it and the interpreter runs it. Reasons
  are *side exits* (an operation or type native code does not handle, on a path
  the loop does not always take) and *type changes* (a loop variable about to
  get a type other than its type at the loop header: the interpreter continues
  and a later entry compiles a version for the new type).

A side exit on a path every iteration of some loop in the region takes would
make that loop leave native code every time, so the region is rejected and the
reason is reported instead.
"""
from __future__ import annotations

import math

from ..boundary import BUILTINS_MODULE as B
from ..compiler.code import CodeObject
from . import mathlib
from .coverage import NOT_COMPILED, not_compiled_reason
from .exits import LOOP_EXIT
from .jtypes import (LINK, KWDEFAULT_VALUES, KwDefaults, class_number, read_from_class, DictIterType, SET_METHODS, SetMethod, SetType, STR, STR_CONST_MAX, ArgsList, BOOL, BUILT_LISTS, CHAR, CHAR_CASE, CHAR_METHODS, CharMethod, DictGet, DictType, FLOAT, INT, MRO, BuiltListType, ReducerType, ITER_OF, ITER_OF_RANGE, MISSING, NONE, RANGE, RANGE_DOWN,
                     RANGE_ITERS, RANGE_UP, RANGES, UNBOUND_T, BoundClassMethod, BoundMethodType, BuiltinType, ClassType,
                     CombinedIter, FunctionType, InstanceType, MaybeType, JType, LIST_METHODS, ListMethod, STR_MAKING, STR_METHODS, STR_SPLITTING, StrMethod,
                     LIST_INT, ModuleType, Opaque, OtherType,
                     SeqIterType, SeqType, SliceValue, SuperType, TupleValue, CONSTRUCTOR_ATTRIBUTES, resizable_type, class_lookup,
                     classify, const_type, constructor, iter_elem, object_seq, range_by_step, ref_class, slot_member, str_tuple, super_next, widen, _data_descriptor)

_FUNCTION = type(lambda: None)
from .region import LoopRegion, dominator_sets

NUMERIC = (INT, FLOAT, BOOL)
ARITH = {"ADD", "SUB", "MUL", "TRUEDIV", "FLOORDIV", "MOD", "POW", "LSHIFT", "RSHIFT",
         "AND", "OR", "XOR"}
COMPARE = {"LT", "LE", "EQ", "NE", "GT", "GE"}


class NotCompilable(Exception):
    """The region cannot be compiled; the message says why (with the line)."""


WHOLE = "whole"     # Inference(resumable=WHOLE): inlined into a function compiled whole


def _whole_list(t) -> bool:
    """May a function compiled whole store into ``t``? A list of numbers or bools it was
    passed (resizable if a loop that resizes lists passed it: it never resizes it itself)."""
    return isinstance(t, SeqType) and t.kind == "list" and t.elem in (INT, FLOAT, BOOL)


class AlwaysExits(NotCompilable):
    """Every iteration of a loop of the region reaches the exit at ``pc`` (of ``inference``)
    before it ends: compiled, it would never finish one natively."""

    def __init__(self, message, inference, pc):
        super().__init__(message)
        self.inference = inference
        self.pc = pc


# (Inference(stand_ins=True): what an operation on a stand-in computes)
STAND_IN = Opaque("a value computed from a stand-in")
# the operations that pass a stand-in on as it is (the type rules' own)
_PASSING = ("MOVE", "CHECK_BOUND", "LOAD_DEREF")


class NeedsResizing(NotCompilable):
    """The region appends to, pops from or inserts into a list whose length is a local
    (``SeqType`` not resizable): the controller types its lists again as resizable
    (``jtypes.resizable_type``) and compiles that."""


class NeedsWidening(NotCompilable):
    """A loop variable is None or an object at entry and the loop assigns it the other (or
    an object-or-None): the controller types it ``var``'s ``wide`` (a jtypes.MaybeType) at
    entry from then on (``LoopState.widened``) and compiles that."""

    def __init__(self, var, wide):
        super().__init__("%r becomes %s" % (var, wide.name))
        self.var = var
        self.wide = wide


MAX_STR_MOVE_TRIES = 32


class _StrMoves(Exception):
    """Paths merge with a variable a str constant was moved into (``kind = "NAME"``: a STR,
    its constant record) on one and another type on the other (``x = stack.pop() if stack
    else ""``): the region is typed again with those moves exits, as before they compiled."""

    def __init__(self, pcs):
        self.pcs = pcs


class _Widen(Exception):
    """Paths merge with ``var`` None or an object on one and an object (or object-or-None)
    of the same class on the other: the region is typed again with ``var`` ``wide``."""

    def __init__(self, var, wide):
        self.var = var
        self.wide = wide


MAX_WIDE_VARS = 4
SELF_CALL = "self"          # Typing.callee of a compiled function's native call of itself
LIVE = object()             # Inference.cells: a closure cell that is a frame variable, not a constant
SELF_INLINE_SIZE = 60       # a function compiled whole this small has one level of itself inlined


class Typing:
    __slots__ = ("pc", "action", "result", "operands", "reason", "kind", "callee", "binding", "new")

    def __init__(self, pc: int, action: str, result=None, operands=(), reason: str = "", kind: str = "",
                 callee=None):
        self.pc = pc
        self.action = action            # "lower", "nop" or "exit"
        self.result = result            # type of the written register, if any
        self.operands = operands        # types of the read operands, in order
        self.reason = reason
        self.kind = kind                # for exits: "side" or "type-change"
        self.callee = callee            # a call inlined here: the callee's Inference
        self.binding = None             # and what each parameter gets (see inline.bind_arguments)
        self.new = None                 # C(...) made natively: the object's type as __init__ returns


def is_global(var) -> bool:
    """Is ``var`` a module global (``("g", name)``) or a cell's contents
    (``("c", register, name)``), rather than a register? Both live outside the frame's
    registers, are read at entry and written back at every exit."""
    return isinstance(var, tuple)


def is_cell(var) -> bool:
    return isinstance(var, tuple) and var[0] == "c"


def cell_var(code, reg: int):
    """The var of the contents of the cell in register ``reg``."""
    return ("c", reg, code.cell_name(reg))


def truthy(t: JType) -> bool:
    return t in (INT, FLOAT, BOOL, NONE, CHAR) or isinstance(t, (SeqType, DictType, SetType))


def arith_result(op: str, a: JType, b: JType):
    if a not in NUMERIC or b not in NUMERIC:
        return None
    if op in ("LSHIFT", "RSHIFT", "AND", "OR", "XOR"):
        if FLOAT in (a, b):
            return None
        if op in ("AND", "OR", "XOR") and a is BOOL and b is BOOL:
            return BOOL
        return INT
    if op == "TRUEDIV":
        return FLOAT
    return FLOAT if FLOAT in (a, b) else INT


def call_result(fn: BuiltinType, args: list[JType]):
    f = fn.fn
    n = len(args)
    if f is B.abs and n == 1 and args[0] in NUMERIC:
        return FLOAT if args[0] is FLOAT else INT
    if f is B.isinstance and n == 2 and (isinstance(args[1], ClassType) or isinstance(args[1], BuiltinType)
                                         and args[1].fn in (B.int, B.float, B.bool)) and (
            isinstance(args[0], InstanceType) or args[0] in NUMERIC):
        return BOOL         # (decided by the types: an object's class is checked at entry)
    if f in (B.min, B.max) and n >= 2 and args[0] in (INT, FLOAT) and all(a is args[0] for a in args):
        return args[0]
    if f is B.len and n == 1 and (isinstance(args[0], (SeqType, TupleValue, DictType, SetType)) or args[0] is CHAR):
        return INT
    if f is B.ord and n == 1 and args[0] is CHAR:
        return INT
    if f is B.chr and n == 1 and args[0] in (INT, BOOL):
        return CHAR
    if f is B.int and n == 1 and args[0] in NUMERIC:
        return INT
    if f is B.float and n == 1 and args[0] in NUMERIC:
        return FLOAT
    if f is B.bool and n == 1 and truthy(args[0]):
        return BOOL
    if f is B.range and 1 <= n <= 3 and all(a in (INT, BOOL) for a in args):
        return RANGE
    if f in (math.sqrt, math.fabs) and n == 1 and args[0] in NUMERIC:
        return FLOAT
    if f is math.copysign and n == 2 and args[0] in NUMERIC and args[1] in NUMERIC:
        return FLOAT
    if f in (math.floor, math.ceil) and n == 1 and args[0] in NUMERIC:
        return INT
    if f is math.isqrt and n == 1 and args[0] in (INT, BOOL):
        return INT
    if f in mathlib.FUNCTIONS and n == (2 if f is math.atan2 else 1) and all(a in NUMERIC for a in args) \
            and mathlib.enabled():
        return FLOAT
    # (over lists, tuples and ranges: fresh iterators nothing else advances)
    if f is B.enumerate and (n == 1 or n == 2 and args[1] in (INT, BOOL)) and _fresh_iter(args[0]):
        return CombinedIter("enumerate", [_fresh_iter(args[0])])
    if f is B.zip and n == 2 and _fresh_iter(args[0]) and _fresh_iter(args[1]):
        return CombinedIter("zip", [_fresh_iter(args[0]), _fresh_iter(args[1])])
    if f is B.reversed and n == 1:
        if isinstance(args[0], SeqType):
            return CombinedIter("reversed", [ITER_OF[args[0]]])
        if args[0] in RANGES and args[0].direction:     # a range iterator counting the other way
            return range_by_step(-args[0].direction, iterator=True)
    return None


def _fresh_iter(t: JType):
    """The iterator over a list, tuple or range, or a CombinedIter (which only a call in the
    region makes): never an iterator the program holds."""
    if isinstance(t, CombinedIter):
        return t
    return ITER_OF_RANGE[t] if t in RANGES else ITER_OF[t] if isinstance(t, SeqType) else None


def iter_of(t: JType):
    """The iterator type ``iter()`` of a value of type ``t`` gives, or None."""
    if t in ITER_OF_RANGE:
        return ITER_OF_RANGE[t]
    if isinstance(t, SeqType):
        return ITER_OF[t]
    if isinstance(t, (SeqIterType, CombinedIter)):
        return t
    return None


def _tuple_of(t, elem) -> bool:
    """Is ``t`` a tuple virtual (``(a, b)`` built in the loop) whose members are all of the
    number type of the tuples ``elem`` (``tuple[int]``, ``tuple[float]``) a list holds?"""
    return isinstance(t, TupleValue) and isinstance(elem, SeqType) and elem.kind == "tuple" \
        and elem.elem in (INT, FLOAT) and 0 < len(t.members) and all(m is elem.elem for m in t.members)


_STORES = frozenset(("STORE_SUBSCR", "STORE_GLOBAL", "STORE_DEREF", "STORE_ATTR", "DELETE_SUBSCR"))


def callees(inference):
    """The Inferences of the functions ``inference`` inlined or calls compiled whole (a
    PendingWhole's target), at any depth, each once, in the order they are found."""
    seen, stack = set(), [inference]
    while stack:
        inf = stack.pop()
        for typing in inf.typings.values():
            callee = getattr(typing.callee, "target", typing.callee)
            if hasattr(callee, "typings") and id(callee) not in seen:
                seen.add(id(callee))
                stack.append(callee)
                yield callee


def stores_data(inference) -> bool:
    """Does native code for ``inference`` -- its callees' included, at any depth -- change
    what the program sees: an item, an attribute, a global, a cell, a list's append, pop or
    insert, a set's add? Then an exit after it must not make CPython run that code again
    (an inlined call re-run from its caller's frame, a comprehension's iteration)."""
    for inf in (inference, *callees(inference)):
        for pc, typing in inf.typings.items():
            if typing.action != "lower":
                continue
            name = inf.code.instrs[pc].op.name
            if name in _STORES or name in ("CALL", "CALL_KW") and typing.operands \
                    and isinstance(typing.operands[0], (ListMethod, SetMethod)):
                return True
    return False


class Inference:
    def __init__(self, region: LoopRegion, entry: dict, inliner=None, depth: int = 0, recursion=None,
                 resumable: bool | str = True, cells=None, made_lists=None, stand_ins=False):
        """``entry``: var -> JType at the loop header, for every live-in register the
        region uses and every global it touches (vars: int register or ("g", name)).
        ``inliner`` types the calls of program functions (``tauraro.jit.inline``); the
        region of an inlined function (``depth`` > 0) ends at its returns.
        ``resumable``: an exit inside this inlined function resumes where it left, its
        frame rebuilt (inlined into a loop); not inside a function compiled whole, whose
        exits make the interpreter repeat the whole call (``WHOLE``: inlined into one, where
        stores into the lists it was passed are allowed). ``cells``: an inlined function's
        closure cells, register -> (frame variable, its constant or LIVE: a frame variable
        compiled code reads and writes) (see ``Inliner.entry``). ``made_lists``: pc -> the
        type of the list ``[]`` at pc makes, a list of numbers (None: not made natively): a
        loop's, what the list made there last held when the loop was entered
        (``JitController._made_lists``). ``stand_ins``: some entry types are stand-ins
        (jtypes.Opaque) for objects not walked yet; an operation on one computes another,
        where it would be an exit or typed by the objects' types (see ``settled_exit``)."""
        self.region = region
        self.stand_ins = stand_ins
        self.settled: set = set()       # (pcs of exits a typing with stand-ins is sure of)
        self.made_lists = made_lists or {}
        self.cells = cells or {}
        self.code: CodeObject = region.code
        self.entry = entry
        self.inliner = inliner
        self.depth = depth
        self.resumable = resumable is True and recursion is None
        # inside a function compiled whole (itself, or a callee inlined into it): a store
        # into a list it was passed is allowed, because its lists are copies the host
        # writes back only when the whole native call succeeds (see tauraro.jit.functions)
        self.whole = recursion is not None or resumable is WHOLE
        self.function = region.loop is None      # a whole function (inlined), not a loop
        # an __init__ inlined for an object compiled code makes (InstanceType.site): its self
        # is kept in the state where it is dead, so its type at every return is known
        first = entry.get(0)
        self.constructing = self.function and isinstance(first, InstanceType) and first.site is not None
        # a function compiled whole: (its FunctionType, parameter types, result type or None);
        # its calls of itself with the same types are native calls returning that type
        self.recursion = recursion
        # variables the region assigns None on one path and an object on another (or an
        # object-or-None), which it does not take in at its header (``node = head`` then
        # ``node = node.next`` in a loop nested in the region): object-or-None at every
        # assignment, found where paths merge (_merge), then typed again from the start
        self.wide_vars: dict = {}
        # the MOVEs of str constants that are exits (_StrMoves), and those typed STR in this
        # run: var -> their pcs
        self.str_move_exits: set = set()
        tries = 0
        while True:
            tries += 1
            self.str_moves: dict = {}
            # (pc, var) -> the MaybeType a loop variable keeps where None or an object is
            # assigned to it (the recorder writes the value as that type's word)
            self.widened: dict = {}
            self.state_before: dict[int, dict] = {}     # pc -> types before that instruction
            self.block_states: dict[int, dict] = {}
            self.exit_at: dict[int, int] = {}           # block start -> pc of an unconditional exit
            self.edge_states: dict[tuple[int, int], dict] = {}   # (block, succ) -> state on that edge
            self.typings: dict[int, Typing] = {}
            self.returns: list = []                  # (pc, type) of each return reached
            try:
                self._run()
                break
            except _StrMoves as e:
                self.str_move_exits |= e.pcs
                if tries > MAX_STR_MOVE_TRIES:
                    raise NotCompilable("str constants moved into variables of other types")
            except _Widen as e:
                if len(self.wide_vars) >= MAX_WIDE_VARS:
                    raise NotCompilable("more than %d variables are None or an object on different paths"
                                        % MAX_WIDE_VARS)
                self.wide_vars[e.var] = e.wide
        self._check_always_exiting()

    # --- operand types -----------------------------------------------------------------
    def operand_type(self, kind: str, arg, state) -> JType:
        if kind in ("rk", "*rk") and arg < 0:
            return const_type(self.code.consts[-1 - arg])
        t = state.get(arg)
        return t if t is not None else OtherType("unknown")

    def _line(self, pc):
        return self.code.instrs[pc].line

    # --- the walk ---------------------------------------------------------------------------
    def _live_filter(self, pc, state):
        live = self.region.liveness.live_at(pc)
        return {v: t for v, t in state.items() if is_global(v) or v in live or v == 0 and self.constructing}

    def _merge(self, pc, old, new):
        if old is None:
            return new
        out = {}
        for v in set(old) | set(new):
            a, b = old.get(v), new.get(v)
            if a is b:
                out[v] = a
            elif a is None or b is None:
                continue     # not defined on every path: not live here (see region.py)
            else:
                if (a is STR or b is STR) and self.str_moves:
                    # (the move into v nearest before the merge: a temporary is reused, so
                    # its other moves may well be STR where they merge; the next conflict,
                    # if any, refuses the next)
                    pcs = self.str_moves.get(v)
                    if pcs:
                        before = [p for p in pcs if p < pc]
                        pcs = {max(before)} if before else pcs
                    raise _StrMoves(pcs or set().union(*self.str_moves.values()))
                wide = widen(a, b)
                if isinstance(wide, MaybeType) and not is_global(v) and not is_cell(v) \
                        and v not in self.entry and v not in self.wide_vars:
                    raise _Widen(v, wide)
                name = self._var_name(v)
                raise NotCompilable("%s is %s on one path and %s on another at line %d"
                                    % (name, a.name, b.name, self._line(pc)))
        return out

    def _var_name(self, v) -> str:
        if is_cell(v):
            return "closure variable '%s'" % v[2]
        if is_global(v):
            return "global '%s'" % v[1]
        name = self.code.regnames.get(v)
        return ("'%s'" % name) if name else "a temporary (r%d)" % v

    def _run(self):
        region = self.region
        header = region.header
        self.block_states[header] = dict(self.entry)
        order = region.rpo()
        index = {s: i for i, s in enumerate(order)}
        work = [header]
        queued = {header}
        while work:
            work.sort(key=index.get)
            start = work.pop(0)
            queued.discard(start)
            state = dict(self.block_states[start])
            block = region.blocks[start]
            exited = False
            for pc in range(block.start, block.end):
                self.state_before[pc] = dict(state)
                typing = self.type_instruction(pc, state)
                self.typings[pc] = typing
                if typing.action == "exit":
                    self.exit_at[start] = pc
                    exited = True
                    break
                self._apply(pc, typing, state)
            if exited:
                continue
            self.exit_at.pop(start, None)
            last = self.code.instrs[block.end - 1]
            for k, succ in enumerate(block.succs):
                st = state
                if last.op.name == "FOR_ITER" and k == 0:
                    # leaving the loop: the target was not written
                    st = dict(self.state_before[block.end - 1])
                self.edge_states[(start, succ)] = st
                if succ not in region.blocks:
                    continue
                if succ == header:
                    continue   # loop variables keep their header types (enforced at defs)
                merged = self._merge(succ, self.block_states.get(succ), self._live_filter(succ, st))
                if merged != self.block_states.get(succ):
                    self.block_states[succ] = merged
                    if succ not in queued:
                        queued.add(succ)
                        work.append(succ)

    def _apply(self, pc, typing: Typing, state):
        if typing.action != "lower" or typing.result is None:
            return
        ins = self.code.instrs[pc]
        if typing.result is STAND_IN:
            # (every variable it sets holds a stand-in; an attribute stored changes no
            # object's type, and an unpacking gives stand-ins)
            for v in self.defined_vars(ins):
                state[v] = STAND_IN
            return
        if ins.op.name == "STORE_ATTR":     # an attribute added to an object being made:
            old = state[ins.args[0]]        # every register holding it has the next type
            for v, t in list(state.items()):
                if t is old:
                    state[v] = typing.result
            return
        results = typing.result.members if ins.op.name == "UNPACK" else None
        for k, v in enumerate(self.defined_vars(ins)):
            state[v] = results[k] if results else typing.result

    def defined_vars(self, ins):
        if ins.op.name == "STORE_GLOBAL":
            return [("g", self.code.names[ins.args[0]])]
        if ins.op.name == "STORE_DEREF":
            return [self.cell_var(ins.args[0])]
        if ins.op.name == "LIST_EXTEND":        # (an argument list: a virtual that grows)
            return [ins.args[0]]
        return ins.op.written(ins.args)

    def cell_var(self, reg: int):
        """The frame variable of the cell in register ``reg`` (an inlined closure's cells:
        see ``cells``)."""
        c = self.cells.get(reg)
        return c[0] if c is not None else cell_var(self.code, reg)

    def cell_constant(self, reg: int):
        """(True, the value) if the cell in register ``reg`` is an inlined closure's whose
        contents are a constant, else (False, None)."""
        c = self.cells.get(reg)
        if c is None or c[1] is LIVE:
            return False, None
        return True, c[1]

    # --- typing rules --------------------------------------------------------------------------
    def _exit(self, pc, reason, kind="side"):
        return Typing(pc, "exit", reason=reason, kind=kind)

    def _operands(self, ins, state) -> list:
        """The types of the operands ``ins`` reads, in order, in ``state``."""
        operands = []
        args = ins.args
        for i, kind in enumerate(ins.op.kinds):
            if kind in ("r", "rk", "m"):
                operands.append(self.operand_type(kind, args[i], state))
            elif kind == "*rk":
                operands.extend(self.operand_type("rk", a, state) for a in args[i:])
        return operands

    def _stand_in_exit(self, pc, name, checked) -> Typing | None:
        """The typing of an operation with an operand native code does not take, in a typing
        with stand-ins: an exit if one such operand is no stand-in (nor a value never typed),
        which the full typing finds too (its ``checked`` operands are the same: what they
        leave out turns on constants, dicts and str methods, never a stand-in's type), else a
        stand-in if one is; None if neither (the exit any typing makes)."""
        known = [t for t in checked if isinstance(t, OtherType) and not isinstance(t, Opaque)
                 and t.name != "unknown"]
        if known:
            self.settled.add(pc)
            return self._exit(pc, "%s of a %s" % (name, known[0].name))
        if any(isinstance(t, Opaque) for t in checked):
            return Typing(pc, "lower", STAND_IN)
        return None

    def settled_exit(self, pc) -> bool:
        """Is the exit at ``pc`` one a typing with every object walked finds too? (Asked of a
        typing with stand-ins.) It is if an operand native code never takes is no stand-in
        (``_stand_in_exit``); or if the operation is not a call -- a callee's typing reads
        globals and objects a typing with stand-ins does not have -- and no operand is a
        stand-in or unknown: then its operands' types were computed from no stand-in, and
        are what the full typing computes. (A path the full typing finds where this one made
        stand-ins could only make the loop's types merge, or exit, before the exit.)"""
        if pc in self.settled:
            return True
        ins = self.code.instrs[pc]
        typing = self.typings.get(pc)
        if ins.op.name.startswith("CALL") or typing is None or typing.callee is not None:
            return False
        state = self.state_before[pc]
        # (and the types its rule reads beside its operands: a global's or a cell's, and
        # what the variables it sets held -- ``global 'head' is a Node`` is a stand-in's)
        name = ins.op.name
        loaded = [("g", self.code.names[ins.args[1]])] if name == "LOAD_GLOBAL" else \
            [self.cell_var(ins.args[1])] if name == "LOAD_DEREF" else []
        read = [state.get(v) for v in loaded] + [state[v] for v in self.defined_vars(ins) if v in state]
        return not any(t is None or isinstance(t, Opaque) or t.name == "unknown"
                       for t in self._operands(ins, state) + read)

    def type_instruction(self, pc: int, state) -> Typing:
        ins = self.code.instrs[pc]
        op = ins.op
        name = op.name
        args = ins.args
        operands = self._operands(ins, state)
        checked = operands[1:] if name == "STORE_DEREF" else operands   # (a cell is a cell)
        if name in ("IN", "NOT_IN") and self._str_const(args[2]) is not None:
            checked = operands[:1]      # (c in "+-*/": the string constant's characters are known)
        if name == "CALL" and isinstance(operands[0], StrMethod) and len(args) == 3 \
                and self.str_kind(args[2], None) == "str":
            checked = operands[:1]      # (s.startswith("ab"): the constant's record)
        if name == "LOAD_ATTR" and self.code.names[args[2]] in STR_METHODS and args[1] < 0 \
                and self.str_kind(args[1], None) == "str":
            checked = []                # ("abc".startswith(w): the constant's record)
        if name == "STORE_SUBSCR" and self.str_kind(args[2], None) == "str":
            checked = checked[:2]       # (words[i] = "the": the constant's record)
        if name in COMPARE or name in ("IN", "NOT_IN"):
            # (a str constant compared with a str, or searched for in one: its record is a
            # constant of the module, layout.constant_records)
            consts = {self._operand_of_arg(op, k) for k in (1, 2) if self.str_kind(args[k], None) == "str"}
            if name in ("IN", "NOT_IN") and args[2] < 0 and str_tuple(self.code.consts[-1 - args[2]]):
                consts.add(self._operand_of_arg(op, 2))     # (a constant tuple of strs: Recorder.in_str_tuple)
            if consts:
                checked = [t for k, t in enumerate(checked) if k not in consts]
        if name in ("ADD", "IADD"):
            # (a str constant concatenated: its record, as a compared one's)
            consts = {self._operand_of_arg(op, k) for k in ((1, 2) if name == "ADD" else (1,))
                      if self.str_kind(args[k], None) == "str"}
            if consts:
                checked = [t for k, t in enumerate(checked) if k not in consts]
        key_arg = self._dict_key_arg(name, args, operands)
        if key_arg is not None and self._str_const(args[key_arg]) is not None:
            # (d["name"]: a str constant key's word is known: jtypes.StrKeys)
            checked = [t for k, t in enumerate(operands) if k != self._operand_of_arg(op, key_arg)]
        for t in checked:
            if isinstance(t, OtherType) and name not in _PASSING:
                typing = self._stand_in_exit(pc, name, checked) if self.stand_ins else None
                return typing or self._exit(pc, "%s of a %s" % (name, t.name))
        if self.stand_ins and name not in _PASSING and any(isinstance(t, Opaque) for t in operands):
            return Typing(pc, "lower", STAND_IN)    # (read by its op's rule: typed by the objects)
        if self.function:
            if name == "RETURN":
                if operands[0].static and operands[0] is not NONE:
                    return self._exit(pc, "returning a %s" % operands[0].name)
                self.returns.append((pc, operands[0]))
                return Typing(pc, "lower", None, operands)
            if name == "STORE_SUBSCR" and self.whole and _whole_list(operands[0]):
                pass        # (a copy, written back only if the whole call succeeds)
            elif name == "STORE_ATTR" and self.whole and isinstance(operands[0], InstanceType) \
                    and self.inliner is not None and self.inliner.copies_arguments:
                pass        # (self of a method compiled whole: a copy too, see inline.whole_object)
            elif name in ("STORE_GLOBAL", "STORE_DEREF", "STORE_SUBSCR", "STORE_ATTR") and not self.resumable:
                # a guard failing later in a function compiled whole re-runs the whole call:
                # it must not have changed anything the program can see
                return self._exit(pc, "%s in an inlined function" % name)
            if name in ("STORE_GLOBAL", "STORE_DEREF"):
                return self._store_in_callee(pc, name, args, operands, state)
        if name == "GET_ITER" and iter_of(operands[0]) is operands[0] and not self._made_here(pc, args[1]):
            # ``iter(it)`` is ``it`` itself: native code would advance a copy of an iterator
            # the program holds (in a variable, a closure, a global), which would not move
            return self._exit(pc, "iterating over an iterator the program holds")
        if name == "LOAD_ATTR" and isinstance(operands[0], InstanceType):
            typing = self._property(pc, args, operands[0])
            if typing is not None:
                return typing
        if name in ("CALL", "CALL_KW") and isinstance(operands[0], (FunctionType, BoundClassMethod, BoundMethodType)):
            return self._call(pc, args, operands, self.code.consts[-1 - args[2]] if name == "CALL_KW" else ())
        if name in ("CALL", "CALL_KW") and isinstance(operands[0], ClassType) and operands[0].klass is not super:
            return self._construct(pc, args, operands, self.code.consts[-1 - args[2]] if name == "CALL_KW" else ())
        if name == "CALL_EX" and isinstance(operands[0], (FunctionType, BoundClassMethod, BoundMethodType)) \
                and operands[2] is NONE:
            members = self._unpacked_members(args[2], operands[1])
            if members is not None:     # f(*t), t of known length: f(t[0], t[1], ...)
                return self._call(pc, args, [operands[0]] + list(members))
        self._pc = pc
        if name in ("LOAD_ATTR", "STORE_ATTR") and isinstance(operands[0], MaybeType):
            # o.attr of an object-or-None: the object's (native code guards the word first:
            # None leaves, and the interpreter raises the AttributeError)
            operands = [operands[0].inner] + operands[1:]
        result, reason = self._rule(name, args, operands, state)
        if result == "exit":
            # (a loop's return leaves it as its end does: no speculation failed, and its
            # runs are entered at once again, not after a backoff -- a function returning
            # from its loop at every call was entered at its 16th, 32nd, 64th... iteration)
            return self._exit(pc, reason, LOOP_EXIT if name == "RETURN" else "side")
        if result == "nop":
            return Typing(pc, "nop", operands=operands)
        typing = Typing(pc, "lower", result, operands)
        if self.wide_vars and result is not None and name != "UNPACK":
            for v in self.defined_vars(ins):
                wide = self.wide_vars.get(v)
                if wide is not None and widen(wide, result) is wide:
                    # (None or an object into a variable that is object-or-None in the
                    # region: written as that type's word, as at the header below)
                    self.widened[(pc, v)] = wide
                    typing.result = result = wide
        # a loop variable must keep its type at the loop header
        if result is not None and not self.function:
            for k, v in enumerate(self.defined_vars(ins)):
                want = self.entry.get(v)
                got = result.members[k] if name == "UNPACK" else result
                if want is not None and want is not got and self._live_at_header(v):
                    wide = widen(want, got)
                    if wide is want and name != "UNPACK":
                        # None or an object into an object-or-None: the value is that
                        # type's word (the recorder writes None as 0: ``widened``)
                        self.widened[(pc, v)] = want
                        typing.result = want
                        continue
                    if wide is not None and self.depth == 0:
                        # a variable holding None and objects (``best = None`` ...
                        # ``best = p``; ``node = node.next``): typed object-or-None at entry
                        raise NeedsWidening(v, wide)
                    if isinstance(got, TupleValue):
                        # (a tuple built in the loop, into a variable its next iterations or
                        # its exits read, that held no such virtual at entry -- None, a tuple
                        # of other members, or a tuple some other code made: no version for
                        # the next entry's types would stay native past here. A global or a
                        # register assigned a display is taken as one at entry if it holds
                        # one: region.tuple_registers, tuple_globals)
                        return self._exit(pc, "%s holds a tuple built in the loop from one "
                                              "iteration to the next" % self._var_name(v))
                    return self._exit(pc, "%s becomes %s" % (self._var_name(v), got.name),
                                      kind="type-change")
        return typing

    def _store_in_callee(self, pc, name, args, operands, state) -> Typing:
        """A global or closure variable an inlined function (resumed where it exits)
        writes: a frame variable of the loop, written back at every exit. Its type stays
        the one it had at the call (else a type-change exit, there), so it is the same
        after every call and at the loop's header."""
        if name == "STORE_GLOBAL":
            var, t = ("g", self.code.names[args[0]]), operands[0]
        else:
            var, t = self.cell_var(args[0]), operands[1]
            if self.cell_constant(args[0])[0]:
                return self._exit(pc, "STORE_DEREF of closure variable '%s', not known at entry" % var[2])
        result, reason = self._store_outside(t, "a global" if name == "STORE_GLOBAL" else "a closure variable")
        if result == "exit":
            return self._exit(pc, reason)
        want = self.entry.get(var)
        if want is None:
            return self._exit(pc, "%s is not known at entry" % self._var_name(var))
        if want is not t:
            return self._exit(pc, "%s becomes %s" % (self._var_name(var), t.name), kind="type-change")
        return Typing(pc, "lower", t, operands)

    def _made_here(self, pc, reg) -> bool:
        """Was the iterator in ``reg`` at ``pc`` made by a call of a builtin (``zip``,
        ``enumerate``, ``reversed``) earlier in the same block -- a fresh iterator nothing
        else holds?"""
        start = max((s for s in self.region.blocks if s <= pc), default=None)
        if start is None:
            return False
        for p in range(pc - 1, start - 1, -1):
            ins = self.code.instrs[p]
            if reg in ins.op.written(ins.args):
                before = self.state_before.get(p, {})
                return ins.op.name == "CALL" and isinstance(before.get(ins.args[1]), BuiltinType)
        return False

    def _call(self, pc, args, operands, kwnames=()) -> Typing:
        """A call of a program function: inlined, typed by the callee's own inference
        (or, in a function compiled whole, its native call of itself)."""
        fn = operands[0]
        if self.inliner is None:
            return self._exit(pc, "calling a %s" % fn.name)
        if any(isinstance(t, InstanceType) and t.site is not None for t in operands):
            # (the callee could add attributes its caller's type of the object would miss)
            return self._exit(pc, "passing an object being initialised to %s" % fn.name)
        if isinstance(fn, BoundClassMethod):        # the class comes first
            operands = [fn.function, ClassType(fn.klass)] + list(operands[1:])
            fn = fn.function
        elif isinstance(fn, BoundMethodType):       # the object comes first
            operands = [fn.function, fn.instance] + list(operands[1:])
            fn = fn.function
        code = fn.register_code or self.inliner.code_for(fn.func)
        fn.register_code = code
        if code is None:
            return self._exit(pc, "calling %s: its register bytecode is not available" % fn.func.__qualname__)
        if self.inliner.foreign_globals(fn, code):
            return self._exit(pc, "calling %s: it names globals of another module" % fn.func.__qualname__)
        binding = self.inliner.bind(fn, code, len(operands) - 1, tuple(kwnames))
        if isinstance(binding, str):
            return self._exit(pc, "calling %s: %s" % (fn.func.__qualname__, binding))
        params = tuple(operands[1 + v] if how == "arg" else TupleValue([operands[1 + k] for k in v])
                       if how == "varargs" else const_type(v) for how, v in binding)
        bad = [m for p in params if isinstance(p, TupleValue) for m in p.members
               if not (m in (INT, FLOAT, BOOL, NONE) or isinstance(m, TupleValue))]
        if bad:
            return self._exit(pc, "calling %s: *args holding a %s" % (fn.func.__qualname__, bad[0].name))
        rec = self.recursion
        state = self.state_before[pc]
        global_types = {v: t for v, t in state.items() if is_global(v)}
        if rec is not None and fn is rec[0]:
            if params == rec[1] and rec[2] is not None:
                typing = None
                if self.depth == 0 and len(code.instrs) <= SELF_INLINE_SIZE:
                    # one level of itself inlined: half the native calls (its own calls of
                    # itself are native calls)
                    callee = self.inliner.callee(fn, list(params), global_types, self.depth, recursion=rec)
                    if not isinstance(callee, str):
                        typing = Typing(pc, "lower", rec[2], operands, callee=callee)
                if typing is None:
                    typing = Typing(pc, "lower", rec[2], operands, callee=SELF_CALL)
                typing.binding = binding
                return typing
            return self._exit(pc, "a recursive call with other types")
        callee = self.inliner.callee(fn, list(params), global_types, self.depth,
                                     resumable=WHOLE if self.whole else self.resumable)
        if isinstance(callee, str):
            # not inlined (recursive, say): a native call of it compiled whole, if it compiles
            # (with lists for arguments: from a loop, they are the loop's records, and a call
            # that fails undoes its stores before the loop leaves: see ir.record's undo_log)
            whole = self.inliner.compiled_whole(fn, params, global_types)
            if isinstance(whole, str):
                return self._exit(pc, "calling %s: %s" % (fn.func.__qualname__, callee))
            if not self.resumable and not self.whole and stores_data(whole):
                # (a comprehension: an exit later in the iteration runs it again, the call too)
                return self._exit(pc, "calling %s: it stores into what it is passed, in an iteration "
                                      "run again after an exit" % fn.func.__qualname__)
            callee = whole
        typing = Typing(pc, "lower", callee.result, operands, callee=callee)
        typing.binding = binding
        want = self.entry.get(args[0])
        if (not self.function and want is not None and want is not callee.result
                and self._live_at_header(args[0])):
            return self._exit(pc, "%s becomes %s" % (self._var_name(args[0]), callee.result.name),
                              kind="type-change")
        return typing

    def _construct(self, pc, args, operands, kwnames=()) -> Typing:
        """``C(...)`` for one of the program's classes (jtypes.constructor): its ``__init__``
        inlined on a record compiled code allocates, ``self`` an InstanceType with a site
        (being initialised) whose fields grow as ``__init__`` assigns them. The call's
        result is the object with every attribute ``__init__`` assigned, of the type an
        object of the class copied in at entry has (its fields all of them, in the same
        order: the controller's ``_used_attributes`` takes in ``__init__``'s), so one made
        here can be stored where those are."""
        ct = operands[0]
        klass = ct.klass
        what = "calling class %s" % klass.__qualname__
        if self.inliner is None or not self.resumable:
            return self._exit(pc, what)
        init = constructor(klass)
        if init is None:
            return self._exit(pc, "%s: it is not a plain class with a plain __init__" % what)
        fn = classify(init, init.__globals__)
        if not isinstance(fn, FunctionType):
            return self._exit(pc, "%s: its __init__ is a %s" % (what, fn.name))
        if any(isinstance(t, InstanceType) and t.site is not None for t in operands[1:]):
            return self._exit(pc, "passing an object being initialised to %s" % klass.__qualname__)
        code = fn.register_code or self.inliner.code_for(init)
        fn.register_code = code
        if code is None:
            return self._exit(pc, "%s: its register bytecode is not available" % what)
        if self.inliner.foreign_globals(fn, code):
            return self._exit(pc, "%s: its __init__ names globals of another module" % what)
        if any(0 in ins.op.written(ins.args) for ins in code.instrs):
            return self._exit(pc, "%s: its __init__ assigns self" % what)
        being = InstanceType(klass, (), (), (id(self.code), pc, self.depth))
        operands = [fn, being] + list(operands[1:])
        binding = self.inliner.bind(fn, code, len(operands) - 1, tuple(kwnames))
        if isinstance(binding, str):
            return self._exit(pc, "%s: %s" % (what, binding))
        params = tuple(operands[1 + v] if how == "arg" else TupleValue([operands[1 + k] for k in v])
                       if how == "varargs" else const_type(v) for how, v in binding)
        if any(isinstance(p, TupleValue) for p in params):
            return self._exit(pc, "%s: its __init__ takes *args" % what)
        state = self.state_before[pc]
        global_types = {v: t for v, t in state.items() if is_global(v)}
        callee = self.inliner.callee(fn, list(params), global_types, self.depth, resumable=True)
        if isinstance(callee, str):
            return self._exit(pc, "%s: %s" % (what, callee))
        if callee.result is not NONE:
            return self._exit(pc, "%s: its __init__ returns a %s" % (what, callee.result.name))
        made = {callee.state_before[r].get(0) for r, _ in callee.returns}
        if len(made) != 1:
            return self._exit(pc, "%s: its __init__ assigns other attributes on other paths" % what)
        made = made.pop()
        # (a link of the object being made -- None stored into a new attribute -- is one of
        # the object made: LINK again, which the made type turns into its own object-or-None)
        fields = tuple((n, LINK if isinstance(ft, MaybeType) and ft.inner.klass is klass
                        and ft.inner.site == made.site else ft) for n, ft in made.fields)
        names = {n for n, _ in fields}
        used = self.inliner.names_of(klass)
        methods = tuple(sorted(n for n in used if n not in names and read_from_class(class_lookup(klass, n))))
        result = InstanceType(klass, fields, methods)
        for name in CONSTRUCTOR_ATTRIBUTES:
            self._note(klass, name, class_lookup(klass, name))
        typing = Typing(pc, "lower", result, operands, callee=callee)
        typing.binding = binding
        typing.new = made
        want = self.entry.get(args[0])
        if (not self.function and want is not None and want is not result
                and self._live_at_header(args[0])):
            return self._exit(pc, "%s becomes %s" % (self._var_name(args[0]), result.name), kind="type-change")
        return typing

    def _class_attribute(self, ct, attr):
        """``C.attr`` of a class known at compile time: a static method's function, a class
        method bound to the class, a function, or a number; the raw attribute is noted
        (``inliner.class_attributes``) for every entry to check."""
        raw = ct.lookup(attr)
        if isinstance(raw, staticmethod):
            value = raw.__func__
        elif isinstance(raw, classmethod):
            value = raw.__func__
        else:
            value = raw
        if self.inliner is None or raw is MISSING:
            return "exit", "attribute %s of a %s" % (attr, ct.name)
        G = getattr(value, "__globals__", None)
        t = classify(value, G) if type(value) is _FUNCTION else const_type(value)
        if isinstance(raw, classmethod):
            if not isinstance(t, FunctionType):
                return "exit", "class method %s of a %s" % (attr, ct.name)
            t = BoundClassMethod(t, ct.klass)
        elif not (isinstance(t, FunctionType) or t in (INT, FLOAT, BOOL)):
            return "exit", "attribute %s (a %s) of a %s" % (attr, type(raw).__name__, ct.name)
        self._note(ct.klass, attr, raw)
        return t, ""

    def _note(self, klass, attr, raw):
        """Every entry checks that the class's attribute ``attr`` still is ``raw``; and, if
        that is a function (a method, static or class method), that its code and defaults
        are still those inlined."""
        attributes = self.inliner.class_attributes
        attributes[(klass, attr)] = raw
        f = raw.__func__ if isinstance(raw, (staticmethod, classmethod)) else raw.fget if type(raw) is property \
            else raw
        if type(f) is _FUNCTION:
            for name in ("__code__", "__defaults__", "__kwdefaults__"):
                attributes[(f, name)] = getattr(f, name)
            if f.__kwdefaults__ is not None:
                attributes[(f, KWDEFAULT_VALUES)] = KwDefaults.of(f)

    def _property(self, pc, args, it):
        """``o.attr`` where ``o``'s class has a property ``attr`` whose getter is a plain
        function (InstanceType.methods): the getter's call with ``o``, inlined as a method
        call is (an exit inside it resumes there, as in any inlined callee); None if it is
        not one."""
        attr = self.code.names[args[2]]
        if self.inliner is None or attr not in it.methods:
            return None
        raw = class_lookup(it.klass, attr)
        if type(raw) is not property:
            return None
        for name in (attr, "__getattribute__"):
            self._note(it.klass, name, class_lookup(it.klass, name))
        ft = classify(raw.fget, raw.fget.__globals__)
        if not isinstance(ft, FunctionType):
            return self._exit(pc, "property %s of a %s" % (attr, it.name))
        return self._call(pc, args, [ft, it])

    def _super(self, rest):
        """``super(K, o)`` (what ``super()`` in a method compiles to) of an object copied in,
        where ``super_next`` finds the one class it looks in; the object's class order is
        checked at every entry (``__bases__`` can be assigned)."""
        if (self.inliner is None or len(rest) != 2 or not isinstance(rest[0], ClassType)
                or not isinstance(rest[1], InstanceType)):
            return "exit", "super() of %s" % ", ".join(t.name for t in rest)
        it = rest[1]
        nxt = super_next(rest[0].klass, it.klass)
        if nxt is None:
            return "exit", "super() past %s in a %s" % (rest[0].name, it.name)
        self._note(it.klass, MRO, it.klass.__mro__)
        return SuperType(rest[0].klass, it, nxt), ""

    def _super_attribute(self, st, attr):
        """``super(K, o).m`` for a plain function ``m`` of the class after ``K``: the method,
        bound to ``o`` (no instance dict is looked at, as CPython's super does not)."""
        raw = class_lookup(st.next, attr)
        if type(raw) is not _FUNCTION:
            return "exit", "attribute %s of a %s" % (attr, st.name)
        self._note(st.next, attr, raw)
        ft = classify(raw, raw.__globals__)
        if not isinstance(ft, FunctionType):
            return "exit", "method %s of a %s" % (attr, st.name)
        return BoundMethodType(ft, st.instance, attr, via=st.klass), ""

    def _object_truth(self, t) -> bool:
        """Is the truth of an object (always true) or of an object-or-None (not None) known
        from its word? Only if its class defines neither ``__bool__`` nor ``__len__`` (noted:
        every entry checks the class still has none); else the interpreter calls them."""
        klass = ref_class(t)
        if klass is None or self.inliner is None:
            return False
        if any(class_lookup(klass, name) is not MISSING for name in ("__bool__", "__len__")):
            return False
        for name in ("__bool__", "__len__"):
            self._note(klass, name, MISSING)
        return True

    def _field(self, it, attr):
        """``o.attr`` of an object copied in (jtypes.InstanceType): the field's type. The
        class's attribute of that name and its attribute hooks are noted for every entry
        to check (a data descriptor or a hook added later would take the dict's place)."""
        field = it.field(attr)
        klass = it.klass
        raw = class_lookup(klass, attr)
        if self.inliner is None or field is None and attr not in it.methods and not (
                it.site is not None and class_number(raw)):
            # (an object being made has no attribute but those assigned: a number of its
            # class is read through it with no check of its dict)
            return "exit", "attribute %s of a %s" % (attr, it.name)
        for name in (attr, "__getattribute__", "__setattr__"):
            self._note(klass, name, class_lookup(klass, name))
        if field is None and class_number(raw):
            # a number of the class, read through the object (whose dict has none: the
            # entry checks it, InstanceType.methods): a constant, as ``C.attr`` is
            return const_type(raw), ""
        if field is None:       # a method: the function, bound to the object
            if it.site is not None:
                return "exit", "method %s of an object being initialised" % attr
            if type(raw) is property:       # (read by _property)
                return "exit", "property %s of a %s" % (attr, it.name)
            ft = classify(raw, raw.__globals__)
            if not isinstance(ft, FunctionType):
                return "exit", "method %s of a %s" % (attr, it.name)
            return BoundMethodType(ft, it, attr), ""
        return field[1], ""

    @staticmethod
    def _dict_key_arg(name, args, operands):
        """The index in ``args`` of the key of a dict operation (d[k], d[k] = v, k in d,
        d.get(k, ...)), or None if ``name`` is not one on a dict copied in."""
        if name in ("SUBSCR", "STORE_SUBSCR") and operands and isinstance(operands[0], DictType):
            return 2 if name == "SUBSCR" else 1
        if name in ("IN", "NOT_IN") and len(operands) > 1 and isinstance(operands[1], (DictType, SetType)):
            return 1
        if name == "CALL" and operands and isinstance(operands[0], (DictGet, SetMethod)) and len(args) > 2:
            return 2
        return None

    @staticmethod
    def _operand_of_arg(op, arg_index):
        """The position among the operand types (registers read) of argument ``arg_index``."""
        k = 0
        for i, kind in enumerate(op.kinds):
            if i == arg_index:
                return k
            if kind in ("r", "rk", "m"):
                k += 1
            elif kind == "*rk":
                return k + arg_index - i
        return None

    def _dict_key(self, dt, arg, t, store=False):
        """Why native code cannot use the operand ``arg`` (of type ``t``) as a key of the dict
        type ``dt``, or "" if it can: an int or a bool (True is the key 1; the recorder stores
        by a bool key only into a key already there: a new key True must stay a bool) in a
        dict of int keys; a character, a str constant or a str value (its record's key word:
        ``str_key``) in a dict of str keys
        (a float key, or a key of the other kind, is the interpreter's: 1, 1.0 and True are
        one key, "1" another)."""
        if dt.key is INT:
            if t is INT or t is BOOL:
                return ""
        elif t is CHAR or t is STR or self._str_const(arg) is not None:
            return ""
        return "a %s key %s a %s" % ("str" if self._str_const(arg) is not None else t.name,
                                      "stored into" if store else "of", dt.name)

    def str_kind(self, arg, t):
        """"str" if the operand ``arg`` (of type ``t``) is a str compiled code has a record of
        (a STR value, or a str constant other than one character: a constant record,
        layout.constant_records), "char" if it is one character (a CHAR), else None."""
        if t is STR:
            return "str"
        if t is CHAR:
            return "char"
        c = self._str_const(arg)
        if c is not None and len(c) <= STR_CONST_MAX:
            return "str"
        return None

    def _str_const(self, arg):
        """The value of a str constant operand, or None."""
        if arg < 0 and type(self.code.consts[-1 - arg]) is str:
            return self.code.consts[-1 - arg]
        return None

    def _const_int(self, arg):
        """The value of a constant int operand, or None."""
        if arg < 0 and type(self.code.consts[-1 - arg]) is int:
            return self.code.consts[-1 - arg]
        return None

    def _live_at_header(self, v) -> bool:
        return is_global(v) or v in self.region.liveness.live_at(self.region.header)

    @staticmethod
    def _load_outside(typ, what: str, unbound: str):
        """Reading a global or a closure variable of type ``typ``."""
        if typ is None or isinstance(typ, OtherType):
            return "exit", "%s is a %s" % (what, typ.name if typ else "unknown value")
        if typ is UNBOUND_T:
            return "exit", "%s %s" % (what, unbound)
        return typ, ""

    @staticmethod
    def _store_outside(typ, where: str):
        """Storing a value of type ``typ`` in a global or a closure variable."""
        if typ.static and not isinstance(typ, BuiltinType) or isinstance(typ, OtherType):
            return "exit", "storing a %s in %s" % (typ.name, where)
        return typ, ""

    def _rule(self, name, args, t, state):
        """(result type | None for no result | "nop" | "exit", reason)."""
        if name in ("NOP", "JUMP", "JUMP_BACK"):
            return "nop", ""
        if name == "MOVE":
            if isinstance(t[0], OtherType):
                if self.str_kind(args[1], None) == "str" and self._pc not in self.str_move_exits:
                    # (kind = "NAME": the constant's record, layout.constant_records; an exit
                    # writes back CPython's own constant, FrameLayout.const_objects)
                    self.str_moves.setdefault(args[0], set()).add(self._pc)
                    return STR, ""
                return "exit", "a %s value" % t[0].name
            return t[0], ""
        if name == "LOAD_GLOBAL":
            g = ("g", self.code.names[args[1]])
            return self._load_outside(state.get(g), "global '%s'" % g[1], "is not defined")
        if name == "STORE_GLOBAL":
            return self._store_outside(t[0], "a global")
        if name == "LOAD_DEREF":
            c = self.cell_var(args[1])
            return self._load_outside(state.get(c), "closure variable '%s'" % c[2], "is not bound")
        if name == "STORE_DEREF":
            return self._store_outside(t[1], "a closure variable")
        if name == "CHECK_BOUND":
            return ("exit", "unbound local") if t[0] is UNBOUND_T else ("nop", "")
        if name in ("ADD", "IADD"):
            operands = args[1:3] if name == "ADD" else args[0:2]
            if all(self.str_kind(a, ta) for a, ta in zip(operands, t)):
                # a str made natively (wasmgen/slices str_concat: docs/jit-data.md "Building
                # strs"), from the heap, which a function compiled whole has not
                if self.whole:
                    return "exit", "building a str in a function compiled whole"
                return STR, ""
        if name in ARITH or (name.startswith("I") and name[1:] in ARITH):
            op = name if name in ARITH else name[1:]
            res = arith_result(op, t[0], t[1])
            if res is None:
                return "exit", "%s of %s and %s" % (op, t[0].name, t[1].name)
            return res, ""
        if name in COMPARE:
            if t[0] in NUMERIC and t[1] in NUMERIC:
                return BOOL, ""
            if t[0] is CHAR and t[1] is CHAR:     # (code points compare as the strings do)
                return BOOL, ""
            ka, kb = self.str_kind(args[1], t[0]), self.str_kind(args[2], t[1])
            if ka and kb and "str" in (ka, kb):     # (whole strings: wasmgen/strings)
                return BOOL, ""
            return "exit", "comparing %s with %s" % (t[0].name, t[1].name)
        if name in ("IN", "NOT_IN") and isinstance(t[1], (DictType, SetType)):
            why = self._dict_key(t[1], args[1], t[0])
            return ("exit", why) if why else (BOOL, "")
        if name in ("IN", "NOT_IN"):
            if t[0] is CHAR and self._str_const(args[2]) is not None:
                return BOOL, ""
            if self.str_kind(args[1], t[0]) and args[2] < 0 and str_tuple(self.code.consts[-1 - args[2]]):
                return BOOL, ""     # (a str or character in a constant tuple of strs)
            if self.str_kind(args[1], t[0]) and t[1] is STR or (
                    self.str_kind(args[1], t[0]) == "str" and self.str_kind(args[2], t[1]) == "str"):
                return BOOL, ""     # (a substring: wasmgen/strings str_find)
            return "exit", "membership test of a %s in a %s" % (t[0].name, t[1].name)
        if name in ("IS", "IS_NOT"):
            if t[0] is NONE or t[1] is NONE:
                return BOOL, ""     # decided by the static types
            if all(isinstance(x, (InstanceType, MaybeType)) or isinstance(x, SeqType) and x.kind in ("list", "array")
                   for x in t):
                return BOOL, ""     # the same record, or not (objects of other types: not)
            # (a string or tuple may be copied into more than one record: transfer._tuples)
            return "exit", "identity test of %s and %s" % (t[0].name, t[1].name)
        if name in ("NEG", "POS"):
            if t[0] in NUMERIC:
                return (FLOAT if t[0] is FLOAT else INT), ""
            return "exit", "unary %s of %s" % (name, t[0].name)
        if name == "INVERT":
            if t[0] in (INT, BOOL):
                return INT, ""
            return "exit", "~ of %s" % t[0].name
        if name == "NOT":
            return (BOOL, "") if truthy(t[0]) or self._object_truth(t[0]) else ("exit", "truth of %s" % t[0].name)
        if name in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            return (None, "") if truthy(t[0]) or self._object_truth(t[0]) else ("exit", "truth of %s" % t[0].name)
        if name == "GET_ITER":
            it = iter_of(t[0])
            if it is not None:
                return it, ""
            return "exit", "iterating over a %s" % t[0].name
        if name == "FOR_ITER":
            if t[0] in RANGE_ITERS or isinstance(t[0], (SeqIterType, CombinedIter, DictIterType)):
                return iter_elem(t[0]), ""
            return "exit", "iterating over a %s" % t[0].name
        if name == "UNPACK":
            if isinstance(t[0], TupleValue) and len(t[0].members) == len(args) - 1:
                return t[0], ""
            if isinstance(t[0], SeqType) and t[0].elem in (INT, FLOAT, BOOL):
                # a, b = pair of a list of pairs: its elements, once its length is checked
                return TupleValue([t[0].elem] * (len(args) - 1)), ""
            return "exit", "unpacking a %s" % t[0].name
        if name == "BUILD_TUPLE":
            # a virtual: its members' values, made a Python tuple only where an exit needs it
            if all(_virtual_member(m) or _object_member(m) for m in t):
                return TupleValue(t), ""
            return "exit", "a tuple of %s" % ", ".join(m.name for m in t)
        # the arguments of f(a, *t) (and a starred tuple display): a list built, extended and
        # made a tuple, which nothing else sees, is a virtual (ArgsList) of its members
        if name == "BUILD_LIST":
            if len(args) == 1 and not self._argument_list(self._pc, args[0]):
                # ``row = []`` in a loop: a list native code makes, of the elements the list
                # made here held when the loop was entered (``made_lists``; ints if none)
                if self.function or self.whole:
                    return "exit", "BUILD_LIST: building a list in an inlined function"
                made = self.made_lists.get(self._pc, LIST_INT)
                if made is None:
                    return "exit", "BUILD_LIST: building a list of what is not a number"
                if any(resizable_type(t) is not t for t in self.entry.values()):
                    # (the lists it takes typed resizable too, as for an append: ``last = row``
                    # is then no change of type, and a row in a list of rows has one type)
                    raise NeedsResizing("a list made in the loop")
                return resizable_type(made), ""
            if not self._argument_list(self._pc, args[0]):
                return "exit", "BUILD_LIST: building a container"
            if all(map(_virtual_member, t)):
                return ArgsList(t), ""
            return "exit", "an argument list of %s" % ", ".join(m.name for m in t)
        if name == "LIST_EXTEND":
            if not isinstance(t[0], ArgsList):
                return "exit", "LIST_EXTEND: building a container"
            members = self._unpacked_members(args[1], t[1])
            if members is None:
                return "exit", "*args of a %s (its length is not known)" % t[1].name
            return ArgsList(t[0].members + members), ""
        if name == "LIST_TO_TUPLE":
            if isinstance(t[0], ArgsList):
                return TupleValue(t[0].members), ""
            return "exit", "LIST_TO_TUPLE: building a container"
        if name == "CALL_EX":       # (a program function's, with *args of known length: see type_instruction)
            if t[2] is not NONE:
                return "exit", "a call with **kwargs or with keyword arguments after *args"
            if self._unpacked_members(args[2], t[1]) is None:
                return "exit", "*args of a %s (its length is not known)" % t[1].name
            return "exit", "calling a %s with *args" % t[0].name
        if name == "SUBSCR" and isinstance(t[0], DictType):
            why = self._dict_key(t[0], args[2], t[1])
            return ("exit", why) if why else (t[0].value, "")
        if name == "STORE_SUBSCR" and isinstance(t[0], DictType):
            c, i, v = t
            why = self._dict_key(c, args[1], i, store=True)
            if why:
                return "exit", why
            if v is not c.value:        # (the interpreter stores it; the next entry has its type)
                return "exit", "a %s stored into a %s" % (v.name, c.name)
            return None, ""
        if name == "BUILD_SLICE":
            # a virtual (its members' values) for the SUBSCR after it: docs/jit-data.md
            # "Slices"; not in a function compiled whole (no heap to make the result in)
            if self.whole:
                return "exit", "slicing in a function compiled whole"
            if all(m in (INT, BOOL, NONE) for m in t):
                return SliceValue([INT if m is BOOL else m for m in t]), ""
            return "exit", "a slice of %s" % ", ".join(m.name for m in t)
        if name == "SUBSCR" and isinstance(t[1], SliceValue):
            # a new list, tuple or str made natively (Recorder.slice); arrays' slices are
            # arrays, and a tuple virtual's a tuple of its members: the interpreter's
            c = t[0]
            if isinstance(c, SeqType) and c.kind in ("list", "tuple", "str") and not self.whole:
                return c, ""
            return "exit", "slicing a %s" % c.name
        if name == "SUBSCR":
            c, i = t
            if isinstance(c, TupleValue):
                k = self.code.consts[-1 - args[2]] if args[2] < 0 else None
                if type(k) in (int, bool) and -len(c.members) <= k < len(c.members):
                    return c.members[k], ""
                return "exit", "indexing a %s with %s" % (c.name, "a %s" % i.name if k is None else repr(k))
            if isinstance(c, SeqType) and i in (INT, BOOL):
                return c.elem, ""
            return "exit", "indexing a %s with a %s" % (c.name, i.name)
        if name == "STORE_SUBSCR":
            c, i, v = t
            if isinstance(c, SeqType) and c.mutable and i in (INT, BOOL):
                if (v is c.elem or c.elem is STR and self.str_kind(args[2], v) == "str"
                        or isinstance(c.elem, MaybeType) and widen(v, c.elem) is c.elem):
                    return None, ""
                return "exit", "a %s stored into a %s" % (v.name, c.name)
            return "exit", "item assignment on a %s" % c.name
        if name == "LIST_APPEND":
            c, v = t
            if isinstance(c, ArgsList):
                if _virtual_member(v):
                    return ArgsList(c.members + (v,)), ""
                return "exit", "an argument list of a %s" % v.name
            if isinstance(c, BuiltListType):
                if v in BUILT_LISTS:
                    # (of another type: a type change, and the site builds that next time)
                    return BUILT_LISTS[v], ""
                return "exit", "appending a %s to a %s" % (v.name, c.name)
            if isinstance(c, ReducerType):
                if v in c.ELEMS[c.kind]:
                    return ReducerType(c.kind, v), ""       # (another type: a type change)
                return "exit", "%s of a %s" % (c.kind, v.name)
            return "exit", "appending to a %s (only a list comprehension's own list grows)" % c.name
        if name == "LOAD_ATTR":
            attr = self.code.names[args[2]]
            if isinstance(t[0], ModuleType) and attr in t[0].attrs:
                return t[0].attrs[attr], ""
            if isinstance(t[0], ClassType):
                return self._class_attribute(t[0], attr)
            if isinstance(t[0], InstanceType):
                return self._field(t[0], attr)
            if isinstance(t[0], SuperType):
                return self._super_attribute(t[0], attr)
            if t[0] is CHAR and attr in CHAR_METHODS:
                return CharMethod(attr), ""
            if (attr in STR_METHODS or attr in STR_MAKING or attr in STR_SPLITTING) \
                    and self.str_kind(args[1], t[0]) == "str":
                return StrMethod(attr), ""
            if isinstance(t[0], DictType) and attr == "get":
                return DictGet(t[0]), ""
            if isinstance(t[0], SetType) and not t[0].frozen and attr in SET_METHODS:
                if self.whole:      # (a failure of a function compiled whole could not undo it)
                    return "exit", "set.%s in a function compiled whole" % attr
                return SetMethod(attr, t[0]), ""
            if isinstance(t[0], SeqType) and t[0].kind == "list" and attr in LIST_METHODS:
                if t[0].resizable and (not self.whole or self.inliner is not None and self.inliner.copies_arguments):
                    # (not in a function compiled whole, whose failure could not undo a resize,
                    # unless it is one called by the interpreter, whose lists are copies: see
                    # tauraro.jit.functions)
                    return ListMethod(attr, t[0]), ""
                if resizable_type(t[0]).resizable:
                    raise NeedsResizing("%s of a %s" % (attr, t[0].name))
            return "exit", "attribute %s of a %s" % (attr, t[0].name)
        if name == "STORE_ATTR":
            attr = self.code.names[args[1]]
            obj, v = t
            if isinstance(obj, InstanceType) and obj.site is not None and obj.field(attr) is None:
                # a new attribute of an object being made: the next field of its record (None:
                # a link, an object of its class or None, as an object copied in types it)
                if self.inliner is None or not (v in NUMERIC or v is NONE
                                                 or isinstance(v, InstanceType) and v.site is None):
                    return "exit", "a %s stored into a new attribute %s of a %s" % (v.name, attr, obj.name)
                raw = class_lookup(obj.klass, attr)
                if raw is not MISSING and _data_descriptor(raw) and slot_member(obj.klass, attr) is None:
                    return "exit", "attribute %s of a %s is a %s" % (attr, obj.name, type(raw).__name__)
                if not obj.klass.__dictoffset__ and slot_member(obj.klass, attr) is None:
                    # (no slot of that name and no __dict__: the interpreter raises CPython's
                    # AttributeError)
                    return "exit", "attribute %s of a %s is not one of its slots" % (attr, obj.name)
                self._note(obj.klass, attr, raw)
                return InstanceType(obj.klass, obj.fields + ((attr, LINK if v is NONE else v),), (), obj.site), ""
            if isinstance(obj, InstanceType) and obj.field(attr) is not None:
                ft = self._field(obj, attr)
                if ft[0] == "exit":
                    return ft
                if isinstance(ft[0], (SeqType, DictType)):
                    # (a container field is read only: its word, the record's address, is not
                    # written back; the interpreter stores it, and the next entry copies it)
                    return "exit", "a %s stored into %s.%s" % (v.name, obj.name, attr)
                if v is not ft[0] and not (isinstance(ft[0], MaybeType) and widen(v, ft[0]) is ft[0]):
                    # (the interpreter stores it; the next entry has its type)
                    return "exit", "a %s stored into %s.%s, a %s" % (v.name, obj.name, attr, ft[0].name)
                return None, ""
            return "exit", "attribute assignment on a %s" % obj.name
        if name == "CALL":
            fn, rest = t[0], t[1:]
            if isinstance(fn, CharMethod) and not rest:
                return (CHAR if fn.method in CHAR_CASE else BOOL), ""
            if isinstance(fn, StrMethod) and (fn.method in STR_MAKING or fn.method in STR_SPLITTING):
                # s.strip(), s.strip(chars), chars a str or a character; s.lower(), s.upper(): a
                # new str; s.split(): a new list of new strs (a separator or a count: the
                # interpreter's) -- from the heap, which a function compiled whole has not
                if self.whole:
                    return "exit", "%s in a function compiled whole" % fn.name
                if fn.method in STR_SPLITTING:
                    if not rest:
                        return object_seq("list", STR), ""
                elif not rest or len(rest) == 1 and fn.method.endswith("strip") and self.str_kind(args[2], rest[0]):
                    return STR, ""
                return "exit", "%s(%s)" % (fn.name, ", ".join(x.name for x in rest))
            if isinstance(fn, StrMethod):
                # s.startswith(p), p a str or a character (a tuple of prefixes, a start or
                # an end: the interpreter's)
                if len(rest) == 1 and self.str_kind(args[2], rest[0]):
                    return BOOL, ""
                return "exit", "%s(%s)" % (fn.name, ", ".join(x.name for x in rest))
            if isinstance(fn, DictGet):
                # d.get(k, default), the default of the values' type: the value's type
                # either way; d.get(k): the value's type, guarded on k being in the dict
                # (None, for a key missing, is the interpreter's)
                if len(rest) not in (1, 2):
                    return "exit", "%s(...) with %d arguments" % (fn.name, len(rest))
                why = self._dict_key(fn.dict, args[2], rest[0])
                if why:
                    return "exit", why
                if len(rest) == 2 and rest[1] is not fn.dict.value:
                    return "exit", "%s(key, a %s)" % (fn.name, rest[1].name)
                return fn.dict.value, ""
            if isinstance(fn, (SetMethod, ListMethod)) and not self.resumable and not self.whole:
                # (a comprehension's element, or a callee of one: an exit later in the element
                # has CPython run it again from its start, which would pop, append or add a
                # second time -- a ZeroDivisionError after a pop was never raised, the next
                # element popped instead)
                return "exit", "%s changes a %s where an exit re-runs the element" % (fn.name, fn.seq.name
                                                                                      if isinstance(fn, ListMethod)
                                                                                      else fn.set.name)
            if isinstance(fn, SetMethod):
                # s.add(x), s.discard(x), s.remove(x): x a key of the set's kind (a new
                # element True must stay a bool: the interpreter adds it)
                if len(rest) != 1:
                    return "exit", "%s(...) with %d arguments" % (fn.name, len(rest))
                why = self._dict_key(fn.set, args[2], rest[0])
                if why:
                    return "exit", why
                if fn.method == "add" and rest[0] is BOOL:
                    return "exit", "a bool added to a %s" % fn.set.name
                return NONE, ""
            if isinstance(fn, ListMethod):
                if fn.method in ("append", "insert") and rest and isinstance(rest[-1], TupleValue) \
                        and not self.region.liveness.only_reader(self._pc, args[1 + len(rest)]):
                    # (a tuple virtual is made a record where it is stored: read anywhere else
                    # too -- appended again, held on, copied first -- it would be made again
                    # there, two tuples where CPython has one)
                    return "exit", "a tuple given to %s of a %s and used again" % (fn.method, fn.seq.name)
                return self._list_method(fn, rest)
            if isinstance(fn, ClassType) and fn.klass is super:
                return self._super(rest)
            if isinstance(fn, BuiltinType):
                res = call_result(fn, rest)
                if fn.fn is B.isinstance and res is not None:
                    if self.inliner is None:
                        return "exit", "isinstance() of a %s" % rest[0].name
                    if isinstance(rest[0], InstanceType):
                        self._note(rest[0].klass, MRO, rest[0].klass.__mro__)
                if res is RANGE:
                    # range(a) and range(a, b) count up; range(a, b, c) does if c is a constant > 0
                    # (from 0 up: range(a), or a constant start >= 0)
                    if len(rest) == 1:
                        res = range_by_step(1, start=0)
                    elif len(rest) < 3:
                        res = range_by_step(1, start=self._const_int(args[2]))
                    elif args[-1] < 0 and self.code.consts[-1 - args[-1]]:
                        res = range_by_step(self.code.consts[-1 - args[-1]], start=self._const_int(args[2]))
                if res is not None:
                    return res, ""
                return "exit", "%s() with %s" % (fn.fn.__name__, ", ".join(a.name for a in rest) or "no arguments")
            return "exit", "calling a %s" % fn.name
        if name == "CALL_KW":       # (a program function's is inlined: see type_instruction)
            return "exit", "calling a %s with keyword arguments" % t[0].name
        if name in NOT_COMPILED:
            return "exit", not_compiled_reason(name)
        raise AssertionError("opcode %s is in neither COMPILED nor NOT_COMPILED "
                             "(tauraro/jit/coverage.py)" % name)

    @staticmethod
    def _list_method(fn: ListMethod, rest):
        """``append(x)``, ``pop()``, ``pop(i)``, ``insert(i, x)`` of a resizable list: an
        element of exactly the list's element type (another would make the list one the
        next entry types otherwise: the interpreter stores it; a character into a list of
        str is made a str), an index an int."""
        elem = fn.seq.elem
        if len(rest) not in LIST_METHODS[fn.method]:
            return "exit", "%s() with %d arguments" % (fn.method, len(rest))
        if fn.method in ("pop", "insert") and rest and rest[0] is not INT:
            return "exit", "list.%s() with an index of type %s" % (fn.method, rest[0].name)
        if fn.method in ("append", "insert") and rest[-1] is not elem and not (
                isinstance(elem, MaybeType) and widen(rest[-1], elem) is elem) and not (
                elem is STR and rest[-1] is CHAR) and not (     # (a character: boxed, Recorder.str_box)
                _tuple_of(rest[-1], elem)):     # (a tuple virtual: made a record, Recorder.tuple_record)
            return "exit", "a %s given to %s of a %s" % (rest[-1].name, fn.method, fn.seq.name)
        return (elem if fn.method == "pop" else NONE), ""

    def _argument_list(self, pc: int, reg: int) -> bool:
        """Is the list BUILD_LIST makes at ``pc`` in ``reg`` seen by nothing but its own
        LIST_APPEND and LIST_EXTEND and then one LIST_TO_TUPLE or LIST_EXTEND copying it,
        or a CALL_EX unpacking it, after which it is dead (the arguments of ``f(a, *t)``,
        ``[a, b]`` in ``f(*[a, b])``)? The instructions up to there jump only forward, and
        not past it."""
        instrs = self.code.instrs
        furthest = pc
        for q in range(pc + 1, min(len(instrs), pc + 500)):
            ins = instrs[q]
            target = ins.op.target(ins.args)
            if target is not None:
                if target <= q:
                    return False
                furthest = max(furthest, target)
            if reg not in ins.op.read(ins.args) and reg not in ins.op.written(ins.args):
                continue
            name, a = ins.op.name, ins.args
            if name in ("LIST_APPEND", "LIST_EXTEND") and a[0] == reg and a[1] != reg:
                continue
            if (name == "LIST_TO_TUPLE" and a[1] == reg and a[0] != reg or name == "LIST_EXTEND" and a[1] == reg
                    or name == "CALL_EX" and a[2] == reg and reg not in (a[1], a[3])):
                return furthest <= q and reg not in self.region.liveness.live_at(q + 1)
            return False
        return False

    def _unpacked_members(self, arg, t):
        """The member types of what ``*arg`` unpacks, if its length is known: a tuple
        virtual, an argument list, a constant tuple of numbers and None; else None."""
        if isinstance(t, (TupleValue, ArgsList)):
            return t.members
        if arg < 0 and type(self.code.consts[-1 - arg]) is tuple:
            members = tuple(const_type(v) for v in self.code.consts[-1 - arg])
            if all(m in (INT, FLOAT, BOOL, NONE) for m in members):
                return members
        return None

    # --- loops that could never finish an iteration natively ----------------------------------------
    def _check_always_exiting(self):
        region = self.region
        dom = None
        loops = ([(region.header, region.loop)] if region.loop is not None else []) + \
            [(l.header, l) for l in region.inner_loops]
        for start, pc in sorted(self.exit_at.items()):
            typing = self.typings[pc]
            if typing.kind != "side":
                continue
            if dom is None:         # (found only for a region with a side exit)
                dom = dominators(region)
            for header, loop in loops:
                latches = [b for b in region.blocks if header in region.blocks[b].succs
                           and loop.header <= b < loop.end]
                if latches and all(start in dom.get(l, ()) for l in latches):
                    raise AlwaysExits("%s at line %d runs on every iteration of the loop at line %d"
                                      % (typing.reason, self._line(pc), loop.line), self, pc)

    # --- functions compiled whole whose recursion could never return natively ----------------------
    def recursion_fails(self):
        """(reason, line) of the exit that every path after this function's native calls
        (of itself, or of a function compiled whole, here or in a callee inlined here)
        reaches before any return, or None. Such a function returns natively only from
        calls that make no native call -- its base cases -- and every other call fails after
        doing all its native work, then is made again by the interpreter: compiling it whole
        buys nothing. (A recursive ``build`` returning ``Node(mid, build(...), build(...))``:
        making an object is an exit in a function compiled whole.) So too if no native call
        is reached at all though the function names itself: its calls of itself are past an
        exit (``n = Node(...)`` before ``n.left = make(...)``; ``s(t[1:])``, a slice), or
        are exits themselves (other argument types); the first exit by pc is the reason."""
        region = self.region
        calls = sorted(pc for pc, t in self.typings.items()
                       if t.action == "lower" and t.callee is not None and _makes_native_call(t.callee))
        if not calls:
            func = self.recursion[0].func if self.recursion is not None else None
            name = getattr(func, "__name__", None)
            own = [pc for b in region.blocks.values() for pc in range(b.start, b.end)
                   if self.code.instrs[pc].op.name == "LOAD_GLOBAL"
                   and self.code.names[self.code.instrs[pc].args[1]] == name]
            if not own or func.__globals__.get(name) is not func or not self.exit_at:
                return None
            stop = min(self.exit_at.values())
            return self.typings[stop].reason, self._line(stop)
        block_of = {pc: start for start, b in region.blocks.items() for pc in range(b.start, b.end)}
        returns = {pc for pc, _ in self.returns}
        found = None
        seen = set()
        work = []

        def follow(start, after):
            """The block at ``start`` from pc ``after`` on; False if a return is reached."""
            nonlocal found
            block = region.blocks[start]
            stop = self.exit_at.get(start)
            if stop is not None and stop >= after:
                if found is None:
                    found = (self.typings[stop].reason, self._line(stop))
                return True
            if any(after <= pc < block.end for pc in returns):
                return False
            for succ in block.succs:
                if succ in region.blocks and succ in self.block_states and succ not in seen:
                    seen.add(succ)
                    work.append(succ)
            return True

        for pc in calls:
            if not follow(block_of[pc], pc):
                return None
        while work:
            start = work.pop()
            if not follow(start, region.blocks[start].start):
                return None
        return found


def _makes_native_call(callee) -> bool:
    """Is a call typed with ``callee`` (its Typing's) a native call of a function compiled
    whole (itself: SELF_CALL, or itself inlined one level), or an inlined call making one?"""
    if callee is SELF_CALL or getattr(callee, "compiled_whole", False):
        return True
    if not isinstance(callee, Inference):
        return False
    if callee.recursion is not None:
        return True
    return any(t.action == "lower" and t.callee is not None and _makes_native_call(t.callee)
               for t in callee.typings.values())


def _virtual_member(t: JType) -> bool:
    """May a value of type ``t`` be a member of a tuple virtual?"""
    return t in (INT, FLOAT, BOOL, NONE) or isinstance(t, TupleValue)


def _object_member(t: JType) -> bool:
    """May a value of type ``t``, an object reference, be a member of a tuple virtual that
    compiled code builds (``return best, best_t``)? Its word is its record's address, as
    in a variable; an exit needing the tuple makes it of the objects themselves."""
    if isinstance(t, MaybeType):
        t = t.inner
    return isinstance(t, InstanceType) and t.site is None


def dominators(region: LoopRegion) -> dict[int, set[int]]:
    """Block start -> the set of blocks dominating it (including itself)."""
    return dominator_sets(region.header, region.rpo(), lambda b: region.blocks[b].preds)
