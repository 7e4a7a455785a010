"""The JIT's defaults, importable without importing the JIT (start-up stays small)."""

DEFAULT_THRESHOLD = 1000      # loop iterations before a loop's hook asks for native code

# What starting the JIT costs, once per run: importing the JIT's stages and loading the
# wasmtime library, starting the engine and its Ctrl-C watchdog. Measured by
# bench/start_cost.py side by side with f56f439 (which imported wasmtime-py, hashlib and
# tempfile, and whose 90 ms here was that start): 32 ms against 101 ms at load 5.6 on the
# 2-CPU dev VM, so 90 ms scaled by 0.32. A loop's first trip starts it only if the work the
# loop is known to have left is worth that much, or once the program has run that long
# since its first loop got hot (JitController._start_pays). An explicit --jit-threshold
# starts it at the threshold, as before (0 here).
START_SECONDS = 0.03
