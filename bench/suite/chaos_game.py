"""Chaos-game fractals with a Point class: Sierpinski shapes and a Barnsley fern.

Workload: chaos game / fractal with small immutable value objects. A ``Point``
class with ``__add__``, ``__sub__``, ``__mul__``, ``__eq__``/``__hash__`` and
``lerp``; affine maps as objects with ``__call__``; an iterated function system
picks a map at random (weighted, seeded ``random.Random``) and moves the point.
Points are binned into a character grid; the hit counts, a coarse ASCII
rendering, the bounding box and a few moments are printed (floats rounded).
"""
import math
import random


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    __rmul__ = __mul__

    def lerp(self, other, t):
        return self + (other - self) * t

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Point(%.4f, %.4f)" % (self.x, self.y)


class Affine:
    __slots__ = ("a", "b", "c", "d", "e", "f")

    def __init__(self, a, b, c, d, e, f):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f

    def __call__(self, p):
        return Point(self.a * p.x + self.b * p.y + self.e, self.c * p.x + self.d * p.y + self.f)


class Toward:
    """Move a fraction of the way toward a fixed vertex."""

    __slots__ = ("vertex", "ratio")

    def __init__(self, vertex, ratio):
        self.vertex = vertex
        self.ratio = ratio

    def __call__(self, p):
        return p.lerp(self.vertex, self.ratio)


class Canvas:
    def __init__(self, width, height, lo, hi):
        self.width = width
        self.height = height
        self.lo = lo
        self.hi = hi
        self.counts = [[0] * width for _ in range(height)]

    def plot(self, p):
        fx = (p.x - self.lo.x) / (self.hi.x - self.lo.x)
        fy = (p.y - self.lo.y) / (self.hi.y - self.lo.y)
        if 0.0 <= fx < 1.0 and 0.0 <= fy < 1.0:
            self.counts[self.height - 1 - int(fy * self.height)][int(fx * self.width)] += 1

    def render(self, shades=" .:-=+*#%@"):
        peak = max(max(row) for row in self.counts) or 1
        scale = (len(shades) - 1) / math.log(peak + 1)
        lines = []
        for row in self.counts:
            lines.append("".join(shades[int(math.log(c + 1) * scale)] for c in row))
        return lines

    def occupied(self):
        n = 0
        for row in self.counts:
            for c in row:
                if c:
                    n += 1
        return n


def chaos(maps, weights, steps, rng, canvas, start):
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    p = start
    lo_x = lo_y = float("inf")
    hi_x = hi_y = float("-inf")
    mx = my = 0.0
    for i in range(steps):
        r = rng.random() * acc
        k = 0
        while cum[k] < r:
            k += 1
        p = maps[k](p)
        if i < 20:
            continue  # let the orbit settle onto the attractor
        canvas.plot(p)
        if p.x < lo_x:
            lo_x = p.x
        if p.x > hi_x:
            hi_x = p.x
        if p.y < lo_y:
            lo_y = p.y
        if p.y > hi_y:
            hi_y = p.y
        mx += p.x
        my += p.y
    n = steps - 20
    return p, (lo_x, lo_y, hi_x, hi_y), (mx / n, my / n)


def main():
    rng = random.Random(2023)
    tri = [Point(0.0, 0.0), Point(1.0, 0.0), Point(0.5, 0.8660254)]
    canvas = Canvas(48, 24, Point(0.0, 0.0), Point(1.0, 0.8660255))
    last, box, mean = chaos([Toward(v, 0.5) for v in tri], [1, 1, 1], 440000, rng, canvas, Point(0.3, 0.3))
    print("sierpinski: occupied cells", canvas.occupied(), "mean (%.3f, %.3f)" % mean,
          "box", " ".join("%.3f" % v for v in box))
    for line in canvas.render()[::3]:
        print("  |" + line + "|")

    pent = [Point(0.5 + 0.5 * c, 0.5 + 0.5 * s) for c, s in
            ((0.0, 1.0), (0.9510565, 0.3090170), (0.5877853, -0.8090170), (-0.5877853, -0.8090170),
             (-0.9510565, 0.3090170))]
    canvas2 = Canvas(40, 40, Point(0.0, 0.0), Point(1.0, 1.0))
    _, box2, mean2 = chaos([Toward(v, 0.618) for v in pent], [1] * 5, 340000, rng, canvas2, Point(0.5, 0.5))
    print("pentaflake: occupied cells", canvas2.occupied(), "mean (%.3f, %.3f)" % mean2)

    fern_maps = [Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0),
                 Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6),
                 Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6),
                 Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44)]
    canvas3 = Canvas(30, 30, Point(-2.7, 0.0), Point(2.8, 10.0))
    _, box3, mean3 = chaos(fern_maps, [0.01, 0.85, 0.07, 0.07], 460000, rng, canvas3, Point(0.0, 0.0))
    print("fern: occupied cells", canvas3.occupied(), "mean (%.3f, %.3f)" % mean3,
          "box", " ".join("%.2f" % v for v in box3))
    for line in canvas3.render()[::3]:
        print("  |" + line + "|")
    distinct = {Point(round(p.x, 2), round(p.y, 2)) for p in (Point((i % 89) / 7.0, (i * i) % 11 / 3.0) for i in range(20000))}
    print("distinct rounded points:", len(distinct))


if __name__ == "__main__":
    main()
