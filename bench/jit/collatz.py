# while-loops: Collatz sequence lengths (longest chain, total steps)
import sys
import time


def collatz(lo, hi):
    best = 0
    arg = 0
    total = 0
    for start in range(lo, hi):
        x = start
        steps = 0
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x = x // 2
            steps += 1
        total += steps
        if steps > best:
            best = steps
            arg = start
    return best, arg, total


def collatz_while(n):
    # both loops are while-loops
    start = 1
    peak = 0
    while start < n:
        x = start
        while x > 1:
            x = x >> 1 if x % 2 == 0 else x * 3 + 1
            if x > peak:
                peak = x
        start += 1
    return peak


warm = (collatz(1, 3000), collatz_while(3000))

t0 = time.perf_counter()
r1 = collatz(1, 240_000)
r2 = collatz_while(120_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2)
