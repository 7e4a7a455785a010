"""Hot loops near the recursion limit (tauraro.vm.recursion.headroom).

The JIT's own work at a trip -- the hook, the controller, the register compiler, typing
and code generation -- runs on the program's stack. Near the limit it gets room of its
own (none of which the program's code gets), within a few frames of it the JIT does
nothing, and at the very limit the hook's call itself fails and the trip does nothing:
the program runs as CPython runs it -- no RecursionError CPython does not raise, none
missing where CPython raises one, and no warning of the JIT's."""
import pytest

from test_jit import Result, jit

DEEP = """
    import sys

    def work(k):
        s = 0
        for i in range(3000):
            s ^= i * k
        return s

    def down(d, k):
        return down(d - 1, k) if d else work(k)

    out = []
    for d in range(960, 1000):
        try:
            out.append(down(d, d))
        except RecursionError:
            out.append("R%d" % d)
    print(out)

    def dfs(d):
        s = 0
        for i in range(300):
            s += i * d
        if d > 0:
            s += dfs(d - 1)
        return s

    for d in (900, 990, 995, 997, 999):
        try:
            print(d, dfs(d))
        except RecursionError as e:
            print(d, "RecursionError", e)
"""

LOW = """
    import sys

    def f(n):
        s = 0
        for i in range(n):
            s += i % 7
        return s

    for limit in (8, 10, 20, 40, 60, 100):
        sys.setrecursionlimit(limit)
        print(limit, f(20000))
        sys.setrecursionlimit(1000)
"""


@pytest.mark.parametrize("threshold", [None, "1", "50"])
def test_loops_at_every_depth_near_the_limit_run_as_cpython_runs_them(tmp_path, threshold):
    options = ("--jit-threshold", threshold) if threshold else ()
    r = Result(tmp_path, DEEP, *options).same()
    assert r.loop(6)["native_iterations"] > 3000, r.loop(6)


@pytest.mark.parametrize("threshold", [None, "1"])
def test_loops_under_a_low_recursion_limit_run_as_cpython_runs_them(tmp_path, threshold):
    options = ("--jit-threshold", threshold) if threshold else ()
    r = Result(tmp_path, LOW, *options).same()
    assert r.loop(6)["native_iterations"] > 20000, r.loop(6)


SET_LIMIT = """
    import sys

    def d(n, lim):
        if n:
            return d(n - 1, lim)
        try:
            sys.setrecursionlimit(lim)
            r = sys.getrecursionlimit()
        except RecursionError as e:
            r = str(e)
        sys.setrecursionlimit(1000)
        return r

    for lim in (5, 10, 11, 12, 13, 14, 15, 20):
        print(lim, d(10, lim))
    for call in ("sys.setrecursionlimit()", "sys.setrecursionlimit(limit=5)", "sys.setrecursionlimit(1, 2)",
                 "sys.setrecursionlimit(2**31)", "sys.setrecursionlimit(-1)", "sys.setrecursionlimit(1.5)",
                 "sys.setrecursionlimit(-2**40)", "sys.setrecursionlimit(True)"):
        try:
            eval(call)
            print(call, "ok", sys.getrecursionlimit())
        except Exception as e:
            print(call, type(e).__name__, e)
    sys.setrecursionlimit(2**31 - 1)
    print(sys.getrecursionlimit())

    def deep(n):
        return 0 if n == 0 else deep(n - 1) + 1

    print(deep(5000))
    sys.setrecursionlimit(1000)
    try:
        deep(5000)
    except RecursionError as e:
        print("RecursionError", e)
    sys.setrecursionlimit(1)
"""


@pytest.mark.parametrize("mode", ["--no-jit", None])
def test_set_recursion_limit_as_the_program_sees_it_errs_as_cpythons(tmp_path, mode):
    # the depth in "the limit is too low" is the program's (3.11 counts the C call, 3.12+
    # not); a limit near 2**31 - 1 is the program's though the real one stays below it;
    # the arguments are checked as the builtin checks them
    Result(tmp_path, SET_LIMIT, *((mode,) if mode else ())).same()


def test_an_uncaught_recursion_prints_cpythons_traceback_from_the_code_cache_too(tmp_path, monkeypatch):
    # a function the JIT gives up on gets CPython's code mid-recursion; CPython's traceback
    # groups the frames into "[Previous line repeated N more times]" only while their file
    # names are one str object (its printer compares them by identity): the hooked code
    # loaded from the code cache and CPython's compiled apart were two, and the second run
    # of a program printed two lines more and a count two short (hooks._filed_as)
    from harness import cpython, tauraro
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    prog = tmp_path / "prog.py"
    prog.write_text("def walk(node, depth):\n"
                    "    if node is None:\n"
                    "        return depth\n"
                    "    return walk(node, depth + 1) + 1\n"
                    "print(walk('root', 0))\n")
    expected = cpython(prog)
    assert "[Previous line repeated" in expected.stderr
    for run in range(3):        # (the first compiles and caches the code, the next load it)
        got = tauraro(prog, "--jit-threshold", "1")
        assert got.comparable() == expected.comparable(), (run, got.stderr[-600:])
