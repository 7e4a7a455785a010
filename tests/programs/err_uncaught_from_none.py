# uncaught exception raised "from None"
# warm-up: caught variants before the final uncaught error
def convert(s):
    try:
        return float(s)
    except ValueError:
        raise TypeError("not numeric: %r" % s) from None
for s in ["1.5", "2e3"]:
    print(convert(s))
try:
    convert("abc")
except TypeError as e:
    print("caught", e, e.__cause__, e.__suppress_context__)
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("no such key: %s" % k) from None
print(lookup({"x": 1}, "x"))
lookup({"x": 1}, "y")
