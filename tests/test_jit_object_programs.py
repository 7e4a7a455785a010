"""Random programs over objects, dicts and strs (``objgen``) print what CPython prints.

Each seed's program runs under CPython, under Tauraro with ``--jit-threshold 1`` (every
loop that gets round its back edge is tried natively at once) and under the default
start; stdout, the exit code and the whole of stderr must be CPython's. The seeds are
fixed: the same programs every run. (A session's fuzzing ran thousands of other seeds;
a seed that found a difference belongs here once it is fixed.)"""
from __future__ import annotations

import json

import pytest

from harness import cpython, explain, tauraro
from objgen import program

SEEDS = list(range(1000, 1024))


def _write(tmp_path, seed):
    path = tmp_path / "prog.py"
    path.write_text(program(seed), encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_program_prints_what_cpython_prints(tmp_path, seed):
    path = _write(tmp_path, seed)
    expected = cpython(path)
    for options in (("--jit-threshold", "1", "--no-jit-cache"), ()):
        got = tauraro(path, *options)
        assert got.comparable() == expected.comparable(), "seed %d, %s:\n%s" % (
            seed, " ".join(options) or "default", explain(got, expected))


def test_most_generated_programs_run_natively(tmp_path):
    # (else the programs above would test the interpreter alone)
    native = 0
    for seed in SEEDS[:8]:
        path = _write(tmp_path, seed)
        stats = tmp_path / ("stats%d.json" % seed)
        tauraro(path, "--jit-threshold", "1", "--no-jit-cache", "--jit-stats-json", str(stats))
        rows = json.loads(stats.read_text())
        native += any(r["native_iterations"] > 0 for r in rows)
    assert native >= 5, native
