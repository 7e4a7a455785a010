"""A class's numbers read through its objects in compiled loops (``self.limit`` of a class's
``limit = 100``: jtypes.class_number): a constant of the compiled code, which every entry
checks is still the class's attribute, and that no object copied in has one of its own.

Each test compares a program's stdout, exit code and whole stderr under CPython and under
Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively."""
from test_jit import jit


def test_class_numbers_read_through_objects_and_methods(tmp_path):
    r = jit(tmp_path, """
        class Ball:
            gravity = 9.81
            bounce = 0.75
            limit = 1000
            sticky = False

            def __init__(self, x):
                self.x = x
                self.v = 0.0
                self.hits = 0

            def step(self, dt):
                self.v -= self.gravity * dt
                self.x += self.v * dt
                if self.x < 0.0 and not self.sticky:
                    self.x = -self.x
                    self.v = -self.v * self.bounce
                    self.hits = (self.hits + 1) % self.limit

        def run(balls, n):
            for i in range(n):
                for b in balls:
                    b.step(0.01)
            return [(b.x, b.v, b.hits) for b in balls]

        balls = [Ball(float(k)) for k in range(1, 6)]
        print(run(balls, 4000))
        print([vars(b) for b in balls], "gravity" in vars(balls[0]))
    """)
    row = r.loop(22)
    assert row["status"] == "compiled" and row["native_iterations"] > 3900, row


def test_a_class_number_changed_in_the_loop_and_between_runs(tmp_path):
    # the loop's own assignment to the class leaves native code; the next entry finds the
    # class's attribute changed and compiles again
    r = jit(tmp_path, """
        class Step:
            size = 2

            def __init__(self, x):
                self.x = x

            def go(self, a):
                self.x = (self.x + a * self.size) % 100003
                return self.x % 7

        def run(ps, n, change_at):
            count = 0
            for i in range(n):
                count += ps[i % len(ps)].go(i)
                if i == change_at:
                    Step.size = Step.size + 1
            return count

        ps = [Step(k) for k in range(8)]
        print(run(ps, 3000, 1500), [p.x for p in ps])
        Step.size = 1.5
        print(run(ps, 3000, -1), [p.x for p in ps])
        Step.size = 4
        print(run(ps, 3000, -1), [p.x for p in ps])
    """)
    row = r.loop(14)
    assert row["status"] == "compiled" and row["native_iterations"] > 6000, row


def test_an_object_with_its_own_attribute_of_the_name_reads_its_own(tmp_path):
    # one object gets an attribute of the class number's name, before a run and during one:
    # from then on its value is the object's, as in CPython
    r = jit(tmp_path, """
        class Cell:
            weight = 3

            def __init__(self, v):
                self.v = v

            def score(self):
                return self.v * self.weight

        def total(cells, n, own_at):
            t = 0
            for i in range(n):
                c = cells[i % len(cells)]
                t += c.score()
                if i == own_at:
                    cells[2].weight = 100
            return t

        cells = [Cell(k) for k in range(6)]
        print(total(cells, 3000, -1))
        print(total(cells, 3000, 1000))
        print(total(cells, 3000, -1), [vars(c) for c in cells])
        del cells[2].weight
        print(total(cells, 3000, -1))
    """)
    row = r.loop(13)
    assert row["status"] == "compiled" and row["native_iterations"] > 2000, row


def test_a_class_number_in_init_of_an_object_made_natively(tmp_path):
    r = jit(tmp_path, """
        class P:
            scale = 0.5
            base = 7

            def __init__(self, x):
                self.x = x * self.scale + self.base

        def make(n):
            s = 0.0
            for i in range(n):
                p = P(i)
                s += p.x
            return s

        print(make(5000), vars(P(3)))
    """)
    row = r.loop(11)
    assert row["status"] == "compiled" and row["native_iterations"] > 4000, row


def test_class_numbers_that_are_not_constants_and_a_deleted_one(tmp_path):
    # an int past 64 bits is not one (the loop leaves where it reads it); a class number
    # deleted between runs makes CPython's AttributeError, at its line
    r = jit(tmp_path, """
        class Big:
            huge = 2 ** 70
            small = 5

            def __init__(self):
                self.n = 1

        def run(o, n):
            t = 0
            for i in range(n):
                t += o.small
                if i % 500 == 0 and o.huge > i:
                    t += 1
            return t

        b = Big()
        print(run(b, 3000))
        del Big.small
        print(run(b, 3000))
    """)
    assert r.expected.returncode == 1 and "AttributeError" in r.expected.stderr
    assert r.loop(11)["native_iterations"] > 0
