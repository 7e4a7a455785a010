"""The click group: help, errors with suggestions, ``run`` when parsed here, and ``dis``.

Only imported when ``tauraro.cli.main.entry``'s fast path does not apply, so running a
program never pays for importing click."""
from __future__ import annotations

import os
import sys
import traceback
from importlib.metadata import PackageNotFoundError, version as dist_version

import click

from .running import _finish, run_target


def version() -> str:
    """Tauraro's version, and the host Python and wasmtime it runs on."""
    from tauraro import __version__
    try:
        wasmtime = "wasmtime " + dist_version("wasmtime")
    except PackageNotFoundError:
        wasmtime = "wasmtime not installed"
    return "tauraro %s (Python %s, %s)" % (__version__, sys.version.split()[0], wasmtime)


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=False)
@click.version_option(version(), "--version", "-V", message="%(version)s")
def main():
    """Tauraro runs Python programs as python3 does; hot loops are compiled to WebAssembly
    and run natively.

    \b
      tauraro [OPTIONS] FILE [ARGS]...       a file, or a directory or zip with __main__.py
      tauraro [OPTIONS] -c CODE [ARGS]...
      tauraro [OPTIONS] -m MODULE [ARGS]...
      tauraro [OPTIONS] - [ARGS]...          the program from standard input
      tauraro                                an interactive console

    OPTIONS are those of "tauraro run"; each can also be set by an environment variable
    (TAURARO_NO_JIT, TAURARO_JIT_THRESHOLD, TAURARO_EMIT_WASM, TAURARO_JIT_DUMP, TAURARO_JIT_STATS,
    TAURARO_JIT_STATS_JSON, TAURARO_NO_JIT_CACHE, TAURARO_DEBUG).
    """


@main.command(context_settings={"ignore_unknown_options": False, "allow_interspersed_args": False})
@click.option("--no-jit", is_flag=True, help="Run on the baseline tier only; never compile loops.")
@click.option("--jit-threshold", type=click.IntRange(min=1), default=None, metavar="N",
              help="Loop iterations before a loop is compiled (default 1000). Given, the JIT "
                   "starts at the first loop that gets hot; by default it starts only once "
                   "a loop's work left, or the program's time since its first hot loop, would "
                   "pay for starting it (~20 ms).")
@click.option("--emit-wasm", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Write every compiled loop to DIR as .wasm and .wat.")
@click.option("--jit-dump", default=None, metavar="DIR|-",
              help="Write every stage of each compiled loop (bytecode and types, wasm, exits) "
                   "to DIR, or to stderr with -.")
@click.option("--jit-stats", is_flag=True, help="Print what the JIT did, per loop, to stderr at exit.")
@click.option("--jit-stats-json", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write the --jit-stats figures to FILE as JSON.")
@click.option("--no-jit-cache", is_flag=True,
              help="Do not reuse or store compiled native code in the cache.")
@click.option("--debug", is_flag=True, help="Show the implementation's traceback on internal errors.")
@click.option("-c", "code", default=None, metavar="CODE", help="Run CODE, as python3 -c does.")
@click.option("-m", "module", default=None, metavar="MODULE",
              help="Run MODULE as __main__, as python3 -m does.")
@click.argument("file", required=False)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def run(no_jit, jit_threshold, emit_wasm, jit_dump, jit_stats, jit_stats_json, no_jit_cache, debug,
        code, module, file, args):
    """Run FILE (a file, or a directory or zip with __main__.py; - for standard input), or
    CODE, or MODULE, as a Python program, passing ARGS in sys.argv."""
    opts = dict(no_jit=no_jit, jit_threshold=jit_threshold, emit_wasm=emit_wasm,
                jit_stats=jit_stats, jit_stats_json=jit_stats_json, no_jit_cache=no_jit_cache,
                debug=debug, jit_dump=jit_dump)
    if code is not None or module is not None:
        args = ((file,) if file is not None else ()) + tuple(args)
        kind, value = ("code", code) if code is not None else ("module", module)
    elif file is None:
        raise click.UsageError("Missing argument 'FILE'.")
    elif file == "-":
        kind, value = "stdin", "-"
    else:
        kind, value = "file", file
    _finish(run_target(kind, value, args, **opts))


@main.group()
def cache():
    """The caches Tauraro keeps between runs (compiled code, native code)."""


@cache.command()
def info():
    """Where the caches are, what they hold, and their size limit."""
    from tauraro import cache as caches
    root = caches.root()
    if root is None:
        click.echo("caching is off (TAURARO_CACHE=0)")
        return
    total = 0
    click.echo("cache root: %s" % root)
    for kind, (d, n, size) in caches.info(root).items():
        total += size
        click.echo("  %-8s %6d file%s %10s  %s (%s)" % (kind, n, " " if n == 1 else "s",
                                                      _size(size), d, caches.KINDS[kind]))
    click.echo("total: %s of %s (TAURARO_CACHE_SIZE; least recently used files are evicted "
               "beyond it)" % (_size(total), _size(caches.limit())))


@cache.command()
def clear():
    """Remove everything in the caches."""
    from tauraro import cache as caches
    root = caches.root()
    if root is None:
        click.echo("caching is off (TAURARO_CACHE=0)")
        return
    n, size = caches.clear(root)
    click.echo("removed %d file%s (%s) from %s" % (n, "" if n == 1 else "s", _size(size), root))


def _size(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return ("%d %s" % (n, unit)) if unit == "bytes" else ("%.1f %s" % (n, unit))
        n /= 1024


@main.command()
@click.option("--python", "show_python", is_flag=True,
              help="Also show the Python source the resume interpreter generates for each block.")
@click.argument("file", type=click.Path())
def dis(file, show_python):
    """Disassemble FILE: the register bytecode of every code object, with line numbers."""
    from tauraro.compiler.compiler import compile_source
    from tauraro.compiler.dis import disassemble
    from tauraro.program import ProgramError, read_program
    from tauraro.vm.source import decode_source
    try:
        data = read_program(file)
        code = compile_source(decode_source(data, os.path.abspath(file)), os.path.abspath(file))
    except ProgramError as e:
        sys.stderr.write("tauraro: %s\n" % e)
        sys.exit(e.exit_code)
    except SyntaxError as e:
        sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))
        sys.exit(1)
    annotate = None
    if show_python:
        from tauraro.vm.blockgen import display_source
        from tauraro.vm.runtime_names import display_names

        def annotate(c):
            src = display_source(c, display_names())
            return "  generated Python:\n" + "".join("    | %s\n" % l for l in src.splitlines())
    click.echo(disassemble(code, annotate), nl=False)


