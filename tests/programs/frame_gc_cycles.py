# reference cycles are reclaimed by gc.collect(), which returns how many
# unreachable objects it found; __del__ of objects in cycles runs then
import gc

gc.disable()
gc.collect()

log = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        log.append(self.name)


def make_pair(tag):
    a = Node(tag + "-a")
    b = Node(tag + "-b")
    a.other = b
    b.other = a


make_pair("p1")
print("after make_pair, before collect:", log)
found = gc.collect()
print("collected", found, "objects; finalized", sorted(log))

log.clear()
ring = [Node("r%d" % i) for i in range(5)]
for i, n in enumerate(ring):
    n.other = ring[(i + 1) % 5]
del ring, n
print("ring dropped, finalized so far:", log)
print("collected", gc.collect(), sorted(log))


class Plain:
    pass


def plain_cycles(n):
    for _ in range(n):
        x = Plain()
        y = Plain()
        x.y = y
        y.x = x


plain_cycles(10)
print("plain cycles collected:", gc.collect())

lst = []
lst.append(lst)
d = {}
d["self"] = d
del lst, d
print("self-referencing containers:", gc.collect())
print("nothing left:", gc.collect())
print("gc enabled?", gc.isenabled())
gc.enable()
print("gc enabled?", gc.isenabled(), "garbage:", gc.garbage)

# gc.get_referrers / is_tracked
t = (1, 2)
print(gc.is_tracked(t), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(Plain()))
holder = [t]
print(any(r is holder for r in gc.get_referrers(t)))
