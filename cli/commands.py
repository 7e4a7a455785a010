"""The click group: help, errors with suggestions, ``run`` when parsed here, and ``dis``.

Only imported when ``tauraro.cli.main.entry``'s fast path does not apply, so running a
program never pays for importing click."""
from __future__ import annotations

import os
import sys

import click

from .running import _finish, run_file


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tauraro")
def main():
    """Tauraro runs Python programs; hot loops are compiled to WebAssembly and run natively."""


@main.command(context_settings={"ignore_unknown_options": False, "allow_interspersed_args": False})
@click.option("--no-jit", is_flag=True, help="Run on the baseline tier only; never compile loops.")
@click.option("--jit-threshold", type=click.IntRange(min=1), default=None, metavar="N",
              help="Loop iterations before a loop is compiled (default 1000).")
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
    _finish(run_file(file, args, no_jit, jit_threshold, emit_wasm, jit_stats, jit_stats_json,
                     no_jit_cache, debug))


@main.command()
@click.option("--python", "show_python", is_flag=True,
              help="Also show the Python source the resume interpreter generates for each block.")
@click.argument("file", type=click.Path())
def dis(file, show_python):
    """Disassemble FILE: the register bytecode of every code object, with line numbers."""
    import traceback
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


