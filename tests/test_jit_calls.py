"""Calls of the program's functions inlined into compiled loops.

Each program runs under CPython and under Tauraro with the JIT (threshold 1, so every
loop compiles at once); stdout, exit code and stderr must match, and the loop must
really have run natively with the call inlined (``native_iterations``; no exit at
the call's line on the hot path). Deoptimization inside a callee re-runs the call in
the interpreter: the tests below make every such exit happen.
"""
import sys
import textwrap

from harness import run
from test_jit import jit


def calls_exits(r, line):
    return {reason: n for (reason, l), n in r.exit_reasons(line).items()}


def test_small_functions_are_inlined_into_the_loop(tmp_path):
    r = jit(tmp_path, """
        def sq(x):
            return x * x

        def clamp(x, lo=5, hi=30):
            if x < lo:
                return lo
            if x > hi:
                return hi
            return x

        def lerp(a, b, t):
            return a + (b - a) * t

        def f(n):
            s = 0
            acc = 0.0
            for i in range(n):
                s += sq(i % 1000) - clamp(i % 37) + clamp(i % 7, 2)
                acc += lerp(1.0, 3.0, (i % 10) / 10)
            return s, acc
        print(f(20000))
    """)
    row = r.loop(18)
    assert row["status"] == "compiled", row
    assert row["native_iterations"] >= 19990 and row["entries"] == 1, row
    assert calls_exits(r, 18) == {"left the loop": 1}


def test_a_function_calling_functions_is_inlined_with_its_callees(tmp_path):
    r = jit(tmp_path, """
        def inc(x):
            return x + 1

        def twice(x):
            return inc(inc(x))

        def four(x):
            return twice(twice(x))

        t = 0
        for i in range(5000):
            t += four(i)
        print(t)
    """)
    assert r.loop(12)["native_iterations"] >= 4999


def test_a_callee_whose_loop_follows_an_assignment_is_inlined(tmp_path):
    # next_permutation's while loops start after i = len(a) - 2: the Ctrl-C check on the
    # edge into its first loop resumes inside the callee with i already set (the edge's
    # types, not those at the start of the block holding it: "no type for i" refused the
    # whole loop in permutations_queens.py)
    r = jit(tmp_path, """
        def next_permutation(a):
            i = len(a) - 2
            while i >= 0 and a[i] >= a[i + 1]:
                i -= 1
            if i < 0:
                return False
            j = len(a) - 1
            while a[j] <= a[i]:
                j -= 1
            a[i], a[j] = a[j], a[i]
            lo = i + 1
            hi = len(a) - 1
            while lo < hi:
                a[lo], a[hi] = a[hi], a[lo]
                lo += 1
                hi -= 1
            return True

        a = list(range(7))
        count = deranged = 0
        while True:
            count += 1
            ok = True
            for k in range(7):
                if a[k] == k:
                    ok = False
                    break
            if ok:
                deranged += 1
            if not next_permutation(a):
                break
        print(count, deranged, a)
    """)
    assert r.loop(22)["native_iterations"] > 4000


def test_int_overflow_inside_a_callee_reruns_the_call_with_big_ints(tmp_path):
    r = jit(tmp_path, """
        def grow(x):
            return x * 3 + 1

        x = 1
        for i in range(60):
            x = grow(x)
        print(x)
    """)
    assert any("int overflow in grow" in reason for reason in calls_exits(r, 6))


def test_an_exception_three_inlined_frames_deep_has_cpythons_traceback(tmp_path):
    jit(tmp_path, """
        def inner(x):
            return 100 // (x - 70)

        def middle(x):
            return inner(x) + 1

        def outer(x):
            return middle(x) * 2

        t = 0
        for i in range(100):
            t += outer(i)
        print(t)
    """)


def test_zero_division_in_a_float_callee_raises_where_cpython_does(tmp_path):
    jit(tmp_path, """
        def inv(x):
            return 1.0 / x

        def main():
            s = 0.0
            for i in range(50, -5, -1):
                s += inv(float(i))
            return s
        print(main())
    """)


def test_a_callee_rebound_mid_loop_is_called_as_rebound(tmp_path):
    r = jit(tmp_path, """
        def f(x):
            return x + 1

        def g(x):
            return x * 2

        t = 0
        for i in range(3000):
            t += f(i)
            if i == 1500:
                f = g
        print(t)
    """)
    assert r.loop(9)["native_iterations"] > 2000


def test_replacing_code_or_defaults_is_seen_at_once(tmp_path):
    jit(tmp_path, """
        def f(x, k=1):
            return x + k

        def g(x, k=1):
            return x - k

        t = 0
        for i in range(3000):
            t += f(i)
            if i == 1000:
                f.__defaults__ = (100,)
            if i == 2000:
                f.__code__ = g.__code__
        print(t)
    """)


def test_keyword_defaults_changed_in_place_are_seen(tmp_path):
    # (``__kwdefaults__`` is the function's own dict: its identity unchanged, native code
    # kept the default it was compiled with, for plain functions and methods alike)
    r = jit(tmp_path, """
        def f(x, *, z=3):
            return x + z

        class C:
            def m(self, x, *, k=2):
                return x * k

        def run(n):
            c = C()
            t = 0
            for i in range(n):
                t += f(i) + c.m(i)
                if i == n // 3:
                    f.__kwdefaults__["z"] = 1000
                if i == 2 * n // 3:
                    C.m.__kwdefaults__.update(k=7)
            return t
        print(run(30000))
        print(run(300))
    """)
    row = r.loop(12)
    assert row["native_iterations"] > 25000, row


def test_defaults_and_missing_or_extra_arguments(tmp_path):
    jit(tmp_path, """
        def f(a, b=2, c=3.5):
            return a * b + c

        t = 0.0
        for i in range(2000):
            t += f(i) + f(i, 3) + f(i, 4, 0.25)
        print(t)
        for i in range(2000):
            if i == 1999:
                f()
    """)


def test_a_recursive_function_called_in_a_loop(tmp_path):
    jit(tmp_path, """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        t = 0
        for i in range(18):
            t += fib(i)
        print(t)

        def down(n):
            return 0 if n == 0 else 1 + down(n - 1)

        for i in range(5):
            print(down(10 ** 5))
    """)


