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
from collections import defaultdict, deque

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


class Scope:
    def __init__(self, table: symtable.SymbolTable, parent: "Scope | None" = None):
        self.table = table
        self.parent = parent
        self.type = table.get_type()          # "module", "function" or "class"
        self._children = defaultdict(deque)
        for child in table.get_children():
            self._children[(child.get_name(), child.get_lineno())].append(child)
        self.symbols = {s.get_name(): s for s in table.get_symbols()}
        self.free = sorted(_free_names(table)) if self.type != "module" else []
        captured = set()
        for child in table.get_children():
            captured |= _free_names(child)
        if self.type == "function":
            self.cells = sorted(n for n in captured
                                if n in self.symbols and self.symbols[n].is_local())
        elif self.type == "class":
            self.cells = ["__class__"] if "__class__" in captured else []
        else:
            self.cells = []

    def child(self, node) -> "Scope":
        key = table_key(node)
        queue = self._children.get(key)
        if not queue:
            raise KeyError("no symbol table for %s at line %d" % key[::-1])
        return Scope(queue.popleft(), self)

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
