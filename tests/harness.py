"""Run a program under CPython and under Tauraro, and compare what they print."""
from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = Path(__file__).resolve().parent / "programs"
TIMEOUT = 120


@dataclass(frozen=True)
class Outcome:
    stdout: str
    returncode: int
    last_stderr_line: str
    stderr: str

    def comparable(self):
        return (self.stdout, self.returncode, self.last_stderr_line)


def program_files():
    return sorted(p for p in PROGRAMS.glob("*.py") if not p.name.startswith("_"))


def program_args(path: Path) -> list[str]:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    if first.startswith("# args:"):
        return first[len("# args:"):].split()
    return []


def _env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONWARNINGS", None)
    return env


def run(cmd: list[str], path: Path, cwd: Path | None = None) -> Outcome:
    stdin_file = path.with_suffix(".stdin")
    stdin = stdin_file.read_bytes() if stdin_file.exists() else b""
    proc = subprocess.run(cmd + [str(path)] + program_args(path), input=stdin,
                          capture_output=True, cwd=str(cwd or path.parent), env=_env(),
                          timeout=TIMEOUT)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    lines = [l for l in err.splitlines() if l.strip()]
    return Outcome(out, proc.returncode, lines[-1] if lines else "", err)


@functools.lru_cache(maxsize=None)
def cpython(path: Path) -> Outcome:
    return run([sys.executable], path)


def tauraro(path: Path, *options: str) -> Outcome:
    return run([sys.executable, "-m", "tauraro", "run", *options], path)
