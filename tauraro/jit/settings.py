"""The JIT's defaults, importable without importing the JIT (start-up stays small)."""

DEFAULT_THRESHOLD = 1000      # loop iterations before a loop's hook asks for native code

# What starting the JIT costs, once per run: importing the JIT's stages and loading the
# wasmtime library, starting the engine and its Ctrl-C watchdog, and the first loop's
# compile. A loop's first trip starts it only if the work the loop is known to have left is
# worth that much, or once the program has run that long since its first loop got hot
# (JitController._start_pays: waiting as long as the start costs, a program pays at most
# twice what it would have run as written). An explicit --jit-threshold starts it at the
# threshold, as before (0 here). Measured by bench/start_cost.py: 32 ms at load 5.6 on the
# 2-CPU dev VM when this was set to 0.03 (fifth session); 15.4 ms at load 0.1 and 17.4 at
# load 1.1 on 2026-12-04 (the engine made aside, the watchdog on _thread: eighteenth
# session), with a first compile's median of 2.6-3.7 ms (bench/compile_latency.py).
START_SECONDS = 0.02
