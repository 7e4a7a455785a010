# particle system: an Emitter makes Particle objects (a new object for every dead one,
# replaced in the list), each updated with drag and gravity, ageing until it dies; per
# step the live particles are binned into a histogram (a list of ints) by x position
import sys
import time


class Particle:
    def __init__(self, x, y, vx, vy, life):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.life = life
        self.age = 0

    def update(self, dt, drag, gravity):
        self.vx -= self.vx * drag * dt
        self.vy -= (self.vy * drag - gravity) * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        self.age += 1
        return self.age < self.life

    def speed2(self):
        return self.vx * self.vx + self.vy * self.vy


class Emitter:
    def __init__(self, x, y, seed):
        self.x = x
        self.y = y
        self.state = seed
        self.made = 0

    def rand(self):
        # a fixed LCG: every interpreter gets the same particles
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def emit(self):
        self.made += 1
        vx = (self.rand() % 2001 - 1000) / 100.0
        vy = (self.rand() % 1001) / 50.0
        life = 20 + self.rand() % 80
        return Particle(self.x, self.y, vx, vy, life)


def run(emitter, count, steps, dt, bins):
    particles = []
    for i in range(count):
        particles.append(emitter.emit())
    hist = [0] * bins
    width = 40.0
    fastest = 0.0
    for step in range(steps):
        for i in range(count):
            p = particles[i]
            if not p.update(dt, 0.4, -9.8):
                particles[i] = emitter.emit()
                continue
            s = p.speed2()
            if s > fastest:
                fastest = s
            k = int((p.x + width) / (2.0 * width) * bins)
            if 0 <= k < bins:
                hist[k] += 1
    cx = 0.0
    cy = 0.0
    for p in particles:
        cx += p.x
        cy += p.y
    return emitter.made, fastest, cx / count, cy / count, hist


def summary(result):
    made, fastest, cx, cy, hist = result
    peak = 0
    where = 0
    total = 0
    for k in range(len(hist)):
        total += hist[k]
        if hist[k] > peak:
            peak = hist[k]
            where = k
    return made, repr(fastest), repr(cx), repr(cy), total, peak, where


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
warm = summary(run(Emitter(0.0, 0.0, 7), 50, 100, 0.02, 16))

t0 = time.perf_counter()
r = run(Emitter(0.0, 10.0, 2024), 2_000, 800, 0.02, 64)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(summary(r))
print(r[4][:8], r[4][28:36])
