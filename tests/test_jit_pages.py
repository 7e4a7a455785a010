"""Warm pages moved between compiled loops' memories (``tauraro.jit.pages``).

A loop copying a big list in after another loop copied one gets that loop's pages, already
written, instead of fresh ones; the loop that gave them keeps the records it keeps between
entries, and its next entry finds fresh pages above them. Each program prints what CPython
prints, and the statistics say pages were moved.
"""
import mmap
import sys

import pytest

from test_jit import jit

from tauraro.jit import pages

linux_only = pytest.mark.skipif(not pages.AVAILABLE, reason="pages move only where mremap is")


@linux_only
def test_move_gives_the_pages_and_leaves_fresh_ones():
    n = 64 * mmap.PAGESIZE
    a, b = mmap.mmap(-1, n), mmap.mmap(-1, n)
    import ctypes
    at = ctypes.addressof(ctypes.c_char.from_buffer(a))
    bt = ctypes.addressof(ctypes.c_char.from_buffer(b))
    a[:] = bytes(range(256)) * (n // 256)
    b[:] = b"\x07" * n
    half = n // 2
    assert pages.move(at + half, bt, half)
    assert b[:half] == (bytes(range(256)) * (n // 256))[half:]    # the pages themselves
    assert b[half:] == b"\x07" * half                              # the rest untouched
    assert a[:half] == (bytes(range(256)) * (n // 256))[:half]
    assert a[half:] == bytes(half)                                 # fresh, zero pages
    # (not a mapping: nothing moves, nothing changes)
    assert not pages.move(mmap.PAGESIZE, bt, mmap.PAGESIZE)
    assert b[:half] == (bytes(range(256)) * (n // 256))[half:]
    del at, bt


@linux_only
def test_a_loop_gets_another_loops_pages_and_the_giver_keeps_its_kept_records(tmp_path):
    r = jit(tmp_path, """
        def total(xs):
            s = 0
            for x in xs:
                t = x
                for k in range(6):
                    t = (t * 31 + k) % 1000003
                s += t
            return s

        def biggest(xs):
            m = -1
            for x in xs:
                t = x
                for k in range(6):
                    t = (t * 37 + k) % 999983
                if t > m:
                    m = t
            return m

        def bump(xs, k):
            for i in range(len(xs)):
                xs[i] += k

        xs = list(range(0, 600000, 3))               # (no loop of the program's makes them)
        zs = list(range(250000, 0, -1))
        ys = [*range(-150000, 150000)]
        print(total(xs), total(xs), total(xs))      # xs kept by total's version
        print(total(zs))                            # zs's record above it: warm pages
        print(biggest(ys), biggest(xs))             # pages from total's memory, above xs's
        print(total(xs))                            # its kept record, pages above it fresh
        bump(ys, 3)
        print(total(ys), biggest(ys), total(xs), total(zs))
        bump(xs, -5)
        print(total(xs), biggest(xs), xs[:5], xs[-3:], total(ys))
    """)
    took = r.loop(13)["pages_moved"]
    gave = r.loop(4)["pages_moved"]
    assert took["in_bytes"] >= 1 << 20 and gave["out_bytes"] >= 1 << 20, (took, gave)
    # (the last entries found xs's record kept: fewer words copied than xs's entries had)
    assert r.loop(4)["copied_in"]["words"] < 7 * 200000 + 3 * 250000 + 300000


@linux_only
def test_a_list_of_bools_and_a_str_in_moved_pages(tmp_path):
    # the flags' records are made 0 and 1 in memory (flags.py), a long str's words spread
    # there (wasmgen.widen): both over pages another loop wrote
    r = jit(tmp_path, """
        def marks(n):
            flags = [True] * n
            for k in range(0, n, 3):
                flags[k] = False
            return flags

        def count(flags):
            c = 0
            for f in flags:
                if f:
                    c += 1
            return c

        def vowels(text):
            v = 0
            for ch in text:
                if ch in "aeiou":
                    v += 1
            return v

        def nonzero(xs):
            c = 0
            for x in xs:
                if x:
                    c += 1
            return c

        xs = [i % 7 for i in range(400000)]
        print(nonzero(xs))
        flags = marks(400000)
        print(count(flags), nonzero(xs))
        text = "the quick brown fox jumps over the lazy dog " * 20000
        print(vowels(text), count(flags), vowels(text[:1000]))
    """)
    moved = sum(row.get("pages_moved", {}).get("in_bytes", 0) for row in r.rows)
    assert moved >= 1 << 20, [row.get("pages_moved") for row in r.rows]
