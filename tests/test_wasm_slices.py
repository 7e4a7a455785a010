"""The native slice (tauraro.wasmgen.slices) against Python's: every start, stop and step
of a grid of small, negative, out-of-range and extreme values, with and without the ends
given, gives the elements CPython's slice gives; an immutable sequence sliced whole is
itself; a resizable result has its capacity before it; no room gives 0."""
import itertools
import struct

from wasm_harness import instantiate

from tauraro.wasmgen.module import Module
from tauraro.wasmgen.slices import add_slice_function

HEAP, HEAP_END = 16, 20
SRC = 64
I64_MAX, I64_MIN = (1 << 63) - 1, -(1 << 63)


def _instance():
    m = Module(name="slice_test")
    add_slice_function(m, HEAP, HEAP_END)
    m.add_export("seq_slice", "func", 0)
    m.set_memory(min_pages=4, export="memory")
    store, ex = instantiate(m)
    return store, ex["seq_slice"], ex["memory"]


def _words(store, mem, addr, n):
    return list(struct.unpack("<%dq" % n, mem.read(store, addr, addr + 8 * n))) if n else []


def _record(store, mem, rec):
    n = struct.unpack("<q", mem.read(store, rec, rec + 8))[0]
    return _words(store, mem, rec + 16, n)


def test_slices_like_python():
    store, fn, mem = _instance()
    for n in (0, 1, 5, 8, 40):      # (40: a step-1 slice longer than 16 words is one memory.copy)
        xs = [100 + i for i in range(n)]
        mem.write(store, struct.pack("<qq%dq" % n, n, 0, *xs), SRC)
        heap = 4096
        values = [None, 0, 1, 2, -1, -2, n, n + 1, -n, -n - 1, 3, 20, -20, I64_MAX, I64_MIN]
        steps = [None, 1, 2, 3, -1, -2, -3, I64_MAX, I64_MIN, -I64_MAX]
        for start, stop, step in itertools.product(values, values, steps):
            mem.write(store, struct.pack("<II", heap, heap + 1 << 16), HEAP)
            flags = (start is not None) | (stop is not None) << 1 | 4
            rec = fn(store, SRC, n, start or 0, stop or 0, 1 if step is None else step, flags)
            want = xs[start:stop:step]
            assert _record(store, mem, rec) == want, (n, start, stop, step)
            if want == xs and (step or 1) == 1:
                assert rec == SRC, (n, start, stop, step)       # (a str or tuple sliced whole: itself)
            else:
                assert rec != SRC
            # a list (not immutable) is always a new record; resizable: its capacity first
            mem.write(store, struct.pack("<II", heap, heap + 1 << 16), HEAP)
            rec = fn(store, SRC, n, start or 0, stop or 0, 1 if step is None else step, flags & 3 | 8)
            assert rec == heap + 16 and _record(store, mem, rec) == want
            assert _words(store, mem, rec - 8, 1) == [2 * len(want) + 16]


def test_no_room_gives_zero():
    store, fn, mem = _instance()
    mem.write(store, struct.pack("<qq4q", 4, 0, 1, 2, 3, 4), SRC)
    mem.write(store, struct.pack("<II", 4096, 4096 + 40), HEAP)      # (a record of 3 needs 48)
    assert fn(store, SRC, 4, 1, 0, 1, 1) == 0
    assert struct.unpack("<I", mem.read(store, HEAP, HEAP + 4))[0] == 4096
    assert fn(store, SRC, 4, 2, 0, 1, 1) == 4096      # (2 words: 32 bytes fit)
    assert struct.unpack("<I", mem.read(store, HEAP, HEAP + 4))[0] == 4096 + 32
