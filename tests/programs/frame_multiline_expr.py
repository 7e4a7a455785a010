# an exception in an expression that spans several lines
def lookup(d, key):
    return d[key]


def build(data):
    return {
        "name": data["name"].upper(),
        "size": len(data["items"]),
        "total": sum(
            item["price"] * item["count"]
            for item in data["items"]
        ),
        "ratio": data["weight"]
        / (data["count"] - 3),
    }


good = {"name": "box", "items": [{"price": 2, "count": 3}], "weight": 10, "count": 5}
print(build(good))
try:
    build({"name": "x", "items": [{"price": 1}], "weight": 1, "count": 1})
except KeyError as e:
    print("missing key", e)

result = (
    lookup({"a": 1}, "a")
    + lookup({"b": 2}, "b")
    * build({"name": "bad", "items": [], "weight": 1, "count": 3})["ratio"]
)
print(result)
