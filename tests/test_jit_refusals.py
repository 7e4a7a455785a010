"""Loops whose entries are refused cost the program little: a refused try is not repeated
at every trip (``JitController.trip``, ``_too_much``), and the results are CPython's.

Each program runs under CPython and under Tauraro; ``refused`` in a loop's stats row counts
the tries to enter that failed, and of those the ones that copied data in up to the
entry's limit before giving up (the costly kind)."""
import json
import random
import textwrap

import pytest

from harness import launched
from test_jit import Result, jit
from test_jit_slots import line


# a plan of steps, objects of classes A and B, executed by a loop over them (``# loop``);
# tests/test_jit_sleep.py runs it too
MIXED_PLAN = """
        class A:
            def __init__(self, v):
                self.v = v
            def execute(self):
                self.v += 1

        class B:
            def __init__(self, v):
                self.v = v
            def execute(self):
                self.v -= 1

        class Plan:
            def __init__(self, steps):
                self.steps = steps
            def execute(self):
                for c in self.steps:                # loop
                    c.execute()
"""


def test_a_loop_over_mixed_objects_is_refused_few_times(tmp_path):
    # the list holds objects whose attribute is an int in some and a float in others: the
    # version compiled for the first object's never takes it, and each try types the whole
    # list again (deltablue.py's Plan.execute, over objects of four classes, which are not
    # compiled now: the next test, tried 140 times). After eight, a try waits for the
    # program to have run fifty times what the last cost; after twelve trips that did not
    # enter the loop sleeps, running as written and counting nothing
    # (controller._not_entered), so of its 2,000,000 iterations the baseline counts few
    src = MIXED_PLAN + """
        plan = Plan([A(i) if i % 3 else A(i + 0.5) for i in range(400)])
        for rep in range(5000):
            plan.execute()
        print(sum(c.v for c in plan.steps), [c.v for c in plan.steps[:4]])
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["entries"] == 0 and row["interpreted_iterations"] < 1_000_000, row
    assert row["refused"]["slept"] >= 1, row["refused"]
    # (every trip tried before: 48)
    assert 2 <= row["refused"]["tries"] <= 24, row["refused"]
    assert row["refused"]["copied_to_the_limit"] == 0, row["refused"]


def test_a_loop_over_objects_of_several_classes_is_not_compiled(tmp_path):
    # typed by its first object, the list was given a version for A that no entry could
    # take (every object is checked): tried again and again until the loop slept
    src = MIXED_PLAN + """
        plan = Plan([A(i) if i % 3 else B(i) for i in range(400)])
        for rep in range(3000):
            plan.execute()
        print(sum(c.v for c in plan.steps), [c.v for c in plan.steps[:4]])
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "not compiled" and "A/B" in row["reason"], row
    assert row["versions"] == 0 and row["refused"]["tries"] == 0, row


def test_a_loop_over_a_list_too_big_to_copy_copies_it_once(tmp_path):
    # 60,000 tuples: a try copies up to its limit at most once (the tuples' lengths alone may
    # refuse it first: _least_copy); the later trips, with less work left for as much data,
    # are refused without copying (avl_tree.py's checksum loop copied them at each of its
    # 11 trips, ~20 ms each)
    src = """
        import random
        rng = random.Random(5)
        items = [(rng.randrange(10**6), rng.randrange(1000)) for _ in range(60000)]
        checksum = 0
        for k, v in items:                          # loop
            checksum = (checksum * 31 + k * 7 + v) % 1000000007
        print(checksum)
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    # (copied once in all: by an entry, or by a try that stopped at the limit -- whether
    # the copy pays is close, ~0.25-0.8 us a tuple against ~0.3 us an iteration, and
    # machines differ)
    assert row["entries"] + row["refused"]["copied_to_the_limit"] <= 1, row


# a linked list of the given number of nodes, ``head`` its first
LINKED_LIST = """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(%d):
            head = Node(k, head)
"""


def test_walks_of_a_long_linked_list_copy_it_up_to_the_limit_rarely(tmp_path):
    # a while loop's work left is not known: an entry may copy what the loop has been
    # worth so far, which grows a little at each trip. An entry that stopped at its limit
    # needed more: it is tried again only once the limit has doubled past that (retried
    # at each trip, 11 of the 11 refusals here copied 5,000 nodes up to the limit;
    # avl_tree.py's get: 13 tries copying ~7-40 ms each)
    src = LINKED_LIST % 5000 + """
        def total(head):
            t = 0
            node = head
            while node is not None:                 # loop
                t += node.v
                node = node.next
            return t

        print(sum(total(head) for _ in range(40)))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["refused"]["tries"] >= 5 and row["refused"]["copied_to_the_limit"] <= 3, row["refused"]


