"""The ``tauraro`` command line (thin: the work happens in ``tauraro.program``)."""
from __future__ import annotations

import os
import sys
import traceback

import click


def _internal_error(debug: bool, exc: BaseException) -> int:
    if debug:
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    else:
        sys.stderr.write("tauraro: internal error: %s: %s (rerun with --debug to see the "
                         "implementation traceback)\n" % (type(exc).__name__, exc))
    return 70


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tauraro")
def main():
    """Tauraro runs Python programs; hot loops are compiled to WebAssembly and run natively."""


@main.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.option("--no-jit", is_flag=True, help="Interpret everything; never compile loops.")
@click.option("--jit-threshold", type=click.IntRange(min=1), default=None, metavar="N",
              help="Back edges before a loop is compiled (default 1000).")
@click.option("--emit-wasm", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Write every compiled loop to DIR as .wasm and .wat.")
@click.option("--jit-stats", is_flag=True, help="Print what the JIT did, per loop, to stderr at exit.")
@click.option("--jit-stats-json", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write the --jit-stats figures to FILE as JSON.")
@click.option("--no-jit-cache", is_flag=True,
              help="Do not reuse or store compiled native code in ~/.cache/tauraro.")
@click.option("--debug", is_flag=True, help="Show the implementation's traceback on internal errors.")
@click.argument("file", type=click.Path(dir_okay=True))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def run(no_jit, jit_threshold, emit_wasm, jit_stats, jit_stats_json, no_jit_cache, debug, file, args):
    """Run FILE as a Python program, passing ARGS in sys.argv."""
    from tauraro.program import ProgramError, run_program
    if os.path.isdir(file):
        sys.stderr.write("tauraro: can't open file %r: [Errno 21] Is a directory\n" % file)
        sys.exit(2)
    jit = None
    if not no_jit:
        from tauraro.jit.controller import DEFAULT_THRESHOLD, JitController
        cache = not no_jit_cache and os.environ.get("TAURARO_JIT_CACHE", "1") != "0"
        jit = JitController(jit_threshold or DEFAULT_THRESHOLD, emit_wasm, cache=cache)
    try:
        code = run_program(file, list(args), jit)
    except ProgramError as e:
        sys.stderr.write("tauraro: %s\n" % e)
        code = e.exit_code
    except Exception as e:   # a bug in Tauraro itself, not in the program
        code = _internal_error(debug, e)
    except BaseException as e:
        from tauraro.vm.errors import InternalError
        if not isinstance(e, InternalError):
            raise
        code = _internal_error(debug, e)
    if jit is not None and (jit_stats or jit_stats_json):
        from tauraro.jit.stats import format_report, write_json
        jit.finish()
        rows = jit.rows()
        if jit_stats:
            sys.stderr.write(format_report(rows, jit.engine_seconds * 1000))
        if jit_stats_json:
            write_json(rows, jit_stats_json)
    sys.stdout.flush()
    sys.exit(code)


@main.command()
@click.option("--python", "show_python", is_flag=True,
              help="Also show the Python source the interpreter generates for each block.")
@click.argument("file", type=click.Path())
def dis(file, show_python):
    """Disassemble FILE: the register bytecode of every code object, with line numbers."""
    from tauraro.compiler.dis import disassemble
    from tauraro.program import ProgramError, load
    try:
        code = load(file)
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


if __name__ == "__main__":
    main()
