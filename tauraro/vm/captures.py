"""Which of a function's variables live in cells: the ones CPython's compiler makes cells.

A loop's hook is given the cells of the variables it uses that live in cells (a
``lambda: (x, y)`` whose ``__closure__`` holds them: ``tauraro.vm.instrument``), so native
code works on the very cells the function's inner functions share. That lambda makes
every variable it names a cell of the instrumented function -- so it must name only those
CPython makes cells anyway. A variable made a cell by the hook alone is read and written
through its cell (LOAD_DEREF, STORE_DEREF) everywhere in the function, in the loop as
written too: closures.py's main, whose ``i`` and ``v`` were taken for captured because a
lambda's parameter and a comprehension's target have the same names, ran its 900,000
iterations 4-10% slower than CPython's code.

A cell is a variable of the function that a nested scope -- a function, lambda, class
body or comprehension -- uses without binding it itself (or through a nested scope of
its own), or one that a comprehension's ``:=`` binds. From 3.12 list, set and dict
comprehensions run in their function's frame (PEP 709): what they use are the
function's plain locals, and only what the functions and generator expressions inside
them take is captured. The answer may name a variable CPython does not make a cell
(then the variable is slower, nothing else), never miss one: a test checks it against
``co_cellvars`` over many programs.
"""
from __future__ import annotations

import ast
import sys

_AST = ast.AST


def children(n, into):
    """Append the nodes directly under ``n`` to the list ``into`` (what
    ``ast.iter_child_nodes`` gives, without its two generators a node: instrumenting a
    program is mostly walking its tree, and took 35-60 ms of every run of a 250-450 line
    program, in its start)."""
    for field in n._fields:
        v = getattr(n, field, None)
        if v.__class__ is list:
            for x in v:
                if isinstance(x, _AST):
                    into.append(x)
        elif isinstance(v, _AST):
            into.append(v)


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
# comprehensions that run in their function's frame (PEP 709, 3.12 and later)
_INLINED = (ast.ListComp, ast.SetComp, ast.DictComp) if sys.version_info >= (3, 12) else ()
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_MATCH_NAMES = (ast.MatchAs, ast.MatchStar)
_NESTED = _FUNCTIONS + (ast.ClassDef,) + _COMPREHENSIONS      # (the scopes a scope may hold)
_TYPE_ALIAS = getattr(ast, "TypeAlias", None)      # (3.12 and later)


def captured(function) -> set:
    """The variables of ``function`` (a FunctionDef or AsyncFunctionDef node) that live in
    cells: those its nested scopes take from it, and those a comprehension's ``:=``
    binds in it."""
    scan = _Scan()
    scan.bound.update(_parameters(function.args))
    scan.nodes(function.body)
    local = scan.bound - scan.declared_global - scan.declared_nonlocal
    return scan.inner & local | scan.cells


def _parameters(a) -> list:
    return [arg.arg for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]
            if arg is not None]


