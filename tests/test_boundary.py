"""The boundary between Tauraro's imports and the program's (tauraro/boundary.py): a
program's module shadows a standard library module exactly as under CPython, no more and
no less, with and without the JIT's outputs; Tauraro never imports through the program's
finder."""
import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from harness import ROOT, _env

PY = sys.executable

# modules Tauraro itself imports (at start-up, in the JIT, for its statistics and cache),
# a name of its own package's past (cli), and ones python3 has at start-up (os, marshal).
# (Not types or traceback: python3's own start-up breaks on those beside the program.)
SHADOWS = ["json", "struct", "ctypes", "hashlib", "cli", "ast", "zlib", "copy", "os",
           "tempfile", "dataclasses", "difflib", "marshal"]

PROGRAM = """
import sys
before = sorted(m for m in sys.modules if not m.startswith("tauraro"))
print(before)
import %s
for name in %r:
    m = sys.modules[name]
    print(name, getattr(m, "SHADOW", "the standard library's"))
t = 0
for i in range(20000):
    t += i * 3 %% 7
print(t)
""" % (", ".join(SHADOWS), SHADOWS)


def _run(cmd, cwd, env=None):
    p = subprocess.run(cmd, capture_output=True, cwd=str(cwd), env=env or _env(), timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


@pytest.fixture
def shadowed(tmp_path):
    for name in SHADOWS:
        (tmp_path / (name + ".py")).write_text(
            "print('the program imports its own %s')\nSHADOW = 'the program\\'s own'\n" % name)
    prog = tmp_path / "prog.py"
    prog.write_text(PROGRAM)
    return tmp_path, prog


@pytest.mark.parametrize("extra", [[], ["--jit-stats"], ["--jit-stats-json", "STATS"],
                                   ["--emit-wasm", "WASM"]])
def test_a_program_module_shadows_exactly_as_under_cpython(shadowed, extra):
    tmp, prog = shadowed
    extra = [str(tmp / "out" / a) if a in ("STATS", "WASM") else a for a in extra]
    (tmp / "out").mkdir()
    want = _run([PY, str(prog)], tmp)
    assert want[0] == 0, want[2]
    got = _run([PY, "-m", "tauraro", "run", "--jit-threshold", "10", *extra, str(prog)], tmp)
    assert got[:2] == want[:2], got[2]
    if "--jit-stats" in extra:      # the hot loop was compiled, shadows or not
        assert got[2].startswith("tauraro jit: 2 loops, 1 compiled"), got[2]
        assert "prog.py:10 for loop in <module>: compiled" in got[2]
    else:
        assert got[2] == want[2]
    if "--jit-stats-json" in extra:
        rows = json.loads(Path(extra[1]).read_text())
        assert [(r["line"], r["status"]) for r in rows] == [(6, "interpreted"), (10, "compiled")]
    if "--emit-wasm" in extra:
        assert any(n.endswith(".wasm") for n in os.listdir(extra[1]))


@pytest.mark.parametrize("mode", ["-c", "-m", "-"])
def test_the_modules_at_the_start_are_python3s(tmp_path, mode):
    """What the program finds in sys.modules when it starts is what python3 has there
    (its start-up modules; runpy's too under -m), and nothing Tauraro imported."""
    src = "import sys\nprint(sorted(m for m in sys.modules if not m.startswith('tauraro')))\n"
    (tmp_path / "startmods.py").write_text(src)
    args = {"-c": ["-c", src], "-m": ["-m", "startmods"], "-": ["-"]}[mode]
    stdin = src.encode() if mode == "-" else b""
    want = subprocess.run([PY, *args], input=stdin, capture_output=True, cwd=str(tmp_path),
                          env=_env(), timeout=60)
    got = subprocess.run([PY, "-m", "tauraro", *args], input=stdin, capture_output=True,
                         cwd=str(tmp_path), env=_env(), timeout=60)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)


def _function_level_imports_outside_the_boundary(path: Path):
    """Imports of anything but Tauraro's own modules, inside a function and not inside
    ``with BOUNDARY:`` -- such an import would resolve through the program's sys.path
    and sys.modules once the program runs."""
    tree = ast.parse(path.read_text())
    found = []

    def visit(node, in_function, in_boundary):
        for child in ast.iter_child_nodes(node):
            f, b = in_function, in_boundary
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                f = True
            if isinstance(child, ast.With) and any(
                    isinstance(i.context_expr, ast.Name) and i.context_expr.id == "BOUNDARY"
                    for i in child.items):
                b = True
            if f and not b:
                if isinstance(child, ast.Import):
                    found.extend("%s:%d import %s" % (path.name, child.lineno, a.name)
                                 for a in child.names if not a.name.startswith("tauraro"))
                elif isinstance(child, ast.ImportFrom) and child.level == 0 and \
                        not child.module.startswith("tauraro"):
                    found.append("%s:%d from %s" % (path.name, child.lineno, child.module))
            visit(child, f, b)

    visit(tree, False, False)
    return found


def test_tauraro_imports_nothing_lazily_outside_the_boundary():
    files = sorted((ROOT / "tauraro").rglob("*.py")) + sorted((ROOT / "cli").glob("*.py"))
    found = [f for p in files for f in _function_level_imports_outside_the_boundary(p)]
    assert found == []


