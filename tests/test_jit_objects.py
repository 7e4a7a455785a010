"""Objects of the program's classes in compiled loops (issue 9, docs/jit-data.md): number
attributes read and written natively through a record copied in at entry, guarded on
the class and the layout, written back at every exit.

Each test compares a program's stdout, exit code and whole stderr under CPython and
under Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively."""
from test_jit import jit


def test_a_method_loop_reads_and_writes_number_attributes(tmp_path):
    r = jit(tmp_path, """
        class Counter:
            def __init__(self):
                self.count = 0
                self.total = 0.0
                self.flag = False
                self.name = "c"

            def run(self, n):
                for i in range(n):
                    self.count += i
                    self.total += i * 0.5
                    if i % 3 == 0:
                        self.flag = not self.flag
                return self.count

        c = Counter()
        before = (c.name, c.__dict__)
        for k in range(5):
            c.run(10000)
        print(c.count, c.total, c.flag, c.name, list(vars(c)), before[0] is c.name, before[1] is c.__dict__)
    """)
    row = r.loop(10)
    assert row["status"] == "compiled" and row["native_iterations"] > 40000, row


def test_objects_in_plain_variables_and_aliases(tmp_path):
    # two names for one object are one record: a store through one is read through the other
    r = jit(tmp_path, """
        class P:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        def walk(p, q, n):
            for i in range(n):
                p.x += 1
                q.y = q.x * 2 + p.y % 7
            return p.x, p.y, q.x, q.y

        a = P(1, 2)
        b = P(10, 20)
        print(walk(a, b, 5000), walk(a, a, 5000), a is not b, vars(a), vars(b))
    """)
    assert r.loop(8)["native_iterations"] > 4000


def test_unchanged_fields_keep_their_very_objects(tmp_path):
    r = jit(tmp_path, """
        class S:
            def __init__(self):
                self.big = 2 ** 40 + 1
                self.f = 0.1 + 0.2
                self.neg = -0.0
                self.n = 0

        def bump(s, k):
            for i in range(k):
                s.n += s.big % 3
                if s.n < 0:
                    s.neg = 1.0
            return s.n

        s = S()
        big, f, neg = s.big, s.f, s.neg
        print(bump(s, 3000), s.big is big, s.f is f, s.neg is neg, repr(s.neg))
    """)
    assert r.loop(10)["native_iterations"] > 2000


def test_int_overflow_in_a_field_goes_on_with_big_ints(tmp_path):
    r = jit(tmp_path, """
        class Acc:
            def __init__(self):
                self.v = 1
                self.steps = 0

        def grow(a, n):
            for i in range(n):
                a.v = a.v * 3 + 1
                a.steps += 1
            return a.v

        a = Acc()
        print(grow(a, 1500) % 1000003, a.steps, a.v.bit_length())
    """)
    assert ("int overflow", 9) in r.exit_reasons(8)


def test_a_field_changing_type_and_an_attribute_added_midway(tmp_path):
    r = jit(tmp_path, """
        class T:
            def __init__(self):
                self.a = 0
                self.b = 1

        def run(t, n):
            for i in range(n):
                t.a += t.b
                if i == n // 2:
                    t.b = 0.5           # a float into an int field: the interpreter stores it
                if i == n - 10:
                    t.extra = i         # an attribute the record does not have
            return t.a

        t = T()
        print(run(t, 4000), vars(t))
        print(run(t, 4000), vars(t))
    """)
    assert r.loop(8)["native_iterations"] > 2000


def test_an_exception_reading_a_field_has_cpythons_traceback(tmp_path):
    r = jit(tmp_path, """
        class R:
            def __init__(self):
                self.num = 100
                self.den = 7

        def ratio(r, n):
            total = 0
            for i in range(n):
                total += r.num // r.den
                r.den -= 1
            return total

        r = R()
        print(ratio(r, 5))
        ratio(r, 5000)
    """)
    assert r.got.returncode == 1 and "ZeroDivisionError" in r.got.stderr


