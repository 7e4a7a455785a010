"""The baseline tier's one transformation: a hot-loop hook at the top of each loop body.

CPython runs the program's own code, compiled from its AST with its file name,
line numbers and variable names. The only change is this, per loop the JIT
might compile (``for`` and ``while`` in module and function bodies)::

    .d3 = <site 3>.d; .c3 = <site 3>.c   # iterations before the hook (threshold + 1 at first),
                                         # as .c3 + 256 * .d3, .c3 from 1 to 256: small ints,
                                         # which CPython does not allocate (_chunked)
    .i3 = <builtins>.iter(ITERABLE)      # for loops: the iterator, held in a hidden local
    for TARGET in .i3:
        .c3 -= 1                         # on the first body statement's line: no new line event
        if not .c3:
          if .d3: .d3 -= 1; .c3 = 256    # the next chunk
          else:
            .r3 = <site 3>.hook(.i3)         # reads the frame's locals itself
            .d3, .c3 = <site 3>.split(.r3[0])    # the new countdown (back-off, or a long one)
            if .r3[1]:                   # native code ran: write back, then go where it stopped
                if .r3[1] == 6:          # (or: the JIT will not enter this run, _goes_plain)
                    .i3 = .r3[2]; <carry the count>   # the iterator, moved back one element
                    for TARGET in .i3: BODY      # the rest of the run, as written
                    else: ORELSE
                    break
                if .r3[1] == 7:          # (or: run a stretch as written, timed: Decision.stretch)
                    for TARGET in .r3[2]: BODY   # islice of the iterator, moved back one element
                    else: <site 3>.stretched(.r3[2]); continue     # timed; counting goes on
                    <carry the count>; break
                x = .r3[2][0] ...        # each name the loop assigns, unless left unbound
                if .r3[1] == 1: continue     # at the loop header (the loop may have ended)
                if .r3[1] == 2: break        # a break out of this loop
                if .r3[1] == 3: return .r3[4]
                try: raise .r3[4]            # an exception, re-raised with the traceback
                except BaseException:        # entry of this very frame at the failing line
                    <site 3>.fix(.r3); raise
        BODY
    else:
        <site 3>.d, .c = .d3, .c3 if lower   # the count carries over to the next run of
                                         # the loop (the lower: see _carry_count)
        .i3 = None; ORELSE               # the iterator is dropped when the loop ends,
                                         # and before each ``break``, as CPython does

At module level the hidden variables are the site's attributes instead (``<site 3>.count``,
``.chunks``, ``.i``, ``.r``: ``_hidden``), which ``globals()`` does not show and which cost an
attribute access, not a dict operation; and the countdown runs under ``if <site 3>.live:``,
so a loop given up, or put to sleep, stops counting at once in the run under way (a
module-level loop usually runs once). A while loop -- and any loop at module level --
also sets its hook's result (``.r3``) to None as each run starts: a trip tells the first
of its run by it (``LoopSite._new_run``).

All of this stands under ``if <site 3>.live:``, read as the loop starts; its else is the
loop as written (the loops nested in it instrumented, as the same sites), which a loop
given up or asleep runs at CPython's speed. A loop with a loop directly in its body, in a
function that gets CPython's own code once its loops are all given up
(``HookRuntime.unhook``), has no such copy: given up, it counts on, idle, until then --
or, a ``for`` loop, until its nested loops are given up too, when the rest of its run goes
on in a copy of its body as the source has it, no hook in it (code 6: ``_goes_plain``).

Hidden names start with a dot, so no program can name them. ``<builtins>`` and
``<site N>`` are placeholder string constants that ``tauraro.vm.loader`` replaces
in the compiled code objects by the builtins module and the LoopSite objects, so
the program cannot shadow ``iter``. The site's count (``c`` and ``d``) is how long a
loop counts before its hook runs; the JIT lowers it for a loop whose native runs pay,
so it is entered at once the next time it starts.

A loop is left alone (no counter, no cost) where compiled code could not help or
where hidden locals would show: loops that yield or await, define functions,
classes or comprehensions, import or delete names; loops in class bodies and
async functions; and every loop of a function that uses ``locals``, ``vars``,
``dir``, ``eval``, ``exec``, ``breakpoint`` or ``super``.

A list comprehension the JIT could build natively gets a site too
(``Instrumenter.listcomp``): the expression runs as written until the site finds it
hot, then asks the site to build the list (``tauraro.vm.comprehensions``).

Console input (``interactive``) is compiled in mode 'single', where an expression
statement at module level prints its value, in loops too; the register compiler
compiles the same text in mode 'exec', which would not print. So there, a module-level
loop with an expression statement in its body is left alone as well.
"""
from __future__ import annotations

import ast
import functools
import sys

from ..boundary import BUILTINS
from ..compiler.frame_calls import FRAME_CALLS, LOGGING_CALLS
from .captures import captured, children as _children, walk as _walk
from .lazysplit import LAZY_MIN
from .placeholders import BUILTINS_PLACEHOLDER, CHUNK_BITS, EMPTY_RUNS, SITE_PREFIX, SYS_PLACEHOLDER, SiteInfo
# names whose use makes hidden locals visible (or needs the frame as CPython built it)
_FRAME_NAMES = frozenset(("locals", "vars", "dir", "eval", "exec", "breakpoint", "super",
                          "__class__"))
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp,
           ast.SetComp, ast.DictComp, ast.GeneratorExp)
# what may take a function's variables into cells (tauraro.vm.captures)
_CAPTURING = _SCOPES + ((ast.TypeAlias,) if hasattr(ast, "TypeAlias") else ())
# inside a loop body, these make the loop one the JIT does not compile
_BLOCKERS = _SCOPES + (ast.Yield, ast.YieldFrom, ast.Await, ast.Import, ast.ImportFrom,
                       ast.Delete, ast.Global, ast.Nonlocal, ast.AsyncFor, ast.AsyncWith)
if sys.version_info >= (3, 11):
    _BLOCKERS += (ast.TryStar,)
_TRIES = (ast.Try, ast.TryStar) if sys.version_info >= (3, 11) else (ast.Try,)


_AST = ast.AST


_CONTEXTS = (ast.Load, ast.Store, ast.Del)
_LOOP_STATEMENTS = (ast.For, ast.While, ast.AsyncFor)


def _clone(node):
    """A deep copy of the tree ``node`` (what ``copy.deepcopy`` makes of it, the shared
    ``Load``/``Store``/``Del`` markers shared still): a loop is copied whole up to three
    times once instrumented (``Instrumenter.loop``), comprehensions twice, and deepcopy's
    generic protocol took about a third of instrumenting a program."""
    new = node.__class__.__new__(node.__class__)
    d = new.__dict__
    for k, v in node.__dict__.items():
        if v.__class__ is list:
            d[k] = [x if not isinstance(x, _AST) or isinstance(x, _CONTEXTS) else _clone(x)
                    for x in v]
        elif isinstance(v, _AST) and not isinstance(v, _CONTEXTS):
            d[k] = _clone(v)
        else:
            d[k] = v
    return new


def _header_copy(loop):
    """A copy of the ``for`` or ``while`` statement ``loop`` as written, without its body
    and else clause (``Instrumenter.loop`` gives it copies of them once instrumented)."""
    body, orelse = loop.body, loop.orelse
    loop.body = loop.orelse = []
    try:
        out = _clone(loop)
    finally:
        loop.body, loop.orelse = body, orelse
    return out


def _walk_local(nodes) -> list:
    """Every node under ``nodes`` without entering nested scopes (their nodes included)."""
    out = []
    stack = list(nodes)
    while stack:
        n = stack.pop()
        out.append(n)
        if not isinstance(n, _SCOPES):
            _children(n, stack)
    return out


def _map_blocks(st, fn, handler_fn=None):
    """Replace each statement list directly inside ``st`` -- bodies, else and finally
    clauses, except handlers (by ``handler_fn`` if given), match cases -- by ``fn(list)``."""
    for field in ("body", "orelse", "finalbody"):
        sub = getattr(st, field, None)
        if isinstance(sub, list) and sub and isinstance(sub[0], ast.stmt):
            setattr(st, field, fn(sub))
    for h in getattr(st, "handlers", None) or ():
        h.body = (handler_fn or fn)(h.body)
    for c in getattr(st, "cases", None) or ():
        c.body = fn(c.body)


def _before_each(body, kind, make, into_loops):
    """``make(line, col)`` (statements) inserted before each statement of type ``kind``
    in ``body``, at its line; nested functions and classes are not entered, nested loops
    only with ``into_loops`` (else only their else clauses, which belong to the outer loop)."""
    def visit(stmts):
        out = []
        for st in stmts:
            if isinstance(st, kind):
                out.extend(make(st.lineno, st.col_offset))
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                pass
            elif not into_loops and isinstance(st, _LOOP_STATEMENTS):
                st.orelse = visit(st.orelse)
            else:
                _map_blocks(st, visit)
            out.append(st)
        return out
    return visit(body)


def _declarations(body, walked=None):
    """(names declared global or nonlocal, names declared nonlocal) in a function body
    (``walked``: its nodes, ``_walk_local(body)``, if known)."""
    declared, nonlocal_names = set(), set()
    for n in walked if walked is not None else _walk_local(body):
        if isinstance(n, (ast.Global, ast.Nonlocal)):
            declared.update(n.names)
            if isinstance(n, ast.Nonlocal):
                nonlocal_names.update(n.names)
    return declared, nonlocal_names


def _stored_names(nodes, walked=None) -> list[str]:
    out = []
    seen = set()
    for n in walked if walked is not None else _walk_local(nodes):
        name = None
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            name = n.id
        elif isinstance(n, ast.ExceptHandler) and n.name:
            name = n.name
        elif isinstance(n, (ast.MatchAs, ast.MatchStar)) and n.name:
            name = n.name
        elif isinstance(n, ast.MatchMapping) and n.rest:
            name = n.rest
        if name is not None and name not in seen:
            seen.add(name)
            out.append(name)
    return out


