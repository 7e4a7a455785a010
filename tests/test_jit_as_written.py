"""A run of a loop the JIT will not enter goes on as written (``tauraro.vm.hooks``, code 6).

A hooked loop counts its iterations (``.cN -= 1``, ``if not .cN:``: 30-45 ns an iteration
on the dev machine); once a trip finds the loop given up, or its entry refused for what it
would copy, the rest of the run is the loop's copy as written, over the iterator moved
back to the element the iteration took. Every way out of that copy must be the loop's:
``break``, ``continue``, ``else``, ``return``, an exception and its traceback, a body that
advances the iterator itself. Each program prints what CPython prints (stdout, exit code,
stderr), and the loop's row says its runs went on as written.
"""
from test_jit import jit


def test_break_continue_and_else_after_going_on_as_written(tmp_path):
    # (an entry refused: it would copy 2,000,000 ints for a loop that reads a few of them)
    r = jit(tmp_path, """
        big = list(range(2000000))

        def f(xs):
            out = []
            total = 0
            for x in xs:
                total += big[x]
                if x % 1000 == 7:
                    out.append(str(x) + "!")
                    continue
                if x == 25003:
                    break
            else:
                out.append("else")
            return total, out[-3:], len(out)

        xs = list(range(30000))
        print(f(xs))
        print(f(xs[:20000]))
    """)
    row = r.loop(7)
    assert row["runs_as_written"] >= 1, row
    assert row["native_iterations"] == 0, row


def test_return_and_a_traceback_from_the_rest_of_the_run(tmp_path):
    # (an entry refused: it would copy 2,000,000 ints for a loop that reads a few of them)
    r = jit(tmp_path, """
        big = list(range(2000000))

        def find(xs, bad):
            seen = 0
            for a, b in xs:
                seen += big[a * b % 7]
                if a == bad:
                    return seen, str(a)
                if b == 0:
                    raise ValueError("zero at %d after %d" % (a, seen))
            return seen, None

        pairs = [(i, (i * 7919) % 5003 + 1) for i in range(20000)]
        print(find(pairs, 15000))
        print(find(pairs, -1))
        pairs[17000] = (17000, 0)
        print(find(pairs, -1))
    """)
    assert r.got.returncode != 0
    assert r.loop(6)["runs_as_written"] >= 1, r.loop(6)


def test_a_body_that_advances_the_iterator_it_loops_over(tmp_path):
    # the copy as written takes its elements from the very iterator the program holds
    r = jit(tmp_path, """
        def pairs(xs):
            it = iter(xs)
            out = 0
            for x in it:
                out += x * 3 % 11
                if x % 5 == 0:
                    y = next(it, None)
                    out += 0 if y is None else y % 7
                if x % 1000 == 999:
                    out += len(str(x))
            return out

        def ranged(n):
            it = iter(range(n))
            out = 0
            for x in it:
                out += x % 13
                if x % 4 == 0:
                    out += next(it, 0) % 3
                if x % 1000 == 999:
                    out += len(str(x))
            return out

        print(pairs(list(range(30000))), ranged(30000))
    """)
    assert r.loop(5)["runs_as_written"] + r.loop(17)["runs_as_written"] >= 1


def test_an_inner_loop_goes_on_as_written_and_its_outer_loop_goes_on(tmp_path):
    # (the inner loop reads a big list: its entries are refused for what they would copy)
    r = jit(tmp_path, """
        def rows(table, big):
            sums = []
            for row in table:
                s = 0
                for v in row:
                    s += big[v % 1000003]
                    if v == -1:
                        break
                else:
                    s += 1000
                sums.append(s)
            return sums

        big = list(range(2000000))
        table = [list(range(k * 5000, k * 5000 + 5000)) for k in range(6)]
        table[3][2500] = -1
        print(rows(table, big))
    """)
    assert r.loop(6)["runs_as_written"] >= 1, r.loop(6)
