"""Every program in tests/programs/ prints the same under Tauraro as under CPython."""
import sys

import pytest

from harness import cpython, explain, program_files, run, tauraro

PROGRAMS = program_files()


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_interpreter_matches_cpython(path):
    expected = cpython(path)
    got = tauraro(path, "--no-jit")
    assert got.comparable() == expected.comparable(), explain(got, expected)


# Programs whose output counts objects the collector finds: compiling loops creates (and
# drops) objects of the JIT's own, so with every loop compiled the counts differ. A known
# difference (README); these still run under --no-jit and, where hot, the default threshold.
GC_COUNTING = {"frame_gc_cycles"}


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_jit_matches_cpython(path, tmp_path):
    """Every loop compiled at its first back edge: still exactly CPython's output, and
    every module the JIT emitted is valid wasm, its text form included."""
    if path.stem in GC_COUNTING:
        pytest.skip("counts the collector's objects, which the JIT's compiling adds to")
    expected = cpython(path)
    out = tmp_path / "wasm"
    got = tauraro(path, "--jit-threshold", "1", "--emit-wasm", str(out))
    assert got.comparable() == expected.comparable(), explain(got, expected)
    if out.exists():
        import wasmtime
        engine = wasmtime.Engine()
        for f in out.glob("*.wasm"):
            wasmtime.Module.validate(engine, f.read_bytes())
            wasmtime.Module.validate(engine, wasmtime.wat2wasm(f.with_suffix(".wat").read_text()))


HOT_PROGRAMS = [p for p in PROGRAMS if p.stem.startswith(("jit_", "seed_", "prog_"))]


@pytest.mark.parametrize("path", HOT_PROGRAMS, ids=[p.stem for p in HOT_PROGRAMS])
def test_jit_default_threshold_matches_cpython(path):
    """With the default threshold loops enter native code mid-run, from interpreter state."""
    expected = cpython(path)
    got = tauraro(path)
    assert got.comparable() == expected.comparable(), explain(got, expected)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_is_deterministic_under_cpython(path):
    """A second CPython run prints exactly what the first printed (stdout, exit code and
    the whole of stderr): otherwise a difference under Tauraro would prove nothing."""
    first = cpython(path)
    again = run([sys.executable], path)
    assert again.comparable() == first.comparable(), explain(
        again, first, labels=("first CPython run", "second CPython run"))