def test_a_data_descriptor_slots_and_getattr(tmp_path):
    # __getattribute__ and __getattr__ are not the instance dict: those loops leave native
    # code where they read them, and the results are CPython's; a property with a plain
    # getter is inlined, and slots are fields (tests/test_jit_slots.py): only the runs
    # over Prop and Slots are native
    r = jit(tmp_path, """
        class Prop:
            def __init__(self):
                self._x = 1
                self.y = 2
            @property
            def x(self):
                return self._x * 10

        class Slots:
            __slots__ = ("x", "y")
            def __init__(self):
                self.x = 1
                self.y = 2

        class Hooked:
            def __init__(self):
                self.x = 1
                self.y = 2
            def __getattribute__(self, name):
                v = object.__getattribute__(self, name)
                return v + 1 if name == "x" else v

        class Fallback:
            def __init__(self):
                self.y = 2
            def __getattr__(self, name):
                return 5

        def total(o, n):
            t = 0
            for i in range(n):
                t += o.x + o.y
            return t

        for o in (Prop(), Slots(), Hooked(), Fallback()):
            print(type(o).__name__, total(o, 3000))
    """)
    assert 5000 < r.loop(32)["native_iterations"] < 6000


def test_a_property_added_to_the_class_between_runs(tmp_path):
    # the entry checks the class's attribute of each field's name: a property defined
    # later takes over reads of the attribute, as in CPython
    r = jit(tmp_path, """
        class C:
            def __init__(self):
                self.x = 3

        def total(o, n):
            t = 0
            for i in range(n):
                t += o.x
            return t

        c = C()
        print(total(c, 5000))
        C.x = property(lambda self: 100)
        print(total(c, 5000))
        del C.x
        print(total(c, 5000))
    """)
    assert r.loop(8)["native_iterations"] > 4000


def test_a_subclass_instance_is_not_taken_for_its_base(tmp_path):
    r = jit(tmp_path, """
        class Base:
            def __init__(self):
                self.__dict__["v"] = 1

        class Sub(Base):
            v = property(lambda self: 42)       # (a data descriptor: it wins over the dict)

        def total(o, n):
            t = 0
            for i in range(n):
                t += o.v
            return t

        print(total(Base(), 5000), total(Sub(), 5000), total(Base(), 5000))
    """)
    assert r.loop(11)["native_iterations"] > 4000


def test_method_calls_on_self_are_inlined_with_their_attribute_writes(tmp_path):
    r = jit(tmp_path, """
        class V:
            def __init__(self, x):
                self.x = x
                self.hits = 0

            def get(self, k):
                self.hits += 1
                return self.x * k

            def scaled(self, k, s=2):
                return self.get(k) * s

            def run(self, n):
                t = 0
                for i in range(n):
                    t += self.scaled(i) + self.get(i % 7)
                return t

        v = V(3)
        for k in range(4):
            print(v.run(10000), v.hits)
    """)
    row = r.loop(16)
    assert row["status"] == "compiled" and row["native_iterations"] > 30000, row


def test_a_method_rebound_or_its_code_replaced_or_shadowed_midway(tmp_path):
    r = jit(tmp_path, """
        class C:
            def __init__(self):
                self.n = 0

            def step(self, i):
                return i + 1

            def run(self, n):
                t = 0
                for i in range(n):
                    t += self.step(i)
                    if i % 1000 == 0:
                        change(self, i)
                return t

        def twice(self, i):
            return i * 2

        def thrice(self, i):
            return i * 3

        def negated(i):
            return -i

        def change(obj, i):
            if i == 3000:
                C.step = twice                          # rebound on the class
            if i == 5000:
                C.step.__code__ = thrice.__code__       # its code replaced
            if i == 7000:
                obj.step = negated                      # shadowed by the instance
            if i == 8000:
                del obj.step

        print(C().run(10000))
        print(C().run(10000))
    """)
    assert r.loop(11)["native_iterations"] > 3000


