"""The check that decides whether compiled code computes exp, log, sin, cos and atan2
through the wasm ports: it passes where CPython's math is the library they port, and
fails for any function that differs on one input of its sample."""
import math

import pytest

from tauraro.jit import mathlib
from tauraro.jit.native import NativeEngine

@pytest.fixture(scope="module")
def engine():
    return NativeEngine(cache_dir=None)


@pytest.mark.skipif(not mathlib._platform_may_match(), reason="the ports are glibc's x86_64 FMA builds")
def test_the_ports_agree_with_this_machines_math(engine):
    assert mathlib._sample_matches(engine)


@pytest.mark.parametrize("name", mathlib.PORTED)
def test_one_differing_result_turns_the_ports_off(engine, monkeypatch, name):
    real = mathlib._expected
    seen = []

    def off_by_one_bit(fn, x, y):
        want = real(fn, x, y)
        if fn == name and want is not None and want == want and want != 0.0 and not seen:
            seen.append(x)
            return want * (1 + 2 ** -52)
        return want
    monkeypatch.setattr(mathlib, "_expected", off_by_one_bit)
    assert not mathlib._sample_matches(engine)
    assert seen


@pytest.mark.skipif(not mathlib._platform_may_match(), reason="the ports are glibc's x86_64 FMA builds")
@pytest.mark.parametrize("side", ["finite above EXP_MAX", "overflow at EXP_MAX"])
def test_a_math_exp_with_another_overflow_bound_turns_the_ports_off(engine, monkeypatch, side):
    # compiled code exits before exp exactly for x > libm.EXP_MAX: a math.exp that
    # overflows elsewhere must fail the check
    from tauraro.wasmgen.libm import EXP_MAX
    real = mathlib._expected
    x_at = math.nextafter(EXP_MAX, math.inf) if side.startswith("finite") else EXP_MAX

    def other_bound(fn, x, y):
        if fn == "exp" and x == x_at:
            return 1.7976931348623157e308 if side.startswith("finite") else None
        return real(fn, x, y)
    monkeypatch.setattr(mathlib, "_expected", other_bound)
    assert not mathlib._sample_matches(engine)


def test_the_verdict_is_kept_in_the_engines_cache(tmp_path, monkeypatch):
    runs = []
    real = mathlib._sample_matches
    monkeypatch.setattr(mathlib, "_sample_matches", lambda e: runs.append(e) or real(e))
    first = mathlib._verdict(NativeEngine(cache_dir=str(tmp_path)))
    assert len(runs) == 1
    again = mathlib._verdict(NativeEngine(cache_dir=str(tmp_path)))
    assert again == first and len(runs) == 1          # read back, not checked again
    path = mathlib._verdict_path(NativeEngine(cache_dir=str(tmp_path)))
    with open(path, "w") as f:
        f.write("0")
    assert mathlib._verdict(NativeEngine(cache_dir=str(tmp_path))) is False
    assert mathlib._verdict_path(NativeEngine(cache_dir=None)) is None


class _Clock:
    """A perf_counter that moves only when told (the accounting is checked, not timed)."""

    def __init__(self):
        self.now = 100.0

    def perf_counter(self):
        return self.now


def test_the_checks_time_is_a_start_cost_apart_from_the_engines(monkeypatch):
    # The check runs inside the type inference of the first loop calling math.exp & co.:
    # what it takes (its engine's start timed apart) goes to mathlib.seconds, which the
    # controller reports with the engine's start and takes out of that loop's codegen.
    from tauraro.jit.controller import JitController
    clock = _Clock()
    monkeypatch.setattr(mathlib, "time", clock)
    monkeypatch.setattr(mathlib, "_state", None)
    monkeypatch.setattr(mathlib, "seconds", 0.0)
    monkeypatch.setattr(mathlib, "_platform_may_match", lambda: True)
    started = []

    def engine():                   # the engine's start: timed by the controller, not here
        started.append(clock.now)
        clock.now += 5.0
        return "engine"

    def verdict(e):
        assert e == "engine" and started
        clock.now += 0.25
        return True
    monkeypatch.setattr(mathlib, "_engine", engine)
    monkeypatch.setattr(mathlib, "_verdict", verdict)
    assert mathlib.enabled() is True
    assert mathlib.seconds == 0.25
    assert mathlib.enabled() is True and len(started) == 1 and mathlib.seconds == 0.25   # once
    c = JitController.__new__(JitController)
    c._engine_seconds = 5.0
    assert c.engine_seconds == 5.25


def test_a_platform_the_ports_cannot_match_starts_no_engine(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(mathlib, "time", clock)
    monkeypatch.setattr(mathlib, "_state", None)
    monkeypatch.setattr(mathlib, "seconds", 0.0)

    def may_match():                # (reading /proc/cpuinfo & co. is part of the check)
        clock.now += 0.5
        return False
    monkeypatch.setattr(mathlib, "_platform_may_match", may_match)
    monkeypatch.setattr(mathlib, "_engine", lambda: pytest.fail("the engine started for nothing"))
    assert mathlib.enabled() is False
    assert mathlib.seconds == 0.5
