"""VM unit tests: frames, block generation, exception mapping, functions."""
import inspect
import types

import pytest

from tauraro.compiler.code import UNBOUND
from tauraro.compiler.compiler import compile_source
from tauraro.vm.builtins import BUILTINS
from tauraro.vm.interpreter import run, runtime_of
from tauraro.vm.modules import execute_module
from tauraro.vm.state import STATE
from tauraro.vm.sysmodule import ensure_host_limit


def run_module(src):
    ensure_host_limit(STATE.recursion_limit)   # as the program runner does
    code = compile_source(src, "<vm-test>")
    G = {"__name__": "vmtest", "__builtins__": BUILTINS}
    execute_module(code, G)
    return G


def test_module_globals_and_functions():
    G = run_module("def sq(x):\n    return x * x\ny = sq(7)\n")
    assert G["y"] == 49
    f = G["sq"]
    assert isinstance(f, types.FunctionType) and f(3) == 9
    assert f.__module__ == "vmtest" and f.__qualname__ == "sq"


def test_user_function_signature_is_exact():
    G = run_module("def f(a, b=2, /, c=3, *args, d, e=5, **kw):\n    return (a, b, c, args, d, e, kw)\n")
    f = G["f"]
    assert str(inspect.signature(f)) == "(a, b=2, /, c=3, *args, d, e=5, **kw)"
    assert f(1, d=4) == (1, 2, 3, (), 4, 5, {})
    assert f(1, 9, 8, 7, d=0, z=1) == (1, 9, 8, (7,), 0, 5, {"z": 1})
    with pytest.raises(TypeError, match=r"f\(\) missing 1 required keyword-only argument: 'd'"):
        f(1)


def test_exception_pc_maps_to_source_line():
    src = "def f(a):\n    b = a + 1\n    c = b // 0\n    return c\n"
    G = run_module(src)
    with pytest.raises(ZeroDivisionError) as e:
        G["f"](1)
    tb = e.value.__dict__["_tauraro_tb"]
    code, pc, _ = tb[0]
    assert code.name == "f" and code.line_of(pc) == 3


def test_resume_in_the_middle_of_a_block():
    """The JIT resumes at arbitrary pcs: a block generated from any pc continues correctly."""
    src = "def f(n):\n    a = n + 1\n    b = a * 2\n    c = b - 3\n    return a, b, c\n"
    code = compile_source(src, "<vm-test>")
    G = {"__name__": "vmtest", "__builtins__": BUILTINS}
    execute_module(code, G)
    fcode = [c for c in code.children() if c.name == "f"][0]
    rt = runtime_of(fcode, G)
    expected = G["f"](10)
    for pc in range(len(fcode.instrs)):
        # run from the start up to pc, then resume from pc in a mid-block entry
        r = [10] + [UNBOUND] * (fcode.nregs - 1) + [None, None]
        full = run(rt, list(r), rt.entry)
        assert full == expected
    # simulate: registers as they are before instruction 1 (a computed), resume at pc 1
    r = [10, 11] + [UNBOUND] * (fcode.nregs - 2) + [None, None]
    assert run(rt, r, rt.block_at(1)) == expected
    assert 1 in rt.blocks and rt.pc_of_block[rt.blocks[1]] == 1


def test_self_loop_block_is_a_python_while():
    G = run_module("def s(n):\n    t = 0\n    i = 0\n    while i < n:\n        t += i\n        i += 1\n"
                   "    return t\n")
    rt = G["s"].__code__  # the trampoline
    assert G["s"](100) == 4950
    code = [c for c in compile_source("def s(n):\n    t = 0\n    i = 0\n    while i < n:\n"
                                      "        t += i\n        i += 1\n    return t\n", "<x>").children()][0]
    from tauraro.vm.blockgen import display_source
    src = display_source(code, ["G"])
    assert "while True:" in src and "continue" in src


def test_recursion_limit_matches_cpython_depth():
    G = run_module("def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n"
                   "        return n\nresult = f(1)\n")
    # CPython: the module frame plus 999 frames of f
    assert G["result"] == 999


def test_generator_protocol():
    G = run_module("def g():\n    x = yield 1\n    try:\n        yield x * 2\n    finally:\n"
                   "        log.append('closed')\n    return 7\nlog = []\n")
    g = G["g"]()
    assert next(g) == 1 and g.send(5) == 10
    g.close()
    assert G["log"] == ["closed"]
    g2 = G["g"]()
    next(g2)
    g2.send(1)
    with pytest.raises(StopIteration) as e:
        next(g2)
    assert e.value.value == 7
    assert type(g2).__name__ == "generator"


def test_classes_are_host_classes_with_super():
    G = run_module("class A:\n    def who(self):\n        return 'A'\nclass B(A):\n"
                   "    def who(self):\n        return 'B' + super().who()\n")
    B = G["B"]
    assert isinstance(B, type) and B().who() == "BA" and B.__mro__[1] is G["A"]
    assert B.__qualname__ == "B" and B.__module__ == "vmtest"


def test_global_named_like_an_internal_helper():
    """A user global may share a name with a block-internal helper (r, next, G...)."""
    G = run_module("r = 5\nG = 6\nCODE = 7\nnext = 8\nb0 = 9\nK0 = 1.5e300 * 10\n"
                   "total = r + G + CODE + next + b0\n"
                   "def f():\n    global r\n    r = r + 1\n    return r, next\nout = f()\n")
    assert G["total"] == 35 and G["out"] == (6, 8) and G["r"] == 6


def test_branch_to_the_loop_header_inside_a_self_loop():
    """An if whose only statement is pass jumps straight back to the header: 'continue'
    must be inside the generated while loop (a regression seen once)."""
    G = run_module("for i in range(3):\n    if i < 0:\n        pass\nx = i\n"
                   "def f():\n    t = 0\n    for j in range(5):\n        if j % 2:\n            continue\n"
                   "        t += j\n    return t\ny = f()\n")
    assert G["x"] == 2 and G["y"] == 6
