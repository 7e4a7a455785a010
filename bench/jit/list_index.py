# list indexing: many reads and writes per element -- dynamic programming, in-place
# sorting, sliding windows and a histogram -- over lists of a few thousand numbers
import sys
import time


def lis_length(a):
    # longest strictly increasing subsequence, O(n^2) dynamic programming
    n = len(a)
    best = [1] * n
    longest = 1
    for i in range(1, n):
        bi = 1
        ai = a[i]
        for j in range(i):
            if a[j] < ai and best[j] + 1 > bi:
                bi = best[j] + 1
        best[i] = bi
        if bi > longest:
            longest = bi
    return longest


def insertion_sort(a):
    for i in range(1, len(a)):
        x = a[i]
        j = i - 1
        while j >= 0 and a[j] > x:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = x
    check = 0
    for i in range(len(a)):
        check = (check * 131 + a[i] + i) % 1000000007
    return check


def windows(xs, w):
    # maximum sum and maximum spread over every window of w floats
    n = len(xs)
    best = -1e300
    spread = 0.0
    for i in range(n - w + 1):
        s = 0.0
        lo = xs[i]
        hi = xs[i]
        for k in range(i, i + w):
            v = xs[k]
            s += v
            lo = min(lo, v)
            hi = max(hi, v)
        best = max(best, s)
        spread = max(spread, hi - lo)
    return best, spread


def histogram(data, buckets, rounds):
    counts = [0] * buckets
    for r in range(rounds):
        for i in range(len(data)):
            counts[(data[i] * (r + 1)) % buckets] += 1
    peak = 0
    for b in range(buckets):
        peak = max(peak, counts[b])
    return peak, counts[0], counts[buckets - 1]


def numbers(n, seed):
    x = seed
    out = [0] * n
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = x % 10000
    return out


warm = (lis_length(numbers(300, 1)), insertion_sort(numbers(300, 2)),
        windows([v * 0.25 - 100.0 for v in numbers(300, 3)], 16), histogram(numbers(500, 4), 97, 3))

a1 = numbers(4500, 11)
a2 = numbers(3600, 12)
xs = [v * 0.25 - 1250.0 for v in numbers(60000, 13)]
d = numbers(20000, 14)
t0 = time.perf_counter()
r1 = lis_length(a1)
r2 = insertion_sort(a2)
r3 = windows(xs, 24)
r4 = histogram(d, 251, 80)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, repr(r3), r4)
