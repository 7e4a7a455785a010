"""When the JIT starts (``JitController._start_pays``): starting it costs ~20 ms once per
run (importing the JIT, loading wasmtime, the engine: ``settings.START_SECONDS``), so by default a loop's first trip starts
it only if the work the loop is known to have left is worth that, or once the program has
run that long since its first loop got hot. An explicit ``--jit-threshold`` starts it at
the threshold. The rest of the suite runs with an explicit threshold (tests/conftest.py);
these tests remove it.

Each compares stdout, exit code and the whole of stderr with CPython's, and reads
``--jit-stats-json`` (and ``--jit-stats``) for what the JIT did."""
import json
import marshal
import sys
import textwrap

import pytest

from harness import ROOT, run
from test_jit import Result, jit


@pytest.fixture(autouse=True)
def default_start(monkeypatch):
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)


def default(tmp_path, src, *options):
    return Result(tmp_path, src, *options).same()


SHORT = """
    total = 0
    for i in range(3000):
        total += i * i % 7
    print(total)
"""


def test_a_short_program_does_not_start_the_jit(tmp_path):
    r = default(tmp_path, SHORT)
    row = r.loop(3)
    assert row["status"] == "interpreted" and row["native_iterations"] == 0
    assert "not started" in row["reason"]
    # --jit-stats says why, and no engine was started
    prog = tmp_path / "prog.py"
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-stats", "--no-jit-cache"], prog)
    assert "engine started" not in got.stderr
    assert "the JIT was not started" in got.stderr


def test_a_short_loop_called_often_in_a_short_program_does_not_start_it(tmp_path):
    # (JitController._start_pays) the iterations made since the loop's first trip were read
    # from its iterations left alone: a function's 300-iteration loop, tripping calls later
    # with 289 left, looked to have made 11 iterations in all that time, each ~0.4 ms, and
    # the JIT started in a program of ~5 ms of loop work, which then took twice as long
    r = default(tmp_path, """
        def f(n):
            t = 0
            for i in range(n):
                t += i % 7
            return t
        print(sum(f(300) for _ in range(300)))
    """)
    row = r.loop(4)
    assert row["status"] == "interpreted" and row["native_iterations"] == 0, row
    assert "not started" in row["reason"], row


def test_an_explicit_threshold_starts_it_at_the_threshold(tmp_path):
    r = default(tmp_path, SHORT, "--jit-threshold", "1000")
    row = r.loop(3)
    assert row["status"] == "compiled" and row["native_iterations"] == 2000


def test_the_environments_threshold_counts_as_explicit(tmp_path, monkeypatch):
    monkeypatch.setenv("TAURARO_JIT_THRESHOLD", "1000")
    r = default(tmp_path, SHORT)
    assert r.loop(3)["native_iterations"] == 2000


def test_a_for_loop_with_much_work_left_starts_it_at_its_first_trip(tmp_path):
    r = default(tmp_path, """
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        print(total)
    """)
    row = r.loop(3)
    assert row["status"] == "compiled" and row["entries"] == 1
    # (its first trip, at 1000, estimates the work left from its bytecode, a floor; the
    # next, 200 iterations later, from those iterations' time)
    assert row["interpreted_iterations"] <= 1200


def test_an_outer_loop_with_much_work_left_starts_it_for_a_short_inner_loop(tmp_path):
    # the inner loop's first trip knows only its own few iterations left; the enclosing
    # loop, asked next, knows its own (each with the inner loop's iterations in it)
    r = default(tmp_path, """
        def f(n):
            total = 0
            for i in range(n):
                for j in range(20):
                    total += (i ^ j) % 5
            return total
        print(f(100), f(200_000))
    """)
    outer, inner = r.loop(4), r.loop(5)
    assert outer["status"] == "compiled"
    assert inner["native_iterations"] > 3_000_000


def test_an_enclosing_loop_cut_short_by_its_nested_loop_counts_the_iterations_it_made(tmp_path):
    # a trip of the nested loop cuts the enclosing loop's countdown short (the enclosing
    # loop is the region to try next): its next trip counts the iterations it made, not
    # the countdown it had been set to (it reported 1,000 more than the program ran, and
    # its nested loop's runs, per iteration of it, looked a thousand times too short)
    r = default(tmp_path, """
        def histogram(data, buckets, rounds):
            counts = [0] * buckets
            for r in range(rounds):
                for i in range(len(data)):
                    counts[(data[i] * (r + 1)) % buckets] += 1
            return max(counts), counts[0], counts[-1]
        print(histogram(list(range(500)), 97, 3))
        print(histogram([i * 7919 % 10007 for i in range(20000)], 251, 80))
    """)
    outer = r.loop(4)
    assert outer["status"] == "compiled", outer
    assert outer["native_iterations"] + outer["interpreted_iterations"] == 83, outer


