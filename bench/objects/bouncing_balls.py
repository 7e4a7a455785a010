# bouncing balls: a Ball class moved under gravity in a box, bouncing off the walls and
# the floor with damping; `for b in balls: b.step(dt)`, then pairwise collisions between
# balls (bi = balls[i], bj = balls[j]) that swap velocities along the axes
import sys
import time

WIDTH = 100.0
HEIGHT = 60.0
GRAVITY = -9.81


class Ball:
    def __init__(self, x, y, vx, vy, radius):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.radius = radius
        self.bounces = 0

    def step(self, dt):
        self.vy += GRAVITY * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        r = self.radius
        if self.x < r:
            self.x = r + (r - self.x)
            self.vx = -self.vx
            self.bounces += 1
        elif self.x > WIDTH - r:
            self.x = (WIDTH - r) - (self.x - (WIDTH - r))
            self.vx = -self.vx
            self.bounces += 1
        if self.y < r:
            self.y = r + (r - self.y)
            self.vy = -self.vy * 0.9
            self.bounces += 1
        elif self.y > HEIGHT - r:
            self.y = (HEIGHT - r) - (self.y - (HEIGHT - r))
            self.vy = -self.vy
            self.bounces += 1

    def energy(self):
        return 0.5 * (self.vx * self.vx + self.vy * self.vy) - GRAVITY * self.y

    def overlaps(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        rr = self.radius + other.radius
        return dx * dx + dy * dy < rr * rr


def make_balls(n, seed):
    # a fixed LCG, so every interpreter gets the same balls
    balls = []
    s = seed
    for i in range(n):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        x = 5.0 + (s % 9000) / 100.0
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        y = 5.0 + (s % 5000) / 100.0
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        vx = (s % 2001 - 1000) / 50.0
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        vy = (s % 2001 - 1000) / 50.0
        balls.append(Ball(x, y, vx, vy, 0.5 + (i % 4) * 0.25))
    return balls


def simulate(balls, dt, steps):
    hits = 0
    n = len(balls)
    for step in range(steps):
        for b in balls:
            b.step(dt)
        for i in range(n):
            bi = balls[i]
            for j in range(i + 1, n):
                bj = balls[j]
                if bi.overlaps(bj):
                    bi.vx, bj.vx = bj.vx, bi.vx
                    bi.vy, bj.vy = bj.vy, bi.vy
                    hits += 1
    return hits


def report(balls):
    total = 0.0
    bounces = 0
    for b in balls:
        total += b.energy()
        bounces += b.bounces
    return total, bounces


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
wb = make_balls(8, 3)
warm = (simulate(wb, 0.01, 200), report(wb))

balls = make_balls(40, 12345)
t0 = time.perf_counter()
hits = simulate(balls, 0.005, 10_000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(hits, repr(report(balls)))
print(repr(balls[0].x), repr(balls[0].y), repr(balls[-1].vx), repr(balls[-1].vy))
