"""What starting the JIT bought a program's loops in its earlier runs (``tauraro.vm.start_memory``):
a loop the JIT gave up on in a run whose JIT started does not start it again in a later run
of the same source, unless it has many more iterations to run now.

Each run is compared with CPython on stdout, exit code and the whole of stderr; the modules
a run imported are written as its --jit-stats report starts, as in test_jit_start_gate."""
import json
import marshal
import textwrap

import pytest

from harness import launched
from test_jit_start_gate import HEAVY, listing
from tauraro.vm.start_memory import EARLIER, GROWTH, NOTHING, RECHECK, StartMemory

# a loop calling str() on a third of its iterations: the gate starts the JIT for its work
# left (~40 ms as written), the JIT types it, samples it and leaves it to the baseline
STR_LOOP = """
    n = int(open(%r).read())
    parts = []
    for i in range(n):
        if i %% 3 == 0:
            parts.append(str(i))
        else:
            parts.append("-")
    s = "".join(parts)
    print(len(s), s[:30])
"""


@pytest.fixture(autouse=True)
def default_start(monkeypatch, tmp_path):
    # (the gate's rules, not an explicit threshold's; a cache of this test's own)
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _run(tmp_path, n, *options, source=STR_LOOP):
    """(the modules the run imported, the loop's --jit-stats-json row), its outcome checked
    against CPython's."""
    size = tmp_path / "n.txt"
    size.write_text(str(n))
    listed = tmp_path / "modules.txt"
    stats = tmp_path / "stats.json"
    got, expected = launched(tmp_path, listing(listed), textwrap.dedent(source % str(size)),
                             "--jit-stats-json", str(stats), *options)
    assert got.comparable() == expected.comparable(), got.stderr
    row = next(r for r in json.loads(stats.read_text()) if r["line"] == 4)
    return set(listed.read_text().split()), row


def _source(tmp_path) -> str:
    """The name of a source file for the memory's entries (its stamp: "pass")."""
    prog = tmp_path / "p.py"
    prog.write_text("pass\n")
    return str(prog)


def test_a_loop_given_up_on_does_not_start_the_jit_in_the_next_run(tmp_path):
    modules, row = _run(tmp_path, 200000)
    assert "tauraro.jit.controller" in modules
    assert row["status"] == "left to the baseline" and "would leave at once" in row["reason"], row
    # the next run: the gate leaves it to the baseline at the trip that started the JIT, none
    # of the JIT's modules imported, and says why
    modules, row = _run(tmp_path, 200000)
    assert not HEAVY & modules, HEAVY & modules
    assert row["status"] == "left to the baseline", row
    assert row["reason"].startswith(EARLIER) and "would leave at once" in row["reason"], row
    # and the run after it too: the run that held it kept what the first found
    modules, row = _run(tmp_path, 200000)
    assert not HEAVY & modules and row["reason"].startswith(EARLIER), row


def test_many_more_iterations_left_start_the_jit_again(tmp_path):
    _run(tmp_path, 200000)
    modules, row = _run(tmp_path, 200000)
    assert not HEAVY & modules and row["reason"].startswith(EARLIER), row
    # (more than GROWTH times the iterations it ran: the gate asks the JIT again)
    modules, row = _run(tmp_path, 200000 * (GROWTH + 1))
    assert "tauraro.jit.controller" in modules
    assert row["status"] == "left to the baseline" and not row["reason"].startswith(EARLIER), row


def test_a_changed_source_is_judged_afresh(tmp_path):
    _run(tmp_path, 200000)
    changed = STR_LOOP + "    print('changed')\n"
    modules, row = _run(tmp_path, 200000, source=changed)
    assert "tauraro.jit.controller" in modules and not row["reason"].startswith(EARLIER), row


def test_no_jit_cache_keeps_nothing(tmp_path):
    _run(tmp_path, 200000, "--no-jit-cache")
    assert not (tmp_path / "cache" / "tauraro" / "jit" / "starts").exists()
    modules, row = _run(tmp_path, 200000, "--no-jit-cache")
    assert "tauraro.jit.controller" in modules and not row["reason"].startswith(EARLIER), row


