"""Which calls of the program's functions are inlined into a compiled loop, typed how.

A call ``f(a, b)`` (or ``f(*t)``, ``f(a, *t)``, ``t`` of a length known natively: see
``Inference._unpacked_members``) whose callee is a function of the loop's module known
at entry (``FunctionType``: its identity, code and defaults are checked by every entry)
is inlined if the callee's register bytecode, typed for these argument types, compiles
as a whole function region (``FunctionRegion``) and returns one type. Depth and size
are bounded.

An exit inside an inlined body resumes *there*: its snapshot holds every frame of the
chain, the exit rebuilds each callee's frame and the resume interpreter runs the rest
of the innermost callee, then each caller from its call (``tauraro.jit.ir.record``,
``tauraro.vm.resume.CallResume``). So a callee may change what the program sees
before it returns: store into lists, and write globals and closure variables. A
global it writes is a frame variable of the loop (``("g", name)``), read at entry and
written back at every exit, as the loop's own globals are; a closure cell it writes --
or that another callee writes, or that is one of the loop's own cells -- is one too
(``closure_cells``): the loop's own closure variable if it is that very cell, else
``("c", CellVar(cell), name)``, written back into the cell itself; so are the cells of
a closure another closure holds. The other cells of an inlined closure hold constants
(part of the version's key: checked at entry). A type-change of such a variable inside
a callee is an exit there, so its type is the same at every call and return.

A comprehension's loop is different (``LoopState.reruns_iterations``): an iteration it
stops in is run again by CPython, so its callees' stores are exits.

A function compiled whole is different: its exits fail the whole call and the
interpreter makes it again, so it must change nothing the program sees before it
succeeds: its only stores are into the lists it is passed, which are copies (called from
the interpreter) or are undone by an undo log (called from a loop); see
``tauraro.jit.functions``. Its other stores stay exits.
"""
from __future__ import annotations


from ..compiler.code import VARARGS
from ..compiler.opcodes import NOT_RESUMABLE
from .infer import LIVE, Inference, NeedsResizing, NotCompilable
from .jtypes import (BOOL, FLOAT, INT, NONE, UNBOUND_T, BoundClassMethod, BoundMethodType, CellVar, ClassType,
                     FunctionType, InstanceType, LiveCell, OtherType, SeqIterType, SeqType, classify, constructor,
                     methods_named)
from .region import FunctionRegion, attribute_names

_EMPTY = object()
_GLOBAL_OPS = frozenset(("LOAD_GLOBAL", "STORE_GLOBAL", "DELETE_GLOBAL", "LOAD_GLOBALS"))
MAX_DEPTH = 5            # calls inlined inside inlined calls, at most this deep
MAX_INSTRUCTIONS = 1500  # bytecode instructions inlined into one region, at most, counted at each call


