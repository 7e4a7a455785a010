# numeric functions running loops of their own, called often from code the JIT leaves
# to CPython (a generator of records, string formatting, a dict of results)
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


def records(count):
    for i in range(count):
        yield "item%d" % i, 100000 + 37 * i, (i % 17) * 0.05


report = {}
lines = []
for name, n, x in records(40000):
    p = is_prime(n)
    key = "prime" if p else "composite"
    report[key] = report.get(key, 0) + 1
    entry = "%s:%d:%d:%.6f" % (name, digit_sum(n), collatz_steps(n % 5000 + 1), poly(x, 60))
    if len(lines) < 5 or p and n % 1000 == 1:
        lines.append(entry)
print(sorted(report.items()), len(lines))
for line in lines[:12]:
    print(line)
