# assert failure without a message: last line is just AssertionError
# warm-up: caught variants before the final uncaught error
for v in [3, 2, 1]:
    assert v > 0
    print("assert ok for", v)
try:
    assert v > 5
except AssertionError as e:
    print("caught AssertionError, args:", e.args, "str:", repr(str(e)))
def check(x):
    assert x > 0
    return x
print(check(5))
check(-1)
