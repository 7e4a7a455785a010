# fractions and decimal
from fractions import Fraction
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation
f = Fraction(3, 4)
g = Fraction("2/6")
print(f, g, f + g, f - g, f * g, f / g, f ** 2, -f, abs(-f))
print(Fraction(0.5), Fraction("1.25"), Fraction(1, 3) + 1, Fraction(10, -4), f.numerator, f.denominator)
print(f == 0.75, f < 1, float(f), int(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), Fraction(22, 7).limit_denominator(5))
print(sum(Fraction(1, n) for n in range(1, 11)), repr(Fraction(1, 3)), str(Fraction(4, 2)))
h = Fraction(0)
for k in range(1, 20):
    h += Fraction(1, k * (k + 1))
print(h)
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(Decimal("0.1") + Decimal("0.2"), Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), 0.1 + 0.2 == 0.3)
print(Decimal("1.10") * 3, Decimal("10") / Decimal("3"), Decimal(2).sqrt(), Decimal("1.5") ** 2)
print(Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_DOWN))
print(repr(Decimal("1.0")), Decimal(0.1) == Decimal("0.1"), str(Decimal(0.5)), Decimal("-0"), Decimal("1e3"), Decimal("1E+3") + 0)
getcontext().prec = 50
print(Decimal(1) / Decimal(7))
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") + 0)
getcontext().prec = 28
print(Decimal("7") // Decimal("2"), Decimal("-7") // Decimal("2"), Decimal("-7") % Decimal("2"), divmod(Decimal("-7"), Decimal("2")))
print(sorted([Decimal("1.5"), Decimal("0.5"), Decimal("1")]), max(Decimal("2"), Decimal("10")), Decimal("2.50").normalize())
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation raised", type(e).__name__)
total = sum(Decimal("0.01") for _ in range(100))
print(total, float(total), int(Decimal("9.99")), Decimal("1.23").as_tuple())
print(f"{Decimal('1234.5678'):.2f}", f"{float(Fraction(1, 3)):.5f}", f"{Decimal('-0.5'):>8}")