def test_a_callee_that_writes_a_list_resumes_where_it_failed_its_stores_made_once(tmp_path):
    """An exit inside an inlined callee resumes in that callee, its frame rebuilt: the
    stores before the failing guard are not made again (re-running the call would),
    and a traceback from there shows the callee's frame as CPython does."""
    r = jit(tmp_path, """
        def bump(a, i, d):
            a[i] += d              # a store, then guards that may fail after it
            a[i + 1] -= d * d      # IndexError at the end; overflow when d is huge
            return a[i]

        def swap(a, i, j):
            a[i], a[j] = a[j], a[i]

        def f(a, n, big):
            s = 0
            for k in range(n):
                s += bump(a, k % (len(a) - 1), big if k == n - 3 else k % 7)
                swap(a, k % len(a), (k * 7) % len(a))
            return s

        a = list(range(50))
        print(f(a, 3000, 3), a[:10])
        b = list(range(50))
        print(f(b, 3000, 2 ** 40), b[:10])

        def g(a, n):
            t = 0
            for k in range(n):
                t += bump(a, k % 25, 1)     # (bump(a, k, 1): n <= len(a) - 1 is checked at entry)
            return t
        c = list(range(20))
        try:
            g(c, 30)
        except IndexError as e:
            print("IndexError", e, c)
        g(c, 30)
    """)
    assert r.loop(12)["status"] == "compiled" and r.loop(12)["native_iterations"] >= 5990
    assert calls_exits(r, 12) == {"int overflow in bump": 1, "left the loop": 1}
    assert calls_exits(r, 24) == {"IndexError in bump": 2}


def test_an_exit_three_callees_deep_rebuilds_every_frame(tmp_path):
    r = jit(tmp_path, """
        def scale():
            k = 3
            def inner(x, y):
                return x * k + y
            return inner

        inner = scale()

        def middle(v, x, i):
            v[i % 5] += 1
            y = inner(x, i)            # overflow inside, two frames below the loop
            return y - v[i % 5]

        def outer(v, x, i):
            t = middle(v, x, i) + 1
            return t // (i - 2900)     # ZeroDivisionError in the outer callee

        def run(n, x):
            v = [0] * 5
            s = 0
            for i in range(n):
                s += outer(v, x if i == 100 else i, i)
            return s, v

        print(run(2000, 2 ** 62))
        print(run(3000, 7))
    """)
    assert r.loop(22)["status"] == "compiled"
    reasons = calls_exits(r, 22)
    assert reasons == {"int overflow in scale.<locals>.inner": 1, "ZeroDivisionError in outer": 1,
                       "left the loop": 1}, reasons


def test_a_callee_returning_different_types_is_not_inlined(tmp_path):
    jit(tmp_path, """
        def half(x):
            if x % 2:
                return x / 2
            return x // 2

        t = 0
        for i in range(3000):
            t += half(i)
        print(t)
    """)


def test_a_global_the_callee_reads_is_read_at_entry(tmp_path):
    r = jit(tmp_path, """
        SCALE = 3

        def scaled(x):
            return x * SCALE

        t = 0
        for i in range(3000):
            t += scaled(i)
            if i == 2000:
                SCALE = 5
        print(t)
    """)
    assert r.loop(8)["native_iterations"] > 2000


# --- functions compiled whole ----------------------------------------------------------------

def function_row(r, name):
    rows = [x for x in r.rows if x["kind"] == "function" and x["function"] == name]
    assert rows, [x["function"] for x in r.rows]
    return rows[0]


def test_a_recursive_function_runs_natively_calls_of_itself_included(tmp_path):
    r = jit(tmp_path, """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        def fibf(x):
            if x < 2.0:
                return x
            return fibf(x - 1.0) + fibf(x - 2.0)

        def tak(x, y, z):
            if y < x:
                return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
            return z

        print(fib(22), fibf(18.0), tak(12, 8, 4))
    """)
    for name in ("fib", "fibf", "tak"):
        row = function_row(r, name)
        assert row["status"] == "compiled" and row["native_iterations"] >= 1, row


def test_int_overflow_deep_in_native_recursion_gives_cpythons_big_int(tmp_path):
    r = jit(tmp_path, """
        def power(b, e):
            if e == 0:
                return 1
            return b * power(b, e - 1)

        for e in (10, 40, 62, 63, 64, 100):
            print(power(2, e), power(-3, e))
    """)
    row = function_row(r, "power")
    assert row["native_iterations"] >= 3 and any("int overflow" in e["reason"] for e in row["exits"]), row


def test_recursion_past_the_limit_raises_where_cpython_does(tmp_path):
    jit(tmp_path, """
        import sys

        def down(n):
            if n == 0:
                return 0
            return 1 + down(n - 1)

        print(down(50), down(900))
        sys.setrecursionlimit(300)
        print(down(250))
        print(down(400))
    """)


def test_recursion_caught_by_the_program_at_the_same_depth(tmp_path):
    jit(tmp_path, """
        import sys

        def depth(n):
            try:
                return depth(n + 1)
            except RecursionError:
                return n

        def count(n):
            if n == 0:
                return 0
            return count(n - 1) + 1

        sys.setrecursionlimit(200)
        print(count(50))
        print(depth(0), depth(0))
        try:
            count(500)
        except RecursionError as e:
            print("caught", e)
    """)


def test_a_rebound_or_replaced_recursive_function(tmp_path):
    jit(tmp_path, """
        def f(n):
            if n <= 1:
                return 1
            return n * f(n - 1)

        def g(n):
            return -1

        print(f(10))
        h = f
        f = g
        print(h(10))
        f = h
        f.__code__ = g.__code__
        print(f(10), h(3))
    """)


def test_closures_are_inlined_with_their_variables_as_constants(tmp_path):
    r = jit(tmp_path, """
        def make_poly(a, b, c):
            return lambda x: (a * x + b) * x + c

        def run(n, k):
            def step(x):
                return (x * k + 7) % 1000003
            sq = lambda x: x * x + 1
            p = make_poly(3, -2, 5)
            x = 1
            s = 0
            for i in range(n):
                x = step(x)
                s += sq(i & 1023) + p(i % 100)
            return x, s
        print(run(5000, 31), run(5000, 48271))
    """)
    assert r.loop(12)["native_iterations"] >= 9990


def test_a_closure_variable_changed_during_the_loop(tmp_path):
    jit(tmp_path, """
        def outer(n):
            k = 3
            def scaled(x):
                return x * k
            def bump():
                nonlocal k
                k += 1
            t = 0
            for i in range(n):
                t += scaled(i)
                if i % 1000 == 999:
                    bump()
            return t, k

        def writes(n):
            k = 2
            def scaled(x):
                return x * k
            t = 0
            for i in range(n):
                t += scaled(i)
                k = i % 5
            return t
        print(outer(5000), writes(3000))
    """)


def test_a_closure_a_closure_holds_has_its_variables_read_at_each_entry(tmp_path):
    """Only the contents of an entry variable's closure are in the version's key: the
    cells of a function that closure holds are read at each entry (they were constants
    no entry checked)."""
    jit(tmp_path, """
        def make():
            k = 1
            def inner(x):
                return x + k
            def outer(x):
                return inner(x)
            def setk(v):
                nonlocal k
                k = v
            return outer, setk

        def make_calling():
            def a(x):
                return x + 1
            f = a
            def call(x):
                return f(x)
            def outer(x):
                return call(x) + 1
            def setf(g):
                nonlocal f
                f = g
            return outer, setf

        outer, setk = make()
        outer2, setf = make_calling()

        def run(n):
            t = 0
            for i in range(n):
                t += outer(i) + outer2(i)
            return t
        print(run(3000))
        setk(100)
        setf(lambda x: x * 2)
        print(run(3000))
    """)


