"""The start gate (``tauraro.vm.start_gate``): before the JIT's controller is made, a trip
that could not start the JIT is the hook's own, and none of the JIT's modules -- the
controller, its types, the register bytecode's loader -- is imported for it.

The programs are compared with CPython on stdout, exit code and the whole of stderr; the
modules a run imported are written by its launcher as the run's --jit-stats report starts. The gate's own
rules are checked on it directly, with sites and frames made for the purpose."""
import ast
import json
import sys
import textwrap
import time
import types

import pytest

from harness import ROOT, launched, run
from test_jit_start import SHORT         # (a loop of 3000 iterations: ~0.3 ms of work)
from tauraro.jit.settings import FIRST_CHECK_ITERATIONS, SHORT_TRIPS
from tauraro.vm.placeholders import SiteInfo
from tauraro.vm.start_gate import StartGate

# the JIT's modules the gate keeps a short run from importing
HEAVY = {"tauraro.jit.controller", "tauraro.jit.jtypes", "tauraro.vm.register_cache", "tauraro.compiler.code",
         "tauraro.compiler.compiler", "tauraro.vm.runtime_names"}


@pytest.fixture(autouse=True)
def default_start(monkeypatch):
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)


def listing(listed) -> str:
    """A launcher's setup that writes the modules the run imported to ``listed`` as its
    report starts (--jit-stats makes the controller for its rows, after that)."""
    return ("from tauraro.vm.hooks import HookRuntime\n"
            "report = HookRuntime.report\n"
            "def listed(self, *args):\n"
            "    open(%r, 'w').write(' '.join(sorted(sys.modules)))\n"
            "    return report(self, *args)\n"
            "HookRuntime.report = listed\n" % str(listed))


def _gated_run(tmp_path, src, *options):
    """(the modules the run imported, its --jit-stats-json rows), its outcome checked against
    CPython's."""
    listed = tmp_path / "modules.txt"
    stats = tmp_path / "stats.json"
    got, expected = launched(tmp_path, listing(listed), textwrap.dedent(src), "--jit-stats-json", str(stats),
                             "--no-jit-cache", *options)
    assert got.comparable() == expected.comparable(), got.stderr
    return set(listed.read_text().split()), json.loads(stats.read_text())


def _row(rows, line):
    return next(r for r in rows if r["line"] == line)


def test_a_short_program_imports_none_of_the_jit(tmp_path):
    # its loop's work left never pays for the start: the JIT's controller is never made, and
    # --jit-stats still says why the loop ran as written, with its iterations
    modules, rows = _gated_run(tmp_path, SHORT)
    assert not HEAVY & modules, HEAVY & modules
    row = _row(rows, 3)
    assert row["status"] == "interpreted" and "not started" in row["reason"], row
    assert 2000 <= row["interpreted_iterations"] <= 3000 and row["native_iterations"] == 0, row


def test_a_loop_of_short_runs_is_left_to_the_baseline_at_the_gate(tmp_path):
    # a function's loop of 5 iterations a call, called often in a short program: given up at
    # its SHORT_TRIPS-th trip, as the controller would, and its function then runs CPython's
    # own code (its calls pay nothing for the hook)
    modules, rows = _gated_run(tmp_path, """
        def norm(v):
            s = 0
            for x in v:
                s += x * x
            return s
        vs = [[i, i + 1, i + 2, i + 3, i + 4] for i in range(300)]
        t = 0
        for v in vs * 8:
            t += norm(v)
        print(t, any(type(c).__module__.startswith("tauraro") for c in norm.__code__.co_consts))
    """)
    assert not HEAVY & modules, HEAVY & modules
    row = _row(rows, 4)
    assert row["status"] == "left to the baseline" and "too short" in row["reason"], row


def test_a_loop_whose_work_pays_goes_past_the_gate_and_compiles(tmp_path):
    modules, rows = _gated_run(tmp_path, """
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        print(total)
    """)
    assert "tauraro.jit.controller" in modules
    row = _row(rows, 3)
    assert row["status"] == "compiled" and row["native_iterations"] > 2_900_000, row


def test_a_file_speaking_of_coding_in_its_first_lines_is_read_without_tokenize(tmp_path):
    # (tauraro.vm.source: a docstring "Huffman coding: ..." is no encoding declaration, and
    # tokenize's import, ~7 ms with re and enum, is not needed at the start or where the JIT
    # reads the hot loop's file)
    asked = tmp_path / "asked.txt"
    seen = ("import builtins\n"
            "plain = builtins.__import__\n"
            "def seen(name, *args, **kwargs):\n"
            "    open(%r, 'a').write(name + ' ')\n"
            "    return plain(name, *args, **kwargs)\n"
            "builtins.__import__ = seen\n" % str(asked))
    stats = tmp_path / "stats.json"
    got, expected = launched(tmp_path, seen, textwrap.dedent('''
        "Huffman coding: a loop."
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        print(total)
    '''), "--jit-stats-json", str(stats), "--no-jit-cache")
    assert got.comparable() == expected.comparable(), got.stderr
    imported = asked.read_text().split()
    # (the JIT started: its controller imported -- relatively, ``..jit.controller``)
    assert "tokenize" not in imported and any(n.endswith("jit.controller") for n in imported), imported
    assert _row(json.loads(stats.read_text()), 4)["status"] == "compiled"