def test_a_nested_loops_trip_while_its_enclosing_loop_runs_as_written(tmp_path):
    # Algorithm X's select: three nested loops in a recursive helper, the enclosing ones
    # given up and run as written, uncounted, while the innermost still trips and asks for
    # the enclosing loop to be tried next: nothing reads the enclosing loop's countdown,
    # which such a run never set (it raised UnboundLocalError of '.d1')
    r = default(tmp_path, """
        def exact_cover_count(X, Y):
            # Algorithm X: X maps each constraint to the set of rows covering it
            count = 0

            def select(r):
                cols = []
                for j in Y[r]:
                    for i in X[j]:
                        for k in Y[i]:
                            if k != j:
                                X[k].discard(i)
                    cols.append(X.pop(j))
                return cols

            def deselect(r, cols):
                for j in reversed(Y[r]):
                    X[j] = cols.pop()
                    for i in X[j]:
                        for k in Y[i]:
                            if k != j:
                                X[k].add(i)

            def search():
                nonlocal count
                if not X:
                    count += 1
                    return
                c = min(X, key=lambda col: (len(X[col]), col))
                for r in sorted(X[c]):
                    cols = select(r)
                    search()
                    deselect(r, cols)

            search()
            return count


        def tiling_problem(w, h):
            shapes = [
                [(0, 0), (1, 0)], [(0, 0), (0, 1)],
                [(0, 0), (1, 0), (0, 1)], [(0, 0), (1, 0), (1, 1)],
                [(0, 0), (0, 1), (1, 1)], [(1, 0), (0, 1), (1, 1)],
            ]
            Y = {}
            for si, shape in enumerate(shapes):
                for y in range(h):
                    for x in range(w):
                        cells = [(x + dx, y + dy) for dx, dy in shape]
                        if all(0 <= cx < w and 0 <= cy < h for cx, cy in cells):
                            Y[(si, x, y)] = [cy * w + cx for cx, cy in cells]
            X = {j: set() for j in range(w * h)}
            for r, cols in Y.items():
                for j in cols:
                    X[j].add(r)
            return X, Y



        for w, h in ((4, 4), (5, 4), (6, 4)):
            X, Y = tiling_problem(w, h)
            print(w, h, exact_cover_count(X, Y))
    """)
    assert r.got.returncode == 0


def test_a_loop_that_waited_for_the_start_trips_early_in_its_runs_after_it(tmp_path):
    # the warm-up's trips find the JIT not started and little work left: the loop is given
    # a long countdown to its next trip. Once another loop has started the JIT, its next
    # run trips early (START_RECHECK), not after the rest of that countdown as written
    r = default(tmp_path, """
        def work(n):
            t = 0
            for i in range(n):
                t += i * i % 7
            return t
        print(work(3000))
        total = 0
        for i in range(3_000_000):
            total += i % 3
        print(total)
        print(work(200_000))
    """)
    assert r.loop(9)["status"] == "compiled"
    row = r.loop(4)
    assert row["status"] == "compiled" and row["interpreted_iterations"] < 4000, row


def test_a_loop_whose_work_left_pays_for_its_copy_at_the_floor_is_not_timed_first(tmp_path):
    # 60,000 windows of 24 cells left, by the floor of what a cell costs, pay many times
    # over for copying the 60,000 floats in: the window loop enters at its next trip,
    # without running ~MEASURE_SECONDS of its iterations as written to time them first
    # (its nested loop, whose warm-up runs were short, left to the baseline: it no longer
    # trips, so nothing cuts that wait short. The list is made without a loop, and the
    # warm-up is short: the JIT starts at the big loop's first trip, not in the warm-up --
    # under load, 20 ms after the first hot loop -- where the window loop's small work
    # would make its compile wait, COMPILE_PAYBACK's, into the big run)
    r = default(tmp_path, """
        def windows(xs, w):
            best = -1e300
            for i in range(len(xs) - w + 1):
                s = 0.0
                for k in range(i, i + w):
                    s += xs[k]
                best = max(best, s)
            return best
        xs = list(map(lambda i: (i * 7919 % 10007) * 0.25, range(60000)))
        print(windows(xs[:300], 16))
        total = 0
        for i in range(3_000_000):
            total += i % 3
        print(total)
        print(windows(xs, 24))
    """)
    row = r.loop(4)
    assert row["status"] == "compiled" and row["interpreted_iterations"] < 1000, row


def test_a_loop_whose_work_would_not_pay_for_its_compile_is_not_compiled(tmp_path):
    # the JIT is running; a loop of 3,000 light iterations in all (~0.1 ms at the floor of
    # their cost) would save less than its compile costs (~2-3 ms): it stays the baseline's
    r = default(tmp_path, """
        def small(xs):
            t = 0
            for x in xs:
                t += x * 3 % 7
            return t
        total = 0
        for i in range(3_000_000):
            total += i % 3
        print(total)
        print(small(list(range(3000))))
    """)
    assert r.loop(8)["status"] == "compiled"
    row = r.loop(4)
    assert row["status"] == "interpreted" and "not compiled yet" in row["reason"], row
    assert row["compile_ms"] == 0, row


def test_a_loop_of_short_runs_waiting_to_pay_for_its_compile_does_not_trip_at_every_run(tmp_path):
    # 80 iterations a call: until its work pays for a compile, a trip at every run (each
    # ~10-50 us) would cost more than the run; its next trip comes after the work it must
    # still do, at the floor of its cost (matrix_lists.py's lu_solve tripped ~1,200 times)
    from harness import launched
    got, expected = launched(tmp_path, (
        "import atexit, collections\n"
        "from tauraro.jit import controller as C\n"
        "trips = collections.Counter()\n"
        "def counted(trip):\n"
        "    def wrapper(self, st, *args, **kw):\n"
        "        trips[st.line] += 1\n"
        "        return trip(self, st, *args, **kw)\n"
        "    return wrapper\n"
        "C.JitController.trip = counted(C.JitController.trip)\n"
        "atexit.register(lambda: sys.stderr.write('trips %d\\n' % trips[3]))\n"), (
        "def solve(xs):\n"
        "    t = 0\n"
        "    for x in xs:\n"
        "        t += x * 3 % 7\n"
        "    return t\n"
        "total = 0\n"
        "for i in range(3_000_000):\n"
        "    total += i % 3\n"
        "print(total)\n"
        "xs = list(range(80))\n"
        "s = 0\n"
        "for k in range(3000):\n"
        "    s += solve(xs)\n"
        "print(s)\n"))
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    trips = int(got.stderr.split("trips ")[1])
    assert 0 < trips < 50, got.stderr


