# dicts: ordering, methods, views
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), len(d))
del d["a"]
d["a"] = 100
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", -1), "a" in d, 100 in d, 100 in d.values())
print(d.keys(), d.values(), d.items())
ks = d.keys()
d["new"] = 0
print(ks, len(ks))
print(d.setdefault("b", 999), d.setdefault("s", []), d)
d["s"].append(1)
print(d.pop("s"), d.pop("missing", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1, "b": 2})
d.update(y=5)
d.update([("z", 26)])
print(d)
print(dict(a=1, b=2), dict([(1, "one"), (2, "two")]), dict(zip("abc", range(3))), dict.fromkeys("xy", 0))
print({k: v * 2 for k, v in [("p", 1), ("q", 2)]}, {i: i * i for i in range(5) if i % 2})
c = d.copy()
c["b"] = -1
print(d["b"], c["b"])
merged = {"a": 1, "b": 2} | {"b": 3, "c": 4}
print(merged)
m2 = {"a": 1}
m2 |= {"z": 0}
print(m2)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
for k, v in sorted(d.items(), key=lambda kv: kv[1]):
    print(k, v)
for k in reversed(d):
    print("rev", k)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    for k in d:
        d["added_" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
e = {}
e[1] = "int"
e[1.0] = "float"
e[(1, 2)] = "tuple"
e[None] = "none"
print(e, e[True])
print(d.keys() & {"x", "y", "q"} == {"x", "y"}, sorted(d.keys() - {"x"}))
print(dict(sorted({"b": 1, "a": 2}.items())), max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv)
c.clear()
print(c, bool(c))
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
print(repr({"q": "it's"}), str({1: None}))
