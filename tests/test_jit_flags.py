"""Long lists of bools copied through their arrays of element pointers (tauraro.jit.flags,
tauraro.wasmgen.flags): the module's two functions on their own, writing back with True's
and False's reference counts kept exact, and programs whose lists of bools are long enough
to go that way, compared with CPython on stdout, exit code and the whole of stderr."""
import struct
import sys

import pytest
from wasm_harness import LoneModule

from test_jit import jit
from tauraro.jit import flags
from tauraro.wasmgen.flags import add_flag_functions

pytestmark = pytest.mark.skipif(not flags.POINTERS, reason="list objects laid out otherwise here")


def memory(pages=4):
    """A module with only the two functions, and its memory."""
    return LoneModule(add_flag_functions, ("flags_in", "flags_out"), pages)


def test_flags_in_turns_pointers_into_flags_and_counts_the_true_ones():
    m = memory()
    xs = [True, False, False, True, True, False]
    m.write(64, struct.pack("<6Q", *map(id, xs)))
    assert m.flags_in(64, 6, id(True), id(False)) == 3
    assert m.words(64, 6) == [1, 0, 0, 1, 1, 0]
    # (anything neither True nor False: -1, wherever it is)
    for bad in (1, None, 0):
        ys = [True] * 5 + [bad] + [False] * 3
        m.write(64, struct.pack("<9Q", *map(id, ys)))
        assert m.flags_in(64, 9, id(True), id(False)) == -1, bad
    assert m.flags_in(64, 0, id(True), id(False)) == 0


def test_flags_out_writes_only_the_two_pointers_it_is_given():
    m = memory()
    m.write(64, struct.pack("<5q", 0, 1, -1, 1 << 40, 0))
    assert m.flags_out(64, 5, 111, 222, 512) == 3
    assert m.words(512, 5) == [222, 111, 111, 111, 222]
    assert m.words(64, 5) == [0, 1, -1, 1 << 40, 0]         # (what it read is left as it was)


def _held(xs):
    return sum(1 for x in xs if x is True), sum(1 for x in xs if x is False)


@pytest.mark.parametrize("chunk", [1000, 1 << 16])
def test_a_list_written_back_through_its_pointers_keeps_reference_counts_exact(monkeypatch, chunk):
    monkeypatch.setattr(flags, "POINTERS_CHUNK", chunk)
    m = memory(pages=8)
    n = 2500
    xs = [k % 3 == 0 for k in range(n)]
    new = [k % 7 < 4 for k in range(n)]
    m.write(64, struct.pack("<%dq" % n, *new))
    t0, f0 = _held(xs)
    rt, rf = sys.getrefcount(True), sys.getrefcount(False)
    assert flags.pointers_back(xs, n, m.address, 64, 64 + 8 * n, m.flags_in, m.flags_out)
    assert xs == new and all(type(x) is bool for x in xs)
    t1, f1 = _held(xs)
    if sys.getrefcount(True) < 1 << 31:        # (immortal from 3.12: nothing to move)
        assert (sys.getrefcount(True) - rt, sys.getrefcount(False) - rf) == (t1 - t0, f1 - f0)
    # the words stay as they were (an exit may read the record again)
    assert m.words(64, 3) == [int(b) for b in new[:3]]
    # a list the wrong length, or holding something not a bool, is not written
    assert not flags.pointers_back(xs[:-1], n, m.address, 64, 64 + 8 * n, m.flags_in, m.flags_out)


def test_a_list_holding_an_int_is_written_up_to_its_chunk_and_counts_stay_exact(monkeypatch):
    monkeypatch.setattr(flags, "POINTERS_CHUNK", 1000)
    m = memory(pages=8)
    n = 2500
    xs = [False] * n
    xs[1500] = 1                                # (in the second chunk)
    m.write(64, struct.pack("<%dq" % n, *([1] * n)))
    rt, rf = sys.getrefcount(True), sys.getrefcount(False)
    assert not flags.pointers_back(xs, n, m.address, 64, 64 + 8 * n, m.flags_in, m.flags_out)
    assert xs[:1000] == [True] * 1000 and xs[1000:] == [False] * 500 + [1] + [False] * 999
    assert type(xs[1500]) is int
    if sys.getrefcount(True) < 1 << 31:
        assert (sys.getrefcount(True) - rt, sys.getrefcount(False) - rf) == (1000, -1000)


