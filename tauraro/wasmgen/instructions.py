"""The WebAssembly instruction table.

One row per instruction: its text name, its opcode bytes and the kind of its
immediate(s).  Both the binary encoder (:mod:`tauraro.wasmgen.module`) and the
text printer (:mod:`tauraro.wasmgen.text`) are driven by this table, so adding
an instruction is adding one row.

Instructions are written as tuples: the name followed by the immediates, e.g.
``("local.get", 3)``, ``("i64.const", -5)``, ``("i64.load", 8)``,
``("br_table", (0, 1, 2), 3)``, ``("block", "i64", "exit")``.

Immediate kinds (the ``imm`` column):

``None``
    no immediate.
``"local"`` / ``"global"`` / ``"func"`` / ``"label"``
    one unsigned index (u32 LEB128): ``("local.get", 3)``, ``("br", 0)``.
``"i32"`` / ``"i64"``
    one integer.  ``i32.const`` accepts ``[-2**31, 2**32)`` and ``i64.const``
    ``[-2**63, 2**64)``; values at or above ``2**31`` / ``2**63`` are encoded
    as their two's complement.
``"f32"`` / ``"f64"``
    one float (bit-exact, including ``-0.0``, ``inf`` and NaN payloads).
``"memarg"``
    ``(name, offset=0, align_log2=natural)`` -- the memory operand of loads
    and stores.  ``align_log2`` is the log2 of the alignment in bytes as in the
    binary format; it defaults to the access width ("natural alignment").
``"blocktype"``
    ``(name, blocktype=None, label=None)`` for ``block``/``loop``/``if``:
    ``None`` is the empty block type, a value type string (``"i64"``) a single
    result.  ``label`` is an optional name used by the text printer and the
    name section.
``"br_table"``
    ``("br_table", (d0, d1, ...), default)``.
``"comment"``
    ``("comment", "text")`` is a pseudo instruction: it emits nothing in the
    binary and prints as ``;; text`` in the WAT.

Instructions that carry a memory index (``memory.size``, ``memory.grow``,
``memory.copy``, ``memory.fill``) only address memory 0; the zero index bytes
are part of their opcode bytes here.

Wide arithmetic (0xFC prefix, a proposal): ``i64.mul_wide_s`` and ``_u`` push the
128-bit product of two i64 as two i64, the low half first.

SIMD (0xFD prefix, LEB128 u32 sub-opcode): the few ``f64x2`` instructions that
scalar code uses to reach a fused multiply-add (relaxed-SIMD proposal;
wasmtime needs ``Config.wasm_relaxed_simd``).  The lane index of
``f64x2.extract_lane`` is part of the row's name and opcode bytes, one row per
lane, like the memory index above: ``("f64x2.extract_lane 0",)`` prints as
``f64x2.extract_lane 0`` and encodes as ``0xFD 0x21 0x00``.
"""

from __future__ import annotations

__all__ = [
    "INSTRUCTIONS",
    "Instr",
    "VALTYPES",
    "IMM_KINDS",
]

from collections import namedtuple

# name; opcode: the complete opcode bytes (prefix + LEB128 sub-opcode + fixed memidx
# bytes); imm: the kind of immediate(s), see the module docstring (or None); align: the
# natural alignment (log2 of the access width) for "memarg". (collections' namedtuple:
# typing's costs ~3 ms to import, at the first hot loop of every run)
Instr = namedtuple("Instr", "name opcode imm align", defaults=(0,))


#: value type name -> binary encoding
VALTYPES = {"i32": 0x7F, "i64": 0x7E, "f32": 0x7D, "f64": 0x7C}

IMM_KINDS = (None, "local", "global", "func", "label", "i32", "i64", "f32", "f64",
             "memarg", "blocktype", "br_table", "comment")