class Inliner:
    def __init__(self, code_for, cells=None, copies_arguments=False, home=None):
        """``code_for(function)``: the function's register bytecode, or None; ``cells``:
        id(cell) -> the frame variable of each closure cell that is not a constant
        (``CellMap.vars``). ``copies_arguments``: for a function compiled whole that the
        interpreter calls (``tauraro.jit.functions``), whose lists are copies written back
        only after a call that succeeded: it, and what it calls natively, may resize them.
        ``home``: the globals of the module the loop or function compiled runs in, whose
        names an inlined callee's globals are read and written by (``foreign_globals``)."""
        self.code_for = code_for
        self.home = home
        self.cells = cells or {}
        self.copies_arguments = copies_arguments
        self.class_attributes: dict = {}    # (class, name) -> the raw attribute read (checked at entry)
        # class -> the attribute names the loop may use of its objects (the controller's
        # _used_attributes): an object made natively gets the methods among them
        self.names_of = lambda klass: frozenset()
        self.size = 0
        self._typed: dict = {}
        self._pending = 0
        self._regions: dict = {}

    def foreign_globals(self, fn, code) -> bool:
        """Does the function ``fn`` (its register ``code``) name globals -- builtins too --
        of another module than the compiled code's? Its globals would be read and written as
        the home module's names: a method of a class imported from another module read the
        importer's ``K``, its ``abs``, wrote its counter. (Functions of another module are
        not FunctionTypes at all: ``classify``; methods, ``__init__`` and property getters
        are classified with their own globals.)"""
        return self.home is not None and fn.func.__globals__ is not self.home and any(
            ins.op.name in _GLOBAL_OPS for ins in code.instrs)

    def compiled_whole(self, fn, params, global_types):
        """See ``compiled_whole`` (cached per function and argument types)."""
        key = ("whole", fn, tuple(params))
        have = self._typed.get(key)
        if have is None:
            # while its base cases are typed, a call of it from a function it calls is an
            # exit; then, while it is typed again, a native call (PendingWhole)
            self._typed[key] = "a mutually recursive call"

            def pending(result):
                self._typed[key] = p = PendingWhole(result)
                self._pending += 1          # callees typed before it typed its calls as exits
                return p
            have = self._typed[key] = compiled_whole(self, fn, list(params), global_types, pending)
        return have

    def bind(self, fn, code, nargs: int, kwnames=()):
        """See ``bind_arguments``."""
        return bind_arguments(fn, code, nargs, kwnames)

    def callee(self, fn: FunctionType, args: list, global_types: dict, depth: int, recursion=None,
               resumable=False):
        """The callee's Inference for these argument types, or why it is not inlined
        (``recursion``: a function compiled whole inlining itself once, whose own calls
        of itself stay native calls; ``resumable``: see Inference)."""
        key = (fn, tuple(args), tuple(sorted(global_types.items(), key=lambda kv: kv[0])), recursion,
               resumable, self._pending)
        have = self._typed.get(key)
        if have is None:
            have = self._typed[key] = self._type(fn, list(args), global_types, depth, recursion, resumable)
        elif not isinstance(have, str):
            # typed once, inlined at each call: its code (and its callees') is emitted again
            # here -- a function calling itself twice made 2**5 copies of itself, one
            # 275 KB module compiled in 3 s, before this counted them
            self.size += have.inlined_size
            if self.size > MAX_INSTRUCTIONS:
                return "the loop's inlined code is already %d instructions" % MAX_INSTRUCTIONS
        return have

    def region(self, code) -> FunctionRegion:
        region = self._regions.get(code)
        if region is None:
            region = self._regions[code] = FunctionRegion(code)
        return region

    def entry(self, fn, region, args, global_types):
        """(the types at the start of ``fn`` (its region) called with ``args``, its closure
        cells), or why it cannot be compiled. The types: the arguments, unbound for the
        other locals it reads first, the globals and closure variables known at the call
        (all of them: its own callees read theirs), and a closure's variables: a cell
        that is a frame variable (``self.cells``) as the caller has it, any other as the
        constant it holds (see FunctionType). The cells: register -> (its frame variable,
        the constant or LIVE)."""
        code = region.code
        if fn.cells is None:
            return "its closure's contents are not known"
        entry = {r: t for r, t in enumerate(args)}
        for r in region.liveness.live_at(0):
            entry.setdefault(r, UNBOUND_T)       # read before assigned: UnboundLocalError
        entry.update(global_types)
        closure = dict(zip(fn.func.__code__.co_freevars, fn.func.__closure__ or ()))
        cells = {}
        for name, reg in code.freevars:
            cell = closure.get(name)
            var = self.cells.get(id(cell))
            if var is not None:
                if var not in global_types:
                    return "its closure variable '%s' is not known at entry" % name
                cells[reg] = (var, LIVE)
                continue
            value = fn.closure.get(name, _EMPTY)
            if isinstance(value, LiveCell):
                return "its closure variable '%s' is not known at entry" % name
            t = classify(value, fn.func.__globals__) if value is not _EMPTY else OtherType("empty cell")
            if isinstance(t, OtherType) or t not in (INT, FLOAT, BOOL) and not t.static:
                return "its closure variable '%s' is a %s" % (name, t.name)
            var = ("c", CellVar(cell), name)
            entry[var] = t
            cells[reg] = (var, value)
        return entry, cells

    def _type(self, fn, args, global_types, depth, recursion=None, resumable=False):
        if depth >= MAX_DEPTH:
            return "calls nested more than %d deep are not inlined" % MAX_DEPTH
        code = fn.register_code
        if code is None:
            code = fn.register_code = self.code_for(fn.func)
        if code is None:
            return "its register bytecode is not available"
        held = _unresumable(code)
        if held is not None:
            # (an exit inside the callee resumes its call in the resume interpreter, which
            # cannot make a function or a class, or import: the first run of a comprehension
            # in a rarely taken branch raised NameError there)
            return "it holds %s at line %d" % held
        n = code.argcount + code.kwonlyargcount + (1 if code.flags & VARARGS else 0)
        if len(args) != n:          # (the call's arguments, bound: see bind_arguments)
            return "the arguments do not bind"
        for t in args:              # (a default's type: the call's own were checked)
            if isinstance(t, OtherType) or (t.static and t is not NONE
                                            and not isinstance(t, (FunctionType, ClassType))):
                return "a default of type %s" % t.name
        region = self.region(code)
        reads, writes = region.global_names()
        for name in reads | writes:
            if ("g", name) not in global_types:
                return "its global '%s' is not known at entry" % name
        entry = self.entry(fn, region, args, global_types)
        if isinstance(entry, str):
            return entry
        entry, cells = entry
        self.size += len(code.instrs)
        if self.size > MAX_INSTRUCTIONS:
            return "the loop's inlined code is already %d instructions" % MAX_INSTRUCTIONS
        try:
            inf = Inference(region, entry, self, depth + 1, recursion=recursion, resumable=resumable,
                            cells=cells)
        except NeedsResizing:
            raise           # (the loop's lists are typed again: see controller.enter)
        except NotCompilable as e:
            return str(e)
        types = {t for _, t in inf.returns}
        if not types:
            pc = min(inf.exit_at.values(), default=None)
            if pc is None:
                return "it never returns"
            return "%s at line %d" % (inf.typings[pc].reason, code.instrs[pc].line)
        if len(types) > 1:
            return "it returns %s" % " or ".join(sorted(t.name for t in types))
        inf.result = types.pop()
        inf.function_type = fn
        inf.inlined_size = len(code.instrs) + sum(
            t.callee.inlined_size for t in inf.typings.values()
            if isinstance(getattr(t, "callee", None), Inference) and not getattr(t.callee, "compiled_whole", False))
        return inf


