"""The baseline tier: the program's own code run by CPython, its hooks, its cache, and
the resume interpreter that finishes an iteration after native code leaves a loop."""
import ast
import builtins
import json
import os
import subprocess
import sys
import textwrap
import types

import pytest

from harness import _env
from tauraro.compiler.code import UNBOUND
from tauraro.compiler.compiler import compile_source
from tauraro.vm.instrument import instrument
from tauraro.cache import prune
from tauraro.vm.loader import CodeCache, Compiler
from tauraro.vm.resume import BREAK, HEADER, RAISE, RETURN, LoopResume


def instrumented(src, threshold=1000):
    tree, sites = instrument(ast.parse(textwrap.dedent(src)), threshold)
    return tree, sites


def test_code_keeps_the_programs_file_lines_and_names(tmp_path):
    src = "def f(a):\n    total = 0\n    for i in range(a):\n        total += i\n    return total\n"
    path = tmp_path / "m.py"
    path.write_text(src)
    code = Compiler(5, None, None).compile(src.encode(), str(path))
    ns = {}
    exec(code, ns)
    f = ns["f"]
    assert f.__code__.co_filename == str(path)
    assert f.__code__.co_firstlineno == 1 and f(10) == 45
    assert f.__code__.co_varnames[:3] == ("a", "total", "i")


def test_loops_get_a_countdown_and_hook_and_keep_their_lines():
    tree, sites = instrumented("""
        def f(n):
            s = 0
            for i in range(n):
                s += i
            while n:
                n -= 1
            return s
    """)
    # (and f, a module-level function with loops, a site of its own: compiled whole once
    # they compile -- its prologue, the body's first statement)
    assert [(s.kind, s.line, s.written) for s in sites] == [("for", 4, ["i", "s"]), ("while", 6, ["n"]),
                                                           ("function", 2, ["n"])]
    choose = tree.body[0].body[2]
    # while the JIT may still take the loop, it runs counted; once it gave up, as written
    assert isinstance(choose, ast.If) and choose.lineno == 4
    loop, plain = choose.body[-1], choose.orelse[0]
    assert isinstance(loop, ast.For) and loop.lineno == 4
    assert isinstance(plain, ast.For) and ast.unparse(plain) == "for i in range(n):\n    s += i"
    # the hidden statements sit on the first body statement's line: no new line event
    assert loop.body[0].lineno == loop.body[2].lineno == 5


def test_each_loop_is_one_site_however_deep_its_copies_lie():
    """A loop's copies as written (for a loop given up, the rest of a run, a stretch) hold
    the loops nested in it instrumented as the same sites: one site a loop of the source,
    and each countdown in a loop at that site's line. (Copies were instrumented again
    with the sites replayed in order, which at three levels gave inner loops new sites,
    and at four the countdown of another loop.)"""
    tree, sites = instrumented("""
        def f(n):
            t = 0
            for a in range(n):
                for b in range(a):
                    k = b
                    while k:
                        for c in range(k):
                            t += c
                        k -= 1
                    for d in range(b):
                        t -= d
            return t
        """)
    assert [(s.line, s.kind) for s in sites] == [(4, "for"), (5, "for"), (7, "while"), (8, "for"), (11, "for"),
                                                 (2, "function")]
    by_id = {s.id: s for s in sites}
    counted = set()
    for node in ast.walk(tree):
        first = node.body[0] if isinstance(node, (ast.For, ast.While)) else None
        if isinstance(first, ast.AugAssign) and first.target.id.startswith(".c"):
            name = first.target.id
            site = by_id[int(name[2:])]
            assert (site.line, site.col) == (node.lineno, node.col_offset)
            counted.add(site.id)
    assert counted == {s.id for s in sites if s.kind != "function"}
    code = compile(tree, "<m>", "exec")
    assert len(code.co_consts) > 0