# --- enumerate, zip and reversed -----------------------------------------------------------

def test_enumerate_zip_and_reversed_made_inside_a_compiled_loop(tmp_path):
    r = jit(tmp_path, """
        def f(v, w, n):
            s = 0.0
            t = 0
            for r in range(n):
                for j, vj in enumerate(v):
                    s += vj * j
                for a, b in zip(v, w):
                    s += a * b
                for x in reversed(v):
                    s += x
                for k in reversed(range(r, 50, 3)):
                    t += k
                for k in reversed(range(50, r, -7)):
                    t -= k
                for i, (a, b) in enumerate(zip(w, range(5, 100)), 10):
                    t += i * b
                for x in reversed((3, 1, 4)):
                    t += x
            return s, t
        print(f([1.5, 2.5, 3.25, -1.0], [2.0, 0.5, 1.0], 300))
        print(f([], [1.0], 5), f([2.0], [], 5))
    """)
    assert r.loop(5)["native_iterations"] >= 290


def test_an_exit_inside_an_enumerate_loop_hands_the_interpreter_the_iterator_where_it_is(tmp_path):
    r = jit(tmp_path, """
        def f(v, n):
            t = 0
            out = []
            for r in range(n):
                for j, x in enumerate(v):
                    t += x * j
                    if j == 3 and r == 7:
                        out.append((j, x))          # a side exit mid-iteration
                for a, b in zip(v, reversed(v)):
                    t += a * b
                    if r == 60 and a == 4:
                        t += 2 ** 62 + 2 ** 62      # a big int mid-iteration
            return t, out
        print(f([5, 4, 3, 2, 1], 100))

        def g(v):
            t = 0
            for r in range(50):
                for j, x in enumerate(v):
                    t += v[j + 1] - x               # IndexError at the last element
            return t
        try:
            g([1, 2, 3])
        except IndexError as e:
            print("IndexError", e)
    """)
    reasons = calls_exits(r, 5)
    # (appending a tuple to the list of ints ``out`` is the exit: the interpreter appends it)
    assert reasons.get("a tuple (int, int) given to append of a resizable list[int]") == 1 \
        and r.loop(5)["entries"] >= 2, reasons
    assert reasons.get("IADD of a big int") == 1, reasons


def test_keyword_arguments_bind_as_cpython_binds_them(tmp_path):
    r = jit(tmp_path, """
        def g(a, b=2, c=3.0):
            return a + b * c

        def h(x, /, y=1):
            return x - y

        def f(n):
            t = 0.0
            for i in range(n):
                t += g(i, c=5) + g(b=1, a=i) + g(i, 4) + h(i, y=3)
            return t
        print(f(3000))
        for i in range(3000):
            if i == 2999:
                try:
                    g(1, d=2)
                except TypeError as e:
                    print(e)
                try:
                    h(x=1)
                except TypeError as e:
                    print(e)
                g(1, 2, b=3)
    """)
    assert r.loop(10)["native_iterations"] >= 2990


def test_keyword_only_parameters(tmp_path):
    r = jit(tmp_path, """
        def kw(a, b=2, *, c=3, d):
            return a * b + c - d

        s = 0
        for i in range(3000):
            s += kw(i, d=1) + kw(i, 3, d=2) + kw(i, c=-1, d=0)
        print(s)
        for i in range(2000):
            if i == 1999:
                kw(1)
    """)
    assert r.loop(6)["native_iterations"] >= 2990


# --- static and class methods called through the class -----------------------------------

def test_static_and_class_methods_through_the_class(tmp_path):
    r = jit(tmp_path, """
        class Fixed:
            SHIFT = 8
            RATE = 0.75

            @staticmethod
            def mix(a, b):
                return (a * 31 + b) & 0xFFFF

            @classmethod
            def to_fixed(cls, x):
                return x << cls.SHIFT

            @classmethod
            def from_fixed(cls, x):
                return x >> cls.SHIFT

            def plain(x):
                return x * Fixed.RATE

        class Finer(Fixed):
            SHIFT = 12

        def run(n):
            h = 0
            s = 0
            f = 0.0
            for i in range(n):
                h = Fixed.mix(h, i & 255)
                s += Fixed.from_fixed(Fixed.to_fixed(i & 4095) + (i & 255))
                s += Finer.to_fixed(i & 7)
                f += Fixed.plain(i & 15)
            return h, s, f
        print(run(3000))
    """)
    assert r.loop(28)["native_iterations"] >= 2990


def test_a_class_attribute_changed_mid_loop_is_seen(tmp_path):
    r = jit(tmp_path, """
        class C:
            K = 3

            @staticmethod
            def f(x):
                return x + 1

            @classmethod
            def g(cls, x):
                return x * cls.K

        def other(x):
            return x - 1

        def to_float():
            del C.K
            C.K = 7.5

        t = 0
        for i in range(4000):
            t += C.f(i) + C.g(i)
            if i == 1000:
                C.K = 5
            if i == 2000:
                C.f = staticmethod(other)
            if i == 3000:
                to_float()
        print(t)
    """)
    assert r.loop(21)["native_iterations"] >= 3000


def test_a_recursive_function_the_jit_gives_up_on_runs_cpythons_own_code(tmp_path):
    r = jit(tmp_path, """
        def pairs(n):
            if n == 0:
                return (None, None)
            return (pairs(n - 1), pairs(n - 1))

        for i in range(3):
            pairs(11)
        print([name for name in pairs.__code__.co_varnames if name.startswith(".")])
        print(pairs.__code__.co_varnames, pairs(2))
    """)
    assert function_row(r, "pairs")["status"] == "not compiled"


def test_a_loop_calls_a_recursive_function_natively(tmp_path):
    r = jit(tmp_path, """
        def down_sum(n, step):
            if n <= 0:
                return 0
            return n + down_sum(n - step, step)

        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        def power(b, e):
            return 1 if e == 0 else b * power(b, e - 1)

        def loops(rounds, depth):
            total = 0
            for r in range(rounds):
                total += down_sum(depth + r % 50, 1 + r % 3) + fib(r % 15)
            return total
        print(loops(3000, 300))

        t = 0
        for e in range(70):             # int overflow inside the native call: the call is made again
            t += power(3, e)
        print(t)
    """)
    row = r.loop(15)
    assert row["native_iterations"] >= 2990 and row["entries"] == 1, row
    assert any("int overflow" in reason for reason in calls_exits(r, 21)), r.exit_reasons(21)


def test_a_function_compiled_whole_called_from_a_loop_reads_the_globals_the_loop_writes(tmp_path):
    """Its graph is its own: a global the loop holds as a frame variable is not one of
    its values (it read an unset local: fib's base case added 0 for K)."""
    jit(tmp_path, """
        K = 3
        def f(n):
            if n < 2:
                return n + K
            return f(n - 1) + f(n - 2)

        def main():
            global K
            s = 0
            for i in range(300):
                s += f(i % 12)
                K = i % 5
            return s
        print(main())
    """)


