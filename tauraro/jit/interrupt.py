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

import ctypes
import os
import signal
import threading

from ..boundary import BOUNDARY


class InterruptWatchdog:
    _installed = None

    def __init__(self):
        # the memory of the module running now (the generated entry of a function compiled
        # whole sets it directly: tauraro.jit.functions)
        self.address = None
        if os.name == "posix":
            # a pipe (importing socket for a socketpair cost 2-3 ms of the JIT's start)
            self._rfd, wfd = os.pipe()
            os.set_blocking(wfd, False)
            self._keep = wfd
            self._read = self._read_pipe
        else:                   # (Windows: the wakeup fd must be a socket)
            with BOUNDARY:
                import socket
            rsock, wsock = socket.socketpair()
            wsock.setblocking(False)
            self._keep = (rsock, wsock)
            self._read = lambda: rsock.recv(64)
            wfd = wsock.fileno()
        signal.set_wakeup_fd(wfd, warn_on_full_buffer=False)
        self._thread = threading.Thread(target=self._watch, name="tauraro-interrupt", daemon=True)
        self._thread.start()

    @classmethod
    def install(cls):
        """The watchdog, started once (only from the main thread; else None)."""
        if cls._installed is None:
            if threading.current_thread() is not threading.main_thread():
                return None
            try:
                cls._installed = cls()
            except (ValueError, OSError):
                return None
        return cls._installed

    def _read_pipe(self):
        return os.read(self._rfd, 64)

    def _watch(self):
        while True:
            try:
                data = self._read()
            except OSError:
                return
            if not data:
                return
            addr = self.address
            if addr is not None:
                ctypes.c_int32.from_address(addr).value = 1

    def running(self, memory_address):
        """Native code of the module at ``memory_address`` runs now: a SIGINT sets its flag."""
        self.address = memory_address

    def stopped(self):
        """Native code returned."""
        self.address = None

