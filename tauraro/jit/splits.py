"""Loops over ``text.split()``: the list copied in as the str's words, split natively.

``for raw in text.split():`` iterates a list of 10^5-10^6 new strs. Copying such a list in
the usual way (``EntryRecords._strs``: the strs typed, measured, joined and spread, ~100 ns
and more a str) costs about what CPython spends on the whole loop, so the cost model
refuses it, and the loop stays interpreted. But the list is nothing the program can reach:
it is the temporary the loop's ``GET_ITER`` took, held only by the iterator, and it is
exactly ``text.split()`` for the ``text`` the loop started with. If ``text`` is a local
variable the loop never assigns (nor deletes), it is that very str at every entry, so an
entry can copy ``text`` instead (one record, kept in the version's memory across entries,
``transfer.KEEP_MIN``) and have the module write the words' records and the list's
slots from it (``wasmgen.strmethods``' ``str_split``: a few ns a word).

What native code sees is what it would have seen: a list of str records, the list's
elements in order. Each word's record maps back to the list's very element
(``EntryRecords.blocks``), so an exit hands the interpreter the strs CPython made, and
the iterator goes on from where native code left it, as for any list.

``split_sources`` finds, from the register code, the loop variables that hold such an
iterator and the registers of their ``text``; the transfer (``EntryRecords.note_splits``)
checks at each entry that ``text`` is a ``str`` exactly (a subclass may split otherwise)
and the iterator a list's, and the module's count of words must be the list's length,
else the list is copied as any other.

A hooked loop over ``text.split()`` of a long str starts with only the words before its trip
split (``tauraro.vm.lazysplit``): at the trip, the list the JIT's entry sees is those words,
and ``PENDING`` holds the rest of the text by the list's id. An entry then writes the list's
words and has the module split the rest after them (``transfer.EntryRecords._split_rest``),
so that neither CPython nor the entry makes the rest's strs; an exit tells the run where
native code left the words (``EntryRecords.iter_at``), and the run moves its own iterator
there.
"""
from __future__ import annotations

from ..compiler.liveness import modified_registers

# id(the words of a lazily split run, a list) -> that run (tauraro.vm.lazysplit.SplitRun: its
# ``parts``, the list; ``rest``, the str of the words after them; ``est``, about how many
# those are; ``total`` and ``index``, set by an entry that split the rest, and by its exit)
PENDING: dict = {}
_LIST_ITER = type(iter([]))


def pending_words(it) -> int:
    """About how many words the iterator ``it``'s list has beyond its elements: those of the
    rest of its run's text (``PENDING``), not split yet; 0 for any other iterator."""
    if PENDING and type(it) is _LIST_ITER:
        state = it.__reduce__()
        if len(state) == 3:
            run = PENDING.get(id(state[1][0]))
            if run is not None and run.parts is state[1][0]:
                return run.est
    return 0


def split_sources(code, loop) -> tuple:
    """``((iterator register, text register),)`` if ``loop`` (a ``for`` loop of ``code``)
    iterates ``text.split()`` -- no argument -- of a local variable ``text`` that no
    instruction of the loop writes; else ``()``."""
    h = loop.header
    if loop.kind != "for" or loop.target is None or h < 3:
        return ()
    get_iter, call, load = code.instrs[h - 1], code.instrs[h - 2], code.instrs[h - 3]
    if get_iter.op.name != "GET_ITER" or get_iter.args[0] != loop.target:
        return ()
    if call.op.name != "CALL" or len(call.args) != 2 or call.args[0] != get_iter.args[1]:
        return ()
    if load.op.name != "LOAD_ATTR" or load.args[0] != call.args[1] or code.names[load.args[2]] != "split":
        return ()
    text = load.args[1]
    if not 0 <= text < code.nlocals:
        return ()
    for pc in range(h, loop.end):
        if text in modified_registers(code.instrs[pc]):
            return ()
    return ((loop.target, text),)