# builtins compiled code calls natively (tauraro.jit.jtypes.COMPILED_BUILTINS), by the names
# programs give them; and the math functions it calls as math.NAME
_MATH_CALLS = frozenset(("sqrt", "fabs", "copysign", "floor", "ceil", "isqrt", "exp", "log", "sin", "cos",
                         "atan2"))
_NATIVE_CALLS = frozenset(("abs", "min", "max", "len", "int", "float", "range", "bool", "enumerate", "zip",
                           "reversed", "ord", "chr", "isinstance")) | _MATH_CALLS
_BUILTIN_NAMES = frozenset(BUILTINS)
# str methods of a character native code computes (tauraro.jit.jtypes.CHAR_METHODS)
_CHAR_METHODS = frozenset(("isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper",
                           "islower"))
# (and these two, of a character, s[i].upper(), or of a whole str of ASCII code points, a
# name's or what another str method made, raw.strip(".,").lower(): tauraro.jit.jtypes.STR_MAKING)
_CASE_METHODS = frozenset(("upper", "lower"))
# str methods compiled code runs on a str with one str argument (tauraro.jit.jtypes.STR_METHODS)
_STR_METHODS = frozenset(("startswith", "endswith"))
# and those stripping a str, with no argument or one str (tauraro.jit.jtypes.STR_MAKING)
_STRIP_METHODS = frozenset(("strip", "lstrip", "rstrip"))
# and split() with no argument (tauraro.jit.jtypes.STR_SPLITTING)
_SPLIT_METHODS = frozenset(("split",))
# every str method above: of a str native code holds, never of an object of the program's
_OF_STRS = _CHAR_METHODS | _CASE_METHODS | _STR_METHODS | _STRIP_METHODS | _SPLIT_METHODS


def _str_receiver(value) -> bool:
    """Could ``value`` be a str native code holds, whose methods making strs it calls: a
    name, an element (``s[i]``, a slice) or what such a method made
    (``raw.strip(".,").lower()``)?"""
    while isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and not value.keywords \
            and (value.func.attr in _STRIP_METHODS and len(value.args) <= 1
                 or value.func.attr in _CASE_METHODS and not value.args):
        value = value.func.value
    return isinstance(value, (ast.Name, ast.Subscript))


# list methods compiled code runs on a list (tauraro.jit.jtypes.LIST_METHODS)
_LIST_METHODS = frozenset(("append", "pop", "insert"))


def _element_of_held(node, assigned) -> bool:
    """Is ``node`` an element of a list or tuple a loop holds from its start, ``xs[i]``
    (``xs`` not assigned in the loop: jtypes' lists of objects, copied in at entry)?"""
    return (assigned is not None and isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice)
            and isinstance(node.value, ast.Name) and node.value.id not in assigned)


def _native_call(n, assigned=None) -> bool:
    """Can native code make this call? The builtins it compiles; and a plain call of a
    name that is not a builtin: a program function, which the JIT may inline (with
    ``*args`` too, without keywords: ``f(a, *t)``, t of a length known natively); and,
    in a loop assigning the names ``assigned``, a method of another variable's object
    (``self.m()``: jtypes.InstanceType)."""
    f = n.func
    starred = any(isinstance(a, ast.Starred) for a in n.args)
    plain = not any(k.arg is None for k in n.keywords) and not (starred and n.keywords)
    if isinstance(f, ast.Name):
        if f.id in _NATIVE_CALLS:
            return not starred
        return f.id not in _BUILTIN_NAMES and plain
    if isinstance(f, ast.Attribute) and f.attr in _CHAR_METHODS and not n.args and not n.keywords:
        return True         # (s[i].isdigit(): of a character, compiled for ASCII ones)
    if isinstance(f, ast.Attribute) and f.attr in _CASE_METHODS and not n.args and not n.keywords \
            and _str_receiver(f.value):
        return True         # (w[0].upper(), w.lower(): of a character or a str, compiled for ASCII ones)
    if (isinstance(f, ast.Attribute) and f.attr in _STRIP_METHODS and len(n.args) <= 1 and not n.keywords
            and not starred and not (n.args and isinstance(n.args[0], ast.Tuple)) and _str_receiver(f.value)):
        return True         # (raw.strip(".,"): of a str, compiled: jtypes.STR_MAKING)
    if isinstance(f, ast.Attribute) and f.attr in _SPLIT_METHODS and not n.args and not n.keywords \
            and _str_receiver(f.value):
        return True         # (doc.split(): of a str, a list of its words: jtypes.STR_SPLITTING)
    if (isinstance(f, ast.Attribute) and f.attr in _STR_METHODS and len(n.args) == 1 and not n.keywords
            and not starred and not isinstance(n.args[0], ast.Tuple)):
        return True         # (w.startswith("ab"): of a str, compiled: jtypes.StrMethod)
    if (isinstance(f, ast.Attribute) and f.attr in _LIST_METHODS and not n.keywords and not starred
            and isinstance(f.value, (ast.Name, ast.Subscript))):
        return True         # (rows[i].append(x): of a list, compiled: jtypes.ListMethod)
    if isinstance(f, ast.Attribute) and _element_of_held(f.value, assigned):
        return plain        # (ps[i].step(dt): a method of an object in a list the loop holds)
    if isinstance(f, ast.Attribute) and _field_of_held(f.value, assigned):
        return plain        # (self.items.append(x), t.counts.get(k, 0): of what an object holds)
    if isinstance(f, ast.Attribute) and assigned is not None and _made_object(f.value) \
            and f.attr not in _OF_STRS:
        return plain        # (Vec(x, y).norm(): a method of the object a call returns)
    if not (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name)):
        return False
    if f.value.id == "math":
        return f.attr in _MATH_CALLS
    # a static or class method called through its class (named as classes are: Capitalized)
    if f.value.id[:1].isupper():
        return plain
    return plain and assigned is not None and f.value.id not in assigned


def _field_of_held(value, assigned) -> bool:
    """Is ``value`` an attribute of a variable a loop assigning ``assigned`` does not rebind
    (``self.items``, ``t.counts``): an object's field, copied in with the object -- a number,
    an object, or a container (jtypes._held_type) whose methods native code may call?"""
    return assigned is not None and isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) \
        and value.value.id not in assigned


def _made_object(value) -> bool:
    """Is ``value`` a call that may return an object of the program's classes, whose
    methods native code calls: ``Vec(x, y)``, ``v.add(w)`` -- not a builtin's, nor a str
    method's (``raw.strip(".,").lower()``: _str_receiver)?"""
    if not isinstance(value, ast.Call):
        return False
    f = value.func
    if isinstance(f, ast.Name):
        return f.id not in _BUILTIN_NAMES
    return isinstance(f, ast.Attribute) and not (
        f.attr in _OF_STRS or f.attr in _LIST_METHODS or isinstance(f.value, ast.Constant))


