"""A loop whose values come in more kinds than it keeps versions for (``MAX_VERSIONS``):
an integrator handed a fifth integrand keeps its versions for the first four and runs the
fifth's calls as written; a program that moves on to other integrands gets versions for
them, in place of ones left unused (``JitController._make_room``). Each program runs
under CPython and under Tauraro, and must print the same."""
from test_jit import jit
from test_jit_slots import line

SIMPSON = """
    import math

    def simpson(f, a, b, n):
        h = (b - a) / n
        s = f(a) + f(b)
        for i in range(1, n):               # loop
            s += (4.0 if i & 1 else 2.0) * f(a + i * h)
        return s * h / 3.0

    def f1(x): return x * x
    def f2(x): return x * x * x
    def f3(x): return 1.0 / (1.0 + x * x)
    def f4(x): return math.sqrt(x + 1.0)
    def f5(x): return x * (1.0 - x)
    def f6(x): return (x + 1.0) * (x - 2.0)
"""


def test_a_loop_given_more_kinds_than_versions_keeps_its_versions(tmp_path):
    # six integrands in turn, three times: the first four get versions (f4's reads the
    # global math, which the loop's entry values gain then: the first three's versions are
    # found again all the same), the other two run as written each time. Given up at the
    # fifth before, every later run went as written, the first four's too
    src = SIMPSON + """
    out = []
    for rep in range(3):
        for f in (f1, f2, f3, f4, f5, f6):
            out.append(simpson(f, 0.0, 1.0, 3000))
    print(["%.12f" % v for v in out])
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["status"] == "compiled" and row["versions"] == 4, row
    assert row["refused"]["no_room_for_a_version"] == 6, row["refused"]
    assert row["versions_dropped"] == 0, row
    # (twelve runs of 2,999 iterations entered at their first)
    assert row["entries"] == 12 and row["native_iterations"] >= 12 * 2990, row


def test_versions_left_unused_make_room_for_new_kinds(tmp_path):
    # four integrands, then two others only: after a few of their runs as written, the
    # versions unused longest make room for them, and their later runs are native
    src = SIMPSON + """
    out = []
    for rep in range(2):
        for f in (f1, f2, f3, f4):
            out.append(simpson(f, 0.0, 1.0, 3000))
    for rep in range(8):
        for f in (f5, f6):
            out.append(simpson(f, 0.0, 2.0, 3000))
    print(["%.12f" % v for v in out])
    """
    row = jit(tmp_path, src).loop(line(src))
    assert row["status"] == "compiled" and row["versions"] == 4, row
    assert row["versions_dropped"] == 2, row
    runs_as_written = row["refused"]["no_room_for_a_version"]
    assert 1 <= runs_as_written <= 8, row["refused"]
    assert row["entries"] == 24 - runs_as_written, row
