"""What an entry's copies cost, and the entries that are refused for it (docs/jit-data.md,
"What an entry costs as data grows"): copying an element in and writing it back cost what
was measured (layout.ELEMENT_COST, FLAG_COST and their _OUT_ twins), writing back counted
at the entry of a loop that stores into lists; an entry whose lists' lengths alone exceed
its limit is refused before its values are typed, compiled or copied; a for loop's work
left is timed in the baseline before a big copy is weighed against it; a while loop may
copy no more than the iterations it (and the loops nested in it) have made were worth.

Each behaviour test compares a program's stdout, exit code and whole stderr under CPython
and under Tauraro, and reads --jit-stats-json for what the JIT did."""
import re
import sys

import pytest

from harness import run
from test_jit import Result, jit
from test_jit_slots import line
from tauraro.jit.jtypes import classify, instance_type
from tauraro.jit.layout import BULK_RECORD_COST, ELEMENT_COST, ELEMENT_OUT_COST, FLAG_COST, FLAG_OUT_COST, \
    LINKED_RECORD_COST, RECORD_COST, least_cost, objects_cost


@pytest.fixture
def default_start(monkeypatch):
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)


def test_least_cost_counts_lengths_at_the_elements_cost():
    flags = [True, False] * 50
    ints = list(range(100))
    row = [1.5] * 10
    table = [row, row, [2.5] * 10]          # (a row shared twice is one record)
    values = [flags, ints, table, iter(ints), ints]
    types = [classify(v) for v in values]
    assert least_cost(values, types, False) == (
        100 * FLAG_COST + 100 * ELEMENT_COST + 2 * RECORD_COST + 20 * ELEMENT_COST)
    # (a version that stores into lists writes them back: each list charged that too)
    assert least_cost(values, types, True) == (
        100 * (FLAG_COST + FLAG_OUT_COST) + 100 * (ELEMENT_COST + ELEMENT_OUT_COST)
        + 2 * RECORD_COST + 20 * (ELEMENT_COST + ELEMENT_OUT_COST))
    # (a tuple is never written back)
    assert least_cost([tuple(ints)], [classify(tuple(ints))], True) == 100 * ELEMENT_COST
    # (a list of str, or the one a list iterator walks: its records at least, from its length)
    words = ["w%d" % i for i in range(100)]
    assert least_cost([iter(words)], [classify(iter(words))], False) == \
        RECORD_COST + 100 * (ELEMENT_COST + BULK_RECORD_COST)


def test_a_sieve_marking_a_big_flag_list_enters_once_if_at_all(tmp_path, default_start):
    # flags are copied through their pointer arrays (tauraro.jit.flags): ~2 units a flag in
    # and ~2 back, so the first marking runs (n/2, n/3 iterations) pay for the 3*10^6 flags,
    # and the while loop, once entered, runs the rest natively. Whether the first runs are
    # judged to pay depends on their timing; either way no loop enters twice (each entry
    # would copy every flag in and out again for less work), and none copies up to its
    # limit before it is refused (refused from the lists' lengths, before anything is typed)
    r = Result(tmp_path, """
        def sieve(n):
            flags = [True] * (n + 1)
            flags[0] = flags[1] = False
            i = 2
            while i * i <= n:
                if flags[i]:
                    for k in range(i * i, n + 1, i):
                        flags[k] = False
                i += 1
            return flags

        flags = sieve(3_000_000)
        print(sum(flags), flags[-20:].count(True), flags[2999957])
    """).same()
    for line in (6, 8):
        row = r.loop(line)
        assert row["entries"] <= 1 and row["refused"]["copied_to_the_limit"] == 0, row


def test_a_long_list_of_str_is_refused_before_it_is_typed(tmp_path, default_start):
    # one pass over 2*10^6 words whose body is cheap: copying them in (a record each) costs
    # more than the pass is worth, which the words' count alone shows -- the entry is refused
    # before the list is typed or its strs measured (that took ~55 ms for 10^6 words, a
    # third of what CPython spends on the whole pass), and before anything is compiled.
    # (Margins both ways, for a machine faster or busier than this one: the work left, ~0.1
    # s, is five times what starting the JIT needs, and the copy ~2.6 times what it pays
    # for. At 300,000 words and a dearer body, 1.4 times, a busy CI run entered the loop)
    r = Result(tmp_path, """
        def count(words):
            t = 0
            for w in words:
                if w.endswith("."):
                    t += 1
            return t

        words = ["ab", "cd.", "efg", "h1"] * 500_000
        print(count(words))
    """).same()
    row = r.loop(4)
    assert row["refused"]["tries"] >= 1 and row["refused"]["copied_to_the_limit"] == 0, (row["reason"], row)
    assert row["native_iterations"] == 0 and row["versions"] == 0, row


def test_a_list_changed_between_refused_trips_is_read_as_it_is_then(tmp_path):
    # trips refused for their copies, with the list changed by the interpreter in between,
    # and finally an entry with little data: results as CPython's
    jit(tmp_path, """
        def scan(xs, reps):
            total = 0
            for r in range(reps):
                for k in range(0, len(xs), 997):
                    total += xs[k]
                xs[r % len(xs)] += 1
            return total

        big = list(range(400_000))
        print(scan(big, 50), big[:3], scan(big[:5000], 5000), sum(big))
    """, threshold="100")


