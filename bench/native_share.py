"""The share of loop iterations the JIT ran natively, per program (issue 9's target: 80%).

    python bench/native_share.py                 # bench/objects/*.py
    python bench/native_share.py bench/suite     # or any folder of programs, or files

Each program runs twice:
- under CPython, rewritten so that every loop counts its iterations by its line (a
  ``for`` or a comprehension's ``for`` iterates through a counting generator, a ``while``
  counts at the top of its body): all of them, the loops the JIT never hooks included;
- under ``tauraro run --jit-stats-json`` (the default start rule, as ``run.py`` runs it),
  whose rows give each loop's iterations run natively (a nested loop's in its own row).
The share is the native iterations over all iterations counted under CPython (a function
compiled whole has a row counting calls, not iterations, left out; its loops' rows count
the iterations they ran in its native calls: ``in_function``). Prints each program's
share and the share over all of them.
"""
from __future__ import annotations

import ast
import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


class _Counting(ast.NodeTransformer):
    """Every loop counts its iterations in ``_tauraro_loop_counts[line]``."""

    def _count(self, line, it):
        return ast.Call(ast.Name("_tauraro_loop_count", ast.Load()), [ast.Constant(line), it], [])

    def visit_For(self, node):
        self.generic_visit(node)
        node.iter = self._count(node.lineno, node.iter)
        return node

    visit_AsyncFor = visit_For

    def visit_While(self, node):
        self.generic_visit(node)
        hit = ast.parse("_tauraro_loop_counts[%d] += 1" % node.lineno).body[0]
        node.body.insert(0, hit)
        return node

    def visit_comprehension(self, node):
        self.generic_visit(node)
        node.iter = self._count(node.iter.lineno, node.iter)
        return node


_PRELUDE = """
import builtins as __b, collections as __c, atexit as __a, json as __j
_tauraro_loop_counts = __b._tauraro_loop_counts = __c.Counter()
def _tauraro_loop_count(line, it, __counts=_tauraro_loop_counts):
    for x in it:
        __counts[line] += 1
        yield x
__a.register(lambda: open(%r, "w").write(__j.dumps(_tauraro_loop_counts)))
"""


def iterations(program: Path, out: str) -> collections.Counter:
    """Each loop's iterations (by its line) in a CPython run of ``program``."""
    tree = _Counting().visit(ast.parse(program.read_text(), str(program)))
    ast.fix_missing_locations(tree)
    prelude = ast.parse(_PRELUDE % out).body
    # (after a docstring and ``from __future__`` imports, which must come first)
    at = 0
    while at < len(tree.body) and (isinstance(tree.body[at], ast.ImportFrom) and tree.body[at].module == "__future__"
                                   or at == 0 and isinstance(tree.body[0], ast.Expr)
                                   and isinstance(tree.body[0].value, ast.Constant)):
        at += 1
    tree.body[at:at] = prelude
    ast.fix_missing_locations(tree)
    code = compile(tree, str(program), "exec")
    runner = os.path.join(os.path.dirname(out), "counted.py")
    import marshal
    with open(runner + "c", "wb") as f:
        marshal.dump(code, f)
    with open(runner, "w") as f:
        f.write("import marshal, sys\nsys.argv = [%r]\nexec(marshal.load(open(%r, 'rb')), {'__name__': '__main__'})\n"
                % (str(program), runner + "c"))
    subprocess.run([sys.executable, runner], cwd=str(program.parent), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return collections.Counter({int(k): v for k, v in json.loads(Path(out).read_text()).items()})


def share(program: Path) -> tuple[int, int]:
    """(native, all) loop iterations of ``program``: its loops' native iterations under
    Tauraro, and their iterations counted under CPython."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "stats.json")
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        env.pop("TAURARO_JIT_THRESHOLD", None)
        subprocess.run([sys.executable, "-m", "tauraro", "run", "--jit-stats-json", out, str(program)],
                       env=env, cwd=str(program.parent), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        rows = json.loads(Path(out).read_text())
        counted = iterations(program, os.path.join(tmp, "counts.json"))
    loops = [r for r in rows if r["kind"] != "function" and r["file"] == str(program)]
    return sum(r["native_iterations"] for r in loops), sum(counted.values())


def main(argv):
    targets = [Path(a) for a in argv] or [HERE / "objects"]
    programs = []
    for t in targets:
        programs += sorted(t.glob("*.py")) if t.is_dir() else [t]
    total_n = total = 0
    for p in programs:
        n, a = share(p.resolve())
        total_n += n
        total += a
        print("%-24s %5.1f%% native  (%d of %d loop iterations)" % (p.stem, 100.0 * n / max(a, 1), n, a))
    print("%-24s %5.1f%% native  (%d of %d loop iterations)" % ("ALL", 100.0 * total_n / max(total, 1), total_n, total))


if __name__ == "__main__":
    main(sys.argv[1:])
