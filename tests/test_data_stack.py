"""The program's frames start with room in the thread's data stack (``tauraro.vm.detach``,
ROOM_WORDS): a recursion that goes back and forth across the end of a chunk of CPython's
data stack maps and unmaps a chunk at each crossing, where the chunk ends depends on the
launcher's frames under the program, and tiny_interpreter.py's recursion crossed one
~9,400 times under Tauraro's. Counted here as the page faults of a recursion 300 frames
deep (~30 KB of frames, two 16 KB chunks' worth), made 5,000 times: a crossing costs a
chunk's four fresh pages each time."""
import os
import subprocess
import sys
import textwrap

import pytest

RECURSION = textwrap.dedent("""
    import resource

    def down(n):
        return 0 if n == 0 else down(n - 1) + 1

    for k in range(3000):       # (the JIT's compiles, if any, before the count)
        down(300)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    total = 0
    for k in range(5000):
        total += down(300)
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    print(total, "few faults" if faults < 2000 else "%d faults" % faults)
""")


@pytest.mark.skipif(sys.platform != "linux", reason="minor page faults as Linux counts them")
@pytest.mark.parametrize("mode", [["--no-jit"], []])
def test_a_recursion_runs_in_one_chunk_of_the_data_stack(tmp_path, mode):
    (tmp_path / "prog.py").write_text(RECURSION)
    env = dict(os.environ)
    env.pop("TAURARO_JIT_THRESHOLD", None)
    p = subprocess.run([sys.executable, "-m", "tauraro", "run", *mode, "prog.py"], cwd=str(tmp_path),
                       capture_output=True, text=True, env=env, timeout=120)
    assert (p.returncode, p.stdout, p.stderr) == (0, "%d few faults\n" % (5000 * 300), "")
