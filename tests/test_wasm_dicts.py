"""The native dict table's probe (tauraro.wasmgen.dicts) against a Python dict: it finds
every key the host wrote, appends new keys in order, grows a full table natively (memory
grown too) with every key still found, and builds its index on the first probe."""
import random
import struct

from wasm_harness import instantiate

from tauraro.wasmgen.dicts import HEADER, NOT_FOUND, FULL, VALUE_BASE, add_dict_probe, table_header
from tauraro.wasmgen.module import Module

BASE = 64
HEAP = 12


def _instance(pages=1):
    m = Module(name="dict_test")
    add_dict_probe(m, HEAP)
    m.add_export("probe", "func", 0)
    m.set_memory(min_pages=pages, export="memory")
    store, ex = instantiate(m)
    return store, ex["probe"], ex["memory"]


def _write(store, mem, keys, values, cap):
    header, size = table_header(BASE, len(keys), cap)
    body = bytearray(size)
    struct.pack_into("<8q", body, 0, *header)
    for i, (k, v) in enumerate(zip(keys, values)):
        struct.pack_into("<qq", body, HEADER + 16 * i, k, v)
    mem.write(store, bytes(body), BASE)
    mem.write(store, struct.pack("<I", BASE + size), HEAP)


def _word(store, mem, addr):
    return struct.unpack("<q", mem.read(store, addr, addr + 8))[0]


def _keys(store, mem):
    n, entries = _word(store, mem, BASE), _word(store, mem, BASE + 48)
    return [_word(store, mem, entries + 16 * i) for i in range(n)]


def test_probe_finds_adds_and_grows_like_a_dict():
    store, probe, mem = _instance()
    rng = random.Random(5)
    keys = rng.sample(range(-10 ** 12, 10 ** 12), 300) + [0, -1, 1, (1 << 63) - 1, -(1 << 63)]
    keys += [j << 40 for j in range(50)] + [j << 32 for j in range(50)]     # (only high bits differ)
    keys = list(dict.fromkeys(keys))
    d = {k: i for i, k in enumerate(keys)}
    _write(store, mem, keys, list(d.values()), len(keys) + 20)
    for k in keys:
        a = probe(store, BASE, k, 0)
        assert a not in (NOT_FOUND, FULL) and _word(store, mem, a + 16) == d[k]
    assert probe(store, BASE, 12345678901234, 0) == NOT_FOUND
    pages = mem.size(store)
    while len(d) < 20000:       # past the room, many times: the table grows, memory too
        k = rng.randrange(-10 ** 9, 10 ** 9)
        if k in d:
            continue
        a = probe(store, BASE, k, 1)
        assert a > FULL and _word(store, mem, a + 16) == 0 and _word(store, mem, a - VALUE_BASE) == k  # (the key word)
        d[k] = 0
    assert mem.size(store) > pages
    assert _keys(store, mem) == list(d)       # insertion order
    for k in keys:
        assert _word(store, mem, probe(store, BASE, k, 0) + 16) == d[k]
    for k in d:
        assert probe(store, BASE, k, 1) > FULL
    assert len(_keys(store, mem)) == len(d)


def test_an_empty_table_grows():
    store, probe, mem = _instance()
    _write(store, mem, [], [], 0)
    assert probe(store, BASE, 7, 0) == NOT_FOUND
    assert probe(store, BASE, 7, 1) > FULL
    assert probe(store, BASE, 7, 0) > FULL and _keys(store, mem) == [7]


def _set_instance(pages=1):
    from tauraro.wasmgen.dicts import add_set_functions
    m = Module(name="set_test")
    probe = add_dict_probe(m, HEAP)
    fns = add_set_functions(m, probe, HEAP, ["set_has", "set_add", "set_discard"])
    for name, idx in fns.items():
        m.add_export(name, "func", idx)
    m.set_memory(min_pages=pages, export="memory")
    store, ex = instantiate(m)
    return store, ex, ex["memory"]


def test_set_functions_against_a_python_set_and_their_log_replays_it():
    """set_has/set_add/set_discard on a table of 1-valued entries, against a Python set,
    past the room of its table and of its log (both grow natively); the log, replayed on
    the set as it was, gives the same contents and order as the operations made directly
    (the log holds only the changes, in order)."""
    from tauraro.wasmgen.dicts import ADDED, REMOVED, ABSENT, LOG, LOG_HEADER, log_size
    store, ex, mem = _set_instance()
    rng = random.Random(9)
    start = rng.sample(range(-500, 500), 40)
    s0 = set(start)
    keys = list(s0)
    cap, log_cap = 2 * len(keys) + 16, 20
    header, size = table_header(BASE, len(keys), cap)
    log_at = BASE + size
    header = header[:7] + (log_at,)
    body = bytearray(size)
    struct.pack_into("<8q", body, 0, *header)
    for i, k in enumerate(keys):
        struct.pack_into("<qq", body, HEADER + 16 * i, k, 1)
    mem.write(store, bytes(body), BASE)
    mem.write(store, struct.pack("<qqq", len(keys), 0, log_cap), log_at)
    mem.write(store, struct.pack("<I", log_at + log_size(log_cap)), HEAP)
    s = set(s0)
    for _ in range(3000):
        k = rng.randrange(-3000, 3000)
        if rng.random() < 0.6:
            assert ex["set_add"](store, BASE, k) == ADDED
            s.add(k)
        else:
            assert ex["set_discard"](store, BASE, k) == (REMOVED if k in s else ABSENT)
            s.discard(k)
        log = _word(store, mem, BASE + LOG)
        assert _word(store, mem, log) == len(s)
        for q in rng.sample(range(-3000, 3000), 5) + [k]:
            assert ex["set_has"](store, BASE, q) == (q in s)
    assert log != log_at and _word(store, mem, BASE + 48) != BASE + HEADER     # (both grew)
    entries = _word(store, mem, BASE + 48)
    replayed = set(s0)
    for i in range(_word(store, mem, log + 8)):
        w = _word(store, mem, log + LOG_HEADER + 8 * i)
        k = _word(store, mem, entries + 16 * (w >> 1))
        (replayed.discard if w & 1 else replayed.add)(k)
    assert replayed == s and list(replayed) == list(s)
