"""Tracebacks of exceptions that leave a handler inside a compiled loop (tauraro.vm.resume).

An exception raised while a loop runs natively is finished by the resume interpreter,
whose blocks run the loop's handlers. CPython's frame gets a traceback entry each time an
exception is raised in it (``raise e`` too: the frame shows twice), and none when a bare
``raise`` -- a ``finally``'s end, an ``except`` that did not match, ``raise`` in a handler
-- re-raises it. So the entry stays where the exception was raised, not at the handler's
last line. Each test compares stdout, exit code and the whole stderr with CPython's, and
reads --jit-stats to check the loop ran natively before it raised."""
from test_jit import jit


def test_finally_in_a_native_loop_keeps_the_entry_where_it_raised(tmp_path):
    r = jit(tmp_path, """
        def g(n):
            t = 0
            for x in range(n):
                try:
                    t += 1 // (x - n + 1)
                finally:
                    t += 1
            return t
        g(3000)
    """)
    assert r.loop(4)["native_iterations"] > 2000, r.loop(4)


def test_finally_and_unmatched_except_after_a_raise_statement(tmp_path):
    r = jit(tmp_path, """
        def f(n):
            for x in range(n):
                try:
                    if x == n - 1:
                        raise ValueError(x)
                finally:
                    pass

        def g(n):
            for x in range(n):
                try:
                    if x == n - 1:
                        raise ValueError(x)
                except KeyError:
                    pass

        try:
            f(2000)
        except ValueError:
            import traceback
            traceback.print_exc()
        g(2000)
    """)
    assert r.loop(3)["native_iterations"] > 1000, r.loop(3)


def test_an_inlined_callee_raising_through_a_finally_shows_both_frames_once(tmp_path):
    r = jit(tmp_path, """
        def f(x, n):
            if x == n - 1:
                raise ValueError(x)
            return x

        def g(n):
            t = 0
            for x in range(n):
                try:
                    t += f(x, n)
                finally:
                    t -= 1
            return t
        g(2000)
    """)
    assert r.loop(9)["native_iterations"] > 1000, r.loop(9)


def test_a_raise_in_a_handler_after_a_native_exit_has_cpythons_position(tmp_path):
    # the traceback module reads the entry's position (tb_lasti), the default hook its line:
    # both must be the ``raise`` statement's, with no carets under it
    r = jit(tmp_path, """
        import traceback

        def f(n):
            for x in range(n):
                try:
                    1 // (x - n + 1)
                except ZeroDivisionError:
                    raise KeyError(x)

        try:
            f(2000)
        except KeyError:
            traceback.print_exc()
        f(2000)
    """)
    assert r.loop(5)["native_iterations"] > 1000, r.loop(5)


def test_raise_e_shows_the_frame_twice_and_bare_raise_once(tmp_path):
    r = jit(tmp_path, """
        import traceback

        def lines(e):
            return [(f.lineno, f.line) for f in traceback.extract_tb(e.__traceback__)]

        def k(n):
            for x in range(n):
                try:
                    1 // (x - n + 1)
                except ZeroDivisionError as e:
                    raise e

        def h(n):
            t, a = 0, [1, 2]
            for x in range(n):
                try:
                    t += a[(x == n - 1) * 5]
                except IndexError:
                    raise
                finally:
                    t += 1
            return t

        def m(n):
            out, d, c = [], {i: 1 for i in range(n - 1)}, 0
            for x in range(n):
                try:
                    try:
                        c += d[x]
                    finally:
                        c += 1
                except KeyError as e:
                    out.append(lines(e))
                    try:
                        raise e
                    except KeyError as e2:
                        out.append(lines(e2))
            return out, c

        for fn in (k, h):
            try:
                fn(2000)
            except LookupError as e:
                print(lines(e))
            except ZeroDivisionError as e:
                print(lines(e))
        print(m(2000))
        k(2000)
    """)
    for line in (8, 16, 27):
        assert r.loop(line)["native_iterations"] > 1000, r.loop(line)


def test_a_callee_that_makes_a_function_a_class_or_imports_is_not_inlined(tmp_path):
    # an exit inside an inlined callee resumes its call in the resume interpreter, which
    # cannot run those: such a callee is called, not inlined, and its rare branch runs as
    # CPython runs it (it raised NameError: make_function, import_name, build_class)
    r = jit(tmp_path, """
        def comp(i):
            if i == 2999:
                print([x * i for x in (1, 2)], sum(x for x in (i, 1)))
            return i

        def imp(i):
            if i == 2999:
                import math
                print(math.floor(2.5))
            return i

        def cls(i):
            if i == 2999:
                class A:
                    def m(self):
                        return i
                print(A().m())
            return i

        def f1(n):
            t = 0
            for i in range(n):
                t += comp(i)
            return t

        def f2(n):
            t = 0
            for i in range(n):
                t += imp(i)
            return t

        def f3(n):
            t = 0
            for i in range(n):
                t += cls(i)
            return t

        print(f1(3000), f2(3000), f3(3000))
    """, threshold="50")
    assert "it holds MAKE_FUNCTION at line 4" in r.loop(23)["reason"], r.loop(23)
    assert "it holds BUILD_CLASS at line 15" in r.loop(35)["reason"], r.loop(35)


STORES = """
    class F:
        def __setattr__(self, k, v):
            raise AttributeError(k)

        def __setitem__(self, k, v):
            raise KeyError(k)

        def __getitem__(self, k):
            return 1

    def run(p, how):
        t = 0
        for i in range(3000):
            t += i * i % 7
            if i == 2500:
                if how == 0:
                    p.x = i
                elif how == 1:
                    p[i] = 5
                else:
                    p[i] += 5
        return t

    for how in (0, 1, 2):
        try:
            run(F(), how)
        except LookupError as e:
            print(type(e).__name__, e)
            import traceback
            traceback.print_exc()
    run(F(), 0)
"""


def test_a_store_failing_after_an_exit_is_marked_where_cpython_marks_it(tmp_path):
    # (the register compiler's STORE_ATTR and STORE_SUBSCR at the target's position: the
    # carets were under the value stored)
    r = jit(tmp_path, STORES, threshold="50")
    assert r.loop(14)["native_iterations"] > 2000, r.loop(14)
