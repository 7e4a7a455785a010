"""Which source each code object the program runs was compiled from (``CodeKeys``).

The loader (``tauraro.vm.loader.Compiler``) maps every code object it makes to its source's
key; the hooks' runtime (``tauraro.vm.hooks.HookRuntime.function_code``) inlines only the
functions whose code objects are so mapped, with the register bytecode of that source.
"""
from __future__ import annotations

from _weakref import ref as _ref       # (weakref's own type: the loader's start-up imports no more)


class CodeKeys:
    """Code object -> the key of the source it was compiled from, by the code object's
    identity: code objects compare equal by their contents, not their files or qualified
    names, and a dict (or WeakKeyDictionary) took a function of one file, its body and line
    the same as another's, for the other's (a method inlined from the other file). Held
    weakly: a module's code reloaded and dropped goes."""

    def __init__(self):
        self._by_id: dict = {}      # id(code) -> (a weak reference to it, key)
        self._keys: set = set()

    def __setitem__(self, code, key):
        i = id(code)
        self._by_id[i] = (_ref(code, lambda _, i=i, by=self._by_id: by.pop(i, None)), key)
        self._keys.add(key)

    def get(self, code, default=None):
        held = self._by_id.get(id(code))
        return held[1] if held is not None and held[0]() is code else default

    def has_key(self, key) -> bool:
        return key in self._keys

    def add_tree(self, code, key):
        """``code`` and every code object in it (its functions', classes', lambdas',
        comprehensions'), mapped to ``key``."""
        stack = [code]
        while stack:
            c = stack.pop()
            self[c] = key
            stack.extend(k for k in c.co_consts if type(k) is type(code))
