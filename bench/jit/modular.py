# modular arithmetic: modpow by squaring (inlined), Fermat checks, LCG streams
import sys
import time

M = 1000000007


def modpow_sum(n, m):
    total = 0
    for i in range(n):
        b = (i + 2) % m
        e = i * 7919 + 12345
        r = 1
        while e > 0:
            if e & 1:
                r = r * b % m
            b = b * b % m
            e >>= 1
        total = (total + r) % m
    return total


def fermat_count(lo, hi):
    # numbers p in [lo, hi) with 2^(p-1) % p == 1 (probable primes base 2)
    count = 0
    for p in range(lo, hi, 2):
        b = 2
        e = p - 1
        r = 1
        while e:
            if e & 1:
                r = r * b % p
            b = b * b % p
            e >>= 1
        if r == 1:
            count += 1
    return count


def lcg32(n, seed):
    x = seed
    s = 0
    for i in range(n):
        x = (x * 1664525 + 1013904223) % 4294967296
        s = (s * 31 + (x >> 16)) % M
    return x, s


warm = (modpow_sum(300, M), fermat_count(1001, 3001), lcg32(3000, 1))

t0 = time.perf_counter()
r1 = modpow_sum(150_000, M)
r2 = fermat_count(1_000_001, 1_100_001)
r3 = lcg32(5_000_000, 42)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3)
