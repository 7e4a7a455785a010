# word frequencies: a text generated from a fixed word list by an LCG (sentences with
# capitals, commas and full stops), split into words, normalised, and counted in a dict
# (counts[w] = counts.get(w, 0) + 1); word lengths, letters and word pairs counted in
# dicts too; the most frequent words found by a scan and by sorting the items
import sys
import time

WORDS = ("the of and to in is was he for it with as his on be at by had are but from or "
         "she an which you one we all were her would there their will when who him been "
         "has more if no out so said what up its about than into them can only other new "
         "some could time these two may first then do any like my now over such our man me "
         "even most made after also did many before must through back years where much your "
         "way well down should because each just those people how too little state good very "
         "make world still own see men work long get here between both life being under never "
         "day same another know while last might us great old year off come since against go "
         "came right used take three river garden lantern copper meadow harbour whistle "
         "orchard thunder pebble").split()


def make_text(n_words, seed):
    # sentences of 4-15 words: the first capitalised, commas now and then, a full stop
    s = seed
    out = []
    left = 0
    for i in range(n_words):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        # skewed choice: small indexes are much more frequent, as in real text
        r = (s >> 4) % 1000
        k = (r * r // 1000) * len(WORDS) // 1000
        w = WORDS[k]
        if left == 0:
            w = w[0].upper() + w[1:]
            left = 4 + (s >> 12) % 12
        left -= 1
        if left == 0:
            w += "."
        elif (s >> 20) % 9 == 0:
            w += ","
        out.append(w)
    return " ".join(out)


def count_words(text):
    counts = {}
    for raw in text.split():
        w = raw.strip(".,").lower()
        counts[w] = counts.get(w, 0) + 1
    return counts


def count_lengths_and_letters(text):
    lengths = {}
    letters = {}
    for raw in text.split():
        w = raw.strip(".,").lower()
        n = len(w)
        if n in lengths:
            lengths[n] += 1
        else:
            lengths[n] = 1
        for ch in w:
            letters[ch] = letters.get(ch, 0) + 1
    return lengths, letters


def count_pairs(text):
    pairs = {}
    prev = ""
    for raw in text.split():
        w = raw.strip(".,").lower()
        if prev:
            key = prev + " " + w
            pairs[key] = pairs.get(key, 0) + 1
        prev = "" if raw.endswith(".") else w
    return pairs


def most_frequent(counts):
    best = ""
    best_n = 0
    for w, n in counts.items():
        if n > best_n or (n == best_n and w < best):
            best = w
            best_n = n
    return best, best_n


def top(counts, k):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return items[:k]


def analyse(text):
    counts = count_words(text)
    lengths, letters = count_lengths_and_letters(text)
    pairs = count_pairs(text)
    return (len(counts), most_frequent(counts), top(counts, 5), sorted(lengths.items()),
            top(letters, 6), len(pairs), top(pairs, 3))


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
warm = analyse(make_text(2_000, 7))

text = make_text(1_000_000, 2025)
t0 = time.perf_counter()
result = analyse(text)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
for part in result:
    print(part)