def _called_name(call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _blocks(n) -> bool:
    """Does node ``n`` keep the code holding it from the JIT (see _BLOCKERS; and calls that
    look at their caller's frame, tauraro.compiler.frame_calls: a loop making them anywhere
    stays in the baseline, where the program's own frame makes them)?"""
    if isinstance(n, _BLOCKERS):
        return True
    if not isinstance(n, ast.Call):
        return False
    f = n.func
    if isinstance(f, ast.Attribute) and f.attr in LOGGING_CALLS:
        return not (isinstance(f.value, ast.Name) and f.value.id == "math")     # math.log is not logging's
    return _called_name(n) in FRAME_CALLS


def _loop_blocked(loop) -> bool:
    head = loop.test if isinstance(loop, ast.While) else loop.iter
    if any(_blocks(n) for n in _walk_local(loop.body + [head])):
        return True
    if isinstance(loop, (ast.For, ast.AsyncFor)) and not _plain_target(loop.target):
        # (native code entered at the top of the body starts at the header, storing the
        # element again: ``for a[idx()] in ...`` called idx() twice, a property's setter
        # would run twice)
        return True
    # an operation native code never does, on the path every iteration takes: the JIT
    # would only reject the loop, after paying for counting and for trying
    every = [loop.test] if isinstance(loop, ast.While) else []
    for st in loop.body:
        if isinstance(st, (ast.If, ast.For, ast.While, ast.Try, ast.With, ast.Match)):
            if isinstance(st, (ast.If, ast.While)):
                every.append(st.test)
            elif isinstance(st, ast.For):
                every.append(st.iter)
            continue
        if isinstance(st, (ast.Break, ast.Continue, ast.Return, ast.Raise)):
            break
        every.append(st)
    return not _native_parts(every, _reassigned(loop), slices=True)


def _plain_target(target) -> bool:
    """A for loop's target made of names (``x``, ``i, (a, b)``, ``first, *rest``) and
    subscripts of names by names or constants (``at[0]``): storing it again stores the same
    values, with no call."""
    if isinstance(target, ast.Name):
        return True
    if isinstance(target, ast.Subscript):
        return isinstance(target.value, ast.Name) and isinstance(target.slice, (ast.Name, ast.Constant))
    if isinstance(target, (ast.Tuple, ast.List)):
        return all(_plain_target(e) for e in target.elts)
    if isinstance(target, ast.Starred):
        return _plain_target(target.value)
    return False


def _reassigned(loop) -> frozenset:
    """The names a loop may rebind to an object reached by following links from another
    (``node = node.next``, ``env = env.lookup(k)``): assigned a value holding an
    attribute or a call, or assigned by a statement other than an assignment or a
    ``for``. Native code does not follow links; it copies in the objects a loop holds
    from its start, and those of lists and tuples (``for b in balls``, ``b = balls[i]``)."""
    out = set()
    for n in _walk_local(loop.body):
        if isinstance(n, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
            if n.value is not None and _constructed(n.value):
                continue        # a call's result (v = Vec(x, y)): made by the loop, not reached by a link
            if _follows_own_link(n):
                continue        # node = node.next: native code follows it (the entry copies what it reaches)
            if n.value is not None and any(isinstance(v, (ast.Attribute, ast.Call)) and id(v) not in skipped
                                           for skipped in [_pops(n.value) | _indexes(n.value)]
                                           for v in _walk(n.value)):
                out.update(_stored_names([n]))
        elif isinstance(n, (ast.With, ast.ExceptHandler, ast.match_case)):
            out.update(_stored_names([n]))
    return frozenset(out)


def _follows_own_link(n) -> bool:
    """Is ``n`` ``node = node.next`` (or ``node = node.left if ... else node.right``): a name
    rebound to an attribute of its own object? Such a field holds an object of the same
    class or None (jtypes.LINK), which native code follows: the entry copies the structure
    it reaches through the identity map (bounded by the copy limit)."""
    targets = n.targets if isinstance(n, ast.Assign) else [n.target]
    if len(targets) != 1 or not isinstance(targets[0], ast.Name):
        return False
    name = targets[0].id

    def link(v):
        if isinstance(v, ast.IfExp):
            return link(v.body) and link(v.orelse)
        return isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name) and v.value.id == name

    return n.value is not None and link(n.value)


def _pops(value) -> set:
    """The ids of the nodes of the ``X.pop(...)`` calls in ``value`` (``ps.pop(i % len(ps))``
    whole): an object popped from a list is one of the list's, which native code copies in
    (no link followed)."""
    out = set()
    for v in _walk(value):
        if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "pop":
            out.update(map(id, _walk(v)))
    return out


def _indexes(value) -> set:
    """The ids of the nodes of the indexes in ``value``'s subscripts (``ps[i % len(ps)]``:
    ``i % len(ps)``): an index is a number, and the element is the list's or tuple's, which
    native code copies in (no link followed; the container's own expression is looked at)."""
    out = set()
    for v in _walk(value):
        if isinstance(v, ast.Subscript):
            out.update(map(id, _walk(v.slice)))
    return out


def _constructed(value) -> bool:
    """Is ``value`` a call (``Vec(x, y)``, ``a.add(b)``, ``make(p)``), whose result may be a
    new object native code makes itself (jtypes.constructor) or one it copied in? (Type
    inference decides; a link followed, ``node.next``, is not a call.)"""
    return isinstance(value, ast.Call)


def _compilable_recursion(node, method=False) -> bool:
    """Is ``node`` a function the JIT may compile whole: a plain module-level function
    (no decorator, not async, not a generator, positional parameters only) that calls
    itself, with nothing that would keep the JIT from compiling it (what blocks loops)?
    ``method``: a method of a class defined at module level, calling itself through its
    first parameter (``self.solve(...)``), which it never rebinds. Its prologue passes no
    function: the site finds the method running by its code in the class order of
    ``self``'s class (a method is no global name)."""
    return _compilable_whole(node, method) == "recursive"


def _compilable_whole(node, method=False):
    """"recursive" for a function ``_compilable_recursion`` accepts; "loops" for a plain
    module-level function as it asks (not a method), calling no function of its name but
    running a loop of its own: the JIT may compile it whole once its loops compile, and
    its calls from the baseline then skip their loops' trips (``hooks.FunctionSite``; a
    loop's round trip from its hook was ~10-20 us, the call of a function compiled whole
    ~1 us); else None."""
    if not isinstance(node, ast.FunctionDef) or node.decorator_list:
        return None
    a = node.args
    params = a.posonlyargs + a.args
    if a.vararg or a.kwarg or a.kwonlyargs or method and not params:
        return None
    this = params[0].arg if method else None
    calls_itself = has_loops = False
    for n in _walk_local(node.body):
        if _blocks(n) or isinstance(n, ast.Name) and n.id in _FRAME_NAMES:
            return None
        if isinstance(n, (ast.For, ast.While)):
            has_loops = True
        if not isinstance(n, ast.Call):
            if method and isinstance(n, ast.Name) and n.id == this and not isinstance(n.ctx, ast.Load):
                return None         # (self rebound: its calls are not the method's own)
            continue
        f = n.func
        if method:
            if isinstance(f, ast.Attribute) and f.attr == node.name and isinstance(f.value, ast.Name) \
                    and f.value.id == this:
                calls_itself = True
        elif isinstance(f, ast.Name) and f.id == node.name:
            calls_itself = True
    if calls_itself:
        return "recursive"
    # (its prologue passes the function by its name: a local of that name would be read
    # unbound there)
    return "loops" if has_loops and not method and node.name not in _function_locals(node) else None


def _prints_values(loop) -> bool:
    """Does the loop's body hold an expression statement (printed in mode 'single')?"""
    return any(isinstance(n, ast.Expr) for n in _walk_local(loop.body))


def _function_locals(node, walked=None) -> frozenset:
    """A function's parameters and the names its own body binds (``walked``: the body's
    nodes, if known)."""
    a = node.args
    params = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
    params += [x.arg for x in (a.vararg, a.kwarg) if x is not None]
    if walked is None:
        walked = _walk_local(node.body)
    declared, _ = _declarations(node.body, walked)
    bound = set(_stored_names(node.body, walked))
    for n in walked:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(n.name)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            bound.update((al.asname or al.name).split(".")[0] for al in n.names)
    return frozenset((set(params) | bound) - declared)


def _goes_plain(loop, module_level) -> bool:
    """May the hook of ``loop`` have the rest of a run go on as written (code 6)? A ``for``
    loop whose target binds only names (taking its element again binds them again, nothing
    more), with no loop nested in its else clause. (At module level too: there ``live``
    stops the counting of a loop given up, but a run refused -- word_pairs.py's count over
    300,000 words, refused for what its entry would copy -- counted on to its end, ~30 ns
    an iteration, its trips waiting out a backoff.) One with loops nested in its body
    (``_holds_loops``: ``SiteInfo.nests``, not ``plain``) goes on as the source has it,
    those loops unhooked too, and only once they are all given up: its copy is of the
    source's body, not of the hooked one, whose copies held copies of everything nested in
    them; and it runs no stretch (code 7)."""
    # (its else clause is copied into the hook, inside this loop: a ``break`` or ``continue``
    # there, the enclosing loop's, would be this one's -- the else ran twice, or the
    # enclosing loop went on)
    if any(isinstance(n, (ast.Break, ast.Continue, *_LOOP_STATEMENTS)) for n in _walk_local(loop.orelse)):
        return False
    if isinstance(loop, ast.While):
        # (a while loop's copy starts with this iteration's body, its condition already
        # true: see Instrumenter.loop. At module level too, where ``live`` stops the count
        # of a loop given up but is itself read at every iteration, ~10 ns)
        return True
    return isinstance(loop, ast.For) and all(
        isinstance(n, (ast.Name, ast.Tuple, ast.List, ast.Starred, ast.Store, ast.expr_context))
        for n in ast.walk(loop.target))


def _holds_loops(loop) -> bool:
    """Is a loop statement anywhere in ``loop``'s body (not in a nested scope)?"""
    return any(isinstance(n, _LOOP_STATEMENTS) for n in _walk_local(loop.body))


def _target_shape(target):
    """The names a plain loop's target binds, as ``SiteInfo.target`` keeps them: ``x`` as
    "x", ``a, (b, c)`` as ("a", ("b", "c")), ``*rest`` as ["rest"]."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Starred):
        return [_target_shape(target.value)]
    return tuple(_target_shape(t) for t in target.elts)


_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _nests(loop) -> bool:
    """Is a loop statement directly in ``loop``'s body (not under an ``if`` or ``try``: one
    that runs at every iteration)?"""
    return any(isinstance(st, _LOOP_STATEMENTS) for st in loop.body)


def _carry_count(k, c, ended=False):
    """The count (``_chunked``) carries over to the loop's next run (a loop run often but
    briefly still gets hot), if lower than the site's: the JIT may have lowered the site's
    meanwhile (a loop whose entries pay is entered at once the next time it starts), or a
    run of the loop in a recursive call, nested in this one, counted past it::

        if .dN == <site>.d:
            if .cN == <site>.c:                          # (``ended``: a run that counted
                <site>.e -= 1                            # nothing, as it ends)
                if not <site>.e: <site>.emptied()
            if .cN < <site>.c: <site>.c = .cN
        if .dN < <site>.d: <site>.d = .dN; <site>.c = .cN

    ``ended``: where a run of a loop in a function ends by its condition or its iterator
    (not a break or a return, which come after an iteration counted), runs that counted no
    iteration are counted too (``LoopSite.emptied``): a loop whose runs are mostly empty
    pays its start's cost at each call of its function (~40-70 ns: the reads above) and
    seldom trips -- json_parser.py's ``skip_ws``, 1.45*10^6 calls for 67,000 iterations,
    stayed hooked to the end of the run, 6% of its time.

    (Two ifs, not an ``elif``: the jump over an ``else`` has no line number, so a tracer
    would see the loop's line once more as the loop ends.)

    (Before, the count was compared as ``.cN + (.dN << 8)`` with the site's ``start``, and
    both ``start`` and a tuple of the parts stored: a 3-iteration loop's run cost ~230 ns
    over its ~160 as written on 3.11, ~320 over ~180 on 3.13; now ~190 and ~150.)"""
    d = _chunks(c)
    store_c = ast.Assign(targets=[_site_attr(k, "c", True)], value=_hidden(c))
    same = [ast.If(test=ast.Compare(left=_hidden(c), ops=[ast.Lt()], comparators=[_site_attr(k, "c")]),
                   body=[store_c], orelse=[])]
    if ended and c[0] != "@":
        # (not called under a tracer, which would see the call, as the hook is not: the
        # count starts again, an int CPython does not allocate)
        judge = ast.If(test=_traced(), body=[ast.Assign(targets=[_site_attr(k, "e", True)],
                                                        value=_const(EMPTY_RUNS))],
                       orelse=[ast.Expr(value=_call(_site_attr(k, "emptied")))])
        empty = [ast.AugAssign(target=_site_attr(k, "e", True), op=ast.Sub(), value=_const(1)),
                 ast.If(test=ast.UnaryOp(op=ast.Not(), operand=_site_attr(k, "e")),
                        body=[judge], orelse=[])]
        same.insert(0, ast.If(test=ast.Compare(left=_hidden(c), ops=[ast.Eq()], comparators=[_site_attr(k, "c")]),
                              body=empty, orelse=[]))
    return [ast.If(test=ast.Compare(left=_hidden(d), ops=[ast.Eq()], comparators=[_site_attr(k, "d")]),
                   body=same, orelse=[]),
            ast.If(test=ast.Compare(left=_hidden(d), ops=[ast.Lt()], comparators=[_site_attr(k, "d")]),
                   body=[ast.Assign(targets=[_site_attr(k, "d", True)], value=_hidden(d)),
                         _clone(store_c)], orelse=[])]


# A loop's countdown is two counters (``_chunked``): ``.cN`` counts iterations down from at
# most 2**CHUNK_BITS, and ``.dN`` the chunks of that many left after it. A countdown kept in
# one int above 256 made a new int object at every iteration (CPython caches only -5..256):
# ~8 ns of a tight loop's ~20 on 3.11 and 3.12, ~14 ns on 3.13. (CHUNK_BITS is in
# tauraro.vm.placeholders: the hooks split a countdown into the same chunks.)


def _chunks(c: str) -> str:
    """The chunk counter beside the countdown ``c`` (``.cN`` -> ``.dN``, ``@count:N`` ->
    ``@chunks:N``)."""
    return "@chunks:" + c.split(":")[1] if c[0] == "@" else ".d" + c[2:]


# a module-level loop's hidden variables: attributes of its site (see _hidden)
_SITE_ATTRS = {"c": "count", "d": "chunks", "i": "i", "r": "r"}


def _hidden_name(v: str, k: int, module_level: bool) -> str:
    """The name of site ``k``'s hidden variable ``v`` (c, i or r) for ``_hidden``."""
    return "@%s:%d" % (_SITE_ATTRS[v], k) if module_level else ".%s%d" % (v, k)


def _hidden(c: str, store=False):
    """A loop's hidden variable -- countdown ``.cN``, chunk counter ``.dN``, iterator
    ``.iN``, hook result ``.rN`` -- as a hidden local; or, named ``@count:N``,
    ``@chunks:N``, ``@i:N``, ``@r:N``, as that attribute of <site N>, for a loop at module
    level. There a hidden name would be a global, which ``globals()`` would show, and
    ``.cN -= 1`` two dict operations at every iteration: a module-level loop of a light body
    ran 1.6 times as long counted (and the site's ``live`` stops its counting mid-run: see
    ``Instrumenter.loop``)."""
    if c[0] == "@":
        attr, k = c[1:].split(":")
        return _site_attr(k, attr, store)
    return _name(c, store)


def _split_into(c, value, site):
    """``.dN, .cN = <site>.split(value)``: a countdown set to ``value`` (LoopSite.split)."""
    return ast.Assign(targets=[ast.Tuple(elts=[_hidden(_chunks(c), True), _hidden(c, True)], ctx=ast.Store())],
                      value=ast.Call(func=ast.Attribute(value=_const(site), attr="split", ctx=ast.Load()),
                                     args=[value], keywords=[]))


def _chunked(c, hook):
    """``.cN -= 1; if not .cN: (if .dN: .dN -= 1; .cN = 256; else: HOOK)``."""
    d = _chunks(c)
    count = ast.AugAssign(target=_hidden(c, True), op=ast.Sub(), value=_const(1))
    refill = [ast.AugAssign(target=_hidden(d, True), op=ast.Sub(), value=_const(1)),
              _assign(c, _const(1 << CHUNK_BITS))]
    check = ast.If(test=ast.UnaryOp(op=ast.Not(), operand=_hidden(c)),
                   body=[ast.If(test=_hidden(d), body=refill, orelse=hook)], orelse=[])
    return count, check


def _located(node, line, col=0, end_line=None, end_col=None):
    for n in _walk(node):
        n.lineno = line
        n.col_offset = col
        n.end_lineno = line if end_line is None else end_line
        n.end_col_offset = col if end_col is None else end_col
    return node


def _name(id, store=False):
    return ast.Name(id=id, ctx=ast.Store() if store else ast.Load())


def _const(v):
    return ast.Constant(value=v)


def _sub(value, index):
    return ast.Subscript(value=value, slice=_const(index), ctx=ast.Load())


def _assign(target, value):
    return ast.Assign(targets=[_hidden(target, True)], value=value)


def _builtin(name, at):
    return _located(ast.Attribute(value=_const(BUILTINS_PLACEHOLDER), attr=name, ctx=ast.Load()),
                    at.lineno, at.col_offset)


def _at(node, at):
    """``node`` (only it, not its children) at the position of ``at``."""
    node.lineno, node.col_offset = at.lineno, at.col_offset
    node.end_lineno, node.end_col_offset = at.end_lineno, at.end_col_offset
    return node


def _iter_call(iterable, where):
    # (``iter`` looked up where the iterable starts: only the call stands at ``where``, as
    # CPython's GET_ITER, so no line event comes before the iterable's own)
    return _at(ast.Call(func=_builtin("iter", iterable), args=[iterable], keywords=[]), where)


def _int_literal(node):
    """The value of ``5`` or ``-5`` (well inside 64 bits), else None."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Constant) and type(node.value) is int and node.value < 1 << 60:
        return sign * node.value
    return None


def _iterator_of(iterable, where):
    """The loop's iterator: ``<builtins>.iter(ITERABLE)``, except for ``enumerate(X)`` and
    ``enumerate(X, K)`` (K an int literal), which becomes::

        zip(range(K, 2**62), X) if enumerate is <builtins>.enumerate
                                      else iter(enumerate(X))

    The same pairs come out of it (its count cannot reach 2**62; a range to
    ``sys.maxsize`` from a negative K would be a slow "long" range), but a zip's
    iterators can be set where native code left them (a range iterator, a list iterator),
    and an enumerate's count cannot: so the JIT can compile the loop that iterates over it.
    The iterator is the loop's hidden local, which no program can see; ``X`` is evaluated
    once, after the name ``enumerate``, as CPython does, and errors (``X`` not iterable)
    come from a call at the enumerate call's position."""
    call = iterable
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "enumerate"
            and 1 <= len(call.args) + len(call.keywords) <= 2 and call.args
            and not isinstance(call.args[0], ast.Starred)):
        return _iter_call(iterable, where)
    start = call.args[1] if len(call.args) == 2 else None
    if call.keywords:
        if len(call.args) != 1 or call.keywords[0].arg != "start":
            return _iter_call(iterable, where)
        start = call.keywords[0].value
    if start is None:
        k = 0
    elif _int_literal(start) is not None:
        k = _int_literal(start)
    else:
        return _iter_call(iterable, where)
    counter = _at(ast.Call(func=_builtin("range", call), args=[_at(_const(k), call), _at(_const(1 << 62), call)],
                           keywords=[]), call)
    pairs = _at(ast.Call(func=_builtin("zip", call), args=[counter, call.args[0]], keywords=[]), call)
    test = _at(ast.Compare(left=call.func, ops=[ast.Is()], comparators=[_builtin("enumerate", call.func)]),
               call.func)
    plain = _iter_call(_clone(call), where)
    return _at(ast.IfExp(test=test, body=pairs, orelse=plain), where)


