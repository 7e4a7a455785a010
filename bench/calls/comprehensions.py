# list comprehensions and generator expressions handed to sum/max/min, reading enclosing
# variables and calling small helpers: statistics over a sample, a histogram, a polynomial,
# sums and lists over pairs of nearby samples (several for clauses)
import math
import sys
import time


def poly(x, a, b, c):
    return (a * x + b) * x + c


def stats(xs):
    n = len(xs)
    mean = sum(x for x in xs) / n
    var = sum((x - mean) * (x - mean) for x in xs) / n
    spread = max(abs(x - mean) for x in xs)
    low = min(x * 0.5 for x in xs if x > mean)
    return mean, var, spread, low


def histogram(xs, lo, width, bins):
    return [sum(1 for x in xs if lo + k * width <= x < lo + (k + 1) * width) for k in range(bins)]


def curve(n, a, b, c):
    h = 1.0 / n
    ys = [poly(i * h, a, b, c) for i in range(n)]
    return sum(ys), max(ys)


def residues(n, m):
    return sum(i * i % m for i in range(n) if i % 3)


def dot(xs, ys):
    return sum(x * y for x, y in zip(xs, ys))


def pairs(ks, w):
    # several for clauses: the inner range depends on the outer variable
    n = len(ks)
    total = sum(ks[i] * ks[j] % 1009 for i in range(n) for j in range(i + 1, min(i + w, n)))
    close = [ks[i] - ks[j] for i in range(0, n, 4) for j in range(i + 1, min(i + w, n))
             if (ks[i] ^ ks[j]) & 7 == 0]
    return total, len(close), sum(close)


def sample(n, seed):
    out = []
    s = seed
    for _ in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        out.append(s / 2147483648.0 * 10.0 - 5.0)
    return out


xs = sample(200_000, 7)
ys = sample(200_000, 11)
ks = [int(x * 1000.0) for x in xs[:100_000]]
warm = (stats(xs[:1000]), histogram(xs[:1000], -5.0, 1.0, 10), curve(1000, 1.0, -2.0, 0.5),
        residues(1000, 97), dot(xs[:1000], ys[:1000]), pairs(ks[:1000], 4))

t0 = time.perf_counter()
r = []
for rep in range(5):
    r.append((stats(xs), histogram(xs, -5.0, 1.0, 10), curve(400_000, 1.0, -2.0, 0.5 + rep),
              residues(1_000_000, 97 + rep), dot(xs, ys), pairs(ks, 4 + rep)))
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r[-1])
print(math.fsum(v[0][1] for v in r))
