"""Recursive functions compiled whole that return None, and recursive functions that build,
take or walk objects (which functions compiled whole do not handle yet).

A function compiled whole returning None has no wasm result; the emitter once took "no
result type" for "not a function compiled whole", emitted a loop's exit code into it and
crashed, so the JIT printed a warning on stderr and ran the baseline. Functions that build
objects (``return Node(mid, build(...), build(...))``) were typed with None as their result
(the only return native code reaches: making an object is an exit there) and hit that
crash; now type inference refuses them ("its recursive calls never return natively"), as
it refuses objects for arguments, and so any function whose calls of itself are always past
an exit (an object made, a slice) or followed by one. Each program runs under CPython and under Tauraro; stdout,
exit code and the whole of stderr must match, and ``--jit-stats-json`` says what the JIT did.
"""
import textwrap

from test_jit import jit
from test_jit_calls import function_row
from tauraro.jit.stats import format_report

NODE = """
    class Node:
        def __init__(self, key, left, right):
            self.key = key
            self.left = left
            self.right = right

"""


def test_a_recursive_procedure_returning_none_runs_natively(tmp_path):
    r = jit(tmp_path, """
        def hanoi(n, a, b, c, moves):
            if n == 0:
                return None
            hanoi(n - 1, a, c, b, moves)
            moves[a * 3 + b] += 1
            hanoi(n - 1, c, b, a, moves)

        def fill(xs, i, v):
            if i == len(xs):
                return
            xs[i] = v * i
            fill(xs, i + 1, v)

        moves = [0] * 12
        for k in range(40):
            print(hanoi(k % 9, 1, 2, 3, moves), end=" ")
        print(moves)
        xs = [0] * 40
        for k in range(40):
            fill(xs, 0, k)
        print(xs)
    """)
    for name in ("hanoi", "fill"):
        row = function_row(r, name)
        assert row["status"] in ("compiled", "left to the baseline"), row
        assert row["native_iterations"] >= 1, row


def test_a_loop_calls_recursive_procedures_natively(tmp_path):
    # a loop's native call of a function compiled whole returning None (call_fn), mutual
    # recursion included
    r = jit(tmp_path, """
        def mark(xs, i, v):
            if i >= len(xs):
                return None
            xs[i] += v
            mark(xs, i + 2, v)
            mark(xs, i + 3, v)

        def even(xs, n):
            if n == 0:
                return
            xs[0] += 1
            odd(xs, n - 1)

        def odd(xs, n):
            if n == 0:
                return None
            xs[1] += 1
            even(xs, n - 1)

        xs = [0] * 12
        c = [0, 0]
        t = 0
        for k in range(2000):
            mark(xs, 0, k % 5)
            even(c, k % 7)
            t += xs[k % 12]
        print(xs, c, t)
    """, threshold="100")
    row = r.loop(24)
    assert row["status"] == "compiled" and row["native_iterations"] >= 1000, row
    assert not row["exits"] or all(e["reason"] == "left the loop" for e in row["exits"]), row


def _build_program(threshold):
    return NODE + """
    def build(lo, hi):
        if lo > hi:
            return None
        mid = (lo + hi) // 2
        return Node(mid, build(lo, mid - 1), build(mid + 1, hi))

    for k in range(%d):
        t = build(0, 50)
    print(t.key, t.left.key, t.right.right.key, t.left.left.left.left.left)
    """ % threshold


def test_a_recursive_function_building_objects_is_refused_cleanly(tmp_path):
    # it crashed the emitter (a warning on stderr); now refused at type inference
    r = jit(tmp_path, _build_program(300))
    row = function_row(r, "build")
    assert row["status"] == "not compiled", row
    assert row["reason"] == "its recursive calls never return natively: calling class Node at line 13", row


def test_a_recursive_function_building_objects_at_threshold_1000(tmp_path):
    r = jit(tmp_path, _build_program(3000), threshold="1000")
    row = function_row(r, "build")
    assert row["status"] == "not compiled" and "never return natively" in row["reason"], row


