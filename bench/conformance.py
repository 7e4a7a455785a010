"""Run CPython's own regression tests (Lib/test) with Tauraro compiling each test module.

    python bench/conformance.py                          # the whole list, cpython + no-jit + jit
    python bench/conformance.py --files test_bool unary  # a subset ("test_" may be left out)
    python bench/conformance.py --modes cpython,nojit --jobs 2 --timeout 600
    python bench/conformance.py -v --json results.json   # + every test that regressed, + all data
    python bench/conformance.py --list                   # the files and whether this Python has them

For each test file ``test_X.py`` of the *running* Python's ``Lib/test`` (a package
such as ``test_dataclasses/`` is copied whole), and for each mode, a fresh temporary
directory gets a copy of the file and a generated ``conformance_driver.py`` next to
it. The driver sets up what regrtest sets up (``support.verbose`` off, no optional
resources unless ``--use``, faulthandler, a temporary working directory for the
files tests write, ``sys.argv`` without the runner's arguments), imports the test
module, loads its tests with ``unittest.TestLoader().loadTestsFromModule``
(``load_tests`` honoured, so the doctest-based files count one test per doctest),
runs them with a result class that records every test's outcome (pass / fail /
error / skip / xfail / xpass), and streams the outcomes as JSON lines to the file
named on its command line. The recording code is ``bench/conformance/
conformance_runtime.py``, imported from outside the program's directory: host code,
like ``unittest`` and ``test.support``; only the test module is compiled by Tauraro.

The module is imported as regrtest imports it, ``test.test_X`` (doctests and error
messages print that name): its spec is found as ``import test_X`` finds it --
through ``sys.meta_path``, where Tauraro's import hook claims the program's
directory -- and that spec's loader executes it under the qualified name. Each run
records which loader that was, and a Tauraro run whose module was not compiled by
Tauraro is flagged. ``--plain-import`` makes the driver ``import test_X`` itself.

The driver is run as a subprocess, in the temporary working directory:

    cpython  sys.executable conformance_driver.py OUT
    nojit    sys.executable -m tauraro run --no-jit conformance_driver.py OUT
    jit      sys.executable -m tauraro run conformance_driver.py OUT
    jit1     sys.executable -m tauraro run --jit-threshold 1 conformance_driver.py OUT  (not by default)

``-m tauraro`` when the interpreter imports this checkout's ``tauraro`` (the dev
venv); otherwise ``bench/conformance/launch_tauraro.py``, which is ``-m tauraro``
with the repository root put on ``sys.path`` (not in ``PYTHONPATH``: Tauraro counts
``PYTHONPATH`` as the program's own paths and would compile its own modules as
program code), so no install is needed. Each run has a timeout (default 300 s); a
crash, a timeout or an import error counts every test of that file as an error in
that mode, and is reported with the test that was running and the telling part of
stderr (faulthandler dumps the stacks shortly before the timeout). Before the
files run, each Tauraro mode is probed with a tiny program with a hot loop; a mode
that cannot run at all (no ``click`` or no ``wasmtime`` in this interpreter) is
reported and left out.

"passed" counts pass + expected failure. "lost" counts the tests that pass under
CPython whose outcome differs under a Tauraro mode (or that did not run there):
the target is 0. Exit status: 0 if nothing was lost and no mode crashed, 1 otherwise,
2 on a usage error.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HELPER_DIR = HERE / "conformance"

# The core-language files. "a|b" takes the first that this Python has (test_unicode
# became test_str in 3.13). Files a Python version lacks are skipped with a note.
FILES = [
    "test_grammar", "test_scope", "test_class", "test_descr", "test_generators",
    "test_coroutines", "test_exceptions", "test_patma", "test_int", "test_float",
    "test_long", "test_complex", "test_list", "test_tuple", "test_dict", "test_set",
    "test_string", "test_str|test_unicode", "test_bytes", "test_builtin",
    "test_augassign", "test_unary", "test_binop", "test_bool", "test_with", "test_raise",
    "test_keywordonlyarg", "test_listcomps", "test_setcomps", "test_dictcomps",
    "test_genexps", "test_funcattrs", "test_contextlib", "test_property", "test_super",
    "test_slice", "test_range", "test_enumerate", "test_iter", "test_opcodes",
    "test_compare", "test_richcmp", "test_exception_group", "test_except_star",
    "test_named_expressions", "test_positional_only_arg", "test_fstring", "test_types",
    "test_dataclasses", "test_decorators", "test_dynamicclassattribute", "test_syntax",
    "test_unpack", "test_unpack_ex", "test_lambda", "test_print", "test_global",
    "test_keyword",
    # more of the language proper
    "test_string_literals", "test_int_literal", "test_isinstance", "test_baseexception",
    "test_exception_variations", "test_genericclass", "test_subclassinit",
    "test_typechecks", "test_index", "test_pow", "test_format", "test_sort",
    "test_asyncgen", "test_contextlib_async", "test_userdict", "test_userlist",
]

MODES = {
    "cpython": None,
    "nojit": ["--no-jit"],
    "jit": [],
    "jit1": ["--jit-threshold", "1"],
}
DEFAULT_MODES = ["cpython", "nojit", "jit"]
OK = ("pass", "xfail")
OUTCOMES = ("pass", "fail", "error", "skip", "xfail", "xpass")

DRIVER = '''\
"""Generated by bench/conformance.py: run the CPython regression tests of {module}."""
import sys
sys.path.append({helper!r})
import conformance_runtime
conformance_runtime.setup(sys.argv, use_resources={resources!r}, timeout={timeout!r})
try:
    module = conformance_runtime.load({module!r})
except BaseException as exc:
    conformance_runtime.import_failed(exc)
    raise
conformance_runtime.run(module)
'''

# --plain-import: the program imports the module itself, under its file's name
DRIVER_PLAIN = '''\
"""Generated by bench/conformance.py: run the CPython regression tests of {module}."""
import sys
sys.path.append({helper!r})
import conformance_runtime
conformance_runtime.setup(sys.argv, use_resources={resources!r}, timeout={timeout!r})
try:
    import {module}
except BaseException as exc:
    conformance_runtime.import_failed(exc)
    raise
conformance_runtime.run({module})
'''

PROBE = '''\
total = 0
for i in range(5000):
    total += i * 3 % 7
print("probe", total)
'''


def safe(text):
    """Text that prints on any terminal (tests produce lone surrogates and the like)."""
    return str(text).encode("utf-8", "backslashreplace").decode("utf-8")


# --- finding the files ---------------------------------------------------------------

def test_dir():
    try:
        import test
    except ImportError as e:
        raise SystemExit("this Python (%s) has no 'test' package: %s" % (sys.executable, e))
    return Path(os.path.dirname(test.__file__))


def resolve(entry, tdir):
    """(name, path, is_package) of the first alternative this Python has, or (entry, None, note)."""
    for name in entry.split("|"):
        name = name.strip()
        if not name.startswith("test_"):
            name = "test_" + name
        if name.endswith(".py"):
            name = name[:-3]
        if (tdir / (name + ".py")).is_file():
            return name, tdir / (name + ".py"), False
        if (tdir / name / "__init__.py").is_file():
            return name, tdir / name, True
    name = entry.split("|")[0].strip()
    return (name if name.startswith("test_") else "test_" + name), None, "not in %s" % tdir


# --- running one file in one mode ------------------------------------------------------

class Runner:
    def __init__(self, args):
        self.args = args
        self.procs = {}            # pid -> Popen, the ones running now
        self.lock = threading.Lock()
        self.stopping = False
        self.launch = ["-m", "tauraro"]
        self.how = "python -m tauraro"
        self.data_entries = {}     # test file -> the Lib/test data entries its source names

    def find_tauraro(self):
        """How to start Tauraro: ``-m tauraro`` if this interpreter imports this checkout's
        ``tauraro`` as installed (the dev venv's editable install), else the launcher that
        puts the repository root on ``sys.path``. Not ``PYTHONPATH``: Tauraro treats its
        entries as the program's own paths and would compile its own modules (and the
        conformance runtime) as program code."""
        tmp = tempfile.mkdtemp(prefix="tauraro-conf-probe-")
        try:
            proc = subprocess.run([sys.executable, "-c", "import os, tauraro; print(os.path.realpath(tauraro.__file__))"],
                                  cwd=tmp, env=self.env(), capture_output=True, text=True, timeout=60)
            found = proc.stdout.strip() if proc.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            found = ""
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        here = os.path.join(os.path.realpath(ROOT), "tauraro", "")
        if found.startswith(here):
            self.launch = ["-m", "tauraro"]
            self.how = "python -m tauraro (this checkout, installed)"
        else:
            self.launch = [str(HELPER_DIR / "launch_tauraro.py")]
            self.how = "launch_tauraro.py = python -m tauraro with %s on sys.path (%s)" % (
                ROOT, "installed tauraro is " + found if found else "not installed")

    def command(self, mode, program, *args):
        flags = MODES[mode]
        if flags is None:
            return [sys.executable, str(program), *map(str, args)]
        return [sys.executable, *self.launch, "run", *flags, str(program), *map(str, args)]

    @staticmethod
    def env(mode=None):
        env = dict(os.environ)
        for var in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONBREAKPOINT"):
            env.pop(var, None)
        return env

    def spawn(self, cmd, cwd, env, stdout, stderr, timeout):
        """Run cmd in its own process group; returns (returncode or None on timeout, seconds)."""
        t0 = time.perf_counter()
        with open(stdout, "wb") as out, open(stderr, "wb") as err:
            proc = subprocess.Popen(cmd, cwd=str(cwd), env=env, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err, start_new_session=True)
            with self.lock:
                self.procs[proc.pid] = proc
            if self.stopping:
                self.kill_group(proc)
            try:
                rc = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                rc = None
            finally:
                self.kill_group(proc)
                with self.lock:
                    self.procs.pop(proc.pid, None)
        return rc, time.perf_counter() - t0

    @staticmethod
    def kill_group(proc):
        """Kill what the test left behind in its process group (or the run itself on timeout)."""
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass

    def kill_all(self):
        self.stopping = True
        with self.lock:
            procs = list(self.procs.values())
        for p in procs:
            self.kill_group(p)

    def probe(self, mode):
        """None if the mode can run a program with a hot loop, else why not."""
        tmp = Path(tempfile.mkdtemp(prefix="tauraro-conf-probe-"))
        try:
            (tmp / "probe.py").write_text(PROBE)
            cmd = self.command(mode, "probe.py")
            rc, _ = self.spawn(cmd, tmp, self.env(mode), tmp / "out", tmp / "err", 120)
            out = (tmp / "out").read_text(errors="replace")
            err = (tmp / "err").read_text(errors="replace")
            expected = {}
            exec(PROBE.replace("print(", "_ = ("), expected)
            want = "probe %d\n" % expected["total"]
            if rc == 0 and out == want:
                return None
            lines = [l for l in err.splitlines() if l.strip()]
            why = lines[-1] if lines else "no output on stderr"
            if rc is None:
                why = "timed out"
            elif rc == 0:
                why = "printed %r instead of %r" % (out[:80], want)
            return "%s (exit %s): %s" % (" ".join(os.path.basename(c) for c in cmd), rc, why)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def run_one(self, name, path, is_pkg, mode):
        res = {"mode": mode, "status": "ok", "tests": {}, "seconds": 0.0, "rc": None}
        if self.stopping:
            res.update(status="interrupted")
            return res
        tmp = Path(os.path.realpath(tempfile.mkdtemp(prefix="tauraro-conf-%s-%s-" % (name, mode))))
        res["tmpdir"] = str(tmp)
        try:
            prog = tmp / "prog"
            cwd = tmp / "cwd"
            prog.mkdir()
            cwd.mkdir()
            if is_pkg:
                shutil.copytree(path, prog / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(path, prog / (name + ".py"))
            self.link_data(path.parent, path, prog)
            driver = prog / "conformance_driver.py"
            template = DRIVER_PLAIN if self.args.plain_import else DRIVER
            driver.write_text(template.format(module=name, helper=str(HELPER_DIR),
                                            resources=list(self.args.use),
                                            timeout=float(self.args.timeout)))
            out = tmp / "out.jsonl"
            cmd = self.command(mode, driver, out)
            res["prog_dir"] = str(prog) + os.sep
            res["command"] = " ".join(cmd)
            rc, secs = self.spawn(cmd, cwd, self.env(mode), tmp / "stdout.txt",
                                  tmp / "stderr.txt", self.args.timeout)
            res["rc"], res["seconds"] = rc, round(secs, 2)
            self.read_records(out, res)
            stderr = (tmp / "stderr.txt").read_bytes().decode("utf-8", "backslashreplace")
            res["stderr_tail"] = stderr[-3000:]
            self.classify(res, rc, stderr)
        except Exception as e:       # the runner's own trouble: report it, keep going
            res.update(status="runner-error", note="%s: %s" % (type(e).__name__, e))
        finally:
            if not self.args.keep:
                shutil.rmtree(tmp, ignore_errors=True)
        return res

    def link_data(self, tdir, src, prog):
        """Tests open data files next to their module (os.path.dirname(__file__)):
        floating_points.txt, exception_hierarchy.txt, data/... The entries of Lib/test
        that are neither Python source nor packages, and whose names occur in the test's
        source, are linked into the program's directory (they are never imported, so
        nothing of them is compiled). A directory is made real, with its entries linked,
        so that a test that chdir()s into it finds os.getcwd() where __file__ says."""
        key = str(src)
        if key not in self.data_entries:
            candidates = []
            for entry in os.scandir(tdir):
                if entry.name.endswith((".py", ".pyc")) or entry.name == "__pycache__":
                    continue
                is_dir = entry.is_dir()
                if is_dir and os.path.exists(os.path.join(entry.path, "__init__.py")):
                    continue
                candidates.append((entry.name, entry.path, is_dir))
            paths = sorted(Path(src).rglob("*.py")) if Path(src).is_dir() else [Path(src)]
            text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in paths)
            self.data_entries[key] = [c for c in candidates if c[0] in text]

        def link(path, dst, is_dir):
            try:
                os.symlink(path, dst, target_is_directory=is_dir)
            except OSError:
                pass
        for name, path, is_dir in self.data_entries[key]:
            target = prog / name
            if os.path.lexists(target):
                continue
            if not is_dir:
                link(path, target, False)
                continue
            try:
                target.mkdir()
                for sub in os.scandir(path):
                    link(sub.path, target / sub.name, sub.is_dir())
            except OSError:
                pass

    @staticmethod
    def read_records(out, res):
        tests = res["tests"]
        res["running"] = None
        res["done"] = False
        if not out.exists():
            return
        with open(out, encoding="ascii", errors="backslashreplace") as f:
            for line in f:
                try:
                    rec = json.loads(line)
                except ValueError:     # a line cut short by a crash
                    continue
                ev = rec.get("ev")
                if ev == "start":
                    res["running"] = rec["id"]
                elif ev == "test":
                    tid = rec.pop("id")
                    key, n = tid, 1
                    while key in tests:       # the same test listed twice in the suite
                        n += 1
                        key = "%s#%d" % (tid, n)
                    rec.pop("ev")
                    tests[key] = rec
                    if res["running"] == tid:
                        res["running"] = None
                elif ev == "import_error":
                    res["import_error"] = rec
                elif ev == "loaded":
                    res["loaded"] = rec["count"]
                    res["loader"] = rec.get("loader")
                    if rec.get("loader_errors"):
                        res["loader_errors"] = rec["loader_errors"]
                elif ev == "done":
                    res["done"] = True
                    res["test_seconds"] = rec.get("seconds")
                elif ev == "setup":
                    res["setup"] = True
                    res["helper_loader"] = rec.get("helper_loader")

    @staticmethod
    def classify(res, rc, stderr):
        imp = res.get("import_error")
        short = lambda text: text.replace(res.get("prog_dir", "\0"), "")
        loader = res.get("loader") or ""
        if MODES[res["mode"]] is not None:
            if loader.endswith(" (host's)"):
                res["warning"] = "the test module was loaded by the host's %s, not compiled by Tauraro" % loader
            helper = res.get("helper_loader") or ""
            if helper and not helper.endswith(" (host's)"):
                res["warning"] = "the conformance runtime itself was loaded by %s (not the host's)" % helper
        if res["done"]:
            if rc is None:
                res["note"] = "all tests finished, then the process hung at exit (killed)"
            elif rc != 0:
                res["note"] = "all tests finished, then %s: %s" % (exit_text(rc), short(stderr_digest(stderr)))
            return
        if imp is not None and imp.get("skip"):
            res["status"] = "skipped"
            res["note"] = "module skipped: " + imp["summary"].splitlines()[-1][:300]
            return
        if imp is not None:
            res["status"] = "import-error"
            lines = [l.strip() for l in imp["summary"].splitlines() if l.strip()]
            where = [l for l in lines[:-1] if l.startswith("File ")][:1]
            res["note"] = "importing the test module failed: %s" % short(" ".join([lines[-1] if lines else "?"] + where))[:500]
            return
        if rc is None or "\nTimeout (" in "\n" + stderr:
            res["status"] = "timeout"
        else:
            res["status"] = "crash"
        where = []
        if not res.get("setup"):
            where.append("before the driver's setup ran")
        elif "loaded" not in res:
            where.append("while loading the tests")
        elif res.get("running"):
            where.append("in %s" % res["running"])
        where.append("%d tests had finished" % len(res["tests"]))
        res["note"] = "%s (%s) %s; stderr: %s" % (
            res["status"], exit_text(rc), ", ".join(where),
            short(stderr_digest(stderr))[:600])


def exit_text(rc):
    if rc is None:
        return "killed by the runner at the timeout"
    if rc < 0:
        try:
            return "killed by %s" % signal.Signals(-rc).name
        except ValueError:
            return "killed by signal %d" % -rc
    return "exit status %d" % rc


def stderr_digest(stderr, frames=4):
    """The informative part of a dead run's stderr, on one line: faulthandler's
    'Fatal Python error' / 'Timeout' header with the innermost frames, or else the last
    line (the exception of a Python traceback)."""
    lines = [l.rstrip() for l in stderr.splitlines() if l.strip()]
    if not lines:
        return "(empty)"
    for i, l in enumerate(lines):
        if l.startswith("Fatal Python error") or (l.startswith("Timeout (") and l.endswith("!")):
            head = [l]
            for j in range(i + 1, len(lines)):
                if "most recent call first" in lines[j]:
                    head += [x.strip() for x in lines[j + 1:j + 1 + frames]]
                    break
            return " | ".join(head)
    return lines[-1]


# --- comparing and reporting -----------------------------------------------------------

def counts(tests):
    c = dict.fromkeys(OUTCOMES, 0)
    for t in tests.values():
        c[t["outcome"]] = c.get(t["outcome"], 0) + 1
    return c


def first_lines(summary, n):
    lines = (summary or "").splitlines()
    for i, l in enumerate(lines):      # a doctest report: show the first failing example
        if l.startswith("Failed example:"):
            block = []
            for x in lines[i:]:
                if x.startswith("-" * 20):
                    break
                if x.strip():
                    block.append(x)
            return block[:n + 4]
    return [x for x in lines if x.strip()][:n]


def compare(files, modes):
    """Fill in per file: passed per mode, lost per Tauraro mode (and in any of them)."""
    tmodes = [m for m in modes if m != "cpython"]
    for f in files:
        if f.get("missing"):
            continue
        runs = f["runs"]
        base = runs.get("cpython")
        f["passed"] = {}
        f["lost"] = {}
        for m, r in runs.items():
            ok = r["status"] == "ok"
            f["passed"][m] = sum(1 for t in r["tests"].values() if t["outcome"] in OK) if ok else 0
        if base is None or base["status"] != "ok":
            continue
        f["tests"] = len(base["tests"])
        good = {tid: t for tid, t in base["tests"].items() if t["outcome"] in OK}
        union = set()
        for m in tmodes:
            r = runs.get(m)
            if r is None or r["status"] == "unavailable":
                continue
            lost = {}
            for tid, t in good.items():
                if r["status"] != "ok":
                    lost[tid] = r["status"]
                elif tid not in r["tests"]:
                    lost[tid] = "missing"
                elif r["tests"][tid]["outcome"] != t["outcome"]:
                    lost[tid] = r["tests"][tid]["outcome"]
            f["lost"][m] = lost
            union |= set(lost)
            r["extra"] = sorted(set(r["tests"]) - set(base["tests"])) if r["status"] == "ok" else []
        f["lost_any"] = sorted(union)


def fmt_table(files, modes, unavailable):
    tmodes = [m for m in modes if m != "cpython"]
    head = ["file", "tests", "skip"] + modes + (["lost"] if "cpython" in modes and tmodes else [])
    rows = []
    for f in files:
        if f.get("missing"):
            continue
        base = f["runs"].get("cpython")
        row = [f["name"]]
        if base is not None and base["status"] == "ok":
            row += [str(len(base["tests"])), str(counts(base["tests"])["skip"])]
        else:
            row += ["-", "-"]
        for m in modes:
            r = f["runs"].get(m)
            if m in unavailable or r is None:
                row.append("n/a")
            elif r["status"] != "ok":
                row.append(r["status"])
            else:
                row.append(str(f["passed"][m]))
        if len(head) > len(row):
            row.append(str(len(f["lost_any"])) if f.get("lost") else "-")
        rows.append(row)
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]
    out = []
    line = lambda cells: "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                                  for i, c in enumerate(cells))
    out.append(line(head))
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append(line(r))
    return out, line, widths


def report(files, modes, unavailable, args, wall, how, tdir):
    tmodes = [m for m in modes if m != "cpython"]
    lines, line, widths = fmt_table(files, modes, unavailable)
    present = [f for f in files if not f.get("missing")]
    tot = ["TOTAL"]
    based = [f for f in present if "tests" in f]
    tot.append(str(sum(f["tests"] for f in based)))
    tot.append(str(sum(counts(f["runs"]["cpython"]["tests"])["skip"] for f in based)))
    for m in modes:
        tot.append("n/a" if m in unavailable else str(sum(f["passed"].get(m, 0) for f in present)))
    if len(widths) > len(tot):
        tot.append(str(sum(len(f.get("lost_any", ())) for f in present))
                   if any(m not in unavailable for m in tmodes) else "-")
    lines.append("  ".join("-" * w for w in widths))
    lines.append(line(tot))
    out = ["", "Python %s (%s), tests from %s" % (sys.version.split()[0], sys.executable, tdir),
           "Tauraro run as: %s" % how if any(m != "cpython" for m in modes) else "",
           "test modules loaded as %s" % ("test_X (--plain-import)" if args.plain_import else "test.test_X"),
           "passed = pass + expected failure; lost = passes under CPython, not in every Tauraro mode", ""]
    out += lines
    out.append("")
    if tmodes and "cpython" in modes:
        for m in tmodes:
            if m in unavailable:
                continue
            n = sum(len(f.get("lost", {}).get(m, ())) for f in present)
            out.append("lost under %-6s %d" % (m + ":", n))
    secs = {m: sum(f["runs"][m]["seconds"] for f in present if m in f["runs"])
            for m in modes if m not in unavailable}
    out.append("process time per mode (s): " + ", ".join("%s %.0f" % (m, s) for m, s in secs.items()))
    out.append("wall time: %.0f s with --jobs %d" % (wall, args.jobs))
    notes = []
    for m, why in unavailable.items():
        notes.append("mode %s unavailable: %s" % (m, why))
    for f in files:
        if f.get("missing"):
            notes.append("%s: skipped, %s" % (f["name"], f["missing"]))
            continue
        for m, r in f["runs"].items():
            for key in ("warning", "note"):
                if r.get(key):
                    notes.append("%s [%s]: %s" % (f["name"], m, r[key]))
            for e in r.get("loader_errors", ())[:3]:
                notes.append("%s [%s]: loader error: %s" % (f["name"], m, first_lines(e, 1)[0] if e.strip() else e))
    if notes:
        out += ["", "Notes:"] + ["  " + safe(n) for n in notes]
    if args.verbose and "cpython" in modes and tmodes:
        out += ["", "Tests that pass under CPython and not under Tauraro:"]
        if not any(f.get("lost_any") for f in present):
            out.append("  (none)")
        for f in present:
            lost = f.get("lost", {})
            if not any(lost.values()):
                continue
            crashed = [m for m in lost if f["runs"][m]["status"] != "ok"]
            for m in crashed:
                out.append("  %s [%s]: %s -- all %d tests counted lost"
                           % (f["name"], m, f["runs"][m]["status"], len(lost[m])))
            for tid in f["lost_any"]:
                ms = [m for m in lost if tid in lost[m] and m not in crashed]
                if not ms:
                    continue
                out.append("  %s  [%s]" % (tid, ", ".join("%s: %s" % (m, lost[m][tid]) for m in ms)))
                t = f["runs"][ms[0]]["tests"].get(tid)
                if t is not None:
                    for l in first_lines(t.get("summary"), args.lines):
                        out.append("      " + l[:200])
    return "\n".join(safe(l) for l in out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", nargs="+", metavar="FILE",
                    help="test files to run (names from Lib/test; 'test_' may be left out; "
                         "commas also separate); default: the built-in list")
    ap.add_argument("--modes", default=",".join(DEFAULT_MODES),
                    help="comma-separated, from %s (default %%(default)s)" % ", ".join(MODES))
    ap.add_argument("--jobs", "-j", type=int, default=2, help="runs in parallel (default 2)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per file per mode (default 300)")
    ap.add_argument("--use", default="", metavar="RES,...",
                    help="test.support resources to enable, as regrtest -u (default none)")
    ap.add_argument("--json", metavar="FILE", help="write every result to FILE")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list the tests that pass under CPython and not under Tauraro")
    ap.add_argument("--lines", type=int, default=3, help="failure message lines shown by -v (default 3)")
    ap.add_argument("--plain-import", action="store_true",
                    help="the driver does 'import test_X' (module named test_X) instead of loading "
                         "it as test.test_X through the same import hook")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories (paths in --json)")
    ap.add_argument("--list", action="store_true", help="list the files and exit")
    ap.add_argument("--test-dir", metavar="DIR",
                    help="take the test files from DIR instead of this Python's Lib/test "
                         "(they still run as test.test_X, with the host's test.support)")
    args = ap.parse_args(argv)

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if bad or not modes:
        ap.error("unknown mode(s) %s; choose from %s" % (", ".join(bad) or "(none)", ", ".join(MODES)))
    modes = list(dict.fromkeys(modes))
    if "cpython" in modes:     # the baseline first in the table
        modes.remove("cpython")
        modes.insert(0, "cpython")
    args.use = [r.strip() for r in args.use.split(",") if r.strip()]
    if args.jobs < 1 or args.timeout <= 0:
        ap.error("--jobs and --timeout must be positive")

    tdir = Path(args.test_dir).resolve() if args.test_dir else test_dir()
    entries = FILES
    if args.files:
        entries = [e for arg in args.files for e in arg.split(",") if e.strip()]
    files, seen = [], set()
    for e in entries:
        name, path, info = resolve(e, tdir)
        if name in seen:
            continue
        seen.add(name)
        if path is None:
            files.append({"name": name, "missing": info})
        else:
            files.append({"name": name, "path": str(path), "package": info, "runs": {}})
    if args.list:
        for f in files:
            print("%-32s %s" % (f["name"], f.get("missing") or f["path"]))
        return 0

    runner = Runner(args)
    if any(MODES[m] is not None for m in modes):
        runner.find_tauraro()
        print("tauraro: %s" % runner.how, file=sys.stderr)
    unavailable = {}
    for m in modes:
        why = runner.probe(m)
        if why is not None:
            unavailable[m] = why
            print("mode %s unavailable: %s" % (m, safe(why)), file=sys.stderr)

    todo = [f for f in files if not f.get("missing")]
    # the biggest files first, so that two workers finish together
    size = lambda f: sum(p.stat().st_size for p in Path(f["path"]).rglob("*.py")) if f["package"] \
        else Path(f["path"]).stat().st_size
    todo.sort(key=size, reverse=True)
    tasks = [(f, m) for f in todo for m in modes if m not in unavailable]
    for f in todo:
        for m in unavailable:
            if m in modes:
                f["runs"][m] = {"mode": m, "status": "unavailable", "tests": {}, "seconds": 0.0}

    def terminate(signum, frame):    # SIGTERM: stop like Ctrl-C, killing the runs
        raise KeyboardInterrupt
    try:
        signal.signal(signal.SIGTERM, terminate)
        if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:   # started in the background
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except (ValueError, OSError):
        pass

    t0 = time.perf_counter()
    done = 0
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
    try:
        futs = {pool.submit(runner.run_one, f["name"], Path(f["path"]), f["package"], m): (f, m)
                for f, m in tasks}
        for fut in concurrent.futures.as_completed(futs):
            f, m = futs[fut]
            r = fut.result()
            f["runs"][m] = r
            done += 1
            c = counts(r["tests"])
            print("[%d/%d] %-28s %-7s %-12s %4d tests, %4d passed  %6.1fs" % (
                done, len(tasks), f["name"], m, r["status"], len(r["tests"]),
                c["pass"] + c["xfail"], r["seconds"]), file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print("interrupted: stopping the runs", file=sys.stderr)
        runner.kill_all()
        pool.shutdown(wait=True, cancel_futures=True) if sys.version_info >= (3, 9) else pool.shutdown()
        return 130
    pool.shutdown()
    wall = time.perf_counter() - t0

    # the table in list order
    compare(files, modes)
    print(report(files, modes, unavailable, args, wall, runner.how, tdir))

    if args.json:
        data = {
            "python": sys.version.split()[0], "executable": sys.executable,
            "test_dir": str(tdir), "modes": modes, "unavailable": unavailable,
            "tauraro_launch": runner.how, "plain_import": args.plain_import,
            "timeout": args.timeout, "jobs": args.jobs, "use_resources": args.use,
            "wall_seconds": round(wall, 1), "files": files,
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, ensure_ascii=True, default=list)
        print("wrote %s" % args.json)
    bad = bool(unavailable) or any(f.get("lost_any") for f in files) or any(
        r["status"] not in ("ok", "skipped", "unavailable") for f in files if not f.get("missing")
        for r in f["runs"].values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
