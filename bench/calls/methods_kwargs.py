# loops calling staticmethods/classmethods through the class, and functions with keyword and default arguments
import sys
import time


class Fixed:
    SHIFT = 8

    @staticmethod
    def mix(a, b):
        return (a * 31 + b) & 0xFFFF

    @staticmethod
    def scale(x, k):
        return x * k * 0.5

    @classmethod
    def to_fixed(cls, x):
        return x << cls.SHIFT

    @classmethod
    def from_fixed(cls, x):
        return x >> cls.SHIFT


def weighted(x, w=2, bias=0):
    return x * w + bias


def clip(x, *, lo=0, hi=100):
    return lo if x < lo else hi if x > hi else x


def blend(a, b, t=0.5):
    return a * (1.0 - t) + b * t


def statics(n):
    h = 0
    f = 0.0
    for i in range(n):
        h = Fixed.mix(h, i & 255)
        f += Fixed.scale(i & 15, 0.75)
    return h, f


def classmethods(n):
    s = 0
    for i in range(n):
        s += Fixed.from_fixed(Fixed.to_fixed(i & 4095) + (i & 255))
    return s


def keywords(n):
    s = 0
    for i in range(n):
        s += weighted(i) + weighted(i, 3) + weighted(i, bias=1) + weighted(x=i, w=1)
        s += clip(i % 150, hi=120) + clip(i % 150 - 20, lo=-5)
    return s


def float_defaults(n):
    acc = 0.0
    for i in range(n):
        x = (i % 1000) * 0.001
        acc += blend(x, 1.0) + blend(x, 2.0, 0.25) + blend(a=x, b=-1.0, t=x)
    return acc


warm = (statics(3000), classmethods(3000), keywords(3000), float_defaults(3000))

t0 = time.perf_counter()
r1 = statics(2_000_000)
r2 = classmethods(2_000_000)
r3 = keywords(900_000)
r4 = float_defaults(1_500_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(repr(r1), r2, r3, repr(r4))
