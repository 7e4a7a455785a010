"""Ctrl-C while a compiled loop runs.

Python runs signal handlers between bytecodes, so an infinite native loop would
never see one. Instead: ``signal.set_wakeup_fd`` makes the C-level handler
write a byte to a pipe (a socket on Windows) even while native code runs; a watchdog thread wakes
up and sets the interrupt word (offset 0) in the running module's memory. Every
compiled loop polls that word at each back edge and, when set, exits at its
header with all state written back -- so, unlike a wasm trap (epoch
interruption would trap and lose the loop's state), the interpreter continues
from an exact state and Python's handler raises KeyboardInterrupt at the
loop's line.

Python's own SIGINT handler (the program's, or CPython's default) stays in place, so
``signal.getsignal`` shows the program what it set and a Ctrl-C's traceback is the
program's. It runs at the first bytecode after the native call returns; if that is
before the frame is written back, the controller finishes writing back (the exit
taken is in memory, and writing back is idempotent) and the baseline raises the
KeyboardInterrupt at the loop. (Swapping in a deferring handler around every native
run cost ~8 us an entry: ``signal.signal`` and ``getsignal`` are slow.)
"""
from __future__ import annotations

import _signal      # (signal.py's enums cost ~1 ms to import; set_wakeup_fd is _signal's)
import _thread      # (not threading: ~1 ms to import, for one thread that never ends)
import ctypes
import os

from ..boundary import BOUNDARY
from .threads import started_own


class InterruptWatchdog:
    _installed = None

    def __init__(self):
        # the memory of the module running now (the generated entry of a function compiled
        # whole sets it directly: tauraro.jit.functions)
        self.address = None
        self.signals = 0        # (signals seen: a handler's exception is the program's, see _run)
        if os.name == "posix":
            # a pipe (importing socket for a socketpair cost 2-3 ms of the JIT's start)
            self._rfd, wfd = os.pipe()
            os.set_blocking(wfd, False)
            self._keep = wfd
            self._read = None       # (os.read of the pipe, in _watch itself)
        else:                   # (Windows: the wakeup fd must be a socket)
            with BOUNDARY:
                import socket
            rsock, wsock = socket.socketpair()
            wsock.setblocking(False)
            self._keep = (rsock, wsock)
            self._read = lambda: rsock.recv(64)
            wfd = wsock.fileno()
        try:
            _signal.set_wakeup_fd(wfd, warn_on_full_buffer=False)
        except ValueError:      # (not the main thread)
            self._close()
            raise
        # (a daemon of sorts: a ``_thread`` thread is not waited for at the interpreter's exit;
        # counted out of the program's: tauraro.jit.threads)
        ready = _thread.allocate_lock()
        ready.acquire()
        _thread.start_new_thread(self._watch, (ready,))
        # (back once the thread waits in its read, which it does holding the GIL from the
        # lock's release on: a 3.12+ profiler is a sys.monitoring tool, which sees every
        # thread's calls. A watchdog started late, on a loaded machine, made its first calls
        # while the program's cProfile ran, and its stack's counts came out wrong)
        ready.acquire()
        started_own()

    def _close(self):
        if os.name == "posix":
            os.close(self._rfd)
            os.close(self._keep)
        else:
            for sock in self._keep:
                sock.close()

    @classmethod
    def install(cls):
        """The watchdog, started once (only from the main thread, where ``set_wakeup_fd``
        works; else None)."""
        if cls._installed is None:
            try:
                cls._installed = cls()
            except (ValueError, OSError):
                return None
        return cls._installed

    def _watch(self, ready):
        rfd = self._rfd if os.name == "posix" else None
        read = os.read
        ready.release()
        while True:
            try:
                # (os.read itself: a call of a method of its own would be seen by a profiler)
                data = read(rfd, 64) if rfd is not None else self._read()
            except OSError:
                return
            if not data:
                return
            self.signals += 1
            addr = self.address
            if addr is not None:
                ctypes.c_int32.from_address(addr).value = 1

    def running(self, memory_address):
        """Native code of the module at ``memory_address`` runs now: a SIGINT sets its flag."""
        self.address = memory_address

    def stopped(self):
        """Native code returned."""
        self.address = None

