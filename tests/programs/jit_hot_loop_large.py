# a few large hot loops (~280k iterations total) mixing ints and floats
s = 0
for i in range(150000):
    s += (i * i) % 7 - (i & 3)
print(s)
def inner_product(n):
    a = 0.0
    x = 0.5
    for i in range(n):
        a += x * (i % 10)
        x = -x
    return a
print(repr(inner_product(80000)))
n = 0
k = 1
while n < 50000:
    k = (k * 48271) % 2147483647
    n += 1
print(k)