def test_what_is_kept_and_read(tmp_path):
    name = _source(tmp_path)
    prog = tmp_path / "p.py"
    memory = StartMemory(str(tmp_path / "starts"))
    memory.keep([
        # given up on, most iterations as written: kept, by the most it had left where more
        (name, 3, "for", "entries do not pay", 10, 990, 5000, False, False),
        # given up on having run mostly natively, or in a function compiled whole, compiled,
        # still waiting: not kept
        (name, 7, "for", "a reason", 9000, 1000, 0, False, False),
        (name, 8, "for", "entries do not pay", 10, 990, 0, True, False),
        (name, 9, "while", None, 10 ** 6, 100, 0, False, False),
        (name, 11, "for", None, 0, 100, 0, False, False),
        # given up for what its native runs cost, having run mostly natively: kept
        (name, 12, "for", "copying in and out costs more", 9000, 1000, 0, False, True),
        # a source that is no file: nothing written for it
        ("<string>", 3, "for", "a reason", 0, 100, 0, False, False),
    ])
    later = StartMemory(str(tmp_path / "starts"))
    assert later.given_up(name, 3, "for", 100) == EARLIER + "entries do not pay"
    assert later.given_up(name, 3, "for", -1) == EARLIER + "entries do not pay"
    assert later.given_up(name, 3, "for", GROWTH * 5000 + 1) is None
    assert later.given_up(name, 3, "while", 100) is None
    assert later.given_up(name, 12, "for", 100) == EARLIER + "copying in and out costs more"
    for line in (7, 8, 9, 11):
        assert later.given_up(name, line, "for", 1) is None and later.given_up(name, line, "while", 1) is None
    assert later.given_up("<string>", 3, "for", 1) is None
    # a run that held the loop at its gate keeps what the earlier run found, not its own
    # (uncounted) iterations
    later.keep([(name, 3, "for", EARLIER + "entries do not pay", 0, 40, 0, False, False)])
    assert StartMemory(str(tmp_path / "starts")).given_up(name, 3, "for", 4000) is not None
    # a run that compiled it forgets it
    later.keep([(name, 3, "for", None, 10 ** 6, 40, 0, False, False)])
    assert StartMemory(str(tmp_path / "starts")).given_up(name, 3, "for", 100) is None
    # an entry of another source is not read (a run of the file as it was changed: a run
    # reads a source's stamp once)
    prog.write_text("pass  # changed\n")
    StartMemory(str(tmp_path / "starts")).keep([(name, 3, "for", "x", 0, 100, 0, False, False)])
    prog.write_text("pass\n")
    assert StartMemory(str(tmp_path / "starts")).given_up(name, 3, "for", 1) is None
    # nor a damaged one
    path = memory._path(name)
    with open(path, "wb") as f:
        f.write(marshal.dumps(("tauraro-starts-0", name)))
    assert StartMemory(str(tmp_path / "starts")).given_up(name, 3, "for", 1) is None


def test_a_run_that_ran_nothing_natively_keeps_every_loop_it_looked_at(tmp_path):
    name = _source(tmp_path)
    StartMemory(str(tmp_path / "starts")).keep([
        (name, 3, "for", None, 0, 3000, 19000, False, False),
        (name, 9, "while", "a reason", 0, 500, 0, False, False),
        (name, 12, "for", None, 0, 40, 0, False, False),
    ])
    later = StartMemory(str(tmp_path / "starts"))
    assert later.given_up(name, 3, "for", 19000) == EARLIER + NOTHING
    assert later.given_up(name, 3, "for", GROWTH * 19000 + 1) is None
    assert later.given_up(name, 9, "while", -1) == EARLIER + "a reason"
    assert later.given_up(name, 12, "for", 100) == EARLIER + NOTHING
    # a run where some loop ran natively keeps only what it gave up on
    later.keep([
        (name, 3, "for", None, 0, 3000, 19000, False, False),
        (name, 12, "for", None, 10 ** 5, 40, 0, False, False),
    ])
    again = StartMemory(str(tmp_path / "starts"))
    assert again.given_up(name, 3, "for", 100) is None and again.given_up(name, 12, "for", 100) is None


