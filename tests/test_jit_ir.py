"""The IR passes do their work, and what they change stays exact.

Each test reads ``--jit-dump`` (the IR after each pass) to check a pass did what it is
for, and runs the program against CPython, so a pass that removed a guard it should not
have would show as a wrong result.
"""
import random
import re
import sys

from harness import run
from test_jit import Result

from tauraro.jit.region import dominator_sets
from tauraro.wasmgen.structure import reverse_postorder


def dump(tmp_path, src, *options):
    out = tmp_path / "dump"
    out.mkdir()
    r = Result(tmp_path, src, "--jit-threshold", "1", "--jit-dump", str(out), *options).same()
    texts = {p.name: p.read_text() for p in out.iterdir()}
    return r, texts


def stage(text, name) -> str:
    """The IR text of one stage of a dump."""
    part = text.split("--- IR %s\n" % name)[1]
    return part.split("\n---")[0]


def test_range_analysis_drops_overflow_guards_it_proves(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, k):
            t = 0
            for i in range(n):
                v = i % 1000
                t += v * v + (v >> 2) + k
            return t
        print(f(5000, 3))
    """)
    text = texts["prog_line4.txt"]
    before, after = stage(text, "after fold"), stage(text, "after ranges")
    assert "mul_ov" in before and "mul_ov" not in after and re.search(r"= mul %", after)
    assert "add_ov" in after          # t's sum and k are unbounded: their guards stay


def test_division_of_a_non_negative_int_by_a_constant_is_unsigned(tmp_path):
    r, texts = dump(tmp_path, """
        def digits(n):
            total = 0
            for i in range(n):
                x = i
                while x > 0:
                    total += x % 10 - x // 7 % 3
                    x //= 10
                total += i % -3 + (i - 50) // 9
            return total
        print(digits(3000), digits(-5))
    """)
    text = texts["prog_line4.txt"]
    before, after = stage(text, "after fold"), stage(text, "after ranges")
    # x > 0 in the while loop's body: its // and % are unsigned (a multiply where the range's
    # bound, checked at entry, bounds x); i - 50 may be negative, and % -3 is by a negative
    # constant: those keep the floor's correction
    assert "mod_nn" not in before and re.search(r"= mod_(nn|mul) %\S+, #\(?10", after)
    assert re.search(r"= floordiv_(nn|mul) %\S+, #\(?10", after)
    assert re.search(r"= floordiv_(nn|mul) %\S+, #\(?7", after)
    assert re.search(r"= mod_const %\S+, #-3", after) and re.search(r"= floordiv_const %\S+, #9", after)


def test_an_overflow_guard_with_an_operand_known_non_negative_is_one_comparison(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, t, u):
            for i in range(n):
                t += i * 2 ** 40
                u -= i * 2 ** 40
            return t, u
        print(f(3000, 0, 0), f(3000, 2 ** 63 - 2 ** 50, -2 ** 63 + 2 ** 50))
    """)
    after = stage(texts["prog_line3.txt"], "after ranges")
    # i counts up from 0: i * 2**40 >= 0 (range(n), the version's entry checks its start)
    assert re.search(r"= add_ov_nn %\S+, %\S+", after) and re.search(r"= sub_ov_nn %\S+, %\S+", after)
    assert any(reason == "int overflow" for reason, _ in r.exit_reasons(3))


def test_cse_forwards_slots_and_merges_pure_ops(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, a, b):
            t = 0.0
            for i in range(n):
                t += (a * b) + (a * b)
            return t
        print(f(3000, 1.5, 2.25))
    """)
    text = texts["prog_line4.txt"]
    recorded, after = stage(text, "as recorded"), stage(text, "after cse")
    assert recorded.count("fmul") == 2 and after.count("fmul") == 1
    assert after.count("getvar a") < recorded.count("getvar a")


def test_an_invariant_guard_is_hoisted_and_leaves_at_the_loop_entry(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, d):
            t = 0
            for i in range(n):
                t += i // d + i % d
            return t
        print(f(3000, 7), f(3000, 7), f(3000, -3))
        try:
            print(f(3000, 0))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
    """)
    text = texts["prog_line4.txt"]
    after = stage(text, "after licm")
    preheader = after.split("pc")[0]
    assert "check_nonzero" in preheader, after


