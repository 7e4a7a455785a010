# exception raised inside a property getter
# warm-up: caught variants before the final uncaught error
class Box:
    def __init__(self, items):
        self.items = items
    @property
    def first(self):
        return self.items[0]
    @property
    def avg(self):
        return sum(self.items) / len(self.items)
for items in ([3, 4], [10], []):
    b = Box(items)
    try:
        print(items, b.first, b.avg)
    except IndexError as e:
        print(items, "IndexError:", e)
print(hasattr(Box([1]), "first"), getattr(Box([1]), "missing", "default"))
class Ratio:
    def __init__(self, a, b):
        self.a, self.b = a, b
    @property
    def value(self):
        return self.a / self.b
print(Ratio(1, 4).value)
print(Ratio(1, 0).value)
