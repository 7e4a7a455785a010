"""A while loop the JIT will not enter goes on as written for the rest of its run.

A for loop's hook has the rest of such a run go on in a copy of the loop as written (code 6:
no count, ~30 ns an iteration less); a while loop counted on to the end of its run, given up
or not: a loop over a deque ran 1.3x as long as under --no-jit. Its copy runs the body of the
iteration under way in a loop of one turn, then the loop as written (instrument.py): these
check that ``continue``, ``break``, the else clause and an exception in either part behave
as CPython's, and that the rest of the run is not counted.
"""
from test_jit import jit


def test_a_while_loop_given_up_goes_on_as_written(tmp_path):
    r = jit(tmp_path, """
        from collections import deque

        def walk(n, stop):
            q = deque(range(n))
            t = 0
            while q:
                x = q.popleft()
                if x % 3 == 0:
                    continue
                if x == stop:
                    break
                t += x & 7
            else:
                t = -t
            return t, len(q)

        def fail(n):
            q = deque(range(n))
            t = 0
            while q:
                x = q.popleft()
                if x == n - 3:
                    raise KeyError(x)
                t += x
            return t

        for k in range(3):
            print(walk(20000, -1), walk(20000, 15000), walk(20000, 1000 + k))
        fail(30000)
    """, threshold="1000")
    row = r.loop(7)
    assert row["status"] == "not compiled", row
    # (the run under way when it was given up, ~20,000 iterations, goes on uncounted after
    # its first trip; the later runs start as written)
    assert row["runs_as_written"] == 1 and row["interpreted_iterations"] < 2000, row
    assert r.got.returncode == 1 and "KeyError: 29997" in r.got.stderr


def test_a_while_loop_with_a_loop_in_it_goes_on_as_written_once_that_is_given_up(tmp_path):
    jit(tmp_path, """
        from collections import deque

        def nest(n):
            q = deque(range(n))
            out = 0
            while q:
                x = q.popleft()
                for d in deque((x, x + 1)):
                    if d % 5 == 0:
                        break
                    out += d
                else:
                    continue
                if x > n - 10:
                    break
            return out, len(q)
        print(nest(20000), nest(30000))
    """, threshold="1000")


def test_a_module_level_while_loop_given_up_goes_on_as_written(tmp_path):
    r = jit(tmp_path, """
        from collections import deque
        q = deque(range(30000))
        t = 0
        while q:
            x = q.popleft()
            if x % 3 == 0:
                continue
            if x == 25000:
                break
            t += x & 7
        else:
            t = -t
        print(t, len(q))
        q = deque(range(20000))
        while q:
            x = q.popleft()
            if x == 19990:
                raise KeyError(x)
    """, threshold="1000")
    row = r.loop(5)
    assert row["runs_as_written"] == 1 and row["interpreted_iterations"] < 2000, row
    assert r.got.returncode == 1 and "KeyError: 19990" in r.got.stderr


def test_an_else_clause_with_a_break_or_continue_of_the_enclosing_loop(tmp_path):
    # (the copy of the loop as written had its else clause inside the hooked loop: its
    # ``break`` or ``continue`` -- the enclosing loop's -- was the hooked loop's, and the
    # else ran twice, or the enclosing loop went on)
    jit(tmp_path, """
        from collections import deque

        def whiles():
            for k in range(3):
                d = deque(range(20000))
                while d:
                    d.popleft()
                else:
                    print("else", k)
                    if k == 0:
                        continue
                    break
                print("after", k)

        def fors():
            for k in range(3):
                rows = [{"a": i} for i in range(20000)]
                t = 0
                for x in rows:
                    t += x["a"]
                else:
                    print("else", k, t)
                    if k == 1:
                        break
                    continue
                print("after", k)
        whiles()
        fors()
    """, threshold="1000")
