"""Per-loop JIT compile latency: codegen (Python -> wasm) + Cranelift (wasm -> machine code).

Run with the project venv:

    .venv/bin/python bench/compile_latency.py            # bench/jit/*.py and tests/programs/jit_*.py
    .venv/bin/python bench/compile_latency.py bench      # only bench/jit/*.py
    .venv/bin/python bench/compile_latency.py tests      # only tests/programs/jit_*.py

Every program runs once under the JIT with the on-disk native-code cache off
(so Cranelift really compiles every loop) and its per-loop figures are
collected from the --jit-stats JSON rows (compile_ms = codegen_ms +
cranelift_ms, summed over a loop's type versions).  Reported: min / median /
max over all compiled loops, and per program.

Engine start-up (load the wasmtime library, create the Engine, Cranelift's one-time
set-up) is not a per-loop cost: the controller starts the engine before it
starts timing the first loop's compile, and prints the start-up time
separately ("wasmtime engine started in X ms" in --jit-stats), which is
reported here on its own line.  The command run per program is

    python -m tauraro run --no-jit-cache --jit-stats --jit-stats-json OUT.json PROGRAM

with ``--jit-threshold 1`` added for tests/programs/jit_*.py, which are written
for it (their loops are short; the test suite runs them that way), so that
every loop they contain is compiled.

Target: median compile_ms <= 2 ms, the IR passes included (issue 8; it was 3 ms before the IR).
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def programs(which):
    out = []
    if which in ("all", "bench"):
        out += sorted((ROOT / "bench" / "jit").glob("*.py"))
    if which in ("all", "tests"):
        out += sorted((ROOT / "tests" / "programs").glob("jit_*.py"))
    return out


def env():
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    return e


def stdin_for(prog: Path):
    f = prog.with_suffix(".stdin")
    return f.read_bytes() if f.exists() else b""


def run_cli(prog: Path, d: str):
    out = os.path.join(d, prog.stem + ".cli.json")
    # tests/programs/jit_*.py are written for --jit-threshold 1 (their loops are short)
    threshold = ["--jit-threshold", "1"] if prog.parent.name == "programs" else []
    p = subprocess.run([sys.executable, "-m", "tauraro", "run", "--no-jit-cache", "--jit-stats",
                        "--jit-stats-json", out, *threshold, str(prog)], env=env(), cwd=str(prog.parent),
                       input=stdin_for(prog), capture_output=True)
    m = re.search(r"wasmtime engine started in ([0-9.]+) ms", p.stderr.decode())
    rows = json.load(open(out)) if os.path.exists(out) else []
    return rows, float(m.group(1)) if m else None


def compiled(rows):
    return [r for r in rows if r["status"] == "compiled" and r["versions"] > 0]


def summary(values):
    if not values:
        return "   (none)"
    return "%7.2f %7.2f %7.2f" % (min(values), statistics.median(values), max(values))


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    progs = programs(which)
    print("JIT compile latency per compiled loop, native cache off, %d CPUs" % os.cpu_count())
    print("engine start-up excluded (reported on its own line below)\n")
    print("%-30s %6s %6s   %-23s   %-23s   %-23s" % ("program", "loops", "vers", "compile_ms min/med/max",
                                                    "codegen_ms min/med/max", "cranelift_ms min/med/max"))
    allrows, engines = [], []
    with tempfile.TemporaryDirectory() as d:
        for prog in progs:
            rows, eng = run_cli(prog, d)
            rows = compiled(rows)
            allrows += rows
            if eng is not None:
                engines.append(eng)
            if not rows:
                print("%-30s %6d" % (prog.stem, 0))
                continue
            print("%-30s %6d %6d   %s   %s   %s" % (
                prog.stem[:30], len(rows), sum(r["versions"] for r in rows),
                summary([r["compile_ms"] for r in rows]), summary([r["codegen_ms"] for r in rows]),
                summary([r["cranelift_ms"] for r in rows])))
    per_version = [r["compile_ms"] / r["versions"] for r in allrows]
    print("\nALL: %d compiled loops (%d versions) in %d programs" % (
        len(allrows), sum(r["versions"] for r in allrows), len(progs)))
    print("  %-44s %s" % ("", "    min  median     max"))
    print("  %-44s %s" % ("compile_ms per loop (codegen + Cranelift)", summary([r["compile_ms"] for r in allrows])))
    print("  %-44s %s" % ("  codegen_ms", summary([r["codegen_ms"] for r in allrows])))
    print("  %-44s %s" % ("  cranelift_ms", summary([r["cranelift_ms"] for r in allrows])))
    print("  %-44s %s" % ("compile_ms per type version", summary(per_version)))
    print("  %-44s %s" % ("(engine start-up per process, not a loop cost)", summary(engines)))
    med = statistics.median(r["compile_ms"] for r in allrows) if allrows else float("nan")
    print("\n  median compile latency: %.2f ms  (target <= 2 ms: %s)" % (med, "met" if med <= 2 else "NOT met"))


if __name__ == "__main__":
    main()
