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
    # (the loop's iterator is also a variable the body reads: native code never takes it --
    # two variables would have two positions natively -- so its entries are refused, or its
    # runs go on as written)
    for line in (5, 17):
        row = r.loop(line)
        assert row["runs_as_written"] + row["refused"]["tries"] >= 1 and row["native_iterations"] == 0, row


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


def test_every_way_out_of_a_stretch_run_as_written_and_timed(tmp_path):
    # before an entry that may copy much, a loop that can run as written runs a stretch of
    # its iterations so, timed (code 7: ``JitController.timed_as_written``), once: here the
    # iterations from its first trip on, about left // 16 of them (2500). A break, a return,
    # an exception (its traceback, caught and not) inside it, each in a loop of its own,
    # and a continue and a body moving the iterator itself in each; and counting going on
    # after it, to the else
    loop = """
        def scan%d(xs, stop, bad):
            it = iter(xs)
            total = 0
            marks = []
            for x in it:
                total += big[x * 7 %% 2000000]
                if x %% 100 == 7:
                    marks.append(x)
                    continue
                if x %% 250 == 3:
                    total += next(it, 0)
                if x == stop:
                    break
                if x == bad:
                    raise ValueError("bad %%d after %%d" %% (x, total))
                if x == -stop:
                    return "returned", total
            else:
                marks.append("else")
            return total, marks[:4], marks[-3:], len(marks)
    """
    r = jit(tmp_path, "\n        big = list(range(2000000))\n" + "".join(loop % k for k in range(5)) + """
        import traceback
        xs = list(range(40000))
        print(scan0(xs, 900, -1))           # a break in the stretch
        print(scan1(xs, -1000, -1))         # a return in it
        print(scan2(xs, -7, -1))            # through it, counting on after it, to the else
        try:
            scan3(xs, -7, 1200)             # an exception in it
        except ValueError as e:
            print("".join(traceback.format_exception(e)).replace(__file__, "prog.py"))
        print(scan4(xs, -7, 1300))          # uncaught: the traceback is CPython's
    """)
    assert r.got.returncode != 0
    for k in range(5):
        row = r.loop(8 + 21 * k)
        assert row["function"] == "scan%d" % k and row["stretches_timed"] >= 1, row


def test_a_stretch_over_a_range_takes_its_elements_from_the_loops_own_iterator(tmp_path):
    # (on 3.12+ a range iterator moves forward only: the stretch takes the element this
    # iteration took, then the real iterator's, which the loop goes on with after it)
    r = jit(tmp_path, """
        big = list(range(2000000))

        def walk(n, stop):
            total = 0
            last = None
            for i in range(n):
                total += big[i * 13 % 2000000] % 7
                last = i
                if i == stop:
                    break
            return total, last

        print(walk(40000, -1), walk(40000, 1700), walk(40000, 30000))
    """)
    row = r.loop(7)
    assert row["stretches_timed"] >= 1, row


def test_stretches_too_short_to_go_by_alone_are_added_up(monkeypatch):
    # a nested loop's stretch is the rest of its run: grid rows of ~900 cells took ~85 us
    # as written on a fast machine, each under MEASURE_LEAST, and the loop was never timed
    # (its cells weighed by the floor, ~2x under, its table refused for good)
    from types import SimpleNamespace

    import pytest
    from tauraro.jit import controller as C
    J = C.JitController
    monkeypatch.setattr(J, "_seconds_per_iteration", lambda self, st: 100e-9)
    c = J.__new__(J)
    st = SimpleNamespace(interpreted_iterations=0, native_iterations=0, nests=False, measured_per=None,
                         short_timings=None, iteration_seconds=25e-9)
    part = 0.6 * C.MEASURE_LEAST
    c.timed_as_written(st, 900, part)
    assert st.measured_per is None and st.interpreted_iterations == 900
    c.timed_as_written(st, 800, part)
    assert st.measured_per == pytest.approx(2 * part / 1700)
    assert st.short_timings is None and st.interpreted_iterations == 1700
    c.timed_as_written(st, 1000, 0.5 * part)       # (alone again: too short, held)
    assert st.measured_per == pytest.approx(2 * part / 1700) and st.short_timings == (1000, 0.5 * part)


def test_a_loop_over_a_generator_goes_on_as_written_from_the_element_it_took(tmp_path):
    # a generator cannot be moved back: the element the iteration took is made again from
    # the names its target bound (a name's very object; a tuple of the values for a
    # tuple or list target) and chained before the rest --
    # which the body may take from itself too. Breaks, else clauses and the objects' ids
    # are CPython's.
    r = jit(tmp_path, """
        class Box:
            def __init__(self, v):
                self.v = v

        def boxes(n):
            for i in range(n):
                yield Box(i)

        def rows(n):
            for i in range(n):
                yield (i, i * 2), i % 5, [i % 3, i % 7]

        s = 0
        for i in range(20000):              # (starts the JIT)
            s += i % 3

        def scan():
            seen = []
            total = 0
            g = boxes(30000)
            for b in g:
                total += b.v
                if b.v % 1000 == 999:
                    nxt = next(g)           # (the body takes one itself)
                    seen.append((b.v, nxt.v, id(b) != id(nxt)))
                if b.v == 25001:
                    break
            else:
                seen.append("else")
            keep = []
            for (a, b), c, [d, e] in rows(20000):
                total += a + b * c - d * e
                if a % 4999 == 0:
                    keep.append((a, b, c, d, e))
            else:
                keep.append("else")
            return total, seen[-3:], len(seen), keep
        print(s, scan())
    """)
    for line in (22, 32):
        row = r.loop(line)
        assert "iterates over a generator" in row["reason"] and row["runs_as_written"] == 1, row


