# empty ranges, negative steps, big-int ranges
cases = [(0, 0, 1), (5, 0, 1), (0, 5, -1), (10, 0, -1), (10, 0, -3), (-5, 5, 2), (5, -5, -2), (0, 1, 1), (0, 100, 200), (100, 0, -200)]
for a, b, c in cases:
    s = 0
    n = 0
    last = None
    for i in range(a, b, c):
        s += i
        n += 1
        last = i
    print((a, b, c), n, s, last, len(range(a, b, c)))
big = 2 ** 70
s = 0
for i in range(big, big + 5):
    s += i - big
print(s)
for i in range(big + 4, big - 1, -2):
    print(i - big, end=" ")
print()
neg_big = 0
for i in range(-(2 ** 65), -(2 ** 65) + 3):
    neg_big += i
print(neg_big)
cnt = 0
for i in range(10 ** 18, 10 ** 18 + 1000, 7):
    cnt += i % 3
print(cnt)
acc = 0
for i in range(1000, -1000, -13):
    acc += i
print(acc)
r = range(50, -50, -9)
total = 0
for idx in range(len(r)):
    total += r[idx] * r[-1 - idx]
print(total)
