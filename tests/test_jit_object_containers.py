"""Objects whose attributes hold containers (``self.cells[i]``, ``self.items.append(x)``,
``self.text[k]``, ``self.counts[w]``) in compiled loops (issue 9, docs/jit-data.md,
"Containers held by objects"): the field's word is the container's record's address,
copied in through the identity map with the object, so a list reached through a field
and through a variable is one record. The field itself is read only natively: a store
of another container into it is an exit, made by the interpreter.

Each test compares a program's stdout, exit code and whole stderr under CPython and
under Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively."""
from test_jit import jit
from test_jit_slots import line


def test_a_table_held_by_an_object_is_read_and_written_natively(tmp_path):
    r = jit(tmp_path, """
        class Grid:
            def __init__(self, w, h):
                self.w = w
                self.h = h
                self.cells = [[0] * w for _ in range(h)]
                self.name = "grid-" + str(w)

        def fill(g):
            for y in range(g.h):
                for x in range(g.w):
                    g.cells[y][x] = x * y + len(g.name)
            return g.cells[3][4]

        g = Grid(120, 80)
        rows = g.cells
        first = rows[0]
        print(fill(g), g.cells is rows, g.cells[0] is first, sum(map(sum, g.cells)), vars(g).keys())
    """)
    row = r.loop(11)
    assert row["status"] == "compiled" and row["native_iterations"] >= 79, row


def test_a_list_held_by_an_object_grows_and_shrinks_through_its_methods(tmp_path):
    r = jit(tmp_path, """
        class Stack:
            def __init__(self):
                self.items = []
                self.pushes = 0

            def push(self, x):
                self.items.append(x)
                self.pushes += 1

            def pop(self):
                return self.items.pop()

        def churn(st, n):
            t = 0
            for i in range(n):
                st.push(i)
                st.push(i * 2)
                t += st.pop()
            return t

        s = Stack()
        items = s.items
        print(churn(s, 20000), len(s.items), s.pushes, s.items[-3:], s.items is items)
    """)
    row = r.loop(16)
    assert row["status"] == "compiled" and row["native_iterations"] > 15000, row


def test_a_field_and_a_variable_naming_one_list_are_one_record(tmp_path):
    r = jit(tmp_path, """
        class Box:
            def __init__(self, xs):
                self.xs = xs
                self.n = 0

        def both(b, ys, k):
            for i in range(k):
                b.xs[i % 10] += 1
                ys[(i + 3) % 10] *= 2
                ys[i % 10] %= 1000
                b.n += b.xs[i % 10] - ys[(i + 5) % 10]
            return b.n

        xs = list(range(10))
        b = Box(xs)
        print(both(b, xs, 5000), xs, b.xs is xs)
        other = list(range(10))
        print(both(b, other, 5000), xs, other)
    """)
    assert r.loop(8)["native_iterations"] > 8000


def test_storing_another_list_into_the_field_leaves_to_the_interpreter(tmp_path):
    r = jit(tmp_path, """
        class Buf:
            def __init__(self):
                self.data = [0] * 8
                self.swaps = 0

        def halved(xs):
            return [x // 2 for x in xs]

        def run(b, n):
            t = 0
            for i in range(n):
                b.data[i % 8] += i
                if i % 1000 == 999:
                    b.data = halved(b.data)
                    b.swaps += 1
                t += b.data[(i * 3) % 8]
            return t

        b = Buf()
        print(run(b, 10000), b.data, b.swaps)
    """)
    row = r.loop(12)
    assert row["native_iterations"] > 5000, row


def test_a_list_field_mutated_by_a_callee_that_is_not_compiled(tmp_path):
    r = jit(tmp_path, """
        class Acc:
            def __init__(self):
                self.vals = [0, 0, 0, 0]
                self.k = 0

        def outside(a, i):
            a.vals[i % 4] += len(str(i))        # str(): not compiled, so the loop exits here

        def run(a, n):
            s = 0
            for i in range(n):
                a.vals[(i + 1) % 4] += 2
                if i % 500 == 0:
                    outside(a, i)
                s += a.vals[i % 4]
            return s

        a = Acc()
        print(run(a, 8000), a.vals)
    """)
    assert r.loop(12)["native_iterations"] > 3000


