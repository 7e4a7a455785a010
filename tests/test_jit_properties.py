"""Property-based differential tests: random int/float loop programs print what CPython prints.

``loopgen.programs`` generates small programs: a few int and float variables and
lists, then one or two (possibly nested) ``for``/``while`` loops whose bodies
assign random arithmetic, bitwise and comparison expressions, branch, break and
continue, and read and write the lists; at the end every variable is printed with
``repr``.  Each program is run by CPython (the oracle) and by Tauraro, and stdout,
exit code, the last stderr line and the traceback's ``File ..., line N`` frames
must be the same.

- ``test_jit_matches_cpython_on_supported_loops``: "tame" programs use only what
  the JIT compiles and their values provably stay inside 64-bit ints and finite
  floats.  Run with ``--jit-threshold 1``; ``--jit-stats-json`` must also show
  that native code really ran.
- ``test_jit_matches_cpython_on_wild_loops``: "wild" programs overflow 64 bits,
  divide by zero, go inf/nan/complex, index out of range, change variable types
  and call things the JIT does not compile; the output must still be exact.
- ``test_interpreter_matches_cpython``: both kinds, with ``--no-jit``.

The runs are deterministic (``derandomize=True``).  A failure prints the
generated program; save it to a file and run it with
``python -m tauraro run --jit-threshold 1 FILE`` and with ``python FILE``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from loopgen import programs

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60
STATUSES = {"compiled", "not compiled", "blacklisted", "interpreted"}

# derandomize: the same programs on every run (and no example database)
COMMON = dict(deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])


def _env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONWARNINGS", None)
    return env


@dataclass
class Outcome:
    stdout: str
    returncode: int
    stderr: str

    @property
    def last_stderr_line(self):
        lines = [l for l in self.stderr.splitlines() if l.strip()]
        return lines[-1] if lines else ""

    @property
    def frames(self):
        """The traceback's frame lines (CPython's ^^^ markers are not compared)."""
        return [l.strip() for l in self.stderr.splitlines() if l.strip().startswith('File "')]

    def comparable(self):
        return (self.stdout, self.returncode, self.last_stderr_line, self.frames)


def _finish(proc) -> Outcome:
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += b"\n<timed out after %d s>" % TIMEOUT
        return Outcome(out.decode("utf-8", "replace"), -999, err.decode("utf-8", "replace"))
    return Outcome(out.decode("utf-8", "replace"), proc.returncode, err.decode("utf-8", "replace"))


def run_both(source: str, *options: str):
    """Run ``source`` under CPython and under Tauraro (with ``options``), side by side."""
    with tempfile.TemporaryDirectory(prefix="tauraro_prop_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(source, encoding="utf-8")
        stats = Path(tmp) / "stats.json"
        opts = list(options)
        if "--no-jit" not in opts:
            opts += ["--no-jit-cache", "--jit-stats-json", str(stats)]
        spawn = dict(stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     cwd=tmp, env=_env())
        cpython = subprocess.Popen([sys.executable, str(path)], **spawn)
        tauraro = subprocess.Popen([sys.executable, "-m", "tauraro", "run", *opts, str(path)], **spawn)
        expected, got = _finish(cpython), _finish(tauraro)
        rows = json.loads(stats.read_text()) if stats.exists() else None
        return expected, got, rows, str(path)


def _describe(title, program, options, expected, got, rows=None) -> str:
    parts = [title,
             "reproduce: save the program as prog.py, then compare `python prog.py` with "
             "`python -m tauraro run %s prog.py`" % " ".join(options),
             "---- program ----", program.source,
             "---- CPython: exit %d ----" % expected.returncode, expected.stdout + expected.stderr[-1500:],
             "---- Tauraro: exit %d ----" % got.returncode, got.stdout + got.stderr[-3000:]]
    if rows is not None:
        parts += ["---- jit stats ----", json.dumps(rows, indent=1)[:4000]]
    return "\n".join(parts)


def check_same(program, *options):
    expected, got, rows, path = run_both(program.source, *options)
    assert got.comparable() == expected.comparable(), _describe(
        "Tauraro's output differs from CPython's", program, options, expected, got, rows)
    event("CPython exit %d" % expected.returncode)
    return expected, got, rows, path


JIT = ("--jit-threshold", "1")


@settings(max_examples=75, **COMMON)
@given(programs("tame"))
def test_jit_matches_cpython_on_supported_loops(program):
    expected, got, rows, path = check_same(program, *JIT)
    # tame programs never raise: a failure here is a bug of the generator
    assert expected.returncode == 0, _describe("a tame program failed", program, JIT, expected, got, rows)
    assert rows is not None, _describe("no --jit-stats-json output", program, JIT, expected, got)
    mine = [r for r in rows if r["file"] == path]
    assert all(r["status"] in STATUSES for r in mine), _describe(
        "unknown loop status", program, JIT, expected, got, rows)
    assert {r["line"] for r in mine} <= set(program.loop_lines), _describe(
        "stats rows for lines that are not loop headers %s" % program.loop_lines,
        program, JIT, expected, got, rows)
    # a loop that went round its back edge at least once was compiled there (threshold 1)
    iterated = [r for r in mine if r["native_iterations"] + r["interpreted_iterations"] >= 2]
    if not iterated:
        event("stats: no loop iterated twice (not asserted)")
        return
    event("stats: asserted native code ran")
    native = [r for r in mine if r["status"] == "compiled" and r["native_iterations"] > 0]
    assert native, _describe("the output is right, but no loop ran natively although every loop "
                             "uses only operations the JIT compiles", program, JIT, expected, got, rows)


@settings(max_examples=45, **COMMON)
@given(programs("wild"))
def test_jit_matches_cpython_on_wild_loops(program):
    expected, got, rows, path = check_same(program, *JIT)
    assert rows is not None, _describe("no --jit-stats-json output", program, JIT, expected, got)
    assert all(r["status"] in STATUSES for r in rows), _describe(
        "unknown loop status", program, JIT, expected, got, rows)
    event("wild: only supported operations" if program.supported else "wild: with unsupported statements")
    if any(r["native_iterations"] > 0 for r in rows):
        event("wild: some native iterations")


@settings(max_examples=30, **COMMON)
@given(st.one_of(programs("tame"), programs("wild")))
def test_interpreter_matches_cpython(program):
    check_same(program, "--no-jit")