def test_one_big_compile_does_not_make_small_loops_wait_for_as_much_work(tmp_path):
    # what a compile is expected to cost is the run's median, at most COMPILE_SECONDS: one
    # big region's compile (raytracer.py's render, 78 ms with its inlined calls) left the
    # program's small loops waiting for 78 ms of work each. Here the run's first compile is
    # made to look half a second long; a loop of ~4 ms of work still compiles
    from harness import launched
    got, expected = launched(tmp_path, (
        "from tauraro.jit import controller as C\n"
        "made = C.JitController.__init__\n"
        "def init(self, *args, **kw):\n"
        "    made(self, *args, **kw)\n"
        "    self.compile_times.append(0.5)\n"
        "C.JitController.__init__ = init\n"), (
        "def work(xs):\n"
        "    t = 0\n"
        "    for x in xs:\n"
        "        t += x * 3 % 7\n"
        "    return t\n"
        "total = 0\n"
        "for i in range(3_000_000):\n"
        "    total += i % 3\n"
        "print(total)\n"
        "print(work(list(range(300_000))))\n"), "--jit-stats")
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    assert "prog.py:3 for loop in work: compiled" in got.stderr, got.stderr


def test_a_while_loop_starts_it_once_the_program_has_run_long_enough(tmp_path):
    # a while loop's work left is not known: the JIT starts once the program has spent
    # as long as starting it costs since its first loop got hot
    r = default(tmp_path, """
        def collatz_steps(n):
            steps = 0
            k = 1
            while k < n:
                x = k
                while x != 1:
                    x = x // 2 if x % 2 == 0 else 3 * x + 1
                    steps += 1
                k += 1
            return steps
        print(collatz_steps(300_000))
    """)
    outer = r.loop(5)
    assert outer["status"] == "compiled"
    assert outer["native_iterations"] > 150_000


def test_a_small_for_loop_after_that_time_is_not_compiled_for_it(tmp_path):
    # the program's time since its first hot loop lets any trip start the JIT, but the
    # for loop whose trip it is must still be worth its first compile (_compile_wait): a
    # count over a small grid after a long loop of draws from a Random (not compiled)
    # started the JIT and compiled, chaos_game.py's canvas count. (The draws take ~50 ms of
    # CPU time, past START_SECONDS' 20)
    r = default(tmp_path, """
        import random

        def draws(rng, n):
            s = 0.0
            for _ in range(n):
                s += rng.random()
            return s

        def occupied(grid):
            n = 0
            for row in grid:
                for c in row:
                    if c:
                        n += 1
            return n

        print(round(draws(random.Random(3), 1_000_000), 3))
        grid = [[(i * j) % 3 for j in range(100)] for i in range(25)]
        print(occupied(grid))
    """)
    inner = r.loop(13)
    assert inner["versions"] == 0 and "not compiled yet" in inner["reason"], inner
    prog = tmp_path / "prog.py"
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-stats", "--no-jit-cache"], prog)
    assert "engine started" not in got.stderr, got.stderr


def test_comprehensions_run_again_and_again_start_it_too(tmp_path):
    # each run of the comprehension knows only its own length: the JIT starts once the
    # program has run long enough since the comprehension got hot
    r = default(tmp_path, """
        def f(n, k):
            base = 7
            return [i * k + base for i in range(n) if i % 3]
        t = 0
        for rep in range(200):
            a = f(30000, rep)
            t += len(a) + a[-1]
        print(t)
    """)
    assert r.loop(4)["native_iterations"] >= 30000


def test_the_enclosing_loop_is_timed_by_its_iterations_left_and_starts_it(tmp_path):
    # the inner loop's trips come every few iterations of the outer one, cutting its
    # countdowns short: the outer loop's iterations are timed by how many it has left,
    # and it, not the inner loop entered alone, is the region the JIT starts with
    r = default(tmp_path, """
        class P:
            def __init__(self, x, v):
                self.x = x
                self.v = v

            def step(self, dt):
                self.x += self.v * dt
                if self.x > 10.0 or self.x < -10.0:
                    self.v = -self.v
                return self.x

        def run(ps, steps):
            total = 0.0
            for s in range(steps):
                for i in range(len(ps)):
                    total += ps[i].step(0.01)
            return total

        ps = list(map(lambda k: P(k * 0.01, (k % 7) - 3.0), range(2000)))
        print(repr(run(ps, 2)), repr(run(ps, 1000)))
    """)
    # (the particles are made by map, not a comprehension: a comprehension would be the
    # first loop to get hot, and the program's time since then, not the loops' work, could
    # start the JIT at an inner loop's trip: 17-28 ms of the ~30 ms start under load, 3.13)
    outer, inner = r.loop(15), r.loop(16)
    assert outer["status"] == "compiled" and outer["native_iterations"] > 250, (outer["reason"], outer)
    assert inner["status"] == "interpreted" and inner["native_iterations"] > 500_000, inner


