"""A program that replaces builtins (``builtins.len = ...``, a counting ``__import__``).

Under CPython such a patch changes what the program's own code calls and nothing else. In
Tauraro the JIT's modules, the modules it imports for itself and the instrumented code's
hidden calls (the loop's ``iter``, the ``enumerate`` rewrite) look names up in the builtins
as Python started them (``tauraro.boundary.BUILTINS``), and the JIT compiles a call of
``len`` only when it is the real ``len``. Each test compares stdout, exit code and the
whole stderr with CPython's."""
from harness import ROOT
from test_jit import jit


def test_a_counting_import_does_not_see_the_jits_imports(tmp_path):
    r = jit(tmp_path, """
        import builtins
        seen = []
        _imp = builtins.__import__
        builtins.__import__ = lambda name, *a: seen.append(name) or _imp(name, *a)
        def f():
            s = 0
            for i in range(3000):
                s += i
            return s
        print(f(), [n for n in seen if n.startswith(("jit", "compiler", "wasmgen", "vm", "tauraro"))])
    """)
    assert r.loop(8)["native_iterations"] > 2000, r.loop(8)


def test_a_patched_len_is_called_not_compiled_as_len(tmp_path):
    r = jit(tmp_path, """
        import builtins, sys
        calls = [0]
        _len = builtins.len
        def mylen(x):
            if sys._getframe(1).f_globals is globals():     # (the program's calls)
                calls[0] += 1
            return _len(x) + 1
        builtins.len = mylen
        def f(xs):
            t = 0
            for i in range(3000):
                t += len(xs)
            return t
        print(f([1, 2, 3]), calls[0])
    """)


def test_a_patched_enumerate_is_the_loops_iterator(tmp_path):
    # the loop's ``enumerate(X)`` is rewritten as a zip when ``enumerate`` is the builtin:
    # a patched one is called as written
    r = jit(tmp_path, """
        import builtins
        _en = builtins.enumerate
        def doubled(xs, start=0):
            for i, v in _en(xs, start):
                yield i * 2, v
        builtins.enumerate = doubled
        def f(xs):
            s = 0
            for i in range(2000):
                s += i
            for i, v in enumerate(xs):
                s += i * v
            return s
        print(f([1, 2, 3] * 500))
    """)
    assert r.loop(10)["native_iterations"] > 1000, r.loop(10)


def test_the_programs_finders_are_not_asked_for_the_jits_modules(tmp_path):
    # (Tauraro's modules import each other in its own view of the import system: a finder
    # the program puts first in sys.meta_path is not asked for them, and one that refuses
    # what it does not know does not break the JIT -- it may see standard library modules
    # the JIT's stdlib calls import lazily, ast.walk's collections: a known difference)
    r = jit(tmp_path, """
        import sys
        seen = []
        class Logger:
            def find_spec(self, name, path=None, target=None):
                seen.append(name)
                if name.startswith("tauraro"):
                    raise ImportError("no " + name)
        sys.meta_path.insert(0, Logger())
        def f(n):
            t = 0
            for i in range(n):
                t += i
            return t
        print(f(3000), [n for n in seen if n.startswith("tauraro")])
        import colorsys
        print("colorsys" in seen)
    """)
    assert r.loop(12)["native_iterations"] > 2000, r.loop(12)


def test_the_programs_path_hooks_are_not_the_jits(tmp_path):
    # (Tauraro finds its modules with file finders of its own, and the boundary swaps the
    # path hooks and their cache: a hook the program put first saw the JIT's directories,
    # and one finding nothing broke its imports -- it may still see the standard library's,
    # for a module a library function the JIT calls imports lazily: README)
    own = str(ROOT / "tauraro")
    r = jit(tmp_path, """
        import sys
        seen = []
        def hook(path):             # (declines every directory, as a hook may)
            seen.append(path)
            raise ImportError(path)
        sys.path_hooks.insert(0, hook)
        sys.path_importer_cache.clear()
        def f(n):
            t = 0
            for i in range(n):
                t += i
            return t
        print(f(3000), [p for p in seen if p.startswith(%r)])
    """ % own)
    assert r.loop(11)["native_iterations"] > 2000, r.loop(11)
