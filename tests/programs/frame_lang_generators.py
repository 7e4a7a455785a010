# generators: send / throw / close, yield from returning a value, generator
# expressions, finally blocks in generators, StopIteration values
import traceback


def accumulator():
    total = 0
    try:
        while True:
            value = yield total
            if value is None:
                continue
            total += value
    except GeneratorExit:
        print("accumulator closed at", total)
        raise
    finally:
        print("accumulator finally")


g = accumulator()
print(next(g), g.send(5), g.send(10), next(g))
g.close()
print("closed; send again ->", end=" ")
try:
    g.send(1)
except StopIteration:
    print("StopIteration")


def resilient():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("generator caught", e)
            yield "recovered"
        except KeyError:
            return "stopped by KeyError"


r = resilient()
print(next(r), r.throw(ValueError("bad")), next(r))
try:
    r.throw(KeyError("k"))
except StopIteration as e:
    print("StopIteration value:", e.value)


def inner(n):
    for i in range(n):
        received = yield i
        if received:
            print("inner received", received)
    return "inner result %d" % n


def outer():
    first = yield from inner(2)
    print("first:", first)
    second = yield from inner(1)
    print("second:", second)
    return first, second


o = outer()
print(next(o), o.send("hello"), next(o))
try:
    next(o)
except StopIteration as e:
    print("outer returned", e.value)


def delegating_throw():
    try:
        yield from inner(5)
    except ZeroDivisionError as e:
        yield "outer handled " + str(e)


d = delegating_throw()
next(d)
print(d.throw(ZeroDivisionError("from throw")))


def uncaught_throw():
    yield 1
    yield 2


u = uncaught_throw()
next(u)
try:
    u.throw(RuntimeError("thrown into the generator"))
except RuntimeError:
    traceback.print_exc()
print(list(u))


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup in generator")


for v in with_finally():
    print("got", v)
    break
print("loop broken")
w = with_finally()
next(w)
del w
print("after del")
gen_exp = (x * x for x in range(5) if x % 2)
print(next(gen_exp), list(gen_exp), list(gen_exp))


def chained():
    yield from range(3)
    yield from "ab"
    yield from (x for x in [True])


print(list(chained()))


def stop_inside():
    yield 1
    raise StopIteration("converted")


try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
gi = inner(3)
print(gi.gi_running, gi.gi_frame is not None, gi.gi_code.co_name)
print(list(gi), gi.gi_frame)
