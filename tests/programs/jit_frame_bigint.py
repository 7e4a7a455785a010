# a hot loop whose integers overflow 64 bits and become big integers; the result
# is then used (printed, compared, reduced), and an error raised from a big value
def grow(n):
    x = 1
    acc = 0
    for i in range(n):
        x = x * 3 + i
        acc += x & 0xFFFF
    return x, acc


def powers(n):
    p = 1
    out = []
    for i in range(n):
        p *= 2
        if i % 16 == 15:
            out.append(p.bit_length())
    return p, out


x, acc = grow(200)
print(len(str(x)), x % 1000000007, acc, x.bit_length())
print(x > 2 ** 300, x // 3 ** 190, hex(x)[:20])
p, lens = powers(130)
print(p, lens, p == 1 << 130, p - 1 == (1 << 130) - 1)
s = 0
for i in range(3000):
    s += i * i * i * 1000000007
print(s, s.bit_length(), s % 97, -s // 7)


def scaled(v):
    return float(v)


try:
    scaled(x ** 4)
except OverflowError as e:
    print("OverflowError:", e)
print(scaled(x) > 1e90, scaled(x ** 3) > 1e250)
print(scaled(x ** 5))
