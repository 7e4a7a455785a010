"""The ``tauraro`` command line: what ``python3`` takes, plus Tauraro's own options.

    tauraro [OPTIONS] FILE [ARGS]        a file, or a directory or zip with __main__.py
    tauraro [OPTIONS] -c CODE [ARGS]
    tauraro [OPTIONS] -m MODULE [ARGS]
    tauraro [OPTIONS] - [ARGS]           the program from standard input
    tauraro [OPTIONS]                    a console (standard input a terminal), else as ``-``
    tauraro run [OPTIONS] (FILE | -c CODE | -m MODULE | -) [ARGS]
    tauraro dis FILE | tauraro cache info | tauraro cache clear | tauraro --version

Running a program is parsed here by hand, so that it never imports click (start-up
time); help, ``dis`` and ``cache`` go to the click group in ``commands``. Every option
can also be given by an environment variable (``running.OPTIONS``).
"""
from __future__ import annotations

import sys

from ..boundary import BOUNDARY

# (``running`` is imported in ``entry``, after the boundary is open: its imports are Tauraro's)

FLAGS = {"--no-jit": "no_jit", "--jit-stats": "jit_stats", "--no-jit-cache": "no_jit_cache",
         "--debug": "debug"}
VALUED = {"--jit-threshold": "jit_threshold", "--emit-wasm": "emit_wasm",
          "--jit-stats-json": "jit_stats_json", "--jit-dump": "jit_dump"}
SUBCOMMANDS = ("dis", "cache")
RUN_USAGE = "tauraro run [OPTIONS] FILE|-c CODE|-m MODULE|- [ARGS]..."
MAIN_USAGE = "tauraro [OPTIONS] [FILE|-c CODE|-m MODULE|-] [ARGS]..."


def _unknown(option: str):
    from .running import UsageError
    with BOUNDARY:
        import difflib
    known = sorted(list(FLAGS) + list(VALUED) + ["--help", "--version"])
    close = difflib.get_close_matches(option.partition("=")[0], known, n=1)
    hint = " Did you mean %s?" % close[0] if close else ""
    return UsageError("No such option: %s%s" % (option, hint))


def parse(argv: list[str], in_run: bool):
    """(kind, value, args, options) from the arguments after ``tauraro`` (or ``run``).
    Raises ``running.UsageError``; returns None when click should answer (help)."""
    from .running import OPTIONS, UsageError, options_from_env, parse_value
    opts = options_from_env()
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-":
            return "stdin", "-", argv[i + 1:], opts
        if a in ("-h", "--help"):
            return None
        if a[:2] in ("-c", "-m") and not a.startswith("--"):
            value = a[2:]
            if not value:
                i += 1
                if i >= len(argv):
                    e = UsageError("Argument expected for the %s option" % a[:2])
                    e.pythons = True            # python3's own option: python3's own words
                    raise e
                value = argv[i]
            return ("code" if a[1] == "c" else "module"), value, argv[i + 1:], opts
        if a == "--":
            i += 1
            break
        if not a.startswith("-"):
            break
        name, eq, value = a.partition("=")
        if name in FLAGS and not eq:
            opts[FLAGS[name]] = True
        elif name in VALUED:
            if not eq:
                i += 1
                if i >= len(argv):
                    raise UsageError("Option '%s' requires an argument." % name)
                value = argv[i]
            key = VALUED[name]
            opts[key] = parse_value(OPTIONS[key][1], value, "Invalid value for '%s'" % name)
        else:
            raise _unknown(a)
        i += 1
    if i < len(argv):
        return "file", argv[i], argv[i + 1:], opts
    if in_run:
        raise UsageError("Missing argument 'FILE'.")
    if sys.stdin is not None and sys.stdin.isatty():
        return "console", None, [], opts
    return "stdin", "", [], opts


def entry(argv=None):
    """The console script."""
    BOUNDARY.open()
    from .running import UsageError, _finish, run_target
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("--version", "-V")):
        from .commands import main
        return main(args=argv, prog_name="tauraro")
    in_run = bool(argv) and argv[0] == "run"
    try:
        parsed = parse(argv[1:] if in_run else argv, in_run)
    except UsageError as e:
        if getattr(e, "pythons", False):
            sys.stderr.write("%s\nusage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                             "Try `python -h' for more information.\n" % (e, sys.executable))
            return _finish(2)
        sys.stderr.write("Usage: %s\nTry 'tauraro%s --help' for help.\n\nError: %s\n"
                         % (RUN_USAGE if in_run else MAIN_USAGE, " run" if in_run else "", e))
        return _finish(2)
    if parsed is None:
        from .commands import main
        return main(args=argv, prog_name="tauraro")
    kind, value, args, opts = parsed
    _finish(run_target(kind, value, args, **opts))


def __getattr__(name):
    """``main``, the click group, is imported only when used (help, ``dis``, ``cache``)."""
    if name == "main":
        from .commands import main
        return main
    raise AttributeError(name)


if __name__ == "__main__":
    entry()