def test_short_comprehensions_import_none_of_the_jit(tmp_path):
    modules, rows = _gated_run(tmp_path, """
        data = [(i * 7919) % 10007 for i in range(20000)]
        evens = [x for x in data if x % 2 == 0]
        print(len(evens), sum(x * x for x in evens if x % 3))
    """)
    assert not HEAVY & modules, HEAVY & modules
    assert any(r["status"] == "interpreted" and "not started" in r["reason"] for r in rows), rows


def test_a_comprehension_run_once_late_in_a_script_does_not_start_the_jit(tmp_path):
    # module-level comprehensions outside any loop run once: each run's work, ~8 ms at the
    # floor, does not pay for the start, however late in the program it comes (the first
    # run's ~20 ms as written made the next ones late); in a module-level loop they run
    # again, and start it late
    once = """
        data = [(i * 2654435761) % 1000003 for i in range(300000)]
        sq = sum(x * x for x in data if x % 3)
        big = max(x for x in data if x % 7 == 1)
        low = min(x for x in data if x % 5 == 2)
        print(sq, big, low)
    """
    modules, rows = _gated_run(tmp_path, once)
    assert not HEAVY & modules, HEAVY & modules
    again = once.replace("        sq =", "        for k in range(4):\n            sq =").replace(
        "        big =", "            big =").replace("        low =", "            low =")
    modules, rows = _gated_run(tmp_path, again)
    assert "tauraro.jit.controller" in modules


def test_only_a_comprehension_run_once_is_denied_the_late_start():
    gate = StartGate()
    gate.first_hot = time.process_time() - 1.0      # (late: the program has run a second)
    assert gate.may_start(1000) and not gate.may_start(1000, once=True)
    assert gate.may_start(10 ** 6, once=True)       # (25 ms of work at the floor: it pays)


def test_the_instrumenter_marks_the_comprehensions_that_run_once():
    from tauraro.vm.instrument import instrument
    src = textwrap.dedent("""
        xs = list(range(10))
        a = [x * x + 1 for x in xs if x % 3]
        b = sum(x * x + 1 for x in xs if x % 3)
        for k in range(3):
            c = [x * x + k for x in xs if x % 3]
        d = [[y * y + 1 for y in xs if y % x]
             for x in xs if x]
        def f(ys):
            return [y * y + 1 for y in ys if y % 3]
    """)
    _, sites = instrument(ast.parse(src), 1000)
    once = {info.line: info.once for info in sites if info.kind in ("listcomp", "genexpr")}
    # (line 7: the inner comprehension, run once an element of the outer, which native code
    # does not build)
    assert once == {3: True, 4: True, 6: False, 7: False, 10: False}, once


def test_an_explicit_threshold_has_no_gate(tmp_path):
    # --jit-threshold starts the JIT at the first hot loop, however short the program
    modules, rows = _gated_run(tmp_path, SHORT, "--jit-threshold", "100")
    assert "tauraro.jit.controller" in modules
    assert _row(rows, 3)["status"] == "compiled"


# the corpus's loop programs (tests/programs): most of their hot loops trip under the default
# start policy, and the gate holds nearly all of them at some trip (the rest of the suite runs
# with an explicit threshold, which has no gate)
LOOP_PROGRAMS = sorted(p for pattern in ("jit_*.py", "seed_*.py", "loop_*.py")
                       for p in (ROOT / "tests" / "programs").glob(pattern))


@pytest.mark.parametrize("path", LOOP_PROGRAMS, ids=lambda p: p.stem)
def test_the_corpus_loop_programs_under_the_default_start_give_cpythons_output(path):
    got = run([sys.executable, "-m", "tauraro", "run", "--no-jit-cache"], path)
    expected = run([sys.executable], path)
    assert got.comparable() == expected.comparable(), got.stderr[-3000:]


# --- the gate's rules, on sites and frames made for them -----------------------------------------
class Site:
    """What the gate reads of a LoopSite."""
    def __init__(self, id, parent=-1, module_level=True, kind="for", i=None):
        self.info = SiteInfo(id, kind, id + 1, 0, [], parent, module_level)
        self.probe = None
        self.i = i


