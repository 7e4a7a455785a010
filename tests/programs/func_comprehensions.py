# list/dict/set comprehensions, scope, nesting, conditions
x = "outer x"
squares = [x * x for x in range(5)]
print(squares, x)
print({k: len(k) for k in ["a", "bb", "ccc"]}, sorted({c for c in "hello"}))
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(4)] for i in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print([i if i % 2 else -i for i in range(6)])
print({i % 3: i for i in range(10)})
print(sorted({(a, b) for a in range(3) for b in range(a)}))
words = "the quick brown fox jumps over the lazy dog".split()
print({w: words.count(w) for w in words if len(w) > 3})
print([w.upper() for w in words if "o" in w if len(w) == 5])
n = 10
print([n * i for i in range(3)])
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        scale = 10
        scaled = [v * scale for v in vals]
    except NameError as e:
        scaled = "NameError: " + str(e)
print(K.doubled, K.scaled)
def f():
    y = 3
    return [y * i for i in range(3)]
print(f())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([c for c in "abc"], [[c] * 2 for c in "xy"])
print(sum(i for i in range(101)), list(reversed([i for i in range(5)])))
print([(lambda z: z + 1)(i) for i in range(3)])
data = {"a": [1, 2], "b": [3], "c": []}
print({k: sum(v) for k, v in data.items() if v})
print([y for x in [[1, [2]], [3]] for y in x])
try:
    print([undefined_thing for _ in range(1)])
except NameError as e:
    print("NameError:", e)
print([i for i in range(3)])
try:
    print(i)
except NameError as e:
    print("loop variable did not leak:", e)