def test_a_loop_calling_deep_recursion_gets_recursion_error_where_cpython_does(tmp_path):
    jit(tmp_path, """
        import sys

        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)

        sys.setrecursionlimit(400)
        t = 0
        for i in range(0, 1000, 7):
            try:
                t += depth(i)
            except RecursionError:
                print("RecursionError at", i)
                break
        print(t)
    """)


def test_calls_of_a_resumed_iteration_recurse_as_deep_as_cpythons(tmp_path):
    # native code leaves mid-iteration (a call it does not make, a float where it had an
    # int), and the resume interpreter runs the rest of the iteration some frames below the
    # loop's: its calls recurse exactly as deep as CPython's, and the program reading or
    # setting its limit there sees its own
    jit(tmp_path, """
        import sys

        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)

        def probe(tag):
            try:
                return depth(sys.getrecursionlimit() - 4)
            except RecursionError:
                return tag

        def main():
            s = 0
            out = []
            for i in range(60):
                s += i
                if i == 40:
                    s = s + 0.5
                if i >= 39:
                    out.append(probe("E"))
                if i == 50:
                    sys.setrecursionlimit(sys.getrecursionlimit() + 7)
                    out.append(sys.getrecursionlimit())
            return s, out

        sys.setrecursionlimit(250)
        print(main(), sys.getrecursionlimit())
    """)


def test_a_callee_of_a_resumed_iteration_sees_the_programs_frame_as_its_caller(tmp_path):
    # what native code leaves of an iteration (or of an inlined callee's call) runs in the
    # resume interpreter's frames: a callee looking at its caller -- sys._getframe(1), a
    # warning with stacklevel=2 -- sees the program's function, file and line there (the
    # warning was the generated code's, "<tauraro prog.py:main>:18"), and an exception
    # raised there finds its handler in the loop with the traceback CPython's would have
    # (its first entry was the resume interpreter's)
    r = jit(tmp_path, """
        import sys
        import warnings

        def who():
            f = sys._getframe(1)
            return f.f_code.co_name, f.f_code.co_filename == __file__, f.f_lineno

        def old_api(x):
            warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
            return x + 1

        def chain(tb):
            out = []
            while tb is not None:
                out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
                tb = tb.tb_next
            return out

        def fail(i):
            if i % 1499 == 0:
                raise ValueError(i)
            return 0

        def scale(v):
            t = v * K
            if v % 1000 == 0 or t != t // 1:
                seen.append(who())
            return t

        seen = []
        K = 2

        def main():
            global K
            warnings.simplefilter("default")
            s = 0
            errors = 0
            for i in range(3000):
                s += scale(i)
                if i == 2500:
                    K = 2.5
                if i == 2000:
                    s = s + 0.5
                if i % 500 == 0 or i == 2000:
                    seen.append(who())
                    s += old_api(i)
                try:
                    if i % 997 == 0:
                        s += 1 // (i % 3 - i % 3)
                    s += fail(i)
                except (ZeroDivisionError, ValueError) as e:
                    errors += 1
                    seen.append((type(e).__name__, chain(e.__traceback__)))
            return s, errors

        print(main())
        print(seen)
    """)
    reasons = {reason for reason, _ in r.exit_reasons(39)}
    assert "ZeroDivisionError" in reasons and any("becomes float" in x for x in reasons), reasons


def test_a_caught_exception_of_a_resumed_iteration_formats_as_cpythons(tmp_path):
    # the handler formats what it caught: its traceback's first entry is the frame of the
    # resume interpreter's block, which shows the program's file, line, source text and
    # the carets under the expression that raised (the blocks' locations are the source's)
    jit(tmp_path, """
        import traceback

        def main():
            s = 0
            out = []
            for i in range(3000):
                s += i
                if i == 2000:
                    s = s + 0.5
                if i % 997 == 0:
                    try:
                        s += 10 // (i % 3 - i % 3) + len(out)
                    except ZeroDivisionError as e:
                        out.append("".join(traceback.format_exception(e)))
            return s, out

        s, out = main()
        print(s)
        print("".join(out))
    """)


def test_sys_exc_info_in_a_resumed_handler_is_the_handled_exception(tmp_path):
    # a handler the resume interpreter runs (native code left at the subscript before the
    # raise) calls sys.exc_info(): it is the exception handled, as in CPython -- it was
    # (None, None, None), and the next iteration's raise re-raised nothing's traceback
    jit(tmp_path, """
        import sys

        def chain(tb):
            out = []
            while tb:
                out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
                tb = tb.tb_next
            return out

        def seen():
            return sys.exception() if hasattr(sys, "exception") else sys.exc_info()[1]

        def main():
            try:
                raise ValueError(1)
            except ValueError:
                exc_info = sys.exc_info()
            got = []
            for k in range(6):
                try:
                    raise exc_info[1]
                except:
                    exc_info = sys.exc_info()
                    got.append((exc_info[0], repr(seen()), chain(exc_info[2])))
                got.append(seen())
            return got

        for g in main():
            print(g)
        print(sys.exc_info())
    """)


def test_mutual_recursion_is_exact(tmp_path):
    jit(tmp_path, """
        def is_even(n):
            return True if n == 0 else is_odd(n - 1)

        def is_odd(n):
            return False if n == 0 else is_even(n - 1)

        t = 0
        for i in range(3000):
            t += is_even(i % 200)
        print(t, is_even(501), is_odd(7))
    """)


def test_recursion_error_at_cpythons_depth_when_a_function_inlines_itself(tmp_path):
    # (a function compiled whole has one level of itself inlined: each native frame stands
    # for two Python frames, and the native depth budget must count both)
    jit(tmp_path, """
        import sys

        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)

        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        print(fib(20), depth(100))
        for limit in (200, 400, 1000):
            sys.setrecursionlimit(limit)
            seen = []
            for n in range(limit - 40, limit + 5):
                try:
                    seen.append(depth(n))
                except RecursionError:
                    seen.append(None)
            print(limit, seen)
    """)


def test_a_loop_over_its_own_enumerate_zip_or_reversed_is_compiled(tmp_path):
    r = jit(tmp_path, """
        def f(xs, ys):
            t = 0
            for i, x in enumerate(xs):
                t += i * x
            for i, x in enumerate(xs, 7):
                t += i - x
            for i, x in enumerate(xs, start=-3):
                t += i ^ x
            for a, b in zip(xs, ys):
                t += a * b
            for k, b in zip(range(5, 10 ** 6, 3), ys):
                t += k - b
            for x in reversed(xs):
                t = t * 3 % 1000003 + x
            for x in reversed(tuple(ys)):
                t = t * 5 % 1000003 + x
            return t
        print(f(list(range(3000)), list(range(7, 2000))))
        print(f([], []), f([4], []), f([], [4]))
    """)
    for line in (4, 6, 8, 10, 12, 14, 16):
        row = r.loop(line)
        assert row["status"] == "compiled" and row["native_iterations"] >= 1990, (line, row)


