"""Helpers for ``match`` statements (PEP 634), with CPython's errors."""
from __future__ import annotations

import sys

# the type flags MATCH_SEQUENCE and MATCH_MAPPING test (Py_TPFLAGS_SEQUENCE, _MAPPING): set
# for the builtins and for classes that are or are registered as collections.abc's. The
# subject's type's, not isinstance's answer, which a __class__ property can fake.
_SEQUENCE_FLAG = 1 << 5
_MAPPING_FLAG = 1 << 6
_NOT_A_CLASS = "called match pattern must be a %s" % ("type" if sys.version_info < (3, 12) else "class")
# classes whose single positional sub-pattern matches the subject itself
_SELF_MATCHING = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)


def match_sequence(subject) -> bool:
    return bool(type(subject).__flags__ & _SEQUENCE_FLAG)


def match_mapping(subject) -> bool:
    return bool(type(subject).__flags__ & _MAPPING_FLAG)


def match_keys(subject, keys):
    """The values for ``keys`` in a mapping subject, or None if one is missing."""
    seen = set()
    missing = object()
    values = []
    get = subject.get
    for k in keys:
        if k in seen:
            raise ValueError("mapping pattern checks duplicate key (%r)" % (k,))
        seen.add(k)
        v = get(k, missing)
        if v is missing:
            return None
        values.append(v)
    return tuple(values)


def match_rest(subject, keys):
    rest = dict(subject)
    for k in keys:
        del rest[k]
    return rest


def match_class(subject, cls, npos: int, kwnames: tuple):
    """The attributes a class pattern checks, or None if the subject does not match."""
    if not isinstance(cls, type):
        raise TypeError(_NOT_A_CLASS)
    if not isinstance(subject, cls):
        return None
    values = []
    seen = set()
    if npos:
        match_args = getattr(cls, "__match_args__", None)
        match_self = False
        if match_args is None:
            match_self = issubclass(cls, _SELF_MATCHING)
            match_args = ()
        elif not isinstance(match_args, tuple):
            raise TypeError("%s.__match_args__ must be a tuple (got %s)"
                            % (cls.__name__, type(match_args).__name__))
        allowed = 1 if match_self else len(match_args)
        if npos > allowed:
            raise TypeError("%s() accepts %d positional sub-pattern%s (%d given)"
                            % (cls.__name__, allowed, "" if allowed == 1 else "s", npos))
        if match_self:
            values.append(subject)
        names = list(match_args[:npos]) + list(kwnames)
    else:
        names = kwnames
    for name in names:
        # checked as it is reached, as CPython does: an earlier missing attribute is
        # simply no match
        if not isinstance(name, str):
            raise TypeError("__match_args__ elements must be strings (got %s)" % type(name).__name__)
        if name in seen:
            raise TypeError("%s() got multiple sub-patterns for attribute %r" % (cls.__name__, name))
        seen.add(name)
        try:
            values.append(getattr(subject, name))
        except AttributeError:
            return None
    return tuple(values)