def test_an_attribute_deleted_or_added_mid_loop(tmp_path):
    jit(tmp_path, """
        class T:
            def __init__(self):
                self.xs = [1, 2, 3]
                self.n = 0

        def run(t, n):
            s = 0
            for i in range(n):
                s += t.xs[i % 3]
                if i == 3000:
                    del t.xs
                    t.xs = [7, 8, 9]
                if i == 4000:
                    t.extra = [1]
            return s

        t = T()
        print(run(t, 6000), t.xs, sorted(vars(t)))

        def broken(t, n):
            s = 0
            for i in range(n):
                s += t.xs[i % 3]
                if i == 2500:
                    del t.xs
            return s

        try:
            broken(T(), 5000)
        except AttributeError as e:
            print("AttributeError", e)
    """)


def test_an_index_error_in_a_held_list_has_cpythons_traceback(tmp_path):
    r = jit(tmp_path, """
        class Ring:
            def __init__(self, n):
                self.slots = list(range(n))

        def walk(r, n):
            s = 0
            for i in range(n):
                s += r.slots[i // 3]
            return s

        print(walk(Ring(5000), 9000))
        walk(Ring(100), 9000)
    """)
    assert r.loop(8)["native_iterations"] > 5000


def test_strs_and_dicts_held_by_objects(tmp_path):
    r = jit(tmp_path, """
        class Text:
            def __init__(self, s):
                self.s = s
                self.counts = {}
                self.vowels = 0

        def scan(t):
            for i in range(len(t.s)):
                c = t.s[i]
                if c in "aeiouäö":
                    t.vowels += 1
                t.counts[ord(c)] = t.counts.get(ord(c), 0) + 1
            return t.vowels

        t = Text("hällo wörld, a quick brown fox " * 300)
        print(scan(t), sorted(t.counts.items())[:6], len(t.counts))
    """)
    assert r.loop(9)["native_iterations"] > 5000


def test_lists_of_objects_held_by_an_object(tmp_path):
    r = jit(tmp_path, """
        class Body:
            def __init__(self, x, v):
                self.x = x
                self.v = v

        class World:
            def __init__(self, n):
                self.bodies = [Body(float(i), 1.0 + i % 3) for i in range(n)]
                self.t = 0.0

            def step(self, dt):
                for b in self.bodies:
                    b.x += b.v * dt
                    if b.x > 50.0:
                        b.v = -b.v
                    elif b.x < 0.0:
                        b.v = -b.v
                self.t += dt

        def run(w, n):
            for k in range(n):
                w.step(0.5)

        w = World(40)
        first = w.bodies[0]
        run(w, 300)
        print(w.t, [round(b.x, 3) for b in w.bodies[:5]], w.bodies[0] is first, w.bodies[3].v)
    """)
    row = r.loop(22)
    assert row["status"] == "compiled" and row["native_iterations"] > 250, row


def test_objects_sorted_into_empty_lists_need_one_version(tmp_path):
    # an empty list the loop appends objects to is guessed a list of those objects (the
    # class of a list of objects the loop holds: JitController._other_lists), and an
    # empty list in a field is taken by a version typed for a list of objects, so the
    # loop is not compiled again for every pattern of empty lists
    src = """
        class P:
            def __init__(self, k):
                self.k = k
                self.t = 0

        class Car:
            def __init__(self):
                self.riders = []
                self.cap = 5

        def board(car, waiting, now):
            still = []
            for p in waiting:           # loop
                if len(car.riders) < car.cap and p.k % 3 == now % 3:
                    p.t = now
                    car.riders.append(p)
                else:
                    still.append(p)
            return still

        def run(n):
            car = Car()
            waiting = [P(i) for i in range(400)]
            total = 0
            for now in range(n):
                waiting = board(car, waiting, now)
                total += len(car.riders)
                if now % 4 == 0:
                    car.riders = []
                waiting = waiting + [P(now + j) for j in range(3)]
            return total, len(waiting), sum(p.t for p in waiting)

        print(run(400))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    # (entries, not iterations: the loop copies in every object it walks and is rightly
    # left to the baseline once that copying is timed to cost more than it saves -- after
    # 24-39 entries on this machine, 9000-16000 iterations. Eight calls of board see
    # car.riders both empty and not, twice over)
    assert row["versions"] == 1 and row["entries"] >= 8, row
    assert not any("given to append" in reason for reason, _ in r.exit_reasons(line(src))), row
