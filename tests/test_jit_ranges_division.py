"""// and % by an int that is not a constant: the signs range analysis proves, the sign test
native code makes where it proves none, and Python's floor, zero divisor and overflow kept.

Each test runs the program under CPython and under Tauraro (threshold 1, so the loops
compile at once) and compares stdout, exit code and the whole of stderr; where a test is
about a rewrite, it also reads ``--jit-dump`` to check the rewrite happened, so the
program's output is the check that it was right.
"""
import re

from test_jit import jit
from test_jit_ir import dump, stage


def test_division_by_a_variable_of_every_sign_is_pythons_floor(tmp_path):
    # the same loop sees both operands >= 0 (the unsigned path) and every other sign
    # combination (the signed path, corrected), switching mid-run, and the edges of 64 bits
    r, texts = dump(tmp_path, """
        import sys
        M = sys.maxsize
        def f(xs, ys):
            hq = hr = 0
            for x in xs:
                for y in ys:
                    hq = (hq * 33) & 0xFFFFFFFF ^ x // y
                    hr = (hr * 33) & 0xFFFFFFFF ^ x % y
            return hq, hr
        xs = [0, 1, 6, 7, 8, 100, -1, -6, -7, -8, -100, M, -M, -M - 1, M - 3, 2**62 + 5]
        ys = [1, 2, 7, -1, -2, -7, 3, M, -M, -M - 1, 2**40 + 3, -(2**33) - 1]
        print(f(xs, ys))
        print(f(ys, xs[1:]))
    """)
    after = stage(texts["prog_line6.txt"], "after ranges")
    assert re.search(r"= floordiv_ov %", after) and re.search(r"= mod %", after)   # no sign proved


def test_floor_division_of_the_smallest_int_by_minus_one_overflows_into_a_python_int(tmp_path):
    r, texts = dump(tmp_path, """
        import sys
        def f(xs, d):
            q = r = 0
            for x in xs:
                q ^= x // d
                r ^= x % d
            return q, r
        print(f([5, -5, 0, 1 - sys.maxsize, -sys.maxsize - 1, 7], -1))
        print(f([-sys.maxsize - 1, 3], 1))
    """)
    assert any(reason == "int overflow" for reason, _ in r.exit_reasons(5))


def test_a_zero_divisor_raises_cpythons_zero_division_error_from_both_paths(tmp_path):
    # x >= 0 and y >= 0 (the unsigned path) up to a zero divisor, then a negative x
    for x0 in (10, -10):
        sub = tmp_path / ("x%d" % (x0 + 100))
        sub.mkdir()
        r, texts = dump(sub, """
            def gcdish(x, ys):
                t = 0
                for y in ys:
                    t += x % y + x // (y + 1)
                return t
            print(gcdish(X0, [5, 4, 3, 2, 1]))
            print(gcdish(X0, [5, 4, 3, 2, 1, 0, 7]))
        """.replace("X0", str(x0)))
        assert "ZeroDivisionError: integer modulo by zero" in r.got.stderr


def test_euclids_remainders_keep_their_signs_and_results(tmp_path):
    # gcd by x, y = y, x % y: Python's gcd of negative numbers has the divisor's sign
    r, texts = dump(tmp_path, """
        def gcd_sum(pairs):
            total = 0
            for a, b in pairs:
                x, y = a, b
                while y:
                    x, y = y, x % y
                total = total * 31 % 1000000007 + x
            return total
        pairs = [(a * 7919, b * 104729 - a) for a in range(-40, 40) for b in (-3, -1, 1, 2)]
        print(gcd_sum(pairs), gcd_sum([(0, 5), (5, 0), (-12, 18), (12, -18), (-12, -18)]))
    """)


