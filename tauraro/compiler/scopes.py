"""Variable scopes, taken from CPython's own analysis (the stdlib ``symtable``).

Deciding whether a name is local, global, free or a cell has many corner cases
(class bodies, comprehensions, ``nonlocal``, the implicit ``__class__`` cell that
``super()`` needs); ``symtable`` runs the exact analysis CPython's compiler runs,
including its SyntaxErrors, so the compiler asks a :class:`Scope` instead of
re-deriving it.
"""
from __future__ import annotations

import ast
import symtable
import sys
from collections import defaultdict, deque


def _walk_local_scope(node):
    """Nodes of a function's own scope (its body, not nested functions or classes)."""
    stack = list(ast.iter_child_nodes(node))
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                          ast.GeneratorExp)):
            continue
        stack.extend(ast.iter_child_nodes(n))

# how a name is accessed in a scope
LOCAL = "local"      # a register of this frame
CELL = "cell"        # a register holding a cell shared with inner functions
FREE = "free"        # a register holding a cell from the enclosing function
GLOBAL = "global"    # the module globals (then builtins)
NAME = "name"        # class body / module: namespace, then globals, then builtins
CLASSDEREF = "classderef"  # class body reading an enclosing function's variable

_COMPREHENSION_NAMES = {
    ast.ListComp: "listcomp", ast.SetComp: "setcomp",
    ast.DictComp: "dictcomp", ast.GeneratorExp: "genexpr",
}


def table_key(node) -> tuple[str, int]:
    """The (name, line) by which symtable names the scope of an AST node."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name, node.lineno
    if isinstance(node, ast.Lambda):
        return "lambda", node.lineno
    return _COMPREHENSION_NAMES[type(node)], node.lineno


def _free_names(table: symtable.SymbolTable) -> set[str]:
    """Names this scope must receive from its enclosing function.

    A class body passes names through to its methods even when it also binds
    them itself (symtable then reports them as class locals), so the methods'
    free names are added; ``__class__`` is the class's own cell.
    """
    names = {s.get_name() for s in table.get_symbols() if s.is_free()}
    if table.get_type() == "class":
        for child in table.get_children():
            names |= _free_names(child) - {"__class__"}
    return names


class _Symbol:
    """A name of an inlined comprehension's scope, answering as symtable's Symbol does."""
    __slots__ = ("name", "local", "free")

    def __init__(self, name, local, free):
        self.name = name
        self.local = local
        self.free = free

    def get_name(self):
        return self.name

    def is_local(self):
        return self.local

    def is_free(self):
        return self.free

    def is_global(self):
        return not (self.local or self.free)

    def is_declared_global(self):
        return False


class _NotTop:
    """A symbol of a function or class named ``top``, answering as any other scope's do:
    symtable takes a table named "top" for the module's (its Symbol's ``module_scope``) and
    calls every name bound there both global and local -- a function ``top``'s locals were
    compiled as globals (NameError at the first read). Its scope as the compiler saw it."""
    __slots__ = ("symbol", "scope")

    def __init__(self, symbol):
        self.symbol = symbol
        self.scope = getattr(symbol, "_Symbol__scope", None)

    def is_local(self):
        if self.scope is None:
            return self.symbol.is_local()
        return self.scope in (symtable.LOCAL, symtable.CELL)

    def is_global(self):
        if self.scope is None:
            return self.symbol.is_global()
        return self.scope in (symtable.GLOBAL_IMPLICIT, symtable.GLOBAL_EXPLICIT)

    def __getattr__(self, name):
        return getattr(self.symbol, name)


_INLINED = (ast.ListComp, ast.SetComp, ast.DictComp)
# (scopes of their own inside a comprehension, which 3.12 does not inline)
_NESTED = (ast.Lambda, ast.GeneratorExp, ast.FunctionDef, ast.ClassDef)


def _walk_comprehension(node):
    """The nodes of a comprehension that belong to its own scope (nested comprehensions
    included, as Python 3.12 inlines them too; other nested scopes excluded)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        for c in ast.iter_child_nodes(n):
            if isinstance(c, _NESTED):
                continue
            stack.append(c)


def _comprehension_names(node):
    """(names its ``for`` targets bind, names it reads or binds with ``:=``, or that a
    scope nested in it reads from outside: ``lo`` of a histogram's
    ``[sum(1 for x in xs if lo <= x) for k in ...]`` reaches the generator expression
    through the list comprehension)."""
    bound, used = set(), set()
    for n in _walk_comprehension(node):
        if isinstance(n, ast.comprehension):
            for t in ast.walk(n.target):
                if isinstance(t, ast.Name):
                    bound.add(t.id)
        elif isinstance(n, ast.Name):
            used.add(n.id)
        for c in ast.iter_child_nodes(n):
            if isinstance(c, _NESTED):
                used |= _reads_from_outside(c)
    return bound, used - bound


