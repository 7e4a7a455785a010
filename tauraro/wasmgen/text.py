"""WebAssembly text (WAT) printer for :class:`tauraro.wasmgen.module.Module`.

The output is meant for people (``--emit-wasm``) and is accepted by
``wasmtime.wat2wasm``, which turns it into a module equivalent to
``Module.to_binary()`` -- with an identical code section: types are printed
explicitly in the module's order, every function refers to its ``(type N)``,
and all immediates are printed so that they encode to the same bytes.

Readability:

* functions, params, locals, globals and the module get ``$ids`` made from
  their names (invalid id characters become ``_``; clashes get a ``_2``,
  ``_3`` ... suffix);
* one instruction per line, indented by block nesting;
* ``block``/``loop``/``if`` labels are printed, and a branch whose target
  block has a label prints that label instead of the relative depth (unless
  an inner block with the same label shadows it);
* ``("comment", text)`` pseudo instructions print as ``;; text``;
* floats are printed in hex float notation (exact), followed by a decimal
  ``;;`` comment.
"""

from __future__ import annotations

import math
import struct

from .instructions import INSTRUCTIONS

__all__ = ["module_to_text", "sanitize_id", "f64_text", "f32_text"]

_ID_CHARS = frozenset(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    "!#$%&'*+-./:<=>?@\\^_`|~"
)


def sanitize_id(name) -> str:
    """A valid WAT identifier body (without the ``$``) made from ``name``."""
    s = "".join(c if c in _ID_CHARS else "_" for c in str(name))
    return s or "_"


class _Namer:
    """Hands out unique ``$ids`` within one namespace."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, name) -> str | None:
        if name is None or name == "":
            return None
        base = sanitize_id(name)
        ident, n = base, 1
        while ident in self.used:
            n += 1
            ident = f"{base}_{n}"
        self.used.add(ident)
        return ident


def _string(data) -> str:
    """A WAT string literal for ``data`` (str -> UTF-8, or bytes)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    parts = ['"']
    for b in data:
        if 0x20 <= b < 0x7F and b not in (0x22, 0x5C):
            parts.append(chr(b))
        else:
            parts.append(f"\\{b:02x}")
    parts.append('"')
    return "".join(parts)


def _hexfloat(v: float) -> str:
    h = v.hex()  # e.g. '-0x1.8000000000000p+1'
    mant, exp = h.split("p")
    if "." in mant:
        mant = mant.rstrip("0").rstrip(".")
    return f"{mant}p{exp}"


def f64_text(v) -> str:
    """Exact WAT literal for a float64 (hex float, ``inf``, ``nan:0x...``)."""
    (bits,) = struct.unpack("<Q", struct.pack("<d", v))
    sign = "-" if bits >> 63 else ""
    v = float(v)
    if math.isnan(v):
        payload = bits & ((1 << 52) - 1)
        return sign + ("nan" if payload == 1 << 51 else f"nan:0x{payload:x}")
    if math.isinf(v):
        return sign + "inf"
    return _hexfloat(v)


def f32_text(v) -> str:
    """Exact WAT literal for ``v`` rounded to float32."""
    packed = struct.pack("<f", v)
    (bits,) = struct.unpack("<I", packed)
    (v32,) = struct.unpack("<f", packed)
    sign = "-" if bits >> 31 else ""
    if math.isnan(v32):
        payload = bits & ((1 << 23) - 1)
        return sign + ("nan" if payload == 1 << 22 else f"nan:0x{payload:x}")
    if math.isinf(v32):
        return sign + "inf"
    return _hexfloat(v32)


def _signed(v: int, bits: int) -> int:
    return v - (1 << bits) if v >= 1 << (bits - 1) else v


def _limits(min_pages, max_pages) -> str:
    return f"{min_pages}" if max_pages is None else f"{min_pages} {max_pages}"


def _functype_text(ft) -> str:
    s = ""
    if ft.params:
        s += " (param " + " ".join(ft.params) + ")"
    if ft.results:
        s += " (result " + " ".join(ft.results) + ")"
    return s


def _const_text(valtype: str, value) -> str:
    if valtype == "i32":
        return f"i32.const {_signed(value, 32)}"
    if valtype == "i64":
        return f"i64.const {_signed(value, 64)}"
    if valtype == "f32":
        return f"f32.const {f32_text(value)}"
    return f"f64.const {f64_text(value)}"


def _ref(ids, index) -> str:
    """``$id`` for ``index`` if it has one, else the number."""
    if isinstance(index, int) and 0 <= index < len(ids) and ids[index]:
        return "$" + ids[index]
    return str(index)


