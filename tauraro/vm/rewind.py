"""An iterator one element back, and caught up again.

Native code stops at the start of an iteration, or a comprehension's element is made
again by CPython, with the iterator the loop takes its elements from moved back one.
List, tuple and reversed-list iterators (and range iterators before 3.12) are moved in
place through their pickling state; a 3.12+ range iterator only moves forward, so native
code gets a stand-in and the real one catches up afterwards. Used by the loop hooks
(``tauraro.vm.hooks``) and the comprehension sites (``tauraro.vm.comprehensions``).
"""
from __future__ import annotations

import sys
from gc import get_referents as _referents
from itertools import chain as _chain, islice as _islice

RANGE_ITER = type(iter(range(0)))
_LIST_ITER = type(iter([]))
_TUPLE_ITER = type(iter(()))
# iterators moved back in place as list iterators are: over a string (ASCII or not), and
# over an array.array (_is_array_iter: neither ``array`` nor the ``collections`` it imports
# is imported here, ~2 ms of every start, for a program that may never use them)
_OTHER_SEQ_ITERS = (type(iter("")), type(iter("\u0100")))
_REVERSED_LIST_ITER = type(reversed([]))
RELATIVE_RANGE_STATE = sys.version_info >= (3, 12)   # range_iterator.__setstate__ advances

NOT_NOW = "not now"

# dict iterators, by what they yield: a stand-in over the same dict, made and advanced
DICT_ITERATORS = _DICT_ITERS = {type(iter({})): lambda d: d, type(iter({}.values())): dict.values,
               type(iter({}.items())): dict.items}


def _is_array_iter(t) -> bool:
    """Is ``t`` the type of an iterator over an array.array? (Only once the program has
    imported ``array``: before, it has no such iterator.)"""
    module = sys.modules.get("array")
    return module is not None and t is type(iter(module.array("d")))


def one_back(it):
    """(the real iterator, an iterator one element back, how to undo), or None if native
    code cannot take this iterator, or NOT_NOW if it cannot this time. List, tuple and str iterators (and range iterators before
    3.12) are moved back in place; a 3.12+ range iterator only moves forward, so native
    code gets a stand-in and the real one catches up afterwards (``catch_up``)."""
    t = type(it)
    if t is _LIST_ITER or t is _TUPLE_ITER or t in _OTHER_SEQ_ITERS or (t is RANGE_ITER and not RELATIVE_RANGE_STATE) \
            or _is_array_iter(t):
        state = it.__reduce__()
        if len(state) != 3 or not state[2]:
            return None
        index = state[2]
        it.__setstate__(index - 1)
        return it, it, lambda: it.__setstate__(index)
    if t is RANGE_ITER:
        _, (rng,), _ = it.__reduce__()
        step = rng.step
        stand_in = iter(range(rng.start - step, rng.stop, step))
        return it, stand_in, None
    if t is _REVERSED_LIST_ITER or t is reversed:
        state = it.__reduce__()
        if len(state) != 3:     # 3.13: it just gave its last element, and let go of the list
            return NOT_NOW
        index = state[2]
        it.__setstate__(index + 1)
        return it, it, lambda: it.__setstate__(index)
    if t in _DICT_ITERS:
        return _dict_one_back(it, _DICT_ITERS[t])
    if t is zip:    # each iterator it holds one back (an enumerate in a for header is a zip)
        state = it.__reduce__()
        seen = [one_back(inner) for inner in state[1]]
        undo = [s[2] for s in seen if isinstance(s, tuple) and s[2] is not None]     # (not NOT_NOW)

        def restore():
            for u in undo:
                u()
        if len(state) != 2 or not seen or None in seen or NOT_NOW in seen:
            restore()
            return NOT_NOW if len(state) == 2 and None not in seen and seen else None
        if all(back is real for real, back, _ in seen):
            return it, it, restore
        return it, zip(*[back for _, back, _ in seen]), restore
    return None


def _dict_one_back(it, view):
    """A dict iterator only moves forward: native code gets a new iterator over the same
    dict at the element the real one last gave (made by skipping, at C speed). Whether
    the real one is as CPython made it over the dict as it is now is checked only if
    native code takes the stand-in (``transfer.EntryRecords._dict_iter``, which finds the
    real one in ``jtypes.STAND_INS``): a loop the controller does not enter pays no more
    than the skip. NOT_NOW if the real one has nothing left, or the dict changed size (its
    ``__length_hint__`` is 0 then: the baseline goes on, and raises where CPython does)."""
    from ..jit.jtypes import STAND_INS
    d = [o for o in _referents(it) if type(o) is dict]
    if len(d) != 1:
        return None         # (a dict subclass's)
    d = d[0]
    left = it.__length_hint__()
    taken = len(d) - left
    if left == 0 or taken < 1:
        return NOT_NOW
    stand_in = iter(view(d))
    next(_islice(stand_in, taken - 1, taken - 1), None)     # (taken - 1 elements skipped)
    STAND_INS[id(stand_in)] = (stand_in, it)
    return it, stand_in, lambda: STAND_INS.pop(id(stand_in), None)


def catch_up(real, seen, restore) -> bool:
    """Move the real iterator to where native code left the stand-in; False if the
    stand-in never got past the element the baseline already took (then ``restore``
    puts back what was moved in place)."""
    if seen is real:
        return True
    if type(real) is zip:
        pairs = [(r, s) for r, s in zip(real.__reduce__()[1], seen.__reduce__()[1]) if r is not s]
        if not all([catch_up(r, s, None) for r, s in pairs]):
            restore()
            return False
        return True
    if type(real) in _DICT_ITERS:
        # as far as the stand-in went (a dict whose size changed meanwhile: both give
        # nothing more, and the real one raises on its next next(), as CPython's would)
        restore()
        ahead = real.__length_hint__() - seen.__length_hint__()
        if ahead < 0:
            return False
        next(_islice(real, ahead, ahead), None)
        return True
    _, (rng,), _ = real.__reduce__()
    cur = rng.start
    _, (left,), _ = seen.__reduce__()
    step = rng.step
    ahead = (left.start - cur) // step if len(left) else len(rng)
    if ahead < 0:
        return False
    real.__setstate__(ahead)
    return True


def rewound(it):
    """``it`` -- the iterator a running loop of the program takes its elements from, just
    after it gave one -- as an iterator giving that element again and then the rest of
    ``it``'s: ``it`` itself moved back in place (list, tuple, str, array and reversed-list
    iterators, range iterators before 3.12, a zip of those), or a 3.12+ range iterator
    behind the element it gave (it still gives the rest: the program may hold it); None for
    any other (then nothing was moved). Used when a hooked loop goes on as written
    (``tauraro.vm.hooks``: code 6)."""
    if type(it) is RANGE_ITER and RELATIVE_RANGE_STATE:
        _, (rng,), _ = it.__reduce__()      # (the range left to run)
        return _chain((rng.start - rng.step,), it)
    seen = one_back(it)
    if seen is None or seen is NOT_NOW:
        return None
    real, back, restore = seen
    if back is not real:
        if restore is not None:
            restore()
        return None
    return it
