"""A long list of few distinct strs copied in through the module's ``expand``
(wasmgen.expand, ``EntryRecords._expanded``): the wasm function against the layout the
host expects, and programs against CPython -- the list's strs, their identities where the
loop writes them back, strs of several widths."""
import struct

from wasm_harness import LoneModule

from test_jit import jit
from test_jit_slots import line
from tauraro.jit.transfer import EXPAND_MIN
from tauraro.wasmgen.expand import add_expand


def memory():
    """A module with only ``expand``, and its memory."""
    return LoneModule(add_expand, ("expand",), pages=8)


def test_expand_lays_out_a_copy_of_each_codes_record_end_to_end():
    m = memory()
    # three "records" of 2, 5 and 3 words, each word telling its record and place
    records = [struct.pack("<%dq" % w, *(100 * r + i for i in range(w))) for r, w in enumerate((2, 5, 3))]
    at = [4096, 4096 + 64, 4096 + 128]
    for a, rec in zip(at, records):
        m.write(a, rec)
    m.write(8192, struct.pack("<6i", at[0], 16, at[1], 40, at[2], 24))
    codes = [1, 0, 2, 2, 1, 0, 0, 1]
    m.write(12288, struct.pack("<%dH" % len(codes), *codes))
    out = 65536
    end = m.expand(12288, len(codes), 8192, out, 16384)
    laid = b"".join(records[c] for c in codes)
    assert end == out + len(laid)
    assert m.read(out, end) == laid
    addrs = struct.unpack("<%dq" % len(codes), m.read(16384, 16384 + 8 * len(codes)))
    starts = [out]
    for c in codes[:-1]:
        starts.append(starts[-1] + len(records[c]))
    assert list(addrs) == starts
    assert m.expand(12288, 0, 8192, out, 16384) == out


def test_a_long_list_of_few_strs_is_counted_as_cpython_counts_it(tmp_path):
    # a text's words, split before the loops (a list of 3 * EXPAND_MIN strs, ten distinct,
    # some not latin-1): counted in a dict, pairs of neighbours counted, lengths summed
    src = """
        text = ("alpha beta gamma delta epsilon zeta eta theta iota kappa ä€ " * N).split()
        counts = {}
        for w in text:                      # loop
            counts[w] = counts.get(w, 0) + 1
        print(sorted(counts.items()))
        pairs = {}
        total = 0
        for a, b in zip(text, text[1:]):
            pairs[a + " " + b] = pairs.get(a + " " + b, 0) + 1
            total += len(a) - len(b)
        print(len(pairs), sorted(pairs.items())[:5], total)
    """.replace("N", str(3 * EXPAND_MIN // 12))
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["native_iterations"] > 2 * EXPAND_MIN, row


def test_the_strs_of_a_list_written_back_are_the_very_objects(tmp_path):
    # the loop stores into the list (a swap of neighbours) and reads its strs' lengths:
    # written back, its elements are the str objects the list held, each in its new place,
    # as CPython leaves them
    src = """
        words = ("red green blue cyan " * N).split()
        before = list(words)
        total = 0
        for i in range(0, len(words) - 1, 2):    # loop
            if words[i] < words[i + 1]:
                words[i], words[i + 1] = words[i + 1], words[i]
            total += len(words[i]) * (i % 7)
        print(words[:8], len(words), total)
        same = 0
        for i in range(0, len(words) - 1, 2):
            x, y = before[i], before[i + 1]
            if x < y:
                same += words[i] is y and words[i + 1] is x
            else:
                same += words[i] is x and words[i + 1] is y
        print(same, len(words) // 2)
    """.replace("N", str(EXPAND_MIN))
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["native_iterations"] > EXPAND_MIN, row