def _rows():
    rows = []

    def add(name, opcode, imm=None, align=0):
        if isinstance(opcode, int):
            opcode = bytes((opcode,))
        rows.append(Instr(name, bytes(opcode), imm, align))

    def fc(name, sub, imm=None, extra=b""):
        # 0xFC prefix; sub-opcodes used here are < 128 so their u32 LEB128 is one byte.
        assert sub < 0x80
        add(name, bytes((0xFC, sub)) + extra, imm)

    # -- control --------------------------------------------------------
    add("unreachable", 0x00)
    add("nop", 0x01)
    add("block", 0x02, "blocktype")
    add("loop", 0x03, "blocktype")
    add("if", 0x04, "blocktype")
    add("else", 0x05)
    add("end", 0x0B)
    add("br", 0x0C, "label")
    add("br_if", 0x0D, "label")
    add("br_table", 0x0E, "br_table")
    add("return", 0x0F)
    add("call", 0x10, "func")
    add("return_call", 0x12, "func")  # tail-call proposal
    # -- parametric -----------------------------------------------------
    add("drop", 0x1A)
    add("select", 0x1B)
    # -- variables ------------------------------------------------------
    add("local.get", 0x20, "local")
    add("local.set", 0x21, "local")
    add("local.tee", 0x22, "local")
    add("global.get", 0x23, "global")
    add("global.set", 0x24, "global")
    # -- memory ---------------------------------------------------------
    for opc, name, align in (
        (0x28, "i32.load", 2), (0x29, "i64.load", 3), (0x2A, "f32.load", 2),
        (0x2B, "f64.load", 3), (0x2C, "i32.load8_s", 0), (0x2D, "i32.load8_u", 0),
        (0x2E, "i32.load16_s", 1), (0x2F, "i32.load16_u", 1),
        (0x30, "i64.load8_s", 0), (0x31, "i64.load8_u", 0),
        (0x32, "i64.load16_s", 1), (0x33, "i64.load16_u", 1),
        (0x34, "i64.load32_s", 2), (0x35, "i64.load32_u", 2),
        (0x36, "i32.store", 2), (0x37, "i64.store", 3), (0x38, "f32.store", 2),
        (0x39, "f64.store", 3), (0x3A, "i32.store8", 0), (0x3B, "i32.store16", 1),
        (0x3C, "i64.store8", 0), (0x3D, "i64.store16", 1), (0x3E, "i64.store32", 2),
    ):
        add(name, opc, "memarg", align)
    add("memory.size", b"\x3F\x00")
    add("memory.grow", b"\x40\x00")
    fc("memory.copy", 10, extra=b"\x00\x00")
    fc("memory.fill", 11, extra=b"\x00")
    # -- constants ------------------------------------------------------
    add("i32.const", 0x41, "i32")
    add("i64.const", 0x42, "i64")
    add("f32.const", 0x43, "f32")
    add("f64.const", 0x44, "f64")
    # -- comparisons ----------------------------------------------------
    int_cmp = ("eqz", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u")
    for i, op in enumerate(int_cmp):
        add("i32." + op, 0x45 + i)
    for i, op in enumerate(int_cmp):
        add("i64." + op, 0x50 + i)
    float_cmp = ("eq", "ne", "lt", "gt", "le", "ge")
    for i, op in enumerate(float_cmp):
        add("f32." + op, 0x5B + i)
    for i, op in enumerate(float_cmp):
        add("f64." + op, 0x61 + i)
    # -- arithmetic -----------------------------------------------------
    int_arith = ("clz", "ctz", "popcnt", "add", "sub", "mul", "div_s", "div_u", "rem_s",
                 "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr")
    for i, op in enumerate(int_arith):
        add("i32." + op, 0x67 + i)
    for i, op in enumerate(int_arith):
        add("i64." + op, 0x79 + i)
    float_arith = ("abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt", "add", "sub",
                   "mul", "div", "min", "max", "copysign")
    for i, op in enumerate(float_arith):
        add("f32." + op, 0x8B + i)
    for i, op in enumerate(float_arith):
        add("f64." + op, 0x99 + i)
    # -- conversions ----------------------------------------------------
    for i, name in enumerate((
        "i32.wrap_i64", "i32.trunc_f32_s", "i32.trunc_f32_u", "i32.trunc_f64_s",
        "i32.trunc_f64_u", "i64.extend_i32_s", "i64.extend_i32_u", "i64.trunc_f32_s",
        "i64.trunc_f32_u", "i64.trunc_f64_s", "i64.trunc_f64_u", "f32.convert_i32_s",
        "f32.convert_i32_u", "f32.convert_i64_s", "f32.convert_i64_u", "f32.demote_f64",
        "f64.convert_i32_s", "f64.convert_i32_u", "f64.convert_i64_s", "f64.convert_i64_u",
        "f64.promote_f32", "i32.reinterpret_f32", "i64.reinterpret_f64",
        "f32.reinterpret_i32", "f64.reinterpret_i64",
        # sign-extension operators
        "i32.extend8_s", "i32.extend16_s", "i64.extend8_s", "i64.extend16_s", "i64.extend32_s",
    )):
        add(name, 0xA7 + i)
    # -- saturating truncation (0xFC prefix) ----------------------------
    for i, name in enumerate((
        "i32.trunc_sat_f32_s", "i32.trunc_sat_f32_u", "i32.trunc_sat_f64_s",
        "i32.trunc_sat_f64_u", "i64.trunc_sat_f32_s", "i64.trunc_sat_f32_u",
        "i64.trunc_sat_f64_s", "i64.trunc_sat_f64_u",
    )):
        fc(name, i)
    # -- wide arithmetic (0xFC prefix; wasmtime needs ``Config.wasm_wide_arithmetic``) --
    # i64.mul_wide_s: [i64 i64] -> [i64 i64], the 128-bit product's low then high half
    fc("i64.mul_wide_s", 21)
    fc("i64.mul_wide_u", 22)
    # -- SIMD (0xFD prefix): scalar f64 through f64x2 lanes ------------------
    def simd(name, sub, extra=b""):
        # the sub-opcode as a u32 LEB128 (every SIMD one is below 2**14: at most two bytes)
        sub_leb = bytes((sub,)) if sub < 0x80 else bytes((sub & 0x7F | 0x80, sub >> 7))
        add(name, bytes((0xFD,)) + sub_leb + extra)

    simd("f64x2.splat", 20)
    for lane in (0, 1):
        simd(f"f64x2.extract_lane {lane}", 33, bytes((lane,)))
    # relaxed SIMD: a*b + c per lane, fused or not depending on the engine
    # (wasmtime fuses always when relaxed_simd_deterministic, else where the host has FMA)
    simd("f64x2.relaxed_madd", 0x107)
    simd("f64x2.relaxed_nmadd", 0x108)     # -(a*b) + c
    # -- pseudo instruction ----------------------------------------------
    add("comment", b"", "comment")
    return rows


#: name -> Instr, in opcode order
INSTRUCTIONS: dict[str, Instr] = {}
for _row in _rows():
    assert _row.name not in INSTRUCTIONS, _row.name
    assert _row.imm in IMM_KINDS, _row
    INSTRUCTIONS[_row.name] = _row
del _row
