# RuntimeError: dictionary changed size during iteration
# warm-up: caught variants before the final uncaught error
d0 = {"x": 1, "y": 2}
for k in list(d0):
    d0[k + "_copy"] = d0[k]
print(sorted(d0.items()))
for k in d0:
    d0[k] = 0
print(d0)
s0 = {1, 2}
try:
    for v in s0:
        s0.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {"a": 1, "b": 2}
for k in d:
    print("visiting", k)
    d[k + "2"] = 0
