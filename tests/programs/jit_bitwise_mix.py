# bitwise operations mixed in loops, incl. negatives
h = 0
for i in range(50000):
    h = (h * 31 + i) & 0xFFFFFFFF
    h ^= h >> 13
print(h)
x = 0x12345678
for i in range(1000):
    x = ((x << 1) | (x >> 31)) & 0xFFFFFFFF
    x ^= i
print(x, hex(x))
neg = 0
for i in range(-500, 500):
    neg += (i & 0xF) - (i | 3) + (i ^ -7) + (~i) + (i >> 2) + (i << 1)
print(neg)
def popcount_sum(n):
    s = 0
    for i in range(n):
        v = i
        while v:
            v &= v - 1
            s += 1
    return s
print(popcount_sum(4096))
def xorshift(seed, n):
    out = []
    s = seed
    for _ in range(n):
        s ^= (s << 13) & 0xFFFFFFFFFFFFFFFF
        s ^= s >> 7
        s ^= (s << 17) & 0xFFFFFFFFFFFFFFFF
        out.append(s % 1000)
    return s, out[-5:]
print(xorshift(88172645463325252, 2000))
m = 0
for i in range(64):
    m |= (i & 1) << i
print(m, m.bit_length(), bin(m).count("1"))
big = 0
for i in range(0, 200, 3):
    big ^= 1 << i
print(big >> 150, big & ((1 << 20) - 1))
sh = -1
for i in range(10):
    sh = sh << 7
print(sh, sh >> 65, -sh >> 3)
