"""Methods compiled whole: a method of a module-level class calling itself through
``self`` (``self.solve(n - 1, ...)``), whose object holds numbers and lists of numbers
(docs/jit-data.md, "Methods compiled whole").

Each program runs under CPython and under Tauraro with the JIT (threshold 1); stdout,
exit code and the whole of stderr must match (``jit``). A native call works on a copy of
the object and its lists, written back only when it succeeds: the tests make calls fail
deep in the recursion, rebind methods, shadow them on the object and override them in a
subclass, and print the objects afterwards, as CPython left them.
"""
from test_jit import jit
from test_jit_calls import function_row

TOWER = """
    class Tower:
        def __init__(self, n):
            self.pegs = [list(range(n, 0, -1)), [], []]
            self.moves = 0
            self.biggest = 0
            self.weight = 0.5

        def move(self, src, dst):
            disc = self.pegs[src].pop()
            target = self.pegs[dst]
            if target and target[-1] < disc:
                raise ValueError("disc %d on %d" % (disc, target[-1]))
            target.append(disc)
            self.moves += 1
            self.weight += disc / 4
            if disc > self.biggest:
                self.biggest = disc

        def solve(self, n, src, dst, via):
            if n == 1:
                self.move(src, dst)
                return
            self.solve(n - 1, src, via, dst)
            self.move(src, dst)
            self.solve(n - 1, via, dst, src)
"""


def test_a_recursive_method_runs_natively_and_its_object_is_written_back(tmp_path):
    # many calls of every size (sampled calls are made again on copies: the program's
    # objects see each call once), the object's lists kept as the same lists
    r = jit(tmp_path, TOWER + """
    for n in range(1, 12):
        t = Tower(n)
        pegs = t.pegs
        last = pegs[1]
        t.solve(n, 0, 1, 2)
        print(n, t.moves, t.biggest, t.weight, t.pegs, pegs is t.pegs, last is t.pegs[1])
    """)
    row = function_row(r, "Tower.solve")
    assert row["status"] in ("compiled", "left to the baseline"), row
    assert row["native_iterations"] >= 2


def test_a_failure_deep_in_a_native_call_leaves_the_object_to_cpython(tmp_path):
    # a disc put on a smaller one, 300 moves in: the native call fails, changing nothing;
    # CPython makes the call, moving discs until it raises, with its own traceback
    r = jit(tmp_path, TOWER + """
    for n in range(2, 8):
        t = Tower(n)
        t.solve(n, 0, 2, 1)
        print(t.moves, t.pegs)
    t = Tower(9)
    t.pegs[2].append(3)
    try:
        t.solve(9, 0, 1, 2)
    except ValueError as e:
        print("ValueError", e, t.moves, t.pegs, t.biggest)
    t = Tower(5)
    t.pegs[0].clear()
    t.solve(5, 0, 1, 2)
    """)
    assert function_row(r, "Tower.solve")["native_iterations"] >= 2
    assert "IndexError" in r.expected.stderr


def test_a_method_rebound_or_shadowed_is_the_one_called(tmp_path):
    r = jit(tmp_path, TOWER + """
    def counted_move(self, src, dst):
        print("move", src, dst, self.moves)
        self.moves += 1

    for n in range(1, 9):
        t = Tower(n)
        t.solve(n, 0, 1, 2)
        print(n, t.moves, t.pegs)
    t = Tower(6)
    t.move = lambda src, dst: print("shadowed", src, dst)
    t.solve(3, 0, 1, 2)
    print(t.moves, t.pegs)
    plain = Tower.move
    Tower.move = counted_move
    t = Tower(3)
    t.solve(3, 0, 1, 2)
    print(t.moves, t.pegs)
    Tower.move = plain
    t = Tower(7)
    t.solve(7, 0, 1, 2)
    print(t.moves, t.pegs)
    """)
    assert function_row(r, "Tower.solve")["native_iterations"] >= 2


def test_a_subclass_overriding_the_method_and_one_that_does_not(tmp_path):
    r = jit(tmp_path, TOWER + """
    class Quiet(Tower):
        pass

    class Loud(Tower):
        def solve(self, n, src, dst, via):
            print("solve", n, src, dst)
            Tower.solve(self, n, src, dst, via)

    for n in range(1, 9):
        a = Tower(n)
        a.solve(n, 0, 1, 2)
        b = Quiet(n)
        b.solve(n, 0, 2, 1)
        print(n, a.moves, a.pegs, b.moves, b.pegs, type(b).__name__)
    c = Loud(3)
    c.solve(3, 0, 1, 2)
    print(c.moves, c.pegs)
    """)
    assert function_row(r, "Tower.solve")["native_iterations"] >= 2


