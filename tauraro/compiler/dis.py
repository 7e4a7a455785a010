"""``tauraro dis``: print code objects readably, operands named by their kind."""
from __future__ import annotations

from .code import CodeObject
from .opcodes import _zip_kinds


def _reg(code: CodeObject, r: int) -> str:
    name = code.regnames.get(r)
    return "r%d(%s)" % (r, name) if name else "r%d" % r


def _const(code: CodeObject, arg: int) -> str:
    value = code.consts[-1 - arg]
    if isinstance(value, CodeObject):
        return "<code %s>" % value.qualname
    if isinstance(value, type):
        return value.__name__
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def format_operand(code: CodeObject, kind: str, arg) -> str:
    if kind in ("w", "r", "m", "*w"):
        return _reg(code, arg)
    if kind in ("rk", "*rk"):
        return _reg(code, arg) if arg >= 0 else _const(code, arg)
    if kind == "k":
        return _const(code, arg)
    if kind == "n":
        return code.names[arg]
    if kind == "j":
        return "->%d" % arg
    return str(arg)


def disassemble(code: CodeObject, annotate=None) -> str:
    """The code object and its children; ``annotate(code)`` may add text after each
    (the CLI uses it to show the interpreter's generated Python)."""
    out = []
    _dis(code, out, annotate)
    return "".join(out)


def _dis(code: CodeObject, out: list, annotate):
    flags = []
    if code.is_generator:
        flags.append("generator")
    params = ", ".join(code.params)
    out.append("Disassembly of %s (%s, line %d)%s: %d registers%s\n" % (
        code.qualname, code.filename, code.firstlineno,
        " [%s]" % ", ".join(flags) if flags else "", code.nregs,
        ", params (%s)" % params if code.params else ""))
    if code.cellvars:
        out.append("  cells: %s\n" % ", ".join("%s=r%d" % c for c in code.cellvars))
    if code.freevars:
        out.append("  free: %s\n" % ", ".join("%s=r%d" % c for c in code.freevars))
    headers = {loop.header: loop for loop in code.loops}
    handlers = {e.handler for e in code.exc_table}
    last_line = None
    for pc, ins in enumerate(code.instrs):
        loop = headers.get(pc)
        if loop is not None:
            out.append("        -- loop %d (%s, line %d): pcs %d..%d --\n"
                       % (loop.id, loop.kind, loop.line, loop.header, loop.end - 1))
        line = "%5d" % ins.line if ins.line != last_line else "     "
        last_line = ins.line
        mark = ">>" if pc in handlers else "  "
        operands = ", ".join(format_operand(code, k, a) for k, a in _zip_kinds(ins.op.kinds, ins.args))
        out.append("%s %s %4d %-18s %s\n" % (line, mark, pc, ins.op.name, operands))
    if code.exc_table:
        out.append("  exception table:\n")
        for e in code.exc_table:
            out.append("    %d to %d -> %d, exception in r%d\n" % (e.start, e.end - 1, e.handler, e.exc_reg))
    if annotate is not None:
        out.append(annotate(code))
    out.append("\n")
    for child in code.children():
        _dis(child, out, annotate)
