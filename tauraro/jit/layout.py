"""FrameLayout: the linear memory of one compiled loop, and moving values across it.

    0            interrupt flag (i32), set by the Ctrl-C watchdog
    8 ...        native iteration count per loop header of the region (i64 each)
    slots        one slot per live value: [tag i64][payload words...]
    exit area    the extra values one exit writes: [tag][payload] each, in order
    data         records of lists, tuples and strings: [len i64][dirty i64][elements]

On entry Python packs every live value into its slot with one ``struct.pack_into``
call (lists and tuples copied into records, their slot holding the record's
address); on exit it unpacks the loop variables' slots and the exit's extras,
writes changed lists back, and stores every value in its register or global.
"""
from __future__ import annotations

import struct
from array import array

from ..compiler.code import UNBOUND
from .infer import is_global
from .jtypes import (BOOL, FLOAT, INT, NONE, RANGE, RANGE_ITER, STR, UNBOUND_T, BuiltinType,
                     SeqIterType, SeqType, range_iter_state)

SEQ_HEADER = 16


def _align(n, a):
    return (n + a - 1) // a * a


def _slot_fmt(jt) -> str:
    return "q" + "".join("d" if vt == "f64" else "q" for _, vt in jt.parts)


class FrameLayout:
    FLAG = 0

    def __init__(self, region, entry: dict, carried: set):
        """``entry``: var -> JType of every live value the region uses; ``carried``: the
        vars native code may change (written back by every exit)."""
        self.region = region
        headers = sorted(region.loop_headers)
        self.counter_off = {h: 8 + 8 * i for i, h in enumerate(headers)}
        off = _align(8 + 8 * len(headers), 16)
        self.inputs = [(v, t) for v, t in entry.items() if not t.static]
        self.slots = {}
        for var, jt in self.inputs:
            self.slots[var] = off
            off += 8 * (1 + len(jt.parts))
        self.slot_base = _align(8 + 8 * len(headers), 16)
        self.slot_end = off
        self.in_fmt = "<" + "".join(_slot_fmt(t) for _, t in self.inputs)
        self.carried = {v for v, _ in self.inputs if v in carried}
        # constant tuples the region uses: records in a data segment of the module
        self.constants = {}        # id(value) -> address
        self.const_objects = {}    # address -> value
        self.const_data = []       # (address, bytes)
        off = _align(off, 16)
        for value, jt in constant_records(region):
            self.constants[id(value)] = off
            self.const_objects[off] = value
            arr = array("d" if jt.elem is FLOAT else "q", value)
            self.const_data.append((off, struct.pack("<qq", len(value), 0) + arr.tobytes()))
            off = _align(off + SEQ_HEADER + 8 * len(value), 16)
        self.exit_area = _align(off, 16)
        self.exit_area_size = 0

    def note_exit_area(self, size: int):
        self.exit_area_size = max(self.exit_area_size, size)

    @property
    def data_base(self) -> int:
        return _align(self.exit_area + self.exit_area_size, 64)


def constant_records(region):
    """(value, JType) of every constant tuple of numbers the region's instructions use."""
    from .jtypes import const_type
    code = region.code
    out = {}
    for b in region.blocks.values():
        for pc in range(b.start, b.end):
            ins = code.instrs[pc]
            for kind, arg in zip(ins.op.kinds, ins.args):
                if kind in ("rk", "*rk") and arg < 0:
                    value = code.consts[-1 - arg]
                    if type(value) is tuple:
                        jt = const_type(value)
                        if isinstance(jt, SeqType):
                            out[id(value)] = (value, jt)
            if ins.op.variadic:
                for arg in ins.args[len(ins.op.kinds) - 1:]:
                    if arg < 0 and type(code.consts[-1 - arg]) is tuple:
                        value = code.consts[-1 - arg]
                        jt = const_type(value)
                        if isinstance(jt, SeqType):
                            out[id(value)] = (value, jt)
    return list(out.values())


