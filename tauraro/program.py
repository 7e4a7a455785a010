"""Running a program file: what ``tauraro run`` does, from reading the file to the exit code.

The program runs as ``__main__`` in the baseline tier: CPython executes its code,
compiled from its own source with its real file name (``tauraro.vm.loader``),
with hot-loop hooks when the JIT is on. Everything else is CPython's: exceptions,
tracebacks (printed by ``sys.excepthook``), ``sys.exit``, ``atexit``, threads.
"""
from __future__ import annotations

import os
import sys


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
        raise ProgramError("can't open file %r: [Errno %d] %s" % (path, e.errno, e.strerror), 2)


def program_paths(program_dir: str) -> list[str]:
    """Where the program's own modules come from: compiled by Tauraro, not the host."""
    roots = [program_dir]
    for p in os.environ.get("PYTHONPATH", "").split(os.pathsep):
        if p:
            roots.append(os.path.abspath(p))
    return roots


def _recursion_offset(extra: int):
    """The program's frames start ``extra`` frames deep (the launcher's): raise the
    limit by that much, and show the program the limit it would have under CPython."""
    real_get, real_set = sys.getrecursionlimit, sys.setrecursionlimit
    real_set(real_get() + extra)

    def getrecursionlimit():
        return real_get() - extra

    def setrecursionlimit(limit):
        import operator
        limit = operator.index(limit)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        real_set(limit + extra)

    getrecursionlimit.__doc__ = real_get.__doc__
    setrecursionlimit.__doc__ = real_set.__doc__
    sys.getrecursionlimit = getrecursionlimit
    sys.setrecursionlimit = setrecursionlimit


_PROBE = compile("def d(n):\n try:\n  return d(n + 1)\n except RecursionError:\n  return n\n"
                 "depth = d(0)\n", "<tauraro probe>", "exec")


def _extra_depth() -> int:
    """How many more frames deep than under CPython the program's module code runs:
    CPython's module code can recurse ``limit - 2`` calls deep (3.11 to 3.13)."""
    from .vm.detach import run_detached
    ns = {"__builtins__": sys.modules["builtins"]}
    run_detached(_PROBE, ns)
    return max(0, sys.getrecursionlimit() - 2 - ns["depth"] - 1)   # probed one frame deeper


def run_program(path: str, args: list[str], compiler) -> int:
    """Run ``path`` as ``__main__`` with ``sys.argv = [path, *args]``; return the exit code.
    A SystemExit raised by the program propagates (CPython's own exit handling)."""
    from .vm.loader import install_finder
    source = read_program(path)
    filename = os.path.abspath(path)
    try:
        code = compiler.compile(source, filename)
    except SyntaxError as e:
        e.__traceback__ = None          # the launcher's frames are not the program's
        sys.stdout.flush()
        if str(e.msg).startswith("(unicode error)"):
            # CPython reads a script file through its tokenizer, which words this its own way
            from .vm.source import decode_source
            try:
                decode_source(source, filename)
            except SyntaxError as bare:
                if getattr(bare, "bare", False):
                    sys.stderr.write("SyntaxError: %s\n" % bare.msg)
                    return 1
        sys.excepthook(type(e), e, None)
        return 1
    program_dir = os.path.dirname(filename)
    sys.argv[:] = [path] + list(args)
    sys.path[0:1] = [program_dir]     # where the launcher's own directory was, as CPython does
    install_finder(compiler, program_paths(program_dir))
    import types
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = __builtins__ if isinstance(__builtins__, type(sys)) else sys.modules["builtins"]
    from importlib.machinery import SourceFileLoader
    main.__loader__ = SourceFileLoader("__main__", filename)
    main.__spec__ = None
    main.__cached__ = None
    sys.modules["__main__"] = main
    _recursion_offset(_extra_depth())
    from .vm.detach import run_detached
    try:
        run_detached(code, main.__dict__)
    except SystemExit:
        raise
    except BaseException as e:
        report(e)
        if isinstance(e, KeyboardInterrupt):
            return -2
        return 1
    return 0


def report(exc: BaseException):
    """Print an uncaught exception as CPython does: through sys.excepthook, with the
    launcher's frames left out of the traceback."""
    tb = exc.__traceback__
    ours = os.path.dirname(os.path.abspath(__file__)) + os.sep
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(ours):
        tb = tb.tb_next
    exc.__traceback__ = tb
    sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, tb
    if sys.version_info >= (3, 12):
        sys.last_exc = exc
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.excepthook(type(exc), exc, tb)
    try:
        sys.stderr.flush()
    except Exception:
        pass
