# comparison chains: bucket pseudo-random values with a < b <= c chains, if/elif trees
import sys
import time


def buckets(n, seed):
    x = seed
    c0 = c1 = c2 = c3 = c4 = 0
    edge = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        v = x % 1000
        if v < 100:
            c0 += 1
        elif 100 <= v < 350:
            c1 += 1
        elif 350 <= v <= 700:
            c2 += 1
        elif 700 < v < 999:
            c3 += 1
        else:
            c4 += 1
        w = (x >> 10) % 1000
        if v < w <= 500 < x % 997:
            edge += 1
        if not (0 <= v < 1000) or w == v == 0:
            edge -= 1
    return c0, c1, c2, c3, c4, edge


def in_band(n):
    # count lattice points i, j with lo < i*i + j*j <= hi, via a chained comparison
    count = 0
    same = 0
    for i in range(-n, n + 1):
        s = i * i
        for j in range(-n, n + 1):
            if 0 < s + j * j <= n * n:
                count += 1
            if i != j != -i and i <= j:
                same += 1
    return count, same


warm = (buckets(3000, 7), in_band(40))

t0 = time.perf_counter()
r1 = buckets(6_000_000, 12345)
r2 = in_band(850)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2)
