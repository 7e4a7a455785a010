# lambda, map, filter, sorted with keys
sq = lambda x: x * x
print(sq(5), (lambda a, b=2, *c, **d: (a, b, c, d))(1, 3, 4, k=5))
print(list(map(sq, range(6))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])))
print(list(filter(lambda x: x % 3 == 0, range(20))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
def is_vowel(c):
    return c in "aeiou"
print("".join(filter(is_vowel, "programming language")), list(map(str.upper, ["a", "b"])))
people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: len(p[0])))
fs = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "pow": pow}
for name in sorted(fs):
    print(name, fs[name](2, 5))
print((lambda: "no args")(), (lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(x=1, a=2))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("x")("y")("z"))
print(list(map(lambda s: s[::-1], ["abc", "de"])), list(map(len, ["", "ab", "abc"])))
nums = [5, -3, 2, -8, 7]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n < 0, n)))
print((lambda x: (lambda y: x * y))(3)(4))
f = lambda n: 1 if n <= 1 else n * f(n - 1)
print(f(20))
m = map(sq, [1, 2, 3])
print(next(m), list(m), list(m))
fl = filter(lambda x: x > 1, [1, 2, 3])
print(list(fl), list(fl))
cond = lambda x: "pos" if x > 0 else ("neg" if x < 0 else "zero")
print([cond(v) for v in (-1, 0, 1)])