def _unresumable(code):
    """(the name, the line) of the first instruction of ``code`` the resume interpreter
    cannot run, or None."""
    for ins in code.instrs:
        if ins.op.name in NOT_RESUMABLE:
            return ins.op.name, ins.line
    return None


class PendingWhole:
    """A function compiled whole while it is typed the second time: a call of it from a
    function it calls (mutual recursion) is a native call returning the type its base
    cases return; ``target`` is its Inference once typed (None if it did not type)."""
    compiled_whole = True

    def __init__(self, result):
        self.result = result
        self.target = None


def compiled_whole(inliner, fn: FunctionType, params: list, global_types: dict, pending=None):
    """The Inference of ``fn`` compiled whole for ``params`` (its calls of itself native),
    to be called natively where inlining it is not possible (it is recursive, or too deep
    or big); or why not. Like ``tauraro.jit.functions``: typed twice, base cases first
    (``pending(result)``: called between, gives the PendingWhole its partners call)."""
    if not all(whole_parameter(t, inliner.copies_arguments) for t in params):
        return "arguments of types %s" % ", ".join(t.name for t in params)
    region = inliner.region(fn.register_code)
    # its graph is its own, without the loop's frame variables: of the globals known at
    # the call it reads only those known at compile time (functions, classes, modules)
    entry = inliner.entry(fn, region, params, {v: t for v, t in global_types.items() if t.static})
    if isinstance(entry, str):
        return entry
    entry, cells = entry
    if any(how is LIVE for _, how in cells.values()):
        return "its closure variables change"
    result = promise = None
    for k in range(2):
        try:
            inf = Inference(region, entry, inliner, 0, recursion=(fn, tuple(params), result), resumable=False,
                            cells=cells)
        except NeedsResizing:
            if inliner.copies_arguments:
                raise       # (its lists are typed again, resizable: compile_function)
            return "it resizes a list"
        except NotCompilable as e:
            return str(e)
        returned = {t for _, t in inf.returns}
        if len(returned) != 1 or promise is not None and promise.result not in returned:
            return "it returns %s" % (" or ".join(sorted(t.name for t in returned)) or "through no native path")
        result = returned.pop()
        if result not in (INT, FLOAT, BOOL, NONE):
            return "it returns a %s" % result.name
        if k == 0 and pending is not None:
            promise = pending(result)
    failing = inf.recursion_fails()
    if failing is not None:
        return "its recursive calls never return natively: %s at line %d" % failing
    if promise is not None:
        promise.target = inf
    inf.result = result
    inf.function_type = fn
    inf.compiled_whole = True
    return inf


def whole_argument(t) -> bool:
    """May a function compiled whole take an argument of type ``t`` besides numbers? A
    list or tuple of numbers or bools, or of such lists and tuples (a board, the pegs of
    towers of Hanoi): its record's address and length (or only its address: a resizable
    list; only a function the interpreter calls resizes one: see Inliner.copies_arguments).
    (Lists of objects: not yet.)"""
    if not (isinstance(t, SeqType) and t.kind in ("list", "tuple")):
        return False
    e = t.elem
    return e in (INT, FLOAT, BOOL) or (
        isinstance(e, SeqType) and e.kind in ("list", "tuple") and e.elem in (INT, FLOAT, BOOL))


