# yield from: delegation, return values, nesting, with iterables
def sub(n):
    for i in range(n):
        received = yield i
        if received:
            print("sub received", received)
    return n * 100
def main_gen():
    a = yield from sub(2)
    print("first sub returned", a)
    b = yield from sub(3)
    print("second sub returned", b)
    return a + b
g = main_gen()
out = []
try:
    v = next(g)
    while True:
        out.append(v)
        v = g.send("ping" if v == 1 else None)
except StopIteration as e:
    print("main returned", e.value)
print(out)
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, (3, [4, 5]), []], 6, [[[7]]]])))
def from_iterables():
    yield from "ab"
    yield from [1, 2]
    yield from range(3, 5)
    yield from {"k": 1}
    r = yield from []
    yield r
print(list(from_iterables()))
def counter_gen():
    count = 0
    while True:
        cmd = yield count
        if cmd == "stop":
            return "stopped at %d" % count
        count += 1
def wrapper():
    result = yield from counter_gen()
    yield "wrapper got: " + result
w = wrapper()
print(next(w), next(w), next(w), w.send("stop"))
def depth_gen(n):
    if n == 0:
        yield "leaf"
        return 1
    total = yield from depth_gen(n - 1)
    yield "level %d" % n
    return total + 1
def outer():
    t = yield from depth_gen(4)
    yield "total %d" % t
print(list(outer()))
