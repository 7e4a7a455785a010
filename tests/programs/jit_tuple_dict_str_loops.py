# tuple unpacking, dict updates and string ops inside loops
pairs = [(i, i * i) for i in range(100)]
sa = sb = 0
for a, b in pairs:
    sa += a
    sb += b
print(sa, sb)
x, y = 0, 1
for _ in range(90):
    x, y = y, x + y
print(x, y)
counts = {}
for i in range(5000):
    k = i % 11
    counts[k] = counts.get(k, 0) + i
print(sorted(counts.items()))
s = ""
for i in range(300):
    s += "ab"[i % 2]
print(len(s), s[:10], s.count("ab"))
words = ["x", "yy", "zzz"]
out = []
for i in range(30):
    w = words[i % 3]
    out.append(w.upper() if i % 2 else w)
print("".join(out))
t = (1, 2, 3)
tot = 0
for i in range(3000):
    a, b, c = t
    tot += a * i + b - c
    t = (b, c, a)
print(tot, t)
m = {}
for i in range(1000):
    m[(i % 10, i % 7)] = i
print(len(m), m[(3, 3)], m[(9, 6)])
