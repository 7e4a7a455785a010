"""Loops whose calls reach the program's objects several calls deep -- a ray tracer's pixel
loop: ``trace(spheres, ray)`` calls ``nearest``, which calls ``s.hit(ray)`` of each sphere,
which calls ``Vec.sub`` -- compiled with every call inlined: the attributes the callees use
are copied in with the objects passed to them (``inline.callee_attribute_names``), a callee
may return a tuple holding an object or None (``infer._object_member``), and a method of
the object a call returns (``Vec(x, y).norm()``) does not keep the loop from its hook.
Each test compares stdout, exit code and the whole of stderr with CPython's."""
from test_jit import jit

SCENE = """
import math

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def norm(self):
        k = 1.0 / math.sqrt(self.dot(self))
        return Vec(self.x * k, self.y * k)


class Disc:
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius

    def hit(self, p):
        d = p.sub(self.center)
        gap = d.dot(d) - self.radius * self.radius
        if gap < 0.0:
            return -gap
        return -1.0


def nearest(discs, p):
    best = None
    best_t = 1e30
    for s in discs:
        t = s.hit(p)
        if t > 0.0 and t < best_t:
            best_t = t
            best = s
    return best, best_t
"""
# (the line of SCENE's last line, in the programs below: their loops' lines count from it)
BASE = SCENE.count("\n") + 1


def test_a_loop_calling_methods_of_objects_passed_two_calls_deep_runs_natively(tmp_path):
    r = jit(tmp_path, SCENE + """
def shade(discs, n):
    total = 0.0
    hits = 0
    for i in range(n):
        d = Vec(i * 0.001 - 1.5, 0.25).norm()
        s, t = nearest(discs, Vec(d.x * 2.0, d.y))
        if s is not None:
            hits += 1
            total += t * s.radius
    return hits, round(total, 9)


discs = [Disc(Vec(k - 2.0, 0.1 * k), 0.3 + 0.05 * k) for k in range(5)]
print(shade(discs, 3000))
print([round(s.radius, 2) for s in discs])
""")
    row = r.loop(BASE + 4)
    assert row["status"] == "compiled", row
    assert row["native_iterations"] > 2900, row
    # nearest's loop, inlined: its iterations natively counted as its own
    inner = r.loop(SCENE.splitlines().index("    for s in discs:") + 1)
    assert inner["native_iterations"] >= 5 * 2900, inner


def test_a_tuple_holding_an_object_made_at_an_exit_holds_that_very_object(tmp_path):
    # the pair nearest returns is a virtual (its members' words); printing it leaves, and the
    # exit makes the tuple of the Disc itself (or None), which `is` compares by identity
    r = jit(tmp_path, SCENE + """
def pairs(discs, n):
    found = []
    for i in range(n):
        pair = nearest(discs, Vec(i * 0.002 - 3.0, 0.2))
        if i % 700 == 0:
            print(i, type(pair).__name__, len(pair), pair[0] is None,
                  pair[0] is discs[2], pair[0] is discs[3], round(pair[1], 6))
        if pair[0] is discs[4]:
            found.append(i)
    return len(found), found[:3]


discs = [Disc(Vec(k - 2.0, 0.1 * k), 0.3 + 0.05 * k) for k in range(5)]
print(pairs(discs, 3000))
""")
    assert r.loop(BASE + 3)["native_iterations"] > 1000


def test_an_exception_five_calls_deep_in_an_inlined_chain(tmp_path):
    # Vec.sub's Vec(...) raises in __init__ when a coordinate is NaN: five frames deep from
    # the loop (nearest, Disc.hit, Vec.sub, Vec.__init__ -- four inlined), with CPython's
    # traceback
    r = jit(tmp_path, SCENE.replace("        self.x = x\n", "        if x != x:\n"
                                    "            raise ValueError('nan')\n        self.x = x\n", 1) + """
def probe(discs, n):
    hits = 0
    for i in range(n):
        x = float("nan") if i == 2500 else i * 0.001 - 1.5
        s, t = nearest(discs, Vec(x, 0.25))
        if s is not None:
            hits += 1
    return hits


discs = [Disc(Vec(k - 2.0, 0.1 * k), 0.3 + 0.05 * k) for k in range(5)]
print(probe(discs, 3000))
""")
    assert r.loop(BASE + 5)["native_iterations"] > 1000


def test_a_list_appended_to_gets_the_room_it_needed_last_time(tmp_path):
    # a row of 1000 appended floats per run of the loop: runs have the room they need at
    # once (room for the iterations a run has left, transfer.EntryRecords.tail, or for what
    # the last run needed), a few exits to get more room at most
    r = jit(tmp_path, """
        def rows(n, width):
            image = []
            for row in range(n):
                line = []
                for col in range(width):
                    line.append(row * 0.5 + col)
                image.append(line)
            return image

        image = rows(20, 1000)
        print(len(image), [len(line) for line in image][:3], image[7][999], sum(map(sum, image)))
    """)
    row = r.loop(6)
    assert row["native_iterations"] > 15000, row
    room = sum(n for (reason, _), n in r.exit_reasons(6).items() if "room" in reason)
    assert room <= 6, r.exit_reasons(6)


def test_a_loop_whose_iterations_cost_more_than_their_floor_is_timed_not_given_up(tmp_path):
    # each entry copies 400 objects in (~0.2-0.5 ms); an iteration's one call, by the floor
    # of its instructions, costs ~0.1 us, but runs an inlined loop of 60 iterations (~2.5 us
    # as written). Judged by the floor, the entries looked not to pay and the loop was given
    # up after a few dozen of them; timed, it stays compiled
    r = jit(tmp_path, """
        class P:
            def __init__(self, v):
                self.v = v

        def work(x):
            acc = 0.0
            for k in range(60):
                acc = acc * 0.999 + x * k
            return acc

        def row(ps, n):
            t = 0.0
            for i in range(n):
                t += work(ps[i].v)
            return t

        ps = [P(j * 0.37) for j in range(400)]
        total = 0.0
        for rep in range(300):
            total += row(ps, 300)
        print(round(total, 6))
    """, threshold="1000")
    r_row = r.loop(14)
    assert r_row["status"] == "compiled", r_row
    assert r_row["native_iterations"] > 80000, r_row
