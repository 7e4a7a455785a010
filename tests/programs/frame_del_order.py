# reference counting: __del__ runs as soon as the last reference goes away
# (del, rebinding, leaving a function, popping from a list, end of a with block)
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


print("-- del")
a = Res("a")
b = a
del a
print("a deleted, b still holds it")
del b
print("-- rebinding")
x = Res("x1")
x = Res("x2")
print("x rebound")
print("-- function locals")


def use():
    r1 = Res("local1")
    r2 = Res("local2")
    print("leaving use")


use()
print("-- returning one of them")


def keep():
    r1 = Res("kept")
    r2 = Res("dropped")
    return r1


k = keep()
print("got", k.name)
k = None
print("-- containers")
items = [Res("i0"), Res("i1"), Res("i2")]
items.pop(1)
print("popped")
items.clear()
print("cleared")
d = {"k": Res("dv")}
d["k"] = Res("dv2")
del d
print("-- temporaries")
print(Res("temp").name)
print("-- exceptions keep frames alive until the handler ends")


def fail():
    r = Res("in-failing-frame")
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    print("handling", e)
print("after handler")
print("-- attribute chains")


class Holder:
    def __init__(self):
        self.res = Res("held")


h = Holder()
h.res = None
print("-- end of program")
last = Res("global-at-exit")