def test_a_loop_storing_into_an_object_is_not_charged_for_writing_its_list_back(tmp_path):
    # p.x += 1 marks the object's record dirty, not the list's: the list of 2000 objects is
    # copied in, and not charged for being written back (an entry of 8 passes over it pays)
    r = jit(tmp_path, """
        class P:
            def __init__(self, x):
                self.x = x

        items = [P(i) for i in range(2000)]

        def f(items):
            total = 0
            for rep in range(8):
                for p in items:
                    total += p.x
                    p.x += 1
            return total

        for k in range(3):
            print(f(items))
        print(items[5].x)
    """, threshold="1000")
    assert r.loop(11)["native_iterations"] > 10000, r.loop(11)
    assert r.loop(10)["written_back"]["records"] >= 2000 and r.loop(10)["written_back"]["words"] >= 2000


def test_flags_written_back_few_changed_many_changed_or_none(tmp_path):
    # a list of bools is written back with only the flags that changed (a store each), all
    # at once if many changed, or not at all if the stores left every flag as it was
    jit(tmp_path, """
        def mark(flags, step, value):
            for k in range(0, len(flags), step):
                flags[k] = value

        flags = [True] * 200_000
        mark(flags, 1000, False)                # few changed
        print(flags.count(False), flags[:3], flags[999:1002])
        mark(flags, 1000, False)                # none changed, each store dirty
        print(flags.count(False))
        mark(flags, 2, False)                   # many changed
        print(flags.count(False), flags[-4:])
        mark(flags, 3, True)
        print(flags.count(True), flags[:7], all(type(f) is bool for f in flags))
        other = [1 == 1] * 300 + [False]
        mark(other, 7, True)
        print(other.count(True), other[-1], type(other[0]).__name__)
    """, threshold="100")


def test_a_list_of_bools_with_an_int_among_them_is_typed_as_it_is(tmp_path):
    # (typed through marshal: an int 1 or 0 among the flags is not a bool)
    jit(tmp_path, """
        def count(xs):
            n = 0
            for x in xs:
                if x:
                    n += 1
            return n

        flags = [True, False] * 3000
        print(count(flags))
        flags[7] = 1
        print(count(flags), flags[7], type(flags[7]).__name__)
        flags[7] = 0.0
        print(count(flags))
    """, threshold="100")


def test_a_loop_over_loops_over_loops_is_worth_its_innermost_work(tmp_path):
    # a matrix product's row loop: each of its iterations runs 120 x 120 of the innermost
    # loop's. Counting only its child loop's bodies it looked worth ~1 ms, and its three
    # 14,400-int lists (~2.3 ms to copy in and write back) were refused, leaving all three
    # loops to the baseline (bench/jit/nested_loops.py: 1.4x CPython instead of 8x)
    src = """
        def matmul(a, b, n):
            c = [0] * (n * n)
            for i in range(n):                      # loop
                for j in range(n):
                    s = 0
                    for k in range(n):
                        s += a[i * n + k] * b[k * n + j]
                    c[i * n + j] = s
            return c

        n = 120
        a = [(i * 3 + 7) % 19 - 9 for i in range(n * n)]
        b = [(i * 5 + 7) % 19 - 9 for i in range(n * n)]
        c = matmul(a, b, n)
        print(sum(c), c[:5], c[-5:])
    """
    r = jit(tmp_path, src, threshold="1000")
    row = r.loop(line(src))
    assert row["status"] == "compiled" and row["entries"] >= 1, row
    assert r.loop(line(src) + 3)["native_iterations"] > 1_000_000


def test_copy_scale_is_the_mean_of_the_last_big_copies_measured(monkeypatch):
    from tauraro.jit import controller as C
    from tauraro.jit.layout import UNIT_SECONDS
    J = C.JitController
    monkeypatch.setattr(J, "copy_scale", 1.0)
    monkeypatch.setattr(J, "copy_samples", 0)
    big = C.CALIBRATE_LEAST
    J._calibrate(1.0, big - 1)              # (too small to time: no change)
    assert (J.copy_scale, J.copy_samples) == (1.0, 0)
    J._calibrate(2 * big * UNIT_SECONDS, big)
    assert J.copy_scale == pytest.approx(2.0) and J.copy_samples == 1
    J._calibrate(1 * big * UNIT_SECONDS, big)
    assert J.copy_scale == pytest.approx(1.5)
    for _ in range(20):                     # (the last few count; the range bounds it)
        J._calibrate(100 * big * UNIT_SECONDS, big)
    assert J.copy_scale == C.COPY_SCALE_RANGE[1]
    for _ in range(20):
        J._calibrate(0.01 * big * UNIT_SECONDS, big)
    assert J.copy_scale == C.COPY_SCALE_RANGE[0]


