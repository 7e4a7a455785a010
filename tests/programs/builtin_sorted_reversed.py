# sorted, reversed, enumerate, zip
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("hello"), sorted({3: "a", 1: "b"}), sorted({"b", "a", "c"}), sorted((2, 1)))
people = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30), ("eve", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people)
print(sorted(by_name, key=lambda p: p[1]))
print(sorted(["B", "a", "C", "b"]), sorted(["B", "a", "C", "b"], key=str.lower), sorted(["B", "a", "C", "b"], key=str.lower, reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([3.5, -1, 2, True]), sorted([], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1, "b": 2}.items())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(list(enumerate("abc")), list(enumerate("abc", start=1)), list(enumerate([], 5)), list(enumerate("xy", -2)))
for i, (a, b) in enumerate(zip("ab", "cd"), 10):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(range(3), range(10, 13), "xyz")))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
pairs = dict(zip(["k1", "k2"], [1, 2]))
print(pairs)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1, 2], [3, 4], strict=True)), list(zip([1, 2, 3], [4], strict=False)))
nums = [3, 1, 2]
nums.sort(key=lambda v: -v)
print(nums)
words = "The quick brown fox Jumped over the lazy dog".split()
print(sorted(words, key=lambda w: (len(w), w.lower())))
print(sorted(range(-5, 6), key=lambda v: (abs(v), v)))
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print("TypeError:", e)
print(sorted("a1b2c3", key=str.isdigit), sorted([0, 1, 0, 1], reverse=True))