def test_long_flag_lists_flipped_marked_and_counted(tmp_path):
    r = jit(tmp_path, """
        import sys

        def flip(flags, step):
            for k in range(0, len(flags), step):
                flags[k] = not flags[k]

        def count(flags):
            c = 0
            for f in flags:
                if f:
                    c += 1
            return c

        def held(xs):
            return sum(1 for x in xs if x is True), sum(1 for x in xs if x is False)

        flags = [k % 3 == 0 for k in range(50_000)]
        alias = flags
        out = []
        for i in range(40):
            flip(flags, 1 + i % 7)
            out.append(count(alias))
        print(out[-5:], held(flags), flags[:12])
        # a list of lists of bools, each row long
        grid = [[(r + c) % 4 == 0 for c in range(3000)] for r in range(6)]
        for rep in range(8):
            for row in grid:
                flip(row, 1 + rep)
        print([count(row) for row in grid], held(grid[3]))
        # (True and False held as many times as before: their counts moved with the lists)
        print(all(type(x) is bool for x in flags), sys.getrefcount(True) > 0)
    """)
    assert r.loop(5)["native_iterations"] > 500_000, r.loop(5)
    assert r.loop(5)["written_back"]["words"] >= 50_000, r.loop(5)


def test_a_long_list_with_one_int_among_its_bools_is_not_copied_as_flags(tmp_path):
    # the pointers copied in are checked: an int 1 (equal to True, not a bool) where a
    # long list's type sample does not look fails the entry, and the list runs as CPython
    # runs it (a mutation treating the int as False gave another xs[2500])
    r = jit(tmp_path, """
        def flip(flags):
            for k in range(len(flags)):
                flags[k] = not flags[k]

        xs = [k % 2 == 0 for k in range(5000)]
        flip(xs); flip(xs)
        xs[2500] = 1
        flip(xs)
        print(xs[2498:2503], [type(x).__name__ for x in xs[2499:2502]])
        xs[2500] = True
        flip(xs); flip(xs)
        print(sum(xs), xs[:4], xs[2500])
        ys = [True] * 4000
        ys[3999] = 0.0
        flip(ys)
        print(ys[-3:])
    """)
    assert r.loop(3)["native_iterations"] >= 9999, r.loop(3)        # (the first two flips)


def test_a_loop_storing_an_int_into_a_long_list_of_bools_leaves_it_exact(tmp_path):
    # native code stores bools only; an int stored mid-loop is the interpreter's, after
    # the flags so far were written back
    jit(tmp_path, """
        def mark(flags, bad):
            for k in range(len(flags)):
                if k == bad:
                    flags[k] = 2
                else:
                    flags[k] = k % 3 != 0

        xs = [False] * 6000
        mark(xs, -1)
        mark(xs, -1)
        mark(xs, 4000)
        print(sum(1 for x in xs if x is True), xs[3998:4003], type(xs[4000]).__name__)
    """)


def test_an_interrupt_between_a_chunks_copy_and_its_counts_never_leaves_a_count_too_low(monkeypatch):
    # a KeyboardInterrupt may arrive as the copy over the list's array returns (the exit's
    # writing back is then run again): True's and False's counts may be left too high (a
    # leak of an immortal-to-be object), never too low (a freed True)
    monkeypatch.setattr(flags, "POINTERS_CHUNK", 1000)
    m = memory(pages=8)
    n = 2500
    real = flags._memmove
    calls = []

    def interrupted(dst, src, size):
        real(dst, src, size)
        calls.append(dst)
        if len(calls) == 4:             # (the second chunk's copy over the list's array)
            raise KeyboardInterrupt
    for old_flag, new_flag in ((False, True), (True, False)):
        xs = [old_flag] * n
        m.write(64, struct.pack("<%dq" % n, *([int(new_flag)] * n)))
        rt, rf = sys.getrefcount(True), sys.getrefcount(False)
        calls.clear()
        monkeypatch.setattr(flags, "_memmove", interrupted)
        with pytest.raises(KeyboardInterrupt):
            flags.pointers_back(xs, n, m.address, 64, 64 + 8 * n, m.flags_in, m.flags_out)
        monkeypatch.setattr(flags, "_memmove", real)
        assert flags.pointers_back(xs, n, m.address, 64, 64 + 8 * n, m.flags_in, m.flags_out)
        assert xs == [new_flag] * n
        if sys.getrefcount(True) < 1 << 31:
            held_true = n if new_flag else -n
            assert sys.getrefcount(True) - rt >= held_true, (old_flag, sys.getrefcount(True) - rt)
            assert sys.getrefcount(False) - rf >= -held_true, (old_flag, sys.getrefcount(False) - rf)
