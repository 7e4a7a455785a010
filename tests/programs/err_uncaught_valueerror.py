# uncaught ValueError with a custom message
def parse(items):
    out = []
    for s in items:
        v = int(s)
        print("parsed", v)
        out.append(v)
    return out
print(parse(["1", "2"]))
n = 3
if n > 2:
    raise ValueError("bad value %d" % n)
print("unreachable")
