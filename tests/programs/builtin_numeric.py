# abs, round, divmod, pow, sum, min, max
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-2 ** 70), abs(True))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 1234.5678]:
    print(repr(v), round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(12345, -2), round(12355, -1), round(15, -1), round(25, -1), round(-25, -1), round(5, 2), type(round(5, 2)).__name__)
print(round(2 ** 70 + 5, -1), round(1e20), type(round(1.5)).__name__)
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, -2))
print(pow(2, 8), pow(2, -2), pow(3, 3, 5), pow(-1, 0.5) if False else pow(9, 0.5))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum(()), sum(range(10), start=-45))
print(sum([1, 2.5, True]), sum(x * x for x in range(10)))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a", "c"), max([1, 2], [1, 3]))
print(min([], default="empty"), max([], default=None), min([5], default=0))
print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len), max([-3, 2, -1], key=abs))
print(max([("a", 2), ("b", 2), ("c", 1)], key=lambda t: t[1]), min([3, 1, 1.0], key=lambda x: x))
print(max(1, 2.5, True), min(-1, -1.0), max(float("-inf"), -1e308))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
print(max({"a": 1, "z": 0}), min({3: "x", 1: "y"}.items()))
print(abs(-7) == 7, round(0.5) == 0, round(-0.5) == 0, round(-0.5))
