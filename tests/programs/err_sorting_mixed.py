# sorting incomparable types
# warm-up: caught variants before the final uncaught error
print(sorted([3, 1.5, True, -2]), sorted(["b", "A", "a"]), sorted([(1, "a"), (1, "b")]))
for data in ([1, None], [[1], (1,)], [{1}, {2}], [{"a": 1}, {"b": 2}]):
    try:
        print(sorted(data))
    except TypeError as e:
        print("TypeError:", e)
print(sorted([3, 1, 2]))
print(sorted([3, "1", 2]))