def test_an_inherited_method_overridden_in_the_subclass_or_its_base_between_runs(tmp_path):
    # the entry's test of the class attributes the code read walks the class order itself
    # (jtypes.lookup_unchanged): a method found in the base, then one the subclass gets,
    # then the base's rebound under it, then the subclass's deleted, then the order changed
    r = jit(tmp_path, """
        class A:
            def __init__(self, v):
                self.v = v

            def m(self, x):
                return self.v * x

        class B(A):
            pass

        class Other:
            def m(self, x):
                return 1000

        def run(objs, n):
            t = 0
            for i in range(n):
                for o in objs:
                    t += o.m(i)
            return t

        objs = [B(1), B(2), B(3)]
        for rnd in range(7):
            print(rnd, run(objs, 3000))
            if rnd == 1:
                B.m = lambda self, x: x - self.v
            if rnd == 2:
                A.m = lambda self, x: x * 3
            if rnd == 3:
                del B.m
            if rnd == 4:
                A.m = lambda self, x: x + 1
            if rnd == 5:
                B.__bases__ = (Other,)
    """)
    row = r.loop(18)
    assert row["status"] == "compiled" and row["native_iterations"] > 3000, row


def test_an_exception_two_methods_deep_has_both_frames_in_its_traceback(tmp_path):
    r = jit(tmp_path, """
        class Acc:
            def __init__(self):
                self.div = 50
                self.t = 0

            def inner(self, i):
                return 1000 // (self.div - i)

            def outer(self, i):
                self.t += 1
                return self.inner(i) + 1

            def run(self, n):
                s = 0
                for i in range(n):
                    s += self.outer(i)
                return s

        a = Acc()
        print(a.run(40))
        a.div = 5000
        print(a.run(6000))
    """)
    assert r.got.returncode == 1 and "ZeroDivisionError" in r.got.stderr
    assert r.loop(16)["native_iterations"] > 1000


def test_a_list_of_objects_with_their_methods(tmp_path):
    r = jit(tmp_path, """
        class Ball:
            def __init__(self, x, y, vx, vy):
                self.x = x
                self.y = y
                self.vx = vx
                self.vy = vy
                self.bounces = 0

            def move(self, dt):
                self.x += self.vx * dt
                self.y += self.vy * dt
                if self.x < 0.0 or self.x > 100.0:
                    self.vx = -self.vx
                    self.bounces += 1
                if self.y < 0.0 or self.y > 100.0:
                    self.vy = -self.vy
                    self.bounces += 1

        def simulate(balls, steps, dt):
            for s in range(steps):
                for b in balls:
                    b.move(dt)
                    b.vy -= 9.81 * dt

        balls = [Ball(i * 1.5 % 100, i * 2.5 % 100, (i % 7) - 3.0, (i % 5) - 2.0) for i in range(50)]
        first = balls[0]
        for rep in range(3):
            simulate(balls, 100, 0.01)
        print(sum(b.bounces for b in balls), sum(b.x for b in balls), balls[3].__dict__, balls[0] is first)
    """)
    assert r.loop(21)["native_iterations"] > 100
    assert r.loop(22)["native_iterations"] + 50 * r.loop(21)["native_iterations"] > 10000


def test_aliases_in_a_list_of_objects_and_objects_moved_between_slots(tmp_path):
    r = jit(tmp_path, """
        class C:
            def __init__(self, v):
                self.v = v

        def churn(xs, n):
            t = 0
            for i in range(n):
                for c in xs:
                    c.v += 1
                    t += c.v
                xs[i % len(xs)] = xs[(i + 1) % len(xs)]
            return t

        a, b = C(1), C(100)
        xs = [a, a, b, C(5)]
        print(churn(xs, 2000), [c.v for c in xs], xs[0] is xs[1], xs[2] is b, a.v, b.v)
    """)
    assert r.loop(8)["native_iterations"] > 1000


