"""Cost of the baseline's call of a function compiled whole, and what it buys.

Run with the project venv:  .venv/bin/python bench/function_entry.py [--quick] [--root DIR]

A recursive function that gets hot is compiled whole (tauraro/jit/functions.py); each
call the baseline makes of it (a loop that cannot compile calling ``fib(n)``) goes
through the function's prologue to its site's ``call``, which checks the arguments and
the globals the version read, works out the native depth budget, and runs the native
code.

Part 1 -- the cost around the native run. In one process (tauraro's command line run
in process, every function judged as paying, so its calls stay native), after a
program made ``fib`` hot: the whole call ``fib(0)`` from Python, against the native
run alone (the version's raw ``entry``), against CPython's own call of the same
function; and the whole call made 500 frames down the stack (the native depth budget
depends on the stack's depth). Interleaved, the best of many repeats. "around" = whole -
native run.

Part 2 -- ratios against CPython. One process per case, a loop in the baseline (it
stores into a dict, so it is not compiled) calls ``fib``, ``tak`` or ``ack`` K times;
per call, the best of 5 timed loops after a warm-up (the JIT compiles and judges
there), the better of two processes. Three ways: CPython, ``tauraro run`` (its judgement: a function whose native
calls do not pay is left to the baseline), and tauraro with every function judged as
paying (what native calls would give). Ratios are CPython's time over Tauraro's
(above 1: Tauraro faster).

``--root DIR``: measure the tauraro of another checkout (e.g. to compare with main).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK = "--quick" in sys.argv
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()

# every function judged as paying (this checkout's controller, or an older one's)
FORCE_NATIVE = r'''
import sys
sys.path.insert(0, sys.argv[1])
from tauraro.jit import controller as C
if hasattr(C, "TWIN_BOUND"):
    C.TWIN_BOUND = 0.0                      # no call is sampled in CPython: none loses
if hasattr(C, "AROUND_NATIVE_BOUND"):
    C.AROUND_NATIVE_BOUND = float("inf")    # (before the judgement measured CPython)
'''

RUN_IN_PROCESS = FORCE_NATIVE + r'''
sys.argv = ["tauraro", "run"] + sys.argv[2:]
from tauraro.cli.main import entry
try:
    entry()
except SystemExit:
    pass
'''

OVERHEAD_CHILD = FORCE_NATIVE + r'''
import gc, time
prog, N, R = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.argv = ["tauraro", "run", prog]
from tauraro.cli.main import entry
try:
    entry()
except SystemExit:
    pass
from tauraro.vm.hooks import FunctionSite
site = next(o for o in gc.get_objects() if isinstance(o, FunctionSite) and o.state is not None
            and o.state.versions)
(ftype, _), version = next(iter(site.state.versions.items()))
fib = ftype.func
raw = version.entry
ns = {}
exec("def fib_py(n):\n    if n < 2:\n        return n\n    return fib_py(n - 1) + fib_py(n - 2)\n", ns)
fib_py = ns["fib_py"]

def whole(k):
    for _ in range(k):
        fib(0)

def native(k):
    for _ in range(k):
        raw(0, 900)

def cpython(k):
    for _ in range(k):
        fib_py(0)

def empty(k):
    for _ in range(k):
        pass

def deep(k, frames=500):
    return deep(k, frames - 1) if frames else whole(k)

def deep_empty(k, frames=500):
    return deep_empty(k, frames - 1) if frames else empty(k)

best = {}
for _ in range(R):
    for name, fn in (("whole", whole), ("native", native), ("cpython", cpython), ("empty", empty),
                     ("deep", deep), ("deep_empty", deep_empty)):
        t0 = time.perf_counter()
        fn(N)
        t = (time.perf_counter() - t0) / N
        best[name] = min(best.get(name, t), t)
print("@overhead %r" % best)
'''

OVERHEAD_PROGRAM = '''
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


d = {}
for i in range(3000):
    d[i & 7] = i                # a dict store: this loop stays in the baseline
    fib(i & 1)
'''

KERNELS = '''
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def loop(f, args, k):
    d = {}
    s = 0
    for i in range(k):
        d[i & 7] = i            # a dict store: this loop stays in the baseline
        s += f(*args)
    return s


f = globals()[sys.argv[1]]
args = tuple(int(a) for a in sys.argv[2:])
t0 = time.perf_counter()
warm = 0
while warm < 3 or (warm < 400 and time.perf_counter() - t0 < 0.3):
    loop(f, args, 1)            # the JIT compiles and judges here
    warm += 1
t0 = time.perf_counter()
loop(f, args, 10)
k = max(1, int(WINDOW / ((time.perf_counter() - t0) / 10)))
best = None
for _ in range(5):
    t0 = time.perf_counter()
    loop(f, args, k)
    t = (time.perf_counter() - t0) / k
    best = t if best is None else min(best, t)
print("@per-call %r" % best)
'''

CASES = [("fib", (3,)), ("fib", (5,)), ("fib", (8,)), ("fib", (10,)), ("fib", (15,)), ("fib", (25,)),
         ("tak", (4, 2, 0)), ("tak", (6, 3, 0)), ("tak", (12, 8, 4)), ("tak", (18, 12, 6)),
         ("ack", (1, 3)), ("ack", (2, 3)), ("ack", (2, 20)), ("ack", (3, 6))]


def run(cmd) -> str:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=str(ROOT))
    if p.returncode != 0:
        shown = [a if len(a) < 80 else "<script>" for a in cmd]
        raise SystemExit("%s failed:\n%s" % (" ".join(shown), p.stderr[-3000:]))
    return p.stdout


def tagged(out: str, tag: str):
    return eval([l for l in out.splitlines() if l.startswith(tag)][-1][len(tag):])


def part1(d: Path):
    prog = d / "overhead.py"
    prog.write_text(OVERHEAD_PROGRAM)
    n, r = (20_000, 15) if QUICK else (50_000, 30)
    best = tagged(run([sys.executable, "-c", OVERHEAD_CHILD, str(ROOT), str(prog), str(n), str(r)]),
                  "@overhead ")
    us = {k: (v - best["empty"]) * 1e6 for k, v in best.items()}
    us["deep"] = (best["deep"] - best["deep_empty"]) * 1e6
    print("Part 1: fib(0) called from Python, fib compiled whole (best of %d x %d calls, us per call)" % (r, n))
    print("  whole call (prologue, site's call, native run)   %6.3f" % us["whole"])
    print("  native run alone (the version's raw entry)       %6.3f" % us["native"])
    print("  around the native run                            %6.3f" % (us["whole"] - us["native"]))
    print("  CPython's call of the same fib(0)                %6.3f" % us["cpython"])
    print("  whole call, 500 frames down the stack            %6.3f" % us["deep"])


def part2(d: Path):
    prog = d / "kernels.py"
    prog.write_text(KERNELS.replace("WINDOW", "0.02" if QUICK else "0.05"))
    print("\nPart 2: a baseline loop calling the function, us per call (best of 5 loops); "
          "ratio = CPython / Tauraro")
    print("  %-16s %10s %10s %8s %10s %8s" % ("call", "CPython", "tauraro", "ratio", "native", "ratio"))
    cases = CASES[::2] if QUICK else CASES
    for name, args in cases:
        argv = [name] + [str(a) for a in args]
        ways = ([sys.executable, str(prog)], [sys.executable, "-m", "tauraro", "run", str(prog)],
                [sys.executable, "-c", RUN_IN_PROCESS, str(ROOT), str(prog)])
        best = [None] * 3
        for _ in range(2):              # each way twice, interleaved: the faster process counts
            for k, way in enumerate(ways):
                t = tagged(run(way + argv), "@per-call ")
                best[k] = t if best[k] is None else min(best[k], t)
        cpy, tau, nat = best
        print("  %-16s %10.3f %10.3f %8.2f %10.3f %8.2f" % ("%s%r" % (name, args), cpy * 1e6, tau * 1e6,
                                                         cpy / tau, nat * 1e6, cpy / nat))


def main():
    print("function entry%s; %s; Python %s; %d CPUs" % ("  [--quick]" if QUICK else "", ROOT,
                                                      sys.version.split()[0], os.cpu_count()))
    with tempfile.TemporaryDirectory() as d:
        part1(Path(d))
        part2(Path(d))


if __name__ == "__main__":
    main()
