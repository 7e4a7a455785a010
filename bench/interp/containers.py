# list and dict work: building, indexing, counting, sorting
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
counts = {}
table = []
for i in range(1000000):
    w = words[(i * 7) % len(words)]
    counts[w] = counts.get(w, 0) + 1
    if i % 3 == 0:
        table.append((i % 97, w))
table.sort()
buckets = [[] for _ in range(10)]
for k, w in table:
    buckets[k % 10].append(len(w))
print(sorted(counts.items()), [sum(b) for b in buckets], len(table))
