"""The cyclic garbage collector is paused while a loop or a function compiles
(controller._CollectorPaused) and put back as it was: a program that disabled it
finds it disabled after, one that did not finds it enabled, and cyclic garbage made
around compiles is still collected. Each test compares stdout, exit code and the whole
of stderr with CPython's, and checks the loop was compiled."""
from test_jit import jit


def test_the_collector_is_enabled_after_a_compile_and_still_collects(tmp_path):
    r = jit(tmp_path, """
        import gc
        class Node:
            pass
        def cycles(n):
            for _ in range(n):
                a = Node(); b = Node(); a.b = b; b.a = a
        total = 0
        for i in range(5000):
            total += i * i % 7
        print(total, gc.isenabled())
        cycles(100)
        print(gc.collect() >= 200, gc.isenabled())
    """)
    assert r.loop(9)["status"] == "compiled"


def test_a_disabled_collector_stays_disabled_across_compiles(tmp_path):
    r = jit(tmp_path, """
        import gc
        gc.disable()
        def f(n):
            s = 0
            for i in range(n):
                s += i & 5
            return s
        total = 0
        for i in range(3000):
            total += i ^ 3
        print(total, f(4000), gc.isenabled())
        gc.enable()
        print(f(5000), gc.isenabled())
    """)
    assert r.loop(10)["status"] == "compiled" and r.loop(6)["status"] == "compiled"