def _split_iterator(k, iterable, where):
    """For ``N.split()`` (a name's, no argument), the loop's iterator::

        <site k>.split_iter(N) if <builtins>.type(N) is <builtins>.str and <builtins>.len(N) >= LAZY_MIN
                                  and <sys>.gettrace() is None and <sys>.getprofile() is None
                               else <builtins>.iter(N.split())

    -- a str's words split as far as the run's trip, the rest when it gets there
    (tauraro.vm.lazysplit). ``N`` is a
    name, so reading it twice reads the same value, and an unbound one raises where it
    stands, as CPython's. Else None."""
    if not (isinstance(iterable, ast.Call) and not iterable.args and not iterable.keywords
            and isinstance(iterable.func, ast.Attribute) and iterable.func.attr == "split"
            and isinstance(iterable.func.value, ast.Name)):
        return None
    name = iterable.func.value
    is_str = _at(ast.Compare(left=_at(_call(_builtin("type", name), _clone(name)), name), ops=[ast.Is()],
                             comparators=[_builtin("str", name)]), name)
    # (a short one split whole, as written, at the cost of a len: a loop over each line's
    # words runs often and briefly)
    is_long = _at(ast.Compare(left=_at(_call(_builtin("len", name), _clone(name)), name), ops=[ast.GtE()],
                              comparators=[_at(_const(LAZY_MIN), name)]), name)
    # (nor under a tracer or a profiler, which would see the site's calls)
    untraced = _located(ast.BoolOp(op=ast.And(), values=[_sys_none(f, ast.Is) for f in ("gettrace", "getprofile")]),
                        name.lineno, name.col_offset, name.end_lineno, name.end_col_offset)
    lazy = _at(ast.Call(func=_located(ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr="split_iter",
                                                    ctx=ast.Load()), name.lineno, name.col_offset),
                        args=[_clone(name)], keywords=[]), where)
    test = _at(ast.BoolOp(op=ast.And(), values=[is_str, is_long, untraced]), name)
    return _at(ast.IfExp(test=test, body=lazy, orelse=_iter_call(_clone(iterable), where)), where)


