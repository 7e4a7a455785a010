"""Ctrl-C while a compiled loop runs.

Python runs signal handlers between bytecodes, so an infinite native loop would
never see one. Instead: ``signal.set_wakeup_fd`` makes the C-level handler
write a byte to a socket even while native code runs; a watchdog thread wakes
up and sets the interrupt word (offset 0) in the running module's memory. Every
compiled loop polls that word at each back edge and, when set, exits at its
header with all state written back -- so, unlike a wasm trap (epoch
interruption would trap and lose the loop's state), the interpreter continues
from an exact state and Python's handler raises KeyboardInterrupt at the
loop's line.

Between the call and the end of unpacking, the SIGINT handler is deferred so
the KeyboardInterrupt is raised only once the frame is consistent again: the
watchdog's handler is the SIGINT handler only then (and only in the main thread,
where Python runs handlers). The rest of the time the program's own handler (or
CPython's default) is in place, so ``signal.getsignal`` shows the program what it
set, and a Ctrl-C's traceback is the program's alone.
"""
from __future__ import annotations

import ctypes
import signal
import socket
import threading


class InterruptWatchdog:
    _installed = None

    def __init__(self):
        self._address = None
        self._critical = False
        self._pending = None
        self._previous = None
        self._main = threading.main_thread().ident
        self._rsock, self._wsock = socket.socketpair()
        self._wsock.setblocking(False)
        signal.set_wakeup_fd(self._wsock.fileno(), warn_on_full_buffer=False)
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

    def _watch(self):
        while True:
            try:
                data = self._rsock.recv(64)
            except OSError:
                return
            if not data:
                return
            addr = self._address
            if addr is not None:
                ctypes.c_int32.from_address(addr).value = 1

    def _handler(self, signum, frame):
        if self._critical:
            self._pending = (signum, frame)
            return
        self._call_previous(signum, frame)

    def _call_previous(self, signum, frame):
        prev = self._previous
        if callable(prev):
            prev(signum, frame)
        elif prev != signal.SIG_IGN:
            raise KeyboardInterrupt

    def running(self, memory_address):
        """Native code of the module at ``memory_address`` runs now: a SIGINT sets its
        flag, and Python's handler is deferred until done()."""
        self._address = memory_address
        if threading.get_ident() == self._main:
            previous = signal.getsignal(signal.SIGINT)
            if previous is not None:        # (None: a handler not set from Python; left alone)
                self._previous = previous
                signal.signal(signal.SIGINT, self._handler)
                self._critical = True

    def stopped(self):
        """Native code returned (the frame is still being written back)."""
        self._address = None

    def done(self):
        """The frame is consistent again: deliver a deferred SIGINT."""
        self._address = None
        if not self._critical:
            return
        self._critical = False
        signal.signal(signal.SIGINT, self._previous)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._call_previous(*pending)
