"""Running the program's module code with no launcher frames above it.

Under ``python3 prog.py`` the program's module frame is the first frame of the
thread: ``f_back`` is None, and ``traceback.print_stack``, ``inspect.stack``,
pdb's ``where`` and ``warnings``' stack levels see nothing above it. Tauraro's
launcher (the console script, the command line, the program runner) is
Python code, so a plain ``exec`` would put its frames there.

CPython links a new frame to the thread's current frame when it starts running
it. So, just around the C call that evaluates the program's code
(``PyEval_EvalCode``), the thread's current-frame pointer is cleared, and
restored when the call returns: the program's frame starts a fresh chain.
Where that pointer lives is found by looking for the running frame's own
address in the thread state (directly in 3.13; through the C-frame record in
3.11 and 3.12), checked at two call depths and only at readable addresses. If
it is not found, the program runs under a plain ``exec``.
"""
from __future__ import annotations

import ctypes
import sys

_WORD = ctypes.sizeof(ctypes.c_void_p)
_F_FRAME = 3 * _WORD      # PyFrameObject: ob_refcnt, ob_type, f_back, then f_frame


def _read(addr: int) -> int:
    return ctypes.c_void_p.from_address(addr).value or 0


def _readable_ranges():
    ranges = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split()
                if len(parts) > 1 and parts[1].startswith("r"):
                    lo, hi = parts[0].split("-")
                    ranges.append((int(lo, 16), int(hi, 16)))
    except OSError:
        return None
    return ranges


def _readable(ranges, addr: int) -> bool:
    return any(lo <= addr and addr + 16 <= hi for lo, hi in ranges)


class FrameSlot:
    """Where the thread state keeps its current frame: ``tstate + offset``, or
    ``*(tstate + offset) + inner`` (the C-frame record of 3.11 and 3.12)."""

    def __init__(self, tstate: int, offset: int, inner: int | None):
        self.tstate = tstate
        self.offset = offset
        self.inner = inner

    def address(self) -> int:
        if self.inner is None:
            return self.tstate + self.offset
        return _read(self.tstate + self.offset) + self.inner


def _candidates(tstate, ranges):
    # reads are inline (a call of a Python function would push a frame and change the answer)
    word = ctypes.c_void_p.from_address
    cur = word(id(sys._getframe(0)) + _F_FRAME).value     # this very frame is the current one
    words = [word(tstate + off).value or 0 for off in range(0, 64 * _WORD, _WORD)]
    found = set()
    # _PyCFrame is {use_tracing (a byte), current_frame, previous} in 3.11 and
    # {current_frame, previous} in 3.12; 3.13 keeps current_frame in the thread state
    inner = {(3, 11): _WORD, (3, 12): 0}.get(sys.version_info[:2])
    for k, p in enumerate(words):
        if inner is None:
            if p == cur:
                found.add((k * _WORD, None))
        elif p and p % _WORD == 0 and _readable(ranges, p) and word(p + inner).value == cur:
            found.add((k * _WORD, inner))
    return found


def _probe_a(tstate, ranges):
    return _candidates(tstate, ranges)


def _probe_b(tstate, ranges):
    return _probe_a(tstate, ranges)


_SLOT = False


def frame_slot():
    """The FrameSlot of this thread, or None where it cannot be found safely."""
    global _SLOT
    if _SLOT is False:
        _SLOT = None
        if sys.implementation.name == "cpython" and sys.version_info >= (3, 11):
            ranges = _readable_ranges()
            if ranges is not None:
                get = ctypes.pythonapi.PyThreadState_Get
                get.restype = ctypes.c_void_p
                tstate = get()
                if tstate and _readable(ranges, tstate):
                    common = _probe_a(tstate, ranges) & _probe_b(tstate, ranges)
                    if len(common) == 1:
                        off, inner = common.pop()
                        _SLOT = FrameSlot(tstate, off, inner)
    return _SLOT


# CPython 3.11+ keeps frames in chunks of a per-thread data stack: a frame that does not
# fit in the current chunk starts a new one (16 KB, or the power-of-two multiple of that
# the frame needs), freed -- unmapped -- when that frame returns. A recursion going back
# and forth across a chunk's end maps and unmaps a chunk at each crossing: where the end
# falls depends on the frames under the program, and under Tauraro's launcher
# tiny_interpreter.py's recursion crossed one ~9,400 times (~25,000 under another
# launcher: 0.3 s of system time and page faults), CPython's own ~200. So ``run_detached``'s
# frame reserves ROOM_WORDS stack slots it never uses: it starts a chunk twice that size,
# and the program's frames go into the other half (untouched pages cost nothing).
ROOM_WORDS = 1 << 17        # (1 MB: a recursion ~5,000 frames deep stays in one chunk)


def _with_room(fn):
    """``fn``, its frame ROOM_WORDS slots bigger (see ROOM_WORDS)."""
    code = fn.__code__
    fn.__code__ = code.replace(co_stacksize=code.co_stacksize + ROOM_WORDS)
    return fn


@_with_room
def run_detached(code, namespace: dict) -> None:
    """``exec(code, namespace)``, with the code's frame first in the thread's chain, in a
    chunk of the thread's data stack with ROOM_WORDS slots of room."""
    slot = frame_slot()
    if slot is None:
        exec(code, namespace)
        return
    evaluate = ctypes.pythonapi.PyEval_EvalCode
    evaluate.argtypes = (ctypes.py_object, ctypes.py_object, ctypes.py_object)
    evaluate.restype = ctypes.py_object
    cell = ctypes.c_void_p.from_address(slot.address())
    saved = cell.value
    cell.value = None
    try:
        evaluate(code, namespace, namespace)
    finally:
        cell.value = saved