def test_instrumented_code_grows_linearly_with_nesting():
    """A loop with a loop directly in its body has no hooked copy as written (given up, it
    counts on, idle, until the rest of its run goes on as the source has it: one copy of
    its body as written, no hook in it), so each level of nesting adds its own hook once:
    the copies of copies made nbody.py's advance three times its size, and a first run
    instruments and compiles it all. The innermost loop keeps its copies (it runs as
    written at full speed)."""
    def nest(depth):
        lines = ["def f(n):", "    t = 0"]
        lines += ["    " * (k + 1) + "for i%d in range(n):" % k for k in range(depth)]
        lines += ["    " * (depth + 1) + "t += i0", "    return t"]
        tree, sites = instrument(ast.parse("\n".join(lines) + "\n"), 1000)
        return tree, sites
    sizes = [sum(1 for _ in ast.walk(nest(d)[0])) for d in (1, 3, 5)]
    assert sizes[2] - sizes[1] < 1.5 * (sizes[1] - sizes[0]), sizes
    tree, sites = nest(3)
    at = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.For):
            at[node.lineno] = at.get(node.lineno, 0) + 1
    # (the innermost loop four times: instrumented, given up, the rest of a run, a stretch;
    # and once more as the source has it in each enclosing loop's rest of a run)
    assert at[3] == 2 and at[4] == 3 and at[5] == 6, at
    # a function unhook cannot give CPython's code (nested, decorated, or with other
    # sites) keeps the copies: its dead loops would count for good
    for src in ("@deco\ndef f(n):\n    for i in range(n):\n        for j in range(i):\n            pass\n",
                "def g():\n    def f(n):\n        for i in range(n):\n            for j in range(i):\n"
                "                pass\n    return f\n",
                "def f(n):\n    for i in range(n):\n        for j in range(i):\n            pass\n"
                "    return [k for k in range(n)]\n"):
        tree, _ = instrument(ast.parse(src), 1000)
        outer = min(n.lineno for n in ast.walk(tree) if isinstance(n, ast.For))
        assert sum(1 for n in ast.walk(tree) if isinstance(n, ast.For) and n.lineno == outer) == 3, src


def test_a_countdown_is_two_small_ints():
    # a countdown above 256 in one int made a new int object at each iteration (CPython
    # caches -5..256 only): ~8 ns of a tight loop's ~20 on 3.11. .cN counts down from at
    # most 256, .dN the chunks of 256 after it (instrument._chunked)
    from tauraro.vm.hooks import LoopSite
    for n in (1, 2, 255, 256, 257, 512, 513, 1001, 65536, 10**9 + 7):
        d, c = LoopSite.split(n)
        assert 1 <= c <= 256 and c + 256 * d == n, n
    tree, sites = instrumented("""
        def f(n, probe):
            s = 0
            for i in range(n):
                s += i
                probe()
            return s
    """)
    code = compile(ast.fix_missing_locations(tree), "m.py", "exec")

    class Site:
        live = True
        d, c = LoopSite.split(100000)

        def hook(self, it):
            raise AssertionError("not hot yet")
    seen = []
    site = Site()

    def probe():
        frame = sys._getframe(1)
        while frame.f_code.co_name != "f":
            frame = frame.f_back
        seen.append((frame.f_locals[".d0"], frame.f_locals[".c0"]))
    # (site 1: f's own, compiled whole for its loop -- off here)
    consts = {"\x00tauraro:site:0": site, "\x00tauraro:site:1": types.SimpleNamespace(on=False),
              "\x00tauraro:builtins": builtins, "\x00tauraro:sys": sys}

    def swap(c):
        return c.replace(co_consts=tuple(consts.get(k, k) if isinstance(k, str) else swap(k)
                                         if isinstance(k, type(c)) else k for k in c.co_consts))
    ns = {}
    exec(swap(code), ns)
    assert ns["f"](1000, probe) == 499500
    assert all(0 < c <= 256 for _, c in seen) and len({d for d, _ in seen}) == 5
    assert [d * 256 + c for d, c in seen] == list(range(99999, 98999, -1))
    assert (site.d, site.c) == LoopSite.split(99000)     # (carried over to the next run)
    # a run that ends with a count above the site's (the JIT lowered it meanwhile: the loop
    # is to be entered at once the next time it starts) leaves the site's
    site.d, site.c = 0, 100

    def lower():
        if len(seen) == 5:
            site.c = 1
        probe()
    del seen[:]
    assert ns["f"](10, lower) == 45
    assert seen[-1][1] == 90 and (site.d, site.c) == (0, 1)


