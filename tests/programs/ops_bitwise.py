# bitwise operators incl negative numbers and big shifts
vals = [0, 1, 5, -1, -6, 255, -256, 2 ** 40 + 3]
for a in vals:
    print(a, "~", ~a, "<<3", a << 3, ">>2", a >> 2, "&0xF", a & 0xF, "|8", a | 8, "^-1", a ^ -1)
print(6 & 3, 6 | 3, 6 ^ 3, -6 & 3, -6 | 3, -6 ^ 3, -6 & -3, -6 | -3, -6 ^ -3)
print(1 << 64, 1 << 100, (1 << 100) >> 99, -1 << 70, (-1 << 70) >> 68, -5 >> 1, -5 >> 10, -1 >> 1000)
print(5 >> 100, (2 ** 200) >> 190, (2 ** 64 - 1) & (2 ** 32), (2 ** 64) | 1, (2 ** 100) ^ (2 ** 100 - 1))
print(0xFF & -0x10, bin(-5 & 0xFF), hex(~0 & 0xFFFFFFFF), bin(~0b1010))
print(True & 3, True | False, 7 & True)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1.0 & 1
except TypeError as e:
    print("TypeError:", e)
x = 0b1011
print(bin(x), x.bit_count() if hasattr(x, "bit_count") else 3, bin(x << 2), bin(x >> 1))
mask = 0
for bit in (0, 3, 5, 63, 64, 65):
    mask |= 1 << bit
print(mask, hex(mask), bin(mask).count("1"))
print([(i, i & -i) for i in range(1, 13)])
print({3, 5} & {5}, {1} | {2} == {1, 2})
print(-(2 ** 70) & (2 ** 72 - 1), -(2 ** 70) | 7, -(2 ** 70) ^ 12345)
print(~(2 ** 100), -(~(2 ** 100)))
