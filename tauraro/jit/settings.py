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
# what a loop's compile costs, at most, before any was timed: bench/compile_latency.py's
# loops' on a quiet machine, ~2-3 ms, Cranelift's cache missed (JitController._compile_wait,
# _compile_estimate)
COMPILE_SECONDS = 0.0025
# the share of its work left a module-level loop's first entry may copy, beside its compile
# and the JIT's start (JitController._first_entry_limit): the native run costs too --
# word_pairs.py's pairs loop, ~20-35 ms natively making its strs, was let copy ~110 ms of
# words for a limit of 112 (a timed stretch's, 56-113 ms from run to run) and lost ~70 ms.
# So module-level work known to be worth less than (START_SECONDS + COMPILE_SECONDS) /
# FIRST_ENTRY_SHARE does not start the JIT (tauraro.vm.start_gate)
FIRST_ENTRY_SHARE = 0.75
# the program's time since its first hot loop after which the hook's start gate lets every
# trip through to the controller (tauraro.vm.start_gate): half the start's cost, of which the
# controller's imports are about the other half
GATE_SECONDS = START_SECONDS / 2
# what --jit-stats says of a loop whose trip did not start the JIT (its work left and the
# start's cost, in ms)
NOT_STARTED = "the JIT was not started: the work this loop was known to have left (%.2f ms) " \
              "would not pay for its start (%.0f ms)"
# what the baseline spends on an iteration of a simple loop, at least (CPython 3.11 on the
# dev VM: 30-60 ns)
BASELINE_SECONDS_PER_ITERATION = 25e-9
# a loop whose trip did not start the JIT trips again after about this much of its work
# (JitController._start_pays, and before the controller is made tauraro.vm.start_gate)
START_CHECK_SECONDS = 0.005
FIRST_CHECK_ITERATIONS = 200    # (after its first: see _start_pays)
START_COUNTDOWN = 16
# the most iterations a loop with loops nested in it counts to its next trip while the JIT
# is not started (JitController._start_pays)
NESTING_START_MOST = 512
# native iterations an entry must yield, on average, for entering to pay
MIN_ITERATIONS_PER_ENTRY = 128
# a for loop that had fewer than SHORT_LEFT iterations left at each of SHORT_TRIPS trips
# (and has no loop nested in it, and never entered) is left to the baseline uncompiled
# (JitController._short_runs, and before the controller is made tauraro.vm.start_gate)
SHORT_LEFT = MIN_ITERATIONS_PER_ENTRY // 4
SHORT_TRIPS = 6
