"""Bounds checks proved or checked once before the loop (passes/bounds.py), and what stays exact.

Each test runs a program under CPython and under Tauraro (``Result.same`` compares
stdout, exit code and stderr), and reads the ``--jit-dump`` IR or ``--jit-stats-json``
to check the pass did what the test is about: so a check removed where it should not
be shows as a wrong result or a missing IndexError.
"""
from test_jit import Result
from test_jit_ir import dump, stage


def test_a_range_stop_within_the_length_is_checked_once_at_entry(tmp_path):
    # m = len(a) before the loop: the stop is an entry value, not the length the pass
    # sees, so "m <= len(a)" is checked once and a[i] needs no check
    r, texts = dump(tmp_path, """
        def f(a, m, reps):
            s = 0
            for r in range(reps):
                for i in range(m):
                    s += a[i]
            return s
        a = [(i * 7919) % 1000 - 300 for i in range(500)]
        print(f(a, len(a), 3), f(a, 10, 5), f(a, 0, 2))
    """)
    after = stage(texts["prog_line4.txt"], "after dce")
    assert "index_nonneg" not in after and "= elem" in after
    assert after.count("check_le") == 1
    assert r.loop(5)["native_iterations"] > 1000
    assert not any("stop beyond" in reason for reason, _ in r.exit_reasons(4)), r.exit_reasons(4)


def test_a_stop_beyond_the_length_raises_index_error_where_cpython_does(tmp_path):
    # the guard fails at entry; the interpreter runs the loop as written: the list stored
    # into, the traceback's line and message all as CPython's
    r = Result(tmp_path, """
        def f(a, m, seen):
            s = 0
            for r in range(3):
                for i in range(m):
                    seen[r] = i
                    s += a[i]
            return s
        a = list(range(100))
        print(f(a, 100, [0] * 3))
        seen = [-1] * 3
        try:
            f(a, 101, seen)
        except IndexError as e:
            print("IndexError", e, seen)
        f(a, 101, [0] * 3)
    """, "--jit-threshold", "1").same()
    reasons = r.exit_reasons(4)
    assert any("a range's stop beyond a.len at entry" == reason for reason, _ in reasons), reasons
    assert "IndexError" in r.got.stderr


def test_an_inner_range_up_to_an_outer_position_takes_the_slack(tmp_path):
    # j < i < n + 1, so j <= n - 1: in bounds of a list of n elements though the outer
    # stop is n + 1; with n + 2, j reaches n: IndexError
    r, texts = dump(tmp_path, """
        def f(a, n):
            s = 0
            for i in range(1, n):
                for j in range(i):
                    s += a[j] * i
            return s
        a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
        print(f(a, len(a) + 1), f(a, 5))
        try:
            f(a, len(a) + 2)
        except IndexError as e:
            print("IndexError", e)
    """)
    after = stage(texts["prog_line4.txt"], "after dce")
    assert "index_nonneg" not in after and "check_le" in after, after
    reasons = r.exit_reasons(4)
    assert ("a range's stop beyond a.len +1 at entry", 4) in reasons, reasons
    assert r.loop(4)["native_iterations"] >= 15


def test_a_list_shrunk_during_the_loop_raises_index_error_exactly(tmp_path):
    # a callee the loop cannot compile shrinks the list: native code leaves before it runs,
    # and the next entry checks the new length
    r = Result(tmp_path, """
        def shrink(a):
            del a[len(a) // 2:]

        def f(a):
            s = 0
            n = len(a)
            for i in range(n):
                s += a[i]
                if i == 40:
                    shrink(a)
            return s
        try:
            print(f(list(range(100))))
        except IndexError as e:
            print("IndexError", e)
    """, "--jit-threshold", "1").same()
    assert "IndexError" in r.got.stdout
    assert r.loop(8)["native_iterations"] >= 39        # (i = 0 .. 38 before the exit at the call)


def test_negative_and_shifted_indexes_keep_their_checks(tmp_path):
    r, texts = dump(tmp_path, """
        def f(a, lo, hi):
            s = 0
            for i in range(lo, hi):
                s += a[i] + a[i - 2]
            return s
        a = list(range(10, 30))
        print(f(a, -5, 20), f(a, 0, 20))
        try:
            f(a, 0, 21)
        except IndexError as e:
            print("IndexError", e)
    """)
    after = stage(texts["prog_line4.txt"], "after dce")
    assert "index" in after.replace("index_nonneg", "")


