# Loops nested four deep, for and while mixed, in a function and at module level: each
# loop is one site of the JIT however deep the copies of enclosing loops put it.


def walk(n):
    t = 0
    for a in range(n):
        for b in range(a):
            k = b
            while k:
                for c in range(k):
                    t += c * (a - b)
                    if t > 10 ** 6:
                        t %= 997
                k -= 1
            for d in range(b):
                t -= d
    return t


def search(limit):
    found = []
    x = 0
    while x < limit:
        y = 0
        while y < x:
            for z in range(y):
                for w in range(z):
                    if w * w + z * z == y * y + x:
                        found.append((x, y, z, w))
            y += 1
        x += 1
    return found


print(walk(18), walk(25))
print(len(search(14)), search(14)[:5])

total = 0
for i in range(12):
    for j in range(i):
        m = j
        while m > 0:
            for q in range(m):
                total += q ^ i
            m -= 2
print(total)
