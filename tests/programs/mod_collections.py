# collections: Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap
c = Counter("mississippi")
print(sorted(c.items()), c["s"], c["z"], c.most_common(2), sum(c.values()), len(c))
c.update("sss")
c.subtract({"i": 4})
print(sorted(c.items()), sorted(c.elements()))
c2 = Counter(a=3, b=1) + Counter(a=1, b=5, c=2)
print(sorted(c2.items()), sorted((Counter(a=3, b=1) - Counter(a=1, b=5)).items()), sorted((Counter(a=3) | Counter(a=5, b=1)).items()), sorted((Counter(a=3, b=2) & Counter(a=1, b=5)).items()))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(), Counter(len(w) for w in words))
dd = defaultdict(list)
for w in words:
    dd[w[0]].append(w)
print(sorted(dd.items()), dd["zzz"], len(dd))
def factory():
    return "N/A"
dd2 = defaultdict(factory)
dd2["x"] = "set"
print(dd2["x"], dd2["y"], sorted(dd2.items()))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["b"] += 2
nested["a"]["c"] += 1
print({k: dict(v) for k, v in nested.items()})
dq = deque([1, 2, 3])
dq.append(4)
dq.appendleft(0)
print(dq, dq.pop(), dq.popleft(), dq)
dq.extend([7, 8])
dq.extendleft([-1, -2])
print(dq, dq[0], dq[-1], len(dq))
dq.rotate(2)
print(dq)
dq.rotate(-3)
print(dq, dq.count(7), list(reversed(dq)))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
    print(list(bounded), end=" ")
print()
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]))
x, y = p
print(x + y, p == (3, 4), isinstance(p, tuple), len(p))
Emp = namedtuple("Emp", "name dept salary", defaults=[1000])
print(Emp("ann", "eng"), Emp("bob", "ops", 5))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(list(od), od.popitem(last=False), list(od))
od.move_to_end("c", last=False)
print(od, od == OrderedDict([("c", 3), ("b", 1)]))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], sorted(cm), len(cm))
cm["z"] = 0
print(cm.maps)
