"""Running a program from the command line: options (flags or environment variables) to a
compiler and JIT, the statistics written however the program ends, the exit code.

Shared by the fast path (``tauraro.cli.main``) and the click commands
(``tauraro.cli.commands``); imports neither."""
from __future__ import annotations

import atexit
import os
import sys

from .. import cache
from ..boundary import BOUNDARY

# option -> (environment variable, kind): the environment is for programs started by
# other programs (as PYPYLOG is); a flag on the command line wins over it
OPTIONS = {
    "no_jit": ("TAURARO_NO_JIT", "flag"),
    "jit_threshold": ("TAURARO_JIT_THRESHOLD", "count"),
    "emit_wasm": ("TAURARO_EMIT_WASM", "path"),
    "jit_dump": ("TAURARO_JIT_DUMP", "path"),
    "jit_stats": ("TAURARO_JIT_STATS", "flag"),
    "jit_stats_json": ("TAURARO_JIT_STATS_JSON", "path"),
    "no_jit_cache": ("TAURARO_NO_JIT_CACHE", "flag"),
    "debug": ("TAURARO_DEBUG", "flag"),
}


class UsageError(Exception):
    """Bad options: one line on stderr and exit code 2, before the program starts."""


def parse_value(kind: str, text: str, origin: str):
    if kind == "flag":
        low = text.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("", "0", "false", "no", "off"):
            return False
        raise UsageError("%s: expected 1 or 0, not %r" % (origin, text))
    if kind == "count":
        try:
            n = int(text)
        except ValueError:
            n = 0
        if n < 1:
            raise UsageError("%s: expected a whole number of at least 1, not %r" % (origin, text))
        return n
    return text or None


def options_from_env(environ=os.environ) -> dict:
    opts = {}
    for name, (var, kind) in OPTIONS.items():
        if var in environ:
            opts[name] = parse_value(kind, environ[var], var)
    if environ.get("TAURARO_JIT_CACHE", "1") == "0":        # the older spelling
        opts["no_jit_cache"] = True
    return opts


def _check_output_paths(emit_wasm, jit_stats_json, jit_dump=None):
    """A bad ``--emit-wasm``, ``--jit-dump`` or ``--jit-stats-json`` is found before the
    program runs."""
    for option, directory in (("--emit-wasm", emit_wasm), ("--jit-dump", jit_dump)):
        if not directory or (option == "--jit-dump" and directory == "-"):
            continue
        try:
            os.makedirs(directory, exist_ok=True)
        except OSError as e:
            raise UsageError("%s: cannot create directory %r: %s" % (option, directory, e.strerror))
        if not os.access(directory, os.W_OK | os.X_OK):
            raise UsageError("%s: cannot write to directory %r: Permission denied"
                             % (option, directory))
    if jit_stats_json:
        parent = os.path.dirname(os.path.abspath(jit_stats_json))
        if os.path.isdir(jit_stats_json):
            raise UsageError("--jit-stats-json: %r is a directory" % jit_stats_json)
        if not os.path.isdir(parent):
            raise UsageError("--jit-stats-json: cannot write %r: No such directory %r"
                             % (jit_stats_json, parent))
        if not os.access(parent, os.W_OK | os.X_OK) or (
                os.path.exists(jit_stats_json) and not os.access(jit_stats_json, os.W_OK)):
            raise UsageError("--jit-stats-json: cannot write %r: Permission denied" % jit_stats_json)


def _internal_error(debug: bool, exc: BaseException) -> int:
    if debug:
        with BOUNDARY:
            import traceback
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    else:
        sys.stderr.write("tauraro: internal error: %s: %s (rerun with --debug to see the "
                         "implementation traceback)\n" % (type(exc).__name__, exc))
    return 70


class StatsAtExit:
    """``--jit-stats`` and ``--jit-stats-json``, written once however the program ends:
    at interpreter exit (after the program's own atexit handlers), before dying of an
    uncaught Ctrl-C, and inside ``os._exit``. Writing them never changes the exit code."""

    def __init__(self, runtime, text: bool, json_path):
        self.runtime = runtime
        self.text = text
        self.json_path = json_path
        self.done = False
        atexit.register(self.write)
        real_exit = os._exit

        def _exit(status):
            self.write()
            real_exit(status)

        _exit.__doc__ = real_exit.__doc__
        os._exit = _exit

    def write(self):
        if self.done:
            return
        self.done = True
        try:
            sys.stdout.flush()
        except Exception:
            pass
        try:
            self.runtime.report(self.text, self.json_path)
        except Exception as e:
            try:
                sys.stderr.write("tauraro: warning: the JIT statistics could not be written: "
                                 "%s: %s\n" % (type(e).__name__, e))
            except Exception:
                pass


def run_target(kind: str, value, args, no_jit=False, jit_threshold=None, emit_wasm=None,
               jit_stats=False, jit_stats_json=None, no_jit_cache=False, debug=False,
               jit_dump=None) -> int:
    """Run a program: ``kind`` is "file" (a file, directory or zip), "code" (``-c``),
    "module" (``-m``), "stdin" (``-``) or "console"; returns the exit code."""
    BOUNDARY.open()
    try:
        _check_output_paths(emit_wasm, jit_stats_json, jit_dump)
    except UsageError as e:
        sys.stderr.write("tauraro: %s\n" % e)
        return 2
    from tauraro import program
    from tauraro.vm.loader import Compiler
    runtime = stats = None
    root = cache.root()
    if not no_jit:
        from tauraro.vm.hooks import HookRuntime
        from tauraro.jit.settings import DEFAULT_THRESHOLD
        threshold = jit_threshold or DEFAULT_THRESHOLD
        runtime = HookRuntime(threshold, emit_wasm, not no_jit_cache,
                              os.path.join(root, "jit") if root else None, jit_dump,
                              statistics=bool(jit_stats or jit_stats_json),
                              start_now=jit_threshold is not None, code_root=root)
        compiler = Compiler(threshold, runtime.site, root, runtime.sources, runtime.files, runtime.code_keys)
        # (after the program's own atexit handlers and the statistics, registered later)
        atexit.register(runtime.close)
        if jit_stats or jit_stats_json:
            stats = StatsAtExit(runtime, jit_stats, jit_stats_json)
    else:
        compiler = Compiler(0, None, root)
    code = 1
    try:
        if kind == "file":
            code = program.run_program(value, list(args), compiler)
        elif kind == "code":
            code = program.run_code(value, list(args), compiler)
        elif kind == "module":
            code = program.run_module(value, list(args), compiler)
        elif kind == "stdin":
            code = program.run_stdin(list(args), compiler, value)
        else:
            from tauraro.console import run_console
            code = run_console(compiler)
    except program.ProgramError as e:
        sys.stderr.write("tauraro: %s\n" % e)
        code = e.exit_code
    except Exception as e:   # a bug in Tauraro itself, not in the program
        code = _internal_error(debug, e)
    if root is not None:
        atexit.register(_bound_cache, root)
    return code


def _bound_cache(root: str):
    """After a run that wrote to the cache, evict what does not fit under its bound."""
    if cache.writes:
        cache.settle(root, cache.limit())


def _finish(code: int):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    if code == -2:
        # an uncaught KeyboardInterrupt: die by SIGINT, as CPython does once it has
        # finalized -- the program's threads waited for, then its atexit handlers (and the
        # statistics', registered before them), then the streams flushed
        with BOUNDARY:
            import signal
        threading = sys.modules.get("threading")
        if threading is not None:
            threading._shutdown()
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        code = 130
    sys.exit(code)