def module_to_text(m) -> str:
    """Print ``m`` (a :class:`~tauraro.wasmgen.module.Module`) as WAT."""
    func_namer, global_namer = _Namer(), _Namer()
    func_ids = [func_namer(n) for n in m.func_names]
    global_ids = [global_namer(n) for n in m.global_names]

    lines = ["(module" + (f" ${sanitize_id(m.name)}" if m.name else "")]
    emit = lines.append

    for i, t in enumerate(m.types):
        emit(f"  (type (;{i};) (func{_functype_text(t)}))")

    fi = gi = 0
    for imp in m.imports:
        where = f"{_string(imp.module)} {_string(imp.field)}"
        if imp.kind == "func":
            ident = func_ids[fi]
            desc = (f"(func{' $' + ident if ident else ''} (type {imp.desc})"
                    f"{_functype_text(m.types[imp.desc])})")
            if not ident:
                desc = desc.replace("(func", f"(func (;{fi};)", 1)
            fi += 1
        elif imp.kind == "memory":
            desc = f"(memory (;0;) {_limits(*imp.desc)})"
        else:
            t, mut = imp.desc
            ident = global_ids[gi]
            desc = f"(global {'$' + ident if ident else f'(;{gi};)'} {f'(mut {t})' if mut else t})"
            gi += 1
        emit(f"  (import {where} {desc})")

    if m.memory is not None:
        emit(f"  (memory (;0;) {_limits(*m.memory)})")

    for g in m.globals:
        ident = global_ids[g.index]
        gt = f"(mut {g.valtype})" if g.mutable else g.valtype
        emit(f"  (global {'$' + ident if ident else f'(;{g.index};)'} {gt} "
             f"({_const_text(g.valtype, g.init)}))")

    for name, kind, index in m.exports:
        if kind == "func":
            ref = _ref(func_ids, index)
        elif kind == "global":
            ref = _ref(global_ids, index)
        else:
            ref = str(index)
        emit(f"  (export {_string(name)} ({kind} {ref}))")

    if m.start is not None:
        emit(f"  (start {_ref(func_ids, m.start)})")

    for fn in m.functions:
        _function_text(m, fn, func_ids, global_ids, emit)

    for off, data in m.data:
        emit(f"  (data (i32.const {_signed(off, 32)}) {_string(data)})")

    emit(")")
    return "\n".join(lines) + "\n"


def _function_text(m, fn, func_ids, global_ids, emit) -> None:
    local_namer = _Namer()
    local_ids = [local_namer(n) for n in fn.param_names] + [local_namer(n) for n, _ in fn.locals]

    head = "  (func"
    ident = func_ids[fn.index]
    head += f" ${ident}" if ident else f" (;{fn.index};)"
    head += f" (type {fn.type_index})"
    for i, t in enumerate(fn.functype.params):
        head += f" (param ${local_ids[i]} {t})" if local_ids[i] else f" (param {t})"
    if fn.functype.results:
        head += " (result " + " ".join(fn.functype.results) + ")"
    emit(head)

    nparams = len(fn.param_names)
    for j, (_, t) in enumerate(fn.locals):
        lid = local_ids[nparams + j]
        emit(f"    (local ${lid} {t})" if lid else f"    (local {t}) ;; {nparams + j}")

    stack: list[str | None] = []  # label ids of the open blocks, innermost last

    def label_ref(depth) -> str:
        if isinstance(depth, int) and 0 <= depth < len(stack):
            target = len(stack) - 1 - depth
            lab = stack[target]
            if lab is not None and lab not in stack[target + 1:]:
                return "$" + lab
        return str(depth)

    if fn.body is None:
        emit("    ;; <no body yet>")
    closed = False
    for ins in fn.body or ():
        if type(ins) is str:        # a bare name: an instruction without an immediate
            ins = (ins,)
        name = ins[0]
        info = INSTRUCTIONS.get(name)
        if info is None:
            raise ValueError(f"unknown instruction {ins!r}")
        imm = info.imm
        pad = "    " + "  " * len(stack)
        if name == "comment":
            text = str(ins[1]) if len(ins) > 1 else ""
            for line in text.splitlines() or [""]:
                emit(f"{pad};; {line}".rstrip())
            continue
        if name == "end":
            if not stack:
                closed = True  # the function's own final end: printed as ')'
                continue
            lab = stack.pop()
            emit(f"    {'  ' * len(stack)}end" + (f" ;; ${lab}" if lab else ""))
            continue
        if closed:
            raise ValueError(f"instruction after the function's final end: {ins!r}")
        if name == "else":
            emit(f"    {'  ' * (len(stack) - 1)}else")
            continue
        if imm is None:
            emit(pad + name)
        elif imm == "blocktype":
            bt = ins[1] if len(ins) > 1 else None
            lab = sanitize_id(ins[2]) if len(ins) > 2 and ins[2] else None
            s = name + (f" ${lab}" if lab else "") + (f" (result {bt})" if bt else "")
            emit(pad + s)
            stack.append(lab)
        elif imm == "label":
            emit(f"{pad}{name} {label_ref(ins[1])}")
        elif imm == "br_table":
            targets = " ".join(label_ref(d) for d in (*ins[1], ins[2]))
            emit(f"{pad}{name} {targets}")
        elif imm == "local":
            emit(f"{pad}{name} {_ref(local_ids, ins[1])}")
        elif imm == "global":
            emit(f"{pad}{name} {_ref(global_ids, ins[1])}")
        elif imm == "func":
            emit(f"{pad}{name} {_ref(func_ids, ins[1])}")
        elif imm == "memarg":
            s = name
            offset = ins[1] if len(ins) > 1 else 0
            if offset:
                s += f" offset={offset}"
            if len(ins) > 2 and ins[2] is not None and ins[2] != info.align:
                s += f" align={1 << ins[2]}"
            emit(pad + s)
        elif imm == "i32":
            emit(f"{pad}{name} {_signed(ins[1], 32)}")
        elif imm == "i64":
            emit(f"{pad}{name} {_signed(ins[1], 64)}")
        elif imm in ("f32", "f64"):
            v = ins[1]
            lit = f64_text(v) if imm == "f64" else f32_text(v)
            s = f"{pad}{name} {lit}"
            if math.isfinite(v) and lit != repr(float(v)):
                s += f"  ;; {float(v)!r}" if imm == "f64" else \
                    f"  ;; {struct.unpack('<f', struct.pack('<f', v))[0]!r}"
            emit(s)
        else:  # pragma: no cover - table and printer out of sync
            raise ValueError(f"no text form for immediate kind {imm!r}")
    if stack:
        raise ValueError(f"function {fn.index}: {len(stack)} block(s) not closed by 'end'")
    emit("  )")