def test_the_lint_above_finds_a_lazy_import(tmp_path):
    p = tmp_path / "m.py"
    p.write_text(textwrap.dedent("""
        import os
        def f():
            import json
            with BOUNDARY:
                import zlib
            from .x import y
            from tauraro.vm import z
        """))
    assert _function_level_imports_outside_the_boundary(p) == ["m.py:4 import json"]


def test_the_distribution_has_one_top_level_package():
    """tauraro.cli is installed from cli/ (package-dir); nothing else lands at the top."""
    import importlib.metadata as md
    try:
        dist = md.distribution("tauraro")
    except md.PackageNotFoundError:
        pytest.skip("tauraro is not installed in this environment")
    # the command is cli/tauraro, installed as a script (no generated wrapper: see the file)
    assert [e for e in dist.entry_points if e.group == "console_scripts"] == []
    scripts = [f for f in dist.files or () if f.parent.name == "bin"]
    if scripts:         # (an editable install's record lists none)
        assert [f.name for f in scripts] == ["tauraro"]
        assert "from tauraro.cli.main import entry" in scripts[0].read_text()
    assert dist.read_text("top_level.txt").split() == ["tauraro"]


def test_every_package_of_the_checkout_is_in_the_distribution():
    """pyproject.toml lists the packages one by one: a new package left out of it would
    be missing from every installation (and the JIT would fail where it imports it)."""
    import tomllib
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "tauraro").rglob("__init__.py")}
    found |= {"tauraro.cli"} if (ROOT / "cli" / "__init__.py").exists() else set()
    assert sorted(found - listed) == [] and sorted(listed - found) == []
    import importlib.metadata as md
    try:
        dist = md.distribution("tauraro")
    except md.PackageNotFoundError:
        return
    if dist.files is None or not any(str(f).endswith(".dist-info/RECORD") for f in dist.files):
        return
    installed = {str(f) for f in dist.files}
    if any("__editable__" in f for f in installed):
        return                  # an editable install maps the checkout itself
    for package in found:
        init = package.replace(".", "/") + "/__init__.py"
        assert init in installed, init


LIBRARY = "def work(n):\n    t = 0\n    for i in range(n):\n        t += i % 5\n    return t\n"


def test_pythonpath_and_editable_projects_are_compiled_site_packages_is_not(tmp_path):
    """The program's own code is compiled wherever it comes from: its directory,
    PYTHONPATH, a project installed in editable mode (a .pth path entry, or setuptools'
    editable finder). The standard library and site-packages run on the host."""
    for name in ("viapath", "viapth", "viafinder"):
        d = tmp_path / name
        d.mkdir()
        (d / (name + "lib.py")).write_text(LIBRARY)
    finder = tmp_path / "finderdir" / "__editable___demo_0_1_finder.py"
    finder.parent.mkdir()
    finder.write_text(
        "import sys\nfrom importlib.util import spec_from_file_location\n"
        "MAPPING = {'viafinderlib': %r}\n"
        "class _EditableFinder:\n"
        "    @classmethod\n"
        "    def find_spec(cls, fullname, path=None, target=None):\n"
        "        if fullname in MAPPING:\n"
        "            return spec_from_file_location(fullname, MAPPING[fullname])\n"
        "        return None\n" % str(tmp_path / "viafinder" / "viafinderlib.py"))
    (tmp_path / "app").mkdir()        # the libraries are outside the program's directory
    prog = tmp_path / "app" / "prog.py"
    prog.write_text("import viapathlib, viapthlib, viafinderlib, json\n"
                    "print(viapathlib.work(3000), viapthlib.work(3000), viafinderlib.work(3000))\n")
    stats = tmp_path / "stats.json"
    launcher = (
        "import sys\n"
        "sys.path.append(%r)\n"                    # as a .pth file of an editable install does
        "sys.path.insert(0, %r)\n"
        "import __editable___demo_0_1_finder as f\n"
        "sys.path.pop(0)\n"
        "sys.meta_path.append(f._EditableFinder)\n"
        "from tauraro.cli.main import entry\n"
        "entry(sys.argv[1:])\n" % (str(tmp_path / "viapth"), str(finder.parent)))
    env = _env()
    env["PYTHONPATH"] = str(tmp_path / "viapath") + os.pathsep + env["PYTHONPATH"]
    got = subprocess.run([PY, "-c", launcher, "run", "--jit-threshold", "50", "--jit-stats-json",
                          str(stats), str(prog)], capture_output=True, env=env,
                         cwd=str(tmp_path / "app"), timeout=60)
    assert got.returncode == 0, got.stderr.decode()
    assert got.stdout == b"6000 6000 6000\n"
    rows = json.loads(stats.read_text())
    assert sorted((os.path.basename(r["file"]), r["status"]) for r in rows) == [
        ("viafinderlib.py", "compiled"), ("viapathlib.py", "compiled"), ("viapthlib.py", "compiled")]