def whole_object(t) -> bool:
    """May a method compiled whole take ``t`` for ``self``, called from the interpreter
    (``Inliner.copies_arguments``: its record a copy, written back after a native call that
    succeeded)? An object whose fields hold numbers, bools, or what ``whole_argument`` takes
    (a tower's pegs: a list of lists of ints)."""
    return isinstance(t, InstanceType) and t.site is None and bool(t.fields) and all(
        ft in (INT, FLOAT, BOOL) or whole_argument(ft) for _, ft in t.fields)


def whole_parameter(t, objects=True) -> bool:
    """May a function compiled whole take an argument of type ``t``: a number, a bool, what
    ``whole_argument`` takes, or (``objects``: called from the interpreter, its arguments
    copies) an object ``whole_object`` takes?"""
    return t in (INT, FLOAT, BOOL) or whole_argument(t) or objects and whole_object(t)


def bind_arguments(fn: FunctionType, code, nargs: int, kwnames=()):
    """Which value each parameter of the callee gets from a call with ``nargs`` arguments,
    the last ``len(kwnames)`` of them by keyword: a list of ("arg", i) (the call's i-th
    argument), ("default", value) or, for ``*args``, ("varargs", (i, ...)) (the extra
    positional arguments: a tuple of known length); or, where CPython would raise
    TypeError, why not."""
    params = code.params[:code.argcount]
    npos = nargs - len(kwnames)
    varargs = tuple(range(len(params), npos)) if code.flags & VARARGS else None
    if npos > len(params) and varargs is None:
        return "too many arguments"
    if len(set(kwnames)) != len(kwnames):
        return "a keyword argument repeated"
    bound = min(npos, len(params))          # the positional arguments parameters take
    out = [("arg", i) for i in range(bound)]
    defaults = fn.defaults or ()
    first_default = len(params) - len(defaults)
    kw = {name: npos + k for k, name in enumerate(kwnames)}
    if any(name in kw for name in params[:bound]) or \
            any(name in kw for name in params[:code.posonlyargcount]):
        return "an argument given twice, or a positional-only one by keyword"
    for k in range(bound, len(params)):
        name = params[k]
        if name in kw:
            out.append(("arg", kw.pop(name)))
        elif k >= first_default:
            out.append(("default", defaults[k - first_default]))
        else:
            return "missing argument '%s'" % name
    kwdefaults = dict(fn.kwdefault_values)
    for name in code.params[code.argcount:code.argcount + code.kwonlyargcount]:
        if name in kw:
            out.append(("arg", kw.pop(name)))
        elif name in kwdefaults:
            out.append(("default", kwdefaults[name]))
        else:
            return "missing keyword-only argument '%s'" % name
    if kw:
        return "an unexpected keyword argument '%s'" % next(iter(kw))
    if varargs is not None:     # its register follows the keyword-only parameters'
        out.append(("varargs", varargs))
    return out


def _register_code(fn: FunctionType, code_for):
    code = fn.register_code
    if code is None:
        code = fn.register_code = code_for(fn.func)
    return code


def reachable_functions(types) -> list:
    """The functions among ``types`` (class methods' too), the methods of the objects they
    reach, and the functions those functions' closures hold, at any depth: the functions a
    loop with entry types ``types`` may inline."""
    out, seen = [], set()
    stack = [t.function if isinstance(t, BoundClassMethod) else t for t in types]
    stack += _methods(types)
    while stack:
        fn = stack.pop()
        if not isinstance(fn, FunctionType) or fn in seen:
            continue
        seen.add(fn)
        out.append(fn)
        G = fn.func.__globals__
        for cell in fn.func.__closure__ or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if type(value) is type(reachable_functions):
                stack.append(classify(value, G))
    return out


