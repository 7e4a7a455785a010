"""A hooked loop over ``text.split()`` of a long str: only the words before its trip split.

``for raw in text.split():`` makes every word a str before the loop's first iteration. When
the JIT then enters the loop at its trip, its entry splits the text again natively
(``tauraro.jit.splits``), and CPython's list was made for nothing: word_freq.py's three
loops over a text of 10^6 words each spent ~55 ms in ``text.split()`` and ~10 ms freeing
its list, a third of their time under the JIT. So a hooked loop (``tauraro.vm.instrument``)
over ``N.split()``, ``N`` a str of LAZY_MIN characters or more, iterates instead::

    chain.from_iterable([iter(words), chain.from_iterable(map(str.split, (rest,)))])

where ``words, rest`` are ``text.split(None, k)`` -- the words of the first ``k``
iterations, ``k`` the loop's countdown to its trip, and the text after them -- all of it
C-level iterators, so the loop as written runs as fast, gives the same words, and splits the
rest when it gets there (a run that ends or breaks before its trip, or runs under a tracer,
which the hook is not called under, needs nothing else). At the trip (``back``), the JIT is
given a list iterator over ``words`` one word back (a stand-in: the run's own iterator is
the chain), and ``tauraro.jit.splits.PENDING`` holds the rest for its entry, which has the
module split it after the words. After the trip (``settle``) the run's iterator is moved to
where native code left the words; the rest is split in Python only if the run goes on in it
as written (then its later trips find a list iterator in place, moved back as any).

``SplitRun`` is one run's state; a site keeps those of its last MAX_RUNS runs, letting go of
those no frame holds the iterator of any more (a run that ended or broke out before its
trip) as the next run starts. A run pushed out while still going is left to count on as
written at its trip (``NOT_NOW``): its chain still gives every word.
"""
from __future__ import annotations

from itertools import chain as _chain
from sys import getrefcount as _refcount

from .rewind import NOT_NOW

LAZY_MIN = 4096         # characters: a shorter text is split whole, as written
MAX_RUNS = 4
CHAIN = _chain
_from = _chain.from_iterable
_split = str.split


class SplitRun:
    """One run of a loop over a lazily split text: ``it``, the iterator the run holds;
    ``parts``, the words split so far, and ``head``, their iterator; ``box``, the list of
    the two iterators ``it`` goes through, the second replaced once the rest is split
    (``rest_it``) or known to be all taken; ``rest``, the text after the words; ``est``,
    about how many words it has. ``taken``, ``total`` and ``index``: at a trip, the words the
    run had taken, and those the JIT's entry wrote and where its exit left them."""
    __slots__ = ("it", "parts", "head", "box", "rest", "rest_it", "est", "taken", "total", "index")

    def __init__(self, it, parts, head, box, rest, est):
        self.it, self.parts, self.head, self.box, self.rest, self.est = it, parts, head, box, rest, est
        self.rest_it = None
        self.taken = self.total = self.index = None


def start(runs: dict, text: str, k: int):
    """The iterator of a run over ``text.split()`` whose trip comes at its ``k``-th
    iteration, its state kept in ``runs`` (a site's) if the text is split lazily."""
    if len(text) < LAZY_MIN:
        return iter(text.split())
    parts = text.split(None, k)
    if len(parts) <= k:         # (all its words: it ends before its trip)
        return iter(parts)
    rest = parts.pop()
    head = iter(parts)
    box = [head, _from(map(_split, (rest,)))]
    it = _from(box)
    if runs:
        # (the runs no frame holds the iterator of any more -- ended, or broken out of,
        # before their trip -- let go of their rest: the run's object and this call alone
        # hold it then. Then the oldest, if still too many)
        for key in [key for key, run in runs.items() if _refcount(run.it) <= 2]:
            del runs[key]
        if len(runs) >= MAX_RUNS:
            del runs[next(iter(runs))]
    done = len(text) - len(rest)
    runs[id(it)] = SplitRun(it, parts, head, box, rest, len(rest) * k // max(done, 1) + 1)
    return it


def words_of(runs: dict, it):
    """An iterator over the words split so far of the run whose iterator is ``it`` (what
    the JIT's entry would take, to be typed), or ``it`` if the run is not known."""
    run = runs.get(id(it))
    return iter(run.parts) if run is not None and run.it is it else it


def _index(it, end: int) -> int:
    """The position of the list iterator ``it`` (``end`` once it is exhausted)."""
    state = it.__reduce__()
    return state[2] if len(state) == 3 else end


def back(runs: dict, it):
    """``one_back`` (tauraro.vm.rewind) for a lazily split run's iterator ``it``: (``it``,
    an iterator giving the word the run took last and then the rest, how to undo), and the
    run; NOT_NOW if the run is not known, or has taken no word, or is in a rest split
    where no one can see it (a trip later than its countdown said)."""
    run = runs.get(id(it))
    if run is None or run.it is not it:
        return NOT_NOW, None
    state = run.head.__reduce__()
    if len(state) != 3:
        # (past its words: in the rest's, split as the run went on as written -- moved
        # back in place, as any list iterator)
        rest_it = run.rest_it
        at = _index(rest_it, 0) if rest_it is not None else 0
        if at < 1:
            return NOT_NOW, None
        rest_it.__setstate__(at - 1)
        return (it, rest_it, lambda: rest_it.__setstate__(at)), run
    taken = state[2]
    if taken < 1 or run.rest is None and run.rest_it is None:       # (its words all taken)
        return NOT_NOW, None
    stand_in = iter(run.parts)
    stand_in.__setstate__(taken - 1)
    run.taken = taken
    run.total = run.index = None
    if run.rest_it is None:
        from ..jit.splits import PENDING      # (the JIT's: loaded by the trip)
        PENDING[id(run.parts)] = run
    return (it, stand_in, None), run


def settle(run, seen, ran: bool) -> bool:
    """After a trip of ``run`` (``back``): its iterator moved to where native code left the
    stand-in ``seen`` (``ran``: native code ran), its rest split unless native code took
    all of it. False if native code stopped before the word the run had taken (its body is
    still to run for it: as ``rewind.catch_up``)."""
    from ..jit.splits import PENDING
    PENDING.pop(id(run.parts), None)
    if run.taken is None or seen is not None and seen is run.rest_it:      # (moved in place)
        return True
    k = len(run.parts)
    at = run.taken
    if ran:
        at = run.index if run.index is not None else _index(seen, k)
    ok = at >= run.taken
    if not ok:
        at = run.taken
    run.taken = None
    if run.total is not None and at >= run.total:
        run.head.__setstate__(k)
        run.box[1] = iter(())
        run.rest = None
        return ok
    if at <= k:
        run.head.__setstate__(at)
        if run.rest_it is None:
            run.rest_it = run.box[1] = iter(run.rest.split())
            run.rest = None
        return ok
    run.head.__setstate__(k)
    rest_it = run.rest_it = run.box[1] = iter(run.rest.split())
    run.rest = None
    rest_it.__setstate__(at - k)
    return ok
