"""How often a loop's iterations, run as written, reach the lines where native code would leave.

A loop whose typing finds operations native code does not do in some of its branches
(``int()`` of a str, a str method, a value None on one path and a str on another) is
compiled only if its native runs would go on for a while: an exit taken on most
iterations leaves each entry after an iteration or none, and the compile -- with, the
first time, the JIT's start -- is lost (sudoku.py's parse loop, tiny_interpreter.py's
tokenizer, text_adventure.py's player loop: 20-40 ms each, 1-3% of those programs).
Which branches the baseline takes is not known to it: CPython runs the program's code.
So before the compile the loop's frame alone gets a trace function for its next
iterations, as a debugger sets one (``frame.f_trace``, and ``sys.settrace`` for the
thread, whose own function traces no other frame): its line events say, of each
iteration, whether it reached one of those lines. The controller reads the sample at
the loop's next trip (``JitController._exits_sampled``).

While the sample runs, a tracer is set, so the hooks of this and other loops wait
(``sys.gettrace()`` is not None: the instrumented code counts on), as under any tracer.
The sample ends after its iterations, when the frame returns or raises out, or at once
if another tracer is set meanwhile (the program's: it is left in place). A sample not
ended by the loop's next trip (no trip comes while a tracer is set: the program took
tracing away from it) is ended then, with what it counted.
"""
from __future__ import annotations

import sys


class LineSample:
    """``iterations`` sampled, and ``exiting``: how many of them reached one of ``lines``
    (line -> why native code would leave there; ``exits``: line -> how many times each was
    reached). ``done`` once it ended."""

    __slots__ = ("header", "lines", "wanted", "iterations", "exiting", "exits", "hit", "done", "_global")

    def __init__(self, header: int, lines, wanted: int):
        self.header = header
        self.lines = lines          # (the header's own line events count iterations)
        self.wanted = wanted
        self.iterations = 0
        self.exiting = 0
        self.exits = {}
        self.hit = False
        self.done = False
        self._global = None

    def start(self, frame) -> bool:
        """Trace ``frame``'s next iterations; False (and done) if a tracer is set already."""
        if sys.gettrace() is not None:
            self.done = True
            return False

        def no_other_frame(frame, event, arg):
            return None
        self._global = no_other_frame
        frame.f_trace_lines = True
        frame.f_trace = self._event
        sys.settrace(no_other_frame)
        return True

    def _event(self, frame, event, arg):
        if self.done:
            return None         # (ended meanwhile: the frame's tracing goes)
        if event == "line":
            line = frame.f_lineno
            if line == self.header:
                if self.hit:
                    self.exiting += 1
                    self.hit = False
                self.iterations += 1
                if self.iterations > self.wanted or sys.gettrace() is not self._global:
                    self.iterations -= 1        # (the first header event starts the first)
                    self.stop(frame)
                    return None
            elif line in self.lines and self.iterations:
                self.hit = True
                self.exits[line] = self.exits.get(line, 0) + 1
        elif event == "return":
            self.stop(frame)
            return None
        return self._event

    def stop(self, frame=None):
        """End the sample: ``frame``'s trace function goes (the sample's frame, at one of its
        events; the sample holds no frame, so that it keeps none of the program's objects),
        and the thread's if it is this sample's (the program may have set its own since)."""
        if self.done:
            return
        self.done = True
        if self.hit:
            self.exiting += 1
            self.hit = False
        if frame is not None and frame.f_trace == self._event:
            frame.f_trace = None
        if sys.gettrace() is self._global:
            sys.settrace(None)
