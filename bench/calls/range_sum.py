# recursive sums over ranges: halving to one element, halving to short loops, linear recursion ~750 deep
import sys
import time


def split_sum(lo, hi):
    # sum of (i * i) % 7 + i over range(lo, hi), halving the range down to single elements
    if hi - lo == 1:
        return lo * lo % 7 + lo
    if hi <= lo:
        return 0
    mid = (lo + hi) // 2
    return split_sum(lo, mid) + split_sum(mid, hi)


def leaf_sum(lo, hi, leaf):
    # the same sum, halving down to ranges of at most `leaf` elements summed by a loop
    if hi - lo <= leaf:
        s = 0
        for i in range(lo, hi):
            s += i * i % 7 + i
        return s
    mid = (lo + hi) // 2
    return leaf_sum(lo, mid, leaf) + leaf_sum(mid, hi, leaf)


def down_sum(n, step):
    # sum of n, n - step, n - 2*step, ... > 0, one call per term
    if n <= 0:
        return 0
    return n + down_sum(n - step, step)


def float_split(lo, hi):
    # sum of 1 / (i + 1) over range(lo, hi), halving (a fixed order of additions)
    if hi - lo == 1:
        return 1.0 / (lo + 1)
    mid = (lo + hi) // 2
    return float_split(lo, mid) + float_split(mid, hi)


def down_sums(rounds, depth):
    total = 0
    for r in range(rounds):
        total += down_sum(depth + r % 50, 1 + r % 3)
    return total


warm = (split_sum(0, 3000), leaf_sum(-500, 2500, 24), down_sums(40, 300), float_split(0, 3000))

t0 = time.perf_counter()
r1 = split_sum(-1_000_000, 1_500_000)
r2 = leaf_sum(0, 5_000_000, 24)
r3 = down_sums(4_000, 700)
r4 = float_split(0, 1_500_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(r1, r2, r3, repr(r4))