def _reads_from_outside(node) -> set:
    """The names a nested scope reads and does not bind itself (at most: a name it binds
    in a scope nested further in counts as bound)."""
    loads, stores = set(), set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            (loads if isinstance(n.ctx, ast.Load) else stores).add(n.id)
        elif isinstance(n, ast.arg):
            stores.add(n.arg)
        elif isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n is not node:
            stores.add(n.name)
    return loads - stores


class _InlinedTable:
    """A list, set or dict comprehension's scope where symtable has none (3.12+ inlines
    them into the enclosing function). The register compiler still compiles one as a
    function of its own, with 3.11's scoping: its ``for`` targets are its locals, and
    the enclosing function's variables it uses reach it as free variables."""

    def __init__(self, node, parent: "Scope"):
        bound, used = _comprehension_names(node)
        self.lineno = node.lineno
        self.symbols = [_Symbol(n, True, False) for n in sorted(bound)]
        self.symbols.append(_Symbol(".0", True, False))
        for n in sorted(used):
            self.symbols.append(_Symbol(n, False, parent.reaches_as_variable(n)))

    def get_type(self):
        return "function"

    def get_children(self):
        return []

    def get_symbols(self):
        return self.symbols

    def get_lineno(self):
        return self.lineno


class Scope:
    def __init__(self, table, parent: "Scope | None" = None, node=None):
        self.table = table
        self.node = node
        self.parent = parent
        self.type = table.get_type()          # "module", "function" or "class"
        self._children = defaultdict(deque)
        self._given = {}      # id(node) -> (node, table): a node compiled twice gets its table again
        for child in table.get_children():
            self._children[(child.get_name(), child.get_lineno())].append(child)
        self.symbols = {s.get_name(): s for s in table.get_symbols()}
        if self.type != "module" and isinstance(table, symtable.SymbolTable) and table.get_name() == "top":
            self.symbols = {n: _NotTop(s) for n, s in self.symbols.items()}
        self.free = sorted(_free_names(table)) if self.type != "module" else []
        captured = set()
        for child in table.get_children():
            captured |= _free_names(child)
        if sys.version_info >= (3, 12) and node is not None and self.type == "function":
            # comprehensions symtable inlined: the variables they use become cells here
            for n in _walk_local_scope(node):
                if isinstance(n, _INLINED):
                    _, used = _comprehension_names(n)
                    captured |= {u for u in used if u in self.symbols and self.symbols[u].is_local()}
        if self.type == "function":
            self.cells = sorted(n for n in captured
                                if n in self.symbols and self.symbols[n].is_local())
        elif self.type == "class":
            self.cells = ["__class__"] if "__class__" in captured else []
        else:
            self.cells = []

    def child(self, node) -> "Scope":
        """The scope of ``node``, a function, class, lambda or comprehension nested in this one.
        symtable lists children by (name, line), so same-named children on one line are handed
        out in source order; a node asked for again (a generator expression is compiled twice,
        as a generator and as the list the JIT compiles) gets the table it got first."""
        given = self._given.get(id(node))
        if given is not None and given[0] is node:
            return Scope(given[1], self, node)
        key = table_key(node)
        queue = self._children.get(key)
        if not queue:
            if isinstance(node, _INLINED) and sys.version_info >= (3, 12):
                return Scope(_InlinedTable(node, self), self, node)
            if self.parent is not None and isinstance(self.table, _InlinedTable):
                return self.parent.child(node)     # a scope nested in an inlined comprehension
            raise KeyError("no symbol table for %s at line %d" % (key[0], key[1]))
        table = queue.popleft()
        self._given[id(node)] = (node, table)
        return Scope(table, self, node)

    def reaches_as_variable(self, name: str) -> bool:
        """Is ``name`` a variable of this function (or reached through it), rather than
        a global? (Used for comprehensions inlined into this scope.)"""
        if self.type == "module":
            return False
        if self.type == "class":
            return self.parent is not None and self.parent.reaches_as_variable(name)
        sym = self.symbols.get(name)
        if sym is not None and (sym.is_local() or sym.is_free()):
            return True
        if sym is None and self.parent is not None and isinstance(self.table, _InlinedTable):
            return self.parent.reaches_as_variable(name)
        return name in self.free

    def locals(self) -> list[str]:
        """Names bound in this function scope, in first-seen order (cells included)."""
        return [n for n, s in self.symbols.items()
                if s.is_local() and not s.is_free()]

    def access(self, name: str) -> str:
        """How code in this scope reaches ``name``."""
        sym = self.symbols.get(name)
        if self.type == "module":
            return GLOBAL
        if self.type == "class":
            if sym is None:
                return NAME
            if sym.is_declared_global():
                return GLOBAL
            if sym.is_free() and not sym.is_local():
                return CLASSDEREF
            return NAME
        # function-like scope
        if name in self.cells:
            return CELL
        if sym is None:
            # a name only the inner scopes use (passing through): free here
            return FREE if name in self.free else GLOBAL
        if sym.is_free():
            return FREE
        if sym.is_global():
            return GLOBAL
        if sym.is_local():
            return LOCAL
        return GLOBAL
