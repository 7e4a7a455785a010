"""A mapping keyed by code objects, by their identity.

A code object's hash is computed from its name, bytecode, constants and names at every
lookup -- nothing caches it -- which under 3.12 and 3.13 takes ~1.2 us for a function of
a few hundred instructions (~0.2 us under 3.11): a loop's hook finding the loop it
trips in, by its frame's code, paid that at every trip, and a comprehension's at every
run (under 3.12+ a comprehension runs in its enclosing function's frame, whose code is
the large one). Keyed by ``id()``, the code object held beside its value: held, its id
is not reused by another while it is here.
"""
from __future__ import annotations


class ByCode:
    __slots__ = ("_items",)

    def __init__(self):
        self._items: dict = {}

    def get(self, code, default=None):
        item = self._items.get(id(code))
        return item[1] if item is not None and item[0] is code else default

    def __getitem__(self, code):
        item = self._items.get(id(code))
        if item is None or item[0] is not code:
            raise KeyError(code)
        return item[1]

    def __setitem__(self, code, value):
        self._items[id(code)] = (code, value)

    def __len__(self):
        return len(self._items)