def test_the_iterators_a_zip_holds_are_left_where_cpython_leaves_them(tmp_path):
    # zip takes from its first iterator before it finds the second exhausted; a program
    # holding the iterators sees exactly what it took, after native runs and after exits
    r = jit(tmp_path, """
        def f(xs, ys, cut):
            a, b = iter(xs), iter(ys)
            t = 0
            for x, y in zip(a, b):
                t += x * y
                if x == cut:
                    print("cut", x, y)            # a side exit mid-iteration
            return t, next(a, "a done"), next(b, "b done"), list(a)[:3]
        print(f(list(range(100)), list(range(50)), 20))
        print(f(list(range(50)), list(range(100)), -1))
        r = reversed([1, 2, 3, 4, 5] * 200)
        s = 0
        for x in r:
            s += x
            if s > 1500:
                break
        print(s, next(r), list(r)[:4])
        e = enumerate([1.5, 2.5] * 500)
        for i, x in e:
            if i > 600:
                break
        print(i, x, next(e))
    """)
    assert r.loop(5)["native_iterations"] >= 40


def test_a_loop_over_a_zip_inside_a_zip_or_an_enumerate_is_compiled(tmp_path):
    # enumerate(zip(a, b)) -- a zip of a count and that zip, as the baseline makes it -- and
    # zip(zip(a, b), c): the inner zip's iterators are copied in and set in place at exits
    # as the outer's are, where CPython leaves them (a break, an uneven end, an exception,
    # the zips held by the program)
    r = jit(tmp_path, """
        def prefix(a, b):
            pre = [0] * (len(a) + 1)
            for i, (x, y) in enumerate(zip(a, b)):
                pre[i + 1] = pre[i] + x * y
            return pre[-1], pre[len(pre) // 2]

        def triples(a, b, c):
            t = 0
            for (x, y), z in zip(zip(a, b), c):
                t += x * y - z
            return t

        def held(a, b, cut):
            ia, ib = iter(a), iter(b)
            s = 0
            for k, (x, y) in enumerate(zip(ia, ib), 5):
                s += k * x + y
                if x == cut:
                    break
            return s, next(ia, "a done"), next(ib, "b done")

        def floats(xs, ys):
            acc = 0.0
            for i, (x, y) in enumerate(zip(xs, ys)):
                acc += i * x - y
            return acc

        def raising(a, b, at):
            t = 0
            for i, (x, y) in enumerate(zip(a, b)):
                t += 10 // (x - at) + y
            return t

        a = [(i * 37) % 1009 for i in range(3000)]
        b = [(i * 53) % 103 for i in range(3000)]
        c = [(i * 7) % 11 for i in range(2500)]
        print(prefix(a, b), prefix(a, b[:1000]), triples(a, b, c), triples(c, b, a))
        print(held(a, b, 777), held(a, b[:2000], -1), held(a[:1500], b, -1))
        print(floats([x * 0.5 for x in a], [y * 0.25 for y in b]))
        try:
            print(raising(a, b, a[2222]))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        z = zip(zip(a, b), iter(c))
        for (x, y), w in z:
            if x > 1000:
                break
        print(x, y, w, next(z), len(list(z)))
        e = enumerate(zip(iter(b), a), 3)
        for k, (y, x) in e:
            if k > 1200:
                break
        print(k, x, y, next(e))
    """)
    for line in (4, 10, 17, 25):
        row = r.loop(line)
        assert row["status"] == "compiled" and row["native_iterations"] >= 2000, (line, row)


def test_enumerate_rebound_or_given_what_cpython_rejects_in_a_for_header(tmp_path):
    jit(tmp_path, """
        def enumerate(xs, start=0):
            return [(start, x * 10) for x in xs]
        for i, x in enumerate([1, 2], 5):
            print(i, x)
        del enumerate
        for i, x in enumerate([1, 2], 5):
            print(i, x)
        for i, x in enumerate(7):
            print(i)
    """)


# --- tuples as virtuals ----------------------------------------------------------------------

def test_tuples_built_unpacked_indexed_and_returned_allocate_nothing(tmp_path):
    r = jit(tmp_path, """
        def divmod2(a, b):
            return a // b, a % b

        def polar(x, y):
            return (x * x + y * y, (x < y, None)), -1

        def f(n):
            s = 0
            acc = 0.0
            for i in range(1, n):
                q, r = divmod2(i * 7, 5)
                p = (i, i * 0.5, True)
                (d, (lt, nothing)), m = polar(i, n - i)
                s += q - r + p[0] + len(p) + p[-1] + d % 7 + m
                acc += p[1]
                if lt and nothing is None:
                    s += 1
            return s, acc, p, q, lt
        print(f(20000))
    """)
    row = r.loop(11)
    assert row["status"] == "compiled" and row["native_iterations"] >= 19990, row


def test_a_module_level_loop_keeps_the_tuples_its_globals_hold_as_virtuals(tmp_path):
    # ``best = (s, i)`` in module-level code: the tuple a global holds at entry (the last
    # iteration as written left it there) is taken as the virtual the loop makes; an exit
    # writes a real tuple back, a callee inlined reads it, the program reads it after
    r = jit(tmp_path, """
        def first(t):
            return t[0]

        best = (0, -1)
        pt = (0.0, 0.0)
        x = 1
        for i in range(30000):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            s = x % 10007
            if s > first(best):
                best = (s, i)
            pt = (pt[0] * 0.5 + s, pt[1] + 1.0)
            k = (i % 7, s)
            if i == 20000:
                print("mid", best, pt, k)       # (an exit: the globals written back)
        print(best, pt, k, type(k), k[0] + k[1], first(best))
        best = None
        for i in range(3000):
            best = (i, -i) if i % 2 else (i, i)
        print(best)
    """, threshold="100")
    row = r.loop(8)
    assert row["status"] == "compiled" and row["native_iterations"] >= 25000, row


def test_an_exit_makes_the_tuples_it_needs_exactly_then(tmp_path):
    r = jit(tmp_path, """
        def pair(a, b):
            return a * b, (a, b)

        def f(n, big):
            out = []
            t = 0
            for i in range(n):
                p = (i, i * 1.5, None)
                prod, (a, b) = pair(i, big if i == n - 1 else 3)    # int overflow in the callee
                if i % 1000 == 999:
                    out.append(p)                 # a side exit: p is made a tuple here
                t += prod % 11 + a - b
            return t, out[-2:], p, (a, b)
        print(f(5000, 3))
        print(f(5000, 2 ** 62))
        def g(n):
            t = 0
            for i in range(n):
                p = (i, -i)
                t += p[i % 2]                     # a variable index: an exit, by the interpreter
            return t
        print(g(3000))
        def h(n):
            t = 0
            for i in range(n):
                p = (i, i)
                if i == n - 1:
                    t += p[2]                     # IndexError at the right line
            return t
        h(500)
    """)
    row = r.loop(8)
    assert row["status"] == "compiled" and row["native_iterations"] >= 4900, row


