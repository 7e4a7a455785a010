# ordering comparison between str and int inside max()
# warm-up: caught variants before the final uncaught error
print(max(["b", "a"]), min([2, 1.5]), max([[1], [2, 0]]))
for a, b in [(1, "1"), ("a", None), ([1], 1)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(1 == "1", "a" != None)
print(max([1, 5, 3]))
print(max([1, "5", 3]))
