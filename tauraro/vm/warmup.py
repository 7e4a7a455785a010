"""A code object given to a function mid-run, quickened first as CPython 3.11 would have it.

CPython 3.11 specializes a code object's instructions only once the code is *quickened*,
and it quickens it when calls of it have started eight times (``RESUME``), or a ``for``
loop's back edge (``JUMP_BACKWARD``) has run eight times -- a ``while`` loop's conditional
back edge does not count: the first seven calls of a function whose loop is a while loop
run its generic instructions throughout, however long they run. A while loop of
polymorphic method calls, 400,000 iterations a call, took 82 ms a call for seven calls and
64 from the eighth on. 3.12 and 3.13 quicken a code object at its creation.

The hooks give a function CPython's own code once its loops are all given up
(``HookRuntime.unhook``): a code object that has never run. Its next seven calls would have
run unspecialized where the hooked code, called as often, was quickened already --
richards.py's scheduler, called eighteen times ~200 ms each, ran three more of them ~10%
slower than under CPython, 2.5% of the program. So the new code is warmed first: eight
calls of a function made of it (empty cells for its closure, None for each argument), each
stopped by a tracer at its first line event, which comes after ``RESUME`` and before any
instruction of the body -- the program's code does not run, not even a ``finally`` (the
first line's instructions are not in any handler's range). A trace function that raises is
unset by CPython, so the tracer is set again before each call.

The same is done as a program's code is loaded (``quickened_tree``, from
``tauraro.vm.loader``), for each code object with a loop whose back edge is conditional --
a ``while`` loop's, which never quickens its code however long it runs: a module-level
while loop of 3*10^6 polymorphic method calls took 916 ms under CPython, 749 quickened.
Code whose loops are ``for`` loops quickens itself in its first call, and a function without
loops by its eighth: both are left as they are (the warming costs ~15 us a code object).

Not while a tracer or a profiler is set (the program's own would miss the calls' events, or
see calls that were never the program's: they are left alone, and the code runs
unquickened as before); not a generator's or a coroutine's code (a call makes the
generator without running ``RESUME``).
"""
from __future__ import annotations

import sys
import types

# (3.11: see above; 3.12+ quicken a code object as it is made)
QUICKENS_AT_CALLS = 8 if sys.version_info < (3, 12) else 0
# 3.11's conditional backward jumps, POP_JUMP_BACKWARD_IF_NOT_NONE / _NONE / _FALSE / _TRUE (a
# while loop's back edge), which do not count towards quickening (JUMP_BACKWARD, a for loop's,
# does). Their numbers, not ``opcode``'s table: every program's start imports this module
BACK_EDGES = frozenset(range(173, 177))
_GENERATORS = 0x20 | 0x80 | 0x100 | 0x200      # CO_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR


class _Stopped(BaseException):
    """Raised by the tracer at a warming call's first line (a BaseException: a handler of
    the program's never sees it, and none would run anyway)."""


def quickened(code, globals_: dict):
    """``code``, made to have started QUICKENS_AT_CALLS calls (see the module's docstring):
    on 3.11 CPython quickens it at the last. Returns ``code``."""
    if not QUICKENS_AT_CALLS or code.co_flags & _GENERATORS or sys.gettrace() is not None \
            or sys.getprofile() is not None:
        return code

    def stop(frame, event, arg):
        raise _Stopped

    def tracer(frame, event, arg):
        return stop if frame.f_code is code else None

    closure = tuple(types.CellType() for _ in code.co_freevars) or None
    func = types.FunctionType(code, globals_, code.co_name, None, closure)
    args = (None,) * code.co_argcount
    names = code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]
    kwargs = dict.fromkeys(names)
    settrace = sys.settrace
    try:
        for _ in range(QUICKENS_AT_CALLS):
            settrace(tracer)
            try:
                func(*args, **kwargs)
            except _Stopped:
                continue
            except Exception:       # (the call's arguments refused: a warming is never an error)
                pass
            break       # (no line event stopped it: never seen on 3.11, where the first
            # instruction after RESUME always makes one -- a one-line lambda's too)
    finally:
        settrace(None)
    return code


def quickened_tree(code):
    """``code`` (a module's, or a program's text's), each code object in it -- its own
    included -- whose loops have a conditional back edge ``quickened``. Returns ``code``."""
    if not QUICKENS_AT_CALLS:
        return code
    stack = [code]
    kind = type(code)
    while stack:
        c = stack.pop()
        if not BACK_EDGES.isdisjoint(c.co_code[0::2]):
            quickened(c, {})
        stack.extend(k for k in c.co_consts if type(k) is kind)
    return code
