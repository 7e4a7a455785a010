"""Interpreter-wide state: call depth, the exception being handled, settings.

One instance, ``STATE``, is shared by every frame (Tauraro runs one program per
process). Generated block code refers to it by name.
"""
from __future__ import annotations


class VMState:
    __slots__ = ("depth", "recursion_limit", "handling", "jit", "argv")

    def __init__(self):
        self.depth = 0
        # CPython's default; sys.setrecursionlimit in the program changes it
        self.recursion_limit = 1000
        # the exception an ``except``/``finally`` block is handling (sys.exc_info())
        self.handling = None
        # the JIT controller, or None with --no-jit (see tauraro.jit)
        self.jit = None
        self.argv = []


STATE = VMState()
