# bitwise mixes: xorshift32, FNV-1a style hashing, popcount by clearing low bits
import sys
import time


def xorshift(n, s):
    acc = 0
    mix = 0
    for i in range(n):
        s ^= (s << 13) & 0xFFFFFFFF
        s ^= s >> 17
        s ^= (s << 5) & 0xFFFFFFFF
        acc = (acc + (s & 0xFFFF)) & 0xFFFFFFFF
        mix ^= (s | i) & ~(s >> 3)
    return s, acc, mix


def fnv(n):
    h = 2166136261
    for i in range(n):
        h = ((h ^ (i & 0xFF)) * 16777619) & 0xFFFFFFFF
        h = ((h ^ ((i >> 8) & 0xFF)) * 16777619) & 0xFFFFFFFF
    return h


def popcounts(n):
    total = 0
    for i in range(n):
        x = i ^ (i >> 1)
        while x:
            x &= x - 1
            total += 1
    return total


warm = (xorshift(3000, 1), fnv(3000), popcounts(3000))

t0 = time.perf_counter()
r1 = xorshift(3_000_000, 2463534242)
r2 = fnv(3_000_000)
r3 = popcounts(900_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3)
