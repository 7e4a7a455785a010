# a graph's weighted edges drawn by a small LCG object's methods and appended as (weight, a, b)
# triples: suite/graph_structure.py's random_edges, over a class native code takes (not random.Random)
class Rng:
    def __init__(self, seed):
        self.s = seed

    def randrange(self, n):
        self.s = (self.s * 1103515245 + 12345) % 2147483648
        return self.s % n

    def randint(self, a, b):
        return a + self.randrange(b - a + 1)


def random_edges(rng, n, m):
    edges = []
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            edges.append((rng.randint(1, 1000), a, b))
    return edges


rng = Rng(1)
tot = 0
check = 0
for k in range(6):
    e = random_edges(rng, 1000, 100000)
    tot += len(e)
    check += sum(w for w, _, _ in e[::97])
print(tot, check, e[:2])
