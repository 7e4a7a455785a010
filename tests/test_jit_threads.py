"""Native code and the program's threads (tauraro.vm.hooks: _other_threads, FunctionSite.busy).

wasmtime's store is entered with the GIL let go, so native code must run in one thread at
a time; and it holds copies of the data it took in, so a loop waiting on another thread
would wait for ever. While the program runs threads besides its main one, nothing is
entered natively: a loop's trip does nothing, and a function compiled whole before the
threads started -- whose generated call the prologue makes directly -- sleeps (its calls
are the baseline's) until a hook wakes it. Compared with CPython on stdout, exit code and
stderr."""
from test_jit import jit


def test_a_function_compiled_whole_called_from_two_threads(tmp_path):
    # (both threads in fib's native code at once summed wrong, trapped "call stack
    # exhausted", or aborted in wasmtime's unwinder)
    r = jit(tmp_path, """
        import threading
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        for i in range(100):
            fib(18)
        out = {}
        def worker(k):
            r = []
            for i in range(3000):
                r.append(fib(12 + i % 5))
            out[k] = sum(r)
        ts = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        print(sorted(out.items()))
        print(fib(20))
    """)
    assert any(row["kind"] == "function" and row["native_iterations"] > 0 for row in r.rows), r.rows


def test_threads_started_with_the_thread_module_count_too(tmp_path):
    # (threading does not list them: three of them and the main thread in fib's native
    # code at once aborted in wasmtime's unwinder)
    jit(tmp_path, """
        import _thread, time
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(20))
        out = []
        def work():
            out.append([fib(18) for j in range(40)])
        for k in range(3):
            _thread.start_new_thread(work, ())
        out.append([fib(18) for j in range(40)])
        while len(out) < 4:
            time.sleep(0.01)
        print([set(r) for r in out])
    """)


def test_the_written_out_tests_say_what_the_functions_say():
    # a function compiled whole's generated call asks the tests written out
    # (program_threads_test, watched_test), not the functions: each must agree with its
    # function, with and without a thread of the program's, a profiler, a tracer
    import sys
    import threading
    from tauraro.jit.threads import program_threads, program_threads_test
    from tauraro.vm.watchers import watched, watched_test

    def written(make):
        ns = {}

        def const(value):
            ns["K%d" % len(ns)] = value
            return "K%d" % (len(ns) - 1)
        return eval("lambda: " + make(const), ns)

    threads, watching = written(program_threads_test), written(watched_test)
    seen = [(threads(), program_threads(), watching(), watched())]
    sys.setprofile(lambda *a: None)
    seen.append((threads(), program_threads(), watching(), watched()))
    sys.setprofile(None)
    sys.settrace(lambda *a: None)
    seen.append((threads(), program_threads(), watching(), watched()))
    sys.settrace(None)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    seen.append((threads(), program_threads(), watching(), watched()))
    stop.set()
    t.join()
    assert [(bool(a), b) for a, b, _, _ in seen] == [(b, b) for _, b, _, _ in seen]
    assert [(bool(c), d) for _, _, c, d in seen] == [(d, d) for _, _, _, d in seen]
    # (the states were what they say: pytest's workers may run threads of their own)
    assert seen[1][3] and seen[2][3] and seen[3][1] and not seen[3][3]
