# and/or return operands, short-circuit, conditional expressions
def t(x):
    print("eval", repr(x))
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [], [] or None, "" and "x", "a" and "b" and "c")
print(t(0) and t(1))
print(t(1) and t(0) and t(2))
print(t(0) or t("") or t("found") or t("never"))
print(t([]) or t({}))
print(not 0, not 5, not "", not [0], not not "x")
x = 7
print("big" if x > 5 else "small", "even" if x % 2 == 0 else "odd")
print("a" if x < 0 else "b" if x < 5 else "c" if x < 10 else "d")
print(t(1) if t(True) else t(2))
print(t(1) if t(0) else t(2))
vals = [0, 1, "", "s", None, [], [0], 0.0]
for a in vals:
    print(repr(a), repr(a or "default"), repr(a and "yes"))
y = None
name = y or "anon"
print(name)
lst = []
first = lst and lst[0]
print(repr(first))
lst = [9]
first = lst and lst[0]
print(first)
print((1 or 0) + (0 or 5), (2 and 3) * (0 or 4))
z = x > 3 and x < 10
print(z, type(z).__name__, (x > 3) & (x < 10), type(1 and 2.5).__name__)
print(all([]), any([]), all([1, "a"]), any([0, "", None]))
