# uncaught KeyError with a tuple key
# warm-up: caught variants before the final uncaught error
d0 = {(): "empty", (1,): "one"}
for k in [(), (1,), (1, 2), ("a", None)]:
    try:
        print(k, d0[k])
    except KeyError as e:
        print("KeyError:", e)
grid = {(0, 0): "a", (0, 1): "b"}
print(sorted(grid))
print(grid[(0, 1)])
print(grid[(2, 3)])
