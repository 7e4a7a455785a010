# unpacking mismatch
# warm-up: caught variants before the final uncaught error
for seq in [(1, 2, 3), (1, 2), (1,), (), "abc", [1, 2, 3, 4]]:
    try:
        a, b, c = seq
        print("unpacked", a, b, c)
    except ValueError as e:
        print(repr(seq), "ValueError:", e)
a, b = (1, 2)
print(a, b)
a, b, c = [1, 2]