def test_loops_over_attributes_are_counted_only_where_native_code_may_run_them():
    # an attribute of an object the loop holds from its start, or of the objects a for
    # loop takes from a list, may be a number native code reads and writes; following
    # links (node = node.next) it compiles too (jtypes.LINK: the entry copies what they
    # reach), so that loop is counted
    _, sites = instrumented("""
        def run(self, n):
            for i in range(n):
                self.count += i
        def follow(node):
            while node.next:
                node = node.next
        def each(ps):
            for p in ps:
                p.x += 1
        def chain(a):
            for i in range(3):
                a.b.c += i
    """)
    # (each function whose loop is counted gets a site too: compiled whole once it compiles)
    assert [(s.kind, s.line) for s in sites] == [("for", 3), ("function", 2), ("while", 6), ("function", 5),
                                                 ("for", 9), ("function", 8)]


def test_loops_that_cannot_compile_are_left_alone():
    _, sites = instrumented("""
        def g():
            for x in range(3):
                yield x
        def h(xs):
            for x in xs:
                f = lambda: x
        def k():
            for x in range(3):
                print(locals())
        class C:
            for x in range(3):
                pass
        async def a():
            for x in range(3):
                pass
    """)
    assert sites == []


def test_code_cache_hits_and_is_checked_against_the_source(tmp_path):
    cache = CodeCache(str(tmp_path))
    key = cache.key("/x/m.py", 7)
    code = compile("x = 1\n", "/x/m.py", "exec")
    cache.put(key, "/x/m.py", b"x = 1\n", code, [])
    got = cache.get(key, "/x/m.py", b"x = 1\n")
    assert got is not None and got[0] == code
    assert cache.get(key, "/x/m.py", b"x = 2\n") is None      # the source changed


def test_cache_prune_evicts_least_recently_used(tmp_path):
    for i in range(6):
        p = tmp_path / ("f%d" % i)
        p.write_bytes(b"x" * 1000)
        os.utime(p, (1000 + i, 1000 + i))
    removed = prune(str(tmp_path), 3500)
    assert removed == 3
    assert sorted(os.listdir(tmp_path)) == ["f3", "f4", "f5"]


def test_the_cache_is_walked_only_when_its_ledger_says_it_may_be_over_its_bound(tmp_path, monkeypatch):
    # the ledger (.size) holds the root's size as last counted plus what runs wrote since;
    # a run that wrote walks the root (stat of every file: ~80 ms for 10,000) only when the
    # ledger says the bound may be passed, or there is none
    from tauraro import cache
    for i in range(6):
        p = tmp_path / ("f%d" % i)
        p.write_bytes(b"x" * 1000)
        os.utime(p, (1000 + i, 1000 + i))
    monkeypatch.setattr(cache, "written", 500)
    assert cache.settle(str(tmp_path), 10_000) == 0          # no ledger: counted, all fit
    assert (tmp_path / cache.LEDGER).read_text() == "6000"
    (tmp_path / cache.LEDGER).write_text("1000")             # (the files are 6000 bytes)
    assert cache.settle(str(tmp_path), 3500) == 0            # 1000 + 500 fits: not walked
    assert len(os.listdir(tmp_path)) == 7 and (tmp_path / cache.LEDGER).read_text() == "1500"
    (tmp_path / cache.LEDGER).write_text("3200")
    # 3200 + 500 may not: walked, and pruned to three quarters of the bound, 2625 (each run
    # after a cache just under its bound walked it again)
    assert cache.settle(str(tmp_path), 3500) == 4
    assert sorted(os.listdir(tmp_path)) == [cache.LEDGER, "f4", "f5"]
    assert (tmp_path / cache.LEDGER).read_text() == str(2000 + len("3200"))     # (itself too)
    assert cache.settle(str(tmp_path), 3500) == 0            # 2004 + 500 fits: not walked
    assert (tmp_path / cache.LEDGER).read_text() == "2504"


