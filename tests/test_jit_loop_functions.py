"""Functions compiled whole for their loops (``instrument._compilable_whole`` "loops",
``hooks.FunctionSite`` with ``info.nests``): a plain module-level function running a loop,
called often from code that is not compiled, is compiled whole once its loop compiled, and
its calls then run natively from the baseline's call -- no trip of its loop, whose round
trip from the hook costs ~10-20 us against the call's ~1 us. Each program runs under
CPython and under Tauraro and must print the same, tracebacks included."""
from test_jit import jit
from test_jit_lane import DRIVER        # (a generator drives the calls: not compiled)
from test_jit_slots import line


def test_a_function_running_a_loop_called_often_is_compiled_whole(tmp_path):
    src = DRIVER + """
    def f(n):                           # function
        s = 0
        for i in range(n):
            s += i * i % 7
        return s

    out = 0
    for j in calls(3000):
        out += f(300 + j % 50)
    print(out)
    """
    row = jit(tmp_path, src, threshold="200").loop(line(src, "# function"))
    assert row["kind"] == "function" and row["status"] == "compiled", row
    # (the calls after the first few hundred -- the threshold's, the loop's compile first --
    # answered natively)
    assert row["native_iterations"] >= 2500, row


def test_a_local_of_the_functions_own_name_keeps_it_out(tmp_path):
    # its prologue would read the name, a local here, unbound: no prologue, the loop's own way
    src = DRIVER + """
    def lengths(words):
        lengths = {}
        for w in words:                 # loop
            lengths[len(w)] = lengths.get(len(w), 0) + 1
        return sorted(lengths.items())

    out = []
    for j in calls(200):
        out.append(lengths(["a", "bb", "ccc", "dd"] * (j % 5 + 1)))
    print(out[-1], len(out))
    """
    r = jit(tmp_path, src)
    assert all(row["kind"] != "function" for row in r.rows), r.rows


def test_a_tracer_sees_what_cpython_shows_it(tmp_path):
    # the prologue is not run under a tracer: it sees no call of Tauraro's, and every line
    # of the function, as CPython shows them (f is compiled whole by then)
    src = DRIVER + """
    import sys

    def f(n):
        s = 0
        for i in range(n):
            s += i
        return s

    out = 0
    for j in calls(300):
        out += f(400)
    events = []

    def tracer(frame, event, arg):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer
    sys.settrace(tracer)
    out += f(3)
    sys.settrace(None)
    print(out, events)
    """
    row = next(row for row in jit(tmp_path, src, threshold="1").rows if row["kind"] == "function")
    assert row["status"] == "compiled", row


def test_a_function_that_does_not_compile_whole_keeps_its_loops_way(tmp_path):
    # its loop stores into a dict the program holds (no store a function compiled whole may
    # make): it is given up, and its loop, compiled on its own, still enters at its calls
    src = DRIVER + """
    seen = {}

    def f(n):                           # function
        s = 0
        for i in range(n):              # loop
            s += i
        seen[n] = s
        return s

    out = 0
    for j in calls(400):
        out += f(300 + j % 3)
    print(out, sorted(seen.items()))
    """
    r = jit(tmp_path, src, threshold="1")
    loop = r.loop(line(src))
    assert loop["status"] == "compiled" and loop["entries"] >= 390, loop
    rows = [row for row in r.rows if row["kind"] == "function"]
    assert all(row["status"] != "compiled" for row in rows), rows


def test_exceptions_and_overflows_run_the_call_as_written(tmp_path):
    # a call dividing by zero, and calls whose product leaves 64 bits: the native call fails
    # and CPython makes it, raising or computing what it would have
    src = DRIVER + """
    def f(n, x, d):                     # function
        p = 1
        for i in range(1, n):
            p = p * x + 100 // (n - i - d)
        return p

    out = []
    for j in calls(300):
        out.append(f(200, 1 if j < 250 else 3, 0) % 1000003)
    print(out[:3], out[-3:])
    print(f(100, 1, 10))
    """
    row = jit(tmp_path, src, threshold="1").loop(line(src, "# function"))
    # (answered natively but for the calls that failed there and ran as written)
    assert row["status"] == "compiled" and 150 <= row["native_iterations"] < row["entries"], row


def test_a_function_rebound_or_its_code_replaced_mid_way(tmp_path):
    # the calls go to what the name means at each call: the compiled version answers only
    # for the function it was compiled for
    src = DRIVER + """
    def f(n):                           # function
        s = 0
        for i in range(n):
            s += i
        return s

    def g(n):
        return -n

    def h(n):
        s = 1
        for i in range(n):
            s += 2 * i
        return s

    keep = f
    out = []
    for j in calls(600):
        if j == 300:
            f = g
        if j == 450:
            keep.__code__ = h.__code__
        out.append(f(400 + j % 7) + keep(300))
    print(out[:3], out[298:303], out[448:453], out[-3:])
    """
    row = jit(tmp_path, src, threshold="1").loop(line(src, "# function"))
    assert row["status"] == "compiled" and row["native_iterations"] >= 300, row


def test_the_prologue_calls_its_site_only_once_a_loop_of_its_ran_natively(tmp_path, monkeypatch):
    # before, each call of a function whose loops never compile (the JIT never started,
    # say) paid the prologue's call of its site, ~0.3 us, for good: now the prologue reads
    # the site's ``on``, False until a loop of the function first ran natively
    from tauraro.vm import hooks
    from tauraro.vm.hooks import FunctionSite, HookRuntime
    # (run in the suite's process, whose threads -- pytest-xdist's -- are not a program's)
    monkeypatch.setattr(hooks, "_other_threads", lambda: False)
    from tauraro.vm.loader import Compiler
    runtime = HookRuntime(1000, cache=False, start_now=True)       # (as --jit-threshold 1000)
    path = tmp_path / "m.py"
    path.write_text("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n")
    code = Compiler(1000, runtime.site, None, runtime.sources).compile(path.read_bytes(), str(path))
    ns = {"__name__": "m"}
    exec(code, ns)
    site = next(c for c in ns["f"].__code__.co_consts if type(c) is FunctionSite)
    countdown = site.countdown
    assert site.info.nests and not site.on
    for k in range(200):            # (short runs: the loop's count never trips)
        assert ns["f"](3) == 3
    assert not site.on and site.countdown == countdown      # (the site never called)
    assert ns["f"](200000) == 199999 * 200000 // 2          # (its loop trips and enters)
    assert site.on and not site.given_up
    runtime.close()


def test_ctrl_c_stops_a_function_compiled_whole_at_once(tmp_path):
    # its loop polls for Ctrl-C at every back edge: the native call fails at once, and the
    # KeyboardInterrupt comes out of the function's frame, no frame of Tauraro's printed.
    # (Cranelift gave every poll the value of the function's first read of the flag -- the
    # same load, no store between -- and the loop ran to its end: a recursive one's too)
    from test_jit import _interrupted_at_once, _start
    proc = _start(tmp_path, DRIVER + """
    def f(n):
        s = 0
        for i in range(n):
            s += i % 7
        return s

    t = 0
    for j in calls(3000):
        t += f(300)
    print("ready", flush=True)
    print(f(10 ** 15))
    """, "--jit-threshold", "100")
    text = _interrupted_at_once(proc)
    assert 'in f' in text and "tauraro" not in text, text
