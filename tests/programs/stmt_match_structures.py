# match: sequence with star, mapping with **rest, nested
def seq(x):
    match x:
        case []:
            return "empty seq"
        case [a]:
            return "one: %r" % (a,)
        case [a, b]:
            return "two: %r %r" % (a, b)
        case [first, *middle, last] if len(middle) > 2:
            return "long: %r ... %r (middle %r)" % (first, last, middle)
        case [first, *rest]:
            return "first %r rest %r" % (first, rest)
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [1, 2, 3], list(range(6)), "ab", {"a": 1}, range(3), 5]:
    print(repr(v), "->", seq(v))
def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return "point %s,%s" % (x, y)
        case {"type": "circle", "r": r, **rest}:
            return "circle r=%s extra=%r" % (r, sorted(rest.items()))
        case {"type": t}:
            return "other type " + t
        case {}:
            return "some mapping"
        case _:
            return "not mapping"
for m in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5}, {"type": "circle", "r": 1, "c": "red", "a": 0},
          {"type": "sq"}, {"x": 1}, {}, [("type", "point")]]:
    print(m, "->", mapping(m))
def nested(data):
    match data:
        case {"users": [{"name": str(name), "age": int(age)}, *_]}:
            return "first user %s (%d)" % (name, age)
        case {"users": []}:
            return "no users"
        case [[x, y], [z, w]]:
            return "matrix %d" % (x * w - y * z)
        case ((1, _), *others):
            return "starts with pair beginning 1, others=%d" % len(others)
        case _:
            return "unrecognised"
print(nested({"users": [{"name": "ann", "age": 30}, {"name": "bob"}]}))
print(nested({"users": [{"name": "ann", "age": "30"}]}))
print(nested({"users": []}))
print(nested([[1, 2], [3, 4]]))
print(nested([(1, 9), 2, 3]))
print(nested("xx"))
match (1, [2, 3], {"k": "v"}):
    case (a, [b, *c], {"k": d}) as whole:
        print(a, b, c, d, whole)
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
match [1, 2, 3]:
    case [*everything]:
        print("star all", everything)
match (0, 0):
    case (0, 0) | (1, 1) as diag:
        print("diag", diag)
