# iter/next with default and sentinel, any/all, map/filter laziness
it = iter([10, 20])
print(next(it), next(it), next(it, "exhausted"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e.value))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
print(next(iter("xyz")), list(iter(range(3))), next(iter({"k": 1})), next(iter({5})))
d = {"a": 1, "b": 2}
di = iter(d.items())
print(next(di), next(di))
it2 = iter([1, 2, 3])
print(iter(it2) is it2, list(it2), list(it2))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 3]), any([]), all([]), any([0, None, ""]), all([1, [0]]))
checked = []
def check(x):
    checked.append(x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3, 4]), checked)
checked.clear()
print(all(check(x) for x in [5, 3, 1, 7]), checked)
calls = []
def sq(x):
    calls.append(x)
    return x * x
m = map(sq, [1, 2, 3])
print(calls)
print(next(m), calls)
print(list(m), calls)
print(list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    for x in None:
        pass
except TypeError as e:
    print("TypeError:", e)
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
f = Fib(50)
print(list(f), list(f), sum(f), max(f), 34 in f, 35 in f)
e = enumerate("ab")
print(next(e), next(e), next(e, "done"))
z = zip([1, 2], [3, 4])
print(next(z), list(z))
r = reversed([1, 2, 3])
print(next(r), list(r))
print(list(map(str, range(3))), list(map(int, "123")), list(map(float, ["1.5", "2"])))
