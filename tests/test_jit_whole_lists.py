"""Functions compiled whole that take lists and store into them (docs/jit-data.md,
"Functions compiled whole that take lists").

Each program runs under CPython and under Tauraro with the JIT (threshold 1); stdout,
exit code and the whole of stderr must match (``jit``). A native call works on copies of
its lists, written back only when it succeeds: the tests below make calls fail deep in
the recursion after stores (an exception, the recursion limit, a value that does not fit)
and print the lists afterwards, as CPython left them.
"""
from test_jit import jit
from test_jit_calls import function_row


def answered(r, name):
    """The function's row; it compiled (whether its calls stay native once judged depends on
    timings, which the tests do not assert: the first calls are answered natively anyway)."""
    row = function_row(r, name)
    assert row["status"] in ("compiled", "left to the baseline"), row
    return row


def test_n_queens_with_lists_of_bools_runs_natively(tmp_path):
    r = jit(tmp_path, """
        def place(row, n, cols, used, d1, d2):
            if row == n:
                return 1
            found = 0
            for c in range(n):
                if used[c] or d1[row + c] or d2[row - c + n - 1]:
                    continue
                cols[row] = c
                used[c] = True
                d1[row + c] = True
                d2[row - c + n - 1] = True
                found += place(row + 1, n, cols, used, d1, d2)
                used[c] = False
                d1[row + c] = False
                d2[row - c + n - 1] = False
            return found

        for n in range(1, 9):
            cols = [0] * n
            used = [False] * n
            d1 = [False] * (2 * n - 1)
            d2 = [False] * (2 * n - 1)
            print(n, place(0, n, cols, used, d1, d2), cols, used, d1, d2)
    """)
    assert answered(r, "place")["native_iterations"] >= 2


def test_stores_that_stay_are_written_back(tmp_path):
    # the lists keep what the recursion stored (ints, floats, bools), and a tuple is read
    r = jit(tmp_path, """
        def fill(i, out, halves, odd, weights):
            if i == len(out):
                return 0
            out[i] = i * i + weights[i % len(weights)]
            halves[i] = i / 2
            odd[i] = i % 2 == 1
            return 1 + fill(i + 1, out, halves, odd, weights)

        for n in (0, 1, 5, 12, 30):
            out = [0] * n
            halves = [0.0] * n
            odd = [False] * n
            print(fill(0, out, halves, odd, (3, -1, 7)), out, halves, odd)
    """)
    assert answered(r, "fill")["native_iterations"] >= 2


def test_an_exception_deep_in_the_recursion_after_stores(tmp_path):
    # a ZeroDivisionError at depth k: the native call fails, the interpreter makes the
    # call again, and the lists hold what CPython stored before raising
    r = jit(tmp_path, """
        def walk(i, k, seen, acc):
            if i == len(seen):
                return 0
            seen[i] = True
            acc[i] = acc[i] + 10 // (k - i)
            r = walk(i + 1, k, seen, acc)
            if i % 2:
                seen[i] = False
            return r + 1

        for k in (3, 50, 60, 0, 7, 70):
            seen = [False] * 10
            acc = [1] * 10
            try:
                print(walk(0, k, seen, acc))
            except ZeroDivisionError as e:
                print("ZeroDivisionError", e)
            print(seen, acc)
    """)
    row = answered(r, "walk")
    assert row["native_iterations"] >= 1 and any("ZeroDivisionError" in e["reason"] for e in row["exits"]), row


def test_recursion_error_near_the_limit_after_stores(tmp_path):
    r = jit(tmp_path, """
        import sys

        def mark(i, flags, depth):
            if i == len(flags):
                return 0
            flags[i] = True
            depth[i] += i + 1
            return mark(i + 1, flags, depth) + 1

        sys.setrecursionlimit(250)
        for n in (150, 240, 400, 10, 100):
            flags = [False] * n
            depth = [-1] * n
            try:
                print(mark(0, flags, depth))
            except RecursionError as e:
                print("RecursionError", e)
            print(flags.count(True), depth.count(-1), sum(depth))
    """)
    row = answered(r, "mark")
    assert row["native_iterations"] >= 2 and row["exits"], row


def test_a_value_that_does_not_fit_fails_the_call_after_stores(tmp_path):
    # an int overflowing 64 bits, then a float stored into a list of ints: each fails the
    # native call and CPython stores what it stores
    r = jit(tmp_path, """
        def grow(i, xs, scale):
            if i == len(xs):
                return 0
            xs[i] = xs[i - 1] * scale if i else xs[0]
            return grow(i + 1, xs, scale) + 1

        def mixed(i, xs, f):
            if i == len(xs):
                return 0
            xs[i] = i * 2
            if i == f:
                xs[i] = 0.5
            return mixed(i + 1, xs, f) + 1

        for scale in (1000, 2, 3, 7):
            xs = [3] * 12
            print(grow(0, xs, scale), xs)
        for f in (4, -1, -1, -1):
            xs = [0] * 8
            print(mixed(0, xs, f), xs)
    """)
    row = answered(r, "grow")
    assert row["native_iterations"] >= 2 and any("int overflow" in e["reason"] for e in row["exits"]), row
    row = answered(r, "mixed")
    assert row["native_iterations"] >= 2 and any("float stored" in e["reason"] for e in row["exits"]), row


