# subscripting None
# warm-up: caught variants before the final uncaught error
results = {"a": [1, 2], "b": None}
for k in ("a", "b"):
    try:
        print(k, results[k][0])
    except TypeError as e:
        print(k, "TypeError:", e)
for bad in [5, 2.5, None]:
    try:
        bad[0]
    except TypeError as e:
        print("TypeError:", e)
def maybe(n):
    return [n] if n else None
print(maybe(3)[0])
print(maybe(0)[0])
