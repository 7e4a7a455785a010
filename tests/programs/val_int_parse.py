# int() of strings with bases and other constructors
print(int("42"), int("  -17  "), int("+5"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))
print(int("777", 8), int("0o777", 0), int("1010", 2), int("0b1010", 0))
print(int("z", 36), int("zz", 36), int("10", 36))
print(int("1_000_000"), int("1_0", 0))
print(int(3.99), int(-3.99), int(True), int(False))
print(int(1e20), int(-0.5))
print(int("00012"), int("-0"))
for s in ["12", "1.5", "abc", "", " 7 ", "0x10", "1e3", "١٢٣"]:
    try:
        print(repr(s), "->", int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
for s, b in [("12", 3), ("12", 2), ("g", 16), ("Z", 36)]:
    try:
        print(s, b, int(s, b))
    except ValueError as e:
        print(s, b, "ValueError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(int.__name__, isinstance(5, int), isinstance(True, int))
