# sieve of Eratosthenes over a list of bools: marking multiples, counting primes, twin
# primes and prime gaps by scanning the flags; a segmented sieve reusing one flag list
import sys
import time


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for k in range(i * i, n + 1, i):
                flags[k] = False
        i += 1
    return flags


def count_primes(flags):
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def twins_and_gaps(flags):
    twins = 0
    widest = 0
    last = 2
    for k in range(3, len(flags)):
        if flags[k]:
            if k - last == 2:
                twins += 1
            if k - last > widest:
                widest = k - last
            last = k
    return twins, widest, last


def segmented(lo, hi, small_primes_flags):
    # primes in [lo, hi) marked with the small primes up to sqrt(hi)
    size = hi - lo
    seg = [True] * size
    for p in range(2, len(small_primes_flags)):
        if not small_primes_flags[p]:
            continue
        if p * p >= hi:
            break
        start = max(p * p, (lo + p - 1) // p * p)
        for k in range(start, hi, p):
            seg[k - lo] = False
    count = 0
    for f in seg:
        if f:
            count += 1
    return count


def segments(lo, hi, width, small):
    total = 0
    for a in range(lo, hi, width):
        total += segmented(a, min(a + width, hi), small)
    return total


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
wf = sieve(5000)
warm = (count_primes(wf), twins_and_gaps(wf), segments(10_000, 20_000, 2_000, sieve(200)))

t0 = time.perf_counter()
flags = sieve(5_000_000)
r1 = count_primes(flags)
r2 = twins_and_gaps(flags)
r3 = segments(100_000_000, 104_000_000, 100_000, sieve(11_000))
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3)
