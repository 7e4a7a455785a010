# uncaught exception with an explicit cause: last stderr line is the outer exception
# warm-up: caught variants before the final uncaught error
def parse_port(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad port " + repr(s)) from e
for s in ["80", "8080"]:
    print("port", parse_port(s))
try:
    parse_port("http")
except RuntimeError as e:
    print("caught:", e, "| cause:", e.__cause__)
def load(path):
    try:
        return {"a.cfg": "x=1"}[path]
    except KeyError as e:
        raise FileNotFoundError("config not found: " + path) from e
print(load("a.cfg"))
print(load("b.cfg"))
