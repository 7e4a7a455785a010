# str.format: positional, keyword, index, attribute, specs
print("{} {} {}".format("a", "b", "c"), "{2} {1} {0}".format("a", "b", "c"), "{0}{1}{0}".format("ab", "-"))
print("{name} is {age}".format(name="Bob", age=7), "{0} and {x}".format(1, x=2))
data = [10, 20, 30]
d = {"k": "v", "n": 5}
print("{0[1]} {0[2]} {1[k]} {1[n]}".format(data, d), "{d[k]}".format(d=d))
class Pt:
    def __init__(self):
        self.x, self.y = 3, 4
        self.inner = {"z": 9}
p = Pt()
print("{p.x},{p.y} {p.inner[z]}".format(p=p), "{0.x}".format(p))
print("{:>8}|{:<8}|{:^8}|{:*^8}|{:08.3f}|{:+,}|{:x}|{:#b}|{:.1%}".format("r", "l", "c", "s", 3.14159, 1234567, 255, 5, 0.4567))
print("{0:{1}}|{0:{fill}>{width}}|{num:.{prec}f}".format("v", 5, fill="-", width=6, num=2.71828, prec=3))
print("{!r} {!s} {!a}".format("q", "q", "ü"), "{0!r:>6}".format("q"))
print("{{}} {{{}}}".format(5), "{:}".format(7), "{0:}".format("x"))
print("{:,.2f}".format(1e6), "{:_b}".format(1023), "{:e}".format(0), "{:g}".format(1e-5), "{:%}".format(1))
print("{:5}|{:<5}|{:5}|{:>5}".format(1, 1, "s", "s"))
print("{:=+7}|{:0=7}|{:07}".format(-12, -12, -12))
print("{:c}".format(9731), "{:d}".format(True))
fmt = "{greeting}, {0}! You have {1} new {what}."
print(fmt.format("Ann", 3, greeting="Hi", what="messages"))
print("{0}{0}{0}".format("echo"), "{a}{b}{a}".format(a=1, b=2))
for err_fmt, args, kwargs in [("{} {}", ("a",), {}), ("{0} {}", ("a", "b"), {}), ("{x}", (), {}), ("{0[5]}", ([1],), {}), ("{:d}", ("s",), {}), ("{0.nope}", (1,), {}), ("{", (), {})]:
    try:
        print(err_fmt.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(format(3.5), format(42, "^6"), format("txt", "*<6"), format(1e3, ".1e"))
print("{:>{w}.{p}}".format("truncate me", w=8, p=4), "{:.3}".format("abcdef"), "{:.3}".format(3.14159))
print(str.format("{} + {}", 1, 2), "{:{}{}}".format(3, "0", 4))
table = [("apple", 1.5, 10), ("kiwi", 0.25, 200), ("watermelon", 3.0, 1)]
for row in table:
    print("{:<12}|{:>6.2f}|{:>5d}".format(*row))
print("{:-^30}".format(" END "))
