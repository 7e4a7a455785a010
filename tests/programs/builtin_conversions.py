# chr/ord, bin/oct/hex, format, constructors, hash equalities
print(chr(65), chr(0x263A), ord("A"), ord("€"), ord("\n"), [chr(c) for c in range(97, 102)])
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
print(bin(10), bin(-10), bin(0), oct(8), oct(-8), hex(255), hex(-255), hex(2 ** 64))
print(format(10, "b"), format(10, "#b"), format(255, "x"), format(255, "X"), format(255, "#o"), format(3.14159, ".2f"), format("s", ">4"))
print(int("0b101", 2), int("101", 2), float("3.5"), str(3.5), str(-0.0), str(10 ** 20), str(1e20))
print(bool("False"), bool(0.0), bool("0"), bool([None]))
print(list("abc"), list((1, 2)), list({1: 2}), list(range(3)), list(map(abs, [-1])))
print(tuple([1, 2]), tuple("ab"), tuple({"k": 1}.items()))
print(dict([("a", 1)]), dict(a=1), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])), dict([[1, 2], (3, 4)]))
print(sorted(set([3, 1, 3])), sorted(set("aab")), set(), frozenset("ab") == frozenset("ba"))
print(str(b"x"), str([1, "a"]), str({"a": None}), str((1,)), str(None), str(True))
print(repr(str(1.0)), repr(float(1)), repr(int(1.9)), repr(int(-1.9)))
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("abc"), hash((1, "a")) == hash((1, "a")), hash(0) == hash(0.0) == hash(False))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(2.0) == hash(2), hash("a") == hash("a" + ""))
print(type(hash("x")).__name__, hash(None) == hash(None))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    float("1,5")
except ValueError as e:
    print("ValueError:", e)
print(int(" 42\n"), float(" -1.5e2 "), complex_free := "ok")
print(ascii("héllo"), repr("héllo"), ascii([1, "ü"]))
print(str(123).zfill(6), str(-5).rjust(4, "0"), format(-5, "04d"), format(5, "+d"), format(1234567, ","), format(1234567, "_"))
print(format(0.000012345, ".3g"), format(123456789, ".3g"), format(1e-5, "f"), format(255, "08b"))
print(round(float("2.5")), int(float("7.9")), float(int("7")), str(float(str(0.1))))
print(bytes("ab", "ascii"), list(bytes(2)), bytes(range(65, 70)), str(b"abc", "utf-8"))
print(bool(float("nan")), bool(float("0.0")), int(bool(5)))
