"""Compiler unit tests: where a program test would be too coarse."""
import ast

import pytest

from tauraro.compiler.code import UNBOUND
from tauraro.compiler.compiler import compile_source
from tauraro.compiler.opcodes import OPS, BY_NAME, _zip_kinds
from tauraro.vm.blockgen import BlockSource


def code_of(src, name=None):
    code = compile_source(src, "<test>")
    if name is None:
        return code
    for c in code.children():
        if c.name == name:
            return c
    raise KeyError(name)


def ops(code):
    return [i.op.name for i in code.instrs]


def test_every_opcode_template_renders_to_valid_python():
    """The interpreter is generated from the table: every template must render."""
    class Fake:
        consts = [None, 1, ("a", "b"), "s"]
        names = ["name0", "attr1", "x"]
        instrs = []
        exc_table = []
        loops = []
    for opdef in OPS:
        args = []
        for kind in opdef.kinds:
            if kind == "k":
                args.append(-3 if opdef.name == "CALL_KW" else -2)
            elif kind == "n":
                args.append(1)
            elif kind == "j":
                args.append(0)
            elif kind == "i":
                args.append(0 if opdef.name != "UNPACK_EX" else 1)
            elif kind.startswith("*"):
                args += [5, 6]
            else:
                args.append(3)
        fake = Fake()
        from tauraro.compiler.code import Instr
        fake.instrs = [Instr(opdef, args, 1)]
        gen = BlockSource(fake, ["r"])
        gen.starts = [0]
        text = gen.render(0)
        compile("def b0(r):\n" + "\n".join("    " + l for l in text.split("\n")) + "\n    return None\n",
                "<%s>" % opdef.name, "exec")


def test_opcode_kinds_are_known():
    known = {"w", "r", "m", "rk", "k", "n", "j", "i", "*rk", "*w"}
    for opdef in OPS:
        assert set(opdef.kinds) <= known, opdef.name
        assert all(not k.startswith("*") for k in opdef.kinds[:-1]), opdef.name


def test_read_write_sets():
    add = BY_NAME["ADD"]
    assert add.read([4, 1, -1]) == [1] and add.written([4, 1, -1]) == [4]
    unpack = BY_NAME["UNPACK"]
    assert unpack.written([0, 1, 2, 3]) == [1, 2, 3] and unpack.read([0, 1, 2, 3]) == [0]
    iadd = BY_NAME["IADD"]
    assert iadd.read([2, 3]) == [2, 3] and iadd.written([2, 3]) == [2]


def test_locals_live_in_registers_and_params_first():
    f = code_of("def f(a, b=1, *args, c, **kw):\n    x = a\n    return x\n", "f")
    assert f.params == ["a", "b", "c", "args", "kw"]
    assert [f.regnames[i] for i in range(5)] == f.params
    assert f.argcount == 2 and f.kwonlyargcount == 1
    assert "LOAD_GLOBAL" not in ops(f)


def test_unbound_checks_only_where_needed():
    f = code_of("def f(c):\n    if c:\n        x = 1\n    y = 2\n    return x + y\n", "f")
    checks = [i for i in f.instrs if i.op.name == "CHECK_BOUND"]
    assert [f.regnames[i.args[0]] for i in checks] == ["x"]
    g = code_of("def g():\n    x = 1\n    for i in range(3):\n        x += i\n    return x\n", "g")
    assert "CHECK_BOUND" not in ops(g)
    h = code_of("def h():\n    for k in []:\n        pass\n    return k\n", "h")
    assert ops(h).count("CHECK_BOUND") == 1


def test_check_after_del_and_in_handler():
    f = code_of("def f():\n    x = 1\n    del x\n    return x\n", "f")
    assert "CHECK_BOUND" in ops(f)
    g = code_of("def g():\n    try:\n        x = int('1')\n    except ValueError:\n"
                "        return x\n    return x\n", "g")
    checks = [i for i in g.instrs if i.op.name == "CHECK_BOUND"]
    assert len(checks) == 1    # only in the handler; after the try x is assigned


def test_return_in_try_is_protected_until_unwinding():
    f = code_of("def f():\n    try:\n        return g()\n    finally:\n        cleanup()\n", "f")
    calls = [pc for pc, i in enumerate(f.instrs) if i.op.name == "CALL"]
    first_call = calls[0]
    assert f.handler_for(first_call) is not None          # g() runs inside the try
    ret = next(pc for pc, i in enumerate(f.instrs) if i.op.name == "RETURN")
    assert f.handler_for(ret) is None                     # after the inlined finally: no handler
    assert ret > calls[1]                                 # cleanup() ran before the return


def test_loop_table():
    code = code_of("total = 0\nfor i in range(5):\n    while total < 3:\n        total += 1\n"
                   "    if i == 2:\n        break\nelse:\n    pass\n")
    outer, inner = code.loops
    assert (outer.kind, outer.line, outer.parent) == ("for", 2, -1)
    assert (inner.kind, inner.line, inner.parent) == ("while", 3, 0)
    assert code.instrs[outer.header].op.name == "FOR_ITER"
    assert outer.header < inner.header < inner.end <= outer.end
    backs = [i for i in code.instrs if i.op.name == "JUMP_BACK"]
    assert {i.args[1] for i in backs} == {0, 1}
    for i in backs:
        assert i.args[0] == code.loops[i.args[1]].header


def test_constant_folding_and_dedup():
    code = code_of("a = 2 ** 10\nb = -3\nc = 2 ** 10\nd = (1, 2)\n")
    assert 1024 in code.consts and -3 in code.consts and (1, 2) in code.consts
    assert code.consts.count(1024) == 1
    code = code_of("a = 0.0\nb = -0.0\nc = 0\nd = False\n")
    kinds = [(type(c), repr(c)) for c in code.consts if c is not None]
    assert (float, "0.0") in kinds and (float, "-0.0") in kinds and (int, "0") in kinds \
        and (bool, "False") in kinds


def test_name_mangling():
    c = code_of("class C:\n    def m(self):\n        return self.__x\n", "C")
    m = [k for k in c.children() if k.name == "m"][0]
    assert "_C__x" in m.names


def test_generator_and_comprehension_scopes():
    code = code_of("def g():\n    yield 1\nxs = [i for i in range(3)]\n")
    g = [c for c in code.children() if c.name == "g"][0]
    comp = [c for c in code.children() if c.name == "<listcomp>"][0]
    assert g.is_generator and not comp.is_generator
    assert comp.params == [".0"]


def test_a_generator_expression_inside_another_on_one_line_compiles():
    # a generator expression is compiled twice (as a generator, and as the list the JIT
    # builds for sum(), join()...): the second time its nested one needs its table again
    code = code_of('def show(s):\n    return "/".join("".join("Q" if c == col else "." '
                   'for c in range(len(s))) for col in s)\n', "show")
    outer = [c for c in code.children() if c.name == "<genexpr>"][0]
    for built in (outer, outer.as_list):
        inner = [c for c in built.children() if c.name == "<genexpr>"]
        assert len(inner) == 1 and [name for name, _ in inner[0].freevars] == ["col"]


def test_unbound_constant_marks_except_name_cleanup():
    f = code_of("def f():\n    try:\n        pass\n    except E as e:\n        pass\n", "f")
    assert UNBOUND in f.consts
