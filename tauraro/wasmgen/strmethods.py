"""str methods that make strs, in wasm: ``strip``, ``lstrip``, ``rstrip``, ``lower``,
``upper``, and the words of ``split()``.

A str is a record ``[len i64][key i64][one i64 word per code point]`` (``wasmgen.strings``);
the new ones come from the bump allocator ``seq_slice`` and ``str_concat`` use
(``wasmgen.slices``), and carry 0 as their key word (numbered by contents where a table
needs them: ``wasmgen.intern``). Functions of the module, no host call:

    str_strip(a: i32, b: i32, c: i64, flags: i32) -> i32
        ``a`` stripped at the left (flags & 1) and the right (flags & 2) of the code points
        of the str ``b``, of the code point ``c`` (flags & 8: ``b`` is not read), or of
        whitespace (flags & 4: ``str.isspace``'s, as ``strip()`` with no argument takes),
        in CPython's order: the left end first, the right end not past it. ``a`` itself if
        nothing is stripped (CPython returns the very object); 0 if the allocator has no
        room (the caller leaves native code).
    str_case(a: i32, flags: i32) -> i32
        ``a.lower()`` (flags 0) or ``a.upper()`` (flags 1) of a str of ASCII code points:
        ``A``-``Z`` and ``a``-``z`` move by 32. 0 if ``a`` holds a code point past 127 (its
        case mapping is the interpreter's: ``"ß".upper()`` is ``"SS"``) or there is no room.
        Always a new record, as CPython makes a new str even where the case does not
        change (``w.lower() is w`` is false).

    str_split_list(a: i32) -> i32
        ``a.split()``: a new list record ``[n][0][n slots]`` of new str records, its words
        (counted first, then written as ``str_split`` writes them, the list and its words
        in one allocation, its unused end given back to the heap); 0 if there is no room.

and one the host calls at an entry (exported), before the loop's code runs:

    str_split(src: i32, width: i32, length: i64, slots: i32, recs: i32, n: i64) -> i64
        ``text.split()`` of the str whose ``length`` code points are the bytes at ``src``,
        ``width`` 1 (latin-1) or 4 (UTF-32) each, as ``str.encode`` gives them: the runs of
        code points that are not whitespace, each written as a str record at ``recs`` (end
        to end, ``16 + 8 * len`` bytes each) and its address into the next i64 slot from
        ``slots``; the number of words, or -1 if there are more than ``n`` (the host's list
        is then not this str's split, and the entry copies it as it is). The host reserved
        ``16 * n + 8 * length`` bytes from ``recs`` and put the bytes at their end: front to
        back, a word's record ends where the bytes not yet read begin at the latest (as
        ``wasmgen.widen`` goes over its own source), so the str needs no record of its own.

Whitespace is ``str.isspace``'s (``Py_UNICODE_ISSPACE``, which ``split()`` and ``strip()``
use): U+0009-U+000D, U+001C-U+0020, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
U+2029, U+202F, U+205F and U+3000.
"""
from __future__ import annotations

from .slices import _allocate

HEADER = 16
SPACES = (0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)     # (and 0x2000-0x200A)


def is_space(cp: int) -> list:
    """Push 1 if the i64 local ``cp`` is whitespace (``str.isspace``), else 0."""
    out = [("local.get", cp), ("i64.const", 0x2000), ("i64.sub",), ("i64.const", 10), ("i64.le_u",)]
    for s in SPACES:
        out += [("local.get", cp), ("i64.const", s), ("i64.eq",), ("i32.or",)]
    return [
        ("local.get", cp), ("i64.const", 9), ("i64.sub",), ("i64.const", 4), ("i64.le_u",),
        ("local.get", cp), ("i64.const", 28), ("i64.sub",), ("i64.const", 4), ("i64.le_u",), ("i32.or",),
        ("local.get", cp), ("i64.const", 0x85), ("i64.ge_u",),
        ("if", "i32"), *out, ("else",), ("i32.const", 0), ("end",),
        ("i32.or",),
    ]


