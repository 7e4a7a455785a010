# float repr, inf/nan, rounding
import math
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-7, 123456789.123, 1.0, -0.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v))
print(repr(0.1 * 3), 0.1 * 3 == 0.3, math.isclose(0.1 * 3, 0.3))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf))
print(inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
print(float("1e3"), float("  -2.5 "), float("inf"), float("-Infinity"), float("nan"))
print(float(7), float(2 ** 60), float("1_000.5"))
print(1e308 * 10, -1e308 * 10)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(1234.5678, -2))
print(round(7.0), type(round(7.0)).__name__, type(round(7.0, 1)).__name__)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), int(-2.5))
print((2.5).is_integer(), (2.0).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print(1.5.hex(), float.fromhex("0x1.8p1"))
print(3.0 == 3, hash(3.0) == hash(3))
print(2 ** 0.5, 10 ** -2, (-8) ** (1 / 3) if False else "skip")
print(repr(1e-5), repr(1e-4), repr(1e15), repr(1e16), repr(123e-20))
print(float("0.1") + float("0.7"))
print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(max(1.5, 2), min(-0.0, 0.0), abs(-3.25))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(math.exp(1000))
except OverflowError as e:
    print("OverflowError:", e)
