"""Raising and matching exceptions with CPython's rules and messages."""
from __future__ import annotations



def _instance(exc, what: str):
    if isinstance(exc, type) and issubclass(exc, BaseException):
        value = exc()
        if what == "exc" and not isinstance(value, BaseException):
            raise TypeError("calling %r should have returned an instance of BaseException, not %r"
                            % (exc, type(value)))
        return value
    if isinstance(exc, BaseException):
        return exc
    raise TypeError("exceptions must derive from BaseException" if what == "exc"
                    else "exception causes must derive from BaseException")


_NO_CAUSE = object()


def raise_(state, exc, cause=_NO_CAUSE):
    """``raise exc [from cause]``: normalise, chain to the handled exception, raise."""
    exc = _instance(exc, "exc")
    if cause is not _NO_CAUSE:
        exc.__cause__ = None if cause is None else _instance(cause, "cause")
    handling = state.handling
    if handling is not None and handling is not exc:
        # break a cycle the new context would close (as _PyErr_SetObject does)
        o = handling
        while True:
            ctx = o.__context__
            if ctx is None:
                break
            if ctx is exc:
                o.__context__ = None
                break
            o = ctx
        exc.__context__ = handling
    raise exc


def reraise(exc):
    """A bare ``raise`` in a handler, a ``finally``'s end, an ``except`` that did not
    match: ``exc`` raised again with its context as it was. (Python's ``raise`` would
    chain it to the exception handled where it stands -- the one an enclosing handler
    handles again once the inner handler ended: a TypeError raised while handling a
    ZeroDivisionError came out with the caller's KeyError as its context.)"""
    context, suppress = exc.__context__, exc.__suppress_context__
    try:
        raise exc
    finally:
        exc.__context__, exc.__suppress_context__ = context, suppress


def reraise_current(state):
    """A bare ``raise`` outside an except block of this function."""
    handling = state.handling
    if handling is None:
        raise RuntimeError("No active exception to reraise")
    raise handling


def _is_exc_class(t) -> bool:
    return isinstance(t, type) and issubclass(t, BaseException)


def exc_match(exc, typ) -> bool:
    if isinstance(typ, tuple):
        if not all(_is_exc_class(t) for t in typ):
            raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    elif not _is_exc_class(typ):
        raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    return isinstance(exc, typ)


def unbound_local(name: str):
    return UnboundLocalError(
        "cannot access local variable '%s' where it is not associated with a value" % name)


def unbound_deref(name: str, code):
    if any(n == name for n, _ in code.cellvars):
        return unbound_local(name)
    return NameError("cannot access free variable '%s' where it is not associated with a value"
                     " in enclosing scope" % name, name=name)