def test_the_same_list_passed_twice_is_one_list(tmp_path):
    # aliasing: a store through one parameter is seen through the other, natively as in CPython
    r = jit(tmp_path, """
        def shift(i, src, dst):
            if i == 0:
                return 0
            dst[i] = src[i - 1] + 1
            return shift(i - 1, src, dst) + dst[i]

        for k in range(4):
            a = list(range(10))
            b = list(range(10))
            print(shift(9, a, a), a)
            print(shift(9, a, b), a, b)
    """)
    assert answered(r, "shift")["native_iterations"] >= 2


def test_a_list_changed_by_the_interpreter_between_calls(tmp_path):
    # every call copies the lists as they are then: changes, growth and a new element
    # type between calls are seen
    jit(tmp_path, """
        def total(i, xs, marks):
            if i == len(xs):
                return 0
            marks[i] = xs[i] > 2
            return xs[i] + total(i + 1, xs, marks)

        xs = [1, 2, 3, 4]
        marks = [False] * 4
        for k in range(6):
            print(total(0, xs, marks), marks)
            xs[k % 4] += 5
            if k == 2:
                xs.append(9)
                marks.append(True)
            if k == 4:
                xs[0] = 2 ** 70
        xs[1] = 1.5
        print(total(0, xs, marks), marks)
    """)


def test_a_loop_calls_it_natively_passing_its_lists(tmp_path):
    # from a compiled loop the lists are the loop's own records (resizable ones here: the
    # loop appends to a list), passed by address; the loop runs natively, calls included
    r = jit(tmp_path, """
        def place(row, n, used):
            if row == n:
                return 1
            found = 0
            for c in range(n):
                if used[c]:
                    continue
                used[c] = True
                found += place(row + 1, n, used)
                used[c] = False
            return found

        used = [False] * 6
        out = []
        for i in range(40):
            used[i % 6] = i % 3 == 0
            out.append(place(0, 5, used))
        print(out, used)
    """)
    row = r.loop(16)
    assert row["native_iterations"] >= 30, row
    assert not any(line == 18 for _, line in r.exit_reasons(16)), r.exit_reasons(16)


def test_a_call_from_a_loop_failing_after_stores_is_undone(tmp_path):
    # the native call fails deep in the recursion after storing into the loop's lists: its
    # stores are undone (the undo log, replayed backwards) before the loop leaves at the
    # call, and the interpreter makes the call from the lists as they were
    r = jit(tmp_path, """
        def walk(i, k, seen, acc):
            if i == len(seen):
                return 0
            seen[i] = True
            acc[i] = acc[i] + 10 // (k - i)
            acc[i] = acc[i] * 3 % 1000
            r = walk(i + 1, k, seen, acc)
            if i % 2:
                seen[i] = False
            return r + 1

        seen = [False] * 10
        acc = [1] * 10
        tot = 0
        for k in range(60):
            seen[k % 10] = not seen[k % 10]
            try:
                tot += walk(0, 12 + k % 9 - (k % 7 == 3) * 10, seen, acc)
            except ZeroDivisionError:
                tot += 1000
        print(tot, seen, acc)
        log = []
        for k in range(30):
            acc[k % 10] += 1
            try:
                log.append(walk(0, 11 + k % 5 - (k % 4 == 1) * 8, seen, acc))
            except ZeroDivisionError:
                log.append(-1)
        print(log, seen, acc)
    """)
    assert any("failure in walk" in reason for reason, _ in r.exit_reasons(16)), r.exit_reasons(16)


def test_more_stores_than_the_undo_log_holds(tmp_path):
    # a call from a loop that stores more than the undo log's room (65536 stores) fails
    # there, its stores undone, and the interpreter makes it (the loop inlines three levels
    # of fill, whose stores are the loop's own: the native call below makes the rest).
    # (36 iterations: the loop's work left, timed over its first ones, pays for copying
    # the list in and out; 4 of them, not timed, were guessed worth less)
    r = jit(tmp_path, """
        def fill(k, xs):
            if k == 0:
                return 0
            for j in range(len(xs)):
                xs[j] = xs[j] + k
            return fill(k - 1, xs) + 1

        xs = [0] * 20000
        t = 0
        for k in range(36):
            t += fill(k % 4 + 6, xs)
            xs[k] = -k
        print(t, sum(xs), xs[:6], xs[-3:])
    """)
    assert any("failure in fill" in reason for reason, _ in r.exit_reasons(11)), r.exit_reasons(11)


