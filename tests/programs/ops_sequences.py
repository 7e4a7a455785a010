# operators on sequences
print([1, 2] * 3, 3 * [0], [] * 5, [1] * 0, [1] * -2, "ab" * 3, 0 * "x", (1, 2) * 2)
print("foo" + "bar", [1] + [2, 3], (1,) + (2,), b"a" + b"b")
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), (2,) > (1, 100), ("a", 1) < ("a", 2), () < (0,))
print([3, "x"] == [3, "x"], [1, [2, 3]] < [1, [2, 4]], "apple" < "banana", "Apple" < "apple", "a" * 3 == "aaa")
try:
    [1, 2] + (3,)
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
try:
    [1] * [2]
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
try:
    -"abc"
except TypeError as e:
    print("TypeError:", e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, 10, 1000), pow(-2, 3), pow(2.0, 3), pow(4, 0.5), pow(7, 123456, 13), pow(2, 2 ** 20, 10 ** 9 + 7))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(len([0] * 1000), sum([[1], [2], [3]], []), "".join(["x"] * 4))
nested = [[0]] * 3
nested[0].append(1)
print(nested)
print(max("abc", "abd", "ab"), min([3, 1], [2, 9], [2, 1]))
print(list(zip("ab", (1, 2))) + [("c", 3)])
print("abc"[1] + "abc"[-1] * 2, [1, 2, 3][1:] * 2)
