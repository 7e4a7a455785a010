# records built as objects of a small class in a loop, appended to a list
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(n):
    out = []
    for i in range(n):
        out.append(Point(i * 0.5, i % 7))
    return out


tot = 0.0
for k in range(6):
    ps = make(100000)
    tot += ps[-1].x + len(ps) + ps[k].y
print(tot)
