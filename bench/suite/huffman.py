"""Huffman coding: build trees with heapq, encode to bits, pack to bytes, decode.

Workload: Huffman coding. Texts with different symbol statistics (generated
English-like prose, a skewed byte stream, source-code-like text) are compressed:
symbol frequencies are counted, a Huffman tree of node objects is built with
``heapq`` (ties broken by a counter so the tree is deterministic), code words
are assigned by a recursive walk, canonical codes are derived from the code
lengths, the text is encoded to a bit string (``str.join``) and packed into a
``bytearray``, then decoded bit by bit by walking the tree and, a second way,
with a dict from canonical code strings. Round trips must match; sizes and
CRCs are printed.
"""
import heapq
import random
import zlib


class Leaf:
    __slots__ = ("symbol", "weight")

    def __init__(self, symbol, weight):
        self.symbol = symbol
        self.weight = weight


class Branch:
    __slots__ = ("left", "right", "weight")

    def __init__(self, left, right):
        self.left = left
        self.right = right
        self.weight = left.weight + right.weight


def frequencies(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    return freq


def build_tree(freq):
    heap = []
    counter = 0
    for sym in sorted(freq):
        heap.append((freq[sym], counter, Leaf(sym, freq[sym])))
        counter += 1
    heapq.heapify(heap)
    if len(heap) == 1:
        w, _, only = heap[0]
        return Branch(only, Leaf(None, 0))
    while len(heap) > 1:
        w1, _, a = heapq.heappop(heap)
        w2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (w1 + w2, counter, Branch(a, b)))
        counter += 1
    return heap[0][2]


def assign_codes(node, prefix, codes):
    if isinstance(node, Leaf):
        if node.symbol is not None:
            codes[node.symbol] = prefix or "0"
        return codes
    assign_codes(node.left, prefix + "0", codes)
    assign_codes(node.right, prefix + "1", codes)
    return codes


def canonical(codes):
    by_len = sorted((len(c), s) for s, c in codes.items())
    result = {}
    code = 0
    prev_len = by_len[0][0]
    for length, sym in by_len:
        code <<= length - prev_len
        prev_len = length
        result[sym] = format(code, "0%db" % length)
        code += 1
    return result


def encode(text, codes):
    return "".join([codes[ch] for ch in text])


def pack(bits):
    out = bytearray()
    for i in range(0, len(bits), 8):
        chunk = bits[i:i + 8]
        out.append(int(chunk.ljust(8, "0"), 2))
    return out


def unpack(data, nbits):
    return "".join(format(b, "08b") for b in data)[:nbits]


def decode_tree(bits, root):
    out = []
    node = root
    for b in bits:
        node = node.left if b == "0" else node.right
        if isinstance(node, Leaf):
            out.append(node.symbol)
            node = root
    return "".join(out)


def decode_table(bits, codes):
    table = {c: s for s, c in codes.items()}
    out = []
    cur = ""
    for b in bits:
        cur += b
        sym = table.get(cur)
        if sym is not None:
            out.append(sym)
            cur = ""
    return "".join(out)


def prose(rng, n_words):
    syll = ["th", "e", "an", "in", "er", "on", "re", "at", "st", "ou", "is", "it", "al", "ar", "ng"]
    words = []
    for i in range(n_words):
        w = "".join(syll[int(rng.random() ** 1.6 * len(syll))] for _ in range(rng.randrange(1, 4)))
        if i % 11 == 0:
            w = w.capitalize()
        words.append(w)
        if i % 13 == 12:
            words[-1] += "."
    return " ".join(words)


def skewed(rng, n):
    return "".join(chr(65 + min(25, int(rng.expovariate(0.45)))) for _ in range(n))


def code_like(rng, n_lines):
    idents = ["x", "y", "count", "total", "self", "value", "result", "node", "i", "items"]
    lines = []
    for k in range(n_lines):
        a, b = idents[rng.randrange(10)], idents[rng.randrange(10)]
        form = k % 4
        if form == 0:
            lines.append("    %s = %s + %d" % (a, b, rng.randrange(100)))
        elif form == 1:
            lines.append("    if %s < %s:" % (a, b))
        elif form == 2:
            lines.append("        return %s(%s)" % (a, b))
        else:
            lines.append("def f%d(%s, %s):" % (k, a, b))
    return "\n".join(lines)


def compress_roundtrip(text):
    freq = frequencies(text)
    root = build_tree(freq)
    codes = assign_codes(root, "", {})
    canon = canonical(codes)
    bits = encode(text, codes)
    packed = pack(bits)
    back = decode_tree(unpack(packed, len(bits)), root)
    canon_bits = encode(text, canon)
    back2 = decode_table(canon_bits, canon)
    same_lengths = all(len(codes[s]) == len(canon[s]) for s in codes)
    return {
        "symbols": len(freq), "chars": len(text), "bits": len(bits), "bytes": len(packed),
        "ok": back == text and back2 == text and same_lengths and len(canon_bits) == len(bits),
        "crc": zlib.crc32(bytes(packed)), "longest": max(len(c) for c in codes.values()),
    }


def main():
    rng = random.Random(8)
    texts = [("prose", prose(rng, 100000)), ("skewed", skewed(rng, 250000)), ("code", code_like(rng, 22000))]
    for name, text in texts:
        r = compress_roundtrip(text)
        print("%-7s symbols %3d chars %7d -> %7d bytes (%.3f bits/char) longest code %2d roundtrip %s crc %d"
              % (name, r["symbols"], r["chars"], r["bytes"], r["bits"] / r["chars"], r["longest"], r["ok"], r["crc"]))
    pieces_ok = 0
    total_bits = 0
    for k in range(600):
        piece = texts[k % 3][1][k * 200:k * 200 + 600]
        r = compress_roundtrip(piece)
        pieces_ok += r["ok"]
        total_bits += r["bits"]
    print("small pieces round-tripped:", pieces_ok, "of 600, total bits", total_bits)


if __name__ == "__main__":
    main()