def _frame(*sites):
    return types.SimpleNamespace(f_code=types.SimpleNamespace(co_consts=sites, co_qualname="<module>"))


def test_a_for_loop_with_work_enough_left_passes_at_its_first_trip():
    # a function's loop: 10^6 iterations at the floor of an iteration's cost, 25 ns: 25 ms,
    # more than the start's 20
    gate, site = StartGate(), Site(0, module_level=False)
    assert gate.trip(site, iter(range(10 ** 6)), _frame(site), 1000) is None
    # module-level code runs once: its first entry pays for the start and a compile out of
    # FIRST_ENTRY_SHARE of its work (JitController._first_entry_limit): 25 ms is not enough,
    # 40 ms is
    gate, site = StartGate(), Site(0)
    wait = gate.trip(site, iter(range(10 ** 6)), _frame(site), 1000)
    assert type(wait) is int and "not started" in site.probe.reason, wait
    gate, site = StartGate(), Site(0)
    assert gate.trip(site, iter(range(16 * 10 ** 5)), _frame(site), 1000) is None


def test_a_for_loop_with_less_left_is_timed_and_passes_once_its_iterations_say_so():
    gate, site = StartGate(), Site(0)
    frame = _frame(site)
    # 10^5 iterations at the floor: 2.5 ms. The next trip comes FIRST_CHECK_ITERATIONS later
    assert gate.trip(site, iter(range(10 ** 5)), frame, 1000) == FIRST_CHECK_ITERATIONS
    assert "not started" in site.probe.reason
    # those took 0.1 ms, 500 ns each: 10^5 - 200 left are worth ~50 ms
    site.probe.first = (site.probe.first[0] - 1e-4, site.probe.first[1])
    assert gate.trip(site, iter(range(10 ** 5 - 200)), frame, 1200) is None


def test_a_while_loop_waits_until_the_program_has_run_as_long_as_the_start_costs():
    gate, site = StartGate(), Site(0, kind="while")
    frame = _frame(site)
    wait = gate.trip(site, None, frame, 1000)
    assert type(wait) is int and wait > 0
    gate.first_hot -= 1.0       # (the program has run a second since its first trip)
    assert gate.trip(site, None, frame, 1000 + wait) is None


def test_late_a_module_level_nest_with_little_known_work_left_stays_at_the_gate():
    # module-level code runs once: the nest's work left is all it will do
    outer = Site(0, i=iter(range(3)))
    inner = Site(1, parent=0)
    frame = _frame(outer, inner)
    gate = StartGate()
    gate.first_hot = time.process_time() - 1.0
    # 100 left, and 3 runs of ~101 to come: ~10 us
    assert type(gate.trip(inner, iter(range(100)), frame, 1000)) is int
    # 10^7 runs to come: passed
    outer.i = iter(range(10 ** 7))
    assert gate.trip(inner, iter(range(100)), frame, 1050) is None
    # a function's loop is not module-level code: its function may be called again
    fn = Site(2, module_level=False)
    assert gate.trip(fn, iter(range(100)), _frame(fn), 1000) is None


def test_a_loop_of_short_runs_is_given_up_at_its_sixth_trip_unless_it_nests_loops():
    gate = StartGate()
    site = Site(0, module_level=False)
    frame = _frame(site)
    results = [gate.trip(site, iter(range(5)), frame, 1000 + 16 * k) for k in range(SHORT_TRIPS)]
    assert all(type(r) is int for r in results[:-1]) and type(results[-1]) is str, results
    # a loop with a loop nested in it: its iterations' work is the nested loop's too
    outer, inner = Site(0, module_level=False), Site(1, parent=0, module_level=False)
    frame = _frame(outer, inner)
    results = [gate.trip(outer, iter(range(5)), frame, 1000 + 16 * k) for k in range(SHORT_TRIPS + 2)]
    assert all(type(r) is int for r in results), results


def test_late_a_loop_of_long_runs_tripping_near_their_ends_goes_on_to_the_controller():
    # a function's loop of 42 iterations a run whose trips all come near a run's end (at one
    # place in runs of one length): held there while the program is young, as the
    # controller would not enter then; once it is late, passed on -- held at every such
    # trip, it ran 3.2*10^6 iterations as written to the end, one run in ~40
    gate, site = StartGate(), Site(0, module_level=False)
    frame = _frame(site)
    assert type(gate.trip(site, iter(range(41)), frame, 1000)) is int      # (a run's start: 41 left)
    for k in range(SHORT_TRIPS + 2):
        assert type(gate.trip(site, iter(range(10)), frame, 1100 + 50 * k)) is int
    gate.first_hot -= 1.0       # (the program has run a second since its first trip)
    assert gate.trip(site, iter(range(10)), frame, 2000) is None
