"""Time benchmark programs under CPython and Tauraro in the same run; print ratios.

    python bench/run.py                 # every suite, then the start-up measurement
    python bench/run.py interp          # interpreter-bound programs: CPython vs --no-jit
    python bench/run.py --repeat 5 jit  # hot loops: CPython vs --no-jit vs JIT
    python bench/run.py calls           # loops and recursion that make calls, same modes as jit
    python bench/run.py objects         # objects, nested lists, strings and dicts, same modes as jit
    python bench/run.py limits          # where the JIT is known not to pay
    python bench/run.py suite           # ordinary programs (not hot loops), all three modes
    python bench/run.py patterns        # short scripts of everyday patterns, all three modes
    python bench/run.py startup         # process start-up: `print(1)` under python3 and tauraro
    python bench/run.py suite --json out.json   # also write every median and ratio as JSON
    python bench/run.py jit calls --threshold 1000  # and a JIT mode with --jit-threshold 1000

Each program is run as a whole process (start to exit) several times per mode,
interleaved, and the median wall time is kept (with Python's bytecode cache
allowed, as in a normal installation). Outputs are checked to be
identical across modes, so a speedup never hides a wrong answer: a program whose
outputs differ between modes is reported as OUTPUT DIFFERS (and one that exits
with an error as FAILED), left out of the totals and ratios, and the run goes on
to the next program; the exit status is then 1. Programs may
print a line ``@loop-seconds <float>`` (to stderr) measuring just their hot
part; then the loop-time ratio is reported too.

``--threshold N`` adds, to the suites with a JIT mode, a mode ``jit@N`` run with
``--jit-threshold N``: an explicit threshold starts the JIT at the first loop that
gets hot, so the programs' untimed warm-ups compile their loops, and their hot-loop
time is that of the compiled code. By default (the ``jit`` column, the one the
targets are read from) the JIT starts only once a loop's work left would pay for
its start, which a warm-up's small inputs do not: the timed part then pays the
JIT's start and its loops' compiles too.

Below each suite's table: TOTAL (sum of medians; its ratio is the ratio of the
sums), GEOMEAN (geometric mean of the per-program ratios), MIN (the smallest
per-program ratio and its program) and, for suites with both --no-jit and JIT
modes, the column jit/no-jit (JIT-on time over JIT-off time: above 1.00x the JIT
made that program slower) with its MAX. Under those suites' tables, jit/no-jit again by
CPU time (user + system of the whole process, the JIT's threads included), paired: the
median over the repetitions of each repetition's ratio of its two runs, with the least
and greatest pair -- on a machine whose speed drifts, the steadier reading (``--json``:
``paired_cpu_ratios``, ``paired_cpu_spread``, ``cpu_runs_s``).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SUITES = {
    "interp": ("interp", [("cpython", []), ("no-jit", ["--no-jit"])]),
    "jit": ("jit", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
    # recursion and loops calling functions: what the JIT's next issue targets (see bench/README.md)
    "calls": ("calls", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
    # programs over objects, lists of objects/lists/bools, strings and dicts: issue 9's targets
    "objects": ("objects", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
    # programs where the JIT is known not to pay (see bench/README.md), measured apart
    "limits": ("limits", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
    # ordinary programs that are not hot numeric loops (see bench/README.md)
    "suite": ("suite", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
    # short scripts of everyday patterns, 0.05-0.3 s under CPython: the JIT must not make
    # them slower (see bench/README.md)
    "patterns": ("patterns", [("cpython", []), ("no-jit", ["--no-jit"]), ("jit", [])]),
}
# not a folder of programs: process start-up of a one-line program (see run_startup)
STARTUP = "startup"


def command(mode_args, program, cpython):
    """The command timed: ``python3 PROGRAM``, or ``tauraro run ... PROGRAM`` -- the
    installed command, as users run it, when this interpreter has one (the checkout still
    runs: PYTHONPATH), else ``python -m tauraro run``, which also pays for runpy's
    imports (~3 ms a run: ``python bench/run.py startup`` shows both)."""
    if cpython:
        return [sys.executable, str(program)]
    script = own_script()
    launcher = [script] if script else [sys.executable, "-m", "tauraro"]
    return launcher + ["run", *mode_args, str(program)]


def editable_install() -> bool:
    """Is Tauraro installed editable in the venv running this (setuptools' finder, which
    its ``.pth`` imports at every start of this interpreter, is loaded)?"""
    return any(name.startswith("__editable__") and "tauraro" in name for name in sys.modules)


def bench_env():
    env = dict(os.environ, PYTHONHASHSEED="0")
    # as in a normal installation, Python may cache bytecode (pip byte-compiles installed
    # packages); an environment that forbids it would bill recompiling Tauraro's own
    # modules to every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


class RunFailed(Exception):
    def __init__(self, cmd, returncode, stderr):
        super().__init__("%s exited with %d" % (" ".join(cmd), returncode))
        self.cmd = cmd
        self.returncode = returncode
        self.stderr = stderr


def _children_cpu() -> float:
    """User + system seconds of this process's waited-for children so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_once(cmd, cpu_out=None):
    """Run ``cmd``; (its wall seconds, its @loop-seconds or None, its stdout). With
    ``cpu_out`` (a list), the CPU seconds the process used are appended to it."""
    env = bench_env()
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, cwd=str(ROOT))
    wall = time.perf_counter() - t0
    if cpu_out is not None:
        cpu_out.append(_children_cpu() - cpu0)
    if proc.returncode != 0:
        raise RunFailed(cmd, proc.returncode, proc.stderr.decode(errors="replace"))
    loop = None
    for line in proc.stderr.decode().splitlines():
        if line.startswith("@loop-seconds "):
            loop = (loop or 0.0) + float(line.split()[1])
    return wall, loop, proc.stdout


