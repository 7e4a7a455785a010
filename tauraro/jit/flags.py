"""Lists of bools to and from records, at C speed, through ``marshal``.

A record holds a bool as an 8-byte word, 0 or 1. The general path for a list checks the
elements' types with ``set(map(type, xs))`` and converts them with ``array('q', xs)``, which
costs about 33 ns an element on the dev VM, and writes back with ``list(map(bool, words))``,
about 18 ns. A sieve's flag lists have millions of elements, so those costs decided whether
copying them in paid at all.

``marshal`` writes a list's elements one after another, ``T`` for True and ``F`` for False,
each one byte; nothing else it writes is one byte a value but None, Ellipsis and
StopIteration. So a list of n elements whose marshalled body is n bytes, all ``T`` or
``F``, holds only bools (an exact check: a subclass of bool or an int 1 would not be written
``T``), and one ``translate`` turns that body into the records' low bytes. Back, the words'
low bytes translated to ``T``/``F`` and prefixed with a list header are a list of bools for
``marshal.loads``. Measured on the dev VM with 5 million flags: 11 ns an element in (against
33), 9 ns out (against 18), plus the list's own slice assignment (17 ns).

A long list goes faster through its array of element pointers (``ob_item``, read through
ctypes as ``tauraro.jit.resident`` reads it: the host reading its own memory), copied into
linear memory as it is, where the module's ``flags_in`` (``tauraro.wasmgen.flags``) turns
the words into 0 and 1 at native speed, checking each is True or False: ~1.5 ns a flag in
memory already used (a memory copy and a pass), ~6-8 in a record's fresh pages, against
marshal's ~25 with the strided store. Back, the module's
``flags_out`` writes a pointer word for each flag, every one of them one of the two the host
gave, and the host copies them over the list's array, once it has checked (``flags_in`` on
a copy of it) that the list still holds only bools, of which it learns how many were True.
Where True and False are not immortal (3.11), their reference counts move by the
difference: the list's references to each are exactly the words written.
"""
from __future__ import annotations

import ctypes
import marshal
import sys

from .resident import items_address

_LIST = 0x5B                     # marshal's TYPE_LIST ('['), without FLAG_REF (0x80)
_TO_WORDS = bytes.maketrans(b"TF", b"\x01\x00")
_TO_MARSHAL = bytes([ord("F")]) + bytes([ord("T")]) * 255


def flags_bytes(values: list) -> bytes | None:
    """One byte per element of the list ``values``, 1 for True and 0 for False; None if an
    element is not a bool."""
    try:
        m = marshal.dumps(values)
    except ValueError:          # (an element marshal cannot write: not a bool)
        return None
    n = len(values)
    if len(m) != 5 + n or m[0] & 0x7F != _LIST:
        return None
    body = m[5:]
    if body.count(b"T") + body.count(b"F") != n:
        return None
    return body.translate(_TO_WORDS)


def all_flags(values: list) -> bool:
    """Are all the elements of the list ``values`` bools (True or False themselves)?"""
    try:
        m = marshal.dumps(values)
    except ValueError:
        return False
    n = len(values)
    return len(m) == 5 + n and m[0] & 0x7F == _LIST and m.count(b"T", 5) + m.count(b"F", 5) == n


def flags_list(low_bytes: bytes) -> list:
    """The list of bools whose elements are the bytes ``low_bytes`` (0: False, any other:
    True)."""
    body = low_bytes.translate(_TO_MARSHAL)
    return marshal.loads(bytes([_LIST]) + len(body).to_bytes(4, "little") + body)


# lists of bools this long or longer go through their pointer arrays (``POINTERS``): a
# shorter one pays less for marshal than for two calls into the module (~2 us each)
POINTERS_MIN = 1024
# (can the lists' pointer arrays be read and written here? Not where tauraro.jit.resident
# found a list object laid out otherwise)
POINTERS = items_address([False]) is not None
_TRUE, _FALSE = id(True), id(False)
# (3.12 and later: True and False are immortal, their reference counts never moved)
_IMMORTAL = sys.getrefcount(True) >= 1 << 31
_memmove = ctypes.memmove
# (True's and False's reference counts, which a list's references to them are part of)
_TRUE_COUNT = ctypes.c_ssize_t.from_address(_TRUE)
_FALSE_COUNT = ctypes.c_ssize_t.from_address(_FALSE)
# the flags written back at a time (POINTERS_CHUNK words of scratch memory: 512 KB)
POINTERS_CHUNK = 1 << 16


def pointers_in(values: list, memory_address: int, at: int, flags_in) -> int:
    """Copy the list of bools ``values`` into the ``len(values)`` words at ``at`` of a
    memory starting at ``memory_address`` (room for them checked), 0 or 1 each, through its
    pointer array and the module's ``flags_in``: the number of True, or -1 if an element is
    not a bool (the words then hold garbage)."""
    n = len(values)
    _memmove(memory_address + at, items_address(values), 8 * n)
    return flags_in(at, n, _TRUE, _FALSE)


def pointers_back(values: list, n: int, memory_address: int, at: int, scratch: int, flags_in, flags_out) -> bool:
    """Give the list ``values`` the ``n`` flags of the words at ``at`` (0 False, else True)
    through its pointer array, a chunk of POINTERS_CHUNK at a time through the
    ``8 * min(n, POINTERS_CHUNK)`` bytes at ``scratch`` of the memory (one chunk's room, used
    again: a scratch copy of 5*10^6 words was as many fresh pages, ~20 ms); False if the
    list is not ``n`` long, or a chunk holds something not a bool (the chunks before it
    written: a caller then writes the whole list as Python would)."""
    if len(values) != n:
        return False
    items = items_address(values)
    lo = 0
    while lo < n:
        m = min(POINTERS_CHUNK, n - lo)
        # (what the chunk holds now, checked and counted; its new pointers, then, over it)
        _memmove(memory_address + scratch, items + 8 * lo, 8 * m)
        old = flags_in(scratch, m, _TRUE, _FALSE)
        if old < 0:
            return False
        new = flags_out(at + 8 * lo, m, _TRUE, _FALSE, scratch)
        # (the chunk held ``old`` references to True and holds ``new`` after the copy: the
        # count that rises is raised before it, the one that falls lowered after it, so that
        # a KeyboardInterrupt between -- a signal's handler runs as a call returns -- leaves
        # a count too high, never too low; writing back again finds the chunk as it left it)
        rise = 0 if _IMMORTAL else new - old
        if rise > 0:
            _TRUE_COUNT.value += rise
        elif rise < 0:
            _FALSE_COUNT.value -= rise
        _memmove(items + 8 * lo, memory_address + scratch, 8 * m)
        if rise > 0:
            _FALSE_COUNT.value -= rise
        elif rise < 0:
            _TRUE_COUNT.value += rise
        lo += m
    return True
