"""Before a loop's first compile, where its native runs would leave is sampled
(``JitController._exits_sampled``, ``tauraro.vm.linesample``): a loop whose typing finds
exits in its body runs its next iterations as written under a line trace of its frame
alone, and is left to the baseline, uncompiled and without the JIT's start, if 1 in 8 of
them reach an exit's line or more. Not under an explicit --jit-threshold (the rest of the
suite's runs): these tests remove it.

Each compares stdout, exit code and the whole of stderr with CPython's, and reads
``--jit-stats-json`` (and ``--jit-stats``) for what the JIT did."""
import sys

import pytest

from harness import run
from test_jit import Result
from test_jit_slots import line


@pytest.fixture(autouse=True)
def default_start(monkeypatch):
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)


def test_a_loop_whose_iterations_mostly_reach_an_exit_is_not_compiled(tmp_path):
    # every other character is a digit, and int() of a str is not native: each entry would
    # leave at its first or second iteration (sudoku.py's parse loop). Compiled, its
    # entries were judged after three, the compile and the JIT's start lost
    src = """
        def parse(text):
            total = 0
            others = 0
            for ch in text:                     # loop
                if ch in "0123456789":
                    total += int(ch)
                else:
                    others += 1
            return total, others

        print(parse("a1b2c3d4e5" * 200000))
    """
    r = Result(tmp_path, src).same()
    row = r.loop(line(src))
    assert row["status"] == "left to the baseline" and row["versions"] == 0, row
    assert "iterations sampled reach line %d (int() with str" % line(src, "int(ch)") in row["reason"], row
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-stats", "--no-jit-cache"], r.path)
    assert "engine started" not in got.stderr, got.stderr


def test_a_while_loop_whose_iterations_mostly_reach_an_exit_is_not_compiled(tmp_path):
    # (tiny_interpreter.py's tokenizer, its str building on most iterations)
    src = """
        import sys

        def digits(text):
            i, n, total = 0, len(text), 0
            while i < n:                        # loop
                ch = text[i]
                if ch.isdigit():
                    total += int(ch)
                i += 1
            return total

        print(digits("x7y8" * 300000))
        print(sys.gettrace())
    """
    r = Result(tmp_path, src).same()
    row = r.loop(line(src))
    assert row["status"] == "left to the baseline" and row["versions"] == 0, row
    assert "sampled" in row["reason"], row


def test_a_loop_whose_exit_is_rare_is_compiled_after_its_sample(tmp_path):
    # an exit in a branch taken once in 100,000 iterations: the sample finds it in none,
    # and the loop runs natively
    src = """
        def f(n):
            total = 0
            log = []
            for i in range(n):                  # loop
                total += i * i % 7
                if i % 100000 == 77:
                    log.append(str(i))
            return total, log

        print(f(3000000))
    """
    r = Result(tmp_path, src).same()
    row = r.loop(line(src))
    assert row["versions"] == 1 and row["native_iterations"] > 1_000_000, row


def test_a_sample_leaves_no_tracer_behind_when_its_frame_returns_first(tmp_path):
    # each run of the loop is 20 iterations, fewer than a sample's 64: the sample ends with
    # its frame, and is taken again (three times at most) before the compile
    src = """
        import sys

        def row(k):
            total = 0
            for ch in "ab1cd2ef3gh4ij5kl6mn":    # loop
                if ch.isdigit():
                    total += int(ch) * k
                else:
                    total += 1
            return total

        print(sum(row(k) for k in range(60000)), sys.gettrace())
    """
    r = Result(tmp_path, src).same()
    row = r.loop(line(src))
    assert row["interpreted_iterations"] > 0, row
