"""The command line a Python user expects: each way of starting a program behaves as
``python3`` with the same arguments (stdout, the whole of stderr, exit code, sys.argv,
sys.path[0], __main__'s globals); Tauraro's options by flag or environment variable;
statistics written however the program ends; the caches."""
import json
import os
import signal
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from harness import _env

PY = sys.executable

# what a program can see of how it was started
PROBE = """\
import sys
print(sys.argv, repr(sys.path[0]))
print([(k, type(v).__name__) for k, v in globals().items()])
print(__name__, __spec__.name if __spec__ else None, __package__)
"""
# a hot loop, then an uncaught exception: the traceback is the program's alone
FAILING = """\
def f(n):
    t = 0
    for i in range(n):
        t += i % 7
    return t
print(f(5000))
raise ValueError("the program failed")
"""


def run(cmd, cwd, stdin=b"", env=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, cwd=str(cwd), env=env or _env(),
                       timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def same(tmp_path, args, stdin=b"", tauraro_opts=("--jit-threshold", "50")):
    """Run ``python3 ARGS`` and ``tauraro [OPTS] ARGS`` in tmp_path: all three outputs agree."""
    want = run([PY, *args], tmp_path, stdin)
    got = run([PY, "-m", "tauraro", *tauraro_opts, *args], tmp_path, stdin)
    assert got == want, "\n".join(map(str, (want, got)))
    return got


def test_dash_c(tmp_path):
    same(tmp_path, ["-c", PROBE, "a", "-b"])
    code, out, err = same(tmp_path, ["-c", FAILING])
    assert code == 1 and 'File "<string>", line 7, in <module>' in err
    same(tmp_path, ["-c", "import sys; sys.exit('bye')"])
    same(tmp_path, ["-c", "x = = 1"])
    same(tmp_path, ["-cprint('joined')"])
    same(tmp_path, ["-c"])
    same(tmp_path, ["-m"])


@pytest.mark.parametrize("data", [
    b'x = "\xe9"\nprint(x)\n',                               # not UTF-8, on line 1
    b'print(1)\nprint(2)\nx = "\xe9"\n',                     # ... on line 3
    b'# -*- coding: latin-1 -*-\nprint("\xe9", len("\xe9"))\n',   # declared
    b'\xef\xbb\xbfprint("bom", "\xc3\xa9")\n',                   # a BOM
    b'print("no declaration", "\xc3\xa9")\n# coding is a word\n',
    b'#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\nprint("\xe9")\n',
    b'\x0c  # coding=latin-1\nprint("\xe9")\n',
    b"'''x'''\n# coding: latin-1\nprint('\xe9')\n",             # line 1 code: line 2 not read
    b"'''Huffman coding: trees.'''\nprint('\xc3\xa9')\n",
    b"'''Huffman coding: trees.'''\nprint('\xe9')\n",
], ids=["bad-line-1", "bad-line-3", "latin-1", "bom", "word-coding", "line-2-vim", "form-feed-equals",
        "cookie-after-code", "docstring-coding", "docstring-coding-bad"])
def test_source_encodings_as_cpython_reads_them(tmp_path, data):
    (tmp_path / "enc.py").write_bytes(data)
    same(tmp_path, ["enc.py"])


def test_dash_m_runs_the_programs_own_module_compiled(tmp_path):
    (tmp_path / "probe.py").write_text(PROBE)
    (tmp_path / "failing.py").write_text(FAILING)
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "__main__.py").write_text(PROBE)
    same(tmp_path, ["-m", "probe", "x", "y"])
    same(tmp_path, ["-m", "pkg", "z"])
    code, out, err = same(tmp_path, ["-m", "failing"])
    assert '<frozen runpy>' in err        # runpy's frames, as under python3 -m
    same(tmp_path, ["-m", "no_such_module"])
    stats = tmp_path / "stats.json"
    run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-stats-json", str(stats), "-m",
         "failing"], tmp_path)
    rows = json.loads(stats.read_text())
    assert [(r["function"], r["status"]) for r in rows] == [("f", "compiled")]