def test_calls_judged_against_cpython_see_each_call_once(tmp_path):
    # the calls the JIT samples (made again natively and in CPython, to judge whether native
    # calls pay) run on copies of the lists: the program's lists see every call once
    r = jit(tmp_path, """
        def bump(i, xs, ys):
            if i == len(xs):
                return 0
            xs[i] += i
            ys[i] = ys[i] * 2 % 1000003 + 1
            return bump(i + 1, xs, ys) + xs[i]

        xs = [0] * 6
        ys = [1] * 6
        t = 0
        for k in range(150):
            t += bump(0, xs, ys)
            t += bump(0, xs, xs)
        print(t, xs, ys)
    """)
    assert answered(r, "bump")["native_iterations"] >= 2


def test_big_elements_overflow_as_in_cpython(tmp_path):
    # no bound on a list's elements is assumed where no entry checks it: sums over elements
    # near 2**62 in a function compiled whole, and a loop summing a list a native call
    # stores 2**62 into, overflow 64 bits and CPython's big ints come out
    jit(tmp_path, """
        def total(i, xs):
            if i == len(xs):
                return 0
            return xs[i] + total(i + 1, xs)

        def twice(i, xs):
            if i == len(xs):
                return 0
            s = 0
            for x in xs:
                s += x
            return s + twice(i + 1, xs)

        def setbig(i, xs, v):
            if i == 0:
                xs[0] = v
                return 0
            return setbig(i - 1, xs, v) + 1

        for k in range(5):
            print(total(0, [1, 2, 3, k]), twice(0, [5, k]))
        print(total(0, [2 ** 62, 2 ** 62, -5]), twice(0, [2 ** 62, 2 ** 62 - 1, 7]))
        xs = [1] * 10
        t = 0
        for k in range(60):
            for j in range(10):
                t += xs[j]
            if k == 25:
                setbig(6, xs, 2 ** 62)
        print(t)
    """)


HANOI = """
def move(n, pegs, src, dst, via):
    if n == 0:
        return 0
    moves = move(n - 1, pegs, src, via, dst)
    disc = pegs[src].pop()
    target = pegs[dst]
    if target and target[-1] < disc:
        raise ValueError("bigger disc on a smaller one")
    target.append(disc)
    moves += 1
    moves += move(n - 1, pegs, via, dst, src)
    return moves
"""


def test_towers_of_hanoi_pop_and_append_on_lists_of_lists_natively(tmp_path):
    # a list of lists it pops from and appends to: called by the interpreter, its lists are
    # copies (typed resizable), written back after a call that succeeded
    r = jit(tmp_path, HANOI + """
for n in (3, 8, 12, 0, 1):
    pegs = [list(range(n, 0, -1)), [], []]
    print(n, move(n, pegs, 0, 2, 1), pegs)
""")
    assert answered(r, "move")["native_iterations"] >= 3


def test_an_exception_after_pops_and_appends_leaves_the_lists_as_cpython_does(tmp_path):
    # a disc out of order deep in the recursion: the native call fails after moving discs in
    # its copies; the interpreter makes the call again, raising where CPython does, and the
    # pegs hold what CPython's moves left in them
    r = jit(tmp_path, HANOI + """
for start in ([3, 1, 2], [5, 4, 3, 1, 2], [6, 5, 4, 3, 2, 1]):
    pegs = [list(start), [], []]
    try:
        print(move(len(start), pegs, 0, 2, 1))
    except ValueError as e:
        print("ValueError", e)
    print(pegs)
move(3, [[2, 3, 1], [], []], 0, 1, 2)
""")
    assert r.got.returncode == 1 and r.got.last_stderr_line == "ValueError: bigger disc on a smaller one"
    row = answered(r, "move")
    assert row["exits"] and row["native_iterations"] >= 1, row       # (calls failed, and one did not)


def test_appends_past_the_room_reserved_and_an_alias_inner_list(tmp_path):
    # appending more than the copy has room for fails the native call (the interpreter
    # makes it); the same inner list twice in the outer one is one record: a pop through
    # one name is seen through the other
    r = jit(tmp_path, """
def grow(k, rows, r):
    if k == 0:
        return 0
    rows[r].append(k * 3)
    if len(rows[r]) > 2:
        rows[(r + 1) % len(rows)].pop()
    return 1 + grow(k - 1, rows, (r + 1) % len(rows))

for k in (5, 40, 300, 30):
    shared = [1, 2]
    rows = [shared, [7], shared]
    print(k, grow(k, rows, 0), rows, rows[0] is rows[2])
""")
    assert answered(r, "grow")["native_iterations"] >= 1


def test_calls_judged_against_cpython_leave_lists_in_lists_alone(tmp_path):
    # the first calls are made again on copies, natively and in CPython, to be timed
    # (_judging_call): copies of the lists in the list too, or the program's inner lists
    # would get every element appended three times
    r = jit(tmp_path, """
def push(k, rows):
    if k == 0:
        return 0
    rows[k % 2].append(k)
    return 1 + push(k - 1, rows)

for k in (3, 4, 5, 6):
    rows = [[], [0]]
    print(push(k, rows), rows)
""")
    assert answered(r, "push")["native_iterations"] >= 2
