"""``--jit-dump``: every stage of one compiled loop, as text a reader can follow.

For each compiled version of a loop (one file per version in a directory, or all of
them on stderr with ``-``):

- the loop's register bytecode, with source lines, the instructions of the region
  marked, and the types inference found before each instruction;
- the entry types (what the version was compiled for, checked at every entry);
- the wasm text of the compiled function;
- every exit with its snapshot: the instruction the interpreter resumes at, why,
  and the values written back beside the loop's variables.

The stages between bytecode and wasm (a typed IR and the passes over it) are to
come; each will add its section here.
"""
from __future__ import annotations

from ..compiler.dis import format_operand
from ..compiler.opcodes import _zip_kinds
from .infer import is_cell, is_global


def _var(code, v) -> str:
    if is_cell(v):
        return "cell " + v[2]
    if is_global(v):
        return "global " + v[1]
    name = code.regnames.get(v)
    return "r%d(%s)" % (v, name) if name else "r%d" % v


def _types(code, state) -> str:
    if not state:
        return ""
    return "; ".join("%s: %s" % (_var(code, v), t.name)
                     for v, t in sorted(state.items(), key=lambda kv: (is_global(kv[0]), str(kv[0]))))


def dump_text(st, version, number: int) -> str:
    """The dump of ``version`` (a CompiledLoop), the ``number``-th version of ``st``'s loop."""
    code = st.code
    region = version.region
    inf = version.inference
    out = ["=== %s line %d: %s loop in %s, version %d\n"
           % (code.filename, st.loop.line, st.loop.kind, code.qualname, number)]
    out.append("--- bytecode (| marks the region; types before each instruction, where they "
               "change)\n")
    last_line = None
    last_state: dict = {}
    for pc in range(st.loop.header, st.loop.end):
        ins = code.instrs[pc]
        line = "%5d" % ins.line if ins.line != last_line else "     "
        last_line = ins.line
        mark = "|" if region.contains(pc) else " "
        operands = ", ".join(format_operand(code, k, a) for k, a in _zip_kinds(ins.op.kinds, ins.args))
        text = "%s %s %4d %-18s %s" % (line, mark, pc, ins.op.name, operands)
        state = inf.state_before.get(pc) or {}
        types = _types(code, {v: t for v, t in state.items() if last_state.get(v) != t})
        last_state = state
        out.append("%-64s  ; %s\n" % (text, types) if types else text + "\n")
    out.append("--- entry types\n")
    for v, t in inf.entry.items():
        out.append("  %s: %s\n" % (_var(code, v), t.name))
    out.append("--- wasm text\n")
    out.append(version.text())
    if not out[-1].endswith("\n"):
        out.append("\n")
    out.append("--- exits and their snapshots\n")
    for rec in version.exits:
        extras = ", ".join("%s: %s" % (_var(code, v), t.name) for v, t in rec.extras) or "none"
        out.append("  exit %d: %s at line %d, resume at pc %d: %s; also written back: %s\n"
                   % (rec.id, rec.kind, rec.line, rec.pc, rec.reason, extras))
    out.append("\n")
    return "".join(out)