def _native_parts(parts, assigned=None, slices=False) -> bool:
    """Could native code run every one of ``parts`` (no f-string, list, dict or set display,
    no slice unless ``slices``, and only attributes and calls it compiles)? ``assigned``:
    for a loop, the names it assigns; an attribute of any other variable may be an
    object's number attribute, which native code reads and writes (jtypes.InstanceType: an
    object the loop holds at entry, so not ``node = node.next``). A loop's slices of lists,
    tuples and strs are native (``slices``); a comprehension's element is a number, which
    no slice is."""
    for part in parts:
        calls = [n for n in _walk(part) if isinstance(n, ast.Call) and _native_call(n, assigned)]
        native_attrs = {id(n.func) for n in calls}
        # f(*[a, b]): the list is a call's argument list, which native code keeps unboxed
        arguments = {id(a.value) for n in calls for a in n.args if isinstance(a, ast.Starred)}
        for n in _walk(part):
            if isinstance(n, (ast.JoinedStr, ast.Dict, ast.Set)) or isinstance(n, ast.Slice) and not slices or \
                    isinstance(n, ast.List) and id(n) not in arguments and not (
                        slices and not n.elts and isinstance(n.ctx, ast.Load)):
                # (a loop's ``row = []``: a list native code makes, docs/jit-data.md "Lists
                # made natively"; a comprehension's element is a number)
                return False
            if isinstance(n, ast.Attribute) and id(n) not in native_attrs and not (
                    assigned is not None and isinstance(n.ctx, (ast.Load, ast.Store)) and (
                        isinstance(n.value, ast.Name) and n.value.id not in assigned
                        or _element_of_held(n.value, assigned)
                        # (an attribute of what a call native code makes returns: ``P(i).v``,
                        # as ``p = P(i); p.v``)
                        or isinstance(n.ctx, ast.Load) and isinstance(n.value, ast.Call)
                        and _native_call(n.value, assigned))):
                return False
            if isinstance(n, ast.Call) and not _native_call(n, assigned):
                return False
    return True


def _compilable_comprehension(node) -> bool:
    """A list comprehension or generator expression whose elements the JIT may compute
    natively: its ``for`` clauses not async, and in its targets, conditions, element and
    inner iterables nothing that blocks loops, no nested scope, no ``:=`` (which would bind
    in the enclosing scope), no string constant, and only what native code runs. With
    several ``for`` clauses, also what ``_resumable`` needs (see ``_nested_targets``)."""
    gens = node.generators
    if any(gen.is_async for gen in gens):
        return False
    if len(gens) > 1 and _nested_targets(node) is None:
        return False
    inner = [gen.iter for gen in gens[1:]]
    conditions = [c for gen in gens for c in gen.ifs]
    parts = [node.elt] + [gen.target for gen in gens] + conditions + inner
    for n in _walk_local(parts):
        if _blocks(n) or isinstance(n, ast.NamedExpr) or isinstance(n, ast.Name) and n.id in _FRAME_NAMES:
            return False
        if isinstance(n, ast.Constant) and isinstance(n.value, (str, bytes)):
            return False        # (float("inf"), a string element: native code takes no strings)
    return _native_parts([node.elt] + conditions + inner)


def _shape(target):
    """A ``for`` target as the names it binds: a name, or a tuple of shapes (a tuple or list
    target); None for another target (an attribute, a subscript, a starred name)."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, (ast.Tuple, ast.List)):
        shapes = tuple(_shape(t) for t in target.elts)
        return None if None in shapes else shapes
    return None


def _shape_names(shape) -> list:
    return [shape] if isinstance(shape, str) else [n for s in shape for n in _shape_names(s)]


def _nested_targets(node):
    """The shapes of a comprehension's ``for`` targets (see ``_shape``), or None if its
    rest after a native run that stopped inside an inner loop could not be run as written
    by ``_resumable``: each target binds plain names, no name twice; no name a target binds
    is read before that target binds it (in an earlier ``for`` clause's conditions, or in
    the iterables up to its own), so that the values the names hold where native code
    stopped are those each clause bound (the names native code left unset are read by
    nothing after); and no inner iterable calls ``enumerate`` or ``reversed`` (their
    iterators cannot be moved back one element)."""
    gens = node.generators
    shapes = [_shape(gen.target) for gen in gens]
    if None in shapes:
        return None
    names = [_shape_names(s) for s in shapes]
    flat = [n for ns in names for n in ns]
    if len(flat) != len(set(flat)):
        return None
    for level, gen in enumerate(gens):
        later = {n for ns in names[level + 1:] for n in ns}
        read = list(gen.ifs) + ([gens[level + 1].iter] if level + 1 < len(gens) else [])
        for n in _walk_local(read):
            if isinstance(n, ast.Name) and n.id in later:
                return None
        if level and any(isinstance(n, ast.Name) and n.id in ("enumerate", "reversed")
                         for n in _walk(gen.iter)):
            return None
    return shapes


# the builtins whose generator expression argument may be computed natively
# (tauraro.vm.comprehensions.REDUCERS)
_REDUCERS = frozenset(("sum", "min", "max", "any", "all", "list", "tuple", "sorted", "set", "frozenset"))


# builtins that are handed the elements built (not folded natively: see
# tauraro.vm.comprehensions.GeneratorSite.reduction)
_TAKE_ALL = frozenset(("list", "tuple", "sorted", "set", "frozenset"))
# the work per element below which building the elements natively does not pay: making each
# a Python object again costs about what CPython spends on one operation and an append
LIGHT = 3


def _weight(comp) -> int:
    """The work in a comprehension's element and conditions (of every ``for`` clause): an
    operation 1, a call 3."""
    work = 0
    for n in _walk_local([comp.elt, *(c for gen in comp.generators for c in gen.ifs)]):
        if isinstance(n, (ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.IfExp, ast.Subscript)):
            work += 1
        elif isinstance(n, ast.Call):
            work += 3
    return work


class _Comprehensions(ast.NodeTransformer):
    """Rewrites the list comprehensions of one statement's expressions (not of nested
    statements, nor inside nested scopes) by ``Instrumenter.listcomp``."""

    def __init__(self, instrumenter, module_level, once):
        self.instrumenter = instrumenter
        self.module_level = module_level
        # (the statement runs once: module-level code outside any loop. Not the
        # comprehensions inside another's element, which run once an element)
        self.once = once

    def visit_ListComp(self, node):
        if _compilable_comprehension(node) and _weight(node) >= LIGHT:
            return self.instrumenter.listcomp(node, self.module_level, self.once)
        # (not built natively itself: what its element hands sum() & co. may be, once an
        # element -- a histogram's ``[sum(1 for x in xs if ...) for k in range(bins)]``)
        once, self.once = self.once, False
        try:
            return self.generic_visit(node)
        finally:
            self.once = once

    def visit_Call(self, node):
        f = node.func
        if (isinstance(f, ast.Name) and f.id in _REDUCERS and len(node.args) == 1 and not node.keywords
                and isinstance(node.args[0], ast.GeneratorExp) and _compilable_comprehension(node.args[0])
                and (f.id not in _TAKE_ALL or _weight(node.args[0]) >= LIGHT)):
            return self.instrumenter.genexp(node, self.module_level, self.once)
        return self.generic_visit(node)

    def _leave(self, node):
        return node
    visit_Lambda = visit_GeneratorExp = visit_SetComp = visit_DictComp = _leave


def _site_attr(k, attr, store=False):
    """``<site k>.attr``"""
    return ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr=attr,
                         ctx=ast.Store() if store else ast.Load())


def _call(func, *args):
    return ast.Call(func=func, args=list(args), keywords=[])


def _traced():
    """``<sys>.gettrace() is not None``: under sys.settrace the JIT's sites are not called
    (a tracer would see them, and native code would hide lines from it)."""
    return _sys_none("gettrace", ast.IsNot)


def _sys_none(name, op):
    """``<sys>.NAME() is None`` (``op`` ast.Is), or ``is not None`` (ast.IsNot)."""
    return ast.Compare(left=_call(ast.Attribute(value=_const(SYS_PLACEHOLDER), attr=name, ctx=ast.Load())),
                       ops=[op()], comparators=[_const(None)])


def _cold_test(k, *more):
    """``<site k>.cold or <sys>.gettrace() is not None [or more]``: a comprehension runs
    as written."""
    return ast.BoolOp(op=ast.Or(), values=[_site_attr(k, "cold"), _traced(), *more])


def _first_iterator(comp):
    """The comprehension's iterator, made where CPython makes it: at its first iterable's
    GET_ITER, whose position is the iterable's (3.13) or the whole comprehension's."""
    first = comp.generators[0].iter
    return _iterator_of(_clone(first), first if sys.version_info >= (3, 13) else comp)


def _own_parts(comp):
    """What of a comprehension's copy keeps its own positions: element, target, conditions."""
    gen = comp.generators[0]
    return [comp.elt, gen.target, *gen.ifs]


def _resumable(comp, levels):
    """A comprehension with several ``for`` clauses, as written but for where it starts::

        [ELT for .r in LEVELS
             for T1 in .r[1] if .r[0] > 1 or C1
             for T2 in (.r[2] if .r[0] >= 2 else IT2) if .r[0] > 2 or C2
             ...
             for Tk in (.r[k] if .r[0] >= k else ITk) if Ck]

    ``LEVELS`` gives, in order, where each ``for`` clause goes on (see
    ``tauraro.vm.comprehensions``): ``(m, [v1], ..., [v(m-1)], Im)`` runs the rest of
    clause m's loop over the iterator ``Im``, the outer targets bound again to the values
    ``v1``... they had (their conditions held: they are not tested again), its inner
    clauses as written; ``(1, I1)`` is the comprehension as written over ``I1``. The tests
    added stand where the conditions and iterables they guard do (an iterable's GET_ITER
    takes its position in 3.13), which keep their own. Returns the comprehension and the
    parts of it that keep their positions (for ``_located_around``)."""
    comp = _clone(comp)
    k = len(comp.generators)

    def placed(node, at):
        for n in _walk(node):
            _at(n, at)
        return node

    def level(op, i, at):
        return placed(ast.Compare(left=_sub(_name(".r"), 0), ops=[op], comparators=[_const(i)]), at)
    clauses = [ast.comprehension(target=_name(".r", True), iter=levels, ifs=[], is_async=0)]
    kept = [comp.elt]
    for i, gen in enumerate(comp.generators, 1):
        if i == 1:
            it = _sub(_name(".r"), 1)
        else:
            it = _at(ast.IfExp(test=level(ast.GtE(), i, gen.iter), body=placed(_sub(_name(".r"), i), gen.iter),
                               orelse=gen.iter), gen.iter)
            kept.append(it)
        ifs = gen.ifs if i == k else [
            _at(ast.BoolOp(op=ast.Or(), values=[level(ast.Gt(), i, c), c]), c) for c in gen.ifs]
        kept += [gen.target, *ifs]
        clauses.append(ast.comprehension(target=gen.target, iter=it, ifs=ifs, is_async=0))
    comp.generators = clauses
    return comp, kept


