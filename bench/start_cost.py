"""What starting the JIT costs, once per run (``settings.START_SECONDS``).

    python bench/start_cost.py [N]            # median of N fresh processes (default 15)

Each process imports the controller first (it is imported when the first loop gets hot,
before the JIT may start: not part of the start), then times what starting the JIT does,
in the order the controller does it: importing its stages (emitter, IR recorder and
passes, layout, entry/exit code), importing ``tauraro.jit.native`` (loading the wasmtime
library), making the engine, installing the Ctrl-C watchdog and compiling the warm-up
module (``JitController._engine``). The check of the ported math functions, when a loop
calls one, comes on top (a cached verdict: ~1 ms). Run it side by side with another
checkout (``PYTHONPATH=... python bench/start_cost.py``): the machine's load scales
every figure.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ONE = r"""
import time
t00 = time.perf_counter()
from tauraro.jit.controller import _WARMUP_WASM
t0 = time.perf_counter()
from tauraro.jit import emit, layout, transfer
from tauraro.jit.ir import passes, record
t1 = time.perf_counter()
from tauraro.jit.native import NativeEngine
t2 = time.perf_counter()
engine = NativeEngine(cache_dir=None)
t3 = time.perf_counter()
from tauraro.jit.interrupt import InterruptWatchdog
InterruptWatchdog.install()
t4 = time.perf_counter()
engine.instantiate(engine.compile(_WARMUP_WASM)).entry("run")(0)
t5 = time.perf_counter()
print(*(round(1e3 * x, 3) for x in (t0 - t00, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0)))
"""
NAMES = ("controller (not the start)", "stages", "native (wasmtime library)", "engine", "watchdog",
         "warm-up module", "START")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    env = dict(os.environ)
    env.setdefault("PYTHONPATH", str(ROOT))
    rows = []
    for _ in range(n):
        out = subprocess.run([sys.executable, "-c", ONE], env=env, cwd="/", capture_output=True, text=True, check=True)
        rows.append([float(x) for x in out.stdout.split()])
    print("JIT start, median of %d fresh processes (ms), %s" % (n, os.getloadavg() and "load %.1f" % os.getloadavg()[0]))
    for k, name in enumerate(NAMES):
        print("  %-28s %7.1f" % (name, statistics.median(r[k] for r in rows)))


if __name__ == "__main__":
    main()
