"""The interactive console: ``tauraro`` with no arguments, on a terminal, as ``python3``.

CPython's own console compiles each input itself, so a hot loop typed there would
never reach the JIT. This console reads inputs as CPython's does and compiles each
with Tauraro (``Compiler.compile_interactive``): in mode 'single', so expression
statements print their values through ``sys.displayhook`` (which keeps the last in
``_``), and with hot-loop hooks, so a loop typed here is compiled to wasm as a
program's would be.

Around the inputs, it does what CPython's console shows (``Modules/main.c``,
``PyRun_InteractiveLoop``): the banner on stderr; a fresh ``__main__``,
``sys.argv == ['']`` and ``''`` first on ``sys.path``; the ``PYTHONSTARTUP`` file,
then ``sys.__interactivehook__`` (site's: readline, with its history file); the
prompts ``sys.ps1`` and ``sys.ps2``, through readline when stdin and stdout are
the terminal; tracebacks through ``sys.excepthook``, without Tauraro's frames.
Ctrl-C drops the input being typed; Ctrl-D ends an input still open as if it
were complete, and at the first prompt ends the console.

Python 3.13's console (the basic one, ``PYTHON_BASIC_REPL=1``) names the code of
its N-th input ``<stdin>-N`` and keeps the input's text in ``linecache``, so its
tracebacks show the lines typed (``traceback`` prints the name as ``<stdin>``);
on 3.13 this console does the same.
"""
from __future__ import annotations

import __future__
import _warnings
import ast
import codeop
import os
import sys
from contextlib import contextmanager

from .program import Launch, main_module, report
from .vm.detach import run_detached

_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
_NUMBERED_INPUTS = sys.version_info >= (3, 13)
# what codeop compiles with to tell an incomplete input (here only parsed)
_CHECK_FLAGS = codeop.PyCF_DONT_IMPLY_DEDENT | codeop.PyCF_ALLOW_INCOMPLETE_INPUT | ast.PyCF_ONLY_AST
_FIRST_LINE = 'Type "help", "copyright", "credits" or "license" for more information.\n'


@contextmanager
def _warnings_ignored():
    """No warnings while an input is only checked: the compile that counts warns.

    The filter goes into the filter list in place, the list both CPython's C code and
    the program's ``warnings`` read (``warnings.catch_warnings`` would rebind the
    attribute of one ``warnings`` module, Tauraro's, which the C code does not consult
    once the program has its own view of ``sys.modules``)."""
    module = sys.modules.get("warnings")
    filters = module.filters if module is not None else _warnings.filters
    entry = ("ignore", None, Warning, None, 0)
    # (the filters' version is left as it is: a new one would make the warnings the program
    # was already given once, which the registries remember, be given again)
    filters.insert(0, entry)
    try:
        yield
    finally:
        for i, f in enumerate(filters):
            if f is entry:
                del filters[i]
                break


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def read_line(prompt: str) -> str:
    """One line typed at ``prompt``, as CPython's console reads it: ``input`` uses readline
    (when imported) if stdin and stdout are the terminal; else the prompt goes to stderr."""
    if _is_terminal(sys.stdin) and _is_terminal(sys.stdout):
        return input(prompt)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass
    sys.stderr.write(prompt)
    sys.stderr.flush()
    stdin = sys.stdin
    if stdin is None or stdin.closed:
        # closed by the user's code: CPython's console reads the process's standard input
        # whatever sys.stdin is (one line per read from a terminal, so nothing is lost)
        encoding = getattr(sys.__stdin__, "encoding", None)
        stdin = open(0, encoding=encoding, errors="surrogateescape", closefd=False)
    line = stdin.readline()
    if not line:
        raise EOFError
    return line[:-1] if line.endswith("\n") else line


def _is_blank(source: str) -> bool:
    """Only blank lines and comments: nothing to compile (codeop's rule)."""
    return all(not s or s.startswith("#") for s in (line.strip() for line in source.split("\n")))


