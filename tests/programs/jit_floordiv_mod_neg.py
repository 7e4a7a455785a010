# // and % with negative operands inside loops
s1 = s2 = 0
for a in range(-300, 300):
    for b in (-7, -3, -1, 2, 5):
        s1 += a // b
        s2 += a % b
print(s1, s2)
rows = []
for a in range(-6, 7, 3):
    rows.append([(a // b, a % b) for b in (-4, -3, 3, 4)])
for r in rows:
    print(r)
check = 0
for a in range(-1000, 1000, 13):
    for b in range(-50, 51, 9):
        if b == 0:
            continue
        q, r = a // b, a % b
        if q * b + r != a:
            check += 1
        if (r != 0) and ((r < 0) != (b < 0)):
            check += 1000
print("identity failures:", check)
f1 = 0.0
for a in range(-50, 50):
    f1 += (a / 4.0) // 1.5 + (a * 0.7) % -2.5
print(repr(f1))
dm = [divmod(-x, 7) for x in range(0, 30, 4)]
print(dm)
big = 0
for i in range(1, 200):
    big += (-(10 ** 20) * i) // 7 + (-(10 ** 20) * i) % 7
print(big)
