"""The compile path's own choices, each checked against CPython: the multiply overflow
check (the 128-bit product)."""
from test_jit import jit

I64 = 2 ** 63
# (a, b): products at and just past the edges of a 64-bit int, both signs
MUL_CASES = [(2 ** 31, 2 ** 31), (2 ** 32, 2 ** 31), (-2 ** 32, 2 ** 31), (-1, -I64), (-I64, 1), (-I64, -1),
             (3037000499, 3037000499), (3037000500, 3037000500), (-3037000500, 3037000500),
             (0, -I64), (-I64, 0), (2 ** 62, -2), (2 ** 62, 2), (-2 ** 62, 2), (I64 - 1, 1), (I64 - 1, -1),
             (7, -1317624576693539401), (7, -1317624576693539402), (-7, 1317624576693539401),
             (-7, 1317624576693539402), (-1, I64 - 1), (-3, 3074457345618258602), (-3, 3074457345618258603)]


def test_multiply_overflow_guard_fails_exactly_past_64_bits(tmp_path):
    # each call runs 300 products of 3 * 3 natively, then the case's, both ways round;
    # a product that does not fit leaves through the guard and CPython's big int follows
    r = jit(tmp_path, """
        def g(A, B):
            t = 0
            for i in range(len(A)):
                t = t ^ (A[i] * B[i])
            return t

        pad = [3] * 300
        for a, b in %r:
            print(a, b, g(pad + [a], pad + [b]), g(pad + [b], pad + [a]))
    """ % (MUL_CASES,))
    overflowing = sum(1 for a, b in MUL_CASES if not -I64 <= a * b < I64)
    assert 0 < overflowing < len(MUL_CASES)
    assert r.exit_reasons(4).get(("int overflow", 5)) == 2 * overflowing
    assert r.loop(4)["status"] == "compiled"


def test_multiply_overflow_of_a_loop_carried_product(tmp_path):
    # the factor grows each iteration until the product passes 2**63 (or -2**63)
    jit(tmp_path, """
        def grow(x, k, n):
            out = []
            for i in range(n):
                x = x * k
                out.append(x)
            return out

        for x, k in [(1, 3), (-1, 3), (1, -3), (5, 7), (-5, -7), (2, 2), (-2, 2), (1, -2)]:
            print(grow(x, k, 70)[-4:])
    """)
