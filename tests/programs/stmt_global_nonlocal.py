# global and nonlocal
counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter, inc())
def make_global():
    global created_later
    created_later = "made in function"
make_global()
print(created_later)
def read_only():
    return counter * 10
print(read_only())
def outer():
    x = 1
    def middle():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner()
    r = middle()
    return x, r
print(outer())
def make_acc():
    total = 0
    items = []
    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, list(items)
    return add
acc = make_acc()
print(acc(5), acc(7), acc(-2))
acc2 = make_acc()
print(acc2(100))
x = "global x"
def shadow():
    x = "local x"
    def inner():
        return x
    return inner()
print(shadow(), x)
def g2():
    global x
    x = "rebound"
g2()
print(x)
def loop_nonlocal():
    n = 0
    def bump():
        nonlocal n
        for _ in range(5):
            n += 2
    bump()
    bump()
    return n
print(loop_nonlocal())
class K:
    y = counter
    def m(self):
        return counter
print(K.y, K().m())
def uses_before_global_assign():
    try:
        print(undefined_global_name)
    except NameError as e:
        print("NameError:", e)
uses_before_global_assign()
