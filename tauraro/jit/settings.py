"""The JIT's defaults, importable without importing the JIT (start-up stays small)."""

DEFAULT_THRESHOLD = 1000      # loop iterations before a loop's hook asks for native code

# What starting the JIT costs, once per run: importing wasmtime and the JIT's stages, starting
# the engine and its Ctrl-C watchdog (80-100 ms on the dev VM, of which ~40 ms is wasmtime's
# own import). A loop's first trip starts it only if the work the loop is known to have left
# is worth that much, or once the program has run that long since its first loop got hot
# (JitController._start_pays). An explicit --jit-threshold starts it at the threshold, as
# before (0 here).
START_SECONDS = 0.09
