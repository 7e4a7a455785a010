# numeric functions running loops of their own, called often from code the JIT leaves
# to CPython (a loop over a generator of records, string formatting, a dict of results):
# compiled whole once their loops compiled, their calls native from the baseline
import sys
import time


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    for d in range(3, n, 2):
        if d * d > n:
            return True
        if n % d == 0:
            return False
    return True


def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s


def poly(x, k):
    acc = 0.0
    for i in range(k):
        acc = acc * x + (i % 5 - 2) * 0.25
    return acc


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def records(count, first):
    for i in range(count):
        yield "item%d" % i, first + 37 * i, (i % 17) * 0.05


def report(count, first):
    kinds = {}
    lines = []
    for name, n, x in records(count, first):
        p = is_prime(n)
        key = "prime" if p else "composite"
        kinds[key] = kinds.get(key, 0) + 1
        entry = "%s:%d:%d:%r" % (name, digit_sum(n), collatz_steps(n % 5000 + 1), poly(x, 60))
        if len(lines) < 5 or p and n % 1000 == 1:
            lines.append(entry)
    return sorted(kinds.items()), lines


warm = report(2000, 1001)

t0 = time.perf_counter()
kinds, lines = report(60000, 100001)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm[0], warm[1][:3])
print(kinds, len(lines))
for line in lines[:12]:
    print(line)
