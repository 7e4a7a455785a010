"""The hook's steady lane (``LoopSite._lane_trip``): the trips of a loop in a function whose
version is in its steady state skip what the loop's last entry made sure of. Each program
runs under CPython and under Tauraro (every call entering: ``--jit-threshold 1``) and must
print the same, tracebacks included; the statistics say how many entries took the lane.
(The functions here take ``*more``: a plain module-level function of positional
parameters is compiled whole for its loops once called often, and its calls then make no
trips at all -- tests/test_jit_loop_functions.py.)"""

from test_jit import jit
from test_jit_slots import line

# (a generator drives the calls: the loop calling f is not compiled, so each call of f
# enters its loop from the hook)
DRIVER = """
    def calls(k):
        for j in range(k):
            yield j
"""


def test_the_steady_trips_of_a_function_loop_take_the_lane(tmp_path):
    src = DRIVER + """
    def f(n, *more):
        s = 0
        for i in range(n):              # loop
            s += i * i
        return s

    out = 0
    for j in calls(300):
        out += f(200 + j % 7)
    print(out)
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["status"] == "compiled" and row["entries"] >= 295, row
    # (the first entries find the version and compile its entry code: the rest take the lane.
    # A loop over a list or a tuple copies it in: its version is never in the steady state)
    assert row["lane_entries"] >= row["entries"] - 5, row
    assert row["native_iterations"] >= 295 * 199, row


def test_values_of_a_new_kind_leave_the_lane_for_a_new_version(tmp_path):
    # f's loop is steady on ints; floats then come: the lane's entry code refuses them, the
    # trip goes the whole way and compiles a second version, whose trips take the lane too
    src = DRIVER + """
    def f(n, s, *more):
        for i in range(n):              # loop
            s = s + i * 3
        return s

    out = []
    for j in calls(200):
        out.append(f(200 + j % 3, 1 if j < 100 else 1.5))
    print(out[:3], out[-3:], sum(out))
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["versions"] == 2 and row["entries"] >= 195, row
    assert row["lane_entries"] >= row["entries"] - 10, row


def test_returns_breaks_and_the_else_clause_after_lane_entries(tmp_path):
    src = DRIVER + """
    def first_over(n, limit, *more):
        total = 0
        for x in range(n):              # loop
            total += x
            if total > limit:
                return x
        else:
            return -total
        return None

    def count_until(n, stop):
        c = 0
        for x in range(n):
            if x == stop:
                break
            c += 3
        else:
            c = -1
        return c

    out = []
    for j in calls(250):
        out.append(first_over(1000, 100000 + 2000 * (j % 250)))
        out.append(count_until(900, 5 * j))
    print(out[:12], sum(out))
    """
    row = jit(tmp_path, src).loop(line(src))
    # (every call enters: a return leaves the loop as its end does, with no backoff -- taken
    # for a failed speculation, it had the next runs enter after 16, 32, 64... iterations)
    assert row["entries"] >= 245 and row["lane_entries"] >= row["entries"] - 5, row
    exits = {e["reason"]: e["count"] for e in row["exits"]}
    assert exits.get("return", 0) > 0 and exits.get("left the loop", 0) > 0, row["exits"]


def test_an_overflow_and_an_exception_after_lane_entries(tmp_path):
    # the product leaves 64 bits in the later calls (their native runs exit, the rest is the
    # resume interpreter's), and the last call divides by zero inside the loop
    src = DRIVER + """
    def f(n, x, d, *more):
        p = 1
        for i in range(1, n):           # loop
            p = p * x + 100 // (n - i - d)
        return p

    out = []
    for j in calls(120):
        out.append(f(300, 1 if j < 100 else 3, 0) % 1000003)
    print(out[:5], out[-5:])
    print(f(300, 1, 10))
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["lane_entries"] > 0, row


def test_a_range_iterator_the_program_comes_to_hold(tmp_path):
    # the first calls' iterator is the loop's alone (the lane enters); the later calls hold
    # it in a variable too and move it on in the body: those runs must skip what it skips.
    # (Under 3.12+ the lane finds it held, and the trip goes the whole way, which gives the
    # loop up; the body's next() leaves native code anyway, so the answers would match
    # without that check too: this is the answers' test, not the check's)
    src = DRIVER + """
    def f(n, hold, *more):
        s = 0
        kept = iter(range(n)) if hold else None
        for i in (kept if hold else range(n)):      # loop
            s += i
            if kept is not None and i % 50 == 0:
                s += 1000 * next(kept)
        return s

    out = []
    for j in calls(80):
        out.append(f(300 + j, j >= 60))
    print(out[:3], out[-3:], sum(out))
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["lane_entries"] > 0, row


def test_a_closure_loop_goes_the_whole_way(tmp_path):
    # a loop in a function with cell variables is not the lane's (its registers are not the
    # frame's plain locals): its trips go the whole way, and answer the same
    src = DRIVER + """
    def make(k):
        def f(n):
            s = 0
            for i in range(n):          # loop
                s += i * k
            return s
        return f

    g = make(3)
    print(sum(g(150 + j) for j in calls(200)))
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["entries"] > 0 and row["lane_entries"] == 0, row
