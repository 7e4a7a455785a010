"""Running a program from the command line: options to a compiler and JIT, the exit code.

Shared by the fast path (``tauraro.cli.main``) and the click commands
(``tauraro.cli.commands``); imports neither."""
from __future__ import annotations

import os
import sys


def _internal_error(debug: bool, exc: BaseException) -> int:
    if debug:
        import traceback
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    else:
        sys.stderr.write("tauraro: internal error: %s: %s (rerun with --debug to see the "
                         "implementation traceback)\n" % (type(exc).__name__, exc))
    return 70


def run_file(file, args, no_jit=False, jit_threshold=None, emit_wasm=None, jit_stats=False,
             jit_stats_json=None, no_jit_cache=False, debug=False) -> int:
    from tauraro.program import ProgramError, run_program
    from tauraro.vm.loader import Compiler, cache_root
    runtime = None
    root = cache_root()
    if not no_jit:
        from tauraro.vm.hooks import HookRuntime
        from tauraro.jit.settings import DEFAULT_THRESHOLD
        threshold = jit_threshold or DEFAULT_THRESHOLD
        cache = not no_jit_cache and os.environ.get("TAURARO_JIT_CACHE", "1") != "0"
        runtime = HookRuntime(threshold, emit_wasm, cache)
        compiler = Compiler(threshold, runtime.site, root, runtime.sources)
    else:
        compiler = Compiler(0, None, root)
    code = 1
    try:
        code = run_program(file, list(args), compiler)
    except ProgramError as e:
        sys.stderr.write("tauraro: %s\n" % e)
        code = e.exit_code
    except Exception as e:   # a bug in Tauraro itself, not in the program
        code = _internal_error(debug, e)
    finally:
        if runtime is not None and (jit_stats or jit_stats_json):
            runtime.report(jit_stats, jit_stats_json)
    return code


def _finish(code: int):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    if code == -2:      # an uncaught KeyboardInterrupt: die by SIGINT, as CPython does
        import signal
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        code = 130
    sys.exit(code)


