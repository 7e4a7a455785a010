"""Comparisons range analysis decides, branches that go with them, and if-conversion's
chained-comparison clean-up (selects of a temporary become ands and ors; a temporary
no later code reads is not kept round the loop; passes/predicates reduces what an elif
chain over one int leaves to a comparison or two an arm).

Each test runs the program under CPython and under Tauraro (threshold 1) and compares
stdout, exit code and the whole of stderr; the programs count how often each
comparison held, with values that reach both ends of every interval, so a comparison
decided wrongly (by one, or on the wrong edge) changes what they print.
"""
import re

from test_jit_ir import compound_booleans, dump, stage


def test_comparisons_the_intervals_decide_are_constants_and_their_branches_go(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, seed):
            x = seed
            a = b = c = d = e = g = h = k = m = 0
            for i in range(n):
                x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                v = x % 1000                 # 0 <= v <= 999
                u = v - 999                  # -999 <= u <= 0
                if v < 999:                  # (not decided: v reaches 999)
                    a += 1
                if v <= 999:                 # always
                    b += 1
                if u < 0:
                    c += 1
                if u <= 0:                   # always
                    d += 1
                if v != 0:
                    e += 1
                if v != 1000 and u != 1:     # always
                    g += 1
                if v > 998:
                    h += 1
                if v <= 0:                   # (v reaches 0: not decided)
                    c += 10
                if u >= 0:
                    d += 10
                if not (0 <= v < 1000):      # never
                    k -= 1
                if v < 100:
                    m += 1
                elif 100 <= v < 350:         # 100 <= v: always, where v < 100 was not
                    m += 2
                elif v >= 350 and u >= -649: # u >= -649 always, where v >= 350
                    m += 3
            return a, b, c, d, e, g, h, k, m
        print(f(30000, 12345), f(0, 1), f(5, 2 ** 40))
    """)
    text = texts["prog_line5.txt"]
    after = stage(text, "after ranges")
    # decided: v <= 999, u <= 0, v != 1000, u != 1, 0 <= v, v < 1000, 100 <= v, u >= -649
    assert after.count(" if ") < stage(text, "after fold").count(" if ")
    assert len(re.findall(r"= (lt|le|gt|ge|eq|ne) ", after)) \
        <= len(re.findall(r"= (lt|le|gt|ge|eq|ne) ", stage(text, "after fold"))) - 7


def test_a_comparison_the_intervals_do_not_decide_stays(tmp_path):
    # the same shapes with a divisor of the other sign and bounds one past the interval
    r, texts = dump(tmp_path, """
        def f(n, seed):
            x = seed
            a = b = c = 0
            for i in range(n):
                x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                v = x % -1000                # -999 <= v <= 0
                if v < 0:
                    a += 1
                if v >= -998:
                    b += 1
                if v == 0 or v == -999:
                    c += 1
            return a, b, c
        print(f(30000, 7))
    """)
    after = stage(texts["prog_line5.txt"], "after ranges")
    assert len(re.findall(r"= (lt|le|gt|ge|eq|ne) ", after)) == 4


def test_chained_comparisons_made_selects_are_ands_and_ors_and_exact(tmp_path):
    r, texts = dump(tmp_path, """
        def buckets(n, seed):
            x = seed
            c0 = c1 = c2 = c3 = c4 = edge = 0
            for i in range(n):
                x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                v = x % 1000
                if v < 100:
                    c0 += 1
                elif 100 <= v < 350:
                    c1 += 1
                elif 350 <= v <= 700:
                    c2 += 1
                elif 700 < v < 999:
                    c3 += 1
                else:
                    c4 += 1
                w = (x >> 10) % 1000
                if v < w <= 500 < x % 997:
                    edge += 1
                if w == v == 0 or 10 > w > v > 3:
                    edge -= 1
            return c0, c1, c2, c3, c4, edge
        print(buckets(40000, 12345), buckets(3, 1))
    """)
    text = texts["prog_line5.txt"]
    before, after = stage(text, "after licm"), stage(text, "after ifconv")
    assert "bool_and" in after and "bool_and" not in before
    # the temporaries of the chains (t13, and t14 for `500 < x % 997`) are forwarded where
    # they are read, and nothing reads their old values: t14's write has no select
    assert "setvar t14" in after and not re.search(r"getvar t1[34]\b", after)
    # passes/predicates: the elif arms after `if v < 100` (one block once converted) are a
    # comparison or two each, where ifconv left the short-circuit order's ands, ors, nots
    # and selects; the tests of w and x % 997 (predicates of several values) stay

    def chain(ir):
        return next(b for b in ir.split("\npc") if "setvar c1," in b)
    reduced = stage(text, "after predicates")
    assert compound_booleans(chain(after)) >= 12 and compound_booleans(chain(reduced)) <= 3, reduced
    assert compound_booleans(reduced) - compound_booleans(chain(reduced)) == \
        compound_booleans(after) - compound_booleans(chain(after))
    assert r.loop(5)["native_iterations"] > 30000


def test_a_slot_an_arm_writes_and_later_code_reads_keeps_its_select(tmp_path):
    # t is no loop variable (written first thing in each iteration) but is read after the
    # arm that may write it: the arm's write stays conditional; q is read only in the arm
    r, texts = dump(tmp_path, """
        def f(n):
            s = 0
            for i in range(n):
                t = i * 3
                if i % 3 == 0:
                    t = -t
                q = i % 7
                if q < 2 < t:
                    s += 1
                s += t
            return s
        print(f(5000), f(1))
    """)
    after = stage(texts["prog_line4.txt"], "after ifconv")
    assert "select_int" in after


def test_nested_selects_are_one_select_and_counters_add_their_condition(tmp_path):
    # each shape of a select of a select sharing a value, for ints, floats and bools, and
    # counters in an elif ladder (c ? n + 1 : n is n + c): values drawn so every condition
    # goes both ways
    r, texts = dump(tmp_path, """
        def f(n, seed):
            x = seed
            s1 = s2 = s3 = s4 = 0
            f1 = f2 = 0.0
            b1 = b2 = 0
            k0 = k1 = k2 = k3 = 0
            for i in range(n):
                x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                v = x % 100
                w = (x >> 8) % 100
                c = v < 50
                d = w < 30
                s1 += v if c else (w if d else v)
                s2 += v if c else (v if d else w)
                s3 += (w if d else v) if c else v
                s4 += (v if d else w) if c else v
                f1 += v * 0.5 if c else (w * 0.25 if d else v * 0.5)
                f2 += (v * 0.5 if d else w * 0.25) if c else v * 0.5
                b1 += (v > 20) if c else ((w > 70) if d else (v > 20))
                b2 += ((v > 20) if d else (w > 70)) if c else (v > 20)
                if v < 10:
                    k0 += 1
                elif v < 35 and w > 20:
                    k1 += 1
                elif 35 <= v <= 70 or w < 5:
                    k2 += 1
                elif v != 99:
                    k3 += 1
            return s1, s2, s3, s4, f1, f2, b1, b2, k0, k1, k2, k3
        print(f(20000, 12345), f(7, 99))
    """)
    after = stage(texts["prog_line8.txt"], "after ifconv")
    assert "bool_to_int" in after and "bool_and" in after