def test_a_table_filled_row_by_row_is_copied_once_for_the_whole_nest(tmp_path):
    # the row loop's trips weigh copying the tables against its rows left times each row's
    # work, timed in the baseline (JitController._measure): it is entered at most once, and
    # the tables copied in at most once. (Each cell does enough work for that to pay: copying an int
    # in and out costs ~75 ns, more than a cell of a plain minimum path's takes, and a
    # table of those is left to the baseline.)
    r = default(tmp_path, """
        def min_path(grid):
            rows, cols = len(grid), len(grid[0])
            dp = [[0] * cols for _ in range(rows)]
            dp[0][0] = grid[0][0]
            for j in range(1, cols):
                dp[0][j] = dp[0][j - 1] + grid[0][j]
            for i in range(1, rows):
                dp[i][0] = dp[i - 1][0] + grid[i][0]
                for j in range(1, cols):
                    up = dp[i - 1][j]
                    left = dp[i][j - 1]
                    cost = grid[i][j] * 3 + (i ^ j) % 7 + (grid[i][j - 1] & 15) + (i * j) % 11 + (up >> 4) % 5
                    cost = cost + (cost >> 2) % 9 + (left & 7) * (j % 3) + (up ^ left) % 13 - (cost % 6)
                    dp[i][j] = (up if up < left else left) + cost
            return dp[-1][-1]

        grid = [[(i * 7919 + j * 104729) % 97 for j in range(1000)] for i in range(1500)]
        print(min_path(grid))
    """)
    outer, inner = r.loop(8), r.loop(10)
    # (entered at most once, never the row loop alone: whether entering pays is close --
    # copying a table of ints in and out costs about what CPython spends on a pass over it
    # -- and under load the timing may refuse the entry, as in CI once; when entered, the
    # whole nest runs natively and the exit judges)
    assert outer["entries"] <= 1 and inner["entries"] == 0, (outer, inner)
    if outer["entries"]:
        assert outer["native_iterations"] > 500 and inner["native_iterations"] > 400_000, (outer, inner)


# the best sum over combinations: the outer loop (over itertools.combinations) is the
# baseline's for good; the inner loop runs over each combination (``{inner}``)
COMBINATIONS = """
    import itertools

    def best(values, k):
        top = 0
        for combo in itertools.combinations(values, k):
            s = 0
            for v in {inner}:
                s += v * v % 7
            if s > top:
                top = s
        return top

    print(best(list(range({n})), 7))
"""


def test_an_inner_loop_whose_enclosing_loop_is_not_compiled_starts_it_itself(tmp_path):
    # the first trip that would start the JIT leaves it to the enclosing loop, once, and
    # the inner loop, asked again, starts the JIT and is compiled (it tripped tens of
    # thousands of times before); its runs are 42 iterations, long enough to enter
    r = default(tmp_path, COMBINATIONS.format(inner="combo * 6", n=20))
    inner = r.loop(8)
    assert inner["status"] != "interpreted" and inner["entries"] > 0, (inner["reason"], inner)


def test_a_loop_of_short_runs_is_left_to_the_baseline_uncompiled(tmp_path):
    # its trips find few iterations left (7, a combination's): entering could not pay, and
    # it is given up on before it is compiled (JitController._short_runs); it compiled,
    # entered 8 times and was given up on after them (6.8 native iterations an entry)
    r = default(tmp_path, COMBINATIONS.format(inner="combo", n=24))
    inner = r.loop(8)
    assert inner["status"] == "left to the baseline" and "too short" in inner["reason"], inner
    assert inner["entries"] == 0 and inner["versions"] == 0 and inner["compile_ms"] == 0, inner


def test_a_loop_of_short_runs_still_enters_under_an_explicit_threshold(tmp_path):
    r = default(tmp_path, """
        def total(rows):
            t = 0
            for row in rows:
                for v in row:
                    t += v * v % 7
            return t

        rows = [list(range(k % 5 + 1)) for k in range(20000)]
        print(sum(total(rows[i:i + 1]) for i in range(0, 20000)))
    """, "--jit-threshold", "100")
    inner = r.loop(5)
    assert inner["entries"] > 0, inner


def _imported(got) -> set:
    """The modules a run under ``-X importtime`` imported, from its stderr."""
    return {line.rsplit("|", 1)[-1].strip() for line in got.stderr.splitlines() if "|" in line}


def test_a_loop_stopping_at_its_typing_does_not_import_the_later_stages(tmp_path):
    # the inference refuses the loop (a method of an object it does not compile): the
    # recorder, passes, emitter, copying and wasmtime's bindings are never imported
    src = textwrap.dedent("""
        import random
        rng = random.Random(5)
        total = 0
        for i in range(300000):
            total += rng.randrange(10)
        print(total)
    """)
    prog = tmp_path / "prog.py"
    prog.write_text(src)
    stats = tmp_path / "stats.json"
    got = run([sys.executable, "-X", "importtime", "-m", "tauraro", "run", "--jit-threshold", "100",
               "--jit-stats-json", str(stats)], prog)
    row = [r for r in json.loads(stats.read_text()) if r["line"] == 5][0]
    assert row["status"] == "not compiled" and "Random" in row["reason"], row
    imported = _imported(got)
    assert "tauraro.jit.controller" in imported
    later = {"tauraro.jit.emit", "tauraro.jit.transfer", "tauraro.jit.native", "tauraro.jit.ir.record"}
    assert not later & imported, later & imported


def _compiled_loop_imports(tmp_path, *options, runs=1) -> set:
    """The modules the last of ``runs`` runs of a program with one hot loop imported (its
    loop checked to have run natively)."""
    prog = tmp_path / "prog.py"
    prog.write_text(textwrap.dedent("""
        total = 0
        for i in range(300000):
            total += i * i % 7
        print(total)
    """))
    stats = tmp_path / "stats.json"
    for _ in range(runs):
        got = run([sys.executable, "-X", "importtime", "-m", "tauraro", "run", "--jit-threshold", "100",
                   *options, "--jit-stats-json", str(stats)], prog)
    assert got.returncode == 0 and got.stdout == "%d\n" % sum(i * i % 7 for i in range(300000))
    row = [r for r in json.loads(stats.read_text()) if r["line"] == 3][0]
    assert row["status"] == "compiled" and row["native_iterations"] > 290000, row
    return _imported(got)


