# uncaught FrozenInstanceError from a frozen dataclass
# warm-up: caught variants before the final uncaught error
from dataclasses import dataclass, replace, FrozenInstanceError
@dataclass(frozen=True)
class Pt:
    x: int
    y: int
p = Pt(1, 2)
print(p, replace(p, y=5), hash(p) == hash(Pt(1, 2)))
try:
    p.x = 3
except FrozenInstanceError as e:
    print("caught FrozenInstanceError:", e)
try:
    del p.y
except FrozenInstanceError as e:
    print("caught FrozenInstanceError:", e)
from dataclasses import dataclass
@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"
m = Money(5)
print(m)
m.amount = 10
