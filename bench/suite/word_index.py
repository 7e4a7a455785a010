"""Word frequencies, bigrams and an inverted index with boolean and ranked queries.

Workload: dict-heavy code. A corpus of documents is generated from a made-up
vocabulary with a Zipf-like distribution (seeded ``random.Random``). Words are
counted with plain dicts (``get``), ``setdefault``, ``collections.Counter`` and
``defaultdict``; bigram counts use tuple keys; an inverted index maps each word
to a posting dict ``{doc_id: [positions]}``. Then AND/OR/NOT queries, phrase
queries (position intersection) and TF-IDF ranked queries are answered. All
printed rankings break ties by key so output never depends on hash order.
"""
import bisect
import math
import random
from collections import Counter, defaultdict

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "an", "el", "or", "qu", "zi", "ve"]


def make_vocabulary(rng, n):
    vocab = []
    seen = set()
    while len(vocab) < n:
        w = "".join(SYLLABLES[rng.randrange(len(SYLLABLES))] for _ in range(rng.randrange(1, 5)))
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    return vocab


def make_corpus(rng, vocab, n_docs):
    weights = [1.0 / (i + 1) for i in range(len(vocab))]
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    docs = []
    for _ in range(n_docs):
        length = rng.randrange(40, 260)
        words = []
        for _ in range(length):
            words.append(vocab[bisect.bisect_left(cum, rng.random() * acc)])
        docs.append(" ".join(words))
    return docs


class Index:
    def __init__(self):
        self.postings = {}
        self.doc_len = {}
        self.df = {}

    def add(self, doc_id, text):
        words = text.split()
        self.doc_len[doc_id] = len(words)
        for pos, w in enumerate(words):
            plist = self.postings.get(w)
            if plist is None:
                plist = self.postings[w] = {}
            positions = plist.get(doc_id)
            if positions is None:
                positions = plist[doc_id] = []
                self.df[w] = self.df.get(w, 0) + 1
            positions.append(pos)

    def docs(self, word):
        return self.postings.get(word, {})

    def all_of(self, words):
        lists = sorted((self.docs(w) for w in words), key=len)
        if not lists:
            return []
        result = [d for d in lists[0] if all(d in other for other in lists[1:])]
        return sorted(result)

    def any_of(self, words):
        out = {}
        for w in words:
            for d in self.docs(w):
                out[d] = True
        return sorted(out)

    def but_not(self, must, nots):
        base = self.all_of(must)
        bad = {}
        for w in nots:
            for d in self.docs(w):
                bad[d] = True
        return [d for d in base if d not in bad]

    def phrase(self, words):
        candidates = self.all_of(words)
        hits = []
        for d in candidates:
            starts = self.postings[words[0]][d]
            follow = [dict.fromkeys(self.postings[w][d]) for w in words[1:]]
            for p in starts:
                ok = True
                for k, positions in enumerate(follow):
                    if p + k + 1 not in positions:
                        ok = False
                        break
                if ok:
                    hits.append(d)
                    break
        return hits

    def ranked(self, words, k):
        n = len(self.doc_len)
        scores = defaultdict(float)
        for w in words:
            plist = self.docs(w)
            if not plist:
                continue
            idf = math.log(n / len(plist))
            for d, positions in plist.items():
                scores[d] += len(positions) / self.doc_len[d] * idf
        ranking = sorted(scores.items(), key=lambda ds: (-round(ds[1], 9), ds[0]))
        return [d for d, _ in ranking[:k]]


def main():
    rng = random.Random(1001)
    vocab = make_vocabulary(rng, 3000)
    docs = make_corpus(rng, vocab, 2200)

    freq = {}
    for doc in docs:
        for w in doc.split():
            freq[w] = freq.get(w, 0) + 1
    counter = Counter()
    for doc in docs:
        counter.update(doc.split())
    assert counter == Counter(freq)
    by_len = {}
    for w, c in freq.items():
        by_len.setdefault(len(w), []).append((c, w))
    top = sorted(freq.items(), key=lambda wc: (-wc[1], wc[0]))[:8]
    print("distinct words:", len(freq), "tokens:", sum(freq.values()))
    print("top words:", top)
    print("longest words by frequency:", sorted(by_len[max(by_len)], reverse=True)[:3])

    bigrams = defaultdict(int)
    for doc in docs:
        words = doc.split()
        for a, b in zip(words, words[1:]):
            bigrams[(a, b)] += 1
    top_bi = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("bigrams:", len(bigrams), "top:", top_bi)
    followers = {}
    for (a, b), c in bigrams.items():
        followers.setdefault(a, {})[b] = c
    chain = [top[0][0]]
    for _ in range(8):
        options = followers[chain[-1]]
        fresh = [(c, b) for b, c in options.items() if b not in chain]
        chain.append(max(fresh)[1])
    print("most likely chain:", " ".join(chain))

    index = Index()
    for i, doc in enumerate(docs):
        index.add(i, doc)
    qrng = random.Random(5)
    common = [w for w, _ in sorted(freq.items(), key=lambda wc: (-wc[1], wc[0]))[:200]]
    and_hits = or_hits = not_hits = phrase_hits = 0
    rank_check = 0
    for q in range(450):
        a, b, c = (common[qrng.randrange(len(common))] for _ in range(3))
        and_hits += len(index.all_of([a, b]))
        or_hits += len(index.any_of([a, b, c]))
        not_hits += len(index.but_not([a], [b, c]))
        if q % 3 == 0:
            phrase_hits += len(index.phrase([a, b]))
        for rank, d in enumerate(index.ranked([a, b, c], 5)):
            rank_check = (rank_check * 13 + d * (rank + 1)) % 1000000007
    print("AND hits:", and_hits, "OR hits:", or_hits, "NOT hits:", not_hits, "phrase hits:", phrase_hits)
    print("ranking checksum:", rank_check)
    print("document frequency of top word:", index.df[top[0][0]], "postings keys:", len(index.postings))


if __name__ == "__main__":
    main()
