# loop-carried float accumulations
s = 0.0
for i in range(100000):
    s += 0.1
print(repr(s))
k = 0.0
c = 0.0
for i in range(100000):
    y = 0.1 - c
    t = k + y
    c = (t - k) - y
    k = t
print(repr(k))
mean = 0.0
m2 = 0.0
n = 0
for i in range(1, 5001):
    x = (i * 37 % 101) / 7.0
    n += 1
    delta = x - mean
    mean += delta / n
    m2 += delta * (x - mean)
print(repr(mean), repr(m2 / (n - 1)))
p = 1.0
for i in range(1, 300):
    p *= 1.0 + 1.0 / (i * i)
print(repr(p))
e = 0.0
term = 1.0
for i in range(1, 25):
    e += term
    term /= i
print(repr(e))
osc = 0.0
for i in range(10000):
    osc += (-1.0) ** i / (i + 1.0)
print(repr(osc))
neg_zero = -0.0
for i in range(5):
    neg_zero *= 1.0
print(repr(neg_zero), repr(neg_zero + 0.0))
big = 1e300
for i in range(10):
    big *= 10.0
print(repr(big), repr(big - big))
