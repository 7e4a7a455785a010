"""The C ceiling: how much faster than CPython gcc -O2 runs the same hot loops.

    python bench/ceiling.py                      # CPython vs C, median of 3 runs each
    python bench/ceiling.py --repeat 5 --tauraro # also `tauraro run` (the JIT)
    python bench/ceiling.py list_index           # only the named programs

Why it exists: the JIT's speed targets are ratios to CPython (e.g. "at least 20x
faster than CPython in hot-loop time"), and how far such a ratio can go depends on
the program: a loop that spends its time in libm's sin/exp, or in integer division,
is not 20x faster than CPython even when written in C. Each program named below has
a straightforward C translation in bench/ceiling/ (same inputs, same algorithm, same
warm-up calls, Python's floor division/modulo and min/max kept, int64_t and double
for ints and floats, lists as arrays), compiled here with ``cc -O2 -ffp-contract=off``
(no fused multiply-add where Python rounds twice). The ratio CPython / C of the
``@loop-seconds`` both print is the ceiling: a target above it is known to be out of
reach for any compiler that keeps the program's semantics, and the JIT's ratio divided
by it says how close the JIT gets to gcc.

Each program and its binary are run as whole processes, interleaved, --repeat times;
the medians of their ``@loop-seconds`` lines are compared. C's stdout must equal
CPython's, else the row says MISMATCH with the first differing line (the translations
print floats as Python's repr or "%.12g", so a mismatch is a translation bug, or, for
floats printed in full, a libm that rounds differently from the one CPython uses).
With --tauraro, ``python -m tauraro run prog.py`` is run in the same rounds and its
output checked the same way. Without a C compiler (cc, or $CC) it says so and exits 0.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# (bench/run.py's, beside this script: its environment -- a fixed hash seed, bytecode caching
# allowed, this checkout importable -- and its comparison of outputs)
from run import bench_env, first_difference

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CDIR = HERE / "ceiling"

# program (under bench/) -> its C translation in bench/ceiling/ (same base name)
PROGRAMS = ["jit/floordiv_mod.py", "jit/list_index.py", "jit/compare_chains.py",
            "calls/integrate_math.py", "calls/comprehensions.py"]
CFLAGS = ["-O2", "-ffp-contract=off"]


def find_cc():
    for name in [os.environ.get("CC"), "cc", "gcc", "clang"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def loop_seconds(cmd):
    """Run cmd; return (its @loop-seconds, its stdout), or raise RuntimeError if it fails."""
    proc = subprocess.run(cmd, capture_output=True, env=bench_env(), cwd=str(ROOT))
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise RuntimeError("%s exited with %d: %s" % (" ".join(cmd), proc.returncode, tail[0][:100]))
    loop = None
    for line in proc.stderr.decode().splitlines():
        if line.startswith("@loop-seconds "):
            loop = (loop or 0.0) + float(line.split()[1])
    if loop is None:
        raise RuntimeError("%s printed no @loop-seconds line" % " ".join(cmd))
    return loop, proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("programs", nargs="*", help="base names to run (default: all of %s)"
                    % ", ".join(Path(p).stem for p in PROGRAMS))
    ap.add_argument("--repeat", type=int, default=3, help="runs per program and mode (default 3)")
    ap.add_argument("--tauraro", action="store_true", help="also run `python -m tauraro run` (the JIT)")
    args = ap.parse_args()
    chosen = [p for p in PROGRAMS if not args.programs or Path(p).stem in args.programs]
    unknown = set(args.programs) - {Path(p).stem for p in PROGRAMS}
    if unknown:
        ap.error("unknown program(s) %s" % ", ".join(sorted(unknown)))
    cc = find_cc()
    if cc is None:
        print("no C compiler found (cc, gcc, clang or $CC): the C ceiling is not measured")
        return 0

    modes = ["cpython", "c"] + (["tauraro"] if args.tauraro else [])
    print("C ceiling: @loop-seconds medians of %d interleaved runs; C built with %s %s ... -lm"
          % (args.repeat, cc, " ".join(CFLAGS)))
    header = "%-18s%11s%11s%11s" % ("program", "cpython", "C", "cpy/C")
    if args.tauraro:
        header += "%11s%11s%11s" % ("tauraro", "cpy/tau", "tau/C")
    print(header)
    bad = False
    with tempfile.TemporaryDirectory(prefix="tauraro-ceiling-") as tmp:
        for rel in chosen:
            prog = ROOT / "bench" / rel
            stem = prog.stem
            exe = Path(tmp) / stem
            build = subprocess.run([cc, *CFLAGS, "-o", str(exe), str(CDIR / (stem + ".c")), "-lm"],
                                   capture_output=True, text=True)
            if build.returncode != 0:
                print("%-18s C BUILD FAILED: %s" % (stem, (build.stderr.strip().splitlines() or [""])[0][:100]))
                bad = True
                continue
            cmds = {"cpython": [sys.executable, str(prog)], "c": [str(exe)],
                    "tauraro": [sys.executable, "-m", "tauraro", "run", str(prog)]}
            loops = {m: [] for m in modes}
            outputs = {}
            try:
                for _ in range(args.repeat):
                    for m in modes:
                        loop, out = loop_seconds(cmds[m])
                        loops[m].append(loop)
                        outputs.setdefault(m, out)
            except RuntimeError as exc:
                print("%-18s FAILED: %s" % (stem, exc))
                bad = True
                continue
            med = {m: statistics.median(v) for m, v in loops.items()}
            row = "%-18s%10.4fs%10.4fs%10.1fx" % (stem, med["cpython"], med["c"], med["cpython"] / med["c"])
            if args.tauraro:
                row += "%10.4fs%10.1fx%10.1fx" % (med["tauraro"], med["cpython"] / med["tauraro"],
                                                  med["tauraro"] / med["c"])
            print(row)
            for m in modes[1:]:
                if outputs[m] != outputs["cpython"]:
                    bad = True
                    line, want, got = first_difference(outputs["cpython"], outputs[m])
                    print("%-18s   %s, line %d: cpython %r, %s %r"
                          % ("MISMATCH" if m == "c" else "OUTPUT DIFFERS", m, line, want[:70], m, got[:70]))
    if args.tauraro:
        print("tau/C: Tauraro's loop time over C's (1.0x: as fast as gcc -O2)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