def test_an_object_holding_c_state_is_not_taken_for_a_plain_one():
    # random.Random's objects keep the generator's state in C: native code could never
    # run their methods, and walking them compiled random.py to register bytecode (64 ms)
    from tauraro.jit.jtypes import plain_class

    class Rng(random.Random):
        pass

    class Plain:
        pass

    class Slotted(Plain):
        __slots__ = ("a", "b", "c")

    class Bare:
        __slots__ = ("a", "b", "c", "d", "__weakref__")

    assert not plain_class(random.Random) and not plain_class(Rng)
    assert plain_class(Plain) and plain_class(Slotted) and plain_class(Bare)


def test_a_first_trip_rejects_a_long_list_of_mixed_elements_by_a_sample(tmp_path):
    # (its first and last elements, jtypes.sample_iterator: the loop is refused at its
    # first trip, its file not compiled to register bytecode, as with every element read)
    r = jit(tmp_path, """
        xs = [1, "a"] * 20000
        n = 0
        for x in xs:
            n += 1
        print(n)
    """)
    row = r.loop(4)
    assert row["status"] == "not compiled" and "int/str" in row["reason"], row


def test_versions_whose_first_entries_fail_their_checks_stop_at_two(tmp_path):
    # tasks of three classes linked to one another: each trip types the loop by the task it
    # is at, its link typed as one of that task's class, compiles a version, and its entry
    # meets a linked task of another class. The second such version is the last
    # (richards.py's scheduler compiled four, ~5 ms each, and entered none)
    src = """
        class Task:
            def __init__(self, sched, nxt, n):
                self.sched = sched
                self.next = nxt
                self.n = n
                self.waiting = False

            def blocked(self):
                return self.waiting or self.n <= 0

        class A(Task):
            def run(self):
                self.n -= 1
                return self.next

        class B(Task):
            def run(self):
                self.n -= 2
                return self.sched.head

        class C(Task):
            def run(self):
                self.n -= 1
                self.waiting = self.n % 7 == 0
                return self.next

        class Scheduler:
            def __init__(self):
                self.head = None
                self.current = None

            def schedule(self):
                task = self.head
                while task is not None:                 # loop
                    if task.blocked():
                        task = task.next
                    else:
                        self.current = task
                        task = task.run()

        s = Scheduler()
        for k in range(30):
            s.head = (A, B, C)[k % 3](s, s.head, 50 + k)
        s.schedule()
        t, ns = s.head, []
        while t is not None:
            ns.append((type(t).__name__, t.n, t.waiting))
            t = t.next
        print(ns, type(s.current).__name__)
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["versions"] <= 2 and row["status"] == "left to the baseline", (row["reason"], row)


def test_a_dead_loop_of_short_runs_trips_rarely(tmp_path):
    # a while loop with a loop in it has no copy as written: given up ("not compiled": it
    # iterates over a tuple), its runs go on counting. A run starts from the count the last
    # one left (the count carries over), and a dead loop's trip did not set it again: it
    # fell to 1, and each run of 20 iterations tripped, counted as a whole idle countdown
    # (4*10^6 iterations counted of the 4*10^5 made; graph_structure.py's tarjan made
    # 21,000 idle hook calls in one call). The count is the hooks' own: close to the truth
    # only if the hook runs once a countdown
    src = """
        def walk(chains, n):
            total = 0
            for chain in chains:
                work = list(chain)
                while work:                     # loop
                    u = work.pop()
                    for v in (u * 7 % n, u * 13 % n):
                        total += v
            return total

        chains = [list(range(i, i + 20)) for i in range(20000)]
        print(walk(chains, 1000))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "not compiled" and row["entries"] == 0, row
    assert 300_000 <= row["interpreted_iterations"] <= 500_000, row


# a loop popping a component off a stack (line 4), one or two iterations a run but for the
# first, of the parameter's (0: none)
POP = """
    def pop_component(stack, v):
        comp = []
        while True:
            w = stack.pop()
            comp.append(w)
            if w == v:
                break
        return comp


    def run(n, first):
        stack = list(range(-first, 0))
        sizes = len(pop_component(stack, -first)) if first else 0
        for v in range(n):
            stack.append(v)
            if v %% 7 == 6:
                stack.append(v + n)
                stack.append(v)
            sizes += len(pop_component(stack, v))
        return sizes, len(stack)


    print(run(300000, %d))
"""


