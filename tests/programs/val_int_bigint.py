# arbitrary precision integers
a = 2 ** 100
print(a)
print(a * a)
print(3 ** 200)
print(-(2 ** 64))
print(2 ** 64 - 1, 2 ** 63, -2 ** 63)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // (2 ** 20), f % 1000007)
print(len(str(7 ** 500)))
print(str(7 ** 500)[:20], str(7 ** 500)[-20:])
big = 10 ** 30 + 7
print(big - 10 ** 30, big // 3, big % 3)
print(-big // 7, -big % 7)
print(abs(-big))
print((2 ** 127 - 1) % 1000)
print(int("123456789012345678901234567890") + 1)
print(hex(2 ** 80), oct(2 ** 40), bin(2 ** 20))
x = 1
for _ in range(70):
    x = x * 2 + 1
print(x, x.bit_length())
print((-5).bit_length(), (0).bit_length(), (255).bit_length())
print(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(4, "little"))
print(12345678901234567890 == 12345678901234567890, 2 ** 100 > 2 ** 99)
print(-0, 0 == -0, +7, -(-7))
print(1_000_000, 0x_ff, 0o17, 0b1010)
print(type(2 ** 100).__name__)
print(pow(2, 100, 10 ** 9 + 7))
print(divmod(-(10 ** 20), 3))
print(round(123456789, -3), round(-2 ** 70, -10))
