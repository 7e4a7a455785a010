"""Lists of small ints into records through their pointer arrays, at native speed.

A record holds an int as an 8-byte word. The general path for a list of ints checks the
elements' types (``list(map(type, xs)).count(int)``, ~12-29 ns an element) and packs them
(``struct``, ~7-14 ns): a DP table's grid of costs, 800 rows of 1,000 digits, took ~36 ms
to copy in at every entry of a loop over it. CPython keeps one object for each int from
-5 to 256 (``_PY_NSMALLNEGINTS``, ``_PY_NSMALLPOSINTS``), all in one array, a fixed stride
apart, so a pointer to one of them names its value. Such a list's array of element
pointers (``ob_item``, read as ``tauraro.jit.resident`` reads it: the host reading its own
memory) is copied into linear memory as it is, and the module's ``ints_in``
(``tauraro.wasmgen.smallints``) turns each word into its int, checking that every one
pointed into the array: ~1-2 ns an element and a call into the module (~2 us). An element
that is not one of those objects -- a bigger int, a bool (True and False are objects of
their own), an int subclass's instance, anything else -- fails the check, and the list is
copied by the general path, exactly as before.

Where the small ints are not laid out so (another implementation, a build that differs),
``SMALL_INTS`` is None and nothing goes this way. Nothing is written back this way: a list
native code stored into gets its elements back as Python makes them (``tolist``).
"""
from __future__ import annotations

import ctypes
import struct

from .resident import items_address

# lists of ints this long or longer try their pointer arrays: a shorter one pays less
# for its types' check and packing than for a call into the module (~2 us)
SMALL_INTS_MIN = 128
# (CPython's cached ints: -5 to 256)
_LOW, _HIGH = -5, 256


def _layout():
    """(base, span, shift, low) of CPython's small ints' array, as ``ints_in`` takes them,
    or None where they are not one array of a power-of-two stride (or a list's pointer
    array cannot be read: ``tauraro.jit.resident``)."""
    if items_address([0]) is None:
        return None
    # (each made by arithmetic at run time, not a constant of this module's code: the
    # cached objects themselves)
    ints = [int(str(k)) for k in range(_LOW, _HIGH + 1)]
    base = id(ints[0])
    stride = id(ints[1]) - base
    if stride <= 0 or stride & (stride - 1):
        return None
    if any(id(v) - base != (v - _LOW) * stride for v in ints):
        return None
    return base, stride * len(ints), stride.bit_length() - 1, _LOW


SMALL_INTS = _layout()
_memmove = ctypes.memmove
# the values of the small ints (a probe of a list's elements at C speed: no type test, which
# ``ints_in`` makes: True is 1 here, but not one of them); the word ``ints_in`` turns into 0,
# the pointer to the cached 0 (None where they are laid out otherwise)
SMALL_INT_VALUES = frozenset(range(_LOW, _HIGH + 1))
ZERO_WORD = None if SMALL_INTS is None else struct.pack("<Q", SMALL_INTS[0] + ((0 - _LOW) << SMALL_INTS[2]))


def small_ints_in(values: list, memory_address: int, at: int, ints_in) -> bool:
    """Copy the list ``values`` into the ``len(values)`` words at ``at`` of a memory
    starting at ``memory_address`` (room for them checked), each the int its element is,
    through its pointer array and the module's ``ints_in``: False if an element is not one
    of CPython's small ints (the words then hold garbage)."""
    n = len(values)
    _memmove(memory_address + at, items_address(values), 8 * n)
    base, span, shift, low = SMALL_INTS
    return ints_in(at, n, base, span, shift, low) == 1
