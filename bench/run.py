"""Time benchmark programs under CPython and Tauraro in the same run; print ratios.

    python bench/run.py                 # every suite
    python bench/run.py interp          # interpreter-bound programs: CPython vs --no-jit
    python bench/run.py --repeat 5 jit  # hot loops: CPython vs --no-jit vs JIT
    python bench/run.py limits          # where the JIT is known not to pay

Each program is run as a whole process (start to exit) several times per mode,
interleaved, and the median wall time is kept (with Python's bytecode cache
allowed, as in a normal installation). Outputs are checked to be
identical across modes, so a speedup never hides a wrong answer. Programs may
print a line ``@loop-seconds <float>`` (to stderr) measuring just their hot
part; then the loop-time ratio is reported too.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SUITES = {
    "interp": ("interp", [("cpython", []), ("no-jit", ["--no-jit"])]),
    "jit": ("jit", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
    # programs where the JIT is known not to pay (see bench/README.md), measured apart
    "limits": ("limits", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
}


def command(mode_args, program, cpython):
    if cpython:
        return [sys.executable, str(program)]
    return [sys.executable, "-m", "tauraro", "run", *mode_args, str(program)]


def time_once(cmd):
    env = dict(os.environ, PYTHONHASHSEED="0")
    # as in a normal installation, Python may cache bytecode (pip byte-compiles installed
    # packages); an environment that forbids it would bill recompiling Tauraro's own
    # modules to every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, cwd=str(ROOT))
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit("%s failed:\n%s" % (" ".join(cmd), proc.stderr.decode()[-2000:]))
    loop = None
    for line in proc.stderr.decode().splitlines():
        if line.startswith("@loop-seconds "):
            loop = (loop or 0.0) + float(line.split()[1])
    return wall, loop, proc.stdout


def run_suite(name, repeat):
    folder, modes = SUITES[name]
    programs = sorted((HERE / folder).glob("*.py"))
    print("\n== %s: %d programs, median of %d runs each, wall time from process start to exit"
          % (name, len(programs), repeat))
    header = "%-22s" % "program" + "".join("%12s" % m for m, _ in modes)
    ratios_hdr = "".join("%14s" % ("cpy/" + m) for m, _ in modes[1:])
    print(header + ratios_hdr)
    totals = {m: 0.0 for m, _ in modes}
    loop_rows = []
    for prog in programs:
        walls = {m: [] for m, _ in modes}
        loops = {m: [] for m, _ in modes}
        outputs = {}
        for _ in range(repeat):
            for mode, args in modes:
                wall, loop, out = time_once(command(args, prog, mode == "cpython"))
                walls[mode].append(wall)
                if loop is not None:
                    loops[mode].append(loop)
                outputs.setdefault(mode, out)
        if len(set(outputs.values())) != 1:
            raise SystemExit("%s: outputs differ between modes" % prog.name)
        med = {m: statistics.median(v) for m, v in walls.items()}
        for m in med:
            totals[m] += med[m]
        row = "%-22s" % prog.stem + "".join("%11.3fs" % med[m] for m, _ in modes)
        row += "".join("%13.2fx" % (med["cpython"] / med[m]) for m, _ in modes[1:])
        print(row)
        if all(loops[m] for m, _ in modes):
            loop_rows.append((prog.stem, {m: statistics.median(loops[m]) for m, _ in modes}))
    row = "%-22s" % "TOTAL" + "".join("%11.3fs" % totals[m] for m, _ in modes)
    row += "".join("%13.2fx" % (totals["cpython"] / totals[m]) for m, _ in modes[1:])
    print(row)
    if loop_rows:
        print("\n   hot-loop time only (@loop-seconds), ratio CPython / mode:")
        for stem, lm in loop_rows:
            print("%-22s" % stem + "".join("%11.4fs" % lm[m] for m, _ in modes)
                  + "".join("%13.1fx" % (lm["cpython"] / lm[m]) for m, _ in modes[1:]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suites", nargs="*", default=list(SUITES))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for s in args.suites:
        run_suite(s, args.repeat)


if __name__ == "__main__":
    main()
