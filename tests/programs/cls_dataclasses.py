# dataclasses: fields, defaults, default_factory, order, frozen
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
    def total(self):
        return self.price * self.qty
a = Item("apple", 0.5, 4)
b = Item("pear", 0.75)
b.tags.append("fruit")
print(a, b, repr(a.total()), repr(b.total()))
print(a == Item("apple", 0.5, 4, []), a == b, Item("x", 1) .tags is Item("y", 2).tags)
print(asdict(b), astuple(a), [f.name for f in fields(Item)])
c = replace(a, qty=10)
print(c, a.qty)
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs))
print(Version(1) < Version(1, 0, 1), max(vs), Version(2) >= Version(1, 99))
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
p = Point(3, 4)
print(p, hash(p) == hash(Point(3, 4)), {p: "pt"}[Point(3, 4)])
try:
    p.x = 10
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    count: int = field(default=0, repr=False)
    secret: str = field(default="s", compare=False)
inv = Inventory()
inv.items["a"] = 1
print(inv, Inventory() == Inventory(secret="different"))
@dataclass
class Base:
    id: int
    label: str = "base"
@dataclass
class Derived(Base):
    extra: float = 1.5
print(Derived(7), Derived(1, "d", 2.0), [f.name for f in fields(Derived)])
@dataclass
class WithPost:
    w: int
    h: int
    area: int = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(WithPost(3, 5))
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class MutableDefault:
        xs: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1))
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