def test_a_loop_whose_entries_run_nothing_natively_is_left_after_three(tmp_path, monkeypatch):
    # each run of the popping loop is one or two iterations, and a trip comes at the last:
    # its entries leave the loop at once. Judged after ENTRIES_BEFORE_JUDGING (8) entries,
    # each ~0.5-1 ms of checks, tarjan's loop like it in graph_structure.py spent 9 ms. (Its
    # first run is long, through the trip after its first: without it, its runs are found
    # too short before it is compiled, as the next test shows)
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    # (every trip is let past the start gate, tauraro.vm.start_gate, to the controller, whose
    # judgement of entries this is: held there, the loop reaches the controller only once the
    # program has run long enough to start the JIT for it, when its runs are short, and it is
    # given up uncompiled, as the next test's)
    stats = tmp_path / "stats.json"
    got, expected = launched(tmp_path, "from tauraro.vm.start_gate import StartGate\n"
                                       "StartGate.trip = lambda self, *args: None\n",
                             textwrap.dedent(POP % 1040), "--jit-stats-json", str(stats), "--no-jit-cache")
    assert got.comparable() == expected.comparable(), got.stderr
    row = next(r for r in json.loads(stats.read_text()) if r["line"] == 4)
    assert row["status"] == "left to the baseline" and "entries do not pay" in row["reason"], row
    assert 1 <= row["entries"] <= 3 and row["native_iterations"] < row["entries"], row


# a scan of a cumulative table (line 10) for each of a number of draws (scaled by the first
# parameter), the table and the draws the second; the enclosing loop draws from a Random,
# which native code does not: it is not compiled
PICK = """
    import random


    def pick(cum, steps, rng):
        total = 0
        for i in range(steps):
            r = rng.random() * %d
            k = 0
            while cum[k] < r:
                k += 1
            total += k
        return total


    print(pick(%s, random.Random(7)))
"""


@pytest.mark.parametrize("nested", [False, True])
def test_a_while_loop_whose_runs_end_soon_after_its_trips_is_never_compiled(tmp_path, monkeypatch, nested):
    # a while loop of one or two iterations a run: its first trip counts SHORT_LEFT (32)
    # iterations down to the next, which finds another run; after SHORT_TRIPS (6) such, it
    # is given up uncompiled -- before, it was compiled (and the JIT started) for its
    # entries to be judged. Nested: its runs are in one call (the scan of a cumulative
    # table in chaos_game.py), each starting with the hook's last result cleared
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    if nested:
        src = PICK % (100, "[50, 90, 99, 100], 200000")
        line = 10
    else:
        src = POP % 0
        line = 4
    r = Result(tmp_path, src).same()
    row = r.loop(line)
    assert row["status"] == "left to the baseline" and "runs are too short" in row["reason"], row
    assert row["versions"] == 0 and row["entries"] == 0, row


def test_a_while_loop_whose_run_goes_on_after_its_trip_is_compiled(tmp_path, monkeypatch):
    # the same scan, its runs long: the trip after its first is in the same run, and the
    # loop is compiled and entered there
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    r = Result(tmp_path, PICK % (100000, "list(range(0, 100001, 2)), 400")).same()
    row = r.loop(10)
    assert row["entries"] >= 1 and row["native_iterations"] > 1000, row


# a loop (line 7) over the items left from i that returns at the first that does not fit
# (knapsack.py's bound), called from a loop drawing from a Random (not compiled): the
# parameters are the Random's seed, the weights, the calls and the capacity of each
BOUND = """
    import random


    def bound(weights, i, cap):
        value = 0
        for j in range(i, len(weights)):
            if weights[j] > cap:
                return value + cap
            cap -= weights[j]
            value += weights[j]
        return value


    rng = random.Random(%d)
    weights = %s
    total = 0
    for k in range(%d):
        total += bound(weights, rng.randrange(300), %s)
    print(total)
"""