def test_the_host_modules_the_program_imported_are_shared_a_package_from_one_side(tmp_path,
                                                                                   monkeypatch):
    """Inside the boundary, Tauraro sees the program's copy of a host module (a second copy
    of an extension module has other function objects: identity checks would fail), but
    never a package from one side and its submodules from the other."""
    import importlib
    import types
    from tauraro.boundary import Boundary
    host = tmp_path / "host"
    (host / "_tb_pkg").mkdir(parents=True)
    (host / "_tb_pkg" / "__init__.py").write_text("")
    (host / "_tb_pkg" / "sub.py").write_text("X = 1\n")
    (host / "_tb_single.py").write_text("Y = 2\n")
    monkeypatch.syspath_prepend(str(host))
    for name in ("_tb_pkg", "_tb_pkg.sub", "_tb_single"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    boundary = Boundary()
    boundary.host_path = [str(host)] + sys.path
    boundary.host_meta = list(sys.meta_path)
    boundary.startup = frozenset(sys.modules)
    boundary.started = True
    ours = types.ModuleType("_tb_pkg")              # Tauraro's own copy of the package
    ours.__path__ = []
    boundary.own["_tb_pkg"] = ours
    importlib.import_module("_tb_pkg.sub")          # the program's package and submodule
    program_pkg = sys.modules["_tb_pkg"]
    program_single = importlib.import_module("_tb_single")
    try:
        with boundary:
            assert sys.modules["_tb_single"] is program_single      # shared
            assert sys.modules["_tb_pkg"] is ours                   # Tauraro's package...
            assert "_tb_pkg.sub" not in sys.modules                 # ...without the other's part
        assert sys.modules["_tb_pkg"] is program_pkg
        assert sys.modules["_tb_pkg.sub"].X == 1
        assert sys.modules["_tb_single"] is program_single
    finally:
        for name in ("_tb_pkg", "_tb_pkg.sub", "_tb_single"):
            sys.modules.pop(name, None)


def test_the_programs_copy_of_a_module_tauraro_imported_first_is_shared(tmp_path, monkeypatch):
    """A module Tauraro imported before the program started (``subprocess`` imports
    ``selectors``, which imports ``math``) is a second copy when the program imports it:
    inside the boundary Tauraro then sees the program's copy, not its own, so the JIT's
    identity checks (``math.sqrt is ...``) hold for the program's functions."""
    import importlib
    import types
    from tauraro.boundary import Boundary
    host = tmp_path / "host"
    host.mkdir()
    (host / "_tb_mod.py").write_text("Z = 3\n")
    monkeypatch.syspath_prepend(str(host))
    monkeypatch.delitem(sys.modules, "_tb_mod", raising=False)
    boundary = Boundary()
    boundary.host_path = [str(host)] + sys.path
    boundary.host_meta = list(sys.meta_path)
    boundary.startup = frozenset(sys.modules)
    boundary.started = True
    boundary.own["_tb_mod"] = types.ModuleType("_tb_mod")      # Tauraro's earlier copy
    program_mod = importlib.import_module("_tb_mod")
    try:
        with boundary:
            assert sys.modules["_tb_mod"] is program_mod
        assert sys.modules["_tb_mod"] is program_mod
        with boundary:                                         # (and every time after)
            assert sys.modules["_tb_mod"] is program_mod
    finally:
        sys.modules.pop("_tb_mod", None)


def test_math_compiles_on_the_first_run_with_an_empty_cache(tmp_path):
    # the first run finds python3's start-up modules with a subprocess, whose import of
    # selectors imports math before the program does
    prog = tmp_path / "prog.py"
    prog.write_text("import math\nt = 0.0\nfor i in range(5000):\n    t += math.sqrt(i)\nprint(t)\n")
    stats = tmp_path / "stats.json"
    env = _env()
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    got = subprocess.run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "10",
                          "--jit-stats-json", str(stats), str(prog)], capture_output=True, env=env,
                         timeout=120)
    want = subprocess.run([sys.executable, str(prog)], capture_output=True, env=env, timeout=60)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)
    row = json.loads(stats.read_text())[0]
    assert row["status"] == "compiled", row


def test_a_host_module_the_jit_imported_first_is_the_one_the_program_imports(tmp_path):
    # the first hot loop makes the JIT import math; the program imports it afterwards: it
    # gets that very module (one math, as under CPython), so its loop compiles
    prog = tmp_path / "prog.py"
    prog.write_text(textwrap.dedent("""
        import sys
        def warm():
            s = 0
            for i in range(5000):
                s += i
            return s
        print(warm(), "math" in sys.modules)
        def f():
            import math
            t = 0.0
            for i in range(5000):
                t += math.sqrt(i)
            return t
        print(f(), sys.modules["math"].sqrt(2.0))
    """))
    stats = tmp_path / "stats.json"
    got = subprocess.run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "10",
                          "--jit-stats-json", str(stats), str(prog)], capture_output=True, env=_env(),
                         timeout=120)
    want = subprocess.run([sys.executable, str(prog)], capture_output=True, env=_env(), timeout=60)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)
    rows = {r["line"]: r for r in json.loads(stats.read_text())}
    assert rows[12]["status"] == "compiled", rows[12]
