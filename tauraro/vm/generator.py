"""Generator objects for generator functions and generator expressions.

A generator owns a suspended frame: its register list and the pc to resume at.
``YIELD`` stores the yielded value and the resume pc in the frame's two extra
slots and returns from the block; ``send`` writes the sent value into the
register the ``YIELD`` names and runs the frame on from the resume pc.
"""
from __future__ import annotations

import collections.abc

from .interpreter import run, throw_into
from .state import STATE

_NOT_HANDLING = object()


class Generator:
    __slots__ = ("_rt", "_r", "_pc", "_running", "_finished", "_handling", "__weakref__")

    def __init__(self, rt, r):
        self._rt = rt
        self._r = r
        self._pc = 0
        self._running = False
        self._finished = False
        self._handling = _NOT_HANDLING

    # --- protocol ---------------------------------------------------------------------------
    def __iter__(self):
        return self

    def __next__(self):
        return self._resume(None, None)

    def send(self, value):
        if self._pc == 0 and value is not None and not self._finished:
            raise TypeError("can't send non-None value to a just-started generator")
        return self._resume(value, None)

    def throw(self, typ, val=None, tb=None):
        if isinstance(typ, BaseException):
            exc = typ
        elif isinstance(typ, type) and issubclass(typ, BaseException):
            if isinstance(val, typ):
                exc = val
            elif val is None:
                exc = typ()
            elif isinstance(val, tuple):
                exc = typ(*val)
            else:
                exc = typ(val)
        else:
            raise TypeError("exceptions must be classes or instances deriving from "
                            "BaseException, not %s" % type(typ).__name__)
        return self._throw(exc)

    def close(self):
        if self._finished:
            return None
        if self._pc == 0:
            self._finished = True
            return None
        try:
            self._throw(GeneratorExit())
        except (GeneratorExit, StopIteration):
            return None
        raise RuntimeError("generator ignored GeneratorExit")

    # --- introspection --------------------------------------------------------------------
    def __getattr__(self, name):
        # __name__/__qualname__ cannot be properties (type() claims them for the class)
        if name == "__name__":
            return self._rt.code.name
        if name == "__qualname__":
            return self._rt.code.qualname
        raise AttributeError("'generator' object has no attribute '%s'" % name)

    @property
    def gi_running(self):
        return self._running

    @property
    def gi_suspended(self):
        return self._pc > 0 and not self._finished and not self._running

    @property
    def gi_yieldfrom(self):
        it = self._delegate()
        return it

    def __repr__(self):
        return "<generator object %s at %#x>" % (self._rt.code.qualname, id(self))

    def __del__(self):
        if self._pc > 0 and not self._finished and not self._running:
            code = self._rt.code
            yield_pc = self._pc - 1
            if code.handler_for(yield_pc) is not None or self._delegate() is not None:
                try:
                    self.close()
                except BaseException:
                    pass

    # --- running the frame ------------------------------------------------------------------------
    def _delegate(self):
        """The iterator a suspended ``yield from`` delegates to, if any."""
        if self._pc == 0 or self._finished:
            return None
        ins = self._rt.code.instrs[self._pc - 1]
        reg = ins.args[2]
        return self._r[reg] if reg >= 0 else None

    def _enter(self):
        if self._running:
            raise ValueError("generator already executing")
        state = STATE
        caller = state.handling
        if self._handling is not _NOT_HANDLING:
            state.handling = self._handling
        self._running = True
        return caller

    def _leave(self, caller):
        state = STATE
        self._handling = state.handling if state.handling is not caller else _NOT_HANDLING
        state.handling = caller
        self._running = False

    def _finish_with(self, result):
        r = self._r
        if r[-1] is not None:         # suspended at a yield
            self._pc = r[-1]
            r[-1] = None
            return r[-2]
        self._finished = True
        self._handling = _NOT_HANDLING
        if result is None:
            raise StopIteration
        raise StopIteration(result)

    def _run(self, fn, *args):
        caller = self._enter()
        try:
            result = fn(*args)
        except StopIteration as e:
            self._finished = True
            raise RuntimeError("generator raised StopIteration") from e
        except BaseException:
            self._finished = True
            raise
        finally:
            self._leave(caller)
        return self._finish_with(result)

    def _resume(self, value, _):
        if self._finished:
            raise StopIteration
        if self._running:
            raise ValueError("generator already executing")
        rt, r, pc = self._rt, self._r, self._pc
        if pc:
            r[rt.code.instrs[pc - 1].args[0]] = value
        return self._run(run, rt, r, rt.block_at(pc))

    def _throw(self, exc):
        if self._finished:
            raise exc
        if self._running:
            raise ValueError("generator already executing")
        rt, r, pc = self._rt, self._r, self._pc
        it = self._delegate()
        if it is not None:
            if isinstance(exc, GeneratorExit):
                close = getattr(it, "close", None)
                if close is not None:
                    caller = self._enter()
                    try:
                        close()
                    except BaseException as e:
                        exc = e
                    finally:
                        self._leave(caller)
            else:
                throw = getattr(it, "throw", None)
                if throw is not None:
                    caller = self._enter()
                    try:
                        return throw(exc)       # the delegate yielded: we stay suspended
                    except StopIteration as e:
                        # the delegate finished: the yield from evaluates to its value
                        send = rt.code.instrs[pc - 2]
                        r[send.args[0]] = e.value
                        resume = rt.block_at(send.args[3])
                        self._leave(caller)
                        return self._run(run, rt, r, resume)
                    except BaseException as e:
                        exc = e
                    finally:
                        if self._running:
                            self._leave(caller)
        return self._run(throw_into, rt, r, max(pc - 1, 0), exc)


Generator.__name__ = "generator"
Generator.__qualname__ = "generator"
Generator.__module__ = "builtins"
collections.abc.Generator.register(Generator)
