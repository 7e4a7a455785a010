# f-strings with format specs
x, y, name = 42, 3.14159, "tau"
print(f"{x}|{x:5}|{x:<5}|{x:^5}|{x:>5}|{x:*^9}|{x:05}|{x:+}|{-x:+}|{x: }|{-x: }")
print(f"{y:.2f}|{y:10.3f}|{y:<10.1f}|{y:e}|{y:.2E}|{y:g}|{y:.0%}|{0.256:.1%}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{-1234567:,}|{2 ** 40:_x}|{255:#x}|{255:#X}|{255:x}|{5:b}|{5:#b}|{5:08b}|{8:o}|{8:#o}")
print(f"{name}|{name:>6}|{name:_<6}|{name:^7}|{name!r}|{name!s}|{name.upper()}|{name[::-1]}|{'é'!a}")
w, p = 10, 3
print(f"[{y:{w}.{p}f}]|[{name:{'>'}{w}}]|[{x:{'0'}{w}d}]")
print(f"{x=}|{y=:.2f}|{name=!s}|{x + 1 = }|{ x * 2 = }")
print(f"{'nested ' + f'{x:03d}'}|{[i * 2 for i in range(3)]}|{ {'k': 1}['k'] }|{(lambda v: v + 1)(1)}")
print(f"{{literal braces}}|{{{x}}}|{x}{{}}")
d = {"key": "val", 1: "one"}
print(f"{d['key']}|{d[1]}|{len(d)}|{d!r}")
class P:
    def __init__(self):
        self.attr = "A"
    def __repr__(self):
        return "P()"
pp = P()
print(f"{pp.attr}|{pp}|{pp!r}|{pp!s:>5}")
print(f"{3.0:.0f}|{2.5:.0f}|{3.5:.0f}|{-0.0:.1f}|{1e10:.3g}|{123.456:.6g}|{0.1:.20f}")
print(f"{True}|{True:d}|{None}|{None!r}|{False:>6}|{True!s:>6}")
print(f"{-42:=+8}|{42:=8}|{-3.5:=10.2f}|{42:x<+6}")
print(f"{'x':0>3}|{7:0<3}|{7:0^5}")
print(f"{1e-7}|{1e16}|{0.1 + 0.2}|{1/3:.15f}|{2**0.5!r}")
print(f"{'multi'}" f"{'part'}" "plain" f"{x}")
print(f"""triple {x}
second line {y:.1f}""")
items = ["a", "b"]
print(f"{', '.join(items)}|{len(items):>{w}}|{items[-1]!r:^{w}}")
val = 7
print(f"{val:{'+' if val > 0 else ''}d}|{val:#{'x'}}")
print(f"{3+4}|{3 if val else 4}|{'yes' if val > 5 else 'no'}")
num = 1234.5678
for spec in ["", ".1f", ",.2f", "e", "010.2f", "+.3g", "_.1f"]:
    print(repr(spec), f"{num:{spec}}")