def _methods(types) -> list:
    """The FunctionTypes of the methods of the objects of ``types`` (InstanceType.methods),
    found through lists and tuples of objects, their iterators and bound methods, and the
    functions of the classes among them that compiled code may call (``__init__`` and
    the methods of the objects it makes): an inlined method reads its module's globals as
    any inlined function does."""
    out, seen = [], set()
    todo = list(types)
    while todo:
        t = todo.pop()
        if id(t) in seen:
            continue
        seen.add(id(t))
        if isinstance(t, BoundMethodType):
            out.append(t.function)
            todo.append(t.instance)
        elif isinstance(t, SeqIterType):
            todo.append(t.seq)
        elif isinstance(t, SeqType):
            todo.append(t.elem)
        elif isinstance(t, InstanceType):
            todo += [ft for _, ft in t.fields if isinstance(ft, InstanceType)]     # (ray.origin: a Vec)
            for name in t.methods:      # (overridden ones too: super() calls them)
                for raw in methods_named(t.klass, name):
                    ft = classify(raw, raw.__globals__)
                    if isinstance(ft, FunctionType):
                        out.append(ft)
        elif isinstance(t, ClassType) and constructor(t.klass) is not None:
            # a class the loop may call (Inference._construct): its __init__, and the
            # methods of the objects it makes
            for klass in t.klass.__mro__[:-1]:
                for raw in klass.__dict__.values():
                    ft = classify(raw, raw.__globals__) if type(raw) is type(constructor) else None
                    if isinstance(ft, FunctionType):
                        out.append(ft)
    return out


def callee_globals(types, code_for) -> set:
    """The globals the functions a loop with entry types ``types`` may inline read or
    write: a loop calling them reads them at entry too, and writes back those they write.
    (The controller repeats this until no new function turns up.)"""
    out = set()
    for fn in reachable_functions(types):
        code = _register_code(fn, code_for)
        if code is not None:
            out |= {code.names[ins.args[k]] for ins in code.instrs
                    for name, k in (("LOAD_GLOBAL", 1), ("STORE_GLOBAL", 0)) if ins.op.name == name}
    return out


def callee_attribute_names(types, code_for) -> frozenset:
    """The attribute names the functions a loop with entry types ``types`` may inline use,
    of any object: an object the loop holds may reach them as an argument
    (``nearest(spheres, ray)`` calls ``s.hit(ray)`` of each sphere), so it is copied in with
    those attributes too, as with those its own code uses."""
    out = set()
    for fn in reachable_functions(types):
        code = _register_code(fn, code_for)
        if code is not None:
            out |= attribute_names(code)
    return frozenset(out)


class CellMap:
    """The closure cells of the functions a loop may inline that compiled code reads and
    writes as frame variables (``vars``: id(cell) -> var): every cell one of them writes,
    every cell of a function that another's closure holds (whose contents no entry
    variable's type holds), and every cell that is one of the loop's own closure
    variables (then the loop's variable, ``("c", register, name)``). ``checks``:
    (register, cell, same) for each loop cell and each cell of those functions -- was
    the register's cell that very cell -- which every entry checks still holds."""

    def __init__(self):
        self.vars = {}
        self.checks = []


def closure_cells(types, loop_cells: dict, code_for) -> CellMap:
    """The CellMap of a loop with entry types ``types`` and own cells ``loop_cells``
    (id(cell) -> (var, cell))."""
    fns = reachable_functions(types)
    written = set()                 # id(cell) of every cell one of them writes
    for fn in fns:
        code = _register_code(fn, code_for)
        if code is None:
            continue
        regs = {reg: name for name, reg in code.freevars}
        closure = dict(zip(fn.func.__code__.co_freevars, fn.func.__closure__ or ()))
        written |= {id(closure[regs[ins.args[0]]]) for ins in code.instrs
                    if ins.op.name in ("STORE_DEREF", "DELETE_DEREF") and ins.args[0] in regs}
    # the functions whose type is an entry variable's: their cells' contents are part of
    # the version's key (checked at entry); not those of functions their closures hold
    direct = {t.function if isinstance(t, BoundClassMethod) else t for t in types}
    out = CellMap()
    checked = set()
    for fn in fns:
        for name, cell in zip(fn.func.__code__.co_freevars, fn.func.__closure__ or ()):
            mine = loop_cells.get(id(cell))
            if mine is not None:
                out.vars[id(cell)] = mine[0]
            elif id(cell) in written or fn not in direct:
                out.vars[id(cell)] = ("c", CellVar(cell), name)
            for var, loop_cell in loop_cells.values():
                if (var[1], id(cell)) not in checked:
                    checked.add((var[1], id(cell)))
                    out.checks.append((var[1], cell, loop_cell is cell))
    return out


def with_live_cells(t, cells: CellMap):
    """A FunctionType with its cells that are frame variables marked (LiveCell): the
    version's key then holds which variable each is, not what it holds now."""
    if not isinstance(t, FunctionType) or not t.cells or not cells.vars:
        return t
    closure = t.func.__closure__
    if not any(id(c) in cells.vars for c in closure):
        return t
    return FunctionType(t.func, tuple(LiveCell(cells.vars[id(c)], c) if id(c) in cells.vars else value
                                      for c, value in zip(closure, t.cells)))
