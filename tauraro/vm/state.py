"""The resume interpreter's state: the exception being handled.

One instance, ``STATE``, is shared by the generated blocks (Tauraro runs one program
per process); ``tauraro.vm.resume`` sets it from ``sys.exc_info()`` when resuming and
restores it after, and the PUSH_EXC/POP_EXC/RAISE templates keep it as CPython keeps
its handled exception.
"""
from __future__ import annotations


class VMState:
    __slots__ = ("handling",)

    def __init__(self):
        # the exception an ``except``/``finally`` block is handling (sys.exc_info())
        self.handling = None


STATE = VMState()
