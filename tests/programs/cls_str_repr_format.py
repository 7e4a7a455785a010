# __str__, __repr__, __format__ interplay
class Both:
    def __str__(self):
        return "str-of-Both"
    def __repr__(self):
        return "Both()"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly<>"
class StrOnly:
    def __str__(self):
        return "just str"
b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r), [b, r], (b,), {"k": b})
print(f"{b} {b!r} {b!s} {r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(str(StrOnly()), type(repr(StrOnly())).__name__, repr(StrOnly()).startswith("<"))
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __format__(self, spec):
        if spec == "":
            return "$%.2f" % self.amount
        if spec.endswith("c"):
            return "%d cents" % round(self.amount * 100)
        return "$" + format(self.amount, spec)
    def __str__(self):
        return "Money(%s)" % self.amount
m = Money(3.5)
print(f"{m}", f"{m:c}", f"{m:>10.3f}", format(m), "{:,.1f}".format(Money(1234567.89)), str(m))
print(f"{m!s}", f"{m!s:>15}")
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        unit = spec[-1] if spec and spec[-1] in "CF" else "C"
        num_spec = spec[:-1] if spec and spec[-1] in "CF" else spec
        val = self.c if unit == "C" else self.c * 9 / 5 + 32
        return format(val, num_spec) + unit
t = Temp(21.5)
print(f"{t:.1fC} | {t:.0fF} | {t:F} | {t}")
class NoFormat:
    def __str__(self):
        return "nf"
print(format(NoFormat()), f"{NoFormat()}", f"{NoFormat()!s:^6}")
try:
    format(NoFormat(), ">5")
except TypeError as e:
    print("TypeError:", e)
class Inherit(int):
    def __repr__(self):
        return "Inherit(%d)" % int(self)
i = Inherit(7)
print(i, repr(i), str(i), f"{i:03d}", i + 1, type(i + 1).__name__)
class StrSub(str):
    pass
print(StrSub("abc").upper(), repr(StrSub("x")), type(StrSub("a") + "b").__name__)
class Nested:
    def __init__(self, items):
        self.items = items
    def __repr__(self):
        return "Nested(%r)" % (self.items,)
print(Nested([Nested([]), Both(), "s", 1.5]))
print(repr(Nested((1,))), repr(Nested("q")))
