# dict views, comprehension variants, nested updates, ordering after deletes
inventory = {"apples": 3, "pears": 0, "plums": 7}
keys = inventory.keys()
vals = inventory.values()
items = inventory.items()
inventory["kiwis"] = 2
del inventory["pears"]
print(list(keys), list(vals), list(items), len(keys))
print("apples" in keys, ("plums", 7) in items, ("plums", 8) in items, 7 in vals)
print(sorted(keys | {"figs"}), sorted(keys & {"apples", "zz"}), sorted(keys ^ {"apples", "new"}))
print({k: v for k, v in inventory.items() if v > 2}, {v: k for k, v in inventory.items()})
print(dict.fromkeys(range(3)), dict.fromkeys("ab", []), {i: [] for i in range(2)})
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
d = {}
for word in "one two three two one two".split():
    d[word] = d.get(word, 0) + 1
print(d, max(d, key=d.get), sorted(d, key=lambda k: (-d[k], k)))
groups = {}
for n in range(12):
    groups.setdefault(n % 3, []).append(n)
print(groups)
order = {}
for k in "zyxwv":
    order[k] = ord(k)
del order["x"]
order["x"] = 0
order["z"] = -1
print(list(order.items()))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
nested["a"]["e"] = nested["a"]["b"].copy()
nested["a"]["b"]["c"] = 100
print(nested)
print({**nested["a"]["e"], "f": 3}, dict(nested["a"]["e"], g=4))
d1 = {"a": 1, "b": 2}
d2 = {"b": 2, "a": 1}
print(d1 == d2, d1.items() == d2.items(), list(d1) == list(d2), d1 != {"a": 1})
print(len({}), {} == dict(), bool({0: 0}), {1: 2}.get(1, 3), {None: 1}[None])
big = {i: i * i for i in range(1000)}
print(sum(big.values()), len(big), big[999], 1000 in big)
for k in list(big):
    if k % 10:
        del big[k]
print(len(big), list(big)[:5], list(big.items())[-2:])
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1], reverse=True))
dv = {"k": 1}.values()
print(dv == dv, list(dv))