def test_slots_counters_and_the_recursion_limit(tmp_path):
    # a class with __slots__; a recursion past the limit raises CPython's RecursionError
    # from the same line, with the same traceback
    r = jit(tmp_path, """
    import sys

    class Walker:
        __slots__ = ("steps", "total", "seen")

        def __init__(self):
            self.steps = 0
            self.total = 0.0
            self.seen = [0] * 8

        def down(self, n):
            if n == 0:
                return 0
            self.steps += 1
            self.total += n * 0.5
            self.seen[n % 8] += 1
            return self.down(n - 1) + 1

    w = Walker()
    for n in range(0, 300, 7):
        print(n, w.down(n), w.steps, w.total, w.seen)
    sys.setrecursionlimit(400)
    w = Walker()
    print(w.down(350), w.steps)
    w.down(5000)
    """)
    assert function_row(r, "Walker.down")["native_iterations"] >= 2
    assert "RecursionError" in r.expected.stderr


def test_a_method_storing_only_into_its_objects_fields_is_written_back(tmp_path):
    # (the write-back after a native call looked at the lists it stored into only: an
    # object with no list, or whose lists were not stored into, kept its old fields)
    r = jit(tmp_path, """
        class C:
            def __init__(self):
                self.n = 0
                self.total = 0.0

            def fib(self, k):
                self.n += 1
                if k < 2:
                    self.total += 0.5
                    return k
                return self.fib(k - 1) + self.fib(k - 2)

        o = C()
        print(o.fib(20), o.n, o.total)
        print([o.fib(15) for x in range(5)][-1], o.n, o.total)
    """)
    row = function_row(r, "C.fib")
    assert row["status"] == "compiled" and row["native_iterations"] >= 5, row


def test_a_method_whose_calls_copy_more_than_they_save_is_given_up(tmp_path):
    # (its calls were never timed in CPython -- a method's prologue passes no function --
    # so it stayed native: 40 us a call copying its object's list, where CPython takes 1)
    r = jit(tmp_path, """
        class Acc:
            def __init__(self, n):
                self.data = [0] * n
                self.count = 0

            def rec(self, i, d):
                self.count += 1
                if d == 0:
                    self.data[i] += 1
                    return 1
                return self.rec(i, d - 1) + self.rec(i + 1, d - 1)

        a = Acc(20000)
        t = 0
        for k in range(300):
            t += a.rec(k % 1000, 2)
        print(t, a.count, sum(a.data))
    """, threshold="50")
    row = function_row(r, "Acc.rec")
    assert row["status"] == "left to the baseline", row


def test_a_recursion_cpython_runs_stops_calling_a_method_whose_copies_outweigh_it(tmp_path):
    # (calls inside a recursion CPython runs are answered natively but not judged: a flood
    # fill copied its grid's lists in and out at each of them, 4 ms a call)
    r = jit(tmp_path, """
        import sys
        sys.setrecursionlimit(20000)

        class Grid:
            def __init__(self, w, h):
                self.w = w
                self.h = h
                self.cells = [1 if (i * 7919) % 100 < 60 else 0 for i in range(w * h)]
                self.seen = [False] * (w * h)
                self.filled = 0

            def fill(self, i, depth):
                if self.seen[i] or self.cells[i] == 0:
                    return 0
                self.seen[i] = True
                self.filled += 1
                n = 1
                x = i % self.w
                if x > 0:
                    n += self.fill(i - 1, depth + 1)
                if x < self.w - 1:
                    n += self.fill(i + 1, depth + 1)
                if i >= self.w:
                    n += self.fill(i - self.w, depth + 1)
                if i + self.w < self.w * self.h:
                    n += self.fill(i + self.w, depth + 1)
                return n

        g = Grid(150, 150)
        sizes = []
        for i in range(150 * 150):
            s = g.fill(i, 0)
            if s:
                sizes.append(s)
        print(len(sizes), max(sizes), g.filled)
    """, threshold="50")
    row = function_row(r, "Grid.fill")
    assert row["status"] == "left to the baseline", row