def test_a_compiled_loop_imports_neither_platform_nor_random(tmp_path):
    # (platform compiles its regexes at import, ~4-9 ms; native code needs only the
    # machine's name, os.uname's; random only the libm check uses)
    imported = _compiled_loop_imports(tmp_path, "--no-jit-cache")
    assert "tauraro.jit.native" in imported
    assert not {"platform", "random"} & imported, {"platform", "random"} & imported


def test_a_start_from_the_code_cache_imports_neither_ast_nor_the_instrumenter(tmp_path):
    # (the program's instrumented code comes from the cache on its second run: what the
    # hooks and the loader need of the instrumenter is in tauraro.vm.placeholders, and
    # importing ast and the instrumenter cost ~4 ms of every start)
    prog = tmp_path / "prog.py"
    prog.write_text(textwrap.dedent("""
        total = 0
        for i in range(300):
            total += i * i % 7
        print(total)
    """))
    for _ in range(2):
        got = run([sys.executable, "-X", "importtime", "-m", "tauraro", "run"], prog)
    assert got.returncode == 0 and got.stdout == "%d\n" % sum(i * i % 7 for i in range(300))
    imported = _imported(got)
    assert "tauraro.vm.hooks" in imported
    assert not {"ast", "tauraro.vm.instrument"} & imported, {"ast", "tauraro.vm.instrument"} & imported


def test_runs_about_to_end_are_not_entered(tmp_path):
    # (JitController._run_ending) 400 rows of 2000 cells, then 3000 rows of one: the row
    # loop, compiled for the long rows, entered each of the short ones too (an entry of
    # ~40 us for one iteration); they run as written now
    r = default(tmp_path, """
        def make(rows, cols):
            grid = []
            s = 1
            for i in range(rows):
                row = []
                for j in range(cols):
                    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                    row.append(s % 9)
                grid.append(row)
            return grid

        g = make(400, 2000)
        h = make(3000, 1)
        print(sum(map(sum, g)), sum(r[0] for r in h), len(h))
    """)
    row = r.loop(7)
    assert row["native_iterations"] > 400000, row      # (half: the start waits for timings, longer under load)
    assert row["entries"] < 600, row


def test_a_loop_with_loops_nested_in_it_trips_often_enough_while_the_jit_waits(monkeypatch):
    # while the JIT is not started, a loop's next trip comes after about
    # START_CHECK_SECONDS of its iterations, at least twice as many each time; a loop
    # nesting others counts at most NESTING_START_MOST: its iterations cost what its nested
    # runs do, and those grow (nested_loops.py: a warm-up's 12-cell rows had its row loop
    # count 6400 iterations, which matmul(230)'s 230-cell rows took 160 ms to run)
    from types import SimpleNamespace

    from tauraro.jit import controller as C
    J = C.JitController
    monkeypatch.setattr(J, "_seconds_per_iteration", lambda self, st: 1e-7)
    c = J.__new__(J)
    c.created = C.time.process_time()
    c.start_seconds = 3600.0

    def trips(nests):
        st = SimpleNamespace(nests=nests, first_trip=None, interpreted_iterations=0, work_hint=0,
                             start_countdown=C.START_COUNTDOWN, reason="")
        seen = []
        for _ in range(12):
            assert not c._start_pays(st, None)
            st.interpreted_iterations += st.start_countdown
            seen.append(st.start_countdown)
        return seen
    assert max(trips(True)) == C.NESTING_START_MOST
    assert max(trips(False)) > 8 * C.NESTING_START_MOST


def test_a_nested_loop_grown_after_a_small_warm_up_gives_cpythons_results(tmp_path):
    default(tmp_path, """
        def matmul(a, b, n):
            c = [0] * (n * n)
            for i in range(n):
                for j in range(n):
                    s = 0
                    for k in range(n):
                        s += a[i * n + k] * b[k * n + j]
                    c[i * n + j] = s
            return sum(c) % 1000003

        def make(n, seed):
            return [(i * seed + 7) % 19 - 9 for i in range(n * n)]

        print(matmul(make(10, 3), make(10, 5), 10))
        print(matmul(make(90, 3), make(90, 5), 90))
    """)


def test_a_compiled_loop_whose_register_code_is_kept_imports_no_compiler(tmp_path):
    # (the register code of a file whose loop got hot is kept on disk: a second run's JIT
    # loads it, and imports neither the register compiler nor the ast and symtable it
    # needs, ~7 ms); nor the pickle module, whose C half (_pickle) reads it: ~3 ms more
    imported = _compiled_loop_imports(tmp_path, runs=2)
    assert "tauraro.vm.register_cache" in imported
    unwanted = {"tauraro.compiler.compiler", "ast", "symtable", "pickle"}
    assert not unwanted & imported, unwanted & imported


def _compiled_sources(tmp_path, prog, runs):
    """What the last of ``runs`` runs of ``prog`` compiled (compile()'s audit event), as
    (filename, hash of the source) pairs, but Tauraro's own modules (their .pyc is not
    written under the suite) and the ``__new__`` of its named tuples (which
    collections.namedtuple compiles); and its stdout, stderr and exit code."""
    launcher = tmp_path / "launch.py"
    launcher.write_text(textwrap.dedent("""
        import sys, zlib
        compiled = []
        def audit(event, args):
            if event != "compile":
                return
            src = args[0]
            if not (isinstance(src, bytes) and src.startswith(b"lambda _cls, ")):
                text = src.encode() if isinstance(src, str) else src if isinstance(src, bytes) else b"(ast)"
                compiled.append((str(args[1]), zlib.crc32(text)))
        sys.addaudithook(audit)
        import atexit
        atexit.register(lambda: sys.stderr.write("compiled: %r\\n" % compiled))
        sys.argv = ["tauraro", "run"] + sys.argv[1:]
        from tauraro.cli.main import entry
        entry()
    """))
    for _ in range(runs):
        got = run([sys.executable, str(launcher)], prog)
    line = [l for l in got.stderr.splitlines() if l.startswith("compiled: ")][0]
    compiled = eval(line[len("compiled: "):])
    return [c for c in compiled if not c[0].startswith(str(ROOT / "tauraro"))], got


