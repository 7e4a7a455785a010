# enum.Enum and friends
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(Color(2), Color["BLUE"], list(Color), len(Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), isinstance(Color.RED, Color))
print([c.name for c in Color], {c: c.value for c in Color}[Color.GREEN])
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
class Shape(enum.Enum):
    SQUARE = 2
    DIAMOND = 1
    ALIAS = 2
    def describe(self):
        return "%s with value %d" % (self.name, self.value)
    @classmethod
    def default(cls):
        return cls.DIAMOND
print(Shape.ALIAS, Shape.ALIAS is Shape.SQUARE, list(Shape), Shape.SQUARE.describe(), Shape.default())
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(int(rw), Perm.R in rw, Perm.X in rw, rw & Perm.W == Perm.W, int(Perm.R | Perm.X))
class Level(enum.IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10
print(Level.MID > Level.LOW, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW, Level.MID]), Level.MID == 5)
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
    C = enum.auto()
print([(m.name, m.value) for m in Auto])
@enum.unique
class Uniq(enum.Enum):
    X = 1
    Y = 2
print(list(Uniq))
try:
    @enum.unique
    class NotUniq(enum.Enum):
        X = 1
        Y = 1
except ValueError as e:
    print("ValueError:", e)
class Planet(enum.Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
for p in Planet:
    print(p.name, repr(round(p.gravity, 4)))
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
print(Color.RED.__class__.__name__, type(Color.RED.value).__name__)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("matched green")
class Status(str, enum.Enum):
    OK = "ok"
    FAIL = "fail"
print(Status.OK == "ok", Status("fail").name, Status.OK.value.upper())
