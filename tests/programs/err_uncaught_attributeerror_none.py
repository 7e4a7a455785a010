# uncaught AttributeError on None
# warm-up: caught variants before the final uncaught error
def lookup(d, k):
    return d.get(k)
data = {"a": "alpha"}
print(lookup(data, "a").title())
try:
    lookup(data, "b").title()
except AttributeError as e:
    print("caught:", e)
def find(items, target):
    for it in items:
        if it == target:
            return it
    return None
print(find(["x", "y"], "y").upper())
print(find(["x", "y"], "z").upper())