def _resume_for(src, fname):
    mod = compile_source(textwrap.dedent(src), "<resume-test>")
    code = [c for c in mod.children() if c.name == fname][0]
    loop = code.loops[0]
    returns = [(pc, v) for pc, v, ids in code.return_sites if loop.id in ids]
    return code, loop, LoopResume(code, loop, {"__builtins__": builtins}, returns)


def _regs(code, **values):
    r = code.new_registers()
    for reg, name in code.regnames.items():
        if name in values:
            r[reg] = values[name]
    return r


def test_resume_runs_the_rest_of_an_iteration_from_any_pc():
    code, loop, res = _resume_for("""
        def f(n):
            t = 0
            for i in range(n):
                a = i * 2
                b = a + 1
                t += b
            return t
    """, "f")
    it = iter(range(3))
    next(it)
    r = _regs(code, t=0, i=0)
    r[loop.target] = it
    # start in the middle of the body: a is already computed
    body = [pc for pc in range(loop.header + 1, loop.end) if code.instrs[pc].line == 5][0]
    r[[k for k, v in code.regnames.items() if v == "a"][0]] = 0
    outcome, _, pc = res.run(r, body)
    assert outcome == HEADER and pc == loop.header
    assert r[[k for k, v in code.regnames.items() if v == "t"][0]] == 1


def test_resume_stops_at_break_return_and_uncaught_exceptions():
    code, loop, res = _resume_for("""
        def f(xs, k):
            for x in xs:
                if x == k:
                    break
                if x < 0:
                    return x
                y = 10 // x
    """, "f")
    def go(x):
        r = _regs(code, xs=[x], k=5, x=x)
        r[loop.target] = iter([])
        return res.run(r, loop.header + 1)
    assert go(5)[0] == BREAK
    assert go(-3)[:2] == (RETURN, -3)
    outcome, exc, pc = go(0)
    assert outcome == RAISE and isinstance(exc, ZeroDivisionError)
    assert len(pc) == 1 and code.instrs[pc[0]].line == 8 and exc.__traceback__ is None


def test_return_through_finally_outside_the_loop_stops_before_the_cleanup():
    code, loop, res = _resume_for("""
        def f(xs, log):
            try:
                for x in xs:
                    if x:
                        return x
            finally:
                log.append("cleanup")
    """, "f")
    log = []
    r = _regs(code, xs=[7], x=7, log=log)
    r[loop.target] = iter([])
    assert res.run(r, loop.header + 1)[:2] == (RETURN, 7)
    assert log == []          # the baseline's own return runs the finally


def run_tauraro(tmp_path, src, *opts):
    p = tmp_path / "prog.py"
    p.write_text(textwrap.dedent(src))
    got = subprocess.run([sys.executable, "-m", "tauraro", "run", *opts, str(p)],
                         capture_output=True, env=_env(), timeout=120)
    want = subprocess.run([sys.executable, str(p)], capture_output=True, env=_env(), timeout=120)
    return got, want


def test_a_hooks_read_of_a_functions_variables_keeps_none_of_them_alive(tmp_path):
    # the hook reads the frame's variables through f_locals, which under 3.11 and 3.12 is a
    # snapshot dict the frame keeps until it ends: the object a variable held at the trip
    # lived on after the function rebound it, and its __del__ ran at the end of the call,
    # not where CPython runs it (tauraro.vm.frame_locals)
    src = """
        class Big:
            def __init__(self, name):
                self.name = name

            def __del__(self):
                print("freed", self.name)


        def main():
            data = Big("first")
            total = 0
            for i in range(20000):
                total += i * i % 7
            data = Big("second")
            print("after rebinding", total)
            data = None
            print("end of main")


        main()
    """
    got, want = run_tauraro(tmp_path, src)
    assert want.stdout.decode().startswith("freed first\n"), want.stdout
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


def test_hidden_names_do_not_show_in_globals_after_module_loops(tmp_path):
    got, want = run_tauraro(tmp_path, """
        t = 0
        for i in range(3000):
            t += i
        print(sorted(k for k in globals() if not k.startswith("__")), t)
        def f():
            n = 0
            for j in range(10):
                n += j
            return sorted(locals())
        print(f())
    """, "--jit-threshold", "1")
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


