"""Warm pages moved from one compiled loop's memory to another's, where the host copies in.

Every loop version has a linear memory of its own, and an entry writes its records into it.
A page the process has never written costs the kernel a fault and a zeroed page the first
time it is written: about 1 ms a megabyte on the dev VM (a memset of 40 MB took 36-41 ms
fresh, 2.4 ms again). So a program whose loops each copy the same big data paid for it
afresh in each loop's memory: sieve.py's flags (5*10^6 words, 40 MB) were written into four
memories, ~150 ms of its 0.5 s, and grid_dp.py's tables into five.

Between its entries a version's memory holds nothing it needs above its static part (the
layout's ``data_base``: slots, exit area, tables, the module's data segments) and the
records it keeps from one entry to the next (below ``Transfer.kept_end``): the next entry
writes its records again. So the pages a version wrote above those are moved, while it is
not entering, to where another version's entry is about to write (``mremap``: the kernel
moves the page-table entries, no byte is copied), and fresh ones are mapped where they
were. The receiver finds the old contents of the pages where it writes, as its own second
entry finds its first entry's: the host writes every record before native code reads it.

Only on Linux (``mremap``), only for loop versions (a function compiled whole keeps its own
memory: ``functions.FunctionMemory``), and only while one entry is under way
(``Memories.entries``: an entry inside another's, through a destructor run by a write-back,
moves nothing, so no donor can be in the middle of an entry). Pages are moved in chunks of
at least MOVE_LEAST bytes, and at most MOVES_MAX times a process: each move splits the
mappings (the kernel's map count is limited). Where pages were moved from, the memory
reads as zeros; where they went, as whatever the donor had written.
"""
from __future__ import annotations

import ctypes
import mmap
import sys
from _weakrefset import WeakSet     # (weakref's own, without importing weakref: ~0.6 ms)

PAGE = mmap.PAGESIZE
# (bytes: the least worth a move -- ~0.25 ms of fresh pages, against ~20-50 us for the
# calls -- so an entry writing little moves nothing, and versions entered in turn do not
# pass pages back and forth at every entry)
MOVE_LEAST = 256 << 10
GIVE_LEAST = 64 << 10       # (bytes: the least a donor gives at a time)
MOVES_MAX = 4096            # (moves in a process: each makes up to three mappings)

_PROT_RW = 0x1 | 0x2
_MAP_PRIVATE, _MAP_ANONYMOUS, _MAP_FIXED = 0x02, 0x20, 0x10
_MREMAP_MAYMOVE, _MREMAP_FIXED = 1, 2
_FAILED = ctypes.c_void_p(-1).value


def _libc():
    """mmap and mremap from the C library (Linux on x86-64 or aarch64), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        # (PyDLL: the calls keep the GIL, so no other thread of the program starts an entry
        # between the check that one entry is under way and the move)
        libc = ctypes.PyDLL(None, use_errno=True)
        mmap_, mremap = libc.mmap, libc.mremap
    except (OSError, AttributeError):
        return None
    mmap_.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long)
    mmap_.restype = ctypes.c_void_p
    # (variadic in C: its fifth argument, the new address, is read with MREMAP_FIXED; on
    # these ABIs a variadic pointer travels where a fixed one does)
    mremap.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_int, ctypes.c_void_p)
    mremap.restype = ctypes.c_void_p
    return mmap_, mremap


_CALLS = _libc()
AVAILABLE = _CALLS is not None


def move(src: int, dst: int, length: int) -> bool:
    """Move the ``length`` bytes of pages at address ``src`` to ``dst`` (both page-aligned,
    both in private anonymous read-write mappings; what was at ``dst`` is unmapped), and map
    fresh zero pages at ``src``. False if the pages could not be moved (nothing changed:
    the range spans mappings made apart, say). Raises OSError if ``src`` could not be mapped
    again (its memory would be a hole: the caller must never let it be used)."""
    mmap_, mremap = _CALLS
    if mremap(src, length, length, _MREMAP_MAYMOVE | _MREMAP_FIXED, dst) in (None, _FAILED):
        return False
    if mmap_(src, length, _PROT_RW, _MAP_PRIVATE | _MAP_ANONYMOUS | _MAP_FIXED, -1, 0) in (None, _FAILED):
        raise OSError(ctypes.get_errno(), "fresh pages could not be mapped where pages were moved from")
    return True


def _up(n: int) -> int:
    return -(-n // PAGE) * PAGE


def _down(n: int) -> int:
    return n // PAGE * PAGE


class Memories:
    """The memories of the loop versions that may give or take pages (their Transfers, held
    weakly), and how many entries are under way."""

    def __init__(self):
        self.transfers = WeakSet()
        self.entries = 0        # (entries under way: JitController.enter)
        self.moves = 0          # (moves made in this process: MOVES_MAX)

    def add(self, transfer):
        if AVAILABLE:
            self.transfers.add(transfer)

    def warm(self, taker, start: int, end: int) -> int:
        """Before the entry of ``taker`` (a Transfer) writes memory from ``start`` to ``end``
        (nothing it needs at or past ``start``), move warm pages of other versions there:
        the pages from ``start`` (rounded up to a page) to ``end``, or as many as the entry
        wrote before if more, no further than ``taker``'s memory reaches, if that is
        MOVE_LEAST bytes at least. The bytes moved; None if no page can be moved in this
        entry (another is under way, the moves are spent, or no other version has warm pages
        to give): its writer need not ask again until its next entry."""
        if self.entries != 1 or self.moves >= MOVES_MAX:
            return None
        lo = _up(max(start, taker.warm_end))
        want = _up(end) - lo
        if want <= 0:
            return 0
        # (as much again as the entry wrote before: a table's rows come in a few moves)
        want = min(max(want, lo - _up(taker.kept_end)), _down(taker.instance.memory_size) - lo)
        if want < MOVE_LEAST:
            return 0
        got = 0
        donors = sorted((t for t in self.transfers if t is not taker and t.instance is not None),
                        key=lambda t: t.warm_end - t.layout.data_base, reverse=True)
        base = taker.instance.memory_address
        for donor in donors:
            if got >= want or self.moves >= MOVES_MAX:
                break
            floor = _up(donor.kept_end)     # (the records it keeps stay: Transfer.kept)
            top = _up(donor.warm_end)
            take = min(want - got, top - floor) // PAGE * PAGE
            while take >= GIVE_LEAST:
                src = donor.instance.memory_address + top - take
                try:
                    done = move(src, base + lo + got, take)
                except OSError:         # (its memory has a hole: it never enters again)
                    donor.lost_memory()
                    break
                if done:
                    self.moves += 1
                    donor.gave(top - take)
                    donor.moved_out += take
                    got += take
                    break
                take = take // 2 // PAGE * PAGE     # (the top of the range alone: one mapping)
        if not got:
            return None
        taker.moved_in += got
        taker.warm_end = max(taker.warm_end, lo + got)
        return got


MEMORIES = Memories()
