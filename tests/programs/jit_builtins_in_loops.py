# abs/min/max/int()/float()/len() and more inside loops
s_abs = 0
s_min = 0
s_max = 0
for i in range(-2000, 2000):
    s_abs += abs(i)
    s_min += min(i, 0)
    s_max += max(i, i % 7, -i // 3)
print(s_abs, s_min, s_max)
conv = 0
fconv = 0.0
for i in range(3000):
    conv += int(i / 7)
    conv += int(-i / 7)
    fconv += float(i) / 3
print(conv, repr(fconv))
lens = 0
words = ["a", "bb", "ccc", "", "dddd"]
for i in range(5000):
    lens += len(words[i % 5])
print(lens)
mn, mx = float("inf"), float("-inf")
for i in range(1000):
    v = ((i * 7919) % 1009) - 500
    mn = min(mn, v)
    mx = max(mx, v)
print(mn, mx)
r = 0
for i in range(1000):
    r += round(i / 3) + int(str(i)[-1])
print(r)
fl = 0.0
for i in range(1, 500):
    fl += abs(-1.5 / i) + float(int(i * 0.999))
print(repr(fl))
cnt = 0
for i in range(2000):
    if bool(i % 3) and not (i % 5 == 0):
        cnt += 1
print(cnt)
chars = 0
for i in range(1000):
    chars += ord(chr(65 + i % 26)) - 65
print(chars)
print([abs(x) for x in range(-3, 4)], [max(x, 3 - x) for x in range(7)], [int(x * 1.5) for x in range(-3, 4)])
