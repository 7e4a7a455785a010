# exception propagating through many frames
# warm-up: caught variants before the final uncaught error
def depth_sum(n):
    return 0 if n == 0 else n + depth_sum(n - 1)
for n in (0, 1, 10, 100):
    print("depth_sum", n, depth_sum(n))
def level(n):
    if n == 0:
        raise LookupError("bottom of %d frames" % 50)
    return level(n - 1)
try:
    level(10)
except LookupError as e:
    print("caught:", e)
level(50)
