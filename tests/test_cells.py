"""The instrumented code keeps CPython's cells: a variable is a cell of an instrumented
function exactly when CPython's own code makes it one (``tauraro.vm.captures``). A
variable the hook alone made a cell is read and written through its cell everywhere in
the function, the loops as written too."""
import ast
import glob
import os
import sys
import textwrap
import types
import warnings

import pytest

from tauraro.vm.captures import captured
from tauraro.vm.instrument import instrument

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _functions(code, into=None):
    """{(qualname, first line): code} of every function compiled in ``code``."""
    into = {} if into is None else into
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            into[(c.co_qualname, c.co_firstlineno)] = c
            _functions(c, into)
    return into


def _programs():
    files = sorted(glob.glob(os.path.join(ROOT, "bench", "*", "*.py")))
    files += sorted(glob.glob(os.path.join(ROOT, "tests", "programs", "**", "*.py"), recursive=True))
    return files


def test_instrumented_functions_have_the_cells_cpythons_code_has():
    """Every function of the benchmark programs and the test programs: its instrumented
    code's cells are CPython's."""
    checked = 0
    for path in _programs():
        with open(path, encoding="utf-8") as f:
            src = f.read()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")     # (programs that test CPython's warnings)
                plain = _functions(compile(src, path, "exec", dont_inherit=True))
        except SyntaxError:
            continue            # (programs that test CPython's SyntaxError)
        tree, _ = instrument(ast.parse(src), 1000)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # (said once, by the compile above)
            hooked = _functions(compile(tree, path, "exec", dont_inherit=True))
        for key, code in plain.items():
            if key in hooked:
                assert hooked[key].co_cellvars == code.co_cellvars, (path, key)
                checked += 1
    assert checked > 1000


CASES = {
    "a lambda's parameter named as the function's variable": """
        def f(bus):
            for i in range(9):
                v = i * 2
                bus.append(lambda v: v + 1)
            return v
    """,
    "a comprehension's target named as the function's variable": """
        def f(xs):
            total = 0
            for i in range(9):
                total += i
            return total, [i * 2 for i in xs], sorted(i for i in xs)
    """,
    "a variable a comprehension reads (a cell up to 3.11)": """
        def f(xs):
            k = 0
            for i in range(9):
                k += i
            return [x * k for x in xs]
    """,
    "a variable a generator expression reads": """
        def f(xs):
            k = 0
            for i in range(9):
                k += i
            return sum(x * k for x in xs)
    """,
    "a comprehension's walrus": """
        def f(xs):
            last = 0
            for i in range(9):
                last += i
            ys = [last := x for x in xs]
            return ys, last
    """,
    "a comprehension's target a lambda in it takes": """
        def f(xs):
            d = 5
            for i in range(9):
                d += i
            return d, [lambda: d for d in xs]
    """,
    "a variable a method of a local class reads, the class binding it too": """
        def f(n):
            size = n
            for i in range(9):
                size += i
            class C:
                size = 3
                def get(self):
                    return size
            return C().get()
    """,
    "a variable a nested function writes": """
        def f(n):
            total = 0
            def add(x):
                nonlocal total
                total += x
            for i in range(n):
                add(i)
            return total
    """,
    "a lambda in a nested function's default and a decorator": """
        def f(n):
            a = n
            b = n
            for i in range(9):
                a += i
            def deco(g):
                return g
            @(lambda g: deco(g) if b else g)
            def g(x=lambda: a):
                return x()
            return g()
    """,
    "a variable a doubly nested function reads, passing through the middle one": """
        def f(n):
            deep = n
            for i in range(9):
                deep += i
            def middle():
                def inner():
                    return deep
                return inner
            return middle()()
    """,
    "a nested function's own variable named as the function's": """
        def f(n):
            x = n
            for i in range(9):
                x += i
            def g():
                x = 1
                return x
            def h(x):
                return x
            return g() + h(x)
    """,
    "a variable a nested function declares global": """
        def f(n):
            x = n
            for i in range(9):
                x += i
            def g():
                global x
                return x
            return x
    """,
}


def _first_function(source):
    """(the syntax tree of the first function of ``source``, its code as CPython compiles
    it, its code instrumented)."""
    src = textwrap.dedent(source)

    def code_of(tree):
        return next(c for c in compile(tree, "<case>", "exec").co_consts if isinstance(c, types.CodeType))
    return ast.parse(src).body[0], code_of(src), code_of(instrument(ast.parse(src), 1000)[0])


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_captured_variables_are_cpythons_cells(name):
    node, code, hooked = _first_function(CASES[name])
    assert captured(node) == set(code.co_cellvars), name
    assert hooked.co_cellvars == code.co_cellvars, name


@pytest.mark.skipif(sys.version_info < (3, 12), reason="type aliases and type parameters are 3.12's")
def test_type_aliases_and_type_parameters_take_their_variables_into_cells():
    node, code, hooked = _first_function("""
        def f(n):
            bound = int
            base = object
            for i in range(9):
                n += i
            type Alias = list[bound]
            class C[T](base):
                pass
            return Alias, C
    """)
    assert captured(node) >= set(code.co_cellvars) >= {"bound", "base"}
    assert set(hooked.co_cellvars) >= set(code.co_cellvars)
