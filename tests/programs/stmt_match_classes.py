# match: class patterns with positional (__match_args__) and keyword sub-patterns, value patterns
import enum
from dataclasses import dataclass
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
@dataclass
class Circle:
    center: Point
    radius: int
class Consts:
    LIMIT = 10
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return "on y axis at %r" % y
        case Point(x=0) | Point(y=0):
            return "on x axis"
        case Point(x, y) if x == y:
            return "diagonal %r" % x
        case Point(x=xx, y=yy) if xx > Consts.LIMIT:
            return "far right %r,%r" % (xx, yy)
        case Point():
            return "somewhere %r" % (p,)
        case Circle(Point(0, 0), r):
            return "circle at origin r=%r" % r
        case Circle(center=Point(x, _), radius=r) if r > 5:
            return "big circle x=%r" % x
        case Circle():
            return "some circle"
        case _:
            return "not geometric"
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(4, 4), Point(20, 1), Point(1, 2), Circle(Point(0, 0), 3), Circle(Point(7, 1), 9), Circle(Point(7, 1), 1), "x"]:
    print(p, "->", where(p))
def color(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN | Color.BLUE:
            return "go-ish " + c.name
def limit(n):
    match n:
        case Consts.LIMIT:
            return "at limit"
        case _:
            return "not limit"
print(color(Color.RED), color(Color.BLUE), color(Color.GREEN), limit(10), limit(3))
def typed(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %r" % i
        case float(f):
            return "float %r" % f
        case list([int(), *_] as l):
            return "int list len %d" % len(l)
        case dict(d):
            return "dict keys %r" % sorted(d)
        case tuple((a, b)):
            return "pair %r %r" % (a, b)
        case _:
            return "other"
for v in [True, 3, 2.5, [1, "a"], ["a"], {"z": 1, "a": 2}, (1, 2), (1, 2, 3)]:
    print(repr(v), "->", typed(v))
class NoMatchArgs:
    def __init__(self):
        self.a = 1
try:
    match NoMatchArgs():
        case NoMatchArgs(1):
            print("no")
except TypeError as e:
    print("TypeError:", e)
match NoMatchArgs():
    case NoMatchArgs(a=1):
        print("keyword pattern works without __match_args__")
match Circle(Point(1, 2), 3):
    case Circle(radius=3, center=Point(x=1) as c):
        print("matched", c)