def test_an_entry_copying_much_measures_the_copy_and_the_report_says_so(tmp_path):
    import sys
    from harness import run
    src = """
        def total(xs):
            s = 0.0
            for x in xs:
                # (work enough that the copy pays against the loop as written)
                y = (x * 0.5 + 1.0) * (x - 3.0) / (x + 1.0)
                s += y * y - x / (y * y + 2.0) + (x + y) * 0.125
            return s

        xs = [i * 0.25 for i in range(200000)]
        print(total(xs), total(xs[:5000]))
    """
    import textwrap
    prog = tmp_path / "prog.py"
    prog.write_text(textwrap.dedent(src))
    expected = run([sys.executable], prog)
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-stats", "--no-jit-cache"], prog)
    assert got.stdout == expected.stdout and got.returncode == 0
    head = got.stderr.splitlines()[0]
    assert "copying measured at" in head, got.stderr
    assert "for loop in total: compiled" in got.stderr, got.stderr


def test_writing_back_is_charged_to_the_lists_stores_reach_only():
    # (least_cost takes one flag per value: transfer.Transfer.stores_into, from ir.stores)
    from tauraro.jit.jtypes import LIST_INT, SeqType
    from tauraro.jit.layout import ELEMENT_COST, ELEMENT_OUT_COST, RECORD_COST, least_cost
    table = SeqType("list", LIST_INT, 999)
    grid = [[(i * 3 + j * 5) % 7 + 1 for j in range(100)] for i in range(30)]
    dp = [[i + j + 1 for j in range(100)] for i in range(30)]
    rows = 30 * RECORD_COST
    both = least_cost([grid, dp], [table, table], True)
    assert both == 2 * (rows + 3000 * (ELEMENT_COST + ELEMENT_OUT_COST))
    assert least_cost([grid, dp], [table, table], [False, True]) == both - 3000 * ELEMENT_OUT_COST
    assert least_cost([grid, dp], [table, table], [False, False]) == least_cost([grid, dp], [table, table], False)


def test_weighing_against_a_limit_stops_past_it_and_says_the_same():
    # (least_cost with a limit: over it exactly when the whole count is, and no more than
    # the whole count -- a refused entry's floor, as a copy stopped at its limit is)
    from tauraro.jit.jtypes import LIST_INT, SeqType
    from tauraro.jit.layout import least_cost
    table = SeqType("list", LIST_INT, 999)
    grid = [[(i * 3 + j * 5) % 7 + 1 for j in range(100)] for i in range(30)]
    dp = [[0] * 100 for i in range(30)]
    for values, types in (([grid, dp], [table, table]), ([dp, grid], [table, table]),
                          ([grid[0], grid], [LIST_INT, table])):
        for stores in (False, True):
            whole = least_cost(values, types, stores)
            for limit in (0, 1, whole // 3, whole // 2, whole - 1, whole, whole + 1, 10 * whole):
                got = least_cost(values, types, stores, limit=limit)
                assert (got > limit) == (whole > limit) and got <= whole, (limit, got, whole)
            # (a limit the first row passes: the rest not weighed)
            assert least_cost(values, types, stores, limit=1) < whole


class _Link:
    def __init__(self, v, nxt):
        self.v = v
        self.next = nxt


class _Holder:
    def __init__(self, first, n):
        self.first = first
        self.n = n


def test_least_cost_counts_the_objects_an_entry_follows_links_to():
    # (layout.objects_cost) an object linked to others of its class is copied with all its
    # links reach; an object field's object too; each once, however many values reach it
    head = None
    for k in range(50):
        head = _Link(k, head)
    link = instance_type(head, ("v", "next"), lambda klass: ("v", "next"))
    each = 2 * ELEMENT_COST + LINKED_RECORD_COST
    assert link.link_fields and objects_cost(head, link) == 50 * each
    middle = head
    for _ in range(20):
        middle = middle.next
    assert least_cost([head, middle], [link, link], False) == 50 * each
    assert least_cost([middle], [link], False) == 30 * each
    holder = _Holder(head, 3)
    held = instance_type(holder, ("first", "n"), {_Holder: ("first", "n"), _Link: ("v", "next")}.get)
    assert least_cost([holder], [held], False) == 2 * ELEMENT_COST + RECORD_COST + 50 * each
    # past a limit the count stops: over the limit, not all of it
    for limit in (0, each, 10 * each, 49 * each, 50 * each):
        got = least_cost([head], [link], False, limit=limit)
        assert (got > limit) == (50 * each > limit) and got <= 50 * each, (limit, got)
    assert least_cost([head], [link], False, limit=10 * each) <= 11 * each


def test_a_walk_of_a_long_linked_list_is_refused_before_it_is_compiled(tmp_path):
    # a while loop summing a list of 30,000 nodes from its head: an entry at any of its
    # trips would copy thousands of nodes, far more than its work so far pays for. The
    # nodes, counted through their links up to the limit (layout.objects_cost), refuse it
    # before it is compiled: it was compiled, starting the JIT, to be refused by its copy
    r = jit(tmp_path, """
        class Link:
            def __init__(self, value, next):
                self.value = value
                self.next = next

        head = None
        for i in range(30000):
            head = Link(i % 97, head)

        def total(node):
            s = 0
            while node is not None:
                s += node.value
                node = node.next
            return s

        print([total(head) for _ in range(10)])
    """)
    row = r.loop(13)
    assert row["versions"] == 0 and row["refused"]["copied_to_the_limit"] == 0, row
    assert row["refused"]["tries"] >= 1 and row["native_iterations"] == 0, row
    # (nothing compiled: the JIT's engine was never started)
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "1", "--jit-stats", "--no-jit-cache"],
              r.path)
    assert "engine started" not in got.stderr and "while loop in total" in got.stderr, got.stderr