def _word_at(rec: int, index: int) -> list:
    """Push the address of word ``index`` (an i64 local) of the record in local ``rec``,
    less HEADER (loads and stores add it as their offset)."""
    return [("local.get", rec), ("local.get", index), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",)]


def _copy_body(dst: int, src: int, start: int, length: int, k: int) -> list:
    """Copy ``length`` words of record ``src`` from word ``start`` to record ``dst``'s
    words (locals; ``k`` a scratch i64)."""
    return [
        ("i64.const", 0), ("local.set", k),
        ("block", None), ("loop", None),
        ("local.get", k), ("local.get", length), ("i64.ge_s",), ("br_if", 1),
        *_word_at(dst, k),
        ("local.get", src), ("local.get", k), ("local.get", start), ("i64.add",), ("i32.wrap_i64",),
        ("i32.const", 3), ("i32.shl",), ("i32.add",), ("i64.load", HEADER),
        ("i64.store", HEADER),
        ("local.get", k), ("i64.const", 1), ("i64.add",), ("local.set", k),
        ("br", 0), ("end",), ("end",),
    ]


def _new_record(heap: int, heap_end: int, at: int, size: int, length: int) -> list:
    """Allocate a str record of ``length`` (an i64 local) words into local ``at`` (``size``
    a scratch i64; a return of 0 when there is no room), its length and key word set."""
    return [
        ("local.get", length), ("i64.const", 3), ("i64.shl",), ("i64.const", HEADER + 15), ("i64.add",),
        ("i64.const", -16), ("i64.and",), ("local.set", size),
        *_allocate(heap, heap_end, at, size),
        ("local.get", at), ("local.get", length), ("i64.store", 0),
        ("local.get", at), ("i64.const", 0), ("i64.store", 8),
    ]


# str_strip: parameters, then locals
SA, SB, SC, SFLAGS, SN, SI, SJ, SK, SM, SCP, SFOUND, SAT, SSIZE, SLEN = range(14)
_STRIP_LOCALS = [("n", "i64"), ("i", "i64"), ("j", "i64"), ("k", "i64"), ("m", "i64"), ("cp", "i64"),
                 ("found", "i32"), ("at", "i32"), ("size", "i64"), ("len", "i64")]


def _stripped() -> list:
    """Push 1 if local SCP is one of the code points stripped (see str_strip's flags)."""
    return [
        ("local.get", SFLAGS), ("i32.const", 4), ("i32.and",),
        ("if", "i32"), *is_space(SCP),
        ("else",),
        ("local.get", SFLAGS), ("i32.const", 8), ("i32.and",),
        ("if", "i32"), ("local.get", SCP), ("local.get", SC), ("i64.eq",),
        ("else",),
        ("i32.const", 0), ("local.set", SFOUND),
        ("i64.const", 0), ("local.set", SK),
        ("block", None), ("loop", None),
        ("local.get", SK), ("local.get", SM), ("i64.ge_s",), ("br_if", 1),
        *_word_at(SB, SK), ("i64.load", HEADER), ("local.get", SCP), ("i64.eq",),
        ("if", None), ("i32.const", 1), ("local.set", SFOUND), ("br", 2), ("end",),
        ("local.get", SK), ("i64.const", 1), ("i64.add",), ("local.set", SK),
        ("br", 0), ("end",), ("end",),
        ("local.get", SFOUND),
        ("end",),
        ("end",),
    ]


def strip_body(heap: int, heap_end: int) -> list:
    return [
        ("local.get", SA), ("i64.load", 0), ("local.tee", SN), ("local.set", SJ),
        ("local.get", SFLAGS), ("i32.const", 12), ("i32.and",), ("i32.eqz",),
        ("if", None), ("local.get", SB), ("i64.load", 0), ("local.set", SM), ("end",),
        # the left end
        ("local.get", SFLAGS), ("i32.const", 1), ("i32.and",),
        ("if", None),
        ("block", None), ("loop", None),
        ("local.get", SI), ("local.get", SJ), ("i64.ge_s",), ("br_if", 1),
        *_word_at(SA, SI), ("i64.load", HEADER), ("local.set", SCP),
        *_stripped(), ("i32.eqz",), ("br_if", 1),
        ("local.get", SI), ("i64.const", 1), ("i64.add",), ("local.set", SI),
        ("br", 0), ("end",), ("end",),
        ("end",),
        # the right end, not past the left
        ("local.get", SFLAGS), ("i32.const", 2), ("i32.and",),
        ("if", None),
        ("block", None), ("loop", None),
        ("local.get", SJ), ("local.get", SI), ("i64.le_s",), ("br_if", 1),
        ("local.get", SJ), ("i64.const", 1), ("i64.sub",), ("local.set", SK),
        *_word_at(SA, SK), ("i64.load", HEADER), ("local.set", SCP),
        *_stripped(), ("i32.eqz",), ("br_if", 1),
        ("local.get", SJ), ("i64.const", 1), ("i64.sub",), ("local.set", SJ),
        ("br", 0), ("end",), ("end",),
        ("end",),
        # nothing stripped: the str itself
        ("local.get", SI), ("i64.eqz",), ("local.get", SJ), ("local.get", SN), ("i64.eq",), ("i32.and",),
        ("if", None), ("local.get", SA), ("return",), ("end",),
        ("local.get", SJ), ("local.get", SI), ("i64.sub",), ("local.set", SLEN),
        *_new_record(heap, heap_end, SAT, SSIZE, SLEN),
        *_copy_body(SAT, SA, SI, SLEN, SK),
        ("local.get", SAT),
    ]


# str_case: parameters, then locals
CA, CFLAGS, CN, CK, CCP, CLO, CAT, CSIZE = range(8)
_CASE_LOCALS = [("n", "i64"), ("k", "i64"), ("cp", "i64"), ("lo", "i64"), ("at", "i32"), ("size", "i64")]


def case_body(heap: int, heap_end: int) -> list:
    # (the first letter of the case moved: "A" for lower(), "a" for upper())
    return [
        ("i64.const", 97), ("i64.const", 65), ("local.get", CFLAGS), ("select",), ("local.set", CLO),
        ("local.get", CA), ("i64.load", 0), ("local.set", CN),
        # a look at every code point first: one past ASCII leaves
        ("block", None), ("loop", None),
        ("local.get", CK), ("local.get", CN), ("i64.ge_s",), ("br_if", 1),
        *_word_at(CA, CK), ("i64.load", HEADER),
        ("i64.const", 127), ("i64.gt_u",),
        ("if", None), ("i32.const", 0), ("return",), ("end",),
        ("local.get", CK), ("i64.const", 1), ("i64.add",), ("local.set", CK),
        ("br", 0), ("end",), ("end",),
        *_new_record(heap, heap_end, CAT, CSIZE, CN),
        ("i64.const", 0), ("local.set", CK),
        ("block", None), ("loop", None),
        ("local.get", CK), ("local.get", CN), ("i64.ge_s",), ("br_if", 1),
        *_word_at(CAT, CK),
        *_word_at(CA, CK), ("i64.load", HEADER), ("local.tee", CCP),
        # (a letter of the case moved: 32 added for lower(), taken for upper())
        ("local.get", CCP), ("local.get", CLO), ("i64.sub",), ("i64.const", 25), ("i64.le_u",),
        ("if", "i64"),
        ("i64.const", -32), ("i64.const", 32), ("local.get", CFLAGS), ("select",),
        ("else",), ("i64.const", 0), ("end",),
        ("i64.add",),
        ("i64.store", HEADER),
        ("local.get", CK), ("i64.const", 1), ("i64.add",), ("local.set", CK),
        ("br", 0), ("end",), ("end",),
        ("local.get", CAT),
    ]


# str_split: parameters, then locals
PSRC, PWIDTH, PLEN, PSLOTS, PRECS, PN, PI, PSTART, PCOUNT, PCP, PWLEN = range(11)
_SPLIT_LOCALS = [("i", "i64"), ("start", "i64"), ("count", "i64"), ("cp", "i64"), ("wlen", "i64")]


def _split_loop(load: str, shift: int, overflow=(("i64.const", -1),)) -> list:
    """str_split's scan for code points of one width (``load`` of it, ``shift`` its log2):
    each word's code points stored into its record as they are read (one pass), the
    record's header and slot when it ends; more words than PN returns ``overflow``."""
    def cp_at_i():
        return [("local.get", PSRC), ("local.get", PI), ("i32.wrap_i64",), ("i32.const", shift), ("i32.shl",),
                ("i32.add",), (load, 0), ("local.set", PCP)]
    return [
        ("block", None), ("loop", None),
        # the spaces before a word
        ("block", None), ("loop", None),
        ("local.get", PI), ("local.get", PLEN), ("i64.ge_s",), ("br_if", 1),
        *cp_at_i(), *is_space(PCP), ("i32.eqz",), ("br_if", 1),
        ("local.get", PI), ("i64.const", 1), ("i64.add",), ("local.set", PI),
        ("br", 0), ("end",), ("end",),
        ("local.get", PI), ("local.get", PLEN), ("i64.ge_s",), ("br_if", 1),
        ("local.get", PCOUNT), ("local.get", PN), ("i64.ge_s",),
        ("if", None), *overflow, ("return",), ("end",),
        # a word: its code points into its record's words, to the next space or the end
        # (each read before the word stored over it: see the docstring)
        ("local.get", PI), ("local.set", PSTART),
        ("block", None), ("loop", None),
        ("local.get", PI), ("local.get", PLEN), ("i64.ge_s",), ("br_if", 1),
        *cp_at_i(), *is_space(PCP), ("br_if", 1),
        ("local.get", PRECS), ("local.get", PI), ("local.get", PSTART), ("i64.sub",), ("i32.wrap_i64",),
        ("i32.const", 3), ("i32.shl",), ("i32.add",), ("local.get", PCP), ("i64.store", HEADER),
        ("local.get", PI), ("i64.const", 1), ("i64.add",), ("local.set", PI),
        ("br", 0), ("end",), ("end",),
        ("local.get", PI), ("local.get", PSTART), ("i64.sub",), ("local.set", PWLEN),
        ("local.get", PRECS), ("local.get", PWLEN), ("i64.store", 0),
        ("local.get", PRECS), ("i64.const", 0), ("i64.store", 8),
        ("local.get", PSLOTS), ("local.get", PCOUNT), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.get", PRECS), ("i64.extend_i32_u",), ("i64.store", 0),
        ("local.get", PRECS), ("local.get", PWLEN), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",),
        ("i32.const", HEADER), ("i32.add",), ("i32.add",), ("local.set", PRECS),
        ("local.get", PCOUNT), ("i64.const", 1), ("i64.add",), ("local.set", PCOUNT),
        ("br", 0), ("end",), ("end",),
    ]


# str_split_list: locals after str_split's (its scan, _split_loop, shared)
PREC, PLIST, PSIZE = 11, 12, 13
_SPLIT_LIST_LOCALS = [("width", "i32"), ("len", "i64"), ("slots", "i32"), ("recs", "i32"), ("n", "i64")] + \
    _SPLIT_LOCALS + [("rec", "i32"), ("list", "i32"), ("size", "i64")]


def split_list_body(heap: int, heap_end: int) -> list:
    # (param 0, the str's record, becomes the address of its first word: PSRC)
    return [
        ("local.get", PSRC), ("local.set", PREC),
        ("local.get", PREC), ("i64.load", 0), ("local.set", PLEN),
        ("local.get", PREC), ("i32.const", HEADER), ("i32.add",), ("local.set", PSRC),
        # the words, counted: a code point not a space after a space (or at the start)
        ("i32.const", 1), ("local.set", PWIDTH),      # (the previous one was a space)
        ("block", None), ("loop", None),
        ("local.get", PI), ("local.get", PLEN), ("i64.ge_s",), ("br_if", 1),
        ("local.get", PSRC), ("local.get", PI), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("i64.load", 0), ("local.set", PCP),
        *is_space(PCP), ("local.tee", PSLOTS),
        ("i32.eqz",), ("local.get", PWIDTH), ("i32.and",),
        ("if", None), ("local.get", PN), ("i64.const", 1), ("i64.add",), ("local.set", PN), ("end",),
        ("local.get", PSLOTS), ("local.set", PWIDTH),
        ("local.get", PI), ("i64.const", 1), ("i64.add",), ("local.set", PI),
        ("br", 0), ("end",), ("end",),
        ("i64.const", 0), ("local.set", PI),
        # room for the list and its words at most (each word's record: 16 bytes and its code
        # points), from the heap
        ("local.get", PN), ("i64.const", 24), ("i64.mul",), ("local.get", PLEN), ("i64.const", 3), ("i64.shl",),
        ("i64.add",), ("i64.const", HEADER + 15), ("i64.add",), ("i64.const", -16), ("i64.and",),
        ("local.set", PSIZE),
        *_allocate(heap, heap_end, PLIST, PSIZE),
        ("local.get", PLIST), ("local.get", PN), ("i64.store", 0),
        ("local.get", PLIST), ("i64.const", 0), ("i64.store", 8),
        ("local.get", PLIST), ("i32.const", HEADER), ("i32.add",), ("local.set", PSLOTS),
        ("local.get", PSLOTS), ("local.get", PN), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.set", PRECS),
        *_split_loop("i64.load", 3, (("i32.const", 0),)),      # (never: PN words were counted)
        # the heap's pointer back to the end of what was written
        ("i32.const", 0),
        ("local.get", PRECS), ("i32.const", 15), ("i32.add",), ("i32.const", -16), ("i32.and",),
        ("i32.store", heap),
        ("local.get", PLIST),
    ]


def split_body() -> list:
    return [
        ("local.get", PWIDTH), ("i32.const", 1), ("i32.eq",),
        ("if", None), *_split_loop("i64.load8_u", 0),
        ("else",), *_split_loop("i64.load32_u", 2),
        ("end",),
        ("local.get", PCOUNT),
    ]


def add_strip_function(module, heap: int, heap_end: int) -> int:
    """Add ``str_strip`` (``heap``, ``heap_end``: the allocator's pointer and limit); its index."""
    return module.add_function(
        name="str_strip", params=[("a", "i32"), ("b", "i32"), ("c", "i64"), ("flags", "i32")], results=["i32"],
        locals=_STRIP_LOCALS, body=strip_body(heap, heap_end))


def add_case_function(module, heap: int, heap_end: int) -> int:
    """Add ``str_case``; its index."""
    return module.add_function(
        name="str_case", params=[("a", "i32"), ("flags", "i32")], results=["i32"],
        locals=_CASE_LOCALS, body=case_body(heap, heap_end))


def add_split_list_function(module, heap: int, heap_end: int) -> int:
    """Add ``str_split_list``; its index."""
    return module.add_function(
        name="str_split_list", params=[("a", "i32")], results=["i32"], locals=_SPLIT_LIST_LOCALS,
        body=split_list_body(heap, heap_end))


def add_split_function(module) -> int:
    """Add ``str_split``, exported under that name (the host calls it at an entry); its index."""
    return module.add_function(
        name="str_split", params=[("src", "i32"), ("width", "i32"), ("length", "i64"), ("slots", "i32"),
                                  ("recs", "i32"), ("n", "i64")],
        results=["i64"], locals=_SPLIT_LOCALS, body=split_body(), export="str_split")
