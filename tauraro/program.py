"""Running a program: what ``tauraro`` does, from reading the program to the exit code.

The five ways ``python3`` takes a program -- a file, a directory or zip file with
``__main__.py``, ``-c CODE``, ``-m MODULE``, standard input -- each set up what
``python3`` sets up (``sys.argv``, ``sys.path[0]``, ``__main__``'s globals, the
modules present at the start: ``Launch``). The program runs as ``__main__`` in the
baseline tier: CPython executes its code, compiled from its own source with its
real file name (``tauraro.vm.loader``), with hot-loop hooks when the JIT is on.
Everything else is CPython's: exceptions, tracebacks (printed by
``sys.excepthook``), ``sys.exit``, ``atexit``, threads.
"""
from __future__ import annotations

import builtins
import os
import sys
import types
import zipimport
from importlib.machinery import BuiltinImporter, SourceFileLoader

from . import cache
from .boundary import BOUNDARY, startup_modules
from .vm import recursion
from .vm.detach import run_detached
from .vm.loader import install_finder

_HERE = os.path.dirname(os.path.abspath(__file__))


class ProgramError(Exception):
    """A problem running the program that is reported as one line, with an exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def read_program(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        # (the absolute path, as python3 words it)
        raise ProgramError("can't open file %r: [Errno %d] %s"
                           % (script_path(path), e.errno, e.strerror), 2)


def script_path(path: str) -> str:
    """The main file's path as python3 makes it absolute: joined to the working directory,
    not normalised (``sub/../main.py`` stays so in ``__file__`` and tracebacks)."""
    return path if os.path.isabs(path) else os.path.join(os.getcwd(), path)


def program_paths(roots: list[str], launcher_path: list[str]) -> list[str]:
    """Where the program's own modules come from, compiled by Tauraro: its directory,
    ``PYTHONPATH``, and projects installed in editable mode -- a directory a ``.pth``
    file put on ``sys.path`` outside the interpreter's and the environment's own trees
    (``editable_roots``). The standard library and ``site-packages`` are the host's."""
    roots = list(roots)
    for p in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        if p:
            roots.append(os.path.abspath(p))
    return roots + editable_roots(launcher_path[1:], BOUNDARY.launcher_meta)


