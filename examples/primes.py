"""Count primes below a bound with a sieve, then check the count by trial division.

Both loops are hot: run with `tauraro run --jit-stats examples/primes.py` to see
them compiled to WebAssembly, and with `--no-jit` to see the interpreter alone.
"""
import sys
import time


def sieve(n):
    flags = [1] * n
    flags[0] = flags[1] = 0
    i = 2
    while i * i < n:
        if flags[i]:
            j = i * i
            while j < n:
                flags[j] = 0
                j += i
        i += 1
    count = 0
    for k in range(n):
        count += flags[k]
    return count


def trial_division(n):
    count = 0
    for m in range(2, n):
        d = 2
        prime = 1
        while d * d <= m:
            if m % d == 0:
                prime = 0
                break
            d += 1
        count += prime
    return count


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
t0 = time.perf_counter()
a = sieve(n)
b = trial_division(n)
elapsed = time.perf_counter() - t0
print(f"primes below {n}: sieve {a}, trial division {b}")
print(f"agree: {a == b}")
print(f"time: {elapsed:.3f} s", file=sys.stderr)
