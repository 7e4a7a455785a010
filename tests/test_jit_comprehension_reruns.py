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