def geomean(values):
    values = [v for v in values if v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio_names(modes):
    """The ratio columns of a suite: CPython time over each mode's time, then
    (suites with both) JIT time over --no-jit time."""
    names = ["cpython/" + m for m, _ in modes[1:]]
    mode_names = [m for m, _ in modes]
    if "no-jit" in mode_names and "jit" in mode_names:
        names.append("jit/no-jit")
    return names


def ratios_of(med, modes):
    out = {}
    for m, _ in modes[1:]:
        out["cpython/" + m] = med["cpython"] / med[m]
    if "no-jit" in med and "jit" in med:
        out["jit/no-jit"] = med["jit"] / med["no-jit"]
    return out


def first_difference(a, b):
    """(line number, line of a, line of b) of the first line where outputs a and b differ."""
    la, lb = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else "<no line>"
        y = lb[i] if i < len(lb) else "<no line>"
        if x != y:
            return i + 1, x, y
    return None


def short(name):
    return name.replace("cpython/", "cpy/")


def paired_ratios(cpus, modes) -> dict:
    """Each ratio column (``ratio_names``) as the median over the repetitions of the ratio
    of the CPU seconds of the two modes' runs in that repetition: the runs of one
    repetition follow each other, so a machine that speeds up or slows down between
    repetitions moves both sides of a pair (a median of walls per mode does not cancel
    it), and CPU time leaves out what other processes took of the wall's. Per column:
    (median, least, greatest) of the pairs."""
    out = {}
    pairs = [("cpython/" + m, "cpython", m) for m, _ in modes[1:]]
    if "no-jit" in cpus and "jit" in cpus:
        pairs.append(("jit/no-jit", "jit", "no-jit"))
    for name, a, b in pairs:
        rs = [x / y for x, y in zip(cpus[a], cpus[b]) if y > 0]
        if rs:
            out[name] = (statistics.median(rs), min(rs), max(rs))
    return out


def run_suite(name, repeat, threshold=None):
    folder, modes = SUITES[name]
    if threshold is not None and any(m == "jit" for m, _ in modes):
        modes = modes + [("jit@%d" % threshold, ["--jit-threshold", str(threshold)])]
    programs = sorted((HERE / folder).glob("*.py"))
    print("\n== %s: %d programs, median of %d runs each, wall time from process start to exit"
          % (name, len(programs), repeat))
    rnames = ratio_names(modes)
    header = "%-22s" % "program" + "".join("%12s" % m for m, _ in modes)
    print(header + "".join("%14s" % short(r) for r in rnames))
    totals = {m: 0.0 for m, _ in modes}
    loop_rows = []
    paired_rows = []
    results = {}
    problems = []
    for prog in programs:
        walls = {m: [] for m, _ in modes}
        cpus = {m: [] for m, _ in modes}
        loops = {m: [] for m, _ in modes}
        outputs = {}
        failure = None
        for _ in range(repeat):
            for mode, args in modes:
                try:
                    wall, loop, out = time_once(command(args, prog, mode == "cpython"), cpus[mode])
                except RunFailed as exc:
                    failure = (mode, exc)
                    break
                walls[mode].append(wall)
                if loop is not None:
                    loops[mode].append(loop)
                outputs.setdefault(mode, out)
            if failure:
                break
        if failure:
            mode, exc = failure
            tail = exc.stderr.strip().splitlines()[-1:] or [""]
            print("%-22s FAILED under %s (exit %d): %s" % (prog.stem, mode, exc.returncode, tail[0][:100]))
            results[prog.stem] = {"status": "failed", "mode": mode, "returncode": exc.returncode,
                                  "stderr_tail": exc.stderr[-2000:]}
            problems.append(prog.stem)
            continue
        med = {m: statistics.median(v) for m, v in walls.items()}
        if len(set(outputs.values())) != 1:
            differing = [m for m, _ in modes if outputs[m] != outputs["cpython"]]
            print("%-22s" % prog.stem + "".join("%11.3fs" % med[m] for m, _ in modes)
                  + "   OUTPUT DIFFERS (%s vs cpython)" % ", ".join(differing))
            diffs = {}
            for m in differing:
                line, want, got = first_difference(outputs["cpython"], outputs[m])
                diffs[m] = {"line": line, "cpython": want[:500], m: got[:500]}
                print("%-22s   %s, line %d: cpython %r, %s %r" % ("", m, line, want[:60], m, got[:60]))
            results[prog.stem] = {"status": "output differs", "differing_modes": differing,
                                  "first_difference": diffs, "median_s": med}
            problems.append(prog.stem)
            continue
        for m in med:
            totals[m] += med[m]
        rat = ratios_of(med, modes)
        row = "%-22s" % prog.stem + "".join("%11.3fs" % med[m] for m, _ in modes)
        row += "".join("%13.2fx" % rat[r] for r in rnames)
        print(row)
        paired = paired_ratios(cpus, modes)
        entry = {"status": "ok", "median_s": med, "runs_s": walls, "ratios": rat, "cpu_runs_s": cpus,
                 "paired_cpu_ratios": {r: v[0] for r, v in paired.items()},
                 "paired_cpu_spread": {r: [v[1], v[2]] for r, v in paired.items()}}
        paired_rows.append((prog.stem, paired))
        if all(loops[m] for m, _ in modes):
            lm = {m: statistics.median(loops[m]) for m, _ in modes}
            loop_rows.append((prog.stem, lm))
            entry["loop_median_s"] = lm
            entry["loop_ratios"] = {"cpython/" + m: lm["cpython"] / lm[m] for m, _ in modes[1:]}
        results[prog.stem] = entry

    ok = {k: v for k, v in results.items() if v["status"] == "ok"}
    summary = {"total_s": totals, "total_ratios": {}, "geomean": {}, "min": {}, "max": {}}
    if ok:
        summary["total_ratios"] = ratios_of(totals, modes)
        row = "%-22s" % "TOTAL" + "".join("%11.3fs" % totals[m] for m, _ in modes)
        row += "".join("%13.2fx" % summary["total_ratios"][r] for r in rnames)
        print(row)
        for r in rnames:
            summary["geomean"][r] = geomean([v["ratios"][r] for v in ok.values()])
        print("%-22s" % "GEOMEAN" + " " * 12 * len(modes)
              + "".join("%13.2fx" % summary["geomean"][r] for r in rnames))
        # the worst case of each column: the smallest speed-up, the largest JIT slow-down
        mins = []
        for r in rnames:
            if r == "jit/no-jit":
                continue
            stem = min(ok, key=lambda s: (ok[s]["ratios"][r], s))
            summary["min"][r] = {"ratio": ok[stem]["ratios"][r], "program": stem}
            mins.append("%s %.2fx (%s)" % (short(r), ok[stem]["ratios"][r], stem))
        print("%-22s" % "MIN" + "; ".join(mins))
        if "jit/no-jit" in rnames:
            stem = max(ok, key=lambda s: (ok[s]["ratios"]["jit/no-jit"], s))
            summary["max"]["jit/no-jit"] = {"ratio": ok[stem]["ratios"]["jit/no-jit"], "program": stem}
            print("%-22s" % "MAX" + "jit/no-jit %.2fx (%s)" % (ok[stem]["ratios"]["jit/no-jit"], stem))
    jit_pairs = [(stem, paired["jit/no-jit"]) for stem, paired in paired_rows if "jit/no-jit" in paired]
    if jit_pairs:
        # (the column the JIT's "never slower" is read from, measured the steadier way)
        print("\n   jit/no-jit by CPU time, the median of each repetition's pair (least, greatest):")
        for stem, (med_r, lo, hi) in jit_pairs:
            print("%-22s%13.2fx   (%.2f-%.2f)" % (stem, med_r, lo, hi))
        g = geomean([med_r for _, (med_r, _, _) in jit_pairs])
        summary["paired_cpu_geomean"] = {"jit/no-jit": g}
        print("%-22s%13.2fx" % ("GEOMEAN", g))
    if problems:
        print("%-22s%d program(s) left out of TOTAL/GEOMEAN/MIN/MAX: %s"
              % ("EXCLUDED", len(problems), ", ".join(problems)))
    if loop_rows:
        print("\n   hot-loop time only (@loop-seconds), ratio CPython / mode:")
        for stem, lm in loop_rows:
            print("%-22s" % stem + "".join("%11.4fs" % lm[m] for m, _ in modes)
                  + "".join("%13.1fx" % (lm["cpython"] / lm[m]) for m, _ in modes[1:]))
    return {"folder": folder, "modes": {m: args for m, args in modes}, "repeat": repeat,
            "programs": results, "summary": summary, "excluded": problems}


def own_script():
    """The ``tauraro`` command installed beside this interpreter, if there is one."""
    candidate = Path(sys.executable).parent / "tauraro"
    return str(candidate) if candidate.exists() else None


def tauraro_script():
    """The installed ``tauraro`` console script of this interpreter, or else the one on
    PATH, if there is one."""
    return own_script() or shutil.which("tauraro")


def run_startup(runs):
    """Start-up cost: a one-line program under python3 and under ``tauraro run``."""
    with tempfile.TemporaryDirectory(prefix="tauraro-startup-") as tmp:
        prog = Path(tmp) / "one_line.py"
        prog.write_text("print(1)\n")
        variants = [("python3", [sys.executable, str(prog)]),
                    ("python -m tauraro run", [sys.executable, "-m", "tauraro", "run", str(prog)])]
        script = tauraro_script()
        if script:
            variants.append(("tauraro run", [script, "run", str(prog)]))
        print("\n== startup: `print(1)` from a temporary file, %d runs each, interleaved; "
              "wall time from process start to exit" % runs)
        # one untimed round first: the bytecode caches get written, as after installation
        for _, cmd in variants:
            time_once(cmd)
        walls = {name: [] for name, _ in variants}
        outputs = {}
        for _ in range(runs):
            for name, cmd in variants:
                wall, _, out = time_once(cmd)
                walls[name].append(wall)
                outputs.setdefault(name, out)
    differs = len(set(outputs.values())) != 1
    med = {name: statistics.median(v) for name, v in walls.items()}
    base = med["python3"]
    print("%-24s%12s%12s%12s%16s" % ("command", "median", "min", "max", "ratio/python3"))
    for name, _ in variants:
        print("%-24s%11.1fms%11.1fms%11.1fms%15.2fx" % (name, med[name] * 1e3, min(walls[name]) * 1e3,
                                                       max(walls[name]) * 1e3, med[name] / base))
    if script:
        print("(`tauraro run` is the console script %s)" % script)
    if differs:
        print("OUTPUT DIFFERS between the commands")
    return {"runs": runs, "program": "print(1)", "commands": {n: c[:-1] + ["<prog>"] for n, c in variants},
            "median_s": med, "runs_s": walls,
            "ratios": {name + "/python3": med[name] / base for name, _ in variants[1:]},
            "output_differs": differs}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suites", nargs="*", default=list(SUITES) + [STARTUP],
                    help="any of %s (default: all)" % ", ".join(list(SUITES) + [STARTUP]))
    ap.add_argument("--repeat", type=int, default=3, help="runs per program and mode (default 3)")
    ap.add_argument("--startup-runs", type=int, default=20,
                    help="runs per command of the startup measurement (default 20)")
    ap.add_argument("--json", metavar="FILE", help="also write all medians and ratios to FILE as JSON")
    ap.add_argument("--threshold", type=int, metavar="N",
                    help="also run a JIT mode with --jit-threshold N (suites with a JIT mode)")
    args = ap.parse_args()
    for s in args.suites:
        if s not in SUITES and s != STARTUP:
            ap.error("unknown suite %r (choose from %s)" % (s, ", ".join(list(SUITES) + [STARTUP])))
    report = {"python": sys.version.split()[0], "executable": sys.executable,
              "platform": platform.platform(), "cpus": os.cpu_count(),
              "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "suites": {},
              "editable_install": editable_install()}
    if report["editable_install"]:
        print("note: this venv has Tauraro installed editable (pip install -e): its finder, imported at\n"
              "every interpreter's start, adds ~10 ms to each process measured, CPython's too, which a\n"
              "user's `pip install .` does not -- short programs' ratios read low. Measure from a venv\n"
              "with a regular install (the checkout is still what runs: PYTHONPATH).\n")
    bad = False
    for s in args.suites:
        if s == STARTUP:
            report["startup"] = run_startup(args.startup_runs)
            bad |= report["startup"]["output_differs"]
        else:
            report["suites"][s] = run_suite(s, args.repeat, args.threshold)
            bad |= bool(report["suites"][s]["excluded"])
        if args.json:  # written after each suite, so an interrupted run keeps what it measured
            Path(args.json).write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
