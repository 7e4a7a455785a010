# unary - + ~ not on loop values, int ** small exponent, bool arithmetic
s_neg = s_inv = s_pos = s_not = 0
for i in range(-1000, 1000):
    s_neg += -i * (i % 3)
    s_inv += ~i & 0xFF
    s_pos += +i
    s_not += not (i % 4)
print(s_neg, s_inv, s_pos, s_not)
pw = 0
for i in range(-50, 50):
    pw += i ** 2 - i ** 3 + (i % 5) ** 4
print(pw)
cubes = [i ** 3 for i in range(-5, 6)]
print(cubes, [2 ** i for i in range(0, 70, 10)], [(-2) ** i for i in range(8)])
fp = 0.0
for i in range(1, 100):
    fp += i ** 0.5 + i ** -1
print(repr(fp))
bools = 0
for i in range(1000):
    bools += (i % 2 == 0) + (i % 3 == 0) * 2 - (i > 500)
print(bools)
t = True
cnt = 0
for i in range(101):
    t = not t
    cnt += t
print(t, cnt)
vals = []
for x in (0, 1, -1, 2 ** 65, -2 ** 65):
    vals.append((-x, +x, ~x, not x, -(-x) == x))
print(vals)
fl = 0.0
for i in range(10):
    fl = -fl + i
print(repr(fl), repr(-fl), repr(+fl))
sq = 0
for i in range(10000):
    sq += (i % 100) ** 2
print(sq)
