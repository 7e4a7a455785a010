# math module
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30), math.pow(2, 10), math.exp(1), math.log(math.e))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(0), repr(math.expm1(1e-10)))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-9.9), type(math.floor(1.5)).__name__)
print(math.factorial(20), math.factorial(0), math.gcd(48, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.comb(10, 3), math.perm(5, 2), math.comb(100, 50), math.prod([1, 2, 3, 4]), math.prod([], start=5))
print(repr(math.sin(0)), repr(math.cos(0)), repr(math.sin(math.pi / 2)), repr(math.tan(math.pi / 4)), repr(math.atan2(1, 1)), repr(math.hypot(3, 4)))
print(repr(math.degrees(math.pi)), repr(math.radians(180)), repr(math.asin(1)), repr(math.acos(1)))
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(math.inf), math.isinf(-math.inf))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.dist((0, 0), (3, 4)), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__ + ":", e)
print([round(math.sin(x / 10), 6) for x in range(0, 32, 4)])
total = 0.0
for k in range(1, 200):
    total += 1.0 / (k * k)
print(repr(total), repr(math.sqrt(total * 6)))
print(math.floor(1e20), math.ceil(-1e-20), math.floor(2 ** 70 + 0.5) == 2 ** 70)
from math import sqrt as root, pi
print(root(81), round(pi, 4))
