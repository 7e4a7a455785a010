"""The ``tauraro`` command line (thin: the work happens in ``tauraro.program``).

``tauraro run [OPTIONS] FILE [ARGS]`` and ``tauraro FILE [ARGS]`` are parsed by
hand so that running a program never imports click (start-up time); everything
else -- ``dis``, ``--help``, ``--version``, a mistyped option -- goes to the click
group ``main``, which reports unknown options with the closest valid one.
"""
from __future__ import annotations

import os
import sys

from .running import _finish, run_file

_FLAGS = {"--no-jit": "no_jit", "--jit-stats": "jit_stats", "--no-jit-cache": "no_jit_cache",
          "--debug": "debug"}
_VALUED = {"--jit-threshold": "jit_threshold", "--emit-wasm": "emit_wasm",
           "--jit-stats-json": "jit_stats_json"}


def _parse_run(argv):
    """Options, FILE, ARGS of ``run``; None when click must parse (errors, help)."""
    opts = {v: False for v in _FLAGS.values()}
    opts.update({v: None for v in _VALUED.values()})
    i = 0
    while i < len(argv):
        a = argv[i]
        if not a.startswith("-") or a == "-":
            break
        name, eq, value = a.partition("=")
        if name in _FLAGS and not eq:
            opts[_FLAGS[name]] = True
        elif name in _VALUED:
            if not eq:
                i += 1
                if i >= len(argv):
                    return None
                value = argv[i]
            opts[_VALUED[name]] = value
        else:
            return None
        i += 1
    if i >= len(argv):
        return None
    if opts["jit_threshold"] is not None:
        try:
            opts["jit_threshold"] = int(opts["jit_threshold"])
        except ValueError:
            return None
        if opts["jit_threshold"] < 1:
            return None
    return opts, argv[i], argv[i + 1:]


def entry(argv=None):
    """The console script: the fast path for running a program, click for the rest."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "run":
        parsed = _parse_run(argv[1:])
    elif argv and not argv[0].startswith("-") and argv[0] not in ("dis",) and (
            argv[0].endswith(".py") or os.path.exists(argv[0])):
        parsed = _parse_run(argv)
    else:
        parsed = None
    if parsed is None:
        from .commands import main
        return main(args=argv, prog_name="tauraro")
    opts, file, args = parsed
    _finish(run_file(file, args, **opts))


def __getattr__(name):
    """``main``, the click group, is imported only when used (help, errors, ``dis``)."""
    if name == "main":
        from .commands import main
        return main
    raise AttributeError(name)
if __name__ == "__main__":
    entry()
