"""Slicing a record in wasm: ``a[start:stop:step]`` of a list, tuple or str.

A sequence is a record in linear memory, ``[len i64][dirty i64][one i64 word per
element]`` (a str's words are its code points); slicing one makes a new record of the
words it selects, from a bump allocator whose pointer and limit are two i32 words of
memory (the caller's layout says where). One function of the module, no host call:

    seq_slice(src: i32, n: i64, start: i64, stop: i64, step: i64, flags: i32) -> i32

``n`` is src's length, ``step`` is not 0 (the caller's guard: CPython raises there).
``flags``: 1 start given, 2 stop given (else the ends CPython's ``PySlice_Unpack``
puts there for the step's sign), 4 immutable (a str or tuple: the whole of it with step
1 is ``src`` itself, as CPython returns the very object), 8 resizable (room for twice
the new length and 16 more, the capacity in the word before the record, as a resizable
list's is). Other bits are the caller's own (not read here).
Indices are adjusted as ``PySlice_AdjustIndices`` does (negative from the end, then
clamped), so any int within 64 bits gives CPython's slice. It returns the new record's
address, or 0 if the allocator has no room for it (the caller leaves native code; the
interpreter slices).

``add_slice_function(module, heap, heap_end)`` adds it and returns its index.

Concatenating two strs (``a + b``) makes a new str record the same way, from the same
allocator:

    str_concat(a: i32, ca: i64, b: i32, cb: i64, flags: i32) -> i32

``flags``: 1 a is a character (its code point ``ca``; ``a`` is not read), 2 b is one
(``cb``), 4 there is no b (``chr(ca)`` boxed into a record: a character appended to a
list of str). Two records, one of them empty, give the other itself, as CPython's
``PyUnicode_Concat`` returns the very object. It returns 0 if the allocator has no room
(the caller leaves native code; the interpreter concatenates). A made str's second word
is 0: it has no key word until the intern table numbers it (``wasmgen/intern.py``).
``add_concat_function(module, heap, heap_end)`` adds it.
"""
from __future__ import annotations

HEADER = 16
I64_MAX = (1 << 63) - 1
I64_MIN = -(1 << 63)

# parameters, then locals
SRC, N, START, STOP, STEP, FLAGS, LEN, AT, REC, J, IDX, SIZE, CAP = range(13)
_LOCALS = [("len", "i64"), ("at", "i32"), ("rec", "i32"), ("j", "i64"), ("idx", "i64"), ("size", "i64"),
           ("cap", "i64")]


def _adjust(x: int) -> list:
    """PySlice_AdjustIndices on local ``x`` (start or stop): a negative one counts from
    the end, then it is clamped to -1..n-1 for a negative step, 0..n for a positive one."""
    neg = [("local.get", STEP), ("i64.const", 0), ("i64.lt_s",)]
    return [
        ("local.get", x), ("i64.const", 0), ("i64.lt_s",),
        ("if", None),
        ("local.get", x), ("local.get", N), ("i64.add",), ("local.set", x),
        ("local.get", x), ("i64.const", 0), ("i64.lt_s",),
        ("if", None), ("i64.const", -1), ("i64.const", 0), *neg, ("select",), ("local.set", x), ("end",),
        ("else",),
        ("local.get", x), ("local.get", N), ("i64.ge_s",),
        ("if", None),
        ("local.get", N), ("i64.const", 1), ("i64.sub",), ("local.get", N), *neg, ("select",), ("local.set", x),
        ("end",),
        ("end",),
    ]


def _default(x: int, bit: int, if_neg: int, if_pos: int) -> list:
    """An end not given: what PySlice_Unpack puts there for the step's sign."""
    return [
        ("local.get", FLAGS), ("i32.const", bit), ("i32.and",), ("i32.eqz",),
        ("if", None),
        ("i64.const", if_neg), ("i64.const", if_pos), ("local.get", STEP), ("i64.const", 0), ("i64.lt_s",),
        ("select",), ("local.set", x),
        ("end",),
    ]


def _allocate(heap: int, heap_end: int, at: int, size: int) -> list:
    """Bump allocation of ``size`` (an i64 local) bytes from the heap: its address into
    local ``at``, or a return of 0 (no room) when the pointer at ``heap`` would pass the
    limit at ``heap_end``."""
    return [
        ("i32.const", 0), ("i32.load", heap), ("local.tee", at), ("i64.extend_i32_u",), ("local.get", size), ("i64.add",),
        ("i32.const", 0), ("i32.load", heap_end), ("i64.extend_i32_u",), ("i64.gt_u",),
        ("if", None), ("i32.const", 0), ("return",), ("end",),
        ("i32.const", 0), ("local.get", at), ("local.get", size), ("i32.wrap_i64",), ("i32.add",), ("i32.store", heap),
    ]


