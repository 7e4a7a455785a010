# recursive calls: naive Fibonacci (two calls per call, int and float), and a loop summing fib(k)
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_float(x):
    if x < 2.0:
        return x
    return fib_float(x - 1.0) + fib_float(x - 2.0)


def fib_sum(lo, hi):
    total = 0
    for k in range(lo, hi):
        total += fib(k)
    return total


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
warm = (fib(16), fib_float(14.0), fib_sum(0, 17))

t0 = time.perf_counter()
r1 = fib(33)
r2 = fib_float(31.0)
r3 = fib_sum(10, 33)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(r1, repr(r2), r3)
