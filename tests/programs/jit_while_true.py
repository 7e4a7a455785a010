# while True with break, trip counts 0 and 1
n = 27
steps = 0
while True:
    if n == 1:
        break
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
def longest_collatz(limit):
    best, best_n = 0, 0
    for start in range(1, limit):
        n = start
        c = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            c += 1
        if c > best:
            best, best_n = c, start
    return best_n, best
print(longest_collatz(1000))
count = 0
while False:
    count += 1
print("zero-trip while", count)
i = 0
while i < 1:
    i += 1
    count += 10
print("one-trip while", count, i)
for t in range(0):
    count += 100
for t in range(1):
    count += 1000
print("for trips", count, t)
x = 100
while True:
    x -= 7
    if x < 0:
        break
    if x % 2:
        continue
print("x", x)
attempts = 0
while True:
    attempts += 1
    if attempts * attempts > 2000:
        break
print("attempts", attempts)
def first_repeat(seq):
    seen = set()
    i = 0
    while True:
        v = seq[i % len(seq)] + i // len(seq)
        if v in seen:
            return v, i
        seen.add(v)
        i += 1
print(first_repeat([3, 1, 4, 1, 5]))