def test_a_list_of_objects_with_a_stranger_or_a_none_or_mutated_by_a_callee(tmp_path):
    r = jit(tmp_path, """
        class P:
            def __init__(self, v):
                self.v = v

        class Q:
            def __init__(self, v):
                self.v = v * 1.5

        def total(ps, n):
            t = 0
            for i in range(n):
                for p in ps:
                    t += p.v
                if i == n // 2:
                    grow(ps)
            return t

        def grow(ps):
            ps.append(P(len(ps)))

        ps = [P(k) for k in range(5)]
        print(total(ps, 3000), len(ps))
        print(total([P(1), Q(2), P(3)], 3000))
        try:
            print(total([P(1), None], 3000))
        except AttributeError as e:
            print("AttributeError", e)
    """)
    assert r.loop(12)["native_iterations"] > 1000


def test_objects_indexed_out_of_a_list_n_body_style(tmp_path):
    r = jit(tmp_path, """
        import math

        class Body:
            def __init__(self, x, y, vx, vy, mass):
                self.x, self.y = x, y
                self.vx, self.vy = vx, vy
                self.mass = mass

        def advance(bodies, dt, steps):
            n = len(bodies)
            for s in range(steps):
                for i in range(n):
                    bi = bodies[i]
                    for j in range(i + 1, n):
                        bj = bodies[j]
                        dx = bi.x - bj.x
                        dy = bi.y - bj.y
                        d2 = dx * dx + dy * dy
                        mag = dt / (d2 * math.sqrt(d2))
                        bi.vx -= dx * bj.mass * mag
                        bi.vy -= dy * bj.mass * mag
                        bj.vx += dx * bi.mass * mag
                        bj.vy += dy * bi.mass * mag
                for b in bodies:
                    b.x += dt * b.vx
                    b.y += dt * b.vy

        bodies = [Body(math.cos(k) * (k + 1), math.sin(k) * (k + 1), -math.sin(k) * 0.3, math.cos(k) * 0.3,
                       1.0 / (k + 1)) for k in range(4)]
        advance(bodies, 0.01, 2000)
        print([(b.x, b.y, b.vx, b.vy) for b in bodies])
    """)
    assert r.loop(12)["native_iterations"] > 1000


