# word counting with dict and sorting
words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 30000).split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
pairs = {}
for a, b in zip(words, words[1:]):
    k = a + " " + b
    pairs[k] = pairs.get(k, 0) + 1
print(sorted(counts.items())[:3], len(pairs))
