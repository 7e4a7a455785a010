"""What a resumed block's frame shows: the program's function, file and positions.

The resume interpreter's blocks (``tauraro.vm.blockgen``) run the rest of a loop's
iteration, or of an inlined callee's call, in frames of their own, where CPython would
run it in the program's frame. A function they call sees a block's frame as its caller:
``sys._getframe(1)``, ``inspect.stack()[1]``, ``warnings.warn(..., stacklevel=2)`` and a
logging call from a helper with ``stacklevel=2`` would name a generated function in a
generated file, and a traceback entry of a block -- an exception a handler in the loop
caught, formatted there -- would show generated source. So each block's code object is
given the program's: its function's name and qualified name, its file, and for each
instruction the source position (line, end line, columns) of the register instruction it
was generated from (``as_program``), so a traceback's carets fall where CPython's do.

Which register instruction (pc) each bytecode instruction of a block runs is kept beside
its code object (``BLOCKS``), which is how an exception raised in a block is mapped back to
the instruction that raised it (``pc_at``): a source position alone is not enough, one
being several register instructions.
"""
from __future__ import annotations

import weakref

# the block code objects made so -> the pc of each of their code units (-1: none): what
# ``pc_at`` reads, and what a traceback drops
BLOCKS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_MADE: dict = {}                # (factory code, program code) -> the factory code made so

# the location table's entry kinds (CPython's Objects/locations.md, the same in 3.11-3.13)
_NO_COLUMNS = 13
_LONG = 14
_NONE = 15
_MAX_UNITS = 8


def _varint(n: int, out: bytearray) -> None:
    while n >= 64:
        out.append(0x40 | (n & 63))
        n >>= 6
    out.append(n)


def _svarint(n: int, out: bytearray) -> None:
    _varint(((-n) << 1) | 1 if n < 0 else n << 1, out)


def location_table(units: list, first_line: int) -> bytes:
    """A code object's location table for its code units' locations: (line, end line,
    column, end column) each -- the columns None if not known -- or None for no location."""
    out = bytearray()
    prev, i, n = first_line, 0, len(units)
    while i < n:
        unit = units[i]
        j = i + 1
        while j < n and j - i < _MAX_UNITS and units[j] == unit:
            j += 1
        if unit is None:
            out.append(0x80 | (_NONE << 3) | (j - i - 1))
        else:
            line, end_line, col, end_col = unit
            if col is None or end_col is None or end_line is None or end_line < line:
                out.append(0x80 | (_NO_COLUMNS << 3) | (j - i - 1))
                _svarint(line - prev, out)
            else:
                out.append(0x80 | (_LONG << 3) | (j - i - 1))
                _svarint(line - prev, out)
                _varint(end_line - line, out)
                _varint(col + 1, out)
                _varint(end_col + 1, out)
            prev = line
        i = j
    return bytes(out)


def _block(fcode, linemap: dict, code, name: str, qualname: str):
    """Block function code ``fcode``, its locations (generated source lines, ``linemap``:
    line -> pc) made the program's source positions of the pcs they ran."""
    instrs = code.instrs
    units, pcs = [], []
    first = None
    for line, _, _, _ in fcode.co_positions():
        pc = linemap.get(line)
        if pc is None:
            units.append(None)
            pcs.append(-1)
            continue
        ins = instrs[pc]
        src = ins.line or code.firstlineno
        pos = ins.pos
        if pos is not None and pos[0] == src:
            units.append(tuple(pos))
        else:
            units.append((src, src, None, None))
        pcs.append(pc)
        if first is None:
            first = src
    first = first or code.firstlineno
    made = fcode.replace(co_linetable=location_table(units, first), co_firstlineno=first,
                         co_filename=code.filename, co_name=name, co_qualname=qualname)
    BLOCKS[made] = tuple(pcs)
    return made


def as_program(factory, linemap: dict, code):
    """The code of a generated factory of blocks (``blockgen.build_blocks``) whose blocks'
    code objects are the program's function's, as above. ``linemap``: generated source
    line -> pc; ``code``: the register code (CodeObject) the blocks run."""
    key = (factory, code)
    made = _MADE.get(key)
    if made is None:
        qualname = code.qualname
        name = qualname.rsplit(".", 1)[-1]
        consts = tuple(_block(c, linemap, code, name, qualname) if hasattr(c, "co_positions") else c
                       for c in factory.co_consts)
        made = _MADE[key] = factory.replace(co_consts=consts)
    return made


def pc_at(fcode, lasti: int):
    """The pc of the register instruction that a block's code ``fcode`` runs at bytecode
    offset ``lasti`` (a frame's or a traceback entry's); None if ``fcode`` is not a block's."""
    pcs = BLOCKS.get(fcode)
    if pcs is None or not 0 <= lasti < 2 * len(pcs):
        return None
    pc = pcs[lasti // 2]
    return pc if pc >= 0 else None