def test_a_short_walk_into_a_linked_list_is_not_entered(tmp_path):
    # a node reached through a link is copied by the walk that follows links, ~2.5-6 us a
    # node (layout.LINKED_RECORD_COST), against ~0.1 us the baseline spends on it: a loop
    # stepping 40 nodes into a list of 1,500 never pays for the list's copy. Counted at a
    # plain record's 0.45 us, the whole list fitted what any entry may copy (SMALL_COPY),
    # and the calls' loops entered, copying it (~5 ms each), until judged
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(1500):
            head = Node(k * 7 % 1000, head)

        def ahead(head, n):
            node = head
            t = 0
            for i in range(n):
                t += node.v
                node = node.next
            return t

        print(sum(ahead(head, 40) for q in range(300)))
    """)
    row = r.loop(14)
    assert row["entries"] == 0 and row["refused"]["tries"] >= 1, (row["reason"], row)


class _Counts:
    """A version's transfer, as ``_after_exit`` reads it: what its last run counted."""

    def __init__(self, counts, full_records=True):
        self.counts, self.full_records = counts, full_records

    def iterations(self):
        return self.counts


class _Version:
    def __init__(self, states, counts):
        self.counter_states, self.header_counter = states, 0
        self.transfer = _Counts(counts)


class _Exit:
    key, failed, kind, line, reason = ("left", 0), False, None, 0, "left the loop"


def _kruskal_states():
    """The states of a loop calling a function with a loop of its own (inlined: its
    region counts both), and the JitController that judges them."""
    from tauraro.compiler.compiler import compile_source
    from tauraro.jit.controller import JitController
    mod = compile_source("def find(p, x):\n"
                         "    while p[x] != x:\n"
                         "        x = p[x]\n"
                         "    return x\n"
                         "def kruskal(p, edges):\n"
                         "    t = 0\n"
                         "    for w, a, b in edges:\n"
                         "        if find(p, a) != find(p, b):\n"
                         "            t += w\n"
                         "    return t\n", "<kruskal>")
    codes = {c.name: c for c in mod.children()}
    jc = JitController()
    outer = jc.state(codes["kruskal"], codes["kruskal"].loops[0].id)
    inner = jc.state(codes["find"], codes["find"].loops[0].id)
    return jc, outer, inner


def _judged(counts, measured_per=None, transfer_seconds=0.0, native_seconds=0.0, timing_asked=False,
            exits=1):
    """The two loops' states after ``_after_exit`` judged ``exits`` exits of the outer one's
    version, each of a run that counted ``counts`` (its iterations, the inlined loop's),
    with what the outer one was timed at as written (and whether a timing was asked
    already) and what its entries had cost in all by the last."""
    jc, outer, inner = _kruskal_states()
    outer.measured_per = measured_per
    outer.timing_asked = timing_asked
    outer.current = _Version([outer, inner], counts)
    for _ in range(exits):
        outer.transfer_seconds = transfer_seconds
        outer.native_cpu_seconds = native_seconds
        jc._after_exit(outer, _Exit())
    return outer, inner


def test_a_timed_loop_saves_its_own_iterations_not_its_callees_loops_again():
    # (timed as written, an iteration's time holds the calls and their loops: the inlined
    # loop's iterations were added again, and Kruskal's loop looked to save twice what
    # it did, so its copies never looked to cost more than the loop as written)
    outer, inner = _judged((1000, 3000), measured_per=700e-9)
    assert outer.native_saving == pytest.approx(1000 * 700e-9)
    # (not timed: its body's floor counts a call, not the callee's loop, whose own are added)
    outer, inner = _judged((1000, 3000))
    assert outer.native_saving == pytest.approx(1000 * outer.body_seconds + 3000 * inner.body_seconds)


def test_a_loop_whose_copies_and_native_runs_cost_more_than_they_save_is_left_to_the_baseline():
    from tauraro.jit.controller import TRANSFER_ALLOWANCE
    # (100,000 iterations timed at 1 us: 0.1 s saved; copies within it and the allowance,
    # but with the native runs, past it)
    outer, _ = _judged((100_000, 300_000), measured_per=1e-6,
                       transfer_seconds=0.1 + TRANSFER_ALLOWANCE - 0.005, native_seconds=0.01)
    assert outer.status == "left to the baseline", outer.status
    assert "and the native runs (10.0 ms)" in outer.reason, outer.reason
    outer, _ = _judged((100_000, 300_000), measured_per=1e-6,
                       transfer_seconds=0.1 + TRANSFER_ALLOWANCE - 0.015, native_seconds=0.01)
    assert outer.status != "left to the baseline", outer.reason


