"""The program's objects are finalized at its exit as CPython finalizes them.

The instrumented code holds its hook sites as constants, and the cyclic collector does not
walk code objects: whatever a site reached (the loop's globals, the JIT's versions and
what they keep) stayed alive through the interpreter's teardown, so the ``__del__`` of
the program's objects never ran at exit. ``HookRuntime.close`` (after the program's own
``atexit`` handlers) lets go of them. Each program is compared with CPython on stdout,
exit code and the whole of stderr, with the JIT entering at once and with its defaults.

The order in which the collector finalizes several objects of one garbage cycle -- the
module's globals, at the teardown -- follows the order of its generations' lists, which the
collections made before decide: CPython itself prints a module-level list's ``__del__``
lines first to last in one environment and last to first in another (a venv whose site
imports an editable install's finder, allocating more at the start). So where a program
has several such objects, their lines are compared as a multiset.
"""
import textwrap

import pytest

from test_jit import Result

DEL_AT_EXIT = """
    class Noisy:
        def __init__(self, name):
            self.name = name
        def __del__(self):
            print("del", self.name)

    class Body:
        def __init__(self, x):
            self.x = x
            self.v = 0.5
        def __del__(self):
            print("del body", self.x)

    keep = Noisy("module-level")
    bodies = [Body(float(i)) for i in range(3)]
    more = [Noisy("literal %d" % k) for k in (1, 2)] + [Noisy("literal 3")]

    def total(n):
        s = 0
        for i in range(n):
            s += i % 7
        return s

    def step(bodies, n):
        for _ in range(n):
            for b in bodies:
                b.x += b.v
        return sum(b.x for b in bodies)

    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    def squares(n, k):
        return [i * k + 7 for i in range(n) if i % 3]

    cycle = [Noisy("in a cycle")]
    cycle.append(cycle)
    sq = 0
    for rep in range(5):
        sq += squares(30000, rep)[-1]
    print(total(300000), step(bodies, 20000), fib(24), sq)
"""


@pytest.mark.parametrize("options", [("--jit-threshold", "1"), ()], ids=["eager", "defaults"])
def test_objects_alive_at_exit_are_finalized(tmp_path, options):
    r = Result(tmp_path, DEL_AT_EXIT, *options)
    got, expected = r.got, r.expected
    assert (got.returncode, got.stderr) == (expected.returncode, expected.stderr), got.stderr[-3000:]
    first, *finalized = got.stdout.splitlines()
    assert [first] + sorted(finalized) == [expected.stdout.splitlines()[0]] + sorted(expected.stdout.splitlines()[1:])
    assert len(finalized) == 8 and "del body 10002.0" in finalized and "del literal 3" in finalized
    if options:
        assert r.loop(21)["native_iterations"] > 0 and r.loop(27)["native_iterations"] > 0


def test_a_module_the_program_imports_is_finalized_too(tmp_path):
    (tmp_path / "helper.py").write_text(textwrap.dedent("""
        class Closer:
            def __del__(self):
                print("helper closed")
        closer = Closer()
        def work(n):
            t = 0
            for i in range(n):
                t += i
            return t
    """))
    r = Result(tmp_path, """
        import helper
        print(helper.work(100000))
    """, "--jit-threshold", "1").same()
    assert "helper closed" in r.got.stdout
    assert [row["native_iterations"] > 0 for row in r.rows if row["file"].endswith("helper.py")] == [True]


def test_atexit_handlers_still_run_compiled_loops_and_a_late_del_runs_as_written(tmp_path):
    # the program's atexit handler runs before the JIT lets go (its loop is compiled);
    # a __del__ at the teardown, after it, runs its loop as written
    r = Result(tmp_path, """
        import atexit

        def count(n):
            c = 0
            for i in range(n):
                c += i & 3
            return c

        class Late:
            def __del__(self):
                print("late", count(5000))

        late = Late()
        atexit.register(lambda: print("at exit", count(200000)))
        print(count(100000))
    """, "--jit-threshold", "1").same()
    assert r.got.stdout.splitlines()[-1] == "late 7500"
    assert r.loop(6)["entries"] >= 2


def test_sys_exit_and_an_uncaught_exception_finalize_too(tmp_path):
    for ending, code in (("sys.exit(3)", 3), ("raise ValueError('end')", 1)):
        r = Result(tmp_path, """
            import sys
            class Noisy:
                def __del__(self):
                    print("finalized")
            n = Noisy()
            def f(k):
                s = 0
                for i in range(k):
                    s += i
                return s
            print(f(50000))
            %s
        """ % ending, "--jit-threshold", "1").same()
        assert r.got.returncode == code and "finalized" in r.got.stdout


@pytest.mark.parametrize("options", [("--no-jit",), ("--jit-threshold", "1")])
def test_an_uncaught_keyboard_interrupt_runs_atexit_before_dying_of_sigint(tmp_path, options):
    # (CPython finalizes -- threads joined, atexit handlers, streams flushed -- and then
    # kills itself with SIGINT)
    r = Result(tmp_path, """
        import atexit, sys, threading, time
        def bye(x):
            print("bye", x)
            sys.stderr.write("err bye %d\\n" % x)
        atexit.register(bye, 1)
        atexit.register(bye, 2)
        def late():
            time.sleep(0.05)
            print("thread done")
        threading.Thread(target=late).start()
        s = 0
        for i in range(20000):
            s += i
        print(s)
        raise KeyboardInterrupt("stop")
    """, *options).same()
    assert "bye 1" in r.got.stdout and r.got.returncode == -2
