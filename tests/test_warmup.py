"""A code object given to a function mid-run is quickened first, as CPython 3.11 quickens a
code object only at its eighth call (``tauraro.vm.warmup``): warmed by calls stopped at their
first line event, none of the program's code runs."""
import dis
import sys

import pytest

from tauraro.vm.warmup import QUICKENS_AT_CALLS, quickened

needs_3_11 = pytest.mark.skipif(sys.version_info >= (3, 12), reason="3.12+ quicken a code object as it is made")

SIDE = []


def _quick(code) -> bool:
    return any(i.opname == "RESUME_QUICK" for i in dis.get_instructions(code, adaptive=True))


def first_line_effect(a, b=2, *rest, k, **kw):
    SIDE.append("ran")
    return a


def first_line_try():
    try:
        SIDE.append("try")
    finally:
        SIDE.append("finally")


def spins():
    n = 0
    while n < 10 ** 12:
        n += 1


def closure():
    v = []

    def inner(x):
        v.append(x)
        SIDE.append("inner")
    return inner


def gen(n):
    for i in range(n):
        SIDE.append("gen")
        yield i


@needs_3_11
@pytest.mark.parametrize("func", [first_line_effect, first_line_try, spins, closure(), lambda x: SIDE.append(x)])
def test_a_fresh_code_object_is_quickened_and_none_of_it_runs(func):
    code = func.__code__.replace()
    assert not _quick(code)
    del SIDE[:]
    assert quickened(code, globals()) is code
    assert _quick(code) and SIDE == []
    assert sys.gettrace() is None


@needs_3_11
def test_seven_calls_do_not_quicken_a_code_object_the_eighth_does():
    # (CPython 3.11's own rule, which the warming relies on: a while loop's back edges do not count)
    assert QUICKENS_AT_CALLS == 8
    code = spins.__code__.replace(co_consts=tuple(0 if c == 10 ** 12 else c for c in spins.__code__.co_consts))
    f = type(spins)(code, globals())
    for _ in range(7):
        f()
    assert not _quick(code)
    f()
    assert _quick(code)


@needs_3_11
def test_a_generators_code_and_a_watched_programs_are_left_alone():
    code = gen.__code__.replace()
    del SIDE[:]
    quickened(code, globals())
    assert not _quick(code) and SIDE == []
    calls = []

    def tracer(frame, event, arg):
        calls.append(frame.f_code.co_name)
        return None
    code = first_line_effect.__code__.replace()
    sys.settrace(tracer)
    try:
        quickened(code, globals())
    finally:
        sys.settrace(None)
    assert not _quick(code) and "first_line_effect" not in calls
    sys.setprofile(tracer)
    try:
        quickened(code, globals())
    finally:
        sys.setprofile(None)
    assert not _quick(code) and "first_line_effect" not in calls


def test_on_3_12_and_later_nothing_is_done():
    if sys.version_info < (3, 12):
        pytest.skip("3.11 quickens late")
    assert QUICKENS_AT_CALLS == 0
    code = first_line_effect.__code__.replace()
    del SIDE[:]
    assert quickened(code, globals()) is code and SIDE == []