def test_dash_m_with_a_stdlib_module(tmp_path):
    data = b'{"b": [1, 2], "a": null}'
    same(tmp_path, ["-m", "json.tool", "--sort-keys"], stdin=data)
    # the user's code a stdlib tool runs is the program's own: unittest imports it
    (tmp_path / "test_mine.py").write_text(
        "import unittest\nclass T(unittest.TestCase):\n"
        "    def test_sum(self):\n        t = 0\n        for i in range(3000):\n"
        "            t += i\n        self.assertEqual(t, 4498500)\n")
    env = _env()
    stats = tmp_path / "stats.json"
    env["TAURARO_JIT_STATS_JSON"] = str(stats)
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "-m", "unittest",
                          "-q", "test_mine"], tmp_path, env=env)
    assert code == 0, err
    assert [r["status"] for r in json.loads(stats.read_text())] == ["compiled"]


@pytest.mark.parametrize("how", [["-"], ["run", "-"], []])
def test_program_from_standard_input(tmp_path, how):
    args = ["a1"] if how else []
    want = run([PY, *(["-"] if how else []), *args], tmp_path, PROBE.encode())
    tauraro_args = ["-m", "tauraro"] + how + args
    got = run([PY, *tauraro_args], tmp_path, PROBE.encode())
    assert got == want
    want = run([PY, "-"], tmp_path, FAILING.encode())
    got = run([PY, "-m", "tauraro", "-"], tmp_path, FAILING.encode())
    assert got == want and 'File "<stdin>", line 7' in got[2]


def test_directory_and_zip_with_main(tmp_path):
    d = tmp_path / "app"
    d.mkdir()
    (d / "__main__.py").write_text(PROBE + FAILING)
    (d / "helper.py").write_text("X = 1\n")
    code, out, err = same(tmp_path, ["app", "arg"])
    assert code == 1 and "app/__main__.py" in err
    z = tmp_path / "app.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(d / "__main__.py", "__main__.py")
    same(tmp_path, ["app.zip", "arg"])
    same(tmp_path, [str(tmp_path / "app.zip")])


def test_shebang(tmp_path):
    script = Path(PY).parent / "tauraro"
    if not script.exists():
        pytest.skip("the console script is not installed beside this interpreter")
    prog = tmp_path / "prog"
    prog.write_text("#!/usr/bin/env tauraro\nimport sys\nprint('hello from', sys.argv)\n")
    prog.chmod(prog.stat().st_mode | stat.S_IXUSR)
    env = _env()
    env["PATH"] = str(script.parent) + os.pathsep + env.get("PATH", "")
    code, out, err = run([str(prog), "x"], tmp_path, env=env)
    assert (code, out, err) == (0, "hello from [%r, 'x']\n" % str(prog), "")


def test_version_names_the_host_python_and_wasmtime(tmp_path):
    from importlib.metadata import version
    import tauraro
    code, out, err = run([PY, "-m", "tauraro", "--version"], tmp_path)
    assert (code, err) == (0, "")
    assert out == "tauraro %s (Python %s, wasmtime %s)\n" % (
        tauraro.__version__, sys.version.split()[0], version("wasmtime"))


@pytest.mark.parametrize("argv,message", [
    (["run", "--jit-stat", "p.py"], "No such option: --jit-stat Did you mean --jit-stats?"),
    (["--jit-stat", "p.py"], "No such option: --jit-stat Did you mean --jit-stats?"),
    (["run", "--emit-wsm=d", "p.py"], "No such option: --emit-wsm=d Did you mean --emit-wasm?"),
    (["run", "--jit-threshold", "0", "p.py"], "Invalid value for '--jit-threshold': expected a "
                                              "whole number of at least 1, not '0'"),
    (["run"], "Missing argument 'FILE'."),
])
def test_bad_options(tmp_path, argv, message):
    (tmp_path / "p.py").write_text("print('ran')\n")
    code, out, err = run([PY, "-m", "tauraro", *argv], tmp_path)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == "Error: " + message
    assert "Traceback" not in err


HOT = "t = 0\nfor i in range(20000):\n    t += i % 7\nprint(t)\n"