def _located_around(out, at, kept):
    """``out``'s nodes at ``at``'s position, but for those of the trees ``kept``."""
    keep = {id(n) for tree in kept for n in _walk(tree)}
    for n in _walk(out):
        if id(n) not in keep:
            _at(n, at)
    return out


class Instrumenter:
    def __init__(self, threshold: int, interactive: bool = False):
        self.threshold = threshold
        self.interactive = interactive  # console input, compiled in mode 'single'
        self.sites: list[SiteInfo] = []
        self.quiet = 0              # > 0 inside except* blocks: loops there stay as they are
        self.cell_names = frozenset()   # the current function's free and cell variables
        self.depth = 0                  # functions around the code being instrumented
        # does the current function get the code CPython compiles once its loops are all
        # dead (hooks.HookRuntime.unhook: a function of the module or of its classes, with
        # no site but its loops')? Then its loops nesting others need no copy as written
        self.unhooked_when_dead = False
        # the sites of the loops instrumented in the current scope, in order (_released)
        self.scope_sites: list[int] = []

    def _cells_used(self, loop) -> list[str]:
        """The variables living in cells that the loop reads or writes: the hook is given
        the cells themselves (a closure's), so native code and the resume interpreter
        work on the very cells the function's inner functions share."""
        names = self.cell_names
        if not names:
            return []
        head = loop.test if isinstance(loop, ast.While) else loop.iter
        nodes = loop.body + [head] + ([loop.target] if isinstance(loop, ast.For) else [])
        return sorted({n.id for n in _walk_local(nodes) if isinstance(n, ast.Name) and n.id in names})

    # --- scopes ------------------------------------------------------------------------------
    def module(self, tree: ast.Module) -> ast.Module:
        tree.body = self.block(tree.body, set(), True, [])
        return tree

    def function(self, node, outer=frozenset()):
        """``outer``: the variables of the enclosing functions (a nested function reads them
        through cells). Returns, for a function not nested in a function, what
        ``_compilable_whole`` says of it (judged as written: its instrumented body is larger
        and holds only the hooks); else None."""
        walked = _walk_local(node.body)     # (its nodes, walked once for all that follows)
        used = {n.id for n in walked if n.__class__ is ast.Name}
        own = _function_locals(node, walked)
        if not _FRAME_NAMES.isdisjoint(used) or isinstance(node, ast.AsyncFunctionDef):
            self.nested_only(node.body, outer | own)
            return False
        declared, nonlocal_names = _declarations(node.body, walked)
        # variables the JIT cannot take (they live in cells): a loop using one is left alone
        free = (used - own) & set(outer) | nonlocal_names
        saved = (self.quiet, self.cell_names, self.unhooked_when_dead, self.scope_sites)
        self.quiet, self.cell_names, self.scope_sites = 0, free | (captured(node) if any(
            isinstance(n, _CAPTURING) for n in walked) else set()), []
        whole = _compilable_whole(node) if self.depth == 0 else None
        recursive = whole == "recursive"
        self.unhooked_when_dead = self.depth == 0 and not recursive and not any(
            isinstance(n, _COMPREHENSIONS) for n in walked) \
            and all(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod")
                    for d in node.decorator_list)       # (unhook finds the function itself)
        self.depth += 1
        node.body = self.block(node.body, declared, False, [], outer | own)
        self.depth -= 1
        self.quiet, self.cell_names, self.unhooked_when_dead, self.scope_sites = saved
        return whole

    def class_body(self, node, outer=frozenset()):
        """A class defined at module level: its methods instrumented as any function's, and
        a method calling itself through ``self`` given a prologue (``_compilable_recursion``)."""
        for s in node.body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.function(s, outer)
                if _compilable_recursion(s, method=True):
                    self.prologue(s, method=True)
            else:
                self.nested_only([s], outer)

    def prologue(self, node, method=False, loops=False):
        """A function's way into the JIT, to be compiled whole (see ``_compilable_whole``)::

            def f(a, b):
                if <site K>.on:                  # False once the JIT gave up on f
                    try:                         # f's result computed natively, or the site
                        .f = <site K>.call(f, a, b) if <sys>.gettrace() is None and \
                             <sys>.getprofile() is None else <site K>.miss
                    except <builtins>.RecursionError:
                        .f = <site K>.miss           # (the site itself)
                    if .f is not <site K>.miss:
                        return .f
                BODY

        placed on the first statement's line (no line event of its own). The call of the
        site takes a frame where the body's next call of ``f`` would: at the recursion
        limit it fails exactly where that call would, so the body runs and CPython raises
        RecursionError at the same depth as without the prologue. A method's passes None for
        ``f`` (``method``: see ``_compilable_recursion``). ``loops``: a function compiled whole
        for its loops, not for recursion (``_compilable_whole``: its site's ``nests``)."""
        k = len(self.sites)
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        self.sites.append(SiteInfo(k, "function", node.lineno, node.col_offset, params, -1, True, nests=loops))
        site = _const(SITE_PREFIX + str(k))
        body = node.body
        first = 1 if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                      and isinstance(body[0].value.value, str)) else 0       # after a docstring
        where = body[first] if first < len(body) else body[-1]
        call = ast.Call(func=ast.Attribute(value=site, attr="call", ctx=ast.Load()),
                        args=[_const(None) if method else _name(node.name)] + [_name(p) for p in params],
                        keywords=[])
        result = ".f%d" % k

        def attr(name):
            return ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr=name, ctx=ast.Load())
        recursion = ast.Attribute(value=_const(BUILTINS_PLACEHOLDER), attr="RecursionError", ctx=ast.Load())
        # (not under a tracer or a profiler, which would see the site's calls, and from which
        # native code would hide the function's lines and calls. Asked inside the try: at the
        # recursion limit, the call asking may fail too)
        untraced = ast.BoolOp(op=ast.And(), values=[_sys_none(f, ast.Is) for f in ("gettrace", "getprofile")])
        test = ast.If(test=attr("on"), orelse=[], body=[
            ast.Try(body=[_assign(result, ast.IfExp(test=untraced, body=call, orelse=attr("miss")))],
                    orelse=[], finalbody=[],
                    handlers=[ast.ExceptHandler(type=recursion, name=None,
                                                body=[_assign(result, attr("miss"))])]),
            ast.If(test=ast.Compare(left=_name(result), ops=[ast.IsNot()], comparators=[attr("miss")]),
                   body=[ast.Return(value=_name(result))], orelse=[])])
        node.body = body[:first] + [_located(test, where.lineno, where.col_offset)] + body[first:]

    def nested_only(self, body, outer=frozenset()):
        """Instrument the functions nested in a body whose own loops stay as they are."""
        for n in _walk_local(body):
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.function(n, outer)
            elif isinstance(n, ast.ClassDef):
                self.nested_only(n.body, outer)

    # --- statements --------------------------------------------------------------------------
    def block(self, body, declared, module_level, loops, outer=frozenset()):
        out = []
        for stmt in body:
            out.extend(self.statement(stmt, declared, module_level, loops, outer))
        return out

    def statement(self, s, declared, module_level, loops, outer=frozenset()):
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            before = len(self.sites)
            whole = self.function(s, outer)
            if whole == "loops":
                # (compiled whole once a loop of its own compiles: one that is counted)
                own = {n.lineno for n in _walk_local(s.body) if isinstance(n, (ast.For, ast.While))}
                if not any(x.kind in ("for", "while") and x.line in own for x in self.sites[before:]):
                    whole = None
            if module_level and not loops and self.threshold > 0 and whole:
                self.prologue(s, loops=whole == "loops")
            return [s]
        if isinstance(s, ast.ClassDef):
            if module_level and not loops and self.threshold > 0:
                self.class_body(s, outer)
            else:
                self.nested_only(s.body, outer)
            return [s]
        if isinstance(s, (ast.For, ast.While)):
            return self.loop(s, declared, module_level, loops, outer)

        if self.threshold > 0 and not isinstance(s, (ast.Global, ast.Nonlocal, ast.Pass)):
            rewrite = _Comprehensions(self, module_level, module_level and not loops)
            for field, value in ast.iter_fields(s):
                if isinstance(value, ast.expr):
                    setattr(s, field, rewrite.visit(value))
                elif isinstance(value, list) and value and not isinstance(value[0], ast.stmt):
                    setattr(s, field, [rewrite.visit(v) if isinstance(v, ast.AST) else v for v in value])

        def block(body):
            return self.block(body, declared, module_level, loops, outer)

        def handler(body):
            # an except* block may not hold the hook's return/break/continue
            star = sys.version_info >= (3, 11) and isinstance(s, ast.TryStar)
            self.quiet += star
            body = block(body)
            self.quiet -= star
            return body
        if isinstance(s, _TRIES):
            mark = len(self.scope_sites)
            s.body = block(s.body)
            inside = self.scope_sites[mark:]
            _map_blocks(s, lambda b: b if b is s.body else block(b), handler)
            if inside:
                self._released(s, inside, module_level)
            return [s]
        _map_blocks(s, block, handler)
        return [s]

    def _released(self, s, sites, module_level):
        """An exception leaving a loop inside the try statement ``s`` leaves its hidden
        iterator and its hook's last result in the frame, where CPython pops its iterator as
        the exception unwinds: each handler of ``s``, and its finally clause, lets them go
        first (an object the loop iterated is released where the program drops its own last
        reference, in the handler, not when the function returns)."""
        def release(body):
            first = body[0]
            stmts = []
            for k in sites:
                names = "ir" if self.sites[k].kind == "for" else "r"
                stmts += [_located(_assign(_hidden_name(v, k, module_level), _const(None)),
                                   first.lineno, first.col_offset) for v in names]
            return stmts + body
        for h in s.handlers:
            h.body = release(h.body)
        if s.finalbody:
            s.finalbody = release(s.finalbody)

    def loop(self, s, declared, module_level, loops, outer=frozenset()):
        if (_loop_blocked(s) or self.threshold <= 0 or self.quiet
                or (self.interactive and module_level and _prints_values(s))):
            s.body = self.block(s.body, declared, module_level, loops + [None], outer)
            s.orelse = self.block(s.orelse, declared, module_level, loops, outer)
            return [s]
        kind = "for" if isinstance(s, ast.For) else "while"
        k = len(self.sites)
        written = [] if module_level else sorted(
            n for n in _stored_names(([s.target] if kind == "for" else [s.test]) + s.body)
            if n not in declared)
        parent = next((p for p in reversed(loops) if p is not None), -1)
        plain = _goes_plain(s, module_level)
        nests = plain and _holds_loops(s)
        plain = plain and not nests
        self.scope_sites.append(k)
        self.sites.append(SiteInfo(k, kind, s.lineno, s.col_offset, written, parent, module_level, plain,
                                   _target_shape(s.target) if (plain or nests) and kind == "for" else None,
                                   nests))
        # (a loop with loops in it goes on as the source has it: its body as written, copied
        # before the body is hooked; see _goes_plain)
        source_body = [_clone(st) for st in s.body] if nests else None
        # the loop as written, for when the JIT has given up on it: chosen as the loop starts
        # (``<site>.live``), so a dead loop costs nothing, even in a frame already running;
        # and the rest of a run the JIT will not enter, as written (``_goes_plain``), and a
        # stretch of a run as written, timed (the hook's code 7). Each is the loop's header
        # as written over copies of its body and else clause once instrumented (their loops
        # are the same sites): instrumenting each copy again cost a factor of four a level
        # of nesting. A loop with a loop directly in its body, in a function that gets
        # CPython's code once its loops are all dead, has no copy as written: given up, it
        # counts on, idle (its hook is called every IDLE iterations, and returns at once),
        # ~10 ns an iteration, until its nested loops are given up too -- or, a nested loop
        # entering native code, against runs long enough to pay for an entry. Each copy held
        # another copy of everything nested in it, the hooks of its nested loops included
        # (nbody.py's advance: 3x the nodes), and a first run, which instruments and
        # compiles them, took that much longer. (A nested function's are kept: counting
        # cryptarithm.py's dead loops over 2-3 element sets, for good, cost 12% of its run.)
        plain = None if self.unhooked_when_dead and _nests(s) else _header_copy(s)
        cont = _header_copy(s) if self.sites[k].plain or nests else None
        # (a loop with loops in it runs no stretch: its nested loops, as the source has
        # them in the copy, would not count their iterations meanwhile; and a copy less)
        stretch = _header_copy(s) if cont is not None and not nests and kind == "for" else None
        c, i, r = (_hidden_name(v, k, module_level) for v in "cir")
        first = s.body[0]
        line = first.lineno
        body = self.block(s.body, declared, module_level, loops + [k], outer)
        s.orelse = self.block(s.orelse, declared, module_level, loops, outer)
        # (copied before anything below changes the instrumented body in place)
        for x in (plain, cont, stretch):
            if x is not None:
                x.body = [_clone(st) for st in body]
        if source_body is not None:
            cont.body = source_body
        for x in (plain, cont):
            if x is not None:
                x.orelse = [_clone(st) for st in s.orelse]
        # the iterator and the hook's last result (the values a native run wrote: objects of
        # the program's) are let go when the loop ends, as CPython pops its iterator. (At
        # module level they are the site's attributes, which globals() and dir() do not show.)
        release = lambda: [_assign(n, _const(None)) for n in ([i, r] if kind == "for" else [r])]

        def drop(line, col, ended=False):
            # the count carries over to the loop's next run (a loop run often but briefly
            # still gets hot); the iterator is let go, as CPython pops it
            return [_located(st, line, col) for st in _carry_count(k, c, ended) + release()]
        body = _before_each(body, ast.Break, drop, into_loops=False)
        if not module_level:
            # a return leaves this loop too (from nested loops as well): the count carries over
            body = _before_each(body, ast.Return, lambda line, col: [_located(
                st, line, col) for st in _carry_count(k, c)], into_loops=True)
        slot = []       # (where the hook's code 6 runs ``cont``: filled in below, once located)
        hook = self._hook(k, kind, s, written, line, i, r, c, loops, module_level, drop,
                          self._cells_used(s), slot if cont is not None else None, stretch is not None)
        # under sys.settrace the hook is not called (a tracer would see it, and native code
        # would hide the loop's lines from it): the countdown starts again
        hook = [ast.If(test=_traced(), body=[_assign(c, _const(250))], orelse=hook)]
        count, check = (_located(st, line, first.col_offset) for st in _chunked(c, hook))
        if module_level:
            # (a module-level loop usually runs once, long: once the JIT has given up on it,
            # or put it to sleep, ``live`` stops the counting at once, not at its next run)
            live_now = ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr="live", ctx=ast.Load())
            s.body = [_located(ast.If(test=live_now, body=[count, check], orelse=[]), line, first.col_offset)] + body
        else:
            s.body = [count, check] + body
        # (the count the loop starts with: the site's; at the head of the loop -- its iterable,
        # its condition -- where CPython's first instruction of the loop is: a tracer sees
        # the line events it sees under python3, ``for _ in (\n gen()\n):`` its line 2 first)
        head = s.iter if kind == "for" else s.test
        pre = [_located(_assign(_chunks(c), _site_attr(k, "d")), head.lineno, head.col_offset),
               _located(_assign(c, _site_attr(k, "c")), head.lineno, head.col_offset)]
        if module_level or kind == "while":
            # (the hook's last result, None as each run starts: a while loop's trip tells the
            # first of its run by it, LoopSite._new_run)
            pre.append(_located(_assign(r, _const(None)), head.lineno, head.col_offset))
        if kind == "for":
            # the call stands where CPython's GET_ITER does: the iterable (3.13) or the whole
            # statement; its callee is kept on one line, so the call keeps that position
            where = s.iter if sys.version_info >= (3, 13) else s
            call = _split_iterator(k, s.iter, where) or _iterator_of(s.iter, where)
            store = ast.Assign(targets=[_located(_hidden(i, True), where.lineno, where.col_offset)], value=call,
                               lineno=where.lineno, col_offset=where.col_offset, end_lineno=where.lineno,
                               end_col_offset=where.col_offset)
            pre.append(store)
            s.iter = _located(_hidden(i), where.lineno, where.col_offset, where.end_lineno,
                              where.end_col_offset)
            s.orelse = drop(where.lineno, where.col_offset, True) + s.orelse
        else:       # (leaving after its condition, on the condition's line)
            s.orelse = drop(head.lineno, head.col_offset, True) + s.orelse
        if cont is not None and kind == "for":
            cont.iter = _located(_hidden(i), s.iter.lineno, s.iter.col_offset, s.iter.end_lineno,
                                 s.iter.end_col_offset)
        once = None
        if cont is not None and kind == "while":
            # (its condition was true for this iteration: the copy is its body in a loop of
            # one turn -- a ``continue`` in it goes on to the condition, through the one-turn
            # loop's else, a ``break`` past that else -- then the loop as written: nothing
            # added to its iterations, where the count cost ~30 ns each. On the first body
            # statement's position, where the hook is: no new line event)
            once = ast.For(target=_hidden(r, True), iter=ast.Tuple(elts=[_const(None)], ctx=ast.Load()),
                           body=[_clone(st) for st in cont.body], orelse=[cont], type_comment=None)
            _at(once, first)
            for n in (once.target, once.iter):
                _located(n, first.lineno, first.col_offset, first.end_lineno, first.end_col_offset)
        if cont is not None:
            body6, at = slot[0]
            body6[at] = cont if once is None else once
        if stretch is not None:
            part = _sub(_hidden(r), 2)
            stretch.iter = _located(part, s.iter.lineno, s.iter.col_offset, s.iter.end_lineno,
                                    s.iter.end_col_offset)
            stretched = ast.Expr(value=ast.Call(func=ast.Attribute(
                value=_const(SITE_PREFIX + str(k)), attr="stretched", ctx=ast.Load()),
                args=[_sub(_hidden(r), 2)], keywords=[]))
            # (not under a tracer set during the stretch: it would see the site called)
            report = ast.If(test=_traced(), body=[ast.Pass()], orelse=[stretched])
            stretch.orelse = [_located(st, s.lineno, s.col_offset) for st in (report, ast.Continue())]
            body7, at = slot[1]
            body7[at] = stretch
        if plain is None:
            return pre + [s]
        live = ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr="live", ctx=ast.Load())
        choose = ast.If(test=live, body=pre + [s], orelse=[plain])
        for n in (choose, live, live.value):
            n.lineno, n.col_offset = head.lineno, head.col_offset
            n.end_lineno, n.end_col_offset = head.lineno, head.col_offset
        return [choose]

    def listcomp(self, node, module_level, once=False):
        """A list comprehension ``[ELT for T in IT if C]`` that native code may build::

            ([ELT for T in IT if C]                      # as written, while not hot
                 if <site k>.cold or <sys>.gettrace() is not None else
                 <site k>.take() if not <site k>.run(<builtins>.iter(IT)) else  # built natively
                 <site k>.closed.throw(<site k>.take()) if <site k>.raising else     # Ctrl-C
                 <site k>.finish(<site k>.take() + [ELT for T in <site k>.rest() if C]))
                                                        # the rest (or all of it), as written

        ``cold`` is set for good when the JIT gave up on the comprehension, or its runs
        are too short to pay: then it costs one attribute read (no call, no profiler
        event). Until then ``run`` decides each time. When native code stops early (a guard, the
        list's room), it stops at the start of an iteration, having changed nothing the
        program sees, and CPython runs the rest: its exceptions and tracebacks are
        CPython's own. ``finish`` passes the value through, timing the run where the
        site measures whether native runs pay. ``iter`` stands where CPython's GET_ITER
        does: the iterable (3.13) or the whole comprehension. See
        ``tauraro.vm.comprehensions``.

        With several ``for`` clauses the rest is ``_resumable``'s, over ``<site k>.rests()``:
        native code may stop inside an inner loop, and CPython then finishes that loop, the
        loops around it, and the outer loop, as written."""
        # several ``for`` clauses: the shapes of the outer targets ride in ``written``
        shapes = _nested_targets(node) if len(node.generators) > 1 else None
        k = self._comprehension_site("listcomp", node, [] if shapes is None else [None, *shapes[:-1]],
                                     module_level, once)
        site = functools.partial(_site_attr, k)
        cold = _clone(node)
        start = _first_iterator(node)
        if shapes is None:
            rest = _clone(node)
            rest.generators[0].iter = _call(site("rest"))
            kept = _own_parts(rest)
        else:
            rest, kept = _resumable(node, _call(site("rests")))
        out = ast.IfExp(
            test=_cold_test(k), body=cold,
            orelse=ast.IfExp(
                test=ast.UnaryOp(op=ast.Not(), operand=_call(site("run"), start)),
                body=_call(site("take")),
                orelse=ast.IfExp(
                    test=site("raising"),
                    body=_call(ast.Attribute(value=site("closed"), attr="throw", ctx=ast.Load()),
                               _call(site("take"))),
                    orelse=_call(site("finish"),
                                 ast.BinOp(left=_call(site("take")), op=ast.Add(), right=rest)))))
        return _located_around(out, node, [cold, start, *kept])

    def genexp(self, node, module_level, once=False):
        """``F(ELT for T in IT if C)``, ``F`` named ``sum``, ``min``, ``max``, ``any``, ``all``,
        ``list``, ``tuple``, ``sorted``, ``set`` or ``frozenset``, whose elements native code
        may compute::

            (F(ELT for T in IT if C)                     # as written, while not hot
                 if <site k>.cold or <sys>.gettrace() is not None
                    or F is not <site k>.builtin else
                 <site k>.finish(F(<site k>.stream(<builtins>.iter(IT),
                                                   lambda .g: (ELT for T in .g if C)))))

        ``stream`` gives the builtin the elements native code builds, then (if it stops
        early) the generator expression as written over the rest: the lambda makes it,
        in the program's frame's scope. ``finish`` passes the value through, timing the
        run. See ``tauraro.vm.comprehensions``. With several ``for`` clauses the lambda
        makes ``_resumable``'s generator expression, over a list of where its clauses go on."""
        gen = node.args[0]
        # (the builtin's name rides in ``written``; with several ``for`` clauses, then the
        # shapes of the outer targets)
        shapes = _nested_targets(gen) if len(gen.generators) > 1 else None
        k = self._comprehension_site("genexpr", gen, [node.func.id, *(shapes or [None])[:-1]], module_level,
                                     once)
        site = functools.partial(_site_attr, k)
        cold = _clone(node)
        start = _first_iterator(gen)
        if shapes is None:
            written = _clone(gen)
            written.generators[0].iter = ast.Name(id=".g", ctx=ast.Load())
            kept = _own_parts(written)
        else:
            written, kept = _resumable(gen, ast.Name(id=".g", ctx=ast.Load()))
        factory = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[ast.arg(arg=".g")], vararg=None,
                                                kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]),
                             body=written)
        hot = ast.Call(func=_clone(node.func), args=[_call(site("stream"), start, factory)], keywords=[])
        other = ast.Compare(left=_clone(node.func), ops=[ast.IsNot()], comparators=[site("builtin")])
        out = ast.IfExp(test=_cold_test(k, other), body=cold, orelse=_call(site("finish"), hot))
        out = _located_around(out, node, [cold, start, other.left, hot.func, *kept])
        # the generator expression as written keeps its own position (its frame's lines)
        _at(written, gen)
        return out

    def _comprehension_site(self, kind, node, written, module_level, once) -> int:
        k = len(self.sites)
        self.sites.append(SiteInfo(k, kind, node.lineno, node.col_offset, written, -1, module_level, once=once))
        return k

    def _hook(self, k, kind, s, written, line, i, r, c, loops, module_level, drop, cells=(), slot=None,
              stretches=True):
        site = _const(SITE_PREFIX + str(k))
        args = [_hidden(i) if kind == "for" else _const(None)]
        if cells:
            # lambda: (x, y) -- its __closure__ holds the cells of x and y themselves
            args.append(ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], vararg=None,
                                                      kwonlyargs=[], kw_defaults=[], kwarg=None,
                                                      defaults=[]),
                                   body=ast.Tuple(elts=[_name(n) for n in cells], ctx=ast.Load())))
        call = ast.Call(func=ast.Attribute(value=site, attr="hook", ctx=ast.Load()),
                        args=args, keywords=[])
        res = _hidden(r)
        # (at the recursion limit -- the loop's frame the last CPython allows, its body
        # making no call -- the hook's call fails where CPython's loop goes on: the trip
        # does nothing then, as the prologue's call does nothing there, and the count
        # starts a chunk again, without a call)
        recursion = ast.Attribute(value=_const(BUILTINS_PLACEHOLDER), attr="RecursionError", ctx=ast.Load())
        at_limit = [_assign(r, ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr="_idle", ctx=ast.Load())),
                    ast.Assign(targets=[ast.Tuple(elts=[_hidden(_chunks(c), True), _hidden(c, True)],
                                                  ctx=ast.Store())],
                               value=ast.Tuple(elts=[_const(0), _const(1 << CHUNK_BITS)], ctx=ast.Load()))]
        out = [ast.Try(body=[_assign(r, call), _split_into(c, _sub(res, 0), SITE_PREFIX + str(k))],
                       handlers=[ast.ExceptHandler(type=recursion, name=None, body=at_limit)],
                       orelse=[], finalbody=[])]
        parent = self.sites[k].parent
        if parent >= 0:
            # (the enclosing loop's countdown cut short; the hook has told its site what
            # was left of it: LoopSite._cut_parent. Only stored here: the enclosing loop
            # may be running as written, its countdown unset)
            out.append(ast.If(test=ast.Compare(left=_sub(res, 5), ops=[ast.IsNot()],
                                               comparators=[_const(None)]),
                              body=[_split_into(_hidden_name("c", parent, module_level), _sub(res, 5),
                                                SITE_PREFIX + str(parent))],
                              orelse=[]))
        ran = []
        for j, name in enumerate(written):
            ran.append(ast.If(test=ast.Compare(left=_sub(_sub(res, 2), j), ops=[ast.IsNot()],
                                               comparators=[_sub(res, 3)]),
                              body=[_assign(name, _sub(_sub(res, 2), j))], orelse=[]))

        def when(code, *stmts):
            return ast.If(test=ast.Compare(left=_sub(res, 1), ops=[ast.Eq()], comparators=[_const(code)]),
                          body=list(stmts), orelse=[])
        if slot is not None:
            # code 6: the JIT will not enter this run (given up, or an entry refused for what
            # it would copy): the run goes on as written (the loop's copy ``Instrumenter.loop``
            # puts where the placeholder is), over the iterator moved back to the element this
            # iteration took (rewind.rewound), without the count's cost per iteration (+30-45
            # ns here); its else, or a break in it, ends this loop too. First: the written
            # values are not there to assign.
            # (at module level the site's iterator and last result are let go after it, as at
            # the loop's end: they are the site's attributes, which outlive the run)
            after = [_assign(n, _const(None)) for n in ((i, r) if kind == "for" else (r,))]
            body6 = [_assign(i, _sub(res, 2))] if kind == "for" else []
            body6 += [*_carry_count(k, c), ast.Pass(), *after, ast.Break()]
            slot.append((body6, len(body6) - 2 - len(after)))
            six = ast.If(test=ast.Compare(left=_sub(res, 1), ops=[ast.Eq()], comparators=[_const(6)]),
                         body=body6, orelse=[])
            # code 7: the JIT has the next iterations run as written, timed (a stretch: the
            # loop's copy over ``islice`` of the iterator moved back, its else reporting the
            # time and going on counting -- ``continue`` in a for's else is the outer loop's);
            # a break in it ends this loop too. (Not for a loop with loops in it: ``stretches``)
            if stretches:
                body7 = [ast.Pass(), *drop(line, s.col_offset), ast.Break()]
                slot.append((body7, 0))
                seven = ast.If(test=ast.Compare(left=_sub(res, 1), ops=[ast.Eq()], comparators=[_const(7)]),
                               body=body7, orelse=[])
                ran.insert(0, seven)
            ran.insert(0, six)
        # (the hook's result is let go as the run goes on -- its values, the exception it
        # raises: the objects a native run wrote live as long as the program's own names
        # hold them -- and replaced by its code, not None, which starts a run: _new_run)
        ran.append(when(1, _assign(r, _const(1)), ast.Continue()))
        ran.append(when(2, *drop(line, s.col_offset), ast.Break()))
        if not module_level:
            ran.append(when(3, ast.Return(value=_sub(res, 4))))
        fix = ast.Call(func=ast.Attribute(value=_const(SITE_PREFIX + str(k)), attr="fix",
                                          ctx=ast.Load()), args=[res], keywords=[])
        fix = _assign(r, fix)       # (fix returns the code)
        ran.append(ast.Try(body=[ast.Raise(exc=_sub(res, 4), cause=None)],
                           handlers=[ast.ExceptHandler(type=ast.Attribute(value=_const(BUILTINS_PLACEHOLDER), attr="BaseException", ctx=ast.Load()), name=None,
                                                       body=[fix, ast.Raise(exc=None, cause=None)])],
                           orelse=[], finalbody=[]))
        out.append(ast.If(test=_sub(res, 1), body=ran, orelse=[]))
        return out      # (located by the caller, with the countdown around it)


def instrument(tree, threshold: int, interactive: bool = False) -> tuple[ast.mod, list[SiteInfo]]:
    """Add hot-loop hooks to ``tree`` (an ``ast.Module``, or with ``interactive`` the
    ``ast.Interactive`` of one console input) in place; return it and the loop sites."""
    ins = Instrumenter(threshold, interactive)
    ins.module(tree)
    return tree, ins.sites