def test_a_for_loop_whose_runs_return_soon_after_its_trips_is_never_compiled(tmp_path, monkeypatch):
    # its iterations left say nothing of its runs' lengths, and its trips find each run
    # ended within SHORT_LEFT iterations of the last: a range iterator other than the last
    # trip's
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    src = BOUND % (5, "[rng.randrange(1, 60) for _ in range(400)]", 60000, "rng.randrange(100)")
    r = Result(tmp_path, src).same()
    row = r.loop(7)
    assert row["status"] == "left to the baseline" and "each ended within" in row["reason"], row
    assert row["versions"] == 0 and row["entries"] == 0, row


def test_a_for_loop_over_a_range_whose_runs_go_on_past_its_probe_is_not_given_up(tmp_path, monkeypatch):
    # each run 51 iterations: a probe's trip finds the same range iterator SHORT_LEFT (32)
    # iterations on, the run gone on, and the loop is compiled (its entries then judged),
    # not given up as short
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    r = Result(tmp_path, BOUND % (1, "[1] * 400", 20000, "50")).same()
    row = r.loop(7)
    assert "each ended within" not in row["reason"] and row["versions"] >= 1, row


def test_a_loop_over_enumerate_of_a_short_list_is_found_short_by_what_it_enumerates(tmp_path, monkeypatch):
    # enumerate has no length hint: the list iterator it advances tells the iterations left
    # (nqueens.py's check of the queens placed so far)
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    src = """
        import random


        def safe(board, c):
            row = len(board)
            for r, bc in enumerate(board):
                if bc == c or abs(bc - c) == row - r:
                    return False
            return True


        rng = random.Random(2)
        count = 0
        for k in range(40000):
            board = [rng.randrange(8) for _ in range(rng.randrange(1, 8))]
            count += safe(board, rng.randrange(8))
        print(count)
    """
    r = Result(tmp_path, src).same()
    row = r.loop(7)
    assert row["status"] == "left to the baseline" and "iterations left at most" in row["reason"], row
    assert row["versions"] == 0 and row["entries"] == 0, row



def test_a_loop_its_typing_refuses_is_not_weighed_by_walking_its_objects_first(tmp_path):
    # the entry of a new version weighs the objects it would copy by walking them (~1 us a
    # node, near half of what copying costs); a loop whose typing refuses it -- a method of
    # a Random on every iteration -- is refused by that first, without the walk of the
    # 40,000 nodes its links reach (avl_tree.py's range loop: ~15 ms of walking, then
    # refused by its weight)
    src = LINKED_LIST % 40000 + """
        import random
        rng = random.Random(3)

        def walk(head, n):
            t = 0
            for i in range(n):                      # loop
                t += head.v + (head.next is not None) + rng.randrange(10)
            return t

        print(walk(head, 200000))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "not compiled" and "runs on every iteration" in row["reason"], row


def test_a_dict_keyed_by_the_tuples_a_module_loop_builds_is_refused_at_typing(tmp_path):
    # ``k = (a, b)`` at module level, a key of a dict: the global's tuple is taken as the
    # loop's virtual at entry (test_jit_calls' module-level tuple globals), and the dict's
    # tuple keys, which native code does not look up, refuse the loop at its typing -- not
    # compiled, entered and given up (three times, when the global's real tuple left every
    # version at its header); the counts are CPython's
    r = jit(tmp_path, """
        grid = {}
        for i in range(30000):
            k = (i % 97, i % 89)
            grid[k] = grid.get(k, 0) + 1
        print(len(grid), max(grid.values()), k)
    """)
    row = r.loop(3)
    assert row["status"] == "not compiled" and "keys of tuple" in row["reason"], row
    assert row["versions"] == 0, row


def test_a_list_of_many_objects_too_dear_to_copy_is_refused_before_its_compile(tmp_path):
    # 50,000 objects walked once a call, two fields updated: what copying them in costs (a
    # record each, EntryRecords._element_records' own charge) is weighed with the loop's
    # other data before it is compiled (layout.least_cost), not found by copying them up to
    # the limit after a compile (~110 ms of a 0.1 s program)
    r = jit(tmp_path, """
        class Item:
            def __init__(self, name, qty, price):
                self.name = name
                self.qty = qty
                self.price = price


        def restock(items):
            for it in items:
                it.qty += 1
                it.price *= 1.01


        items = [Item("i%d" % i, i % 10, (i % 7) * 1.5) for i in range(50000)]
        restock(items)
        restock(items)
        print(sum(it.qty for it in items), round(sum(it.price for it in items), 4))
    """)
    row = r.loop(10)
    assert row["status"] == "left to the baseline" and row["versions"] == 0, row
    assert row["refused"]["copied_to_the_limit"] == 0, row