@pytest.mark.parametrize("threshold", ["1", "1000"])
def test_hidden_names_do_not_show_in_globals_while_module_loops_run(tmp_path, threshold):
    # (a module-level loop's countdown, iterator and hook result are its site's attributes:
    # as globals they showed to the program while the loop ran). One loop native code runs,
    # one it never takes (a generator), one a while loop
    got, want = run_tauraro(tmp_path, """
        g = globals()
        n = t = 0
        for i in range(5000):
            n += len(g)
            t += i * 3 % 7
        def gen():
            yield from range(3000)
        for j in gen():
            n += len(g)
        k = 0
        while k < 4000:
            n += len(g)
            k += 1
        print(n, t, sorted(x for x in g if not x.startswith("__")))
    """, "--jit-threshold", threshold)
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)


def test_a_module_level_loop_given_up_stops_counting_in_its_run(tmp_path):
    # a module-level loop usually runs once: given up at its first trip (its iterator is a
    # generator), it stops counting at once (its site's ``live``), not at its next run
    stats = tmp_path / "stats.json"
    got, want = run_tauraro(tmp_path, """
        def gen(n):
            yield from range(n)
        t = 0
        for i in gen(200000):
            t += i % 7
        print(t)
    """, "--jit-threshold", "1000", "--jit-stats-json", str(stats))
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    row = next(r for r in json.loads(stats.read_text()) if r["line"] == 5)
    assert row["status"] == "not compiled" and row["interpreted_iterations"] < 5000, row


def test_a_jit_failure_stays_inside_tauraro(tmp_path):
    """The --emit-wasm directory vanishes while the program runs: writing the loop's wasm
    fails inside the JIT, which leaves the loop to the baseline with one warning line. The
    program's own ``except OSError`` never sees it."""
    emit = tmp_path / "wasm"
    got, want = run_tauraro(tmp_path, """
        import os, shutil, sys
        shutil.rmtree(%r, ignore_errors=True)
        open(%r, "w").close()         # a file where the directory was
        t = 0
        try:
            for i in range(5000):
                t += i
        except OSError as e:
            print("the program caught", type(e).__name__)
        print(t)
    """ % (str(emit), str(emit)), "--jit-threshold", "1", "--emit-wasm", str(emit))
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    lines = got.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tauraro: warning: the JIT left the loop at "), lines
    assert "prog.py:7 " in lines[0]


@pytest.mark.parametrize("option,path,message", [
    ("--emit-wasm", "/proc/forbidden/dir", "--emit-wasm: cannot create directory '/proc/forbidden/dir'"),
    ("--jit-stats-json", "/nonexistent-dir/stats.json", "--jit-stats-json: cannot write"),
    ("--jit-stats-json", "/", "--jit-stats-json: '/' is a directory"),
])
def test_a_bad_output_path_is_one_line_before_the_program_starts(tmp_path, option, path, message):
    got, _ = run_tauraro(tmp_path, "print('the program ran')\n", option, path)
    assert got.returncode == 2 and got.stdout == b""
    lines = got.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tauraro: " + message), lines


def test_a_loop_run_often_but_briefly_still_gets_hot(tmp_path):
    """The count carries over between runs of a loop, also when a run ends by return."""
    stats = tmp_path / "stats.json"
    got, want = run_tauraro(tmp_path, """
        def find(xs, k):
            for i in range(len(xs)):
                if xs[i] == k:
                    return i
            return -1
        xs = list(range(300))
        t = 0
        for r in range(40):
            t += find(xs, 250)
        print(t)
    """, "--jit-threshold", "1000", "--jit-stats-json", str(stats))
    assert (got.stdout, got.stderr, got.returncode) == (want.stdout, want.stderr, want.returncode)
    import json
    row = [r for r in json.loads(stats.read_text()) if r["line"] == 3][0]
    # 40 runs of 250 iterations: no single run reaches 1000, together they do
    assert row["entries"] >= 1 and row["native_iterations"] > 0, row