def test_a_second_run_compiles_none_of_the_code_the_jit_generated_in_the_first(tmp_path, monkeypatch):
    # (a compiled loop's entry and exits, a compiled function's checks: Python code
    # generated as the program runs, the same text run after run, compiled once and kept
    # under the cache's code/ -- compile() took 0.3 ms a text, 2.5 ms the process's first.
    # Which texts a run generates may vary with its timed decisions: none is compiled twice)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    prog = tmp_path / "prog.py"
    prog.write_text(textwrap.dedent("""
        def fill(xs, n):
            for i in range(n):
                xs.append(i * 3 % 7)
            return xs

        def step(a, b):
            return a * 31 + b

        total = 0
        for k in range(20000):
            total = step(total, k) % 1000003
        print(sum(fill([], 300000)), total)
    """))
    expected = "%d %d\n" % (sum(i * 3 % 7 for i in range(300000)), _steps())
    first, got = _compiled_sources(tmp_path, prog, 1)
    assert got.returncode == 0 and got.stdout == expected, got.stderr
    generated = [c for c in first if c[0].startswith("<tauraro")]
    assert any(name.startswith("<tauraro transfer") for name, _ in generated), first
    second, got = _compiled_sources(tmp_path, prog, 1)
    assert got.returncode == 0 and got.stdout == expected, got.stderr
    assert not set(second) & set(first), (second, first)


def test_generated_code_is_compiled_once_and_kept_with_its_text(tmp_path, monkeypatch):
    from tauraro import cache
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("TAURARO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_compiled", {})
    compiles = []
    real = compile
    monkeypatch.setattr("builtins.compile", lambda *a, **k: compiles.append(a[:3]) or real(*a, **k))
    text = "def f(x):\n    return x * 3 + 1\n"
    ns = {}
    exec(cache.compiled(text, "<gen f>"), ns)
    assert ns["f"](4) == 13 and ns["f"].__code__.co_filename == "<gen f>"
    assert compiles == [(text, "<gen f>", "exec")]
    kept = list((tmp_path / "tauraro" / "code").rglob("*.gen"))
    assert len(kept) == 1
    # another process (the memo empty): read from the file, not compiled -- its file name
    # the caller's str object, in the code objects nested in it too, as compile() leaves
    # it (CPython's traceback collapses a recursion's frames only while their code's file
    # names are one object: tests/programs/frame_recursion_uncaught.py)
    monkeypatch.setattr(cache, "_compiled", {})
    name = "".join(["<gen", " f>"])
    code = cache.compiled(text, name)
    assert len(compiles) == 1 and code.co_consts[:1] == real(text, "<gen f>", "exec").co_consts[:1]
    fresh = real(text, name, "exec")       # (3.13 interns it: the interned str, then)
    assert code.co_filename is fresh.co_filename and code.co_consts[0].co_filename is fresh.co_filename
    assert eval(cache.compiled("3 * 7", "<gen e>", "eval")) == 21 and len(compiles) == 2
    # a file whose text is not the one asked for (another text's under the same name, or
    # one changed on disk) is not used: the text is compiled again, and kept
    magic, name, mode, kept_text, kept_code = marshal.loads(kept[0].read_bytes())
    kept[0].write_bytes(marshal.dumps((magic, name, mode, kept_text + "\n", real("1", "<x>", "exec"))))
    monkeypatch.setattr(cache, "_compiled", {})
    ns = {}
    exec(cache.compiled(text, "<gen f>"), ns)
    assert ns["f"](4) == 13 and len(compiles) == 3
    # with the caches off: compiled, nothing written
    monkeypatch.setenv("TAURARO_CACHE", "0")
    monkeypatch.setattr(cache, "_compiled", {})
    assert eval(cache.compiled("2 + 2", "<gen g>", "eval")) == 4 and len(compiles) == 4
    assert len(list((tmp_path / "tauraro" / "code").rglob("*.gen"))) == 2


def _steps():
    total = 0
    for k in range(20000):
        total = (total * 31 + k) % 1000003
    return total


def test_a_start_from_the_code_cache_compiles_no_source(tmp_path):
    # (the first compile() of a process makes the C-level ast's ~120 types, ~2 ms: the
    # start's recursion-depth probe is a function's code, and the program's code comes from
    # the cache; what compiles is only Tauraro's own modules where their .pyc is not written)
    launcher = tmp_path / "launch.py"
    launcher.write_text(textwrap.dedent("""
        import sys
        compiled = []
        sys.addaudithook(lambda event, args: compiled.append(str(args[1])) if event == "compile" else None)
        import atexit
        atexit.register(lambda: sys.stderr.write("compiled: %r\\n" % compiled))
        sys.argv = ["tauraro", "run"] + sys.argv[1:]
        from tauraro.cli.main import entry
        entry()
    """))
    prog = tmp_path / "prog.py"
    prog.write_text("import sys\nprint(sys.getrecursionlimit())\n")
    for _ in range(2):
        got = run([sys.executable, str(launcher)], prog)
    assert got.returncode == 0 and got.stdout == "1000\n", got.stderr
    line = [l for l in got.stderr.splitlines() if l.startswith("compiled: ")][0]
    compiled = eval(line[len("compiled: "):])
    assert [c for c in compiled if not c.startswith(str(ROOT / "tauraro"))] == [], compiled