def test_native_runs_of_loops_given_up_on_count_as_nothing(tmp_path):
    # (bench/suite/matrix_lists.py: a late start, a few entries of two loops that did not pay,
    # the loop that started the JIT never compiled -- it started the JIT in every run)
    name = _source(tmp_path)
    StartMemory(str(tmp_path / "starts")).keep([
        (name, 3, "for", "entries do not pay", 467, 266000, 0, False, False),
        (name, 9, "for", None, 0, 75000, 80, False, False),
    ])
    later = StartMemory(str(tmp_path / "starts"))
    assert later.given_up(name, 3, "for", 100) == EARLIER + "entries do not pay"
    assert later.given_up(name, 9, "for", 100) == EARLIER + NOTHING
    # a loop given up on having run most of its iterations natively bought the run something,
    # as a loop running natively that was not given up on did
    for i, (why, native, written) in enumerate([("a reason", 266000, 467), (None, 467, 266000)]):
        other = tmp_path / ("q%d.py" % i)
        other.write_text("pass\n")
        StartMemory(str(tmp_path / "starts")).keep([
            (str(other), 3, "for", why, native, written, 0, False, False),
            (str(other), 9, "for", None, 0, 75000, 80, False, False),
        ])
        assert StartMemory(str(tmp_path / "starts")).given_up(str(other), 9, "for", 100) is None, why


def test_an_entry_is_read_afresh_after_recheck_runs_that_held_for_it(tmp_path):
    name = _source(tmp_path)
    StartMemory(str(tmp_path / "starts")).keep(
        [(name, 3, "for", "a reason", 0, 100, 0, False, False)])
    for run in range(RECHECK):
        memory = StartMemory(str(tmp_path / "starts"))
        assert memory.given_up(name, 3, "for", 100) == EARLIER + "a reason", run
        memory.close()          # (a run whose JIT never started)
    # the next run's gate asks the JIT again, and what that run finds is kept afresh
    memory = StartMemory(str(tmp_path / "starts"))
    assert memory.given_up(name, 3, "for", 100) is None
    memory.keep([(name, 3, "for", "a reason", 0, 100, 0, False, False)])
    memory = StartMemory(str(tmp_path / "starts"))
    assert memory.given_up(name, 3, "for", 100) == EARLIER + "a reason"
    # a run that held nothing writes nothing
    memory.close()
    before = open(memory._path(name), "rb").read()
    StartMemory(str(tmp_path / "starts")).close()
    assert open(memory._path(name), "rb").read() == before


def test_a_run_whose_jit_did_not_start_keeps_nothing_even_with_stats(tmp_path):
    # (--jit-stats makes the controller for its rows: that is no start of the JIT)
    modules, row = _run(tmp_path, 3000)
    assert not HEAVY & modules
    assert row["status"] == "interpreted" and "not started" in row["reason"], row
    assert not (tmp_path / "cache" / "tauraro" / "jit" / "starts").exists()


def test_a_failure_keeping_the_memory_does_not_reach_the_program(tmp_path):
    # (the memory is kept at exit, after the program's own atexit handlers: whatever goes
    # wrong there is the cache's, and the run's stderr and exit code stay CPython's)
    size = tmp_path / "n.txt"
    size.write_text("200000")
    setup = ("from tauraro.vm.start_memory import StartMemory\n"
             "def broken(self, outcomes):\n"
             "    raise OSError('the disk is gone')\n"
             "StartMemory.keep = broken\n")
    got, expected = launched(tmp_path, setup, textwrap.dedent(STR_LOOP % str(size)))
    assert got.comparable() == expected.comparable(), got.stderr
    assert got.stderr == expected.stderr


# a recursive function the JIT is asked to compile whole, refused by its arguments' types (a
# str): the first run starts the JIT for it, the next does not
WALK = """
    def walk(text, i):
        if i >= len(text):
            return 0
        return (text[i] == "a") + walk(text, i + 1)

    total = 0
    for k in range(3000):
        total += walk("banana" * 5, k % 7)
    print(total)
"""


def _function_run(tmp_path):
    listed = tmp_path / "modules.txt"
    stats = tmp_path / "stats.json"
    got, expected = launched(tmp_path, listing(listed), textwrap.dedent(WALK), "--jit-stats-json", str(stats))
    assert got.comparable() == expected.comparable(), got.stderr
    row = next(r for r in json.loads(stats.read_text()) if r["kind"] == "function")
    return set(listed.read_text().split()), row


def test_a_function_the_jit_did_not_compile_does_not_start_it_in_the_next_run(tmp_path):
    modules, row = _function_run(tmp_path)
    assert "tauraro.jit.controller" in modules
    assert row["status"] == "not compiled" and "arguments of types" in row["reason"], row
    modules, row = _function_run(tmp_path)
    assert not HEAVY & modules, HEAVY & modules
    assert row["status"] == "not compiled", row
    assert row["reason"].startswith(EARLIER) and "arguments of types" in row["reason"], row