@pytest.mark.parametrize("var,value,check", [
    ("TAURARO_JIT_STATS", "1", lambda err, tmp: "loop.py:2 for loop in <module>: compiled" in err),
    ("TAURARO_JIT_THRESHOLD", "100000", lambda err, tmp: "0 compiled" in err),
    ("TAURARO_NO_JIT", "1", lambda err, tmp: err == ""),
    ("TAURARO_EMIT_WASM", "WASM", lambda err, tmp: any(
        n.endswith(".wasm") for n in os.listdir(tmp / "WASM"))),
])
def test_options_as_environment_variables(tmp_path, var, value, check):
    (tmp_path / "loop.py").write_text(HOT)
    env = _env()
    env[var] = str(tmp_path / value) if value == "WASM" else value
    if var != "TAURARO_JIT_STATS":
        env["TAURARO_JIT_STATS"] = "0" if var == "TAURARO_NO_JIT" else "1"
    code, out, err = run([PY, "-m", "tauraro", "loop.py"], tmp_path, env=env)
    assert (code, out) == (0, "%d\n" % sum(i % 7 for i in range(20000)))
    assert check(err, tmp_path), err


def test_a_bad_environment_variable_is_one_line(tmp_path):
    (tmp_path / "loop.py").write_text(HOT)
    env = _env()
    env["TAURARO_JIT_THRESHOLD"] = "many"
    code, out, err = run([PY, "-m", "tauraro", "loop.py"], tmp_path, env=env)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == ("Error: TAURARO_JIT_THRESHOLD: expected a whole number of "
                                    "at least 1, not 'many'")


ENDINGS = {
    "normal": ("", 0),
    "sys.exit": ("import sys\nsys.exit(3)\n", 3),
    "exception": ("raise KeyError('k')\n", 1),
    "ctrl-c": ("import os, signal\nos.kill(os.getpid(), signal.SIGINT)\n", -signal.SIGINT),
    "os._exit": ("import os, sys\nsys.stdout.flush()\nos._exit(4)\n", 4),
    "atexit": ("import atexit\natexit.register(lambda: print('the program\\'s atexit'))\n", 0),
}


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_stats_are_written_however_the_program_ends(tmp_path, ending):
    tail, code = ENDINGS[ending]
    prog = tmp_path / "prog.py"
    prog.write_text(HOT + tail)
    want = run([PY, str(prog)], tmp_path)
    assert want[0] == code
    stats = tmp_path / "stats.json"
    got = run([PY, "-m", "tauraro", "run", "--jit-threshold", "50", "--jit-stats",
               "--jit-stats-json", str(stats), str(prog)], tmp_path)
    assert got[:2] == want[:2]
    assert got[2].startswith(want[2]), got[2]       # the program's stderr, then the report
    report = got[2][len(want[2]):]
    assert report.startswith("tauraro jit: 1 loop, 1 compiled"), report
    assert [r["status"] for r in json.loads(stats.read_text())] == ["compiled"]


def test_cache_info_and_clear(tmp_path):
    env = _env()
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env.pop("TAURARO_CACHE", None)
    (tmp_path / "loop.py").write_text(HOT)
    assert run([PY, "-m", "tauraro", "--jit-threshold", "50", "loop.py"], tmp_path, env=env)[0] == 0
    root = tmp_path / "cache" / "tauraro"
    code, out, err = run([PY, "-m", "tauraro", "cache", "info"], tmp_path, env=env)
    assert code == 0 and out.startswith("cache root: %s\n" % root)
    counts = {line.split()[0]: int(line.split()[1]) for line in out.splitlines()[1:4]}
    # (code: the instrumented code objects and the register bytecode of loop.py, and the
    # Python code the JIT generated for its loop, compiled: cache.compiled)
    kept = [f for _, _, files in os.walk(root / "code") for f in files]
    assert len([f for f in kept if not f.endswith(".gen")]) == 2, kept
    assert counts["code"] == len(kept) > 2 and counts["jit"] >= 1, out
    assert "of 64.0 MiB" in out.splitlines()[-1]
    code, out, err = run([PY, "-m", "tauraro", "cache", "clear"], tmp_path, env=env)
    assert code == 0 and out.startswith("removed ")
    assert not any(f for _, _, f in os.walk(root))
    code, out, err = run([PY, "-m", "tauraro", "cache", "info"], tmp_path, env=env)
    assert " 0 files " in out.splitlines()[1]


def test_the_cache_is_bounded(tmp_path):
    """Past TAURARO_CACHE_SIZE, the least recently used files go at the end of a run."""
    env = _env()
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["TAURARO_CACHE_SIZE"] = "1"
    root = tmp_path / "cache" / "tauraro"
    old = root / "code" / "aa" / "old.bin"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"x" * 1000)
    os.utime(old, (1, 1))
    (tmp_path / "loop.py").write_text(HOT)
    assert run([PY, "-m", "tauraro", "--jit-threshold", "50", "loop.py"], tmp_path, env=env)[0] == 0
    assert not old.exists()


