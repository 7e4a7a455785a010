# iterating a non-iterable
# warm-up: caught variants before the final uncaught error
for obj in ([1, 2], "ab", {"k": 1}, 5, None, 3.5, range(2)):
    try:
        print(type(obj).__name__, list(obj))
    except TypeError as e:
        print(type(obj).__name__, "TypeError:", e)
total = 0
for x in [1, 2]:
    total += x
print(total)
for x in total:
    print(x)
