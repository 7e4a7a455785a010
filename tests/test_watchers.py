"""What the program sees of tracing while the JIT samples a loop's lines (tauraro.vm.watchers).

Before compiling a loop whose typing finds branches native code leaves at, the JIT traces
the loop's frame for a few iterations (tauraro.vm.linesample), which sets a global trace
function for the while. The program's ``sys.gettrace()`` does not show it: a program
asking whether a debugger runs, or saving and restoring the tracer, sees None as under
CPython. Compared with CPython at the default threshold (where loops are sampled)."""
from test_jit import Result


def test_gettrace_does_not_show_the_jits_line_sample(tmp_path, monkeypatch):
    monkeypatch.delenv("TAURARO_JIT_THRESHOLD", raising=False)     # (the default rule samples)
    r = Result(tmp_path, """
        import sys
        seen = set()
        def work():
            s = 0
            for i in range(300000):
                if i % 2:
                    s += int("1")
                else:
                    seen.add(repr(sys.gettrace()))
            return s
        print(work(), seen)
        saved = sys.gettrace()
        sys.settrace(saved)
        print(sys.gettrace())
    """).same()
    assert "sampled" in r.loop(6)["reason"], r.loop(6)
