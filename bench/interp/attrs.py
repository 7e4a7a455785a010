# attribute access and method calls on user objects
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def dot(self, other):
        return self.x * other.x + self.y * other.y

class Particle:
    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)
        self.mass = i % 7 + 1
    def step(self):
        self.pos = self.pos.add(self.vel)
        return self.pos.dot(self.vel) * self.mass

ps = [Particle(i) for i in range(300)]
energy = 0
for t in range(1000):
    for p in ps:
        energy += p.step()
print(energy)