def slice_body(heap: int, heap_end: int) -> list:
    return [
        # (PySlice_Unpack: a step of -2**63 is taken as -(2**63 - 1), so -step fits)
        ("local.get", STEP), ("i64.const", I64_MIN), ("i64.eq",),
        ("if", None), ("i64.const", -I64_MAX), ("local.set", STEP), ("end",),
        *_default(START, 1, I64_MAX, 0),
        *_default(STOP, 2, I64_MIN, I64_MAX),
        *_adjust(START),
        *_adjust(STOP),
        # the length: (start - stop - 1) // -step + 1 going down, (stop - start - 1) // step + 1
        # going up, if there is any element (the operands are all small now: no overflow)
        ("local.get", STEP), ("i64.const", 0), ("i64.lt_s",),
        ("if", None),
        ("local.get", STOP), ("local.get", START), ("i64.lt_s",),
        ("if", None),
        ("local.get", START), ("local.get", STOP), ("i64.sub",), ("i64.const", 1), ("i64.sub",),
        ("i64.const", 0), ("local.get", STEP), ("i64.sub",), ("i64.div_u",), ("i64.const", 1), ("i64.add",),
        ("local.set", LEN),
        ("end",),
        ("else",),
        ("local.get", START), ("local.get", STOP), ("i64.lt_s",),
        ("if", None),
        ("local.get", STOP), ("local.get", START), ("i64.sub",), ("i64.const", 1), ("i64.sub",),
        ("local.get", STEP), ("i64.div_u",), ("i64.const", 1), ("i64.add",),
        ("local.set", LEN),
        ("end",),
        ("end",),
        # an immutable sequence sliced whole is itself
        ("local.get", FLAGS), ("i32.const", 4), ("i32.and",), ("i32.const", 0), ("i32.ne",),
        ("local.get", START), ("i64.eqz",), ("i32.and",),
        ("local.get", STEP), ("i64.const", 1), ("i64.eq",), ("i32.and",),
        ("local.get", LEN), ("local.get", N), ("i64.eq",), ("i32.and",),
        ("if", None), ("local.get", SRC), ("return",), ("end",),
        # the room: header and words, 16-byte aligned; a resizable list's capacity (its
        # 16 bytes first) is 2 * len + 16, so appending to a slice does not leave at once
        ("local.get", LEN), ("i64.const", 1), ("i64.shl",), ("i64.const", 16), ("i64.add",), ("local.tee", CAP),
        ("local.get", LEN), ("local.get", FLAGS), ("i32.const", 8), ("i32.and",), ("select",),
        ("i64.const", 3), ("i64.shl",),
        ("i64.const", HEADER + 15), ("i64.add",),
        ("i64.const", 16), ("i64.const", 0), ("local.get", FLAGS), ("i32.const", 8), ("i32.and",), ("select",),
        ("i64.add",), ("i64.const", -16), ("i64.and",), ("local.set", SIZE),
        *_allocate(heap, heap_end, AT, SIZE),
        ("local.get", AT), ("local.set", REC),
        ("local.get", FLAGS), ("i32.const", 8), ("i32.and",),
        ("if", None),
        ("local.get", AT), ("local.get", CAP), ("i64.store", 8),
        ("local.get", AT), ("i32.const", 16), ("i32.add",), ("local.set", REC),
        ("end",),
        ("local.get", REC), ("local.get", LEN), ("i64.store", 0),
        ("local.get", REC), ("i64.const", 0), ("i64.store", 8),
        # the words: one copy for a step of 1 and a long slice, else one at a time (a
        # short memory.copy costs more than its few loads and stores)
        ("local.get", STEP), ("i64.const", 1), ("i64.eq",),
        ("local.get", LEN), ("i64.const", 16), ("i64.gt_u",), ("i32.and",),
        ("if", None),
        ("local.get", REC), ("i32.const", HEADER), ("i32.add",),
        ("local.get", SRC), ("i32.const", HEADER), ("i32.add",),
        ("local.get", START), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.get", LEN), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",),
        ("memory.copy",),
        ("else",),
        ("local.get", START), ("local.set", IDX),
        ("block", None), ("loop", None),
        ("local.get", J), ("local.get", LEN), ("i64.ge_s",), ("br_if", 1),
        ("local.get", REC), ("local.get", J), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.get", SRC), ("local.get", IDX), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("i64.load", HEADER),
        ("i64.store", HEADER),
        ("local.get", IDX), ("local.get", STEP), ("i64.add",), ("local.set", IDX),
        ("local.get", J), ("i64.const", 1), ("i64.add",), ("local.set", J),
        ("br", 0), ("end",), ("end",),
        ("end",),
        ("local.get", REC),
    ]


def add_slice_function(module, heap: int, heap_end: int) -> int:
    """Add ``seq_slice`` to ``module`` (``heap``, ``heap_end``: the addresses of the
    allocation pointer and limit); its index."""
    return module.add_function(
        name="seq_slice", params=[("src", "i32"), ("n", "i64"), ("start", "i64"), ("stop", "i64"),
                                  ("step", "i64"), ("flags", "i32")],
        results=["i32"], locals=_LOCALS, body=slice_body(heap, heap_end))


