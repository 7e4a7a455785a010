# class machinery: __init_subclass__, __set_name__, metaclasses, __class_getitem__,
# __slots__, dataclasses with default_factory, functools.lru_cache, enum, super()
import dataclasses
import enum
import functools


class Plugin:
    registry = {}

    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls


class Csv(Plugin, key="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry), Csv.key, Json.key)


class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")

    def __set__(self, obj, value):
        print("set %s.%s = %r" % (self.owner, self.name, value))
        setattr(obj, self.private, value)


class Record:
    title = Field()
    size = Field()


r = Record()
print(r.title)
r.title = "report"
r.size = 3
print(r.title, r.size, Record.title.name, Record.size.private)


class Meta(type):
    created = []

    def __new__(mcls, name, bases, ns, **kw):
        ns.setdefault("tag", name.upper())
        cls = super().__new__(mcls, name, bases, ns)
        Meta.created.append(name)
        return cls

    def __call__(cls, *args, **kwargs):
        print("Meta.__call__ for", cls.__name__, args)
        return super().__call__(*args, **kwargs)

    def __repr__(cls):
        return "<class %s via Meta>" % cls.__name__

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name)
        return {"prepared": True}


class Base(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v


class Child(Base):
    tag = "custom"


c = Child(5)
print(Meta.created, Base.tag, Child.tag, Child.prepared, c.v, Child, type(Child).__name__)


class Box:
    def __class_getitem__(cls, item):
        return "Box[%s]" % (item.__name__ if isinstance(item, type) else item)


print(Box[int], Box["T"], list[int], dict[str, list[int]])


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


s = Slotted(1)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "__dict__"), Slotted.__slots__, type(Slotted.a).__name__)


@dataclasses.dataclass(order=True)
class Item:
    priority: int
    name: str = dataclasses.field(compare=False)
    tags: list = dataclasses.field(default_factory=list, repr=False)
    meta: dict = dataclasses.field(default_factory=lambda: {"v": 1})


a = Item(2, "b")
b = Item(1, "a", ["x"])
a.tags.append("shared?")
print(a, b, sorted([a, b]), Item(3, "c").tags, Item(3, "c").meta, a == Item(2, "zzz"))
print(dataclasses.asdict(b), dataclasses.replace(b, priority=9))


@dataclasses.dataclass(frozen=True, slots=True)
class Frozen:
    x: int
    y: int = 2


f = Frozen(1)
try:
    f.x = 5
except dataclasses.FrozenInstanceError as e:
    print("frozen:", e)
print(f, hash(f) == hash(Frozen(1, 2)), Frozen.__slots__)

calls = []


@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def square(x):
    calls.append(("sq", x))
    return x * x


calls.clear()
for x in [1, 2, 1, 3, 2, 1]:
    square(x)
print(calls, square.cache_info())


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return "%s=%d" % (self.name, self.value)


class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1


class Level(enum.IntEnum):
    LOW = enum.auto()
    HIGH = enum.auto()


print(list(Color), Color(2), Color["BLUE"], Color.RED.describe(), Color.RED is Color(1))
print(Perm.R | Perm.W, (Perm.R | Perm.W) & Perm.W, Perm.X in (Perm.R | Perm.X), repr(Perm(7)))
print(Level.HIGH > Level.LOW, Level.LOW + 10, [l.name for l in Level])
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)


class A:
    def hello(self):
        return ["A"]


class B(A):
    def hello(self):
        return ["B"] + super().hello()


class C(A):
    def hello(self):
        return ["C"] + super().hello()


class D(B, C):
    def hello(self):
        return ["D"] + super().hello()


print(D().hello(), [k.__name__ for k in D.__mro__])


class Prop:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        if v < 0:
            raise ValueError("negative")
        self._x = v

    @functools.cached_property
    def expensive(self):
        print("computing once")
        return 42


p = Prop()
p.x = 3
print(p.x, p.expensive, p.expensive)
try:
    p.x = -1
except ValueError as e:
    print("setter refused:", e)