def test_a_tuple_variable_live_across_the_loop_is_a_virtual_from_entry_to_exit(tmp_path):
    r = jit(tmp_path, """
        def best_of(xs):
            best = (xs[0], 0, (-0.0, None))
            keep = best
            for i in range(len(xs)):
                x = xs[i]
                if x > best[0]:
                    best = (x, i, (x * -0.0, None))
            return best, best is keep
        print(best_of([3, 1, 4, 1, 5, 9, 2, 6] * 500))
        print(best_of([9, 1, 2] * 1000))
        print(best_of([2 ** 40, 1] * 1000))
    """)
    row = r.loop(5)
    assert row["status"] == "compiled" and row["native_iterations"] >= 8990, row


def test_star_args_are_a_tuple_of_known_length(tmp_path):
    r = jit(tmp_path, """
        def total(*xs):
            return len(xs) + xs[0] * 2 + xs[-1]

        def scaled(k, *vals, bias=0):
            a, b = vals
            return k * (a - b) + bias

        def count(*rest):
            return len(rest)

        def f(n):
            s = 0
            for i in range(n):
                s += total(i, i + 1, 3) + scaled(2, i, 1, bias=i % 3) + count() + count(i, 2.5, None)
            return s
        print(f(5000))

        def h(n):
            s = 0
            for i in range(n):
                s += scaled(1, i, 2, 3) if i == n - 1 else total(i, 2 ** 62, 2 ** 62) // 2 ** 61
            return s
        h(100)
    """)
    row = r.loop(14)
    assert row["status"] == "compiled" and row["native_iterations"] >= 4990, row
    assert r.loop(21)["native_iterations"] >= 95


def test_star_calls_of_known_length_are_inlined(tmp_path):
    """f(*t) (CALL_EX) with t a tuple virtual, a constant tuple or [a, b], f(a, *t, b)
    (its argument list a virtual too), *args forwarded: inlined as f(t[0], t[1], ...)."""
    r = jit(tmp_path, """
        def add3(a, b, c):
            return a * 100 + b * 10 + c

        def total(*xs):
            return len(xs) + sum4(*xs)

        def sum4(a, b, c=0, d=0):
            return a + b + c + d

        def fwd(*args):
            return add3(*args)

        def grow(x):
            return (x * 3, x + 1)

        class K:
            @staticmethod
            def s(a, b):
                return a - b

            @classmethod
            def c(cls, a, b):
                return a * b

        def pick(a, b):
            return b if a is None else -1

        def main(n, big):
            s = 0
            for i in range(n):
                t = (i, i + 1)
                s += sum4(*t) + add3(*t, 5) + add3(1, *t) + fwd(i, 2, 3) + total(*t, 7)
                s += add3(*(1, 2, 3)) + add3(*[i, 2], 3) + total(*t, *t)
                u = (*t, 9)
                s += add3(*u) + K.s(*t) + K.c(*t) + pick(*(None, i))
                # an exit inside grow, its caller's argument list half built
                s += add3(1, *grow(big if i == n // 2 else i)) % 1000
            return s
        print(main(5000, 2 ** 62))
    """)
    row = r.loop(31)
    assert row["status"] == "compiled" and row["native_iterations"] >= 4900, row
    assert calls_exits(r, 31) == {"int overflow in grow": 1, "left the loop": 1}


def test_a_star_call_with_the_wrong_number_of_arguments_raises_cpythons_type_error(tmp_path):
    r = jit(tmp_path, """
        import traceback

        def add3(a, b, c):
            return a * 100 + b * 10 + c

        def run(n, k):
            s = 0
            for i in range(n):
                t = (i, 1)
                if i == n - 1:
                    if k == 1:
                        s += add3(*t, 1, 2)
                    elif k == 2:
                        s += add3(*t)
                s += add3(*t, 0)
            return s

        for k in range(3):
            try:
                print(run(3000, k))
            except TypeError:
                traceback.print_exc()

        def lone(n):
            s = 0
            for i in range(n):
                if i == n - 1:
                    s += add3(*(i, 1, 2, 3))
                s += add3(*(i, 1, 2))
            return s
        lone(3000)
    """)
    assert calls_exits(r, 9) == {"calling add3: too many arguments": 1, "calling add3: missing argument 'c'": 1,
                                 "left the loop": 1}
    assert calls_exits(r, 27) == {"calling add3: too many arguments": 1}


def test_star_calls_native_code_does_not_make_give_cpythons_output(tmp_path):
    """A keyword argument or **kwargs besides *args, *args of a list or a tuple from
    outside the loop (its length not known natively), a builtin called with *args: the
    call leaves native code (or the loop is not compiled), and CPython makes it."""
    r = jit(tmp_path, """
        def add3(a, b, c=0):
            return a * 100 + b * 10 + c

        def kw(n):
            s = 0
            for i in range(n):
                t = (i, 1)
                s += add3(*t, c=2) + add3(*t, **{"c": i})
            return s

        def unknown(n, lst, tup):
            s = 0
            for i in range(n):
                s += add3(*lst) + add3(*tup)
                if i == n - 1:
                    s += max(*tup)
            return s

        def rare(n, lst):
            s = 0
            for i in range(n):
                s += add3(i, 1)
                if i % 1000 == 999:
                    s += add3(*lst, c=i) + add3(*lst)
            return s
        print(kw(3000), unknown(3000, [1, 2, 3], (4, 5)), rare(3000, [4, 5]))
        add3(*[1, 2], c=3, **{"c": 4})
    """)
    assert r.loop(22)["status"] == "compiled"
    assert calls_exits(r, 22) == {"BUILD_MAP: building a container": 3}


def test_mutually_recursive_functions_call_each_other_natively(tmp_path):
    r = jit(tmp_path, """
        import sys

        def is_even(n):
            if n == 0:
                return True
            return is_odd(n - 1)

        def is_odd(n):
            if n == 0:
                return False
            return is_even(n - 1)

        def grow(n, acc):
            if n == 0:
                return acc
            return shrink(n - 1, acc * 3 + 1)      # big ints deep down: the call is the interpreter's

        def shrink(n, acc):
            if n == 0:
                return acc
            return grow(n - 1, acc // 2 + n)

        def f(k, m):
            s = 0
            for i in range(k):
                s += is_even(i % m) + grow(i % 50, i) % 7
            return s
        print(f(5000, 40), grow(60, 1))

        def g(k):
            s = 0
            for i in range(k):
                try:
                    s += is_even(i * 97 % 1200)    # past the recursion limit for some i
                except RecursionError:
                    s -= 1
            return s
        print(g(2000))
        sys.setrecursionlimit(300)
        print(g(300))
    """)
    row = r.loop(26)
    assert row["status"] == "compiled" and row["native_iterations"] >= 4990, row
    assert calls_exits(r, 26) == {"left the loop": 1}


