"""A loop whose trips keep not entering sleeps (``JitController._not_entered``,
``LoopSite._sleep``): it runs as written, uncounted, and a later hook of any loop site
wakes it for one more try (``HookRuntime.wake_due``). And the README's example, under the
default start rule, runs its hot loops natively (a learning budget tried in the sixth
session, which held new compiles back once the JIT had spent 20 ms and 2% of the run,
made its trial-division loop sleep through most of its run: 0.12 s became 0.4 s).

Each program's stdout, exit code and whole stderr are CPython's; ``--jit-stats-json`` says
what the JIT did."""
import json
import subprocess
import sys
from pathlib import Path

from harness import _env
from test_jit import jit
from test_jit_refusals import MIXED_PLAN
from test_jit_slots import line

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_example_runs_its_hot_loops_natively(tmp_path, monkeypatch):
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)
    example = ROOT / "examples" / "primes.py"
    stats = tmp_path / "stats.json"
    env = _env()
    got = subprocess.run([sys.executable, "-m", "tauraro", "run", "--jit-stats-json", str(stats), str(example)],
                         capture_output=True, env=env, timeout=120)
    want = subprocess.run([sys.executable, str(example)], capture_output=True, env=env, timeout=120)
    # (the example prints its own timing on stderr: the rest is compared)
    assert (got.returncode, got.stdout) == (want.returncode, want.stdout) and got.returncode == 0
    assert [l for l in got.stderr.splitlines() if not l.startswith(b"time:")] == \
        [l for l in want.stderr.splitlines() if not l.startswith(b"time:")] == []
    src = example.read_text().splitlines()
    rows = {r["line"]: r for r in json.loads(stats.read_text())}
    outer = src.index("    for m in range(2, n):") + 1
    inner = src.index("        while d * d <= m:") + 1
    for at in (outer, inner):
        assert rows[at]["native_iterations"] > 10 * rows[at]["interpreted_iterations"], rows[at]


def test_a_sleeping_loop_wakes_and_enters_once_its_data_lets_it(tmp_path):
    # first the steps' attribute is an int in some and a float in others, and the version
    # compiled for the first's never takes the list: the loop's trips do not enter, and it sleeps. Then the list holds only A
    # objects; a function's loop over a generator, given up at once, goes on tripping idly
    # in its run (a module-level one would stop counting; its target, a list's element, is
    # not one a run can go on as written with), and one of its trips wakes the sleeper,
    # whose next try enters. (With a name for its target the loop's run went on as written
    # after its first trip, and the sleeper woke only if that trip came after its sleep: one
    # CI run in five did not)
    src = MIXED_PLAN + """
        def reps(n):
            for i in range(n):
                yield i

        plan = Plan([A(i) if i % 3 else A(i + 0.5) for i in range(400)])
        for rep in range(5000):
            plan.execute()
        first = sum(c.v for c in plan.steps)
        def run(plan, n):
            at = [0]
            for at[0] in reps(n):
                plan.execute()

        plan.steps = [A(i) for i in range(400)]
        run(plan, 20000)
        print(first, sum(c.v for c in plan.steps), [c.v for c in plan.steps[:4]])
    """
    r = jit(tmp_path, src, threshold="1000")
    row = r.loop(line(src))
    assert row["refused"]["slept"] >= 1, row["refused"]
    assert row["entries"] >= 1 and row["native_iterations"] > 400, row
