# float and mixed-type arithmetic
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (1, 0.1), (0.1, 3), (1e300, 1e10), (5, 2.5)]
for a, b in pairs:
    print(repr(a), repr(b), "|", repr(a + b), repr(a - b), repr(a * b), repr(a / b), repr(a // b), repr(a % b), divmod(a, b))
print(repr(2 ** 0.5), repr(2.0 ** -2), repr((-8.0) ** 2), repr(4 ** 0.5), repr(0.0 ** 0))
print(repr(-7.5 % 2), repr(7.5 % -2), repr(-0.0 % 5), repr(5 % -0.5 if False else 0))
print(repr(1 / 3 + 1 / 3 + 1 / 3), repr(0.1 + 0.2 - 0.3), repr(1e16 + 1), repr(1e16 + 2))
print(repr(3 * 1.1), repr(1.1 * 3), repr(100 * 1.1), repr(0.1 * 0.1))
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(1 < 1.5 < 2, -1.5 < -1, 0.1 + 0.2 > 0.3)
print(repr(10 ** 20 / 3), repr(2 ** 70 * 0.5), repr(float(10 ** 20) // 7))
print(type(1 + 1.0).__name__, type(True + 1.0).__name__, type(3 // 1.0).__name__)
try:
    1.5 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.5 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    10 ** 400 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
try:
    (10 ** 400) / 3
except OverflowError as e:
    print("OverflowError:", e)
print(repr(10 ** 400 // 10 ** 398 / 4))
print(repr((-8) ** 2.0), repr(8 ** (1 / 3)))
x = 0.0
for i in range(10):
    x += 0.1
print(repr(x), x == 1.0, abs(x - 1.0) < 1e-9)
print(repr(-1.5 // 1), repr(1.5 // -1), repr(-0.5 // 1))
print(repr(round(-0.5)), repr(round(2.5, 0)), repr(round(-1.25, 1)))
