"""Running a program file: what ``tauraro run`` does, from reading the file to the exit code."""
from __future__ import annotations

import os
import resource
import signal
import sys
import types

from .compiler.compiler import compile_source
from .compiler.errors import UnsupportedConstruct
from .vm import imports
from .vm.builtins import BUILTINS
from .vm.errors import InternalError
from .vm.modules import execute_module
from .vm.source import decode_source
from .vm.state import STATE
from .vm.sysmodule import ensure_host_limit
from .vm.tracebacks import format_exception


class ProgramError(Exception):
    """A problem running the program that is reported as one line, with an exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def read_program(path: str) -> str:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ProgramError("can't open file %r: [Errno %d] %s" % (path, e.errno, e.strerror), 2)
    return decode_source(data, os.path.abspath(path))


def load(path: str):
    """Compile a program file, reporting bad input the way CPython does."""
    filename = os.path.abspath(path)
    source = read_program(path)
    return compile_source(source, filename)


def _print_syntax_error(e: SyntaxError):
    sys.stdout.flush()
    if getattr(e, "bare", False):
        sys.stderr.write("SyntaxError: %s\n" % e.msg)
    else:
        import traceback
        sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))


def _raise_stack_limit():
    """Deep recursion in the program is deep recursion here: give the main thread room."""
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
        want = 512 * 1024 * 1024
        if soft != resource.RLIM_INFINITY and soft < want:
            resource.setrlimit(resource.RLIMIT_STACK, (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))
    except (ValueError, OSError):
        pass


def exit_code_of(e: SystemExit) -> int:
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF if code >= 0 else code & 0xFF
    sys.stdout.flush()
    sys.stderr.write("%s\n" % (code,))
    return 1


def run_program(path: str, args: list[str], jit=None) -> int:
    """Run ``path`` as ``__main__`` with ``sys.argv = [path, *args]``; return the exit code.

    ``jit`` is a ``tauraro.jit.controller.JitController``, or None to interpret only.
    """
    try:
        code = load(path)
    except SyntaxError as e:
        _print_syntax_error(e)
        return 1
    except UnsupportedConstruct as e:
        sys.stderr.write("tauraro: %s\n" % e.message())
        return 2
    filename = os.path.abspath(path)
    STATE.jit = jit
    sys.argv[:] = [path] + list(args)
    sys.path[0:0] = [os.path.dirname(filename)]
    imports.install(os.path.dirname(filename))
    _raise_stack_limit()
    ensure_host_limit(STATE.recursion_limit)
    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = BUILTINS
    main.__spec__ = None
    sys.modules["__main__"] = main
    try:
        execute_module(code, main.__dict__)
    except SystemExit as e:
        return exit_code_of(e)
    except UnsupportedConstruct as e:
        sys.stderr.write("tauraro: %s\n" % e.message())
        return 2
    except InternalError:
        raise
    except KeyboardInterrupt as e:
        report(e)
        sys.stdout.flush()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        return 130
    except BaseException as e:
        report(e)
        return 1
    finally:
        try:
            sys.stdout.flush()
        except Exception:
            pass
    return 0


def report(exc: BaseException):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.stderr.write("".join(format_exception(exc)))
    sys.stderr.flush()
