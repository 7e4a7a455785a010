"""A spelling corrector: edit-distance search and candidate generation.

Workload: spell-checker with edit distance. A dictionary of made-up words
with frequencies is generated (seeded ``random.Random``); misspellings are
made by random deletes, inserts, substitutions and transpositions. Each is
corrected two ways: (1) Norvig-style candidate generation (all strings one and
two edits away, kept if in the dictionary, best by frequency then
alphabetically), and (2) a dynamic-programming Damerau-Levenshtein distance
against dictionary words bucketed by length, pruned by a length bound. A
BK-tree (a metric tree whose children are dicts keyed by distance) is built
over part of the dictionary and queried for all words within distance 2.
Accuracy and agreement counts are printed.
"""
import random

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
CONSONANTS = "bcdfghklmnprstvz"
VOWELS = "aeiou"


def make_dictionary(rng, n):
    words = {}
    while len(words) < n:
        length = rng.randrange(2, 6)
        w = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(length))
        if rng.random() < 0.3:
            w += rng.choice(CONSONANTS)
        if w not in words:
            words[w] = int(1 + 10000 / (len(words) + 1))
    return words


def misspell(rng, word):
    ops = rng.randrange(1, 3)
    w = word
    for _ in range(ops):
        kind = rng.randrange(4)
        i = rng.randrange(len(w))
        if kind == 0 and len(w) > 2:
            w = w[:i] + w[i + 1:]
        elif kind == 1:
            w = w[:i] + rng.choice(ALPHABET) + w[i:]
        elif kind == 2:
            w = w[:i] + rng.choice(ALPHABET) + w[i + 1:]
        elif i < len(w) - 1:
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    return w


def edits1(word):
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in ALPHABET]
    inserts = [a + c + b for a, b in splits for c in ALPHABET]
    return set(deletes + transposes + replaces + inserts)


def best_of(cands, freq):
    return max(cands, key=lambda w: (freq[w], w)) if cands else None


def correct_by_edits(word, freq):
    if word in freq:
        return word, 0
    e1 = edits1(word)
    known1 = [w for w in e1 if w in freq]
    if known1:
        return best_of(known1, freq), 1
    known2 = {w2 for w1 in e1 for w2 in edits1(w1) if w2 in freq}
    if known2:
        return best_of(known2, freq), 2
    return word, None


def distance(a, b, limit=3):
    """Damerau-Levenshtein (optimal string alignment), early exit above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        ai = a[i - 1]
        row_min = i
        for j in range(1, len(b) + 1):
            cost = 0 if ai == b[j - 1] else 1
            v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if prev[j - 1] + cost < v:
                v = prev[j - 1] + cost
            if prev2 is not None and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                if prev2[j - 2] + 1 < v:
                    v = prev2[j - 2] + 1
            cur[j] = v
            if v < row_min:
                row_min = v
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def correct_by_distance(word, by_length, freq, limit=2):
    best = None
    best_key = None
    for length in range(len(word) - limit, len(word) + limit + 1):
        for w in by_length.get(length, ()):
            d = distance(word, w, limit)
            if d <= limit:
                key = (-d, freq[w], w)
                if best_key is None or key > best_key:
                    best, best_key = w, key
    return best, (-best_key[0] if best_key else None)


class BKTree:
    def __init__(self):
        self.root = None

    def add(self, word):
        if self.root is None:
            self.root = (word, {})
            return
        node = self.root
        while True:
            d = distance(word, node[0], 99)
            child = node[1].get(d)
            if child is None:
                node[1][d] = (word, {})
                return
            node = child

    def search(self, word, limit):
        out = []
        stack = [self.root]
        while stack:
            w, children = stack.pop()
            d = distance(word, w, 99)
            if d <= limit:
                out.append((d, w))
            for k, child in children.items():
                if d - limit <= k <= d + limit:
                    stack.append(child)
        return sorted(out)


def main():
    rng = random.Random(4711)
    freq = make_dictionary(rng, 3000)
    words = list(freq)
    by_length = {}
    for w in words:
        by_length.setdefault(len(w), []).append(w)
    tests = []
    for _ in range(110):
        # common words are misspelled more often
        w = words[int(rng.random() ** 2 * len(words))]
        tests.append((w, misspell(rng, w)))
    right1 = right2 = agree = 0
    dist_hist = {}
    for i, (truth, typo) in enumerate(tests):
        c1, d1 = correct_by_edits(typo, freq) if i % 2 == 0 else (None, None)
        c2, d2 = correct_by_distance(typo, by_length, freq)
        if c1 == truth:
            right1 += 1
        if c2 == truth:
            right2 += 1
        if i % 2 == 0 and c1 == c2:
            agree += 1
        dist_hist[d2] = dist_hist.get(d2, 0) + 1
    print("dictionary:", len(freq), "tests:", len(tests))
    print("edit-candidate corrector right:", right1, "of", len(tests[::2]))
    print("distance corrector right:", right2, "of", len(tests), "agree with candidates:", agree)
    print("distance histogram:", sorted(dist_hist.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))
    tree = BKTree()
    for w in words[:1500]:
        tree.add(w)
    found = 0
    for truth, typo in tests[:40]:
        hits = tree.search(typo, 2)
        found += len(hits)
    print("bk-tree matches within distance 2:", found)
    print("sample:", [(t, typo, correct_by_distance(typo, by_length, freq)[0]) for t, typo in tests[:4]])


if __name__ == "__main__":
    main()