def test_following_links_runs_natively(tmp_path):
    # node = node.next: the loop reaches objects it did not hold at its start; the entry
    # copies what the links reach (jtypes.LINK; tests/test_jit_none.py)
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(3000):
            head = Node(k, head)

        def total(head, reps):
            t = 0
            for rep in range(reps):
                node = head
                while node is not None:
                    t += node.v
                    node = node.next
            return t

        print(total(head, 1), total(head, 200))
    """)
    # (walked many times in one entry: a single walk would copy the nodes in for as long
    # as it takes the baseline, and is left to it)
    row = r.loop(15)
    assert row["native_iterations"] > 200000, row


def test_isinstance_and_identity_tests_on_objects(tmp_path):
    r = jit(tmp_path, """
        class Shape:
            def __init__(self, s):
                self.s = s

        class Square(Shape):
            pass

        class Other:
            def __init__(self):
                self.s = 2

        def count(items, n):
            t = 0
            for i in range(n):
                for it in items:
                    if isinstance(it, Shape):
                        t += it.s
                    if it is not None and isinstance(it, Square):
                        t += 100
                    if isinstance(i, int) and not isinstance(i, bool):
                        t += 1
            return t

        class Elsewhere:
            pass

        print(count([Square(3), Square(4)], 2000), count([Shape(3)], 2000), count([Other()], 2000))
        square = Square(3)
        print(count([square], 2000))
        Square.__bases__ = (Elsewhere,)         # (no longer a Shape: the next entries see it)
        print(count([square], 2000), isinstance(square, Shape))
    """)
    assert r.loop(15)["native_iterations"] > 3000


def test_jit_stats_count_what_entries_copy_in_and_exits_write_back(tmp_path):
    r = jit(tmp_path, """
        class P:
            def __init__(self, k):
                self.a = k
                self.b = 0.5

        def step(ps, n):
            for i in range(n):
                for p in ps:
                    p.a += 1
            return ps[0].a

        ps = [P(k) for k in range(10)]
        print(step(ps, 3000))
    """)
    row = r.loop(8)
    assert row["entries"] == 1, row
    # the list and its 10 objects: the list's 10 words, and the one field of each object the
    # loop uses (a; not b)
    assert row["copied_in"] == {"records": 11, "words": 20, "small_int_lists": 0, "split_words": 0, "rest_words": 0}, row
    # each object's field a changed; the list did not
    assert (row["written_back"]["records"], row["written_back"]["words"]) == (10, 10), row


def test_identity_of_objects_and_lists_in_compiled_code(tmp_path):
    r = jit(tmp_path, """
        class N:
            def __init__(self, v):
                self.v = v

        def pairs(xs, best):
            same = other = 0
            for a in xs:
                for b in xs:
                    if a is b:
                        same += 1
                    if a is not best:
                        other += a.v
            return same, other

        a, b = N(1), N(2)
        print(pairs([a, b, a, N(3)], b), pairs([a] * 3, a))
        rows = [[1], [2]]
        t = 0
        for k in range(3000):
            t += (rows[k % 2] is rows[0]) + (rows[0] is not rows[1])
        print(t)
    """)
    assert r.loop(8)["native_iterations"] > 0


def test_methods_read_and_write_their_modules_globals(tmp_path):
    # an inlined method's globals are entry variables of the loop (read at every entry,
    # written back at exits), found through the objects' methods, a list of objects and
    # the methods those methods call
    r = jit(tmp_path, """
        GRAVITY = -9.8
        STEPS = 0

        class Ball:
            def __init__(self, y, vy):
                self.y = y
                self.vy = vy

            def fall(self, dt):
                self.vy += GRAVITY * dt

            def step(self, dt):
                global STEPS
                STEPS += 1
                self.fall(dt)
                self.y += self.vy * dt
                if self.y < 0:
                    self.y = -self.y
                    self.vy = -self.vy * 0.9

        def sim(balls, n):
            for _ in range(n):
                for b in balls:
                    b.step(0.01)
            return sum(b.y for b in balls)

        balls = [Ball(float(i), 0.0) for i in range(10)]
        print(sim(balls, 3000), STEPS)
        GRAVITY = -1.0
        print(sim(balls, 3000), STEPS)
        GRAVITY = 2
        print(sim(balls, 3000), STEPS)
    """)
    assert r.loop(24)["native_iterations"] + 10 * r.loop(23)["native_iterations"] > 60000


def test_properties_with_plain_getters_are_inlined(tmp_path):
    # a property's getter is called where the property is read, inlined as a method call
    # is; the property object and its getter's code are checked at every entry, and a
    # property wins over an instance attribute of its name, as a data descriptor does
    r = jit(tmp_path, """
        class V:
            def __init__(self, x, y):
                self.x = x
                self.y = y

            @property
            def norm2(self):
                return self.x * self.x + self.y * self.y

            @property
            def ratio(self):
                return self.x / self.y

            def scale(self, k):
                self.x *= k
                self.y *= k

        def f(vs, n):
            s = 0.0
            for i in range(n):
                for v in vs:
                    s += v.norm2
                    v.scale(1.0001)
            return s

        def g(vs):
            t = 0.0
            for v in vs:
                t += v.ratio
            return t

        vs = [V(float(i), 1.0 + i % 3) for i in range(10)]
        for _ in range(3):
            print(f(vs, 2000))
        vs[5].__dict__["norm2"] = -1.0          # (the property still wins)
        print(f(vs, 2000), vs[5].norm2 > 0)
        V.norm2 = property(lambda self: 1.0)    # rebound between runs
        print(f(vs, 2000))
        vs[3].y = 0.0
        print(g(vs[4:] * 300))
        print(g(vs * 300))                      # ZeroDivisionError inside the getter
    """)
    assert r.loop(22)["native_iterations"] + 10 * r.loop(21)["native_iterations"] > 40000
    assert r.loop(29)["native_iterations"] > 1000
    assert r.got.returncode == 1 and "in ratio" in r.got.stderr


def test_super_calls_in_inlined_methods(tmp_path):
    # super().m() in a method of B finds the next class's m, bound to the object, inlined;
    # the object's class order and the method found are checked at every entry; an
    # exception inside the method super() found has both frames in its traceback
    r = jit(tmp_path, """
        class A:
            def __init__(self):
                self.v = 1

            def step(self, k):
                self.v = (self.v * 3 + k) % 1000
                if k == 100003:
                    raise ValueError("%d at %d" % (self.v, k))

        class B(A):
            def step(self, k):
                super().step(k)
                self.v += 1

        class C(A):
            def step(self, k):
                self.v -= k % 5

        class D(B, C):      # super() in B's step finds C's here
            pass

        def f(b, n, start=0):
            for i in range(start, start + n):
                b.step(i)
            return b.v

        b = B()
        for s in range(3):
            print(f(b, 20000, s))
        print(f(D(), 5000), [c.__name__ for c in D.__mro__])
        original = A.step

        def other(self, k):
            self.v = self.v + k % 3

        A.step = other
        print(f(b, 20000))
        A.step = original
        print(f(b, 100010))
    """)
    assert r.loop(24)["native_iterations"] > 100000
    assert r.got.returncode == 1 and "super().step(k)" in r.got.stderr


def test_objects_copied_in_and_made_natively_keep_their_attributes_inline(tmp_path):
    # under 3.11 and 3.12 reading an object's __dict__ turns its attributes into a dict for
    # good, and every later attribute access on it is slower (~1.7x for a small method):
    # the entry reads, and the exit writes, attributes without touching it; gc shows which
    # (a dict among an object's referents), as it does under CPython
    r = jit(tmp_path, """
        import gc

        class P:
            def __init__(self, x, v):
                self.x = x
                self.v = v

            def step(self, dt):
                self.x += self.v * dt
                return self.x

        def has_dict(o):
            return any(type(r) is dict for r in gc.get_referents(o))

        def run(ps, reps):
            t = 0.0
            for rep in range(reps):
                for p in ps:
                    t += p.step(0.5)
            return t

        def make(n, out):
            for k in range(n):
                out.append(P(k * 0.5, 1.0))

        ps = [P(k * 1.0, (k % 5) - 2.0) for k in range(3000)]
        made = []
        make(5000, made)
        print(run(ps, 300), len(made))
        print(sum(has_dict(p) for p in ps), sum(has_dict(m) for m in made), ps[7].x, made[-1].x)
    """, threshold="1000")
    assert r.loop(18)["native_iterations"] > 200
    assert r.loop(24)["native_iterations"] > 3000


def test_objects_module_level_code_holds_in_globals(tmp_path):
    # module-level code: the objects are globals' (region.attribute_globals), typed at entry
    # with the attributes used through the registers they are loaded into; new objects
    # stored in them, an alias seeing the fields native code changed, a callee reading
    # them at an exit, an attribute added midway, a global rebound to a str (refused)
    r = jit(tmp_path, """
        class V:
            __slots__ = ("x", "y")
            def __init__(self, x, y):
                self.x = x; self.y = y
            def add(self, o):
                return V(self.x + o.x, self.y + o.y)
            def scale(self, k):
                return V(self.x * k, self.y * k)

        class Counter:
            def __init__(self):
                self.n = 0
                self.total = 0.0

        def peek():
            return p.x + c.n

        p = V(0.0, 0.0)
        v = V(1.0, 0.5)
        g = V(0.0, -0.01)
        c = Counter()
        start = p
        alias = c
        for i in range(50000):
            v = v.add(g.scale(0.5))
            p = p.add(v.scale(0.01))
            c.n += 1
            c.total += v.y
            if i == 30000:
                print("mid", round(peek(), 6), p is start, alias.n)
            if c.n == 40000:
                c.extra = 1
        print(round(p.x, 6), round(p.y, 6), c.n, round(c.total, 6), alias is c, alias.n, start.x,
              getattr(c, "extra", None))
        w = V(1, 2)
        for i in range(5000):
            if i == 4000:
                w = "switched"
            if w == "switched":
                break
            w = w.add(V(1, 1))
        print(w)
    """, threshold="100")
    row = r.loop(25)
    assert row["status"] == "compiled" and row["native_iterations"] >= 45000, row
