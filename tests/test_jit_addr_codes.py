"""A long list of a few distinct strs written back through 2-byte codes (wasmgen.addrcodes):
the wasm function against the host's table, and programs against CPython."""
import random
import struct

from wasm_harness import LoneModule

from test_jit import jit
from tauraro.jit.transfer import CODES_MIN
from tauraro.wasmgen.addrcodes import SHIFT, add_addr_codes, slot


def memory():
    """A module with only ``addr_codes``, and its memory."""
    return LoneModule(add_addr_codes, ("addr_codes",), pages=4)


def table(addresses, slots):
    """The slots as the host writes them: each address from its slot on, with its index."""
    words = [0] * slots
    for code, a in enumerate(addresses):
        h = slot(a, slots - 1)
        while words[h]:
            h = (h + 1) & (slots - 1)
        words[h] = (a << SHIFT) | code
    return struct.pack("<%dq" % slots, *words)


def test_addr_codes_gives_each_word_its_address_code():
    rng = random.Random(5)
    # addresses of records, 8-byte aligned, some far apart, some colliding in their slots
    addresses = sorted(set(8 * rng.randrange(1 << 28) for _ in range(300)) | {8, 16, 0xFFFFFFF8})
    slots = 1024
    m = memory()
    m.write(4096, table(addresses, slots))
    picks = [rng.choice(addresses) for _ in range(5000)]
    m.write(16384, struct.pack("<%dq" % len(picks), *picks))
    m.write(131072, bytes(4 * slots))
    assert m.addr_codes(16384, len(picks), 4096, slots - 1, 65536, 131072) == len(picks)
    codes = struct.unpack("<%dH" % len(picks), m.read(65536, 65536 + 2 * len(picks)))
    assert [addresses[c] for c in codes] == picks
    # (the counts: each address's words, at its slot)
    counts = struct.unpack("<%dI" % slots, m.read(131072, 131072 + 4 * slots))
    assert sorted(c for c in counts if c) == sorted(picks.count(a) for a in set(picks))
    assert sum(counts) == len(picks)
    assert m.addr_codes(16384, 0, 4096, slots - 1, 65536, 0) == 0


def test_addr_codes_stops_at_the_first_address_the_table_lacks():
    m = memory()
    addresses = [64 * k for k in range(1, 50)]
    m.write(4096, table(addresses, 128))
    words = addresses[:10] + [72] + addresses[10:]      # (72: a record no slot holds)
    m.write(16384, struct.pack("<%dq" % len(words), *words))
    assert m.addr_codes(16384, len(words), 4096, 127, 65536, 0) == 10


def test_a_long_list_of_few_distinct_made_strs_is_written_back_as_cpython_has_it(tmp_path):
    # strs made natively (concatenations: canonical, a few hundred distinct), appended more
    # than CODES_MIN times, then used after the loop: each element the right str
    n = 3 * CODES_MIN
    r = jit(tmp_path, """
        NAMES = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()

        def build(n, seed):
            s = seed
            out = []
            for i in range(n):
                s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                w = NAMES[s % 10]
                if (s >> 8) % 3 == 0:
                    w = w + "."
                elif (s >> 8) % 3 == 1:
                    w = w[0].upper() + w[1:]
                out.append(w)
            return out

        words = build(N_WORDS, 7)
        print(len(words), words[:6], words[-6:])
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        print(sorted(counts.items())[:12], len(counts))
        print(sum(map(len, words)), " ".join(words[1000:1010]))
    """.replace("N_WORDS", str(n)))
    assert r.loop(7)["native_iterations"] > n // 2
