"""Every program in tests/programs/ prints the same under Tauraro as under CPython."""
import pytest

from harness import cpython, program_files, tauraro

PROGRAMS = program_files()


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_interpreter_matches_cpython(path):
    expected = cpython(path)
    got = tauraro(path, "--no-jit")
    assert got.comparable() == expected.comparable(), got.stderr[-3000:]


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_jit_matches_cpython(path):
    """Every loop compiled at its first back edge: still exactly CPython's output."""
    expected = cpython(path)
    got = tauraro(path, "--jit-threshold", "1")
    assert got.comparable() == expected.comparable(), got.stderr[-3000:]
