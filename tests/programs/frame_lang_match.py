# match statements: every kind of pattern
from dataclasses import dataclass
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass
class Point:
    x: int
    y: int


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def describe(subject):
    match subject:
        case None:
            return "none"
        case True | False as b:
            return "bool %s" % b
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int %d" % n
        case int() | float() as num:
            return "number %r" % num
        case "quit" | "exit":
            return "command to stop"
        case str(s) if s.startswith("#"):
            return "comment " + s[1:]
        case str():
            return "string %r" % subject
        case Color.RED:
            return "red!"
        case Color():
            return "another color %s" % subject.name
        case []:
            return "empty sequence"
        case [x]:
            return "one element %r" % (x,)
        case [1, 2, *rest]:
            return "starts with 1, 2 then %r" % (rest,)
        case [first, *_, last]:
            return "first %r last %r" % (first, last)
        case {"type": "user", "name": str(name), **extra}:
            return "user %s extra %r" % (name, sorted(extra))
        case {"type": kind}:
            return "mapping of type %r" % kind
        case {}:
            return "other mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return "on an axis at %d" % yy
        case Point(x, y) if x == y:
            return "diagonal %d" % x
        case Point():
            return "point %r" % (subject,)
        case Circle(Point(x=cx, y=cy), r) if r > 0:
            return "circle at (%d, %d) r=%d" % (cx, cy, r)
        case Circle(_, radius=r):
            return "degenerate circle r=%d" % r
        case (a, b) if False:
            return "never"
        case _:
            return "something else: %s" % type(subject).__name__


cases = [None, True, False, 0, -5, 7, 2.5, "quit", "exit", "#note", "plain", Color.RED,
         Color.GREEN, [], (9,), [1, 2, 3, 4], [1, 2], (5, 6, 7), "x",
         {"type": "user", "name": "ann", "age": 3, "id": 1}, {"type": "group"}, {"k": 1},
         Point(0, 0), Point(0, 4), Point(3, 0), Point(2, 2), Point(1, 5),
         Circle(Point(1, 2), 3), Circle(Point(0, 0), 0), {1, 2}, b"bytes"]
for c in cases:
    print(repr(c) if not isinstance(c, Circle) else "Circle", "->", describe(c))


def command(text):
    match text.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "going " + direction
        case ["pick", "up", *items] if items:
            return "picking " + ", ".join(items)
        case ["drop", item, *_] | ["discard", item]:
            return "dropping " + item
        case [verb, *args]:
            return "unknown verb %s with %d args" % (verb, len(args))
        case []:
            return "nothing"


for t in ["go north", "go up", "pick up key lamp", "pick up", "drop sword now", "discard shield", ""]:
    print(repr(t), "->", command(t))

match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [_, {"b": (_, last)}]}:
        print("nested last", last)

value = 42
match value:
    case int(x) if (y := x * 2) > 50:
        print("walrus in guard", x, y)
