# exception raised inside __init__
# warm-up: caught variants before the final uncaught error
class Span:
    def __init__(self, lo, hi):
        if lo > hi:
            raise ValueError("lo %r > hi %r" % (lo, hi))
        self.lo, self.hi = lo, hi
    def __repr__(self):
        return "Span(%r, %r)" % (self.lo, self.hi)
for lo, hi in [(1, 2), (5, 5), (3, 1), (0, 10)]:
    try:
        print(Span(lo, hi))
    except ValueError as e:
        print("ValueError:", e)
class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError("kelvin must be >= 0, got %r" % kelvin)
        self.kelvin = kelvin
t = Temperature(300)
print(t.kelvin)
Temperature(-1.5)