class Console:
    """Reads inputs at the prompts, compiles each with Tauraro and runs it in ``namespace``."""

    def __init__(self, compiler, namespace: dict):
        self.compiler = compiler
        self.namespace = namespace
        self.future_flags = 0            # the ``__future__`` features inputs have imported
        self.inputs = 0                  # inputs compiled, which numbers them

    def interact(self) -> int:
        """Inputs until Ctrl-D at the first prompt; returns the exit code (0)."""
        while True:
            source = self.read_input()
            if source is None:
                return 0
            code = self.compile(source)
            if code is None:
                continue
            try:
                # (run from here, the depth ``Launch.start`` set the recursion limit for)
                run_detached(code, self.namespace)
            except SystemExit:
                raise
            except BaseException as e:
                # a loop left by the exception leaves its hidden names (they start with a dot)
                for name in [n for n in self.namespace if isinstance(n, str) and n.startswith(".")]:
                    del self.namespace[name]
                report(e)

    def read_input(self) -> str | None:
        """One whole input, its lines read at ``sys.ps1`` then ``sys.ps2``; None at Ctrl-D
        on the first prompt. Ctrl-C drops the lines read; Ctrl-D ends them."""
        lines: list[str] = []
        while True:
            try:
                line = read_line(str(getattr(sys, "ps2" if lines else "ps1", "")))
            except EOFError:
                sys.stderr.write("\n")
                return "\n".join(lines) + "\n" if lines else None
            except KeyboardInterrupt as e:
                sys.stderr.write("\n")
                lines = []
                report(e)
                continue
            lines.append(line)
            if not self.needs_more("\n".join(lines)):
                return "\n".join(lines) + "\n"        # as CPython reads it: a line with its end

    def needs_more(self, source: str) -> bool:
        """Is ``source`` the start of an input, to be continued at ``sys.ps2``? codeop's rule:
        it is when it does not parse, but would with more lines. (codeop itself turns the
        warnings off through Tauraro's ``warnings`` module, not the program's.)"""
        if _is_blank(source):
            return False
        flags = _CHECK_FLAGS | self.future_flags
        with _warnings_ignored():
            try:
                compile(source, "<stdin>", "single", flags, dont_inherit=True)
                return False
            except SyntaxError:
                pass
            except (ValueError, OverflowError):
                return False
            try:
                compile(source + "\n", "<stdin>", "single", flags, dont_inherit=True)
                return True
            except SyntaxError as e:
                return "incomplete input" in str(e)
            except (ValueError, OverflowError):
                return False

    def compile(self, source: str):
        """The code of one whole input, compiled by Tauraro; None once an error is reported."""
        number = self.inputs
        if _is_blank(source):
            self.inputs += 1                        # (3.13 numbers these too)
            return None
        filename = "<stdin>-%d" % number if _NUMBERED_INPUTS else "<stdin>"
        try:
            with _warnings_ignored():
                # an error in parsing is the input's; one found compiling is its code's (named)
                compile(source, "<stdin>", "single", self.future_flags | ast.PyCF_ONLY_AST,
                        dont_inherit=True)
            self.inputs += 1
            code = self.compiler.compile_interactive(source, filename, "<stdin>#%d" % number,
                                                     self.future_flags, "<stdin>")
        except (SyntaxError, ValueError, OverflowError) as e:
            if _NUMBERED_INPUTS and isinstance(e, SyntaxError) and e.text is None and e.lineno:
                e.text = (source.splitlines()[e.lineno - 1:e.lineno] or [None])[0]
            report(e)
            return None
        self.future_flags |= code.co_flags & _FUTURE_FLAGS
        if _NUMBERED_INPUTS:
            # imported as CPython's console imports it: by the program, whose traceback reads it
            linecache = __import__("linecache")
            linecache.cache[filename] = (len(source), None,
                                         [line + "\n" for line in source.splitlines()], "<stdin>")
        return code


def _run_startup_file(compiler, main):
    """``PYTHONSTARTUP``, run in ``__main__`` (compiled by Tauraro, as a program's file)."""
    path = None if sys.flags.ignore_environment else os.environ.get("PYTHONSTARTUP")
    if not path:
        return
    sys.audit("cpython.run_startup", path)
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write("Could not open PYTHONSTARTUP\n")
        report(e)
        return
    main.__file__, main.__cached__ = path, None
    try:
        run_detached(compiler.compile(source, path), main.__dict__)
    except SystemExit:
        raise
    except BaseException as e:
        report(e)
    finally:
        main.__dict__.pop("__file__", None)
        main.__dict__.pop("__cached__", None)


def _call_interactive_hook():
    """``sys.__interactivehook__``: site's imports readline (line editing) and keeps the
    history in ``~/.python_history``."""
    hook = getattr(sys, "__interactivehook__", None)
    if hook is None:
        return
    sys.audit("cpython.run_interactivehook", hook)
    # 3.13's hook keeps the history of its new console unless told the console is the basic
    # one, whose readline this console uses
    saved = os.environ.get("PYTHON_BASIC_REPL")
    os.environ["PYTHON_BASIC_REPL"] = "1"
    try:
        hook()
    except SystemExit:
        raise
    except BaseException as e:
        sys.stderr.write("Failed calling sys.__interactivehook__\n")
        report(e)
    finally:
        if saved is None:
            del os.environ["PYTHON_BASIC_REPL"]
        else:
            os.environ["PYTHON_BASIC_REPL"] = saved


def run_console(compiler) -> int:
    """Run the console until Ctrl-D at its prompt; return the exit code. A SystemExit
    raised by the user's code (``exit()``) propagates: CPython's own exit handling."""
    if not sys.flags.quiet:
        sys.stderr.write("Python %s on %s\n" % (sys.version, sys.platform))
        if not sys.flags.no_site:
            sys.stderr.write(_FIRST_LINE)
        sys.stderr.flush()
    Launch(compiler, [""], "", [os.getcwd()]).start()     # python3's view of sys and imports
    main = main_module()
    _run_startup_file(compiler, main)
    _call_interactive_hook()
    for name, prompt in (("ps1", ">>> "), ("ps2", "... ")):
        if not hasattr(sys, name):
            setattr(sys, name, prompt)
    return Console(compiler, main.__dict__).interact()
