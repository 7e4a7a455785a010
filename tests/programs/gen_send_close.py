# generator send, close, throw, yield from return value
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
g = accumulator()
print(next(g))
print(g.send(10), g.send(5), g.send(-3))
try:
    g.send(None)
except StopIteration as e:
    print("finished with", e.value)
def echo():
    received = None
    try:
        while True:
            received = yield "echo:" + repr(received)
    except GeneratorExit:
        print("GeneratorExit caught, cleaning up")
        raise
    finally:
        print("echo finally")
e = echo()
print(e.send(None), e.send(1), e.send("two"))
e.close()
e.close()
print("close twice is ok")
try:
    e.send(1)
except StopIteration:
    print("send after close -> StopIteration")
def thrower():
    while True:
        try:
            yield "normal"
        except ValueError as err:
            print("handled inside:", err)
            yield "recovered"
t = thrower()
print(next(t), t.throw(ValueError("oops")), next(t))
try:
    t.throw(KeyError("unhandled"))
except KeyError as err:
    print("propagated out:", repr(err))
try:
    next(t)
except StopIteration:
    print("generator is dead")
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("yield from returned", r)
    yield "outer-final"
o = outer()
print(next(o), o.send("A"), o.send("B"))
try:
    next(o)
except StopIteration:
    print("outer done")
def delegating_throw():
    try:
        yield from thrower()
    finally:
        print("delegator finally")
d = delegating_throw()
print(next(d), d.throw(ValueError("via delegator")), next(d))
d.close()
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as err:
    print("RuntimeError:", err)
def not_started():
    yield 1
ns = not_started()
try:
    ns.send(5)
except TypeError as err:
    print("TypeError:", err)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def running_avg():
    total, count, avg = 0.0, 0, None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([repr(ra.send(v)) for v in (10, 20, 5, 1)])
def gen_raises():
    yield 1
    raise ValueError("inside generator")
try:
    for v in gen_raises():
        print("got", v)
except ValueError as err:
    print("ValueError:", err)
def stopiter_in_gen():
    yield 1
    raise StopIteration
try:
    list(stopiter_in_gen())
except RuntimeError as err:
    print("RuntimeError:", err)
