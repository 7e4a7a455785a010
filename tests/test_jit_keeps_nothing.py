"""What the JIT learns of a program's values keeps none of them alive once it stops
needing them: a function's type (tauraro.jit.jtypes.FunctionType) holds the values its
closure's cells held, and was interned for the whole run, so a list of rows a closure
read, or an object whose ``__del__`` CPython runs when the function returns, lived on to
the end of the program (graph_structure.py kept a 16,000-list adjacency table, walked by
every full collection after it). Each program's stdout, exit code and whole stderr are
CPython's."""
from test_baseline import run_tauraro


def test_an_object_a_callees_closure_held_is_freed_when_its_function_returns(tmp_path):
    # (the loop is typed with get's closure -- r, a Res -- and not compiled: the type made
    # for get is dropped with the typing, and r with it)
    got, want = run_tauraro(tmp_path, """
        class Res:
            def __init__(self, n):
                self.n = n
                self.vals = list(range(n))

            def __del__(self):
                print("freed", self.n)


        def work(n):
            r = Res(n)
            vals = r.vals

            def get(k):
                return vals[k] + r.n

            total = 0
            for k in range(n):
                total += get(k)
            return total


        for n in (3000, 4000, 5000):
            print(work(n))
            print("after", n)
        print("end")
    """, "--jit-threshold", "100")
    assert want.stdout.decode().startswith("freed 3000\n"), want.stdout
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


def test_the_rows_a_callees_closure_read_are_not_alive_after_the_calls(tmp_path):
    got, want = run_tauraro(tmp_path, """
        import gc

        def work(seed):
            data = [[(seed + i + j) % 7 for j in range(3)] for i in range(5000)]

            def cell_sum(k):
                return data[k][0] + data[k][1] + data[k][2]

            total = 0
            for k in range(len(data)):
                total += cell_sum(k)
            return total

        t = 0
        for s in range(20):
            t += work(s)
        gc.collect()
        rows = sum(1 for o in gc.get_objects() if type(o) is list and len(o) == 3 and o[0] in range(7))
        print(t, "rows alive:", "fewer than 1000" if rows < 1000 else rows)
    """, "--jit-threshold", "100")
    assert b"fewer than 1000" in want.stdout, want.stdout
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
