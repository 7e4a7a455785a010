"""The suite runs Tauraro with the JIT started at the first loop that gets hot.

By default a loop's first trip starts the JIT (~90 ms: importing wasmtime, the engine) only
when the work it is known to have left, or the program's time since its first hot loop,
would pay for that (``JitController._start_pays``). The suite's programs are small on
purpose, so under that rule most would never start it, and the JIT's exactness would go
untested. An explicit threshold (here through the environment, which every run below
inherits) starts the JIT at the threshold as before. ``tests/test_jit_start.py`` tests the
default rule itself, with the variable removed.
"""
import os

os.environ.setdefault("TAURARO_JIT_THRESHOLD", "1000")
