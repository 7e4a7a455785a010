# del, pass, assert
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[::2]
print(lst)
del lst[1:3]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
del c.a
print(hasattr(c, "a"), c.b)
try:
    del c.a
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
print("deleted a and b")
def noop():
    pass
class Empty:
    pass
print(noop(), type(Empty()).__name__)
for _ in range(2):
    pass
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError with no msg:", repr(e), e.args)
try:
    assert 0, {"k": [1, 2]}
except AssertionError as e:
    print("AssertionError:", e)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
g = 10
def h():
    global g
    del g
h()
print("g" in globals())
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
