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
    for watch in (sys.settrace, sys.setprofile):
        watch(tracer)
        try:
            quickened(code, globals())
        finally:
            watch(None)
        assert not _quick(code) and "first_line_effect" not in calls, watch


def test_on_3_12_and_later_nothing_is_done():
    if sys.version_info < (3, 12):
        pytest.skip("3.11 quickens late")
    assert QUICKENS_AT_CALLS == 0
    code = first_line_effect.__code__.replace()
    del SIDE[:]
    assert quickened(code, globals()) is code and SIDE == []


def for_only(n):
    t = 0
    for i in range(n):
        t += i
    return t


@needs_3_11
def test_a_programs_code_with_while_loops_is_quickened_as_it_loads():
    from tauraro.vm.warmup import BACK_EDGES, quickened_tree
    import opcode
    # (the numbers are 3.11's conditional backward jumps)
    assert BACK_EDGES == {opcode.opmap[n] for n in opcode.opmap if n.startswith("POP_JUMP_BACKWARD_IF_")}
    code = compile("import sys\nk = 0\nwhile k < 3:\n    k += 1\n"
                   "def w(n):\n    while n:\n        n -= 1\n"
                   "def f(n):\n    for i in range(n):\n        pass\n", "prog.py", "exec")
    assert quickened_tree(code) is code
    inner = {c.co_name: c for c in code.co_consts if type(c) is type(code)}
    assert _quick(code) and _quick(inner["w"]) and not _quick(inner["f"])


def test_a_program_runs_its_while_loops_quickened_from_the_start(tmp_path):
    # under CPython 3.11 a function whose loop is a while loop runs its first seven calls
    # unspecialized, and module-level code its only run; Tauraro quickens them as it loads
    # the program, with the JIT and without (the program writes what it sees to a file:
    # CPython's run writes False)
    from harness import run
    said = tmp_path / "quick.txt"
    prog = tmp_path / "prog.py"
    src = ("import dis, sys\n"
           "def quick(c):\n"
           "    return sys.version_info >= (3, 12) or any(\n"
           "        i.opname == 'RESUME_QUICK' for i in dis.get_instructions(c, adaptive=True))\n"
           "def walk(n):\n"
           "    k = 0\n"
           "    while k < n:\n"
           "        k += 1\n"
           "    return k\n"
           "here = quick(sys._getframe().f_code)\n"
           "print(walk(10), here, quick(walk.__code__), file=open(%r, 'a'))\n"
           "k = 0\n"
           "while k < 5:\n"
           "    k += 1\n"
           "print(k)\n" % str(said))
    for options in ([], ["--no-jit"]):
        said.write_text("")
        prog.write_text(src)
        got = run([sys.executable, "-m", "tauraro", "run", *options], prog)
        expected = run([sys.executable], prog)
        assert got.comparable() == expected.comparable(), got.stderr
        lines = said.read_text().splitlines()
        assert lines[0] == "10 True True", (options, lines)       # (Tauraro's run is the first)
        if sys.version_info < (3, 12):
            assert lines[1] == "10 False False", lines
