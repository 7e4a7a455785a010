"""``--jit-dump``: every stage of one compiled loop, as text a reader can follow.

For each compiled version of a loop (one file per version in a directory, or all of
them on stderr with ``-``):

- the loop's register bytecode, with source lines, the instructions of the region
  marked, and the types inference found before each instruction;
- the entry types (what the version was compiled for, checked at every entry), and the
  variables through which its stores reach the lists it writes back (``ir.stores``);
- the IR as recorded, and after each optimization pass;
- the wasm text of the compiled function;
- every exit's snapshot: the frames and instruction the interpreter resumes at,
  why, and the values written back beside the loop's variables.

A function compiled whole gets its argument types, IR stages and wasm.
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
    if not isinstance(v, int):          # a register of an inlined callee's frame
        return "%s r%d(%s)" % (v.name.rsplit(".", 1)[0], v.reg, v.name.rsplit(".", 1)[-1])
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
    transfer = version.transfer
    if transfer.stores_lists:
        # (what its entries are charged for writing back: ir.stores)
        reached = "every list" if transfer.stored_vars is None else \
            ", ".join(sorted(_var(code, v) for v in transfer.stored_vars)) or "none copied in"
        out.append("--- written back at exit: lists reached through %s\n" % reached)
    for title, text in version.stages:
        out.append("--- IR %s\n" % title)
        out.append(text)
    out.append("--- wasm text\n")
    out.append(version.text())
    if not out[-1].endswith("\n"):
        out.append("\n")
    out.append("--- snapshots (one per exit; the exit's id is the snapshot's)\n")
    out.append(version.graph.snapshots_text(lambda v: _var(code, v)))
    out.append("\n")
    return "".join(out)


def dump_function_text(st, version, number: int) -> str:
    """The dump of a function compiled whole (a FunctionVersion): its argument types, its
    IR as recorded and after each pass, and its wasm."""
    code = st.code
    out = ["=== %s line %d: function %s, version %d\n" % (code.filename, st.loop.line, code.qualname, number),
           "--- argument types: %s\n" % ", ".join(t.name for t in version.types)]
    for title, text in version.stages:
        out.append("--- IR %s\n" % title)
        out.append(text)
    out.append("--- wasm text\n")
    out.append(version.text())
    out.append("\n")
    return "".join(out)