def test_recursion_that_returns_natively_on_some_path_still_compiles(tmp_path):
    # an object made on one recursive path only: the other recursive path returns natively,
    # so the function compiles and the object's path fails (the interpreter makes that call)
    r = jit(tmp_path, NODE + """
    def count(lo, hi, box):
        if lo > hi:
            return 0
        mid = (lo + hi) // 2
        n = count(lo, mid - 1, box) + count(mid + 1, hi, box) + 1
        if box[0] and n == 17:
            return Node(n, None, None).key
        return n

    print([count(0, k, [k == 40]) for k in range(60)])
    """)
    row = function_row(r, "count")
    assert row["status"] in ("compiled", "left to the baseline"), row
    assert row["native_iterations"] >= 1, row


def test_a_recursive_function_taking_and_returning_objects(tmp_path):
    r = jit(tmp_path, """
        class V:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        def step(v, n):
            if n == 0:
                return v
            return step(V(v.y, v.x + v.y), n - 1)

        s = 0
        for k in range(300):
            s += step(V(0, 1), 30).x
        print(s, step(V(2, 3), 5).y)
    """)
    row = function_row(r, "step")
    assert row["status"] == "not compiled" and "arguments of types V, int" in row["reason"], row


def test_a_recursive_walk_of_a_tree(tmp_path):
    r = jit(tmp_path, NODE + """
    def make(lo, hi):
        if lo > hi:
            return None
        mid = (lo + hi) // 2
        n = Node(mid, None, None)
        n.left = make(lo, mid - 1)
        n.right = make(mid + 1, hi)
        return n

    def depth(n):
        return 0 if n is None else 1 + max(depth(n.left), depth(n.right))

    def total(n):
        if n is None:
            return 0
        return n.key + total(n.left) + total(n.right)

    t = make(0, 100)
    s = 0
    for k in range(300):
        s += depth(t) + total(t)
    print(s, depth(None), total(t.left))
    """)
    for name in ("depth", "total", "make"):
        row = function_row(r, name)
        assert row["status"] == "not compiled", row
    assert function_row(r, "depth")["reason"].startswith("arguments of types "), function_row(r, "depth")
    # make's object is made before its calls of itself: no native call is ever reached
    assert function_row(r, "make")["reason"] == \
        "its recursive calls never return natively: calling class Node at line 13", function_row(r, "make")


def test_calls_of_itself_past_an_exit(tmp_path):
    # a slice (an exit in a function compiled whole) is made before each call of itself, a
    # str constant indexed after it: neither function could ever recurse natively
    r = jit(tmp_path, """
        def s(t):
            if len(t) == 0:
                return 0
            return t[0] + s(t[1:])

        def c(i):
            if i == 0:
                return 0
            return c(i - 1) + ("abcdef"[i % 6] == "c")

        tot = 0
        for k in range(300):
            tot += s((1, 2, 3, 4, 5, k)) + c(k % 30)
        print(tot, s(()), c(0))
    """)
    assert function_row(r, "s")["reason"].startswith("its recursive calls never return natively: slicing"), \
        function_row(r, "s")
    assert function_row(r, "c")["reason"].startswith("its recursive calls never return natively: "), \
        function_row(r, "c")


def test_a_loop_calling_a_recursive_function_that_builds_objects(tmp_path):
    # the loop inlines the first levels of build (objects made natively there) and leaves
    # native code where a call goes deeper: build itself is refused, not crashed on
    r = jit(tmp_path, NODE + """
    def build(lo, hi):
        if lo > hi:
            return None
        mid = (lo + hi) // 2
        return Node(mid, build(lo, mid - 1), build(mid + 1, hi))

    def main():
        s = 0
        for k in range(3000):
            t = build(0, k % 7 - 3)
            if t is not None:
                s += t.key + (t.left.key if t.left is not None else 0)
        return s

    print(main())
    """, threshold="1000")
    assert function_row(r, "build")["reason"] == \
        "its recursive calls never return natively: calling class Node at line 13", function_row(r, "build")
    loop = [x for x in r.rows if x["kind"] != "function"]
    assert loop and loop[0]["status"] != "not compiled", loop