class EntryFrame:
    """One native run of a compiled loop: the values packed in, and how to unpack them."""

    def __init__(self, layout: FrameLayout, values: list):
        self.layout = layout
        self.values = values
        self.records = []      # (address, object, JType) of every record written
        self.by_address = dict(layout.const_objects)
        self.iter_starts = {}  # var -> (iterator object, range start, step) for live-in iterators

    def pack(self, memory_view, grow) -> None:
        layout = self.layout
        words = []
        data = layout.data_base
        seen = {}
        blobs = []
        def record(obj, jt):
            nonlocal data
            addr = seen.get(id(obj))
            if addr is None:
                addr = seen[id(obj)] = data
                if jt is STR:
                    blobs.append((addr, struct.pack("<qq", len(obj), 0)))
                    data += SEQ_HEADER
                else:
                    arr = array("d" if jt.elem is FLOAT else "q", obj)
                    blobs.append((addr, struct.pack("<qq", len(obj), 0) + arr.tobytes()))
                    data += SEQ_HEADER + 8 * len(obj)
                data = _align(data, 16)
                self.records.append((addr, obj, jt))
                self.by_address[addr] = obj
            return addr

        for (var, jt), v in zip(layout.inputs, self.values):
            words.append(jt.tag)
            if jt is INT or jt is FLOAT:
                words.append(v)
            elif jt is BOOL:
                words.append(1 if v else 0)
            elif isinstance(jt, SeqType) or jt is STR:
                words.append(record(v, jt))
            elif isinstance(jt, SeqIterType):
                _, (seq,), index = v.__reduce__()
                words += (record(seq, jt.seq), index)
                self.iter_starts[var] = (v, 0, 1)
            elif jt is RANGE_ITER:
                cur, stop, step = range_iter_state(v)
                words += (cur, stop, step)
                _, (rng,), _ = v.__reduce__()
                self.iter_starts[var] = (v, rng.start, rng.step)
            elif jt is RANGE:
                words += (v.start, v.stop, v.step)
            else:
                raise AssertionError("cannot pack a %s" % jt.name)
        mem = memory_view()
        if data > len(mem):
            grow((data - len(mem)) // 65536 + 1)
            mem = memory_view()
        struct.pack_into(layout.in_fmt, mem, layout.slot_base, *words)
        for addr, blob in blobs:
            mem[addr:addr + len(blob)] = blob
        struct.pack_into("<i", mem, layout.FLAG, 0)

    def value_of(self, jt, words, var=None, carried=False):
        """A Python value from its payload words (or None if nothing needs storing)."""
        if jt is INT or jt is FLOAT:
            return words[0]
        if jt is BOOL:
            return bool(words[0])
        if isinstance(jt, SeqType) or jt is STR:
            return self.by_address[words[0]]
        if jt is RANGE_ITER:
            cur, stop, step = words
            if carried:
                it, start, step0 = self.iter_starts[var]
                it.__setstate__((cur - start) // step0)
                return it
            return iter(range(cur, stop, step))
        if isinstance(jt, SeqIterType):
            addr, index = words
            if carried:
                it = self.iter_starts[var][0]
            else:
                it = iter(self.by_address[addr])
            it.__setstate__(index)
            return it
        if jt is RANGE:
            return range(*words)
        if jt is NONE:
            return None
        if jt is UNBOUND_T:
            return UNBOUND
        if isinstance(jt, BuiltinType):
            return jt.fn
        raise AssertionError("cannot unpack a %s" % jt.name)

    def unpack(self, memory_view, record, store) -> None:
        """Write back everything native code changed; ``store(var, value)`` sets a
        register or global."""
        layout = self.layout
        mem = memory_view()
        if layout.carried:
            words = struct.unpack_from(layout.in_fmt, mem, layout.slot_base)
            i = 0
            for var, jt in layout.inputs:
                n = 1 + len(jt.parts)
                if var in layout.carried:
                    store(var, self.value_of(jt, words[i + 1:i + n], var, carried=True))
                i += n
        if record.extras:
            words = struct.unpack_from(record.fmt, mem, layout.exit_area)
            i = 0
            for var, jt in record.extras:
                n = 1 + len(jt.parts)
                store(var, self.value_of(jt, words[i + 1:i + n], var))
                i += n
        for addr, obj, jt in self.records:
            if isinstance(jt, SeqType) and jt.mutable and struct.unpack_from("<q", mem, addr + 8)[0]:
                n = len(obj)
                obj[:] = mem[addr + SEQ_HEADER:addr + SEQ_HEADER + 8 * n].cast(
                    "d" if jt.elem is FLOAT else "q").tolist()

    def iterations(self, memory_view) -> dict:
        mem = memory_view()
        return {h: struct.unpack_from("<q", mem, off)[0] for h, off in self.layout.counter_off.items()}
