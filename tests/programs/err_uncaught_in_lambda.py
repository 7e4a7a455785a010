# exception raised inside a lambda used as a sort key
# warm-up: caught variants before the final uncaught error
key_fns = [lambda r: r.get("n", 0), lambda r: -r.get("n", 0)]
rows0 = [{"n": 2}, {"m": 1}, {"n": 1}]
for kf in key_fns:
    print(sorted(rows0, key=kf))
try:
    list(map(lambda r: r["n"], rows0))
except KeyError as e:
    print("caught KeyError", e)
rows = [{"n": 3}, {"n": 1}, {"m": 2}]
print(sorted(rows[:2], key=lambda r: r["n"]))
print(sorted(rows, key=lambda r: r["n"]))