def _loop_rows(r, line):
    return [x for x in r.rows if x["kind"] != "function" and x["line"] == line]


# a recursive function with two loops (a for loop with a continue, a while loop); its
# while loop adds ``{bits} & 3``
WALK = """
        def walk(n, depth):
            if depth == 0:
                return n
            s = 0
            for i in range(n):
                if i % 3 == 0:
                    continue
                s += walk(i % 7 + 3, depth - 1)
            k = n
            while k > 0:
                s += {bits} & 3
                k -= 2
            return s
"""


def _walk_iterations(calls):
    """The iterations CPython makes of WALK's for and while loops in ``calls`` ((n, depth,
    step): step None for ``bits`` k, else step(k)), counted after each call."""
    counted = {"for": 0, "while": 0}

    def walk(n, depth, step):
        if depth == 0:
            return n
        s = 0
        for i in range(n):
            counted["for"] += 1
            if i % 3 == 0:
                continue
            s += walk(i % 7 + 3, depth - 1, step)
        k = n
        while k > 0:
            counted["while"] += 1
            s += (k if step is None else step(k)) & 3
            k -= 2
        return s
    after = []
    for n, depth, step in calls:
        walk(n, depth, step)
        after.append(dict(counted))
    return after


def _walk_line(src, kind) -> int:
    text = "    for i in range(n):" if kind == "for" else "    while k > 0:"
    return textwrap.dedent(src).splitlines().index(text) + 1


def test_the_loops_of_a_function_compiled_whole_count_their_native_iterations(tmp_path):
    # the loops of a recursive function compiled whole run in its native calls, the copies
    # of itself inlined into it included (they once went uncounted: place()'s loop in
    # bench/objects/permutations_queens.py showed half its iterations, as "left to the
    # baseline"); --jit-stats says how many, under the function's name
    src = WALK.format(bits="k") + """
        # (no loop here, and small calls first: the first run of a loop compiles it as a
        # loop, whose calls of walk are inlined or native calls of its module: not counted)
        print(walk(2, 1), walk(4, 1))
        print(walk(59, 4), walk(58, 4), walk(57, 5))
    """
    r = jit(tmp_path, src)
    counted = _walk_iterations([(2, 1, None), (4, 1, None), (59, 4, None), (58, 4, None), (57, 5, None)])[-1]
    assert function_row(r, "walk")["native_iterations"] > 0
    for kind in ("for", "while"):
        rows = _loop_rows(r, _walk_line(src, kind))
        assert len(rows) == 1, rows
        row = rows[0]
        inside = row["in_function"]
        assert inside["function"] == "walk", row
        # every iteration is run once: natively, in the baseline, or (the first calls,
        # before the function was compiled) uncounted; most natively
        assert row["native_iterations"] + row["interpreted_iterations"] <= counted[kind], (row, counted)
        assert inside["native_iterations"] >= 0.99 * counted[kind], (row, counted)
    assert "of them in native calls of walk, compiled whole" in format_report(r.rows)


def test_a_dropped_versions_loop_iterations_stay_counted(tmp_path):
    # a global the function reads is rebound between calls: its version is dropped and
    # another compiled (FunctionState.drop), and what the first's loops ran stays counted
    src = """
        def inc(x):
            return x + 1

        def dec(x):
            return x - 1
    """ + WALK.format(bits="step(k)") + """
        step = inc
        print(walk(2, 1), walk(4, 1))
        print(walk(59, 4), walk(58, 4))
        step = dec
        print(walk(57, 4))
    """
    r = jit(tmp_path, src)
    inc, dec = (lambda x: x + 1), (lambda x: x - 1)
    after = _walk_iterations([(2, 1, inc), (4, 1, inc), (59, 4, inc), (58, 4, inc), (57, 4, dec)])
    first, counted = after[-2], after[-1]
    for kind in ("for", "while"):
        row = _loop_rows(r, _walk_line(src, kind))[0]
        native = row["in_function"]["native_iterations"]
        assert row["native_iterations"] + row["interpreted_iterations"] <= counted[kind], (row, counted)
        # (the last call's loops run in a loop's region, its calls of walk native in that
        # module: not counted there; the dropped version's count is still reported)
        assert native >= 0.95 * first[kind], (row, counted, first)