def editable_roots(path_entries, meta_path) -> list[str]:
    """Source directories of projects installed in editable mode: ``sys.path`` entries
    outside the interpreter's and the environment's trees (put there by a ``.pth`` file,
    as setuptools, hatch, flit and pdm do), and the directories a setuptools editable
    finder (``__editable___*_finder``) maps packages to."""
    homes = {os.path.join(os.path.realpath(p), "") for p in
             (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    user_site = os.path.join(os.path.expanduser("~"), ".local", "")
    roots = []
    for p in path_entries:
        real = os.path.join(os.path.realpath(p or os.curdir), "")
        if os.path.isdir(real) and not real.startswith(user_site) and \
                not any(real.startswith(h) for h in homes):
            roots.append(real)
    for finder in meta_path:
        module = sys.modules.get(getattr(finder, "__module__", None) or "")
        if module is not None and module.__name__.startswith("__editable__"):
            mapping = getattr(module, "MAPPING", None)
            if isinstance(mapping, dict):       # a package's directory, or a module's file
                roots.extend(v if os.path.isdir(v) else os.path.dirname(v)
                             for v in map(str, mapping.values()))
    return roots


def _deepest(n: int) -> int:
    """How many calls deeper than ``n`` this can recurse."""
    try:
        return _deepest(n + 1)
    except RecursionError:
        return n


def _probe():
    # (run as the program's module code runs, by run_detached: one frame, whose globals are
    # the namespace _extra_depth gives it. A function's code, not compile()'s: the first
    # compile() of a process makes the ast module's ~120 types, ~2 ms of every start)
    found.append(deepest(0))  # noqa: F821


def _extra_depth() -> int:
    """How many more frames deep than under CPython the program's module code runs:
    CPython's module code can recurse ``limit - 2`` calls deep (3.11 to 3.13)."""
    found = []
    run_detached(_probe.__code__, {"__builtins__": sys.modules["builtins"], "deepest": _deepest, "found": found})
    return max(0, sys.getrecursionlimit() - 2 - found[0] - 1)   # probed one frame deeper


def main_module(**attrs) -> types.ModuleType:
    """A fresh ``__main__``, its globals in the order CPython's have them."""
    main = types.ModuleType("__main__")
    d = main.__dict__
    d["__loader__"] = BuiltinImporter
    d["__spec__"] = None
    d["__annotations__"] = {}
    d["__builtins__"] = builtins
    d.update(attrs)
    sys.modules["__main__"] = main
    return main


def _compile(compile_it, source, filename, read=True):
    """``compile_it()``, or None once a SyntaxError is printed as CPython prints it
    (``read``: as it prints one in a program it read from a file or standard input)."""
    try:
        return compile_it()
    except SyntaxError as e:
        e.__traceback__ = None          # the launcher's frames are not the program's
        if read and source is not None:
            _at_end_of_file(e, source)
        sys.stdout.flush()
        if str(e.msg).startswith("(unicode error)") and isinstance(source, bytes):
            # CPython reads a script file through its tokenizer, which words this its own way
            from .vm.source import decode_source
            try:
                decode_source(source, filename)
            except SyntaxError as bare:
                if getattr(bare, "bare", False):
                    sys.stderr.write("SyntaxError: %s\n" % bare.msg)
                    return None
        sys.excepthook(type(e), e, None)
        return None


# errors CPython's tokenizer raises itself, at the line it is reading: their position is
# the same whether the source is a string or a file
_TOKENIZER_ERRORS = ("unindent does not match any outer indentation level", "too many levels of indentation")


def _at_end_of_file(e: SyntaxError, source) -> None:
    """A SyntaxError ``compile()`` raised at the end of the source, placed as CPython
    places it for a file it reads (``python3 prog.py``, ``python3 - < prog.py``). The
    parser places an error at the end-of-file token (``expected an indented block after
    'if' statement``, ``expected 'except' or 'finally' block``) where its tokenizer
    stands: past the end of the last line of a string -- compile()'s offset is that
    line's length and one, and the report puts a caret there; a line further on where
    the line ends in CR LF -- but at the start of the buffer a file's tokenizer emptied
    at the end: the last line, offset 0, and no caret."""
    if e.end_offset != -1 or not e.offset or e.lineno is None or e.text is None or e.msg in _TOKENIZER_ERRORS:
        return
    if isinstance(source, bytes):
        source = source.decode("utf-8", "surrogateescape")
    lines = source.splitlines(keepends=True)
    if not lines:
        return
    n, last = len(lines), lines[-1]
    body = last.rstrip("\r\n")
    ends = e.offset in (len(body) + 1, len(body.encode("utf-8", "surrogateescape")) + 1)
    if e.lineno == n and ends:
        text = e.text
    elif e.lineno == n + 1 and e.offset == 1 and e.text == "\n" and last.endswith("\r\n"):
        text = body + "\n"
    else:
        return
    e.lineno, e.offset, e.text, e.end_lineno = n, 0, text, n
    e.args = (e.args[0], (e.filename, n, 0, text, n, e.end_offset))


class Launch:
    """How the program is started: what ``sys.argv``, ``sys.path[0]`` and the program's
    own directories are, and which modules ``python3`` would have at that start."""

    def __init__(self, compiler, argv, path0, roots, runpy=False, also=frozenset(), orig=None):
        self.compiler = compiler
        self.argv = argv
        # what python3's command line would have been after the interpreter (sys.orig_argv)
        self.orig = list(argv) if orig is None else orig
        self.path0 = path0
        self.roots = roots
        self.runpy = runpy
        self.also = also        # modules this way of starting adds to python3's start-up

    def start(self):
        """Switch to the program's view of the import system (``tauraro.boundary``)."""
        launcher_path = BOUNDARY.open()
        # (asked while the path is still the host's: the probe's imports -- subprocess, and
        # what it imports -- are Tauraro's, not a math.py or signal.py beside the program)
        startup = startup_modules(cache.root(), self.runpy, cache.failed)
        sys.argv[:] = self.argv
        sys.orig_argv = sys.orig_argv[:1] + self.orig
        # (under -P / -I python3 puts no directory of the program's in front of the path)
        sys.path[:] = launcher_path if sys.flags.safe_path else [self.path0] + launcher_path[1:]
        roots = program_paths(self.roots, launcher_path)
        program_path, program_meta = list(sys.path), list(BOUNDARY.launcher_meta)
        install_finder(self.compiler, roots, program_meta)
        recursion.install(_extra_depth())     # (the program sees CPython's limit)
        BOUNDARY.start_program(startup | self.also | {"__main__"}, program_path, program_meta,
                               roots)

    def execute(self, code, namespace: dict) -> int:
        """Run ``code`` in ``namespace``; an uncaught exception is reported as CPython
        reports it. A SystemExit propagates (CPython's own exit handling)."""
        try:
            run_detached(code, namespace)
        except SystemExit:
            raise
        except BaseException as e:
            report(e)
            if isinstance(e, KeyboardInterrupt):
                return -2
            return 1
        return 0


def run_program(path: str, args: list[str], compiler) -> int:
    """``python3 PATH ARGS``: a file, or a directory or zip file holding ``__main__.py``.
    Returns the exit code."""
    if os.path.isdir(path) or _is_zip(path):
        return _run_main_package(path, args, compiler)
    source = read_program(path)
    filename = script_path(path)
    code = _compile(lambda: compiler.compile(source, filename, main=True), source, filename)
    if code is None:
        return 1
    # (``sys.path[0]``: the directory of the file the path leads to, links resolved, as
    # python3 has it -- a script linked from another directory imports its own modules)
    program_dir = os.path.dirname(os.path.realpath(filename))
    launch = Launch(compiler, [path] + list(args), program_dir, [program_dir])
    launch.start()
    main = main_module(__loader__=SourceFileLoader("__main__", filename),
                       __file__=filename, __cached__=None)
    return launch.execute(code, main.__dict__)


def run_code(text: str, args: list[str], compiler) -> int:
    """``python3 -c TEXT ARGS``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:     # (bytes the file system encoding could not decode)
        sys.stderr.write("Unable to decode the command from the command line:\n%s: %s\n"
                         % (type(e).__name__, e))
        return 1
    code = _compile(lambda: compiler.compile_text(text, "<string>", "<string>"), text, "<string>", read=False)
    if code is None:
        return 1
    also = frozenset()
    if sys.version_info >= (3, 13):
        # python3.13 -c keeps the code's lines in linecache, so its tracebacks show them
        with BOUNDARY:
            import linecache
        linecache.cache["<string>"] = (len(text), None,
                                       [line + "\n" for line in text.splitlines()], "<string>")
        also = frozenset({"linecache"})
    launch = Launch(compiler, ["-c"] + list(args), "", [os.getcwd()], also=also, orig=["-c", text] + list(args))
    launch.start()
    return launch.execute(code, main_module().__dict__)


def run_stdin(args: list[str], compiler, argv0: str = "-") -> int:
    """``python3 - ARGS`` (or ``python3`` with standard input not a terminal): the program
    is read from standard input."""
    try:
        source = sys.stdin.buffer.read()
    except (OSError, AttributeError, ValueError):
        source = b""
    code = _compile(lambda: compiler.compile_text(source, "<stdin>", "<stdin>"), source, "<stdin>")
    if code is None:
        return 1
    launch = Launch(compiler, [argv0] + list(args), "", [os.getcwd()],
                    orig=[argv0] + list(args) if argv0 or args else [])
    launch.start()
    return launch.execute(code, main_module(__file__="<stdin>", __cached__=None).__dict__)


def run_module(name: str, args: list[str], compiler) -> int:
    """``python3 -m NAME ARGS``: runpy finds the module through the program's view (so the
    program's own modules are compiled by Tauraro) and runs it as ``__main__``."""
    cwd = os.getcwd()
    launch = Launch(compiler, ["-m"] + list(args), cwd, [cwd], runpy=True, orig=["-m", name] + list(args))
    return _run_runpy(launch, name, True)


def _run_main_package(path: str, args: list[str], compiler) -> int:
    path0 = os.path.abspath(path)
    launch = Launch(compiler, [path] + list(args), path0, [path0], runpy=True)
    return _run_runpy(launch, "__main__", False)


def _run_runpy(launch: Launch, name: str, alter_argv: bool) -> int:
    """runpy runs the module in ``__main__``; its frames are in the traceback, as under
    ``python3 -m`` (the one-line call into it, a file of Tauraro's, is not)."""
    with BOUNDARY:
        import runpy
    launch.start()
    main_module()
    ns = {"__builtins__": builtins, "_run_module_as_main": runpy._run_module_as_main,
          "name": name, "alter_argv": alter_argv}
    call = compile("_run_module_as_main(name, alter_argv)", os.path.join(_HERE, "<runpy>"), "eval")
    return launch.execute(call, ns)


def report(exc: BaseException):
    """Print an uncaught exception as CPython does: through sys.excepthook, with
    Tauraro's frames (the launcher's, a signal handler's) left out of the traceback."""
    seen = set()
    e = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        e.__traceback__ = _without_own_frames(e.__traceback__)
        e = e.__cause__ or e.__context__
    tb = exc.__traceback__
    sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, tb
    if sys.version_info >= (3, 12):
        sys.last_exc = exc
    try:
        sys.stdout.flush()
    except Exception:
        pass
    _display(exc, tb)
    try:
        sys.stderr.flush()
    except Exception:
        pass


def _display(exc: BaseException, tb):
    """``sys.excepthook(type, exc, tb)``, as CPython's PyErr_Print calls it: a hook that is
    missing, or that raises, has CPython's default display show both exceptions, and a
    SystemExit it raises exits."""
    hook = getattr(sys, "excepthook", None)
    if hook is None:
        sys.stderr.write("sys.excepthook is missing\n")
        sys.__excepthook__(type(exc), exc, tb)
        return
    try:
        hook(type(exc), exc, tb)
    except SystemExit:
        raise
    except BaseException as failed:
        failed.__traceback__ = _without_own_frames(failed.__traceback__)
        if failed.__context__ is exc:       # (CPython calls the hook outside any handler)
            failed.__context__ = None
        try:
            sys.stdout.flush()
        except Exception:
            pass
        sys.stderr.write("Error in sys.excepthook:\n")
        sys.__excepthook__(type(failed), failed, failed.__traceback__)
        sys.stderr.write("\nOriginal exception was:\n")
        sys.__excepthook__(type(exc), exc, tb)


_IMPORTLIB = ("<frozen importlib._bootstrap>", "<frozen importlib._bootstrap_external>")


def _without_own_frames(tb):
    """``tb`` without Tauraro's entries -- and without the import machinery's that led into
    them: a program module's SyntaxError comes from Tauraro's loader, which CPython's
    import strips with its own frames (its compile is called through
    ``_call_with_frames_removed``)."""
    entries = []
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not name.startswith(_HERE + os.sep):
            entries.append(tb)
        else:
            while entries and entries[-1].tb_frame.f_code.co_filename in _IMPORTLIB:
                entries.pop()
        tb = tb.tb_next
    if all(a.tb_next is b for a, b in zip(entries, entries[1:])) and \
            (not entries or entries[-1].tb_next is None):
        return entries[0] if entries else None      # only leading entries were left out
    out = None
    for t in reversed(entries):
        out = types.TracebackType(out, t.tb_frame, t.tb_lasti, t.tb_lineno)
    return out


def _is_zip(path: str) -> bool:
    """A zip file CPython would run (it asks the zip importer, whatever the file's name)."""
    try:
        zipimport.zipimporter(path)
        return True
    except (zipimport.ZipImportError, OSError):
        return False