def test_an_untimed_loop_is_given_up_only_well_past_the_floor_of_its_saving():
    from tauraro.jit.controller import FLOOR_MARGIN, TRANSFER_ALLOWANCE
    # (no timing as written came: what its iterations save is a floor -- CPython's cost at
    # least -- so its entries must cost FLOOR_MARGIN times it, and the allowance, to give it
    # up, and not at its first entry: FLOOR_ENTRIES)
    from tauraro.jit.controller import FLOOR_ENTRIES
    outer, _ = _judged((100_000, 300_000), timing_asked=True, exits=FLOOR_ENTRIES)
    floor = outer.native_saving
    assert floor > 0
    outer, _ = _judged((100_000, 300_000), timing_asked=True, exits=FLOOR_ENTRIES,
                       transfer_seconds=FLOOR_MARGIN * floor + TRANSFER_ALLOWANCE - 0.002)
    assert outer.status != "left to the baseline", outer.reason
    outer, _ = _judged((100_000, 300_000), timing_asked=True, exits=FLOOR_ENTRIES,
                       transfer_seconds=FLOOR_MARGIN * floor + TRANSFER_ALLOWANCE + 0.002)
    assert outer.status == "left to the baseline", outer.status
    # (its first entry alone, however far past, holds one-time costs: not judged by it)
    outer, _ = _judged((100_000, 300_000), timing_asked=True,
                       transfer_seconds=10 * (FLOOR_MARGIN * floor + TRANSFER_ALLOWANCE))
    assert outer.status != "left to the baseline", outer.reason


def test_a_native_run_that_waited_for_the_cpu_is_not_judged_by_its_wait(tmp_path):
    # (a loaded machine: the wall clock runs four times the thread's CPU time. The
    # comprehension's native run makes a 262,144-element chunk in ~7 ms of CPU, which the
    # wall clock made 28 ms: judged on that, its loop was given up after its first chunk
    # and CPython made the rest -- CI, with two test workers on two cores, saw it)
    from harness import launched
    got, expected = launched(tmp_path, (
        "import time\n"
        "real = time.perf_counter\n"
        "time.perf_counter = lambda: real() * 4\n"), (
        "def shuffled(n, m):\n"
        "    return sorted(-(x * 7 + y * 3) % 1001 for x in range(n) for y in range(m) if x != y)\n"
        "s = shuffled(900, 400)\n"
        "print(len(s), s[:3], s[-3:], sum(s))\n"), "--jit-threshold", "1", "--jit-stats")
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    assert "the list's room is full x1" in got.stderr, got.stderr
    assert "iterations: 899 native, 0 interpreted" in got.stderr, got.stderr


def test_a_for_loop_refused_its_copies_time_after_time_is_given_up(tmp_path):
    # each call's loop reads 200 ints of a list of 10^6: an entry would copy the whole list
    # for ~5 us of work, and is refused at every trip; after COPY_REFUSALS_DEAD of them the
    # loop is given up for good (dead: its function may get CPython's own code), not left
    # waiting for the list to shrink, counting on in its hooked code
    src = """
        def probe(big, k):
            t = 0
            for i in range(k, k + 200):
                t += big[i] * 3 ^ i
            return t

        big = list(range(1_000_000))
        s = 0
        for k in range(4000):
            s += probe(big, k)
        print(s)
    """
    r = jit(tmp_path, src, threshold="1000")
    row = r.loop(4)
    assert row["status"] == "left to the baseline" and re.search(r"at \d+ trips", row["reason"]), row
    # (waiting, it counted ~68,000 iterations in 12 refused trips, and slept)
    assert row["entries"] == 0 and row["interpreted_iterations"] < 20000, row


def test_a_while_loop_refused_its_copies_time_after_time_is_given_up(tmp_path):
    # (a while loop too: rbtree.py's floor and ceiling, walks down a tree refused 12 times
    # each, kept their functions' hooked code to the end of the run)
    src = """
        def probe(big, k):
            t = 0
            i = k
            while i < k + 200:
                t += big[i] * 3 ^ i
                i += 1
            return t

        big = list(range(1_000_000))
        s = 0
        for k in range(4000):
            s += probe(big, k)
        print(s)
    """
    r = jit(tmp_path, src, threshold="1000")
    row = r.loop(5)
    assert row["status"] == "left to the baseline" and re.search(r"at \d+ trips", row["reason"]), row
    assert row["interpreted_iterations"] < 20000, row