def test_a_functions_compile_time_leaves_out_the_stages_imports(tmp_path):
    # the first compile of a run imports the recorder, the passes and the emitter: the JIT's
    # start, as a loop's compile leaves it out, not the function's (hanoi.py's move_rec read
    # 34 ms of "compile" for ~8 of its own). Here that import is made to take a second.
    import json
    from harness import launched
    setup = ("import time\n"
             "import tauraro.jit.functions as F\n"
             "bind = F._bind_stages\n"
             "def slow():\n"
             "    if F.wasm_type is None:\n"
             "        time.sleep(1.0)\n"
             "    bind()\n"
             "F._bind_stages = slow\n")
    stats = tmp_path / "stats.json"
    got, expected = launched(tmp_path, setup, textwrap.dedent("""
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        print(fib(22))
    """), "--jit-threshold", "200", "--no-jit-cache", "--jit-stats-json", str(stats))
    assert got.comparable() == expected.comparable(), got.stderr
    row = next(r for r in json.loads(stats.read_text()) if r["kind"] == "function")
    assert row["status"] == "compiled" and row["native_iterations"] > 0, row
    assert row["compile_ms"] < 1000, row


def test_a_recursion_over_a_list_too_big_to_copy_is_left_to_cpython(tmp_path):
    # (each call classified the million-element list again, then found it too big to copy
    # in, and CPython made the call: a binary search ran 500 times as long as CPython's)
    r = jit(tmp_path, """
        def bsearch(arr, x, lo, hi):
            if lo >= hi:
                return lo
            mid = (lo + hi) // 2
            if arr[mid] < x:
                return bsearch(arr, x, mid + 1, hi)
            return bsearch(arr, x, lo, mid)

        arr = list(range(0, 4_000_000, 2))
        hits = 0
        for q in range(8):
            x = q * 37
            i = bsearch(arr, x, 0, len(arr))
            hits += arr[i] == x
        print(hits)
    """, threshold="10")
    row = function_row(r, "bsearch")
    assert row["status"] == "left to the baseline" and "copy in" in row["reason"], row


def test_a_profiler_sees_every_call_of_a_function_compiled_whole(tmp_path):
    # a function compiled whole answers the baseline's calls natively unless something
    # watches the program: a profiler (sys.setprofile) and, on 3.12+, a sys.monitoring tool
    # such as cProfile must see each call of it, as under CPython (the function's prologue
    # asks sys.getprofile; its generated call asks again, and the monitoring tools, written
    # out: tauraro.vm.watchers.watched_test). Called 400 times first from CPython's map, so
    # that its calls are judged and the generated call installed
    r = jit(tmp_path, """
        import sys

        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)

        t = fib(20) + sum(map(fib, [k % 12 for k in range(400)]))
        calls = []

        def profiler(frame, event, arg):
            if event == "call" and frame.f_code.co_name == "fib":
                calls.append(frame.f_lineno)

        sys.setprofile(profiler)
        t += fib(9)
        sys.setprofile(None)
        seen = len(calls)
        if sys.version_info >= (3, 12):
            import cProfile, pstats
            pr = cProfile.Profile()
            pr.enable()
            t += fib(9)
            pr.disable()
            seen = (seen, [v[1] for f, v in pstats.Stats(pr).stats.items() if f[2] == "fib"])
        print(t, seen)
    """)
    row = function_row(r, "fib")
    assert row["status"] == "compiled" and row["native_iterations"] >= 1, row