EDIT_DISTANCE = """
    def edit_distance(a, b):
        n = len(a)
        m = len(b)
        d = [[0] * (m + 1) for _ in range(n + 1)]
        for i in range(n + 1):
            d[i][0] = i
        for j in range(m + 1):
            d[0][j] = j
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                cost = 0 if a[i - 1] == b[j - 1] else 1
                best = d[i - 1][j] + 1
                if d[i][j - 1] + 1 < best:
                    best = d[i][j - 1] + 1
                if d[i - 1][j - 1] + cost < best:
                    best = d[i - 1][j - 1] + cost
                d[i][j] = best
        return d[n][m]

    def sequence(n, seed):
        x = seed
        out = []
        for _ in range(n):
            x = (x * 1103515245 + 12345) % 2147483648
            out.append(x % 4)
        return out

    print(edit_distance(sequence(50, 1), sequence(40, 2)))
    print(edit_distance(sequence(1400, 3), sequence(1300, 4)))
"""


def test_a_row_loop_timed_over_small_rows_weighs_its_big_rows_by_them(tmp_path):
    # its warm-up's 40-cell rows timed it at ~8 us an iteration, and its 1300-cell rows left
    # looked worth ~11 ms, about what the table costs to copy: refused as often as not (and
    # given up), 0.26 or 0.61 s of grid_dp.py's loop time from run to run. An iteration of a
    # loop with loops in it is weighed by what its nested loops' runs now cost too
    # (JitController._work_seconds). Three runs: each must enter the row loop.
    for k in range(3):
        run_dir = tmp_path / str(k)
        run_dir.mkdir()
        r = default(run_dir, EDIT_DISTANCE)
        row = r.loop(10)
        assert row["entries"] >= 1 and row["native_iterations"] > 1000, (k, row)


TOTAL = """
    def total(n, k):
        s = 0
        for i in range(n):
            s += i * k % 7
        return s


    acc = 0
    for c in range(CALLS):
        acc += total(RUN, c)
    print(acc)
"""


def test_a_short_scalar_loop_called_often_stops_entering_at_each_call(tmp_path):
    # (JitController._run_ending, by LoopState.entry_least) a 200-iteration loop in a
    # function called 20,000 times entered at every call, a round trip from the hook worth
    # more than the run's ~5 us of work: 3.8x slower than CPython. Its runs go on as
    # written now (and the loop sleeps: JitController._not_entered)
    row = default(tmp_path, TOTAL.replace("CALLS", "20000").replace("RUN", "200")).loop(4)
    assert row["entries"] < 400, row


def test_a_long_scalar_loop_run_from_a_function_enters_at_each_call(tmp_path):
    # (a run of 5000 iterations pays for the round trip that one of 200 does not)
    row = default(tmp_path, TOTAL.replace("CALLS", "400").replace("RUN", "5000")).loop(4)
    assert row["entries"] > 300 and row["native_iterations"] > 300 * 4000, row


def test_runs_too_short_between_long_ones_do_not_put_the_long_ones_to_sleep(tmp_path):
    # (JitController._run_refused) 39 calls in 40 too short for a round trip, the 40th
    # long: the short runs' refusals, at their cost, stay under what the last long run's
    # entry saved, and the loop does not sleep through the long runs (they ran as written,
    # 4x slower than entered)
    src = TOTAL.replace("total(RUN, c)", "total(50000 if c % 40 == 0 else 200, c)")
    row = default(tmp_path, src.replace("CALLS", "2000")).loop(4)
    assert row["native_iterations"] > 25 * 50000, row
    # (refused before the hook reads their registers, the short runs go on as written:
    # JitController.refuses_run. Which of the 1,950 short runs are so refused depends on
    # measured times: 817 in one CI run on a loaded machine, more than 1,000 usually)
    assert row["runs_as_written"] > 500, row


def test_short_runs_of_a_loop_copying_records_stop_entering_once_timed(tmp_path):
    # (JitController._run_ending, a version copying a str and a dict in) a character count
    # into a dict, compiled for a long text, then called on 600 pieces of 300 characters:
    # its iterations estimated at ~110 ns for the call of dict.get, ~45 as written, each
    # piece was entered, ~65 us a round trip for ~15 us of work, 2-4x slower than CPython.
    # Its entries are judged near the estimate, so its iterations are timed, and runs
    # that short go on as written
    row = default(tmp_path, """
        def frequencies(text):
            freq = {}
            for ch in text:
                freq[ch] = freq.get(ch, 0) + 1
            return freq

        s = 7
        chars = []
        for i in range(1500000):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            chars.append(chr(97 + (s >> 8) % 26 * (s >> 16) % 26 // 25))
        big = "".join(chars)
        f = frequencies(big)
        total = 0
        for k in range(600):
            total += sum(frequencies(big[k * 200:k * 200 + 300]).values())
        print(sorted(f.items())[:5], total)
    """).loop(4)
    assert row["native_iterations"] >= 1000000, row
    assert row["entries"] < 100, row


SORTS = """
    def numbers(n, seed):
        x = seed
        out = [0] * n
        for i in range(n):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            out[i] = x % 10000
        return out

    def lis_length(a):
        n = len(a)
        best = [1] * n
        longest = 1
        for i in range(1, n):
            bi = 1
            ai = a[i]
            for j in range(i):
                if a[j] < ai and best[j] + 1 > bi:
                    bi = best[j] + 1
            best[i] = bi
            if bi > longest:
                longest = bi
        return longest

    def insertion_sort(a):
        for i in range(1, len(a)):
            x = a[i]
            j = i - 1
            while j >= 0 and a[j] > x:
                a[j + 1] = a[j]
                j -= 1
            a[j + 1] = x
        return a[:3], a[-3:]
"""