# str_concat: parameters, then locals
CA, CCA, CB, CCB, CFLAGS, LA, LB, CAT, CSIZE, CJ = range(10)
_CONCAT_LOCALS = [("la", "i64"), ("lb", "i64"), ("at", "i32"), ("size", "i64"), ("j", "i64")]


def _copy_words(dst_at: list, src: int, n: int) -> list:
    """Copies ``n`` (a local) words from record ``src``'s (a local) to the address
    ``dst_at`` leaves on the stack plus HEADER: word by word up to 16 (a short
    ``memory.copy`` is a call into the runtime), else one ``memory.copy``."""
    return [
        ("local.get", n), ("i64.const", 16), ("i64.gt_u",),
        ("if", None),
        *dst_at, ("i32.const", HEADER), ("i32.add",),
        ("local.get", src), ("i32.const", HEADER), ("i32.add",),
        ("local.get", n), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",),
        ("memory.copy",),
        ("else",),
        ("i64.const", 0), ("local.set", CJ),
        ("block", None), ("loop", None),
        ("local.get", CJ), ("local.get", n), ("i64.ge_s",), ("br_if", 1),
        *dst_at, ("local.get", CJ), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.get", src), ("local.get", CJ), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("i64.load", HEADER),
        ("i64.store", HEADER),
        ("local.get", CJ), ("i64.const", 1), ("i64.add",), ("local.set", CJ),
        ("br", 0), ("end",), ("end",),
        ("end",),
    ]


def concat_body(heap: int, heap_end: int) -> list:
    # the lengths: a character's is 1, nothing's (flag 4) 0, a record's its first word
    b_rec = [("local.get", CFLAGS), ("i32.const", 6), ("i32.and",), ("i32.eqz",)]
    return [
        ("i64.const", 1),
        ("local.get", CA), ("i64.load", 0),
        ("local.get", CFLAGS), ("i32.const", 1), ("i32.and",), ("select",), ("local.set", LA),
        ("local.get", CFLAGS), ("i32.const", 4), ("i32.and",),
        ("if", None),
        ("i64.const", 0), ("local.set", LB),
        ("else",),
        ("i64.const", 1),
        ("local.get", CB), ("i64.load", 0),
        ("local.get", CFLAGS), ("i32.const", 2), ("i32.and",), ("select",), ("local.set", LB),
        ("end",),
        # two records, one empty: the other itself (CPython's unicode_concatenate returns
        # the very object; an exit gives it back)
        ("local.get", CFLAGS), ("i32.eqz",),
        ("if", None),
        ("local.get", LA), ("i64.eqz",), ("if", None), ("local.get", CB), ("return",), ("end",),
        ("local.get", LB), ("i64.eqz",), ("if", None), ("local.get", CA), ("return",), ("end",),
        ("end",),
        # the room: header and words, 16-byte aligned
        ("local.get", LA), ("local.get", LB), ("i64.add",), ("i64.const", 3), ("i64.shl",),
        ("i64.const", HEADER + 15), ("i64.add",), ("i64.const", -16), ("i64.and",), ("local.set", CSIZE),
        *_allocate(heap, heap_end, CAT, CSIZE),
        ("local.get", CAT), ("local.get", LA), ("local.get", LB), ("i64.add",), ("i64.store", 0),
        ("local.get", CAT), ("i64.const", 0), ("i64.store", 8),
        # a's words (or its one character), then b's after them
        ("local.get", CFLAGS), ("i32.const", 1), ("i32.and",),
        ("if", None),
        ("local.get", CAT), ("local.get", CCA), ("i64.store", HEADER),
        ("else",),
        *_copy_words([("local.get", CAT)], CA, LA),
        ("end",),
        ("local.get", CFLAGS), ("i32.const", 2), ("i32.and",),
        ("if", None),
        ("local.get", CAT), ("local.get", LA), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",), ("i32.add",),
        ("local.get", CCB), ("i64.store", HEADER),
        ("end",),
        *b_rec,
        ("if", None),
        *_copy_words([("local.get", CAT), ("local.get", LA), ("i32.wrap_i64",), ("i32.const", 3), ("i32.shl",),
                      ("i32.add",)], CB, LB),
        ("end",),
        ("local.get", CAT),
    ]


def add_concat_function(module, heap: int, heap_end: int) -> int:
    """Add ``str_concat`` to ``module`` (``heap``, ``heap_end``: the addresses of the
    allocation pointer and limit); its index."""
    return module.add_function(
        name="str_concat", params=[("a", "i32"), ("ca", "i64"), ("b", "i32"), ("cb", "i64"), ("flags", "i32")],
        results=["i32"], locals=_CONCAT_LOCALS, body=concat_body(heap, heap_end))