class _Scan:
    """What one scope's nodes do with names."""

    __slots__ = ("names", "bound", "declared_global", "declared_nonlocal", "inner", "walrus",
                 "cells", "comprehension")

    def __init__(self, comprehension=False):
        self.names = set()              # read or written
        self.bound = set()              # bound here (stored, deleted, defined, imported, ...)
        self.declared_global = set()
        self.declared_nonlocal = set()
        self.inner = set()              # what its nested scopes take from it or beyond
        self.walrus = set()             # in a comprehension: ``:=`` targets, bound outside it
        self.cells = set()              # targets of comprehensions run in this frame, taken
                                        # by their nested scopes: cells of this frame too
        self.comprehension = comprehension

    def nodes(self, nodes):
        stack = list(nodes)
        while stack:
            n = stack.pop()
            c = n.__class__
            if c is ast.Name:
                self.names.add(n.id)
                if n.ctx.__class__ is not ast.Load:
                    self.bound.add(n.id)
                continue
            if c is ast.NamedExpr and self.comprehension:
                # (binds in the function around the comprehension: free here)
                self.names.add(n.target.id)
                self.walrus.add(n.target.id)
                stack.append(n.value)
                continue
            if isinstance(n, _INLINED):
                self.inlined(n)
                continue
            if c is _TYPE_ALIAS:
                # (3.12's ``type X = ...``: its value is a scope of its own, evaluated later)
                self.bound.add(n.name.id)
                self.inner |= _names_in([n.value, *n.type_params])
                continue
            if isinstance(n, _NESTED):
                outer = _outer_parts(n)
                stack.extend(outer)
                if getattr(n, "type_params", None):
                    # (3.12's ``def f[T]()``, ``class C[T](Base)``: their annotations and
                    # bases are evaluated in a scope of their own)
                    self.inner |= _names_in(outer)
                if c is not ast.Lambda and not isinstance(n, _COMPREHENSIONS):
                    self.bound.add(n.name)
                free, walrus = _free(n, isinstance(n, _COMPREHENSIONS))
                self.inner |= free
                if walrus:
                    # (bound in the nearest function around: here, or passed on by a
                    # comprehension this scope is)
                    if self.comprehension:
                        self.names |= walrus
                        self.walrus |= walrus
                    else:
                        self.bound |= walrus
                continue
            if c is ast.Global:
                self.declared_global.update(n.names)
            elif c is ast.Nonlocal:
                self.declared_nonlocal.update(n.names)
            elif c is ast.ExceptHandler:
                if n.name:
                    self.bound.add(n.name)
            elif c in _MATCH_NAMES:
                if n.name:
                    self.bound.add(n.name)
            elif c is ast.MatchMapping:
                if n.rest:
                    self.bound.add(n.rest)
            elif c is ast.Import or c is ast.ImportFrom:
                for alias in n.names:
                    if alias.name != "*":
                        self.bound.add((alias.asname or alias.name).split(".")[0])
            children(n, stack)

    def inlined(self, comp):
        """A comprehension run in this scope's frame (PEP 709): its targets are its own,
        the rest of what it uses is this scope's."""
        sub = _Scan(self.comprehension)
        targets = set()
        for gen in comp.generators:
            for t in walk(gen.target):
                if t.__class__ is ast.Name:
                    targets.add(t.id)
        sub.nodes(_comprehension_parts(comp, whole=True))
        self.names |= sub.names
        self.bound |= sub.bound - targets
        self.declared_global |= sub.declared_global
        self.declared_nonlocal |= sub.declared_nonlocal
        self.inner |= sub.inner
        self.walrus |= sub.walrus
        self.cells |= sub.cells | (sub.inner & targets)


def walk(node) -> list:
    """Every node under ``node``, itself first, in ``ast.walk``'s order."""
    out = [node]
    i = 0
    while i < len(out):
        children(out[i], out)
        i += 1
    return out


def _names_in(nodes) -> set:
    return {n.id for node in nodes for n in walk(node) if n.__class__ is ast.Name}


def _comprehension_parts(comp, whole=False) -> list:
    """The nodes of a comprehension run in its own scope: all but its first iterable, which
    the scope around it evaluates (``whole``: that one too)."""
    parts = [comp.key, comp.value] if comp.__class__ is ast.DictComp else [comp.elt]
    for i, gen in enumerate(comp.generators):
        parts.append(gen.target)
        if i or whole:
            parts.append(gen.iter)
        parts.extend(gen.ifs)
    return parts


def _outer_parts(scope) -> list:
    """The parts of a nested scope's node that the scope around it evaluates: decorators,
    defaults and annotations, a class's bases and keywords, a comprehension's first
    iterable (and any type parameters' bounds, taken as the scope around's: they may name
    more, never less)."""
    if isinstance(scope, _COMPREHENSIONS):
        return [scope.generators[0].iter]
    out = []
    if scope.__class__ is ast.ClassDef:
        out.extend(scope.decorator_list)
        out.extend(scope.bases)
        out.extend(k.value for k in scope.keywords)
    else:
        a = scope.args
        out.extend(a.defaults)
        out.extend(d for d in a.kw_defaults if d is not None)
        if scope.__class__ is not ast.Lambda:
            out.extend(scope.decorator_list)
            for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg]:
                if arg is not None and arg.annotation is not None:
                    out.append(arg.annotation)
            if scope.returns is not None:
                out.append(scope.returns)
    out.extend(getattr(scope, "type_params", None) or ())
    return out


def _free(scope, comprehension) -> tuple[set, set]:
    """(the names a nested scope takes from the scopes around it, the ``:=`` targets of a
    comprehension, which the function around it binds)."""
    scan = _Scan(comprehension)
    if comprehension:
        scan.nodes(_comprehension_parts(scope))
        return (scan.names | scan.inner) - scan.bound, set(scan.walrus)
    if scope.__class__ is ast.ClassDef:
        scan.nodes(scope.body)
        # (a class body passes its methods' names on, whatever it binds itself)
        own = (scan.names - scan.bound - scan.declared_global) | scan.declared_nonlocal
        return own | scan.inner, set()
    scan.bound.update(_parameters(scope.args))
    scan.nodes([scope.body] if scope.__class__ is ast.Lambda else scope.body)
    bound = scan.bound - scan.declared_nonlocal
    free = (scan.names | scan.inner) - bound - scan.declared_global
    return free | scan.declared_nonlocal, set()
