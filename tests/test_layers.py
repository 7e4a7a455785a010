"""Dependencies point one way: a lower layer never imports a higher one.

    cli -> program, console -> vm -> jit -> compiler, wasmgen, helpers
    boundary and cache (the import boundary, the caches on disk) import nothing of Tauraro
"""
import ast
from pathlib import Path

import pytest

from harness import ROOT

PACKAGE = ROOT / "tauraro"

# what each part of Tauraro may import of Tauraro (by top-level part)
ALLOWED = {
    "wasmgen": {"wasmgen"},
    "compiler": {"compiler"},
    "helpers": {"helpers"},
    "boundary": set(),
    "cache": set(),
    "jit": {"jit", "compiler", "wasmgen", "helpers", "cache", "boundary"},
    "vm": {"vm", "jit", "compiler", "helpers", "cache", "boundary"},
}


def _part(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported_parts(path: Path, text: str | None = None):
    """The parts of Tauraro a module imports (absolute or relative)."""
    tree = ast.parse(path.read_text() if text is None else text)
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]     # e.g. ("tauraro", "jit")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                parts = a.name.split(".")
                if parts[0] == "tauraro" and len(parts) > 1:
                    yield node.lineno, parts[1]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[:len(package) - node.level + 1])
                parts = base + (node.module.split(".") if node.module else [])
            else:
                parts = (node.module or "").split(".")
            if parts[0] != "tauraro":
                continue
            if len(parts) > 1:
                yield node.lineno, parts[1]
            else:                           # from tauraro import cache, __version__
                for a in node.names:
                    if (PACKAGE / a.name).is_dir() or (PACKAGE / (a.name + ".py")).exists():
                        yield node.lineno, a.name


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_a_layer_imports_only_what_is_below_it(part):
    files = [p for p in PACKAGE.rglob("*.py") if _part(p) == part]
    assert files
    wrong = ["%s:%d imports tauraro.%s" % (p.relative_to(ROOT), line, used)
             for p in files for line, used in _imported_parts(p)
             if used != part and used not in ALLOWED[part] and used != "__version__"]
    assert wrong == []


def test_the_check_sees_a_wrong_import():
    probe = PACKAGE / "wasmgen" / "probe.py"
    text = "from ..jit.infer import X\nimport tauraro.vm.hooks\nfrom . import module\n"
    assert list(_imported_parts(probe, text)) == [(1, "jit"), (2, "vm"), (3, "wasmgen")]


# inside the JIT: the IR stage (record, passes) sits below the emitter and the controller
# (of the rest of Tauraro it may import the compiler, and the builtins as Python started
# them from the boundary, which imports nothing of Tauraro)
IR_MAY_IMPORT = {"ir", "jtypes", "region", "infer", "exits", "coverage"}


def _jit_modules_imported(path: Path):
    """The modules of tauraro.jit a module under tauraro/jit/ imports (by name)."""
    tree = ast.parse(path.read_text())
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[:len(package) - node.level + 1])
            parts = base + (node.module.split(".") if node.module else [])
            if parts[:2] != ["tauraro", "jit"]:
                if parts[:1] == ["tauraro"] and len(parts) > 1:
                    yield node.lineno, parts[1]
                continue
            if len(parts) > 2:
                yield node.lineno, parts[2]
            else:
                for a in node.names:
                    yield node.lineno, a.name


def test_the_ir_imports_neither_the_emitter_nor_wasm_nor_the_controller():
    files = list((PACKAGE / "jit" / "ir").rglob("*.py"))
    assert len(files) >= 8
    wrong = ["%s:%d imports %s" % (p.relative_to(ROOT), line, used)
             for p in files for line, used in _jit_modules_imported(p)
             if used not in IR_MAY_IMPORT and used not in ("compiler", "boundary")]
    assert wrong == []
