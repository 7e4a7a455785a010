# int overflow past 64 bits mid-loop
x = 1
for i in range(100):
    x *= 3
    if i in (38, 39, 40, 41, 62, 99):
        print(i, x)
f = 1
for i in range(1, 41):
    f *= i
    if i >= 19:
        print(i, f)
s = 2 ** 62
for i in range(10):
    s += 2 ** 61
print(s, s > 2 ** 63, s - 2 ** 64)
n = -(2 ** 63)
for i in range(5):
    n -= 1
print(n)
a, b = 0, 1
for i in range(200):
    a, b = b, a + b
print(a)
m = 9223372036854775807
for i in range(3):
    m = m + 1
    print(m, m * 2, -m)
sq = 3
for i in range(7):
    sq = sq * sq
print(sq, len(str(sq)))
total = 0
for i in range(1000):
    total += i * (2 ** 60)
print(total, total // (2 ** 60))
shrink = 2 ** 200
steps = 0
while shrink > 1:
    shrink //= 3
    steps += 1
print(steps, shrink)
prod = 1
for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61]:
    prod *= p
print(prod, prod % 1000000007, prod.bit_length())
neg = 1
for i in range(70):
    neg *= -2
print(neg, abs(neg), neg >> 60)
