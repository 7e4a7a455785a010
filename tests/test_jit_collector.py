"""The program's young objects set aside while the JIT compiles (tauraro.jit.collector):
the collections a compile's allocations cause walk only what the compile makes, and the
program's objects are then in the oldest generation; nothing is done with the collector
off, or when the program froze objects itself."""
import gc
import json
import sys

import pytest

from tauraro.jit.collector import CompileAside


def _generation_of(obj):
    for g in range(3):
        if any(o is obj for o in gc.get_objects(generation=g)):
            return g
    return None


@pytest.mark.skipif(gc.get_freeze_count() != 0, reason="this Python starts with objects frozen: nothing is set aside")
def test_young_objects_are_set_aside_then_put_in_the_oldest_generation():
    gc.collect()
    young = [[] for _ in range(3)]
    assert _generation_of(young) == 0
    with CompileAside():
        assert gc.get_freeze_count() > 0 and _generation_of(young) is None
        made = [[k] for k in range(5000)]      # (no collection runs: the collector is off)
        assert _generation_of(made) in (0, 1, 2)
        assert not gc.isenabled()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert _generation_of(young) == 2


def test_no_collection_runs_during_a_compile_and_the_collector_is_on_again_after():
    runs = []
    callback = lambda phase, info: runs.append(phase)      # noqa: E731
    gc.callbacks.append(callback)
    try:
        with CompileAside():
            with CompileAside():        # (nested: the inner one leaves the collector as it found it)
                made = [[[k]] for k in range(20000)]
            assert not gc.isenabled()
            during = len(runs)
        assert gc.isenabled() and during == 0 and len(made) == 20000
        [[k] for k in range(2000)]      # (and after it, they run again)
        assert runs
    finally:
        gc.callbacks.remove(callback)


def test_nothing_is_done_with_the_collector_off_or_objects_frozen_by_the_program():
    young = [[]]
    before = gc.get_freeze_count()
    gc.disable()
    try:
        with CompileAside():
            assert gc.get_freeze_count() == before
        assert not gc.isenabled()       # (the program's choice, kept)
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with CompileAside():
            pass
        assert gc.get_freeze_count() == frozen      # (the program's frozen objects stay frozen)
    finally:
        if not before:
            gc.unfreeze()
    assert young == [[]]


_IR_LEFT = """
import gc
def ir_objects():
    # (the IR's blocks and snapshots the JIT's compiles made, still alive; not its
    # instructions: a pass's module holds one of its own)
    return sum(1 for o in gc.get_objects()
               if type(o).__module__ == "tauraro.jit.ir.graph" and type(o).__name__ in ("Block", "Snapshot"))
total = 0
for i in range(300000):
    total += i * i % 7 if i % 3 else i // 5
gc.collect()
print(total, ir_objects())
"""


def test_a_compiled_loop_keeps_no_ir_unless_dumping(tmp_path):
    # (the IR and its stages are read by --jit-dump and --emit-wasm alone, at the compile: a
    # ray tracer's versions held ~14,000 of its objects to the end, walked by every full
    # collection, the one at exit too)
    from harness import run
    prog = tmp_path / "prog.py"
    prog.write_text(_IR_LEFT)
    total = sum(i * i % 7 if i % 3 else i // 5 for i in range(300000))
    stats = tmp_path / "stats.json"
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "100", "--jit-stats-json", str(stats)], prog)
    assert got.returncode == 0 and got.stdout == "%d 0\n" % total, got
    row = [r for r in json.loads(stats.read_text()) if r["status"] == "compiled"][0]
    assert row["native_iterations"] > 290000, row
    # (dumping, what it dumps is made first: the same IR objects are then let go of too)
    dump = tmp_path / "dump"
    dump.mkdir()
    got = run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "100", "--jit-dump", str(dump)], prog)
    assert got.returncode == 0 and got.stdout == "%d 0\n" % total, got
    text = "".join(p.read_text() for p in dump.iterdir())
    assert "as recorded" in text and "(module" in text, text[:2000]


def test_the_controller_is_let_go_of_when_the_program_ends(tmp_path):
    # (after the program's own atexit handlers, the runtime lets go of the controller; the
    # check of the ported math functions held it too, through its engine: every version,
    # loop state and kept record stayed alive to the end of the interpreter's teardown and
    # was walked by each of its collections -- 26,500 objects tracked at a ray tracer's
    # exit, CPython's 8,400)
    from harness import launched
    got, expected = launched(tmp_path, (
        "import atexit, gc, weakref\n"
        "made = []\n"
        "import tauraro.jit.controller as C\n"
        "real = C.JitController.__init__\n"
        "def init(self, *a, **k):\n"
        "    made.append(weakref.ref(self))\n"
        "    real(self, *a, **k)\n"
        "C.JitController.__init__ = init\n"
        "def late():\n"
        "    gc.collect()\n"
        "    sys.stderr.write('controllers alive: %d of %d\\n' % (sum(r() is not None for r in made), len(made)))\n"
        "atexit.register(late)\n"), (
        "import math\n"
        "s = 0.0\n"
        "for i in range(100000):\n"
        "    s += math.sin(i * 0.001) * (i % 7)\n"
        "print(round(s, 6))\n"), "--jit-threshold", "100")
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    assert "controllers alive: 0 of 1" in got.stderr, got.stderr



_YOUNG_WALKED = """
import gc

walked = []


def watch(phase, info):
    # a young collection (generation 0 or 1): does it walk the program's big young list?
    if phase == "start" and info["generation"] < 2:
        walked.append(any(o is xs for g in range(info["generation"] + 1) for o in gc.get_objects(g)))


def total(xs):
    return sum(x * x for x in xs)


def loop(xs):
    s = 0.0
    for x in xs:
        s += x * x
    return s


xs = None
gc.callbacks.append(watch)
xs = [i * 0.37 for i in range(300_000)]
a = FIRST(xs)
b = SECOND(xs)
gc.callbacks.remove(watch)
print(a, b, len(xs), sum(walked))
"""


@pytest.mark.skipif(gc.get_freeze_count() != 0, reason="this Python starts with objects frozen: nothing is set aside")
@pytest.mark.parametrize("first", ["loop", "total"])
@pytest.mark.parametrize("threshold", [None, "1"])
def test_the_jits_first_look_at_a_loop_runs_no_young_collection_over_the_programs_objects(tmp_path, first, threshold):
    # the first trip imports the JIT's modules and makes the file's register bytecode:
    # thousands of containers, whose young collections walked the program's young list of
    # 300,000 floats, twice (CPython, running the loop, makes no container and runs none);
    # a generator expression's first run likewise, where it is the first hot loop
    from test_jit import Result
    second = "total" if first == "loop" else "loop"
    src = _YOUNG_WALKED.replace("FIRST", first).replace("SECOND", second)
    options = ("--jit-threshold", threshold) if threshold else ()
    r = Result(tmp_path, src, *options).same()
    assert r.got.stdout.split()[-1] == "0", r.got.stdout