def test_a_stop_from_a_slot_written_differently_keeps_its_check(tmp_path):
    # n is len(a) on most passes and len(a) + 1 on one: no one bound, so a[i] is checked
    r, texts = dump(tmp_path, """
        def f(a, reps):
            s = 0
            for r in range(reps):
                n = len(a)
                if r == 3:
                    n = n + 1
                for i in range(n):
                    s += a[i]
            return s
        print(f(list(range(30)), 3))
        try:
            f(list(range(30)), 5)
        except IndexError as e:
            print("IndexError", e)
    """)
    after = stage(texts["prog_line4.txt"], "after dce")
    assert "index_nonneg" in after and "check_le" not in after


INSERTION = """
def isort(a, n):
    for i in range(1, n):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    return a
"""


def test_an_index_only_decreasing_from_a_bounded_start_needs_no_check(tmp_path):
    # j = i - 1, then only j -= 1: j + 1 <= i < n, so n <= len(a) at entry makes every
    # index of the while loop in bounds (j >= 0 is the loop's own test)
    r, texts = dump(tmp_path, INSERTION + """
import random
rng = random.Random(5)
a = [rng.randrange(1000) for _ in range(300)]
print(isort(list(a), len(a)) == sorted(a), isort([3, 1, 2], 3))
""")
    after = stage(texts["prog_line3.txt"], "after dce")
    assert "index_nonneg" not in after and after.count("check_le") == 1, after
    assert r.loop(3)["native_iterations"] > 100


def test_a_decreasing_index_from_beyond_the_length_raises_index_error(tmp_path):
    # j + 1 <= i + 1 <= n: n <= len(a) - 1 is checked at entry; with n = len(a) it fails,
    # and the interpreter raises where CPython does, the list as CPython left it
    r = Result(tmp_path, """
def shift(a, n):
    for i in range(n):
        j = i
        while j >= 0 and a[j] > 5:
            j -= 1
        a[j + 1] += 1
    return a
a = [5, 3, 8, 1, 9, 2, 7, 0, 6, 4] * 3
print(shift(list(a), len(a) - 1))
b = list(a)
try:
    shift(b, len(b))
except IndexError as e:
    print("IndexError", e, b)
""", "--jit-threshold", "1").same()
    reasons = r.exit_reasons(3)
    assert ("a range's stop beyond a.len -1 at entry", 3) in reasons, reasons


def test_an_index_that_also_increases_keeps_its_check(tmp_path):
    r, texts = dump(tmp_path, """
def f(a, n):
    s = 0
    for i in range(n):
        j = i
        while j >= 0 and a[j] % 3:
            j -= 1
            if a[j] == 4:
                j += 2
                break
        s += j
    return s
print(f([1, 2, 4, 5, 7, 3, 8, 4, 1, 6], 10))
""")
    assert "index_nonneg" in stage(texts["prog_line4.txt"], "after dce")


def test_a_stepped_range_entered_midway_is_bounded_by_its_last_value(tmp_path):
    # range(i * i, n + 1, i) iterates as a range whose stop is rounded up to a multiple of
    # the step, past len(flags): the entry makes the stop one past the last value, so the
    # check at entry holds and the loop runs natively. (The sieve made 40 times over: one
    # run's marking, ~50,000 iterations, is worth less than copying the 20,001 ints in and
    # out, ~1.5 ms, and would be left to the baseline)
    r = Result(tmp_path, """
def sieve(n, reps):
    flags = [1] * (n + 1)
    for rep in range(reps):
        flags[0] = flags[1] = 0
        i = 2
        while i * i <= n:
            if flags[i]:
                for j in range(i * i, n + 1, i):
                    flags[j] = 0
            i += 1
    return sum(flags), flags[-10:]
print(sieve(20000, 40), sieve(997, 1))
""", "--jit-threshold", "200").same()
    rows = [row for row in r.rows if row["line"] == 9]
    assert rows and rows[0]["native_iterations"] > 10000, rows
    assert not any("stop beyond" in e["reason"] for e in rows[0]["exits"]), rows[0]["exits"]
