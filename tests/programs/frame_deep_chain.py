# a -> b -> c, the innermost raising, uncaught: the traceback names every frame
def c(value):
    table = {"one": 1, "two": 2}
    print("c looks up", value)
    return table[value]


def b(values):
    total = 0
    for v in values:
        total += c(v)
    return total


def a():
    print("a starts")
    result = b(["one", "two", "three"])
    print("never", result)


print("module starts")
a()
print("never printed")