def test_an_unwritable_cache_is_one_warning_and_changes_nothing_else(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    env = _env()
    env["XDG_CACHE_HOME"] = str(blocker)
    env.pop("TAURARO_CACHE", None)
    (tmp_path / "loop.py").write_text(HOT)
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-stats",
                          "loop.py"], tmp_path, env=env)
    assert (code, out) == (0, "%d\n" % sum(i % 7 for i in range(20000)))
    lines = err.splitlines()
    assert lines[0].startswith("tauraro: warning: cannot write to the cache at %s" % blocker)
    assert not any("warning" in line for line in lines[1:])
    assert "loop.py:2 for loop in <module>: compiled" in err


def test_statistics_that_cannot_be_written_at_the_end_are_one_warning(tmp_path):
    """The --jit-stats-json directory was fine at the start and is gone at the end: one
    warning line, and the program's exit code stands."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    prog = tmp_path / "prog.py"
    prog.write_text(HOT + "import shutil, sys\nshutil.rmtree(%r)\nsys.exit(5)\n" % str(out_dir))
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-stats-json",
                          str(out_dir / "stats.json"), str(prog)], tmp_path)
    assert (code, out) == (5, "%d\n" % sum(i % 7 for i in range(20000)))
    assert err.splitlines() == ["tauraro: warning: the JIT statistics could not be written: "
                                "FileNotFoundError: [Errno 2] No such file or directory: %r"
                                % str(out_dir / "stats.json")]


def test_jit_dump_shows_every_stage_of_a_compiled_loop(tmp_path):
    (tmp_path / "loop.py").write_text(HOT)
    want_out = "%d\n" % sum(i % 7 for i in range(20000))
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-dump",
                          str(tmp_path / "dump"), "loop.py"], tmp_path)
    assert (code, out, err) == (0, want_out, "")
    text = (tmp_path / "dump" / "loop_line2.txt").read_text()
    sections = [l for l in text.splitlines() if l.startswith(("===", "---"))]
    assert sections == [
        "=== %s line 2: for loop in <module>, version 1" % (tmp_path / "loop.py"),
        "--- bytecode (| marks the region; types before each instruction, where they change)",
        "--- entry types", "--- IR as recorded", "--- IR after cse", "--- IR after fold",
        "--- IR after ranges", "--- IR after bounds", "--- IR after licm", "--- IR after ifconv", "--- IR after predicates", "--- IR after dce",
        "--- IR after polls", "--- IR after virtuals", "--- wasm text",
        "--- snapshots (one per exit; the exit's id is the snapshot's)"]
    assert "FOR_ITER" in text and "(module $loop_line2" in text
    assert "global t: int" in text
    ir = text.split("--- IR as recorded\n")[1].split("---")[0]
    assert "add_ov" in ir and "setvar t," in ir and "range_done" in ir
    assert "loop-exit at line 2 (left the loop), resume <module> pc" in text and "(int overflow)" in text
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-dump", "-",
                          "loop.py"], tmp_path)
    assert (code, out) == (0, want_out) and err == text
    code, out, err = run([PY, "-m", "tauraro", "--jit-dump", "/proc/no/such", "loop.py"], tmp_path)
    assert (code, out) == (2, "")
    assert err == "tauraro: --jit-dump: cannot create directory '/proc/no/such': No such file or directory\n"


def test_jit_stats_split_the_time_of_a_compiled_loop(tmp_path):
    (tmp_path / "loop.py").write_text(HOT)
    stats = tmp_path / "stats.json"
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-stats",
                          "--jit-stats-json", str(stats), "loop.py"], tmp_path)
    assert code == 0
    row = json.loads(stats.read_text())[0]
    assert row["native_ms"] > 0 and row["transfer_ms"] > 0 and row["compile_ms"] > 0
    assert "      time: native %.2f ms, entry/exit %.2f ms, resume interpreter %.2f ms, compile " \
           "%.2f ms" % (row["native_ms"], row["transfer_ms"], row["resume_ms"], row["compile_ms"]) in err


@pytest.mark.parametrize("how", ["-c", "-"])
def test_a_hot_loop_in_code_from_the_command_line_or_stdin_is_compiled(tmp_path, how):
    stats = tmp_path / "stats.json"
    args = ["-c", FAILING] if how == "-c" else ["-"]
    code, out, err = run([PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-stats-json",
                          str(stats), *args], tmp_path, FAILING.encode() if how == "-" else b"")
    assert (code, out) == (1, "14995\n")
    rows = json.loads(stats.read_text())
    assert [(r["file"], r["line"], r["status"]) for r in rows] == [
        ("<string>" if how == "-c" else "<stdin>", 3, "compiled")]


def test_dash_m_timeit_runs_as_usual(tmp_path):
    # one repeat: with two, timeit warns on stderr when the slower is 4x the faster,
    # which a loaded machine makes happen
    code, out, err = run([PY, "-m", "tauraro", "-m", "timeit", "-n", "3", "-r", "1",
                          "t = 0\nfor i in range(100): t += i"], tmp_path)
    assert (code, err) == (0, "")
    assert out.startswith("3 loops, best of 1: ") and out.rstrip().endswith("per loop")


def test_a_files_register_bytecode_is_kept_between_runs(tmp_path):
    """The register bytecode the JIT compiles a file to when one of its loops gets hot is
    kept under code/ (tauraro.vm.register_cache): the next run loads it instead of
    compiling the file again, and runs the same; a changed source is compiled again."""
    from tauraro.compiler.opcodes import BY_NAME
    import pickle
    # (ops are pickled by name: the table's own, whose templates may be functions)
    assert all(pickle.loads(pickle.dumps(op)) is op for op in BY_NAME.values())
    env = _env()
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env.pop("TAURARO_CACHE", None)
    code_dir = tmp_path / "cache" / "tauraro" / "code"
    prog = tmp_path / "loop.py"
    prog.write_text(HOT)
    want = "%d\n" % sum(i % 7 for i in range(20000))
    cmd = [PY, "-m", "tauraro", "--jit-threshold", "50", "--jit-stats-json", "stats.json", "loop.py"]

    def native():
        rows = json.loads((tmp_path / "stats.json").read_text())
        return sum(r["native_iterations"] for r in rows)
    assert run(cmd, tmp_path, env=env)[:2] == (0, want)
    kept = list(code_dir.rglob("*.reg"))
    assert len(kept) == 1, kept
    first = native()
    os.utime(kept[0], (1, 1))
    assert run(cmd, tmp_path, env=env)[:2] == (0, want)
    assert kept[0].stat().st_mtime > 1             # read (and marked recently used)
    assert list(code_dir.rglob("*.reg")) == kept and native() == first > 10000
    # a changed source: the entry does not match it, the file is compiled again
    prog.write_text(HOT.replace("i % 7", "i % 5"))
    assert run(cmd, tmp_path, env=env)[:2] == (0, "%d\n" % sum(i % 5 for i in range(20000)))
    assert native() > 10000


ORIG_ARGV = "import sys\nprint(sys.orig_argv[1:], sys.argv)\n"


def test_orig_argv_is_what_python3_would_have_been_given(tmp_path):
    (tmp_path / "oa.py").write_text(ORIG_ARGV)
    (tmp_path / "oam.py").write_text(ORIG_ARGV)
    same(tmp_path, ["oa.py", "a", "-b"])
    same(tmp_path, ["-c", ORIG_ARGV, "q"])
    same(tmp_path, ["-m", "oam", "z"])
    same(tmp_path, ["-", "x"], stdin=ORIG_ARGV.encode())


@pytest.mark.parametrize("hook", [
    "def hook(t, e, tb):\n    raise RuntimeError('the hook fails')\nsys.excepthook = hook\n",
    "del sys.excepthook\n",
    "sys.excepthook = 42\n",
    "def hook(t, e, tb):\n    print('hook', t.__name__, file=sys.stderr)\n    raise SystemExit(7)\n"
    "sys.excepthook = hook\n",
], ids=["raises", "missing", "not-callable", "exits"])
def test_an_excepthook_that_fails_is_reported_as_cpython_reports_it(tmp_path, hook):
    (tmp_path / "hook.py").write_text("import sys\n" + hook + FAILING)
    same(tmp_path, ["hook.py"])


def test_safe_path_puts_no_program_directory_in_front(tmp_path):
    # (python3 -P, -I or PYTHONSAFEPATH: a json.py beside the program is not what
    # ``import json`` finds, and sys.path[0] is the path's own first entry)
    prog = tmp_path / "prog.py"
    prog.write_text("import json, sys\nprint(json.__name__, hasattr(json, 'dumps'), sys.path[0])\n")
    (tmp_path / "json.py").write_text("print('the program json')\n")
    for flag in ("-P", "-I"):
        expected = run([PY, flag, "prog.py"], tmp_path)
        got = run([PY, flag, "-m", "tauraro", "run", "--no-jit", "prog.py"], tmp_path)
        assert got == expected, (flag, got)


def test_the_start_up_probe_does_not_import_the_programs_modules(tmp_path):
    # (with no start-up cache Tauraro asks python3 what it has at start, importing
    # subprocess to ask: that must not find a signal.py or math.py beside the program)
    for name in ("signal", "locale", "math", "selectors"):
        (tmp_path / ("%s.py" % name)).write_text("print('the program %s imported')\n" % name)
    (tmp_path / "prog.py").write_text("print('hello')\n")
    env = dict(_env(), TAURARO_CACHE="0")
    expected = run([PY, "prog.py"], tmp_path, env=env)
    got = run([PY, "-m", "tauraro", "run", "prog.py"], tmp_path, env=env)
    assert got == expected, got


def test_dash_c_with_bytes_that_do_not_decode(tmp_path):
    # (python3's own message and exit code, not an internal error)
    same(tmp_path, ["-c", "print(1) # " + b"\xff".decode("utf-8", "surrogateescape")])


@pytest.mark.parametrize("bad", ["x = (\n", "def (:\n", "  indented = 1\n"])
def test_a_syntax_error_in_an_imported_module_shows_no_import_machinery(tmp_path, bad):
    # (CPython's import strips its own frames with the compile it calls; Tauraro's loader
    # compiles, so its frames and the import machinery's that led to them are left out)
    (tmp_path / "badmod.py").write_text(bad)
    (tmp_path / "prog.py").write_text("print('before')\nimport badmod\n")
    same(tmp_path, ["prog.py"])


def test_syntax_warnings_are_written_at_every_run_as_cpython_writes_them(tmp_path):
    # (the code cache's second run used the code compiled at the first, and its warnings
    # were gone: CPython compiles the main file at every run, and a module it has no .pyc
    # for under PYTHONDONTWRITEBYTECODE)
    env = _env()
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env.pop("TAURARO_CACHE", None)
    (tmp_path / "helper.py").write_text('def f(x):\n    return x is "a b"\n')
    (tmp_path / "main.py").write_text(
        'import helper\n'
        'def g(x):\n'
        '    return x is ()\n'
        'total = 0\n'
        'for i in range(300):\n'
        '    total += i\n'
        'print(helper.f("q"), g(1), total)\n')
    want = run([PY, "main.py"], tmp_path, env=env)
    assert want[2].count("SyntaxWarning") == 2, want
    for _ in range(3):
        assert run([PY, "-m", "tauraro", "--jit-threshold", "50", "main.py"], tmp_path, env=env) == want


def test_a_linked_script_and_a_dotted_path_are_found_as_python3_finds_them(tmp_path):
    # (sys.path[0] is the directory of the file a path leads to, links resolved: a script
    # linked from another directory imports its own modules, not that directory's; and the
    # path is made absolute without being normalised: ``sub/../real/main.py`` stays so in
    # __file__, tracebacks and the message for a file that cannot be opened)
    real, link, sub = tmp_path / "real", tmp_path / "linkdir", tmp_path / "sub"
    for d in (real, link, sub):
        d.mkdir()
    (real / "main.py").write_text("import sys, helper\nprint(helper.WHO, sys.path[0], __file__)\n"
                                  "def f(n):\n    t = 0\n    for i in range(n):\n        t += i % 7\n"
                                  "    return t\nprint(f(5000))\n1 / 0\n")
    (real / "helper.py").write_text("WHO = 'real'\n")
    (link / "helper.py").write_text("WHO = 'linkdir'\n")
    os.symlink(real / "main.py", link / "main.py")
    for cwd, path in ((link, "main.py"), (sub, "../real/main.py"), (sub, "../none/../main.py")):
        want = run([PY, path], cwd)
        got = run([PY, "-m", "tauraro", "--jit-threshold", "50", path], cwd)
        assert got == (want[0], want[1], want[2].replace(PY + ":", "tauraro:")), (want, got)
