"""Run a program under CPython and under Tauraro, and compare what they print."""
from __future__ import annotations

import difflib
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
        """What must be identical between CPython and Tauraro: the whole of stdout, the
        exit code and the WHOLE of stderr (tracebacks, warnings, logging, pdb...).  Both
        runs get the same absolute program path and cwd, so file names in tracebacks
        agree."""
        return (self.stdout, self.returncode, self.stderr)


def _diff(name: str, expected: str, got: str, limit: int, labels: tuple[str, str]) -> str:
    lines = list(difflib.unified_diff(expected.splitlines(keepends=True),
                                      got.splitlines(keepends=True),
                                      fromfile="%s (%s)" % (name, labels[0]),
                                      tofile="%s (%s)" % (name, labels[1])))
    text = "".join(l if l.endswith("\n") else l + "\n" for l in lines)
    if len(text) > limit:
        text = text[:limit] + "... (%d more characters of diff)\n" % (len(text) - limit)
    return text


def explain(got: Outcome, expected: Outcome, limit: int = 6000,
            labels: tuple[str, str] = ("CPython", "Tauraro")) -> str:
    """An assertion message for ``got.comparable() == expected.comparable()``: which
    parts differ, each shown as a unified diff (``expected`` is the "from" side, named
    ``labels[0]``; ``got`` is named ``labels[1]``)."""
    parts = []
    if got.returncode != expected.returncode:
        parts.append("exit code: %s %d, %s %d\n" % (labels[0], expected.returncode,
                                                    labels[1], got.returncode))
    if got.stdout != expected.stdout:
        parts.append("stdout differs:\n" + _diff("stdout", expected.stdout, got.stdout, limit, labels))
    if got.stderr != expected.stderr:
        parts.append("stderr differs:\n" + _diff("stderr", expected.stderr, got.stderr, limit, labels))
    if not parts:
        return "outputs are identical"
    return "\n".join(parts)


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
    # Variables that change what CPython prints (warnings, tracebacks' ^^^ markers,
    # breakpoint(), debug modes): neither run may inherit them.
    for var in ("PYTHONWARNINGS", "PYTHONBREAKPOINT", "PYTHONDEVMODE", "PYTHONNODEBUGRANGES",
                "PYTHONASYNCIODEBUG", "PYTHONFAULTHANDLER", "PYTHONTRACEMALLOC",
                "PYTHONINSPECT", "PYTHONOPTIMIZE", "PYTHONVERBOSE", "PYTHONDEBUG",
                "PYTHONSTARTUP", "PYTHONSAFEPATH", "PYTHONPROFILEIMPORTTIME",
                "PYTHONWARNDEFAULTENCODING", "PYTHONMALLOC", "PYTHON_COLORS",
                "FORCE_COLOR", "NO_COLOR"):
        env.pop(var, None)
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


def launched(tmp_path: Path, setup: str, source: str, *options: str) -> tuple[Outcome, Outcome]:
    """The program ``source`` run by ``tauraro run OPTIONS`` from a launcher that first runs
    ``setup`` (patches of Tauraro's functions, atexit reports -- an atexit handler it
    registers runs after the runtime's own close), and run by CPython: (Tauraro's outcome,
    CPython's)."""
    launcher = tmp_path / "launch.py"
    launcher.write_text("import sys\n%s\nsys.argv = ['tauraro', 'run', %s] + sys.argv[1:]\n"
                        "from tauraro.cli.main import entry\nentry()\n"
                        % (setup, ", ".join(map(repr, options))))
    prog = tmp_path / "prog.py"
    prog.write_text(source)
    return run([sys.executable, str(launcher)], prog), run([sys.executable], prog)
