"""Recursive functions compiled whole that return None, and recursive functions that build,
take or walk objects (which functions compiled whole do not handle yet).

A function compiled whole returning None has no wasm result; the emitter once took "no
result type" for "not a function compiled whole", emitted a loop's exit code into it and
crashed, so the JIT printed a warning on stderr and ran the baseline. Functions that build
objects (``return Node(mid, build(...), build(...))``) were typed with None as their result
(the only return native code reaches: making an object is an exit there) and hit that
crash; now type inference refuses them ("its recursive calls never return natively"), as
it refuses objects for arguments. Each program runs under CPython and under Tauraro; stdout,
exit code and the whole of stderr must match, and ``--jit-stats-json`` says what the JIT did.
"""
from test_jit import jit
from test_jit_calls import function_row

NODE = """
    class Node:
        def __init__(self, key, left, right):
            self.key = key
            self.left = left
            self.right = right

"""


def test_a_recursive_procedure_returning_none_runs_natively(tmp_path):
    r = jit(tmp_path, """
        def hanoi(n, a, b, c, moves):
            if n == 0:
                return None
            hanoi(n - 1, a, c, b, moves)
            moves[a * 3 + b] += 1
            hanoi(n - 1, c, b, a, moves)

        def fill(xs, i, v):
            if i == len(xs):
                return
            xs[i] = v * i
            fill(xs, i + 1, v)

        moves = [0] * 12
        for k in range(40):
            print(hanoi(k % 9, 1, 2, 3, moves), end=" ")
        print(moves)
        xs = [0] * 40
        for k in range(40):
            fill(xs, 0, k)
        print(xs)
    """)
    for name in ("hanoi", "fill"):
        row = function_row(r, name)
        assert row["status"] in ("compiled", "left to the baseline"), row
        assert row["native_iterations"] >= 1, row


def test_a_loop_calls_recursive_procedures_natively(tmp_path):
    # a loop's native call of a function compiled whole returning None (call_fn), mutual
    # recursion included
    r = jit(tmp_path, """
        def mark(xs, i, v):
            if i >= len(xs):
                return None
            xs[i] += v
            mark(xs, i + 2, v)
            mark(xs, i + 3, v)

        def even(xs, n):
            if n == 0:
                return
            xs[0] += 1
            odd(xs, n - 1)

        def odd(xs, n):
            if n == 0:
                return None
            xs[1] += 1
            even(xs, n - 1)

        xs = [0] * 12
        c = [0, 0]
        t = 0
        for k in range(2000):
            mark(xs, 0, k % 5)
            even(c, k % 7)
            t += xs[k % 12]
        print(xs, c, t)
    """, threshold="100")
    row = r.loop(24)
    assert row["status"] == "compiled" and row["native_iterations"] >= 1000, row
    assert not row["exits"] or all(e["reason"] == "left the loop" for e in row["exits"]), row
