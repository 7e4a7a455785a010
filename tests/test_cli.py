"""The command line: bad input gets CPython's message (or one clear line), never an
internal traceback; unsupported constructs are named; dis and python -m work."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness import ROOT, _env

PY = sys.executable


def tauraro(*args, stdin=b"", cwd=None):
    return subprocess.run([PY, "-m", "tauraro", *args], input=stdin, capture_output=True,
                          env=_env(), cwd=cwd, timeout=60)


def cpython(path, cwd=None):
    return subprocess.run([PY, str(path)], capture_output=True, env=_env(), cwd=cwd, timeout=60)


def last_line(data: bytes) -> str:
    lines = [l for l in data.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def write(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode())
    return p


BAD_SOURCES = {
    "syntax.py": "print('ok')\nx = = 1\n",
    "indent.py": "def f():\n    return 1\n  x = 2\n",
    "unclosed.py": "print((1, 2)\n",
    "nonutf8.py": b"x = 1\nprint('\xff')\n",
    "huge_int.py": "x = " + "9" * 5000 + "\n",
    "return_outside.py": "return 5\n",
    "break_outside.py": "break\n",
    "nonlocal_module.py": "nonlocal x\n",
    "bad_global.py": "def f():\n    x = 1\n    global x\n",
    "star_assign.py": "*a = [1, 2]\n",
}


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_bad_source_reports_like_cpython(tmp_path, name):
    path = write(tmp_path, name, BAD_SOURCES[name])
    want = cpython(path)
    got = tauraro("run", str(path))
    assert got.returncode == want.returncode == 1
    assert last_line(got.stderr) == last_line(want.stderr)
    assert b"Traceback" not in got.stderr
    if b"File" in want.stderr:
        # the file and line are reported as CPython reports them
        assert want.stderr.splitlines()[0] == got.stderr.splitlines()[0]


def test_syntax_error_shows_caret(tmp_path):
    path = write(tmp_path, "s.py", "x = (1 +\n    2))\n")
    got = tauraro("run", str(path))
    want = cpython(path)
    assert got.stderr == want.stderr


# errors the parser places at the end of the file: CPython reads a script through its
# file tokenizer, whose position there is the start of an empty buffer (offset 0, no
# caret), where compile() of the same text places them past the last line's end
END_OF_FILE_SOURCES = {
    "if_block.py": "if True:\n",
    "no_newline.py": "x = 1\nif x:",
    "try_alone.py": "try:\n    pass\n",
    "comment_body.py": "for x in y:\n    # comment\n",
    "blank_lines.py": "class A:\n\n\n",
    "crlf.py": b"try:\r\n    pass\r\n",
    "crlf_blank.py": b"class A:\r\n\r\n",
    "non_ascii.py": "x = 1\nif \"\u00e9t\u00e9\":\n",
    "unindent.py": "if x:\n    pass\n  else:\n",
}


@pytest.mark.parametrize("name", sorted(END_OF_FILE_SOURCES))
def test_an_error_at_the_end_of_the_file_is_placed_as_cpython_places_it(tmp_path, name):
    path = write(tmp_path, name, END_OF_FILE_SOURCES[name])
    source = path.read_bytes()
    from_stdin = subprocess.run([PY, "-"], input=source, capture_output=True, env=_env(), timeout=60)
    for want, got in ((cpython(path), tauraro("run", str(path))),
                      (from_stdin, tauraro("run", "-", stdin=source))):
        assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)


def test_empty_file_runs_and_prints_nothing(tmp_path):
    path = write(tmp_path, "empty.py", "")
    got = tauraro("run", str(path))
    assert (got.returncode, got.stdout, got.stderr) == (0, b"", b"")


def test_missing_file(tmp_path):
    got = tauraro("run", str(tmp_path / "nope.py"))
    assert got.returncode == 2
    text = got.stderr.decode()
    assert text.count("\n") == 1
    assert text == "tauraro: can't open file %r: [Errno 2] No such file or directory\n" % str(
        tmp_path / "nope.py")
    want = subprocess.run([PY, str(tmp_path / "nope.py")], capture_output=True, env=_env())
    assert want.stderr.decode().split(": ", 1)[1] == text.split(": ", 1)[1]


def test_directory_without_main(tmp_path):
    got = tauraro("run", str(tmp_path))
    want = subprocess.run([PY, str(tmp_path)], capture_output=True, env=_env(), timeout=60)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)
    assert b"can't find '__main__' module" in got.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.py", "print(1)\n")
    path.chmod(0)
    got = tauraro("run", str(path))
    assert got.returncode == 2
    assert "Permission denied" in got.stderr.decode()


def test_unreadable_file_message(tmp_path, monkeypatch):
    """The same path in-process (root can read everything, so simulate EACCES)."""
    import builtins
    from tauraro.program import ProgramError, read_program
    path = write(tmp_path, "secret.py", "print(1)\n")
    real_open = builtins.open

    def deny(p, *a, **k):
        if str(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *a, **k)
    monkeypatch.setattr(builtins, "open", deny)
    with pytest.raises(ProgramError) as e:
        read_program(str(path))
    assert e.value.exit_code == 2
    assert str(e.value) == "can't open file %r: [Errno 13] Permission denied" % str(path)


FULL_LANGUAGE = [
    ("async_def.py", "import asyncio\nasync def f():\n    return 1\nprint(asyncio.run(f()))\n"),
    ("async_for.py", "import asyncio\n\n\nasync def gen():\n    for i in range(3):\n        yield i\n\n\n"
     "async def f():\n    return [x async for x in gen()]\n\nprint(asyncio.run(f()))\n"),
    ("except_star.py", "try:\n    raise ExceptionGroup('g', [ValueError(1), KeyError(2)])\n"
     "except* ValueError as e:\n    print('v', e.exceptions)\nexcept* KeyError as e:\n    print('k', e.exceptions)\n"),
    ("future.py", "from __future__ import annotations\ndef f(x: Undefined) -> int:\n    return 1\n"
     "print(f.__annotations__)\n"),
]


@pytest.mark.parametrize("name,src", FULL_LANGUAGE, ids=[u[0] for u in FULL_LANGUAGE])
def test_the_whole_language_runs(tmp_path, name, src):
    path = write(tmp_path, name, src)
    want = cpython(path)
    for opts in ([], ["--no-jit"], ["--jit-threshold", "1"]):
        got = tauraro("run", *opts, str(path))
        assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)


def test_internal_error_is_one_line_and_debug_shows_traceback(tmp_path):
    path = write(tmp_path, "p.py", "print(1)\n")
    launcher = ("import sys, tauraro.program\n"
                "def boom(path, args, compiler=None):\n"
                "    raise RuntimeError('simulated bug')\n"
                "tauraro.program.run_program = boom\n"
                "from tauraro.cli.main import entry\n"
                "entry(sys.argv[1:])\n")
    got = subprocess.run([PY, "-c", launcher, "run", str(path)], capture_output=True, env=_env(),
                         timeout=60)
    assert got.returncode == 70
    assert got.stderr.decode().splitlines() == [
        "tauraro: internal error: RuntimeError: simulated bug "
        "(rerun with --debug to see the implementation traceback)"]
    got = subprocess.run([PY, "-c", launcher, "run", "--debug", str(path)], capture_output=True,
                         env=_env(), timeout=60)
    assert got.returncode == 70
    assert b"Traceback (most recent call last)" in got.stderr and b"simulated bug" in got.stderr


def test_program_arguments_and_options_after_file(tmp_path):
    path = write(tmp_path, "args.py", "import sys\nprint(sys.argv[1:])\n")
    got = tauraro("run", "--no-jit", str(path), "--no-jit", "-x", "3")
    assert got.stdout.decode().strip() == "['--no-jit', '-x', '3']"


def test_jit_options_are_accepted(tmp_path):
    path = write(tmp_path, "loop.py", "t = 0\nfor i in range(100):\n    t += i\nprint(t)\n")
    for opts in (["--jit-threshold", "1"], ["--jit-stats"], ["--emit-wasm", str(tmp_path / "w")]):
        got = tauraro("run", *opts, str(path))
        assert got.returncode == 0 and got.stdout == b"4950\n", got.stderr
    bad = tauraro("run", "--jit-threshold", "0", str(path))
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_console_script_and_module_agree(tmp_path):
    path = write(tmp_path, "p.py", "print(sum(range(10)))\n")
    script = Path(sys.executable).parent / "tauraro"
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    a = subprocess.run([str(script), "run", str(path)], capture_output=True, env=_env())
    b = tauraro("run", str(path))
    assert a.stdout == b.stdout == b"45\n"


def _imported(argv, env):
    """The modules a process imported (``PYTHONPROFILEIMPORTTIME``'s report), by name."""
    env = dict(env, PYTHONPROFILEIMPORTTIME="1")
    got = subprocess.run(argv, capture_output=True, env=env, timeout=60)
    assert got.returncode == 0, got.stderr
    return {line.split("|")[-1].strip() for line in got.stderr.decode().splitlines()
            if line.startswith("import time:") and "|" in line}


def test_console_script_imports_nothing_of_its_own(tmp_path):
    """The installed command imports nothing beyond what Tauraro's ``entry`` does: not
    ``re`` and ``enum`` (a generated console-script wrapper's, ~7 ms of every start)."""
    path = write(tmp_path, "p.py", "print(sum(range(10)))\n")
    script = Path(sys.executable).parent / "tauraro"
    if not script.exists():
        pytest.skip("console script not installed in this environment")
    env = _env()
    direct = [PY, "-c", "import sys; from tauraro.cli.main import entry; sys.exit(entry())",
              "run", str(path)]
    subprocess.run(direct, capture_output=True, env=env, timeout=60)    # (the caches written)
    ours = _imported([str(script), "run", str(path)], env)
    assert "tauraro.cli.main" in ours
    extra = ours - _imported(direct, env)
    assert not extra, sorted(extra)


def test_dis_prints_code_objects_with_lines(tmp_path):
    path = write(tmp_path, "d.py", "def f(a):\n    return a + 1\n\nfor i in range(3):\n    print(f(i))\n")
    got = tauraro("dis", str(path))
    assert got.returncode == 0
    text = got.stdout.decode()
    assert "Disassembly of <module>" in text and "Disassembly of f" in text
    assert "ADD" in text and "r0(a)" in text and "FOR_ITER" in text
    assert "-- loop 0 (for, line 4)" in text
    # every instruction line of f's code carries the source line in the first column
    f_part = text.split("Disassembly of f")[1]
    assert f_part.splitlines()[1].split()[0] == "2"
    py = tauraro("dis", "--python", str(path)).stdout.decode()
    assert "def b0(r):" in py and "r[0] + (1)" in py


def test_dis_bad_input(tmp_path):
    path = write(tmp_path, "bad.py", "x = = 1\n")
    got = tauraro("dis", str(path))
    assert got.returncode == 1 and last_line(got.stderr) == "SyntaxError: invalid syntax"
    got = tauraro("dis", str(tmp_path / "missing.py"))
    assert got.returncode == 2 and b"Traceback" not in got.stderr


def test_program_beside_tauraros_own_source_tree(tmp_path):
    """Modules Tauraro imports lazily (the JIT) are never mistaken for the program's own,
    even when its source tree lies in the program's directory."""
    import shutil
    for pkg in ("tauraro", "cli"):
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    path = write(tmp_path, "prog.py", "t = 0\nfor i in range(5000):\n    t += i % 7\nprint(t)\n")
    env = _env()
    env["PYTHONPATH"] = str(tmp_path)
    got = subprocess.run([PY, "-m", "tauraro", "run", "--jit-threshold", "1", str(path)],
                         capture_output=True, env=env, cwd=str(tmp_path), timeout=60)
    want = ("%d\n" % sum(i % 7 for i in range(5000))).encode()
    assert (got.returncode, got.stdout) == (0, want), got.stderr.decode()[-2000:]


OPTIMIZED = """\
def f(n):
    t = 0
    for i in range(n):
        if __debug__:
            t += 1
        assert i < n - 10, "assert fired at %d" % i
        t += i
    return t


def g():
    "doc"


print(__debug__, g.__doc__, f(5000))
"""


def test_optimize_levels_are_kept_apart_and_compiled_code_follows_them(tmp_path):
    # -O drops asserts and makes __debug__ False, in the baseline's code and in the register
    # bytecode the JIT compiles; runs at different levels share one cache directory, whose
    # entries must not cross levels (a run after an -O run skipped its asserts)
    path = write(tmp_path, "opt.py", OPTIMIZED)
    cache = tmp_path / "cache"
    for level in ("1", "", "2", ""):
        env = _env()
        env["XDG_CACHE_HOME"] = str(cache)
        if level:
            env["PYTHONOPTIMIZE"] = level
        want = subprocess.run([PY, str(path)], capture_output=True, env=env, timeout=60)
        for options in ((), ("--jit-threshold", "1")):
            got = subprocess.run([PY, "-m", "tauraro", "run", *options, str(path)], capture_output=True,
                                 env=env, timeout=60)
            assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr), \
                (level, options)
