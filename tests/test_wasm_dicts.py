"""The native dict table's probe (tauraro.wasmgen.dicts) against a Python dict: it finds
every key the host wrote, appends new keys in order, reports a full table, and builds
its index on the first probe."""
import random
import struct

import wasmtime

from tauraro.wasmgen.dicts import FULL, HEADER, NOT_FOUND, VALUE_BASE, add_dict_probe, table_header
from tauraro.wasmgen.module import Module

BASE = 64


def _instance():
    m = Module(name="dict_test")
    add_dict_probe(m)
    m.add_export("probe", "func", 0)
    m.set_memory(min_pages=16, export="memory")
    store = wasmtime.Store()
    inst = wasmtime.Instance(store, wasmtime.Module(store.engine, m.to_binary()), [])
    ex = inst.exports(store)
    return store, ex["probe"], ex["memory"]


def _write(store, mem, keys, values, cap):
    header, size = table_header(len(keys), cap)
    body = bytearray(size)
    struct.pack_into("<6q", body, 0, *header)
    for i, (k, v) in enumerate(zip(keys, values)):
        struct.pack_into("<qq", body, HEADER + 16 * i, k, v)
    mem.write(store, bytes(body), BASE)


def _value(store, mem, addr):
    return struct.unpack("<q", mem.read(store, addr + 16, addr + 24))[0]


def test_probe_finds_adds_and_fills_like_a_dict():
    store, probe, mem = _instance()
    rng = random.Random(5)
    keys = rng.sample(range(-10 ** 12, 10 ** 12), 300) + [0, -1, 1, (1 << 63) - 1, -(1 << 63)]
    keys += [j << 40 for j in range(50)] + [j << 32 for j in range(50)]     # (only high bits differ)
    keys = list(dict.fromkeys(keys))
    d = {k: i for i, k in enumerate(keys)}
    cap = len(keys) + 20
    _write(store, mem, keys, list(d.values()), cap)
    for k in keys:
        a = probe(store, BASE, k, 0)
        assert a not in (NOT_FOUND, FULL) and _value(store, mem, a) == d[k]
        assert (a - BASE - VALUE_BASE) % 16 == 0
    assert probe(store, BASE, 12345678901234, 0) == NOT_FOUND
    added = []
    while True:
        k = rng.randrange(-10 ** 6, 10 ** 6)
        if k in d:
            continue
        a = probe(store, BASE, k, 1)
        if len(added) == 20:
            assert a == FULL
            break
        assert a > FULL and _value(store, mem, a) == 0
        added.append(k)
        d[k] = 0
    n = struct.unpack("<q", mem.read(store, BASE, BASE + 8))[0]
    assert n == len(keys) + 20
    got = [struct.unpack("<q", mem.read(store, BASE + HEADER + 16 * i, BASE + HEADER + 16 * i + 8))[0]
           for i in range(n)]
    assert got == list(d)       # insertion order
    for k in d:
        assert probe(store, BASE, k, 1) > FULL


def test_empty_table():
    store, probe, mem = _instance()
    _write(store, mem, [], [], 0)
    assert probe(store, BASE, 7, 0) == NOT_FOUND
    assert probe(store, BASE, 7, 1) == FULL