def test_a_function_compiled_whole_counts_as_run_natively(tmp_path):
    name = _source(tmp_path)
    memory = StartMemory(str(tmp_path / "starts"))
    memory.keep([
        (name, 3, "for", None, 0, 3000, 0, False, False),
        (name, 9, "function", None, 0, 10, 0, True, False),
        (name, 20, "function", "arguments of types X object", 0, 64, 0, False, False),
    ])
    later = StartMemory(str(tmp_path / "starts"))
    # (something compiled: the loop it did not give up on is not kept; the function refused is)
    assert later.given_up(name, 3, "for", 10) is None
    assert later.given_up(name, 9, "function", -1) is None
    assert later.given_up(name, 20, "function", -1) == EARLIER + "arguments of types X object"


# a loop that compiles and runs natively (it starts the JIT at every run), then STR_LOOP's
SUM_THEN_STR = STR_LOOP.replace("    parts = []\n", "    total = 0\n    for i in range(3 * n):\n"
                                "        total += i * i %% 7\n    parts = []\n", 1).replace(
    "print(len(s)", "print(total, len(s)")


def test_a_loop_given_up_on_is_held_after_another_loop_started_the_jit(tmp_path):
    # (graph_structure.py: its kruskal loop starts the JIT at every run, and the controller
    # judged some twenty loops afresh each time) -- the str loop, given up on in the first
    # run, is left to the baseline at its first trip after the start in the next runs,
    # without the controller's typing and sampling, and stays kept
    size = tmp_path / "n.txt"
    size.write_text("200000")
    stats = tmp_path / "stats.json"

    def rows():
        got, expected = launched(tmp_path, "", textwrap.dedent(SUM_THEN_STR % str(size)),
                                 "--jit-stats-json", str(stats))
        assert got.comparable() == expected.comparable(), got.stderr
        return {r["line"]: r for r in json.loads(stats.read_text())}

    first = rows()
    assert first[4]["status"] == "compiled" and first[4]["native_iterations"] > 400000, first[4]
    assert first[7]["status"] == "left to the baseline" and "would leave at once" in first[7]["reason"], first[7]
    for run in range(2):
        later = rows()
        assert later[4]["status"] == "compiled", later[4]
        assert later[7]["status"] == "left to the baseline", later[7]
        assert later[7]["reason"].startswith(EARLIER) and "would leave at once" in later[7]["reason"], later[7]


# a function whose loops all die, the outer one at a trip that comes in its second call: a
# loop over subset sizes around one over the subsets (not compiled: a combinations) around a
# short one (too short to pay). Before its second call, it writes whether it holds loop sites
# (the hooked code) to a file -- CPython's run writes False
NESTED = """
    import itertools
    def brute(items, cap):
        best = 0
        for r in range(len(items) + 1):
            for combo in itertools.combinations(items, r):
                w = 0
                for x in combo:
                    w += x
                if w <= cap and w > best:
                    best = w
        return best
    print(brute(list(range(1, 15)), 50))
    hooked = any(type(c).__name__ == "LoopSite" for c in brute.__code__.co_consts)
    open(%r, "a").write("%%s\\n" %% hooked)
    print(brute(list(range(1, 19)), 70))
"""


def test_a_function_whose_other_loops_died_gives_up_one_held_in_an_earlier_run_with_them(tmp_path):
    # (knapsack.py's brute force: its outer loop, given up on in earlier runs, tripped only in
    # the second call, which ran in the hooked code -- each run of the innermost loop testing
    # ``live`` -- 3% of the call) -- once the memory holds it, it is given up when the others
    # are, and the function's second call runs CPython's code
    said = tmp_path / "hooked.txt"
    stats = tmp_path / "stats.json"
    runs = []
    for run in range(3):
        said.write_text("")
        got, expected = launched(tmp_path, "", textwrap.dedent(NESTED % str(said)), "--jit-stats-json", str(stats))
        assert got.comparable() == expected.comparable(), got.stderr
        runs.append((said.read_text().split(), {r["line"]: r for r in json.loads(stats.read_text())}))
    # (the first run of each pair is Tauraro's, the second CPython's)
    first, later = runs[0], runs[2]
    assert first[0] == ["True", "False"], first
    assert later[0] == ["False", "False"], later
    outer = later[1][5]
    assert outer["status"] == "left to the baseline" and outer["reason"].startswith(EARLIER), outer
    assert outer["interpreted_iterations"] == 0, outer