def test_a_nested_loop_tripping_first_leaves_its_compile_to_the_enclosing_loop(tmp_path):
    # the JIT runs already (the earlier loops'): the sort's shifting loop trips first, and
    # leaves it to the outer loop, tried at its next header, which compiles both. (It was
    # compiled alone first, entered once and thrown away: ~1.5 ms of a compile)
    r = default(tmp_path, SORTS + """
    warm = (lis_length(numbers(300, 1)), insertion_sort(numbers(300, 2)))
    a1 = numbers(1500, 11)
    a2 = numbers(2000, 12)
    print(warm, lis_length(a1), insertion_sort(a2))
""")
    outer, inner = r.loop(26), r.loop(29)
    assert outer["entries"] >= 1 and outer["native_iterations"] > 1900, outer
    assert inner["versions"] == 0 and inner["native_iterations"] > 900000, inner


def test_a_loop_with_loops_in_it_judged_on_small_runs_is_judged_again_on_long_ones(tmp_path):
    # the outer loop of a 3,000-int insertion sort, judged at its first runs, where the
    # shifting loop's runs are short, would not pay for a compile, and waited 5,000
    # iterations: the whole sort ran as written (its shifting loop given up as too short
    # alone). It trips again sooner now, times its iterations with their nested runs, and
    # compiles
    r = default(tmp_path, SORTS + """
    d = numbers(200000, 14)
    print(insertion_sort(numbers(3000, 12)), sum(d))
""")
    outer = r.loop(26)
    assert outer["entries"] >= 1 and outer["native_iterations"] > 1500, outer


def test_the_resume_interpreter_is_not_imported_until_native_code_has_run(tmp_path):
    # (hooks._bind_resume: a program whose loops trip but never enter -- here one over a
    # generator, which no native code takes -- does without the resume interpreter's
    # imports, ~1.5-3 ms of its first trip; CPython has none of Tauraro's modules, and the
    # program sees none of them missing)
    jit(tmp_path, """
        import sys

        def gen(n):
            for i in range(n):
                yield i

        t = 0
        for x in gen(5000):
            t += x
        print(t, "tauraro.vm.resume" in sys.modules)
    """)


def test_a_hot_function_found_not_to_compile_by_its_typing_does_not_start_it(tmp_path):
    # a recursive function returning objects is typed when its calls get hot, and found not
    # to compile (it returns through no native path): the JIT's later stages are imported
    # and its engine started only once a function has typed (functions.compile_function),
    # not for this one (binary_trees.py's tree builders: ~30-40 ms for nothing)
    r = default(tmp_path, """
        class Node:
            def __init__(self, left, right):
                self.left = left
                self.right = right

        def make(depth):
            if depth == 0:
                return Node(None, None)
            return Node(make(depth - 1), make(depth - 1))

        def count(node):
            if node.left is None:
                return 1
            return 1 + count(node.left) + count(node.right)

        print(sum(count(make(d)) for d in range(4, 15)))
    """)
    row = next(row for row in r.rows if row.get("function") == "make" and row["kind"] == "function")
    assert row["status"] == "not compiled" and "returns" in row["reason"], row
    prog = tmp_path / "prog.py"
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-stats", "--no-jit-cache"], prog)
    assert "function make: not compiled" in got.stderr and "engine started" not in got.stderr, got.stderr


def test_a_module_level_nest_with_little_work_left_does_not_start_it_late(monkeypatch):
    # once the program has run START_SECONDS since its first hot loop, any trip may start
    # the JIT -- but not a trip in a loop nest of module-level code whose outermost loop's
    # work left is known and would not pay for the start: that code runs once
    # (short_norms.py's last rounds started the JIT, ~50 ms, in a 45 ms program); a
    # function's loop, which may run again at every call, still starts it
    from types import SimpleNamespace

    from tauraro.compiler.code import LoopInfo
    from tauraro.jit import controller as C
    J = C.JitController
    monkeypatch.setattr(J, "_seconds_per_iteration", lambda self, st: 1e-6)
    c = J.__new__(J)
    c.start_seconds = 0.02
    c.created = C.time.process_time() - 1.0         # (the program has run a second since)
    c.loops = {}

    def state(kind, nested=False):
        outer = LoopInfo(0, "for", 3, 10, 40, -1, target=5)
        inner = LoopInfo(1, "for", 4, 15, 30, 0, target=6)
        code = type("Code", (), {"kind": kind, "loops": [outer, inner]})()
        st = SimpleNamespace(code=code, loop=inner if nested else outer, nests=False, first_trip=None,
                             interpreted_iterations=0, work_hint=0, dead=False,
                             start_countdown=C.START_COUNTDOWN, reason="")
        r = [None] * 8
        return st, r
    # 50 iterations left at 1 us: 50 us of work, against a 20 ms start
    st, r = state("module")
    assert c._start_pays(st, 50, r) is False
    assert "would not pay for its start" in st.reason
    # with 50,000 left, 50 ms, it starts
    st, r = state("module")
    assert c._start_pays(st, 50_000, r)
    # a function's loop may run again: the program's time starts it
    st, r = state("function")
    assert c._start_pays(st, 50, r) == C.AFTER_START_SECONDS
    # a nested loop, whose outermost loop's iterator it does not see, leaves the start to
    # its enclosing loop's trip, which comes next
    st, r = state("module", nested=True)
    parent = SimpleNamespace(dead=False)
    assert c._start_pays(st, 50, r, parent) is False
    # ... unless that loop was given up: then the program's time starts it
    assert c._start_pays(st, 50, r, SimpleNamespace(dead=True)) == C.AFTER_START_SECONDS