def test_resuming_inside_callees_keeps_every_frames_temporaries_and_handlers(tmp_path):
    r = jit(tmp_path, """
        def inner(y, scale=2):
            return y * scale + 1             # overflows for the huge y

        def middle(x, y, z):
            return x * 3 + inner(y, scale=z) - x    # x * 3 live across the call

        def checked(v, lim):
            if v > lim:
                raise ValueError("too big: %d" % v)
            return v

        def f(a, n, huge_at):
            s = 0
            caught = 0
            for i in range(n):
                y = 2 ** 62 if i == huge_at else i
                s += (a[i % len(a)] + middle(i, y, 2) * 2) % 1000003    # a[...] live across the call
                try:
                    s += checked(i % 1000, 990)
                except ValueError as e:
                    caught += 1
                    last = str(e)
            return s, caught, last
        print(f([5, 7, 11], 5000, 1234))
        print(f([5, 7, 11], 3000, -1))
    """)
    row = r.loop(16)
    assert row["status"] == "compiled" and row["native_iterations"] >= 4000, row
    reasons = calls_exits(r, 16)
    assert reasons.get("int overflow in inner") == 1, reasons


def test_native_calls_with_too_little_work_for_their_cost_go_back_to_the_baseline(tmp_path):
    # each call of fib(3..6) is a few native instructions but costs microseconds around
    # them (types, checks, the depth budget): after judging, CPython makes the calls again;
    # deep calls keep running natively
    r = jit(tmp_path, """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        def deep(n):
            if n < 2:
                return n
            return deep(n - 1) + deep(n - 2)

        d = {}
        s = 0
        for i in range(3000):
            d[i & 7] = str(i)            # a str stored into a dict: this loop stays in the baseline
            s += fib(i & 1)
            if i % 100 == 0:
                s += deep(22)
        print(s, fib(10), deep(20))
    """)
    rows = {x["line"]: x for x in r.rows}
    assert rows[2]["status"] == "left to the baseline", rows[2]
    assert "native calls do not pay" in rows[2]["reason"]
    assert rows[7]["status"] == "compiled" and rows[7]["native_iterations"] >= 20, rows[7]


def test_native_calls_that_pay_stay_native_called_from_the_baseline(tmp_path):
    # the judging of the first calls measures CPython's time for some of them (made again
    # with the prologue off): fib(14) takes tens of microseconds in CPython, one or two
    # natively; the calls made twice print nothing twice
    r = jit(tmp_path, """
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        d = {}
        s = 0
        for i in range(400):
            d[i & 7] = str(i)            # a str stored into a dict: this loop stays in the baseline
            s += fib(14 + (i & 1))
        print(s)
    """)
    row = function_row(r, "fib")
    assert row["status"] == "compiled" and row["native_iterations"] >= 390, row


def test_calls_inside_the_recursion_that_got_hot_are_not_judged(tmp_path):
    # the first tak(18, 12, 6) gets hot deep down its recursion in CPython: the small calls
    # the CPython frames then make natively are not what the baseline's loop will call
    # (judged on them, tak would be left to the baseline); the loop's own calls are judged,
    # and pay
    r = jit(tmp_path, """
        def tak(x, y, z):
            if y < x:
                return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
            return z

        d = {}
        s = 0
        for i in range(70):
            d[i & 7] = str(i)            # a str stored into a dict: this loop stays in the baseline
            s += tak(18, 12, 6 + (i & 1))
        print(s)
    """, threshold="1000")
    row = function_row(r, "tak")
    assert row["status"] == "compiled" and row["native_iterations"] >= 69, row


def test_a_global_the_function_reads_changed_between_calls_from_the_baseline(tmp_path):
    # the generated entry checks every global the version read (the very function, its code
    # and defaults) and the function it is called as; a change sends the call to the
    # controller, which compiles again or lets the baseline make the call
    r = jit(tmp_path, """
        def step(x):
            return x + 1

        def other(x, y=2):
            return x + y

        def triple(x, y=0):
            return x * 3 + y

        def f(n):
            if n == 0:
                return 0
            return step(n) + f(n - 1)

        d = {}
        t = []
        h = f
        for i in range(500):
            d[i & 7] = str(i)            # a str stored into a dict: this loop stays in the baseline
            if i == 100:
                step = other             # the global rebound
            if i == 150:
                other.__defaults__ = (5,)
            if i == 200:
                other.__code__ = triple.__code__
            if i == 250:
                f = lambda n: -n         # the function's own name rebound
            if i == 300:
                f = h
                step = lambda x: x - 1   # a closure-less lambda of the module
            if i == 350:
                del step                 # a NameError, raised by CPython's call
            try:
                t.append(h(100 + i % 30))     # (work enough to be judged as paying)
            except NameError as e:
                t.append(str(e))
                step = other
        print(t)
    """)
    assert function_row(r, "f")["native_iterations"] >= 300


def test_arguments_of_new_types_and_ints_past_64_bits_from_the_baseline(tmp_path):
    r = jit(tmp_path, """
        def acc(x, k):
            if k == 0:
                return x
            return acc(x + k, k - 1)

        def flip(b, k):
            if k == 0:
                return b
            return flip(not b, k - 1)

        d = {}
        out = []
        for i in range(600):
            d[i & 7] = str(i)            # a str stored into a dict: this loop stays in the baseline
            if i < 150 or 250 <= i < 350:
                x = i
            elif i < 250:
                x = i * 0.5
            elif i < 400:
                x = i % 3 == 0           # a bool where an int was
            elif i < 500:
                x = 2 ** 63 - 1 - i      # near the top of 64 bits: the sums overflow
            else:
                x = 2 ** 64 + i          # past 64 bits
            out.append(acc(x, 300))     # (work enough to be judged as paying, however noisy)
            out.append(flip(i % 2 == 0, 150 + i % 5))
        print(out[::7], sum(1 for v in out if type(v) is float))
    """)
    assert function_row(r, "acc")["native_iterations"] >= 200
    assert function_row(r, "flip")["native_iterations"] >= 500


def test_recursion_error_from_baseline_calls_at_changing_depths(tmp_path):
    # the generated entry keeps the depth of the stack of the last call and checks it is
    # still right in C (the frame at that depth is the first); calls from deeper and from
    # shallower frames alternate, each near where CPython raises RecursionError
    jit(tmp_path, """
        import sys

        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)

        def at(k, n, tag):
            # a baseline recursion (a str argument: not compiled) calling depth k frames down
            if k == 0:
                try:
                    return depth(n)
                except RecursionError:
                    return tag
            return at(k - 1, n, tag)

        for limit in (300, 600):
            sys.setrecursionlimit(limit)
            seen = []
            for k in (0, 40, 3, 120, 1, 200, 60, 0, 150):
                for n in range(limit - k - 45, limit - k + 3, 2):
                    seen.append(at(0, 80, "-"))       # from the top, then from k frames down
                    seen.append(at(k, n, "E"))
            print(limit, seen)
    """)


