"""Cost of one native entry+exit of a JIT-compiled loop, in microseconds.

Run with the project venv:  .venv/bin/python bench/entry_overhead.py [--quick]

What one "entry" is: the interpreter reaches a back edge of a compiled loop and
calls the JIT controller, which reads the loop's live values, checks their
types (picks the compiled version), packs them into the module's linear memory,
calls the native ``run`` function, unpacks the exit record and the changed
values back into registers, updates statistics and resumes the interpreter.

Method 1 -- A/B timing of whole programs.  A Tauraro
program defines

    def f(n):
        s = 0
        for i in range(n):
            s += i
        return s

calls f(5000) once (so the loop is compiled under the JIT), then times K calls
of f(2) and of f(102) with time.perf_counter().  After a compiled loop exits
normally its back-edge counter is left one short of the threshold, so under
the JIT every call of f(2) runs one iteration in the interpreter, enters native
code at the first back edge, runs the second iteration natively and exits.
The same program is run with ``--no-jit``, where f(2) interprets both
iterations.  So

    entry+exit = T_jit(f(2)) - T_nojit(f(2)) + t_iter,
    t_iter     = (T_nojit(f(102)) - T_nojit(f(2))) / 100   (one interpreted iteration)

(a native iteration is ~1 ns, negligible).  The same is repeated for a loop
with six live values (ints and floats) and for loops that index a list of 10,
1,000 and 100,000 ints -- a list is copied into linear memory on every entry,
so its cost grows with the list's length.

(Since the JIT judges entries, f(2)'s calls stop entering once a run of one native
iteration is found not to pay for one: Method 1's differences then measure the hook's
counting, not an entry. The headline is Method 2's.)

Method 2 -- in-process breakdown (the headline figure).  A program calling only f(200)
K times (a call whose count trips enters native code once: 200 iterations pay for it) is
run in a child process
through tauraro's command line (in process) with a JitController whose parts are
wrapped by timers (each wrapper adds ~0.1-0.2 us): the version's generated
entry code (type checks and packing), the native call itself, the generated
exit code (unpacking and storing), the Ctrl-C watchdog calls, and the post-exit
bookkeeping (_after_exit: iteration statistics, back-off policy).
The raw NativeInstance.entry() call of the same compiled module is timed too.
Only the trips of f's loop are timed (the driving loop at module level trips and
compiles too: averaged in, its one compile read as ~4 us more an entry). The headline
is the median round trip from the hook (``LoopSite._trip``: the loop's registers read
from the frame, the controller's trip, the exit's values handed back), from a second
run without the parts' timers; a median, not a mean, which one garbage collection
falling in a trip moves by ~4 us over a thousand.

Target: <= 3 us per entry (issue 8; the scalar-loop case).

Both methods run with an explicit ``--jit-threshold``: by default the JIT starts only
once the program's hot loops would pay for its start, and does not enter runs too short
for an entry to pay (f(2)'s) -- this measures the entry itself, not that policy.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK = "--quick" in sys.argv
K = 5_000 if QUICK else 20_000
RUNS = 3 if QUICK else 5

PROGRAM = '''
import sys
import time

K = int(sys.argv[1])


# (``*more``: a plain function of positional parameters running a loop is compiled whole
# once called often, and its calls make no trips of its loop: Method 3's)
def f(n, *more):
    s = 0
    for i in range(n):
        s += i
    return s


def g(n, x, y, *more):
    a = 1
    b = 2.5
    c = 0
    d = 1.0
    for i in range(n):
        a += i
        b = b * 0.5 + x
        c ^= i
        d = d + y
    return a, b, c, d


def h(lst, n, *more):
    s = 0
    for i in range(n):
        s += lst[i]
    return s


def timed(fn, *args):
    k = K
    if args and type(args[0]) is list and len(args[0]) > 10000:
        k = max(20, K // 200)
    t0 = time.perf_counter()
    for _ in range(k):
        fn(*args)
    return (time.perf_counter() - t0) / k * 1e6


f(5000)
g(5000, 0.25, 1.0)
h(list(range(5000)), 5000)     # one compiled version serves every list of ints
lists = {m: list(range(m)) for m in (10, 1000, 100000)}
# a version's second entry compiles its generated entry code (the first runs it
# interpreted: tauraro.jit.transfer), once; the timings are of the entries after it
f(2), g(2, 0.25, 1.0), h(lists[10], 2)
res = {
    "f2": timed(f, 2), "f102": timed(f, 102),
    "g2": timed(g, 2, 0.25, 1.0), "g102": timed(g, 102, 0.25, 1.0),
}
for m, lst in lists.items():
    res["h%d_2" % m] = timed(h, lst, 2)
res["f0"] = timed(f, 0)
print(res)
'''

PROGRAM_F = '''
import sys


def f(n, *more):     # (not compiled whole: see PROGRAM)
    s = 0
    for i in range(n):
        s += i
    return s


f(5000)
f(200)      # (the second entry compiles the generated entry code: not timed below)
for _ in range(int(sys.argv[1])):
    f(200)
'''

BREAKDOWN_CHILD = r'''
import sys, time, json
sys.path.insert(0, sys.argv[1])
from tauraro.jit import controller as C, layout as L, interrupt as I, native as NV
acc = {}
cnt = {}
# (the first trips compile the loop and its transfer code, ~20-50 ms: not an entry's cost,
# and averaged over a thousand entries they looked like 20 us of each. Parts are timed
# from the trip after the first WARM on)
WARM = 3
trips = [0]
in_f = [False]          # (a trip of f's loop under way: only those are timed)
each = []               # (each timed trip of f's loop, for the median)

def timer(label, fn):
    def w(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            if in_f[0] and trips[0] > WARM:
                acc[label] = acc.get(label, 0.0) + time.perf_counter() - t
                cnt[label] = cnt.get(label, 0) + 1
    return w


_trip = C.JitController.trip


def trip(self, st, *a, **k):
    # (the driving loop at module level trips too -- and compiles, ~4 ms, once: averaged
    # over a thousand of f's entries it read as 4 us more of each)
    if st.code.qualname != "f":
        return _trip(self, st, *a, **k)
    return timed(_trip, self, st, *a, **k)


def timed(_trip, self, st, *a, **k):
    trips[0] += 1
    in_f[0] = True
    t = time.perf_counter()
    try:
        return _trip(self, st, *a, **k)
    finally:
        d = time.perf_counter() - t
        in_f[0] = False
        if trips[0] > WARM:
            acc["trip (whole round trip)"] = acc.get("trip (whole round trip)", 0.0) + d
            cnt["trip (whole round trip)"] = cnt.get("trip (whole round trip)", 0) + 1
            each.append(d)


C.JitController.trip = trip
_steady = C.JitController.steady


def steady(self, st, *a, **k):
    # (the hook's steady lane enters through the controller's steady entry, not its trip:
    # timed as a trip, unless a trip under way called it)
    if in_f[0] or st.code.qualname != "f":
        return _steady(self, st, *a, **k)
    return timed(_steady, self, st, *a, **k)


C.JitController.steady = steady
from tauraro.vm import hooks as H
_hook_trip = H.LoopSite._trip
hook_each = []          # (each trip of f's loop from the hook: reading its registers, the
                        # controller's trip, writing the exit's values back into the frame)


def hook_trip(self, frame, *a, **k):
    if frame.f_code.co_name != "f":
        return _hook_trip(self, frame, *a, **k)
    t = time.perf_counter()
    try:
        return _hook_trip(self, frame, *a, **k)
    finally:
        if trips[0] > WARM:
            hook_each.append(time.perf_counter() - t)


H.LoopSite._trip = hook_trip
_lane_trip = H.LoopSite._lane_trip


def lane_trip(self, target, frame, *a, **k):
    # (the trips of the hook's steady lane: LoopSite._lane_trip)
    if frame.f_code.co_name != "f":
        return _lane_trip(self, target, frame, *a, **k)
    t = time.perf_counter()
    try:
        return _lane_trip(self, target, frame, *a, **k)
    finally:
        if trips[0] > WARM:
            hook_each.append(time.perf_counter() - t)


H.LoopSite._lane_trip = lane_trip
# (the parts' timers add ~0.2-0.5 us each to the trip: the medians are read from a run
# without them, the parts from a run with them)
PARTS = sys.argv[2] == "parts"
if PARTS:
    C.JitController.enter = timer("enter (the decision's full path)", C.JitController.enter)
    C.JitController._after_exit = timer("after_exit (statistics, policy)", C.JitController._after_exit)
    I.InterruptWatchdog.running = timer("watchdog running/stopped", I.InterruptWatchdog.running)
    I.InterruptWatchdog.stopped = timer("watchdog running/stopped", I.InterruptWatchdog.stopped)
_init = C.CompiledLoop.__init__


class TimedLeave(list):
    def __getitem__(self, i):
        return timer("unpack + store (generated leave)", list.__getitem__(self, i))


def init(self, *a, **k):
    _init(self, *a, **k)
    self.raw_entry = self.entry
    self.entry = timer("native call", self.entry)
    self.transfer.leave = TimedLeave(self.transfer.leave)
# a version's generated enter is compiled at its second entry (the first runs it interpreted)
from tauraro.jit import transfer as T
_compile_enter = T.Transfer._compile_enter


def compile_enter(self):
    _compile_enter(self)
    self.enter = timer("check types + pack (generated enter)", self.enter)


if PARTS:
    C.CompiledLoop.__init__ = init
    T.Transfer._compile_enter = compile_enter

import gc
sys.argv = ["tauraro", "run", "--jit-threshold", "1000", PROG, str(K)]
from tauraro.cli.main import entry
try:
    entry()
except SystemExit:
    pass
jit = next(o for o in gc.get_objects() if isinstance(o, C.JitController))
# the raw entry of f's compiled loop (its state is exhausted: it exits at once)
import timeit
raw = None
for st in jit.loops.values():
    if st.code.qualname == "f" and st.loop.kind != "function":
        v = next(iter(st.versions.values()))
        n = 20000
        entry = getattr(v, "raw_entry", v.entry)
        raw = timeit.timeit(lambda: entry(0), number=n) / n
out = {k: (acc[k], cnt[k]) for k in acc}
each.sort()
hook_each.sort()
print("@json " + json.dumps({"parts": out, "raw_entry": raw, "median_trip": each[len(each) // 2] if each else None,
                             "median_hook": hook_each[len(hook_each) // 2] if hook_each else None}))
'''


def run(cmd, env=None):
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    p = subprocess.run(cmd, capture_output=True, text=True, env=e, cwd=str(ROOT))
    if p.returncode != 0:
        raise SystemExit("%s failed:\n%s" % (" ".join(cmd), p.stderr[-3000:]))
    return p.stdout


def method1(prog: Path):
    jit_runs, nojit_runs = [], []
    for _ in range(RUNS):    # interleaved, so machine noise hits both modes alike
        jit_runs.append(eval(run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "1000", str(prog),
                                  str(K)]).strip()
                             .splitlines()[-1]))
        nojit_runs.append(eval(run([sys.executable, "-m", "tauraro", "run", "--no-jit", str(prog),
                                    str(K)]).strip().splitlines()[-1]))
    J = {k: statistics.median(r[k] for r in jit_runs) for k in jit_runs[0]}
    N = {k: statistics.median(r[k] for r in nojit_runs) for k in nojit_runs[0]}
    print("Method 1: whole programs, JIT vs --no-jit (median of %d runs, K = %d calls each)"
          % (RUNS, K))
    print("  %-46s %10s %10s %12s" % ("call", "JIT us", "no-jit us", "entry us"))
    rows = []
    for name, key, key102 in (("f(2): 1 int live value + range iterator", "f2", "f102"),
                              ("g(2): 6 live values (ints, floats) + range", "g2", "g102")):
        t_iter = (N[key102] - N[key]) / 100
        entry = J[key] - N[key] + t_iter
        rows.append((name, J[key], N[key], entry))
        print("  %-46s %10.2f %10.2f %12.2f" % (name, J[key], N[key], entry))
    t_iter_f = (N["f102"] - N["f2"]) / 100
    for m in (10, 1000, 100000):
        # h(lst, 2) under the JIT vs --no-jit (same interpreted-iteration correction as f)
        key = "h%d_2" % m
        entry = J[key] - N[key] + t_iter_f
        name = "h(list of %d ints, 2)" % m
        rows.append((name, J[key], N[key], entry))
        print("  %-46s %10.2f %10.2f %12.2f" % (name, J[key], N[key], entry))
    print("  (one interpreted iteration of f's loop: %.3f us; a call with no loop, f(0): %.2f us JIT, "
          "%.2f us no-jit)" % (t_iter_f, J["f0"], N["f0"]))
    per_elem = (rows[-1][3] - rows[-3][3]) / (100000 - 10) * 1e3
    print("  list cost per element per entry: %.1f ns" % per_elem)
    return rows, per_elem


def method2(prog: Path):
    prog = prog.with_name("entry_prog_f.py")
    prog.write_text(PROGRAM_F)
    child = BREAKDOWN_CHILD.replace("PROG", repr(str(prog))).replace("str(K)", repr(str(K)))

    def child_run(mode):
        out = run([sys.executable, "-c", child, str(ROOT), mode])
        line = [l for l in out.splitlines() if l.startswith("@json ")][-1]
        return json.loads(line[6:])
    medians = child_run("whole")
    data = child_run("parts")
    parts = data["parts"]
    n = parts["native call"][1]
    print("\nMethod 2: in-process breakdown, %d calls of f(200) after f(5000): %d entries timed, the "
          "first trips (the compiles) not (timer wrappers add ~0.1-0.2 us each)" % (K, n))
    order = ["trip (whole round trip)", "enter (the decision's full path)", "check types + pack (generated enter)",
             "watchdog running/stopped", "native call", "unpack + store (generated leave)",
             "after_exit (statistics, policy)"]
    tot = {k: parts[k][0] / n * 1e6 for k in order if k in parts}
    for k in order:
        if k in parts:
            print("  %-40s %10.2f us per entry  (%d calls)" % (k, tot[k], parts[k][1]))
    inner = order[2:]
    other = tot["trip (whole round trip)"] - sum(tot[k] for k in inner if k in tot)
    print("  %-40s %10.2f us per entry" % ("rest of the trip (not in the rows above)", other))
    if data["raw_entry"] is not None:
        print("  %-40s %10.2f us per call" % ("raw NativeInstance.entry() of f's module",
                                              data["raw_entry"] * 1e6))
    print("  without the parts' timers (another run):")
    print("  %-40s %10.2f us" % ("median controller trip", medians["median_trip"] * 1e6))
    print("  %-40s %10.2f us" % ("median round trip from the hook", medians["median_hook"] * 1e6))
    if medians["raw_entry"] is not None:
        print("  %-40s %10.2f us per call" % ("raw NativeInstance.entry() of f's module",
                                              medians["raw_entry"] * 1e6))
    # (the native call runs f's 199 iterations besides entering: ~0.2 us; counted in)
    tot["entries per call"] = n / K
    tot["median hook"] = medians["median_hook"] * 1e6
    return tot


PROGRAM_W = '''
import sys
import time


def f(n):
    s = 0
    for i in range(n):
        s += i
    return s


def calls(k):           # (a generator: the loop driving the calls is not compiled)
    for j in range(k):
        yield j


# (f's loop compiles and enters; a thousand calls later -- the default threshold's -- f is
# compiled whole, and its next 64 calls judged: all of that before the timed calls)
for _ in calls(8000):
    f(200)


def per_call(n, k=20000):
    best = 1e9
    for rep in range(7):
        t0 = time.perf_counter()
        for _ in calls(k):
            f(n)
        t1 = time.perf_counter()
        for _ in calls(k):
            pass
        t2 = time.perf_counter()
        best = min(best, (t1 - t0) - (t2 - t1))
    return best / k * 1e6


print({"f0": per_call(0), "f200": per_call(200)})
'''


def method3(d: Path):
    """The call of a function compiled whole for its loop, from code that is not compiled:
    per call, the best of 7 timed loops of 20,000 calls less the driving loop's own time.
    ``f(0)``: its loop runs no iteration, so the call is the entry and the exit, with the
    call's own frame and the checks of its argument (CPython's call of f(0) for scale);
    ``f(200)``: with 200 iterations, natively and in CPython."""
    prog = d / "entry_prog_w.py"
    prog.write_text(PROGRAM_W)
    stats = d / "w.json"
    jit = eval(run([sys.executable, "-m", "tauraro", "run", "--jit-stats-json", str(stats), str(prog)])
               .strip().splitlines()[-1])
    cpy = eval(run([sys.executable, str(prog)]).strip().splitlines()[-1])
    row = next((r for r in json.loads(stats.read_text()) if r["kind"] == "function"), None)
    native = row is not None and row["status"] == "compiled"
    print("\nMethod 3: the call of a function compiled whole for its loop (%s), from a loop CPython "
          "runs; us per call" % ("%d of its calls answered natively" % row["native_iterations"] if native
                                 else "NOT compiled whole: %s" % (row["reason"] if row else "never asked")))
    print("  %-46s %10s %10s" % ("call", "Tauraro", "CPython"))
    print("  %-46s %10.2f %10.2f" % ("f(0): the entry and exit alone", jit["f0"], cpy["f0"]))
    print("  %-46s %10.2f %10.2f" % ("f(200)", jit["f200"], cpy["f200"]))
    return jit["f0"] if native else None


def main():
    print("entry overhead%s; %d CPUs" % ("  [--quick]" if QUICK else "", os.cpu_count()))
    with tempfile.TemporaryDirectory() as d:
        prog = Path(d) / "entry_prog.py"
        prog.write_text(PROGRAM)
        method1(prog)
        tot = method2(prog)
        # Method 1's f(2) enters only until the loop is judged (a run of 1 native iteration
        # does not pay for an entry: JitController._after_exit), so its difference is not
        # an entry's cost; Method 2's round trip per entry is the headline (its calls that
        # do not trip run as written: the count carries from one run to the next)
        # (the median: a mean over a thousand entries is moved by the one the program's
        # garbage collector ran in, ~4 ms)
        headline = tot["median hook"]
        whole = method3(Path(d))
        if whole is None:
            print("\n  headline: the function was not compiled whole (target <= 3 us: NOT measured)")
        else:
            print("\n  headline: %.2f us per entry+exit of a function compiled whole for its loop, called "
                  "from the baseline (target <= 3 us: %s)" % (whole, "met" if whole <= 3 else "NOT met"))
        print("  and %.2f us per entry+exit of a scalar loop, the median round trip from the "
              "hook (the loop's registers read, the controller's trip, the values written back), "
              "over the %.0f%% of calls that entered (target <= 3 us: %s)"
              % (headline, 100 * tot["entries per call"], "met" if headline <= 3 else "NOT met"))


if __name__ == "__main__":
    main()