def test_a_starred_target_over_a_generator_goes_on_as_written(tmp_path):
    # (the starred name's list spread again in the element made again: the list bound
    # anew is equal, and nothing saw the first)
    r = jit(tmp_path, """
        s = 0
        for i in range(20000):              # (starts the JIT)
            s += i % 3

        def rows(n):
            for i in range(n):
                yield i, i % 3, i % 7, str(i % 5)

        def scan():
            total = 0
            seen = []
            for a, *rest, s in rows(20000):
                total += a * len(rest) + rest[0] - rest[-1] + len(s)
                if a % 6007 == 0:
                    seen.append((a, rest, s))
            return total, seen
        print(s, scan())
    """)
    row = r.loop(13)
    assert "iterates over a generator" in row["reason"] and row["runs_as_written"] == 1, row


def test_a_loop_over_a_generator_alone_does_not_start_the_jit(tmp_path):
    # (known to be given up without the JIT's types: the JIT's modules stay unimported,
    # and the loop is reported all the same)
    r = jit(tmp_path, """
        import sys

        def squares(n):
            for i in range(n):
                yield i * i

        def total(n):
            t = 0
            for v in squares(n):
                t += v % 7
            return t
        print(total(50000), total(10), "tauraro.jit.jtypes" in sys.modules)
    """, threshold="1000")
    row = r.loop(10)
    assert "iterates over a generator" in row["reason"], row


def test_a_loop_with_loops_in_it_goes_on_as_the_source_has_it_once_they_are_given_up(tmp_path):
    # (lru_cache.py's main) the loop over a generator is given up at its first trip; the
    # loop over three caches in it soon after (its runs too short); a later trip of the
    # outer loop finds both dead and the rest of its run is its body as the source has it
    # (instrument._goes_plain, hooks.LoopSite._nested_dead): break, continue, the else
    # clause, a return and an exception's traceback from there are CPython's
    r = jit(tmp_path, """
        def gen(n):
            for i in range(n):
                yield i

        def main(n, stop_at, fail_at):
            a, b, c = [], [1], [2, 3]
            total = 0
            for key in gen(n):
                for cache in (a, b, c):
                    if len(cache) > 2:
                        break
                    total += len(cache)
                else:
                    total += 1
                if key % 7 == 3:
                    continue
                if key == stop_at:
                    return total, "stopped"
                if key == fail_at:
                    raise ValueError("failed at %d with %d" % (key, total))
                total += key & 1
            else:
                total -= 1
            return total, "done"

        print(main(30000, -1, -1))
        print(main(30000, 25000, -1))
        print(main(30000, -1, 28000))
    """)
    assert r.got.returncode != 0
    row = r.loop(9)
    assert "iterates over a generator" in row["reason"] and row["runs_as_written"] >= 1, row
    assert r.loop(10)["status"] == "left to the baseline", r.loop(10)


def test_a_loop_over_a_zip_native_code_never_takes_is_typed_by_a_sample(tmp_path):
    # enumerate over a zip of a list and a set (a zip over a zip): no native code takes it,
    # which its first trip tells from a sample of the list (typed whole, two lists of
    # 100,000 elements cost a loop never compiled ~60 ms: the str deep inside the list is
    # never looked at), and its runs go on as written
    r = jit(tmp_path, """
        def scan(a, b):
            t = 0
            for i, (x, y) in enumerate(zip(a, b)):
                if i % 1000 == 0:
                    t += y
            return t

        a = list(range(100000))
        a[50000] = "x"
        b = {i * 2 for i in range(100000)}
        print(scan(a, b), scan(b, a[:10]))
    """)
    row = r.loop(4)
    assert row["reason"] == "the loop iterates over a zip over zip over set_iterator", row


def test_a_module_level_loops_refused_run_goes_on_as_written_and_lets_its_iterator_go(tmp_path):
    # module-level code: the entry refused (it would copy 2,000,000 ints for a loop that
    # reads a few), the rest of the run is the loop as written -- its break, its else, an
    # exception's traceback -- and the iterator the site held is let go after it, as
    # CPython's is when its loop ends (a list's count of references says so)
    r = jit(tmp_path, """
        import sys
        big = list(range(2000000))
        xs = list(range(30000))
        before = sys.getrefcount(xs)
        total = 0
        for x in xs:
            total += big[x]
            if x == 25003:
                break
        else:
            total = -1
        print(total, sys.getrefcount(xs) - before)
        ys = list(range(20000))
        for y in ys:
            total += big[y]
        else:
            total += 1
        print(total, sys.getrefcount(ys))
        for z in ys:
            total += big[z]
            if z == 19000:
                raise ValueError("at %d after %d" % (z, total))
    """)
    for at in (7, 15, 20):
        row = r.loop(at)
        assert row["runs_as_written"] == 1, (at, row)
        assert row["native_iterations"] == 0, (at, row)
