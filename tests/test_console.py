"""The interactive console (tauraro/console.py): ``tauraro`` on a terminal does what
``python3`` does there, and a hot loop typed at it is compiled to wasm.

Both run on a pseudo-terminal, fed one line each time they show a prompt, so a
session's transcript -- banner, echoed lines, output, tracebacks, prompts -- can be
compared whole. ``PYTHON_BASIC_REPL=1`` makes 3.13's ``python3`` the console this
one follows (not the new one, with its colours and editor)."""
from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from harness import _env

PYTHON = [sys.executable]
TAURARO = [sys.executable, "-m", "tauraro"]
PROMPTS = (b">>> ", b"... ")
CTRL_C = "<Ctrl-C>"     # SIGINT, as the terminal sends it
CTRL_D = "<Ctrl-D>"     # end of input


class Interrupted:
    """A step: type ``lines``, then press Ctrl-C ``after`` seconds (while they run)."""

    def __init__(self, lines: list[str], after: float):
        self.lines = lines
        self.after = after


def converse(argv, steps, cwd, env, stdout=None, timeout=60.0):
    """Run ``argv`` on a pseudo-terminal (its stdout to ``stdout`` if given), taking each
    step once it shows a prompt, then Ctrl-D; returns (what the terminal showed, exit code)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=stdout or slave, stderr=slave,
                            cwd=str(cwd), env=env, start_new_session=True)
    os.close(slave)
    shown = bytearray()
    deadline = time.monotonic() + timeout

    def read_until(done, patience=None):
        """Read until ``done()``: True; False if the program closes the terminal first,
        None if ``patience`` seconds pass first."""
        give_up = deadline if patience is None else min(deadline, time.monotonic() + patience)
        while not done():
            left = give_up - time.monotonic()
            if left <= 0:
                if give_up < deadline:
                    return None
                raise AssertionError("timed out; the terminal shows:\n" + shown.decode(errors="replace"))
            if select.select([master], [], [], left)[0]:
                try:
                    data = os.read(master, 65536)
                except OSError:         # EIO: no process has the terminal open any more
                    return False
                if not data:
                    return False
                shown.extend(data)
        return True

    try:
        read_until(lambda: shown.endswith(PROMPTS))
        for step in steps + [CTRL_D]:
            mark = len(shown)
            prompted = lambda: len(shown) > mark and shown.endswith(PROMPTS)
            if step == CTRL_D:
                os.write(master, b"\x04")
            elif step == CTRL_C or isinstance(step, Interrupted):
                if isinstance(step, Interrupted):
                    os.write(master, "".join(line + "\n" for line in step.lines).encode())
                    time.sleep(step.after)
                # a SIGINT that lands after readline shows its prompt but before it waits is
                # only acted on at the next one (at a real terminal too): sent until answered
                answered = None
                while answered is None:
                    proc.send_signal(signal.SIGINT)
                    answered = read_until(prompted, patience=1.0)
                if not answered:
                    break
                continue
            else:
                os.write(master, step.encode() + b"\n")
            if not read_until(prompted):
                break
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return shown.decode("utf-8", "replace").replace("\r\n", "\n"), code


@pytest.fixture
def terminal_env(tmp_path):
    """The environment of both consoles: a home of their own (readline's history file,
    Tauraro's caches), a terminal without colours or escape sequences."""
    env = _env()
    for var in ("XDG_CACHE_HOME", "PYTHON_HISTORY", "PYTHONSTARTUP", "PYTHONUSERBASE"):
        env.pop(var, None)
    env.update(HOME=str(tmp_path), TERM="dumb", PYTHON_BASIC_REPL="1")
    return env


SESSIONS = {
    "expressions and _": [
        "1 + 1", "_ * 10", "x = _", "x", "'text'", "None", "_", "print('hi')",
        "import sys; sys.displayhook is sys.__displayhook__",
        # a hot loop (compiled) that fails, under a displayhook that shows None too
        "sys.displayhook = lambda value: print('shown:', value)",
        "s = 0", "for i in range(100000): s += 1 // (50000 - i)", "", "s, i", "dir()",
    ],
    "blocks": [
        "for i in range(3): i", "",
        "def double(n):", "    return n * 2", "", "double(21)",
        "class C:", "    pass", "", "C.__name__",
        "if True:", "    # a comment", "    'in a block'", "",
        "# only a comment", "", "   ",
        "x = (1,", "2)", "x",
        "from __future__ import annotations",
        "def h(x: Undefined): pass", "", "h.__annotations__",
    ],
    "errors": [
        "1 / 0",
        "def g():", "    return undefined", "", "g()",
        "1 +", "return 5", "  3", "1 is 1", "'\\d'",
        "import traceback; traceback.print_stack()",
        "import sys; sys.last_type",
        "(lambda: 0).__code__.co_filename",
        "raise ValueError('bad') from KeyError('k')",
        "import warnings", "warnings.warn('once')", "warnings.warn('once')",
    ],
    "Ctrl-C and Ctrl-D": [
        "1", CTRL_C, "if True:", CTRL_C, "2",
        "for i in range(2):", "    i", CTRL_D,
        "y = (1,", CTRL_D, "exit",
    ],
    "the main module": [
        "dir()", "__name__", "__doc__, __package__, __spec__, __loader__",
        "import sys; sys.argv, sys.path[0], sys.ps1, sys.ps2",
        "sys.modules['__main__'] is sys.modules[__name__]",
        "__builtins__", "sys._getframe().f_back",
        "sys.setrecursionlimit(80)",
        "def depth(n):", "    try: return depth(n + 1)", "    except RecursionError: return n", "",
        "depth(0)",
        "sys.stdin.close()", "'read all the same'",
    ],
    "exit()": ["x = 3", "exit(x)"],
}


_PYTHON3_SHOWS = {}


def python3_shows(name, cwd, env):
    if name not in _PYTHON3_SHOWS:
        _PYTHON3_SHOWS[name] = converse(PYTHON, SESSIONS[name], cwd, env)
    return _PYTHON3_SHOWS[name]


# every loop hot at once, and no JIT at all, for the sessions with loops
@pytest.mark.parametrize("name, options", [(name, []) for name in SESSIONS] + [
    ("blocks", ["--jit-threshold", "1"]), ("errors", ["--jit-threshold", "1"]),
    ("Ctrl-C and Ctrl-D", ["--jit-threshold", "1"]), ("blocks", ["--no-jit"])])
def test_a_session_shows_what_python3_shows(tmp_path, terminal_env, name, options):
    got = converse(TAURARO + options, SESSIONS[name], tmp_path, terminal_env)
    assert got == python3_shows(name, tmp_path, terminal_env)


def test_with_stdout_elsewhere_the_prompts_go_to_stderr(tmp_path, terminal_env):
    steps = ["1 + 1", "print('out')", "import sys; n = sys.stderr.write('err\\n')", "1 / 0",
             "for i in range(2):", "    i", "", CTRL_C]
    shown = []
    for argv in (PYTHON, TAURARO):
        with open(tmp_path / "stdout", "w+b") as f:
            terminal = converse(argv, steps, tmp_path, terminal_env, stdout=f)
            f.seek(0)
            shown.append((terminal, f.read()))
    assert shown[1] == shown[0]
    assert shown[0][1] == b"2\nout\n0\n1\n"


def test_a_hot_loop_typed_at_the_console_is_compiled_to_wasm(tmp_path, terminal_env):
    stats = tmp_path / "stats.json"
    steps = [
        "s = 0", "for i in range(100000): s += i", "", "s",
        "def total(n):", "    t = 0", "    for i in range(n):", "        t += i * i",
        "    return t", "", "total(50000)",
        # values printed in a loop: left to CPython, every one printed
        "for i in range(3000): i % 1000", "",
        "n = 0", Interrupted(["while True:", "    n += 1", ""], 1.5), "n > 100000", "dir()",
    ]
    shown, code = converse(TAURARO + ["--jit-threshold", "50", "--jit-stats-json", str(stats)],
                           steps, tmp_path, terminal_env)
    assert code == 0, shown
    assert ">>> s\n4999950000\n" in shown
    assert ">>> total(50000)\n41665416675000\n" in shown
    printed = shown.split("i % 1000\n... \n", 1)[1].split(">>> ", 1)[0]
    assert printed == "".join("%d\n" % (i % 1000) for i in range(3000))
    # (Ctrl-C stops the loop at one of its two lines; 3.13 shows the line, and its carets
    # under the test, where its backward jump stands)
    assert re.search('Traceback \\(most recent call last\\):\n  File "<stdin>", line [12], in '
                     '<module>\n(    .*\n){0,2}KeyboardInterrupt\n>>> n > 100000\nTrue\n', shown), shown
    assert ">>> dir()\n['__annotations__', '__builtins__', '__doc__', '__loader__', " \
           "'__name__', '__package__', '__spec__', 'i', 'n', 's', 'total']\n" in shown
    rows = json.loads(stats.read_text())
    compiled = {(r["file"], r["line"], r["function"], r["kind"]) for r in rows
                if r["status"] == "compiled" and r["native_iterations"] > 0}
    # each input is a source of its own for the JIT, named by its number
    assert compiled == {("<stdin>#1", 1, "<module>", "for"), ("<stdin>#3", 3, "total", "for"),
                        ("<stdin>#7", 1, "<module>", "while")}, rows


def test_readline_recalls_and_keeps_the_history(tmp_path, terminal_env):
    terminal_env["TERM"] = "xterm"          # (3.13 keeps to readline on a dumb terminal anyway)
    (tmp_path / ".python_history").write_text("6 * 7\n")
    steps = ["\x10", "'typed' + ' here'"]       # Ctrl-P: the line before
    want = converse(PYTHON, steps, tmp_path, terminal_env)
    history_python3 = (tmp_path / ".python_history").read_text()
    (tmp_path / ".python_history").write_text("6 * 7\n")
    # (Tauraro's console is the basic one without being told: 3.13's site hook, which keeps
    # the history of its new console by default, must keep readline's for it)
    del terminal_env["PYTHON_BASIC_REPL"]
    got = converse(TAURARO, steps, tmp_path, terminal_env)
    assert got == want
    assert "\n42\n" in got[0]
    assert (tmp_path / ".python_history").read_text() == history_python3
    assert history_python3.splitlines()[-1] == "'typed' + ' here'"


@pytest.mark.parametrize("startup", [
    "greeting = 'set by the start-up file'\nt = 0\nfor i in range(5000):\n    t += i\n"
    "import sys\nsys.setrecursionlimit(80)\n"
    "def depth(n):\n    try: return depth(n + 1)\n    except RecursionError: return n\n"
    "print(depth(0))\nimport traceback\ntraceback.print_stack()\n",
    "print('starting')\nraise KeyError('in the start-up file')\n",
    None,       # a file that cannot be opened
])
def test_the_startup_file_runs_first(tmp_path, terminal_env, startup):
    path = tmp_path / "startup.py"
    if startup is not None:
        path.write_text(startup)
    terminal_env["PYTHONSTARTUP"] = str(path)
    steps = ["greeting", "t", "__file__"]
    assert converse(TAURARO, steps, tmp_path, terminal_env) == \
        converse(PYTHON, steps, tmp_path, terminal_env)


def test_console_input_is_compiled_in_single_mode_and_its_printing_loops_left_alone(capsys):
    from tauraro.vm.hooks import HookRuntime
    from tauraro.vm.loader import Compiler
    runtime = HookRuntime(10, cache=False)
    compiler = Compiler(10, runtime.site, None, runtime.sources)
    ns = {"__builtins__": __builtins__, "s": 0}
    for key, text in [("<stdin>#0", "for i in range(3): i\n"),
                      ("<stdin>#1", "for i in range(3): s += i\n"),
                      ("<stdin>#2", "s\n")]:
        exec(compiler.compile_interactive(text, "<stdin>", key), ns)
    assert capsys.readouterr().out == "0\n1\n2\n3\n"
    assert list(runtime.sources) == ["<stdin>#1"]       # only the silent loop has a hook
    assert runtime.sources["<stdin>#1"] == ("for i in range(3): s += i\n", "<stdin>#1")
