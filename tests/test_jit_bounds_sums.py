"""Sums inside an inner loop without overflow guards (passes/accumulate.inner), with the
int lists they add up checked at entry to hold elements within 2**32.

Each test runs a program under CPython and under Tauraro (stdout, exit code and stderr
compared), and reads the IR dump or the loop statistics to check the proof was made or
its checks left where they had to: a proof that is wrong shows as a wrong sum.
"""
from test_jit import Result
from test_jit_ir import dump, stage

NESTED = """
def f(a, m, reps, s):
    for r in range(reps):
        for i in range(m):
            s += a[i]
    return s
"""


def test_a_sum_of_list_elements_in_an_inner_loop_has_no_overflow_guard(tmp_path):
    r, texts = dump(tmp_path, NESTED + """
a = [(i * 7919) % 1000 - 300 for i in range(500)]
print(f(a, len(a), 3, 0), f(a, 100, 7, -5))
""")
    after = stage(texts["prog_line3.txt"], "after dce")
    assert "add_ov" not in after, after
    assert after.count("check_abs") == 2           # the stop within 2**29, s within 2**62
    assert r.loop(3)["native_iterations"] >= 3


def test_elements_beyond_the_bound_make_a_version_without_it(tmp_path):
    # the entry finds 2**32: that version is dropped, and the next one keeps the guard;
    # 2**32 - 1 and -2**32 are within (the check: each element's top 32 bits all equal);
    # every sum as CPython's
    r = Result(tmp_path, NESTED + """
a = [(i * 7919) % 1000 - 300 for i in range(500)]
print(f(a, len(a), 3, 0))
edge = [2**32 - 1] * 250 + [-2**32] * 250
print(f(edge, 500, 3, 7))
b = list(a)
b[7] = 2**32
print(f(b, len(b), 3, 0))
b[7] = -2**32 - 1
print(f(b, len(b), 3, 0), f(a, len(a), 3, 0))
b[7] = 2**62
print(f(b, len(b), 3, 2**62))                    # passes 2**63: a Python int
""", "--jit-threshold", "1").same()
    row = r.loop(3)
    assert row["versions"] == 1 and row["native_iterations"] >= 6, row


def test_a_sum_near_the_limit_leaves_as_the_inner_loop_starts(tmp_path):
    # |s| beyond 2**62 at the inner loop's start: it leaves there, state intact, and the
    # interpreter makes the big int; s crossing 2**62 within a run leaves at the next start
    r = Result(tmp_path, NESTED + """
big = [2**32 - 1] * 400
print(f(big, 400, 3, 0))
print(f(big, 400, 5, 2**62 - 2**41 - 2**40))
print(f([-x for x in big], 400, 5, -2**62 + 2**41))
print(f(big, 400, 3, 2**63 - 2**40))
""", "--jit-threshold", "1").same()
    reasons = {reason for reason, _ in r.exit_reasons(3)}
    assert "s beyond 2**62 as the loop starts" in reasons, reasons


def test_a_list_summed_and_stored_into_is_not_assumed_bounded(tmp_path):
    # a and b the same list: the stores change what the loop sums, so the entry refuses the
    # assumption (that version is dropped, the next has guards); a different b is fine
    r = Result(tmp_path, """
def g(a, b, reps):
    s = 0
    for r in range(reps):
        for i in range(len(a)):
            s += a[i]
            b[i] = 2**61 + i
    return s
a = [1] * 300
print(g(a, [0] * 300, 3))
c = [5] * 300
print(g(c, c, 3), c[:3])
print(g(c, c, 4), c[:3])
print(g(c, c, 4), c[:3])
""", "--jit-threshold", "1").same()
    # (had the entry not refused, the sum of the 2**61s stored would wrap: a wrong result)
    assert r.loop(4)["native_iterations"] >= 2


def test_an_inner_stop_beyond_the_bound_leaves_as_the_loop_starts(tmp_path):
    # range(m) with m beyond 2**29 (the loop breaks early): its iterations are not bounded,
    # so the check leaves at the inner loop's start and the interpreter runs it
    r = Result(tmp_path, """
def h(a, m, reps):
    s = 0
    for r in range(reps):
        for i in range(m):
            s += a[i % 10]
            if i == 100:
                break
    return s
a = [2**31] * 10
print(h(a, 1000, 3), h(a, 2**30, 3), h(a, 2**29, 2))
""", "--jit-threshold", "1").same()
    reasons = {reason for reason, _ in r.exit_reasons(4)}
    assert "a range's end beyond 2**29" in reasons, reasons


def test_a_list_an_inlined_callee_stores_into_is_not_assumed_bounded(tmp_path):
    # the callee's list is the summed one, held in a register of the inlined frame the
    # entry cannot compare: no element bounds for the region (the sum keeps its guard)
    r, texts = dump(tmp_path, """
def bump(b, i, r):
    if r == 2:
        b[i] = 2**61 + i

def g(a, reps):
    s = 0
    for r in range(reps):
        for i in range(len(a)):
            s += a[i]
            bump(a, i, r)
    return s
print(g([1] * 300, 4))
print(g([2] * 300, 5))
""")
    assert "add_ov" in stage(texts["prog_line8.txt"], "after dce")