def test_a_while_loop_over_a_long_text_enters_once_its_work_pays_for_the_copy(tmp_path):
    # one run of a scanning loop over a 1.4*10^6-character text: what an entry may copy is
    # what the loop has done so far, so its first tries are refused -- by the text's length,
    # without copying up to the limit -- and not counted toward giving it up, as its work
    # grows toward the copy's cost; its nested loops' trips do not bring its tries forward
    # past its backoff. It enters once its work pays (given up before, at 8 trips)
    src = """
        def scan(text):
            i = 0
            n = len(text)
            words = nums = spaces = 0
            while i < n:
                c = text[i]
                if c == " ":
                    while i < n and text[i] == " ":
                        i += 1
                    spaces += 1
                elif "0" <= c <= "9":
                    while i < n and "0" <= text[i] <= "9":
                        i += 1
                    nums += 1
                else:
                    while i < n and text[i] != " " and not ("0" <= text[i] <= "9"):
                        i += 1
                    words += 1
            return words, nums, spaces

        parts = []
        for k in range(300000):
            parts.append("w%d" % (k % 97) if k % 3 else str(k * 7919 % 100003))
        text = " ".join(parts)
        print(len(text), scan(text))
    """
    r = jit(tmp_path, src, threshold="1000")
    row = r.loop(6)
    assert row["status"] == "compiled" and row["native_iterations"] > 400_000, row
    assert row["refused"]["copied_to_the_limit"] == 0, row


def test_a_long_table_of_distinct_rows_is_refused_before_its_loop_is_compiled(tmp_path):
    # 50,000 rows (more than layout.ROWS_COUNTED, whose lengths are not summed) for 1,250
    # iterations a call: a record a row at least is past what the work pays for, found from
    # a sample of its rows -- refused before typing and compiling, never copied to the limit
    # (graph_structure.py's valid_order compiled, ~9 ms, to learn it from its first copy)
    src = """
        def touch(rows, idx):
            t = 0
            for i in idx:
                t += rows[i][0] * 3 - rows[i][1]
            return t


        rows = [[i, i + 1] for i in range(50000)]
        idx = list(range(0, 50000, 40))
        s = 0
        for k in range(40):
            s += touch(rows, idx)
        print(s)
    """
    r = jit(tmp_path, src, threshold="1000")
    row = r.loop(4)
    assert row["status"] == "left to the baseline" and row["entries"] == 0, row
    assert row["versions"] == 0 and row["refused"]["copied_to_the_limit"] == 0, row


def test_a_long_table_whose_rows_a_loop_grows_is_refused_before_its_compile(tmp_path, default_start):
    # 60,000 adjacency lists, each appended to once an iteration of a module-level loop: a
    # row's record and its room to grow (layout.row_cost) are past what the loop's work
    # pays for. Before the loop is typed, the sample of rows cannot tell that they grow
    # (rows_floor); once typed, their table's floor (layout.table_floor) refuses the entry
    # before the compile -- which, for bfs_adjacency.py, was ~30 ms of a 150 ms program
    # for an entry that then found the rows past its limit as it copied them
    src = """
        n = 60000
        adj = [[] for _ in range(n)]
        for i in range(n):
            adj[i].append((i * 7 + 1) % n)
            adj[i].append((i * 13 + 5) % n)
        print(sum(map(len, adj)), adj[123], adj[-1])
    """
    r = Result(tmp_path, src).same()
    row = r.loop(4)
    assert row["entries"] == 0 and row["versions"] == 0, row
    assert row["refused"]["copied_to_the_limit"] == 0, row


def test_a_version_whose_first_entry_would_fail_its_checks_is_not_compiled(tmp_path):
    # (richards.py's tasks) the loop's first task has no queue, so its type takes the field
    # for a link to another task; the next task's queue holds a Packet, which the entry's
    # checks would refuse: layout.objects_cost finds that before any compile, twice, and the
    # loop is given up -- no version compiled, and the JIT not started for it
    r = jit(tmp_path, """
        class Packet:
            def __init__(self, n):
                self.n = n

        class Task:
            def __init__(self, nxt, queue, prio):
                self.next = nxt
                self.queue = queue
                self.prio = prio

        def run(head, rounds):
            total = 0
            t = head
            k = 0
            while k < rounds:
                total += t.prio
                if t.queue is not None:
                    total += 1
                t = t.next
                if t is None:
                    t = head
                k += 1
            return total

        tasks = Task(Task(Task(Task(None, Packet(0), 0), None, 1), Packet(2), 2), None, 3)
        print(run(tasks, 5000), run(tasks, 7000))
    """)
    row = r.loop(16)
    assert row["status"] == "left to the baseline" and "did not pass their checks" in row["reason"], row
    assert row["compile_ms"] == 0 and row["native_iterations"] == 0, row


def test_objects_cost_finds_an_object_its_type_does_not_describe():
    class Node:
        def __init__(self, nxt, v):
            self.next = nxt
            self.v = v
    tail = Node(None, 1)
    head = Node(Node(tail, 2), 3)
    jt = instance_type(head, ("next", "v"), lambda k: ("next", "v"))
    wrong = []
    objects_cost(head, jt, None, None, wrong)
    assert wrong == []
    tail.v = 1.5            # (a float where the type has an int)
    objects_cost(head, jt, None, None, wrong)
    assert wrong == [tail]
    tail.v = 1
    tail.next = "end"       # (a link to what is not a Node)
    wrong = []
    objects_cost(head, jt, None, None, wrong)
    assert wrong == [tail]


