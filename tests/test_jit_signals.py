"""Signals while compiled code runs (tauraro.jit.interrupt, tauraro.vm.errors).

CPython runs a Python signal handler at the next eval-breaker check -- in a loop of
arithmetic, its backward jump -- and an exception the handler raises comes out of the
loop there. Native code leaves at its header when a signal comes (the watchdog sets its
interrupt word); the handler then runs in Tauraro's own code, and its exception is the
program's: raised at the loop's back edge, the handler's frames below it, never taken for
a failure of the JIT (which gave the loop up and swallowed it: a ``while True`` waiting
for the alarm never ended). Each program warms its loop up first, so the alarm comes
while the loop runs natively; compared with CPython on stdout, exit code and stderr."""
import sys

import pytest

from test_jit import jit


def test_a_handlers_exception_leaves_the_native_loop_with_its_frames(tmp_path):
    r = jit(tmp_path, """
        import signal, traceback
        class Alarm(Exception):
            pass
        def handler(signum, frame):
            raise Alarm("alarm")
        signal.signal(signal.SIGALRM, handler)
        def spin(stop):
            n = 0
            k = 0
            try:
                for k in range(stop):
                    n = (n + k) % 1000
            except Alarm:
                traceback.print_exc()
            return k == stop - 1
        print(spin(5000))
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        print(spin(10 ** 15))
    """)
    assert r.loop(12)["native_iterations"] > 4000, r.loop(12)
    # (a while loop's back edge is outside its try on 3.13, whose handler's exception
    # leaves the function: not tried here)


def test_ctrl_c_in_a_native_for_loop_is_raised_at_its_back_edge(tmp_path):
    # (CPython's backward jump takes the last instruction's position: the store of ``n``)
    jit(tmp_path, """
        import signal
        signal.signal(signal.SIGALRM, signal.default_int_handler)
        def spin(stop):
            n = 0
            for i in range(stop):
                n = (n + i) % 1001
            return n
        def count(stop):
            n = 0
            while n != stop:
                n += 1
            return n
        print(spin(5000), count(5000))
        for f in (spin, count):
            signal.setitimer(signal.ITIMER_REAL, 0.2)
            f(10 ** 15)
    """)


def test_the_watchdog_waits_in_its_read_once_installed():
    # a 3.12+ profiler (a sys.monitoring tool) sees the calls of every thread: the watchdog,
    # started late on a loaded machine, made its first calls while the program's cProfile
    # ran -- one sq call in ten came out counted twice, as recursive. Installed, its thread
    # is in its read already (a frame in _watch at the read), and makes no call until a
    # signal comes
    import subprocess
    from harness import ROOT, _env
    out = subprocess.run([sys.executable, "-c", """
import sys
from tauraro.jit.interrupt import InterruptWatchdog
InterruptWatchdog.install()
frames = [f for f in sys._current_frames().values() if f.f_code.co_name == "_watch"]
print(len(frames), frames[0].f_code.co_filename.endswith("interrupt.py") if frames else None)
"""], capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["1", "True"], out.stdout + out.stderr


@pytest.mark.skipif(sys.version_info < (3, 12), reason="sys.monitoring is 3.12's")
def test_cprofile_on_a_monitoring_python_counts_every_call(tmp_path):
    # (3.12's cProfile is a sys.monitoring tool, not a profiler of sys.getprofile: native
    # code would have hidden the calls it made)
    r = jit(tmp_path, """
        import cProfile, pstats, io
        def sq(x):
            return x * x
        def work(n):
            t = 0
            for i in range(n):
                t += sq(i)
            return t
        print(work(3000))
        pr = cProfile.Profile()
        pr.enable()
        work(30000)
        pr.disable()
        s = pstats.Stats(pr)
        print([(f[2], v[1]) for f, v in s.stats.items() if f[2] == "sq"])
    """)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="sys.monitoring is 3.12's")
def test_cprofile_counts_the_calls_of_a_function_compiled_whole(tmp_path):
    # (the generated call of a whole function's version asks the site whether anything
    # watches: a monitoring tool as well as a tracer or profiler)
    jit(tmp_path, """
        import cProfile, pstats
        def sq(x):
            return x * x
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + sq(1) * fib(n - 2)
        print(sum(fib(15) for _ in range(30)))
        pr = cProfile.Profile()
        pr.enable()
        for _ in range(20):
            fib(15)
        pr.disable()
        s = pstats.Stats(pr)
        print(sorted((f[2], v[1]) for f, v in s.stats.items() if f[0] == __file__))
    """, threshold="3")
