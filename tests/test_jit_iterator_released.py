"""A loop's hidden iterator (and its hook's last result, which holds the values a native
run wrote) is let go where CPython pops the loop's iterator: at a ``break`` -- one a native
run's exit takes too --, at the loop's end, and as an exception leaves the loop (the
handler or finally clause of the try statement around it lets them go first;
tauraro.vm.instrument). The list a loop walked, or an object it held, is released where
the program drops its last own reference, not when the function returns. Each program's
stdout, exit code and whole stderr are CPython's."""
import textwrap

from test_jit import jit

_RES = textwrap.dedent("""
    class Res:
        def __init__(self, name):
            self.name = name

        def __del__(self):
            print("released", self.name)
""")


def test_a_list_walked_is_released_after_a_break_a_trip_took(tmp_path):
    r = jit(tmp_path, _RES + textwrap.dedent("""
        def f(n, stop):
            items = [Res("items")] + list(range(1, n))
            t = 0
            for x in items:
                if x is not items[0]:
                    t += x & 7
                    if x == stop:
                        break
            items = x = None
            print("cleared", t)

        f(20000, 15000)
        f(20000, 15000)
        print("end")
    """), threshold="50")
    assert "Error" not in r.got.stderr


def test_a_list_walked_is_released_in_the_handler_of_the_exception_that_left_the_loop(tmp_path):
    r = jit(tmp_path, _RES + textwrap.dedent("""
        def f(n, bad):
            items = [Res("items")] + list(range(1, n))
            t = 0
            try:
                for x in items:
                    if x is not items[0]:
                        t += 100 // (bad - x)
            except ZeroDivisionError:
                items = x = None
                print("handled", t)
            print("after")

        def g(n):
            items = [Res("g")] + list(range(1, n))
            t = 0
            try:
                while t >= 0:
                    for x in items:
                        if x is not items[0]:
                            t += 100 // (n - 5 - x)
            finally:
                items = x = None
                print("finally", t)

        f(20000, 15000)
        try:
            g(20000)
        except ZeroDivisionError as e:
            print("caught", e)
        items = [Res("module")] + list(range(1, 20000))
        t = 0
        try:
            for x in items:
                if x is not items[0]:
                    t += 100 // (12000 - x)
        except ZeroDivisionError:
            pass
        items = x = None
        print("end", t)
    """), threshold="50")
    assert "Error" not in r.got.stderr
    # (a list of Res and ints is not compiled: its runs go on as written after a trip)
    assert r.loop(13)["interpreted_iterations"] > 10000, r.loop(13)


def test_an_object_a_native_run_wrote_is_released_where_the_program_drops_it(tmp_path):
    # (the hook's result held the values the native run wrote back, R() among them, until
    # the loop's next trip: its __del__ ran after the loop, and a file object's close and
    # flush came late)
    r = jit(tmp_path, _RES + textwrap.dedent("""
        def f(n):
            obj = None
            t = 0
            for i in range(n):
                t += i & 3
                if i == n - 10:
                    obj = Res("obj")
                if i == n - 5:
                    obj = None
                    print("dropped")
            print("end loop", t)

        f(20000)
        f(20000)
    """), threshold="50")
    assert "Error" not in r.got.stderr
    assert r.loop(12)["native_iterations"] > 30000, r.loop(12)
