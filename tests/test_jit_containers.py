"""Containers in compiled loops beyond lists of ints and floats (issue 9): lists and
tuples of bools. Each test compares stdout, exit code and the whole of stderr with
CPython's, and checks the loop ran natively."""
from test_jit import jit


def test_a_sieve_over_a_list_of_bools(tmp_path):
    r = jit(tmp_path, """
        def sieve(n):
            flags = [True] * (n + 1)
            flags[0] = flags[1] = False
            i = 2
            while i * i <= n:
                if flags[i]:
                    for j in range(i * i, n + 1, i):
                        flags[j] = False
                i += 1
            count = 0
            for f in flags:
                if f:
                    count += 1
            return count, flags[-10:], [k for k in range(40) if flags[k]]

        print(sieve(30000))
        print(sieve(30000))
    """)
    assert r.loop(6)["native_iterations"] > 100
    assert r.loop(12)["native_iterations"] > 50000


def test_bools_mixed_with_ints_and_an_int_stored_into_a_list_of_bools(tmp_path):
    r = jit(tmp_path, """
        def flip(xs, n):
            t = 0
            for i in range(n):
                k = i % len(xs)
                xs[k] = not xs[k]
                if xs[k]:
                    t += 1
                if i == n - 5:
                    xs[0] = 7               # an int into a list of bools: CPython stores it
            return t

        a = [True, False, True]
        print(flip(a, 3000), a, [type(x).__name__ for x in a])
        b = [True, 1, False]              # not a list of bools: its own version
        print(flip(b, 3000), b, [type(x).__name__ for x in b])
        t = (True, False, False)
        s = 0
        for i in range(3000):
            s += t[i % 3] + (t[1] or t[0])
        print(s)
    """)
    assert r.loop(4)["native_iterations"] > 2000
