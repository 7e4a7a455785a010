# inventory management with dataclasses, sorting, grouping, json
from dataclasses import dataclass, field, asdict
import json
from collections import defaultdict
from itertools import groupby
@dataclass(order=True)
class Product:
    category: str
    name: str
    price: float = field(compare=False)
    stock: int = field(default=0, compare=False)
    tags: list = field(default_factory=list, compare=False)
    @property
    def value(self):
        return round(self.price * self.stock, 2)
catalog = [
    Product("tools", "hammer", 12.5, 10, ["steel"]),
    Product("garden", "hose", 25.0, 3),
    Product("tools", "wrench", 8.75, 0, ["steel", "small"]),
    Product("kitchen", "pan", 30.0, 5, ["steel"]),
    Product("garden", "rake", 15.25, 7),
    Product("kitchen", "spoon", 1.5, 120, ["small"]),
]
for p in sorted(catalog):
    print("%-8s %-7s %7.2f %4d %8.2f" % (p.category, p.name, p.price, p.stock, p.value))
print("out of stock:", [p.name for p in catalog if p.stock == 0])
by_cat = defaultdict(list)
for p in catalog:
    by_cat[p.category].append(p)
for cat in sorted(by_cat):
    items = by_cat[cat]
    print(cat, len(items), round(sum(p.value for p in items), 2), max(items, key=lambda p: p.price).name)
for key, grp in groupby(sorted(catalog, key=lambda p: p.stock > 5), key=lambda p: p.stock > 5):
    print("well stocked" if key else "low stock", sorted(p.name for p in grp))
tag_index = defaultdict(set)
for p in catalog:
    for t in p.tags:
        tag_index[t].add(p.name)
print({t: sorted(n) for t, n in sorted(tag_index.items())})
print(json.dumps([asdict(p) for p in catalog[:2]], sort_keys=True))
restock = {"wrench": 20, "hose": 5, "unknown": 1}
for name, qty in restock.items():
    match [p for p in catalog if p.name == name]:
        case [prod]:
            prod.stock += qty
            print("restocked", name, "->", prod.stock)
        case []:
            print("no such product", name)
total_value = sum(p.value for p in catalog)
print("total value", repr(round(total_value, 2)), f"{total_value:,.2f}")
