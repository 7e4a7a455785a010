# ray tracer: a Vec class with operator-like methods (add, sub, scale, dot, norm) that
# return new Vec objects, Sphere objects in a list, a Ray, Lambert shading with shadows
# and one reflection; renders a small image to a grid of shades and an ASCII picture
import math
import sys
import time


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin.add(self.direction.scale(t))


class Sphere:
    def __init__(self, center, radius, shade, mirror):
        self.center = center
        self.radius = radius
        self.shade = shade
        self.mirror = mirror

    def hit(self, ray):
        # the nearest t > 1e-6 where the ray meets the sphere, or -1.0
        oc = ray.origin.sub(self.center)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        if t > 1e-6:
            return t
        return -1.0

    def normal(self, p):
        return p.sub(self.center).scale(1.0 / self.radius)


def nearest(spheres, ray):
    best_t = 1e30
    best = None
    for s in spheres:
        t = s.hit(ray)
        if t > 0.0 and t < best_t:
            best_t = t
            best = s
    return best, best_t


def trace(spheres, light, ray, depth):
    s, t = nearest(spheres, ray)
    if s is None:
        return 0.1 + 0.2 * max(0.0, ray.direction.y)
    p = ray.at(t)
    n = s.normal(p)
    to_light = light.sub(p).norm()
    lambert = n.dot(to_light)
    shade = 0.05
    if lambert > 0.0:
        blocker, _ = nearest(spheres, Ray(p, to_light))
        if blocker is None:
            shade += lambert * s.shade
    if s.mirror > 0.0 and depth < 2:
        d = ray.direction
        r = d.sub(n.scale(2.0 * d.dot(n)))
        shade = shade * (1.0 - s.mirror) + s.mirror * trace(spheres, light, Ray(p, r), depth + 1)
    return shade


def render(spheres, light, width, height):
    eye = Vec(0.0, 1.0, -4.0)
    image = []
    for row in range(height):
        line = []
        y = 1.0 - 2.0 * row / height
        for col in range(width):
            x = 2.0 * col / width - 1.0
            d = Vec(x * 1.2, y * 0.9 - 0.3, 2.0).norm()
            line.append(trace(spheres, light, Ray(eye, d), 0))
        image.append(line)
    return image


def scene():
    return [
        Sphere(Vec(0.0, -1000.0, 0.0), 999.0, 0.8, 0.0),
        Sphere(Vec(-1.2, 0.0, 1.5), 1.0, 0.9, 0.3),
        Sphere(Vec(1.3, -0.2, 1.0), 0.8, 0.7, 0.0),
        Sphere(Vec(0.2, 1.4, 3.0), 0.9, 0.6, 0.6),
        Sphere(Vec(-0.3, -0.6, 0.2), 0.4, 1.0, 0.0),
    ]


def picture(image, step):
    ramp = " .:-=+*#%@"
    out = []
    for r in range(0, len(image), step):
        row = image[r]
        chars = []
        for c in range(0, len(row), step // 2):
            k = int(row[c] * 10.0)
            chars.append(ramp[min(9, max(0, k))])
        out.append("".join(chars))
    return out


def checksum(image):
    total = 0.0
    for line in image:
        for v in line:
            total += v
    return total


light = Vec(-3.0, 5.0, -2.0)
# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
warm = checksum(render(scene(), light, 16, 12))

t0 = time.perf_counter()
image = render(scene(), light, 440, 330)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(repr(checksum(image)))
for line in picture(image, 20):
    print(line)