def test_divisions_of_proved_signs_are_unsigned_and_the_loop_condition_proves_a_divisor_non_zero(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, m):
            t = 0
            for a in range(n):
                for b in range(1, m):
                    t += a // b + a % b
                y = a % 9
                while y:                         # y != 0 in the body: no zero check
                    t += a % y - a // y
                    y -= 1
                if y != 0:
                    t += 1
                else:
                    t += a // (y + 3)
            return t
        print(f(300, 40), f(0, 5), f(5, 0))
    """)
    text = texts["prog_line4.txt"]
    before, after = stage(text, "after fold"), stage(text, "after ranges")
    assert "check_nonzero" in before and "check_nonzero" not in after
    assert len(re.findall(r"= floordiv_nnv %", after)) >= 2 and len(re.findall(r"= mod_nnv %", after)) >= 2
    assert not re.search(r"= (mod|floordiv|floordiv_ov) %", after)


def test_a_divisor_that_may_be_zero_or_negative_keeps_its_check_and_its_signs(tmp_path):
    # the same shapes as above, but b passes through 0 and y is any int: nothing is proved,
    # and the zero divisor raises where CPython does, with its traceback
    r, texts = dump(tmp_path, """
        def f(n, lo, start, k):
            t = 0
            for a in range(-n, n):
                for b in range(lo, 4):
                    if b:
                        t += a // b + a % b
                    t += a % (b - k)
                for c in range(1, 5):            # c > 0, but a may be negative
                    t += a // c * 3 - a % c
                y = a - start
                while y:
                    t += a % y - a // y
                    y = y // 2 if y > 0 else -(-y // 2)
            return t
        print(f(50, -5, 3, 10))
        print(f(50, -5, -3, 10))
        print(f(5, 0, 3, 2))
    """)
    after = stage(texts["prog_line4.txt"], "after ranges")
    assert "check_nonzero" in after and "_nnv" not in after
    assert "ZeroDivisionError: integer modulo by zero" in r.got.stderr


def test_a_truth_test_proves_its_divisor_non_zero_on_its_true_edge_only(tmp_path):
    # y != 0 where `if y:` is true (no zero check); where it is false, y is 0 and the
    # division by it raises CPython's error from the interpreter's frame
    r, texts = dump(tmp_path, """
        def g(n, late):
            t = 0
            for a in range(n):
                y = a % 5
                if y:
                    t += a % y + a // y
                elif a >= late:
                    t += 7 // y
            return t
        print(g(100, 1000))
        print(g(100, 37))
    """)
    after = stage(texts["prog_line4.txt"], "after ranges")
    assert after.count("check_nonzero") == 1 and "mod_nnv" in after
    assert r.got.stderr.endswith("ZeroDivisionError: integer division or modulo by zero\n")


def test_division_by_a_constant_of_either_sign_is_pythons_floor_at_the_edges_of_64_bits(tmp_path):
    # one unsigned division of a value made >= 0 per // or % by a constant (emit's
    # _divmod_const): ints of every size and sign, around multiples of the divisors, and
    # the ends of 64 bits (-2**63 // -d needs the wrapped a - 1 handled)
    divisors = ["3", "-3", "7", "-7", "641", "-641", "1000000007", "-1000000007", "(2 ** 62 + 1)",
                "-(2 ** 62 + 1)", "M", "-M", "(-M - 1)", "2", "-2", "6", "-6", "(2 ** 32 + 15)"]
    body = "\n".join("                h = ((h & 0xFFFFFFFFFF) * 33) ^ (x %s %s)" % (op, c)
                     for c in divisors for op in ("//", "%"))
    r = jit(tmp_path, """
        import random, sys
        M = sys.maxsize
        def f(xs):
            h = 0
            for x in xs:
BODY
            return h
        rng = random.Random(5)
        edges = [0, 1, -1, 2, -2, 3, -3, 6, -6, 7, -7, 8, -8, 640, 641, 642, -640, -641, -642,
                 M, -M, -M - 1, M - 1, M - 2, -M + 1, 2 ** 62, -2 ** 62, 2 ** 62 + 1, -2 ** 62 - 1,
                 2 ** 62 + 2, -2 ** 62 - 2, 1000000007, -1000000007, 1000000008, -1000000006,
                 2 ** 32 + 15, -2 ** 32 - 15, 2 ** 32 + 16, -2 ** 32 - 14]
        xs = edges + [rng.randrange(-2 ** 63, 2 ** 63) >> rng.randrange(64) for _ in range(3000)]
        print(f(xs), f(edges))
    """.replace("BODY", body))
    assert r.loop(6)["native_iterations"] >= 3000 and not r.got.stderr
