"""The suite runs Tauraro with the JIT started at the first loop that gets hot.

By default a loop's first trip starts the JIT (~20 ms: importing its stages, wasmtime, the
engine) only when the work it is known to have left, or the program's time since its first
hot loop, would pay for that (``JitController._start_pays``). The suite's programs are small on
purpose, so under that rule most would never start it, and the JIT's exactness would go
untested. An explicit threshold (here through the environment, which every run below
inherits) starts the JIT at the threshold as before. ``tests/test_jit_start.py`` tests the
default rule itself, with the variable removed.
"""
import os
import signal

os.environ.setdefault("TAURARO_JIT_THRESHOLD", "1000")

# The Ctrl-C tests stand for a terminal's Ctrl-C. A shell without job control starts a
# background command (``.ci/run &``) with SIGINT ignored, which every process it starts
# inherits -- the programs under test would then ignore it, as python3 would, and spin on.
# Handled here, the programs started below get their interpreter's own handler.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def _compile_the_checkout():
    """Every run below imports Tauraro from this checkout (``harness._env`` puts it first
    on PYTHONPATH) with PYTHONDONTWRITEBYTECODE set, so that programs under test leave no
    ``__pycache__`` behind. Without compiled files a fresh clone's every run then compiled
    Tauraro's own sources again: ~0.45 s at the first hot loop (the JIT's modules), which
    made the suite slower and a test's "0.5 s in, the loop is native" false under load.
    Python reads ``.pyc`` files even when it writes none, so they are written once here
    (atomically, and only where out of date: each xdist worker may do it)."""
    import compileall
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    for package in ("tauraro", "cli"):
        compileall.compile_dir(str(root / package), quiet=2)


_compile_the_checkout()