def test_a_branch_decided_at_compile_time_is_pruned(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n):
            t = 0
            for i in range(n):
                if 7 < 5:
                    t -= 1
                t += i
            return t
        print(f(3000))
    """)
    text = texts["prog_line4.txt"]
    recorded, after = stage(text, "as recorded"), stage(text, "after fold")
    assert " lt " in recorded and " lt " not in after
    assert "sub_ov" in recorded and "sub_ov" not in after      # the block is gone


def test_the_dump_is_the_same_every_time(tmp_path):
    (tmp_path / "prog.py").write_text(
        "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * 3 % 7\n    return t\nprint(f(5000))\n")
    texts = []
    for k in range(2):
        d = tmp_path / ("d%d" % k)
        d.mkdir()
        got = run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "1", "--jit-dump", str(d),
                   "--no-jit-cache"], tmp_path / "prog.py")
        assert got.returncode == 0
        texts.append((d / "prog_line3.txt").read_text())
    assert texts[0] == texts[1]


def test_a_function_compiled_whole_is_dumped_with_its_stages(tmp_path):
    r, texts = dump(tmp_path, """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)

        print(fib(20))
    """)
    text = texts["prog_function_line2.txt"]
    sections = [line for line in text.splitlines() if line.startswith(("===", "---"))]
    assert sections[:3] == ["=== %s line 2: function fib, version 1" % (tmp_path / "prog.py"),
                            "--- argument types: int", "--- IR as recorded"]
    assert sections[-1] == "--- wasm text" and "call_self" in text and "(func $fib_line2" in text


def test_if_conversion_makes_short_arms_selects_with_their_add_guards_speculated(tmp_path):
    r, texts = dump(tmp_path, """
        def f(n, lo, hi, one=1):
            x = 12345
            inside = edge = 0
            m = 0.0
            last = -1
            for i in range(n):
                x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                v = x % 1000
                w = (x >> 10) % 1000
                if lo <= v < hi:                 # a triangle: the chain's second test
                    inside += one                # (a guarded arm: inside + select(cond, one, 0))
                if v < w <= 500 < x % 997:
                    edge += one
                m = v * 0.5 if v > w else w * 0.25    # a diamond of floats
                if w > 990:
                    last = i                     # a write of a variable live after the loop
            return inside, edge, m, last
        print(f(20000, 100, 350), f(3000, 500, 400))
    """)
    text = texts["prog_line7.txt"]
    before, after = stage(text, "after licm"), stage(text, "after ifconv")
    assert "select" not in before
    assert "select_bool" in after and "select_float" in after and "select_int" in after
    # guards kept, made unconditional (the LCG's own add is proved: x is checked at entry)
    assert after.count("add_ov") == before.count("add_ov") == 2
    assert after.count("select_int") >= 3 and after.count("if %") == 1     # only the loop's own test


def test_a_speculated_guard_leaves_only_where_its_arm_runs_and_exactly_there(tmp_path):
    # counters near 2**63 in an if/elif chain: each arm's c += 1 is an add of select(cond, 1, 0)
    # after if-conversion; the one that overflows leaves from its arm's state, and CPython
    # finishes with big ints
    r, texts = dump(tmp_path, """
        import sys
        def f(n, c0, c1, c2, one=1):
            x = 7
            for i in range(n):                   # (one, not 1: no bound proves these sums)
                x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                v = x % 100
                if v < 30:
                    c0 += one
                elif v < 60:
                    c1 += one + one
                    c1 -= one
                else:
                    c2 -= one
        big = sys.maxsize
        print(f(2000, 0, 0, 0))
        print(f(2000, big - 500, 10, 0))
        print(f(2000, 5, big - 700, 0))
        print(f(2000, 5, 0, -big + 600))
    """)
    text = texts["prog_line5.txt"]
    before, after = stage(text, "after licm"), stage(text, "after ifconv")
    assert after.count("if %") < before.count("if %") and after.count("select_int") >= 3
    assert after.count("_ov") == before.count("_ov") >= 5


def test_division_of_a_bounded_int_by_a_constant_is_a_multiply_and_exact_at_the_edges(tmp_path):
    r, texts = dump(tmp_path, """
        def f(start, n):
            t = 0
            for i in range(start, start + n):
                x = i & 0x7FFFFFFF                  # 0 <= x < 2**31
                y = (i * 2654435761) & 0xFFFFFFFFF  # 0 <= y < 2**36
                t += x % 1000 + x // 7 + x % 641 + (x >> 9) // 997 + y // 12345 + y % 3
                t += x // 2147483647 + x % 2147483646
            return t
        for start in (0, 2**31 - 700, 2**32 - 300, 5 * 2**31 - 1000, 2**40 + 2**31 - 50):
            print(start, f(start, 1500))
    """)
    after = stage(texts["prog_line4.txt"], "after ranges")
    assert after.count("floordiv_mul") >= 3 and after.count("mod_mul") >= 3
    assert "div_u" not in after and "rem_u" not in after


def test_the_reciprocal_of_a_divisor_is_exact_for_every_int_up_to_the_bound():
    import random
    from tauraro.jit.ir.passes.ranges import reciprocal
    rnd = random.Random(8)
    found = 0
    for c in (3, 7, 10, 641, 997, 1000, 12345, 2**31 - 1, 6700417, 3**20, 2**33 + 1):
        for hi in (1000, 2**21, 2**31 - 1, 2**32, 2**36 - 1, 2**40, 2**63 - 1):
            magic = reciprocal(c, hi)
            if magic is None:
                continue
            found += 1
            m, s = magic
            xs = [0, 1, c - 1, c, c + 1, hi, hi - 1, hi - hi % c, hi - hi % c - 1]
            xs += [rnd.randrange(hi + 1) for _ in range(3000)] + [k * c - 1 for k in range(1, 40)]
            for x in xs:
                if 0 <= x <= hi:
                    assert x * m < 2**64 and (x * m) >> s == x // c, (c, hi, x)
    assert found >= 30
    assert reciprocal(10, 2**63 - 1) is None        # no 64-bit product serves every int


def test_an_index_counting_below_the_length_of_its_list_needs_no_bounds_check(tmp_path):
    r, texts = dump(tmp_path, """
        def f(a, b, reps):
            s = 0
            for r in range(reps):
                for i in range(len(a)):          # i < len(a): a[i] is in bounds
                    s += a[i] * r
                for j in range(len(a)):          # b is another list: len(a) <= len(b) at entry
                    s += b[j % 3] + b[j]         # (j % 3 is no range's position: checked)
                for k in range(len(a)):
                    k += 1                       # k written twice: checked
                    s -= a[k - 1]
            return s
        print(f(list(range(50)), list(range(60)), 4))
        try:
            print(f(list(range(50)), list(range(40)), 4))
        except IndexError as e:
            print("IndexError", e)
        f(list(range(10)), [1] * 5, 1)
    """)
    before, after = (stage(texts["prog_line4.txt"], s) for s in ("after ranges", "after bounds"))
    assert before.count("index_nonneg") == 4 and after.count("index_nonneg") == 2
    assert after.count("= elem") == before.count("= elem") + 2
    assert after.count("check_le") == 1


def test_a_bounds_check_stays_where_the_list_or_its_stop_may_change(tmp_path):
    r, texts = dump(tmp_path, """
        def f(a, b, reps):
            s = 0
            for r in range(reps):
                n = len(a)
                if r == 2:
                    n += 3                       # the stop is not a's length on one pass
                for i in range(n):
                    s += a[i]
                a = b                            # a changes: its length is not the run's
            return s
        print(f(list(range(50)), list(range(60)), 2))
        f(list(range(50)), list(range(60)), 4)
    """)
    after = stage(texts["prog_line4.txt"], "after bounds")
    assert "index_nonneg" in after


def test_a_sum_of_bounded_steps_needs_no_overflow_guard_in_a_run_of_bounded_length(tmp_path):
    # count += 1 and total += v (0 <= v < 1000): a run leaves once a loop took 2**26 back
    # edges, so neither can pass 2**63 from within 2**62, which the entry checks
    r, texts = dump(tmp_path, """
        import sys
        def f(n, count, total):
            for i in range(n):
                v = (i * 7919) % 1000
                count += 1
                if v > 500:
                    total -= v
                else:
                    total += v
            return count, total
        big = sys.maxsize // 2 + 10            # beyond 2**62: the run leaves at entry
        print(f(3000, 0, 0), f(3000, 5, -big), f(3000, big, 0))
    """)
    text = texts["prog_line4.txt"]
    after = stage(text, "after ranges")
    assert "add_ov" not in after and "sub_ov" not in after
    assert stage(text, "after dce").count("check_abs") == 2
    reasons = {reason for reason, line in r.exit_reasons(4)}
    assert {"total beyond 2**62 at entry", "count beyond 2**62 at entry"} & reasons, reasons


def test_a_long_run_leaves_after_its_budget_and_goes_on(tmp_path):
    from tauraro.jit.ir.passes.accumulate import BUDGET
    r = Result(tmp_path, """
        def f(n):
            count = 0
            for i in range(n):
                count += i & 1
            return count
        print(f(3000), f(%d))
    """ % (BUDGET + 50000), "--jit-threshold", "1").same()
    row = r.loop(4)
    assert "a run's %d iterations" % BUDGET in str(row["exits"]), row
    assert row["native_iterations"] >= BUDGET


def test_a_sum_of_a_ranges_positions_is_proved_with_the_ranges_ends_checked_at_entry(tmp_path):
    r, texts = dump(tmp_path, """
        def f(a, b, total):
            for i in range(a, b):
                total += i
            return total
        print(f(0, 5000, 0), f(-7000, -2000, 3))
        print(f(2**32 - 100, 2**32 + 100, 0))      # beyond 2**32: it leaves at entry
        print(f(2**62 - 10, 2**62 + 5, 2**62))      # (and CPython makes big ints)
    """)
    text = texts["prog_line3.txt"]
    assert "add_ov" not in stage(text, "after ranges")
    assert stage(text, "after dce").count("check_abs") == 3      # total, and the range's two ends
    reasons = {reason for reason, line in r.exit_reasons(3)}
    assert any("beyond 2**32 at entry" in x for x in reasons), reasons


def _naive_dominators(entry, order, preds):
    dom = {n: set(order) for n in order}
    dom[entry] = {entry}
    changed = True
    while changed:
        changed = False
        for n in order:
            if n == entry:
                continue
            ps = [dom[p] for p in preds(n) if p in dom]
            if ps:
                new = set.intersection(*ps) | {n}
                if new != dom[n]:
                    dom[n] = new
                    changed = True
    return dom


def test_dominator_sets_are_those_of_the_definition_on_random_graphs():
    rng = random.Random(7)
    for _ in range(2000):
        n = rng.randint(1, 40)
        succs = {k: rng.sample(range(n), rng.randint(0, min(3, n))) for k in range(n)}
        order = reverse_postorder(0, succs.__getitem__, succs)
        preds = {k: [] for k in range(n)}
        for k in range(n):
            for t in succs[k]:
                preds[t].append(k)
        assert dominator_sets(0, order, preds.__getitem__) == _naive_dominators(0, order, preds.__getitem__)


def test_only_the_lists_a_loops_stores_reach_are_charged_for_writing_back(tmp_path):
    # (ir.stores: a DP over a read-only grid was charged the grid's writing back too, and
    # refused an entry that paid) the table's rows are written through the table and
    # through a row taken from it in the loop; the grid and the weights are only read
    r, texts = dump(tmp_path, """
        def fill(grid, dp, weights, rows, cols):
            for i in range(1, rows):
                row = dp[i]
                for j in range(1, cols):
                    a = dp[i - 1][j] + grid[i][j] * weights[j]
                    b = row[j - 1] + grid[i][j]
                    row[j] = a if a < b else b
            return dp[rows - 1][cols - 1]

        def scale(xs, k):
            for i in range(len(xs)):
                xs[i] = xs[i] * k
            return xs[-1]

        g = [[(i * 7 + j * 3) % 10 for j in range(60)] for i in range(50)]
        d = [[0] * 60 for _ in range(50)]
        w = [j % 3 for j in range(60)]
        print(fill(g, d, w, 50, 60), d[49][50:], scale(list(range(500)), 3))
    """)
    said = {name: [line for line in t.splitlines() if line.startswith("--- written back")]
            for name, t in texts.items()}
    # (the row loop's: the table, and the row it holds at entry; the cell loop, compiled
    # alone, only reaches the row)
    assert said["prog_line3.txt"] == ["--- written back at exit: lists reached through r1(dp), r6(row)"], said
    assert said["prog_line5.txt"] == ["--- written back at exit: lists reached through r6(row)"], said
    assert said["prog_line12.txt"] == ["--- written back at exit: lists reached through r0(xs)"], said


def test_every_pass_leaves_each_value_used_in_its_own_block_only(tmp_path):
    # (cse, fold and the substitutions after them look only at the blocks a pass changed
    # when ranges or ifconv run them again: sound while a value is used in its own block --
    # or, made before the loop, anywhere -- and reaches other blocks through slots)
    from harness import launched
    got, expected = launched(tmp_path, (
        "import atexit\n"
        "import tauraro.jit.ir.passes as P\n"
        "bad, checked = [], [0]\n"
        "def check(graph, stage):\n"
        "    checked[0] += 1\n"
        "    before = set(graph.preheader)\n"
        "    for b in graph.blocks.values():\n"
        "        mine = set()\n"
        "        for ins in b.instrs:\n"
        "            bad.extend((stage, ins.op, a.op) for a in ins.args\n"
        "                       if a not in mine and a not in before and 'const' not in a.opdef.flags)\n"
        "            mine.add(ins)\n"
        "        t = b.term\n"
        "        if t[0] in ('branch', 'return') and t[1] is not None and t[1] not in mine \\\n"
        "                and t[1] not in before and 'const' not in t[1].opdef.flags:\n"
        "            bad.append((stage, 'term', t[1].op))\n"
        "def optimize(graph, stages=None):\n"
        "    check(graph, 'as recorded')\n"
        "    for name, run in P.PIPELINE:\n"
        "        run(graph)\n"
        "        check(graph, name)\n"
        "P.optimize = optimize\n"
        "atexit.register(lambda: sys.stderr.write('checked %d, crossing %r\\n' % (checked[0], bad[:5])))\n"), (
        "class P:\n"
        "    def __init__(self, x, y):\n"
        "        self.x = x\n"
        "        self.y = y\n"
        "    def d(self, o):\n"
        "        return abs(self.x - o.x) + abs(self.y - o.y)\n"
        "def f(n, ps):\n"
        "    t = 0\n"
        "    best = None\n"
        "    for i in range(n):\n"
        "        v = i % 1000\n"
        "        if 0 <= v < 1000 and v > 3:\n"          # (decided by ranges, a chain ifconv merges)
        "            t += v if v & 1 else -v\n"
        "        p = ps[i % len(ps)]\n"
        "        if best is None or p.d(ps[0]) < best.d(ps[0]):\n"
        "            best = p\n"
        "    return t, best.x\n"
        "print(f(5000, [P(k % 7, k % 5) for k in range(50)]))\n"), "--jit-threshold", "1", "--no-jit-cache")
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    line = [l for l in got.stderr.splitlines() if l.startswith("checked ")][0]
    assert not line.startswith("checked 0,") and line.endswith("crossing []"), line


def test_a_loop_over_a_range_polls_for_ctrl_c_once_a_chunk_unless_an_op_may_take_long(tmp_path):
    # (passes/polls) the tight loop looks at the flag at its range's limit; the loop comparing
    # strs (a LONG op: as long as the strs), and the nest (its inner loop's runs are not the
    # region's range), at every back edge, as before
    from tauraro.jit.ir.passes.polls import CHUNK
    r, texts = dump(tmp_path, """
        def tight(n):
            total = 0
            for i in range(n):
                total += i * i
            return total
        def strs(words, w, n):
            hits = 0
            for k in range(n):
                if words[k % 3] == w:
                    hits += 1
            return hits
        def nest(n):
            total = 0
            for i in range(n):
                for j in range(i):
                    total += j
            return total
        print(tight(20000), strs(["ab", "cd", "ab" * 3], "ab", 30000), nest(300))
    """)
    note = "polls for Ctrl-C once %d iterations" % CHUNK
    tight = texts["prog_line4.txt"]
    assert note in stage(tight, "after polls") and note not in stage(tight, "after dce")
    assert "str_eq" in texts["prog_line9.txt"] and note not in texts["prog_line9.txt"]
    nests = [text for name, text in texts.items() if name.startswith("prog_line15")]
    assert nests and not any(note in text for text in nests)
    assert r.loop(4)["native_iterations"] > 15000


def compound_booleans(text) -> int:
    """The boolean ops built of other booleans in an IR text (what passes/predicates reduces)."""
    return sum(text.count(" = %s " % op) for op in ("bool_and", "bool_or", "not", "select_bool"))


def test_predicate_sets_agree_with_the_predicates_at_every_boundary_and_the_64_bit_ends():
    # the set algebra of passes/predicates against the predicates themselves, on formulas
    # of comparisons with constants at and around the ends of 64-bit ints
    from tauraro.jit.ir.passes.predicates import NEG, POS, _COMBINE, _WITH_CONSTANT, _join, _meet, _not
    rng = random.Random(5)
    consts = [NEG, NEG + 1, NEG + 2, -7, -1, 0, 1, 2, 7, POS - 2, POS - 1, POS]
    points = sorted({c + d for c in consts for d in (-1, 0, 1) if NEG <= c + d <= POS})
    ops = {"lt": lambda a, b: a < b, "le": lambda a, b: a <= b, "gt": lambda a, b: a > b,
           "ge": lambda a, b: a >= b, "eq": lambda a, b: a == b, "ne": lambda a, b: a != b}
    logic = {"bool_and": lambda a, b: a and b, "bool_or": lambda a, b: a or b,
             "bool_xor": lambda a, b: a != b, "bool_ne": lambda a, b: a != b, "bool_eq": lambda a, b: a == b}

    def formula(depth):
        k = rng.random()
        if depth == 0 or k < 0.3:
            op, c = rng.choice(sorted(ops)), rng.choice(consts)
            return (lambda v: ops[op](v, c)), _WITH_CONSTANT[op](c)
        if k < 0.45:
            f, s = formula(depth - 1)
            return (lambda v: not f(v)), _not(s)
        if k < 0.6:
            (c, sc), (a, sa), (b, sb) = formula(depth - 1), formula(depth - 1), formula(depth - 1)
            return (lambda v: a(v) if c(v) else b(v)), _join(_meet(sc, sa), _meet(_not(sc), sb))
        op = rng.choice(sorted(logic))
        (a, sa), (b, sb) = formula(depth - 1), formula(depth - 1)
        return (lambda v: logic[op](a(v), b(v))), _COMBINE[op](sa, sb)

    for _ in range(400):
        f, s = formula(4)
        assert all(lo <= hi and (k == 0 or s[k - 1][1] + 1 < lo) for k, (lo, hi) in enumerate(s)), s
        for v in points:
            assert f(v) == any(lo <= v <= hi for lo, hi in s), (v, s)


def test_a_guard_repeated_in_a_block_is_checked_once_and_exits_where_the_first_would(tmp_path):
    # passes/cse: an overflow-checked add and a bounds check whose outcome is their operands'
    # alone, asked again in the same block, are the first ones, and so is a load with no
    # store between; a sum past 64 bits still leaves at the first, and the interpreter
    # makes the big ints CPython does
    r, texts = dump(tmp_path, """
        def f(a, k):
            out = 0
            for i in range(len(a) - 1):
                x = a[i + 1] + k
                y = a[i + 1] + k
                out = (out + x * 3 - y * 2) % 1000003
            return out

        print(f(list(range(5000)), 7), f([1, 2, 3, 2 ** 62, 2 ** 62, 5] * 700, 2 ** 62))
    """)
    text = texts["prog_line4.txt"]
    before, after = stage(text, "as recorded"), stage(text, "after cse")
    # (i + 1 asked twice: one add; a[i + 1] twice: one bounds check and one load of the
    # element, no store between; and so one add of k)
    assert before.count(" = add_ov ") == after.count(" = add_ov ") + 2, after
    assert before.count(" = index") == 2 and after.count(" = index") == 1, after
    assert before.count(" = load_int") == 2 and after.count(" = load_int") == 1, after
    assert r.loop(4)["native_iterations"] > 4000


def test_a_load_is_merged_only_until_a_store_of_memory(tmp_path):
    # passes/cse: a list's element and length read again after a store into the list (or an
    # append) are read again -- the values the program sees are those after the store
    r, texts = dump(tmp_path, """
        def f(a, n):
            t = 0
            for i in range(n):
                j = i % len(a)
                x = a[j]
                a[j] = x * 3 % 1001
                y = a[j]
                z = a[(j + 1) % len(a)]
                t += x + y + z + len(a)
            return t, a[:5]

        print(f([k % 17 for k in range(100)], 5000))
    """)
    text = stage(texts["prog_line4.txt"], "after cse")
    assert text.count(" = load_int") >= 3, text
    assert r.loop(4)["native_iterations"] > 4000


def _random_condition(rng, depth=0):
    """A random test of v (and now and then of w): comparisons with constants, chained
    ones, ==, !=, not, and, or."""
    k = rng.random()
    c = lambda: rng.choice([-1000, -300, -7, -1, 0, 1, 2, 7, 99, 100, 350, 700, 999, 1000])
    if depth >= 2 or k < 0.45:
        a, b = sorted((c(), c()))
        return rng.choice([
            "v < %d" % a, "v <= %d" % a, "v > %d" % a, "v >= %d" % a, "v == %d" % a, "v != %d" % a,
            "%d <= v < %d" % (a, b), "%d < v <= %d" % (a, b), "%d <= v <= %d" % (a, b),
            "not (%d <= v < %d)" % (a, b), "%d > v" % a, "v < w", "w <= %d" % a])
    if k < 0.6:
        return "not (%s)" % _random_condition(rng, depth + 1)
    return "(%s) %s (%s)" % (_random_condition(rng, depth + 1), rng.choice(["and", "or"]),
                             _random_condition(rng, depth + 1))


def test_random_elif_chains_over_one_int_count_as_cpython_does(tmp_path):
    # passes/predicates with ifconv and fold, on elif chains drawn at random (seeded): the
    # counts of every arm as CPython's, and the predicates pass reducing at least some
    rng = random.Random(37)
    funcs, calls = [], []
    for f in range(5):
        # (half the functions: chained comparisons alone, the shape if-conversion makes
        # straight-line booleans of; the others: any test, branches left as they are)
        arms = [_random_condition(rng, depth=2 if f % 2 == 0 else 0) for _ in range(rng.randint(2, 5))]
        counters = ["c%d" % k for k in range(len(arms) + 1)]
        lines = ["def f%d(n, seed):" % f,
                 "    x = seed",
                 "    %s = 0" % " = ".join(counters),
                 "    for i in range(n):",
                 "        x = (x * 1103515245 + 12345) & 0x7FFFFFFF",
                 "        v = x % 2001 - 1000",
                 "        w = (x >> 11) % 1001 - 500"]
        for k, arm in enumerate(arms):
            lines += ["        %s %s:" % ("if" if k == 0 else "elif", arm), "            c%d += 1" % k]
        lines += ["        else:", "            c%d += 1" % len(arms),
                  "    return %s" % ", ".join(counters)]
        funcs.append("\n".join(lines) + "\n")
        calls.append("print(f%d(20000, %d), f%d(300, 5))" % (f, f + 1, f))
    src = "\n\n".join(funcs) + "\n\n" + "\n".join(calls) + "\n"
    out = tmp_path / "dump"
    out.mkdir()
    r = Result(tmp_path, src, "--jit-threshold", "1", "--jit-dump", str(out)).same()
    texts = [p.read_text() for p in out.iterdir()]
    assert len(texts) >= 5 and all(row["status"] == "compiled" for row in r.rows if row["kind"] == "for"), r.rows
    assert sum(compound_booleans(stage(t, "after predicates")) for t in texts) < \
        sum(compound_booleans(stage(t, "after ifconv")) for t in texts), src


def test_range_analysis_over_the_values_it_needs_finds_what_it_finds_over_all(tmp_path):
    # (passes/ranges.needed) the flow computes only the slots and values the pass asks about
    # and what they are computed from: each flow is run again over everything, and every
    # interval the pass asks of it once it has run is the same -- seeds, sums, decided
    # comparisons, element bounds, a nest, inlined calls
    from harness import launched
    got, expected = launched(tmp_path, (
        "import atexit\n"
        "import tauraro.jit.ir.passes.ranges as R\n"
        "asked, bad = [0], []\n"
        "real_run, real_of = R.Ranges.run, R.Ranges.of\n"
        "def run(self):\n"
        "    real_run(self)\n"
        "    if self.needed is not None:\n"
        "        whole = R.Ranges(self.graph, self.slots, None)\n"
        "        whole.elements = self.elements\n"
        "        real_run(whole)\n"
        "        self.whole = whole\n"
        "def of(self, v):\n"
        "    got = real_of(self, v)\n"
        "    whole = self.__dict__.get('whole')\n"
        "    if whole is not None:\n"
        "        asked[0] += 1\n"
        "        if got != real_of(whole, v):\n"
        "            bad.append((v.op, got, real_of(whole, v)))\n"
        "    return got\n"
        "R.Ranges.run, R.Ranges.of = run, of\n"
        "atexit.register(lambda: sys.stderr.write('asked %d, differing %r\\n' % (asked[0], bad[:5])))\n"), (
        "def step(x):\n"
        "    return (x * 1103515245 + 12345) & 0x7FFFFFFF\n"
        "def f(n, xs):\n"
        "    x, t, c, last = 7, 0, 0, 0\n"
        "    for i in range(n):\n"
        "        x = step(x)\n"
        "        v = x % 1000\n"
        "        if 0 <= v < 1000 and v > 3:\n"
        "            t += v // 7 + xs[i % len(xs)]\n"
        "        c += 1\n"
        "        last = i & 255\n"              # (written, never read in the loop: asked by the sums)
        "        for j in range(i % 5):\n"
        "            t -= j if j & 1 else -j\n"
        "    return x, t, c, last\n"
        "def g(a):\n"
        "    s = 0\n"
        "    for k in range(len(a)):\n"
        "        s += a[k] * 3 % 11\n"
        "        if k > 0 and a[k - 1] < a[k]:\n"
        "            s += 1\n"
        "    return s\n"
        "print(f(20000, [k % 13 for k in range(97)]), g([k * 7 % 101 for k in range(5000)]))\n"),
        "--jit-threshold", "1", "--no-jit-cache")
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    line = [l for l in got.stderr.splitlines() if l.startswith("asked ")][0]
    assert not line.startswith("asked 0,") and line.endswith("differing []"), line
