# small class simulation: vectors with methods, many short-lived objects
class V:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x; self.y = y
    def add(self, o):
        return V(self.x + o.x, self.y + o.y)
    def scale(self, k):
        return V(self.x * k, self.y * k)
p = V(0.0, 0.0)
v = V(1.0, 0.5)
g = V(0.0, -0.01)
for i in range(300000):
    v = v.add(g.scale(0.5))
    p = p.add(v.scale(0.01))
print(round(p.x, 6), round(p.y, 6))
