# assert failure with a formatted message
# warm-up: caught variants before the final uncaught error
checks = [(1 + 1 == 2, "addition"), ("a" < "b", "ordering"), ([] == [], "empty lists")]
for cond, name in checks:
    assert cond, name
    print("passed:", name)
try:
    assert 2 + 2 == 5, ["list", "message", 2 + 2]
except AssertionError as e:
    print("caught:", e)
items = [1, 2, 3]
assert len(items) == 3, "length ok"
print("first assert passed")
assert sum(items) == 7, "sum was %d" % sum(items)
