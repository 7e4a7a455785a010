# big lists, one or two passes each: the cost of copying lists into native memory dominates
# (a known limit, see bench/README.md): sieve of Eratosthenes on 3M flags, prefix sums, reversal
import sys
import time


def sieve(n):
    flags = [1] * (n + 1)
    flags[0] = 0
    flags[1] = 0
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = 0
        i += 1
    count = 0
    last = 0
    for k in range(n + 1):
        if flags[k]:
            count += 1
            last = k
    return count, last


def prefix(a):
    n = len(a)
    p = [0] * (n + 1)
    for i in range(n):
        p[i + 1] = p[i] + a[i]
    best = p[1] - p[0]
    for i in range(1, n + 1):
        for w in (1, 5, 17):
            if i >= w:
                d = p[i] - p[i - w]
                best = max(best, d)
    return p[n], best


def reverse_rounds(a, rounds):
    n = len(a)
    for r in range(rounds):
        i = 0
        j = n - 1
        while i < j:
            t = a[i]
            a[i] = a[j]
            a[j] = t
            i += 1
            j -= 1
        a[r % n] += r
    s = 0
    for v in a:
        s = s * 3 + v & 0xFFFFFFFF
    return s


def fsum_list(xs):
    s = 0.0
    m = 0.0
    for x in xs:
        s += x
        m = max(m, abs(x))
    return s, m


warm = (sieve(5000), prefix([(i * 7) % 13 - 6 for i in range(3000)]),
        reverse_rounds(list(range(1000)), 5), fsum_list([i * 0.5 - 100.0 for i in range(3000)]))

data = [(i * 7919) % 1001 - 500 for i in range(500_000)]
arr = list(range(250_000))
xs = [((i * 37) % 1000) * 0.25 - 120.0 for i in range(700_000)]
t0 = time.perf_counter()
r1 = sieve(3_000_000)
r2 = prefix(data)
r3 = reverse_rounds(arr, 14)
r4 = fsum_list(xs)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3, repr(r4))