def test_a_function_compiled_whole_without_statistics(tmp_path):
    # (the generated entry without the timing --jit-stats asks for)
    path = tmp_path / "prog.py"
    path.write_text(textwrap.dedent("""
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        def tak(x, y, z):
            if y < x:
                return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
            return z

        d = {}
        s = 0
        for i in range(300):
            d[i & 7] = i
            s += fib(12 + i % 3) + tak(9, 6, i % 4) + fib(i % 3)
        print(s)
    """))
    assert run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "1", "--no-jit-cache"],
               path).comparable() == run([sys.executable], path).comparable()


def test_a_zip_whose_reversed_iterator_just_ended_is_put_back_as_it_was():
    # on 3.13 a reversed iterator lets go of its list with its last element (NOT_NOW):
    # the zip's other iterators, moved back one, must be moved forward again
    from tauraro.vm import rewind
    first = iter([10, 20, 30])
    z = zip(first, reversed([1]))
    assert next(z) == (10, 1)
    seen = rewind.one_back(z)
    if seen == rewind.NOT_NOW:
        assert next(first) == 20
    else:
        real, back, restore = seen
        restore()
        assert next(first) == 20


def test_a_callee_looping_over_a_constant_tuple_has_the_tuple_in_memory(tmp_path):
    # (the constant records of inlined callees are laid out with the loop's own)
    r = jit(tmp_path, """
        def witnesses(n):
            t = 0
            for a in (2, 3, 5, 7):
                t += a * n % 11
            return t

        s = 0
        for i in range(3000):
            s += witnesses(i)
        print(s)
    """)
    assert r.loop(9)["native_iterations"] >= 2999


def test_a_callee_with_a_tuple_default(tmp_path):
    # (a default tuple is a constant of the function, not of an instruction: the recorder
    # found no record for it, and the JIT left the loop with an internal error's warning)
    r = jit(tmp_path, """
        def f(v, rest=(1, 2)):
            return v + rest[0] * rest[1]

        class P:
            def __init__(self, v, scale=(2.5, 0.5)):
                self.v = v * scale[0] + scale[1]

        def run(n):
            tot = 0
            t = 0.0
            for i in range(n):
                tot += f(i)
                p = P(i)
                t += p.v
            return tot, t

        print(run(3000))
    """)
    assert r.loop(12)["native_iterations"] > 2900, r.loop(12)
    assert "warning" not in r.got.stderr


def test_lambdas_on_one_line_are_told_apart(tmp_path):
    # (they share a qualified name and a first line: the inliner took the first one it met
    # for either, and f's loop ran g's body)
    r = jit(tmp_path, """
        f, g = (lambda x: x + 1), (lambda x: x * 100)

        def pair(k):
            return (lambda x: x + k), (lambda x: x * k)

        class C:
            up = staticmethod(lambda x: x + 2); down = staticmethod(lambda x: x - 2)

        def run(n):
            add, mul = pair(3)
            t = 0
            for i in range(n):
                t += f(i) + 7 * g(i) + add(i) - mul(i) + C.up(i) * C.down(i)
            return t
        print(run(5000))
    """)
    row = r.loop(13)
    assert row["status"] == "compiled" and row["native_iterations"] >= 4990, row


def test_a_method_of_another_module_names_that_modules_globals(tmp_path):
    # (a method, an __init__ or a property getter of a class imported from another module
    # was inlined with its globals read and written as the loop's module's names: main's
    # K, main's counter, the builtin abs the other module shadows. Now such a callee is
    # called as written; one naming no global is still inlined)
    (tmp_path / "shapes.py").write_text(textwrap.dedent("""
        K = 2
        calls = 0

        def abs(x):
            return x * 3

        class C:
            def __init__(self):
                self.base = K

            def get(self, i):
                return i * K + abs(i % 5)

            def bump(self, x):
                global calls
                calls += 1
                return x

            def plain(self, i):
                return self.base + i
    """))
    r = jit(tmp_path, """
        import shapes
        from shapes import C
        K = 1000
        calls = 0

        def run(n):
            s = 0
            for i in range(n):
                c = C()
                s += c.get(i) + c.bump(i) + c.plain(i)
            return s
        print(run(3000), shapes.calls, calls)

        def pure(n):
            c = C()
            s = 0
            for i in range(n):
                s += c.plain(i)
            return s
        print(pure(3000))
    """)
    assert r.loop(18)["native_iterations"] > 2900, r.loop(18)


def test_a_method_whose_code_the_program_made_is_not_inlined_from_the_file(tmp_path):
    # (its register bytecode was found by the file's name and the function's: a code object
    # the program made -- ``__code__.replace``, source exec'd into the module -- had the
    # file's body inlined in its place)
    jit(tmp_path, """
        class P:
            def __init__(self, v):
                self.v = v

            def val(self):
                return self.v * 2

        def total(n):
            s = 0
            for i in range(n):
                s += P(i).val()
            return s

        print(total(3000))
        c = P.val.__code__
        P.val.__code__ = c.replace(co_consts=tuple(3 if k == 2 else k for k in c.co_consts))
        print(total(3000))
        ns = {}
        exec("def val(self):\\n    return self.v * 5 + 1\\n", ns)
        P.val = ns["val"]
        print(total(3000))
    """)


def test_a_callee_is_found_by_its_own_name_line_and_file(tmp_path):
    # (the register code of a callee was the nearest by line among those of its qualified
    # name, and its file the one whose code object compared equal to it: a method whose body
    # and line are those of a method of another file, one under a decorator of several lines
    # (CPython's first line is the decorator's), a lambda whose default is a lambda on its
    # line each had another function's body inlined; a function declared global in another
    # function (qualified name ``h``, not ``make.<locals>.h``) was never found)
    (tmp_path / "other.py").write_text(textwrap.dedent("""
        class Q:
            def size(self):
                return self.x + 1

        class P:
            def size(self):
                return self.x * 1000
    """))
    (tmp_path / "mine.py").write_text(textwrap.dedent("""
        class P:
            def size(self):
                return self.x + 1
    """))
    r = jit(tmp_path, """
        import other
        from mine import P

        def g(x):
            return x * 1000

        def deco(*a):
            return lambda f: f

        def make():
            global h
            def h(x):
                return x + 1

        @deco(
            1,
        )
        def g(x):
            return x + 1

        make()
        f = lambda x, k=lambda x: x * 2: k(x) + 1
        p = P()
        p.x = 2

        def run(fn):
            t = 0
            for i in range(3000):
                t += fn(i)
            return t
        print(run(g), run(h), run(f), run(lambda i: p.size()))
    """)
    assert r.loop(29)["native_iterations"] > 5000, r.loop(29)     # (g and h: f has a default of type function)
