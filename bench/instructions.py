"""Instructions executed with the JIT against ``--no-jit``, per program, counted by valgrind.

    python bench/instructions.py                       # bench/suite/*.py
    python bench/instructions.py bench/suite/deltablue.py bench/objects   # files or folders
    python bench/instructions.py --jobs 2 --save out.json

Wall-clock ratios of the suite move by 5-25% from run to run on a shared machine, and the
JIT's loss on a program it does not help is a few percent: single runs cannot show it, and
pairs of runs (farm-bench --vs) need minutes a program to show it to a percent or two. An
instruction count is the same at every run: each program runs once under ``valgrind
--tool=callgrind`` as ``tauraro run`` and once as ``tauraro run --no-jit`` (after one plain
run of each, so the caches of compiled code are warm, as they are at a user's second run),
and the ratio of the instructions each executed is printed, with the five functions of the
C library and the interpreter whose counts differ most. What instructions cannot show:
the cache misses and branch mispredictions of the run (under ``--jit`` deltablue.py
executes 6% more instructions and takes ~15% longer). Native code Cranelift made runs
under valgrind's translation too (``--smc-check=all-non-file``), counted like the rest.

valgrind is not a dependency of Tauraro: the script says so and stops if it is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

_TOTAL = re.compile(r"==\d+== I\s+refs:\s+([\d,]+)")
_LINE = re.compile(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)")


def _programs(args) -> list[Path]:
    out = []
    for a in args or [str(HERE / "suite")]:
        p = Path(a)
        out.extend(sorted(p.resolve().glob("*.py")) if p.is_dir() else [p.resolve()])
    return out


def _count(program: Path, options: list[str], workdir: Path) -> tuple[int, dict]:
    """(instructions executed, {function: its own instructions}) of one run."""
    cmd = [sys.executable, "-m", "tauraro", "run", *options, str(program)]
    subprocess.run(cmd, capture_output=True, cwd=str(program.parent))      # (warm caches)
    out = workdir / ("callgrind.%s.%s.out" % (program.stem, "jit" if not options else "nojit"))
    run = subprocess.run(["valgrind", "--tool=callgrind", "--smc-check=all-non-file",
                          "--callgrind-out-file=%s" % out, *cmd],
                         capture_output=True, text=True, cwd=str(program.parent))
    m = _TOTAL.search(run.stderr)
    if run.returncode != 0 or m is None:
        raise RuntimeError("%s %s: exit %d\n%s" % (program.name, " ".join(options), run.returncode,
                                                   run.stderr[-2000:]))
    annotated = subprocess.run(["callgrind_annotate", "--threshold=99", str(out)],
                               capture_output=True, text=True).stdout
    functions = {}
    for line in annotated.splitlines():
        f = _LINE.match(line)
        if f and "PROGRAM TOTALS" not in line:
            name = re.sub(r"^.*/Python-[\d.]+/", "", f.group(2).split(" [")[0].strip())
            functions[name] = functions.get(name, 0) + int(f.group(1).replace(",", ""))
    out.unlink()
    return int(m.group(1).replace(",", "")), functions


def measure(program: Path, workdir: Path) -> dict:
    jit, jit_fns = _count(program, [], workdir)
    plain, plain_fns = _count(program, ["--no-jit"], workdir)
    moved = sorted(set(jit_fns) | set(plain_fns),
                   key=lambda k: -abs(jit_fns.get(k, 0) - plain_fns.get(k, 0)))[:5]
    return {"program": program.name, "jit": jit, "no_jit": plain, "ratio": jit / plain,
            "most_moved": [(k, jit_fns.get(k, 0) - plain_fns.get(k, 0)) for k in moved]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="programs or folders of them (default: bench/suite)")
    ap.add_argument("--jobs", type=int, default=1, help="programs measured at once")
    ap.add_argument("--save", help="write the rows as JSON to this file")
    opts = ap.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        sys.exit("bench/instructions.py needs valgrind (callgrind and callgrind_annotate) on PATH")
    programs = _programs(opts.paths)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max(1, opts.jobs)) as pool:
        for row in pool.map(lambda p: measure(p, Path(tmp)), programs):
            rows.append(row)
            print("%-22s %16d %16d   jit/no-jit %.4fx" % (row["program"], row["jit"], row["no_jit"],
                                                          row["ratio"]), flush=True)
            for name, delta in row["most_moved"]:
                print("    %+15d  %s" % (delta, name[:100]))
    if rows:
        product = 1.0
        for row in rows:
            product *= row["ratio"]
        print("GEOMEAN jit/no-jit %.4fx over %d programs" % (product ** (1 / len(rows)), len(rows)))
    if opts.save:
        Path(opts.save).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
