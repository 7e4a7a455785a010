"""An iteration of a comprehension that native code stops in is run again by CPython
(``LoopState.reruns_iterations``): a function compiled whole that its element calls natively
must not have stored into the data it was passed before such an exit -- its undo log takes
back the stores of a call that fails, not of one that returned before the element's own
overflow or division by zero. Such a call is an exit there (``Inliner.stores_data``).
Each program's stdout, exit code and whole stderr are CPython's."""
from test_jit import jit


def test_a_store_a_called_function_made_is_not_made_twice_by_a_rerun_iteration(tmp_path):
    jit(tmp_path, """
        def inc(c, x):
            c[0] += 1
            return x

        def push(acc, x):
            acc.append(x)
            return x

        def deep(c, x):
            return inc(c, x)

        def count(n):
            c = [0]
            acc = []
            xs = list(range(n)) + [2 ** 62]
            r = [inc(c, x) * 4 for x in xs]
            s = sum(deep(c, x) * 4 for x in xs)
            t = [push(acc, x) // (x - n + 1) for x in range(n - 1)] + [len(acc)]
            try:
                [push(acc, x) // (x - n + 5) for x in range(n)]
            except ZeroDivisionError as e:
                print("raised", e)
            print(c[0], len(r), s, t[-1], len(acc))

        count(3000)
        count(3000)
    """)


def test_an_element_over_a_dict_run_again_is_found_in_the_dict(tmp_path):
    # (a dict iterator cannot be moved back: the element an exit stopped in was lost with a
    # warning -- a sum of 0, elements dropped, a callee's store and the "changed size"
    # error lost)
    r = jit(tmp_path, """
        d = {i: i for i in range(3000)}

        def f(k):
            if k == 2000:
                d[-1] = 5
            return k

        def g(k):
            if k == 1000:
                del d[5]
                d[-5] = 1
            return k

        for h in (f, g):
            try:
                r = [h(k) for k in d]
                print("no error", len(r), r[0])
            except RuntimeError as e:
                print("raised", e)
            print(len(d))
        e = {i: i for i in range(3000)}
        e[-1] = 2 ** 62
        print(sum(v * 4 for v in e.values()), sum(k * 4 for k in e))
        print(max(v * 3 for k, v in e.items()), [k + v * 2 for k, v in e.items()][-2:])
    """)
    assert "warning" not in r.got.stderr