def test_making_the_elements_native_code_left_in_lists_is_counted_apart(tmp_path):
    # the objects a loop made and appended are made again as Python objects at its exit:
    # that time is counted on its own (EntryRecords.elements_seconds, --jit-stats-json's
    # written_back.elements_ms), which the entries' judgement weighs against the loop's
    # iterations as written (JitController._elements_lose); a list of numbers has none
    r = jit(tmp_path, """
        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        def make(n):
            out = []
            for i in range(n):
                out.append(Point(i * 0.5, i % 7))
            return out

        def halves(n):
            out = []
            for i in range(n):
                out.append(i * 0.5)
            return out

        ps = make(20000)
        hs = halves(20000)
        print(len(ps), ps[-1].x, ps[123].y, ps[7] is not ps[8], sum(hs))
    """, threshold="1000")
    made, numbers = r.loop(9), r.loop(15)
    assert made["entries"] >= 1 and made["written_back"]["elements_ms"] > 0, made
    assert numbers["entries"] >= 1 and numbers["written_back"]["elements_ms"] == 0, numbers


def test_entries_are_given_up_once_making_their_elements_costs_more_than_the_iterations():
    # (the judgement itself, on a loop's counts: its iterations timed as written at
    # ``measured_per`` each, its exits' making of elements ``elements_seconds`` in all)
    from types import SimpleNamespace
    from tauraro.jit.controller import ELEMENTS_LEAST, JitController
    lose = JitController._elements_lose

    def st(per, made, iterations=10_000, nests=False):
        return SimpleNamespace(measured_per=per, elements_seconds=made, native_iterations=iterations, nests=nests)
    assert lose(st(0.5e-6, 0.008))                    # 0.8 us an element, 0.5 an iteration
    assert not lose(st(0.5e-6, 0.004))                # 0.4 us: the native runs pay
    assert not lose(st(None, 0.008))                  # not timed yet (timed first: _after_exit)
    assert not lose(st(0.5e-6, 0.008, nests=True))    # its timing holds its nested loops' runs
    assert not lose(st(0.5e-6, 0.008, iterations=0))
    # (below ELEMENTS_LEAST in all, a first entry's one-time making of its element code
    # may be most of it)
    assert not lose(st(1e-9, ELEMENTS_LEAST * 0.9, iterations=100))
    assert lose(st(1e-9, ELEMENTS_LEAST * 1.1, iterations=100))


def test_a_loop_whose_entries_keep_losing_is_given_up_within_the_allowance():
    # (the judgement on a loop's counts: each entry's cost -- its copies and native run --
    # against what it saved; the first entry, which pays one-time costs, is not counted)
    from types import SimpleNamespace
    from tauraro.jit.controller import FLOOR_MARGIN, LOSING_ENTRIES, LOSING_SECONDS, JitController
    streak = JitController._losing_streak

    def entries(st, costs_savings):
        """``_losing_streak`` after each entry (its cost, its saving), as ``_after_exit`` asks."""
        said, cost = [], st.cost_seen
        for c, saved in costs_savings:
            st.entries += 1
            cost += c
            st.entry_saving = saved
            st.native_saving += saved
            said.append(streak(st, cost))
        return said

    def loop(timed=True):
        return SimpleNamespace(entries=0, cost_seen=0.0, losing=0, losing_seconds=0.0, entry_saving=0.0,
                               native_saving=0.0, measured_per=1e-7 if timed else None)
    lose = LOSING_SECONDS / (LOSING_ENTRIES - 1)      # (LOSING_ENTRIES of these lose past it)
    # a first entry losing much, then LOSING_ENTRIES losing ones: given up at the last
    said = entries(loop(), [(0.05, 0.0)] + [(lose + 1e-4, 1e-4)] * LOSING_ENTRIES)
    assert said == [False] * LOSING_ENTRIES + [True]
    # an entry that pays in between starts the count again
    said = entries(loop(), [(0.0, 0.0)] + [(lose + 1e-4, 1e-4)] * (LOSING_ENTRIES - 1) + [(1e-4, 1e-3)]
                   + [(lose + 1e-4, 1e-4)] * (LOSING_ENTRIES - 1))
    assert not any(said)
    # entries losing little in all are not given up (a function's small first calls)
    assert not any(entries(loop(), [(0.0, 0.0)] + [(2e-4, 1e-4)] * 3 * LOSING_ENTRIES))
    # judged by the floor (not timed), an entry loses only past FLOOR_MARGIN times its saving
    floor = [(0.0, 0.0)] + [(FLOOR_MARGIN * 1e-3 - 1e-5, 1e-3)] * (3 * LOSING_ENTRIES)
    assert not any(entries(loop(timed=False), floor))
    assert any(entries(loop(timed=True), floor))


