# json module incl. default= user function
import json
data = {"name": "Ann", "age": 30, "tags": ["a", "b"], "score": 9.5, "active": True, "spouse": None, "nested": {"k": [1, {"x": 2}]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2], separators=(",", ":")), json.dumps("é"), json.dumps("é", ensure_ascii=False), json.dumps({"a": 1}, indent="\t"))
back = json.loads(s)
print(back == data, back["nested"]["k"][1]["x"], type(back["score"]).__name__)
print(json.loads("[1, 2.0, \"s\", null, true, false, {\"a\": []}]"))
print(json.loads('"\\u00e9\\n"'), json.loads("  42 "), json.loads("1e3"), json.loads("-0.5"))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps((1, 2)), json.dumps(float("inf")), json.dumps(10 ** 20), json.dumps(0.1), json.dumps(1.0))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
def encode(obj):
    if isinstance(obj, Point):
        return {"__point__": [obj.x, obj.y]}
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError("cannot serialize %s" % type(obj).__name__)
print(json.dumps({"p": Point(1, 2), "s": {3, 1, 2}}, default=encode))
def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
obj = json.loads('{"p": {"__point__": [5, 6]}, "q": 1}', object_hook=decode)
print(type(obj["p"]).__name__, obj["p"].x, obj["p"].y, obj["q"])
try:
    json.dumps({"bad": object()}, default=encode)
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({"bad": Point(1, 2)})
except TypeError as e:
    print("TypeError:", e)
for bad in ["{'a': 1}", "[1, 2", "", "nul"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
print(json.loads('{"a": 1, "a": 2}'), json.loads("[]"), json.loads("{}"))
print(json.dumps("quote\" backslash\\ tab\t"))
print(json.loads('{"x": 1.5}', parse_float=lambda s: "float:" + s))