def test_a_module_level_loops_first_entry_copies_what_its_work_pays_beyond_compile_and_start():
    # module-level code runs once: its loop's first entry pays for its compile -- and the
    # JIT's start, if the engine is not on yet -- and its native run out of the work left it
    # is weighed against, so it may copy only what a share of that work pays for beyond
    # them (word_pairs.py was let copy 64 ms of words for ~47 ms of work, after ~30 ms of
    # start and compile; later ~110 ms for a limit of 112, its native run ~30 ms). A
    # function's loop (weighed over all its calls), a loop with a version already, and
    # a run with a threshold given (eager) keep their whole limit
    from types import SimpleNamespace

    from tauraro.jit import controller as C
    from tauraro.jit.layout import UNIT_SECONDS
    J = C.JitController
    c = J.__new__(J)
    c.start_seconds, c.eager, c.engine, c.compile_times = 0.02, False, None, []
    units = lambda seconds: int(seconds / (UNIT_SECONDS * J.copy_scale))
    module = SimpleNamespace(code=SimpleNamespace(kind="module"), versions={})
    function = SimpleNamespace(code=SimpleNamespace(kind="function"), versions={})
    limit = units(0.05)
    share = int(limit * C.FIRST_ENTRY_SHARE)
    assert C.FIRST_ENTRY_SHARE < 1
    assert c._first_entry_limit(module, limit) == share - units(C.COMPILE_SECONDS + 0.02)
    c.engine = object()
    assert c._first_entry_limit(module, limit) == share - units(C.COMPILE_SECONDS)
    assert c._first_entry_limit(module, units(0.001)) == 0
    assert c._first_entry_limit(function, limit) == limit
    assert c._first_entry_limit(SimpleNamespace(code=module.code, versions={1: 1}), limit) == limit
    c.eager = True
    assert c._first_entry_limit(module, limit) == limit


def test_a_long_list_of_scattered_tuples_is_weighed_at_what_copying_them_costs():
    # a sorted list's tuples lie all over the heap (each tuple and its ints a cache miss in
    # each pass of the copy: ~450 ns a triple on the dev VM, against ~310 in the order they
    # were made): charged SCATTERED_TUPLE_COST a record, and weighed so before a compile (a
    # list of more than ROWS_COUNTED tuples was weighed at nothing before the copy itself).
    # (Tuples side by side: one tuple held at every index -- where tuples made in turn land
    # depends on the holes earlier frees left in the allocator's pools)
    import random

    from tauraro.jit.jtypes import TUPLE_INT, SeqType
    from tauraro.jit.layout import (BULK_RECORD_COST, ELEMENT_COST, ROWS_COUNTED, SCATTERED_TUPLE_COST, least_cost,
                                    tuple_record_cost)
    rng = random.Random(5)
    made = [(rng.randrange(1000), rng.randrange(10 ** 5), rng.randrange(10 ** 5)) for _ in range(2 * ROWS_COUNTED)]
    ordered = sorted(made)
    same = [made[0]] * (2 * ROWS_COUNTED)
    assert SCATTERED_TUPLE_COST > BULK_RECORD_COST
    assert tuple_record_cost(same) == BULK_RECORD_COST
    assert tuple_record_cost(ordered) == SCATTERED_TUPLE_COST
    assert tuple_record_cost(ordered[:64]) == BULK_RECORD_COST     # (too few to sample)
    jt = SeqType("list", TUPLE_INT, 999, resizable=True)
    n = len(made)
    assert least_cost([same], [jt], False) == n * (3 * ELEMENT_COST + BULK_RECORD_COST)
    assert least_cost([ordered], [jt], False) == n * (3 * ELEMENT_COST + SCATTERED_TUPLE_COST)
    assert least_cost([[]], [jt], False) == 0
    # (kept: freed, the ints among randrange's own would leave holes all over their pools,
    # and the next test's ints made in order fill them scattered)
    _KEPT.append(made)


_KEPT = []


def test_a_set_of_scattered_objects_is_weighed_at_what_listing_them_costs():
    # consecutive elements of a set of ints a loop computed lie far apart on the heap
    # (each pass over them a cache miss an element), those of range() side by side
    from tauraro.jit.layout import scattered
    computed, x = set(), 1
    for _ in range(5000):
        computed.add(x)
        x = (x * 48271) % 2147483647
    assert scattered(list(computed)[:64])
    ordered = set(range(10 ** 6, 10 ** 6 + 5000))
    assert not scattered(list(ordered)[:64])
    assert not scattered([7]) and not scattered([])
    # small ints lie in the interpreter's static data, far from the heap: a set of multiples
    # of 5 starts with 52 of them, then heap ints side by side -- two far jumps, not a miss an
    # element (the mean of the gaps read it as scattered, and a loop over it was refused)
    fives = set(range(0, 30000, 5))
    ids = [id(v) for v in list(fives)[:64]]
    assert max(abs(b - a) for a, b in zip(ids, ids[1:])) > 64 * 4096
    assert not scattered(list(fives)[:64])


def test_a_while_loop_over_a_big_computed_set_is_weighed_before_its_elements_are_listed(tmp_path, default_start):
    # module-level: a while loop adding an LCG's values to a set until one repeats; an
    # entry would copy the set in (its elements scattered: ~290 ns each on the dev VM) --
    # weighed at that before the elements are listed (each refused try listed them all)
    Result(tmp_path, """
        seen = set()
        x = 1
        steps = 0
        while x not in seen and steps < 150000:
            seen.add(x)
            x = (x * 48271) % 2147483647
            steps += 1
        vals = sorted(seen)
        acc = 0
        for i in range(len(vals) - 1):
            if vals[i + 1] - vals[i] < 5000:
                acc += 1
        print(steps, acc, len(seen))
    """).same()
