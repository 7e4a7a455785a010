"""Lists of the program's objects copied in at once (transfer.EntryRecords._instances): the
objects' fields fetched, their types compared and their records packed for the whole list,
with every way one object can fail the entry still failing it, as one at a time would.

Each test compares a program's stdout, exit code and whole stderr under CPython and under
Tauraro (``jit``), and reads --jit-stats to check the loop ran natively or why it did not."""
from test_jit import jit

PARTICLES = """
    class P:
        %s
        def __init__(self, x, v):
            self.x = x
            self.v = v

        def step(self, dt):
            self.x += self.v * dt

    def run(ps, steps):
        for s in range(steps):
            for p in ps:
                p.step(0.5)
        return sum(p.x for p in ps)

    ps = [P(float(i), (i %% 7) - 3.0) for i in range(1500)]
"""


def particles(tail, class_line="pass"):
    return PARTICLES % class_line + tail


def test_a_list_of_objects_runs_natively_and_keeps_its_objects(tmp_path):
    r = jit(tmp_path, particles("""
    before = list(ps)
    print(run(ps, 40), ps[10].x, all(a is b for a, b in zip(ps, before)))
    ps[3].x = 1.5
    print(run(ps, 40), ps[3].x, type(ps[3].x).__name__)
    """))
    assert r.loop(13)["native_iterations"] >= 79, r.loop(13)


def test_a_class_attribute_of_a_field_s_name_reads_the_instance_dict(tmp_path):
    # (a field named as a class attribute: fetched from each object's __dict__, the class's
    # value a default the objects shadow)
    r = jit(tmp_path, particles("""
    print(run(ps, 40), ps[10].x, P.v)
    """, "v = 0.0"))
    assert r.loop(13)["native_iterations"] >= 39, r.loop(13)


def test_one_object_with_another_type_of_field_fails_the_entry(tmp_path):
    jit(tmp_path, particles("""
    ps[700].x = 3               # an int among floats
    print(run(ps, 30), ps[700].x, ps[701].x)
    ps[700].x = 2 ** 70         # and then one beyond 64 bits
    ps[700].v = 1
    print(run(ps, 3), ps[700].x)
    """))


def test_one_object_missing_a_field_or_of_a_subclass_fails_the_entry(tmp_path):
    jit(tmp_path, particles("""
    class Q(P):
        def step(self, dt):
            self.x -= self.v * dt
    print(run(ps, 20))
    del ps[5].v
    try:
        run(ps, 20)
    except AttributeError as e:
        print("AttributeError", e)
    ps[5] = Q(1.0, 2.0)
    print(run(ps, 20), type(ps[5]).__name__, ps[5].x)
    """))


def test_an_instance_attribute_shadowing_a_method_fails_the_entry(tmp_path):
    jit(tmp_path, particles("""
    print(run(ps, 20))
    ps[900].step = lambda dt: None     # this object's own step: never moves
    print(run(ps, 20), ps[900].x, ps[901].x)
    """))


def test_one_object_twice_and_in_two_lists_is_one_record(tmp_path):
    # (the same object twice in a list, or copied already through another list, is written
    # one at a time: one object, one record, so a store through one name is seen through
    # the other)
    jit(tmp_path, particles("""
    def both(xs, ys, steps):
        for s in range(steps):
            for p in xs:
                p.step(0.5)
            for p in ys:
                p.x += 1.0
        return sum(p.x for p in xs), sum(p.x for p in ys)

    twice = ps[:20] * 2 + ps[20:]
    print(run(twice, 30), ps[0].x, ps[19].x, ps[20].x)
    print(both(ps, ps[::3], 30), ps[0].x, ps[1].x, ps[3].x)
    print(both(ps[::3], ps, 30), ps[0].x, ps[1].x, ps[3].x)
    """))


def test_falsy_objects_written_back_keep_their_identity(tmp_path):
    # a list of objects whose class has __len__ (0: each is falsy) stored into: its write
    # back finds each object by its record, without asking its truth (which ran __len__
    # and made a new object of each falsy one)
    r = jit(tmp_path, """
        class Cell:
            def __init__(self, v):
                self.v = v
            def __len__(self):
                return 0

        def rotate(xs, m, n):
            for i in range(n):
                a = xs[i % m]
                a.v += 1
                xs[i % m] = xs[(i + 1) % m]
                xs[(i + 1) % m] = a
            return xs

        cells = [Cell(k) for k in range(50)]
        keep = list(cells)
        rotate(cells, 50, 3001)
        print([c.v for c in cells[:5]], all(any(c is k for k in keep) for c in cells))
    """)
    assert r.loop(9)["native_iterations"] > 2900


def test_an_object_made_in_order_and_held_by_a_variable_is_one_object(tmp_path):
    # objects of numbers made natively one after another and appended are made back in one
    # pass (EntryRecords._made_in_order), mapped by their records only if something else
    # may hold one (_settle_made): the variable holding the last one is that very object
    r = jit(tmp_path, """
        class P:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        def build(n):
            out = []
            p = None
            for i in range(n):
                if i:
                    p = P(i, i * 2)
                    out.append(p)
            return out, p

        out, p = build(5000)
        print(len(out), out[-1].x, p.y, p is out[-1], len(set(map(id, out))))
    """)
    assert r.loop(10)["native_iterations"] > 4000, r.loop(10)


def test_an_element_picked_by_an_index_holding_a_call_is_an_element_copied_in(tmp_path):
    # (``p = ps[i % len(ps)]``: the index's call makes a number, the element is the list's;
    # the baseline took the call for a link followed to another object, and left the loop
    # unhooked: it never ran natively)
    r = jit(tmp_path, """
        class P:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        def pick(ps, n):
            t = 0
            for i in range(n):
                p = ps[i % len(ps)]
                q = ps[len(ps) - 1 - i % len(ps)]
                t += p.x * q.y
                p.y += 1
            return t

        ps = [P(k % 7, k % 5) for k in range(50)]
        print(pick(ps, 5000), [p.y for p in ps[:5]], ps[0] is ps[0])
    """)
    assert r.loop(9)["native_iterations"] > 4000, r.loop(9)


def test_zip_over_lists_of_objects(tmp_path):
    # a loop's own zip over a list of objects and its slice, and over a range and a list of
    # objects: compiled (the whole nest natively where an enclosing loop pays for the copy)
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v):
                self.v = v
                self.next = None

        def link(nodes, rounds):
            c = 0
            for r in range(rounds):
                for a, b in zip(nodes, nodes[1:]):
                    a.v = (a.v + b.v + r) % 1009
                    c += a.v * b.v % 7
            return c

        def pairs(xs, nodes, rounds):
            t = 0
            for r in range(rounds):
                for k, n in zip(range(len(xs)), nodes):
                    t += xs[k] * n.v + r
            return t

        def chain(nodes):
            for a, b in zip(nodes, nodes[1:]):
                a.next = b
            return nodes[0].next.v, nodes[-2].next is nodes[-1]

        nodes = [Node(k) for k in range(3000)]
        print(link(nodes, 60), [n.v for n in nodes[:5]], nodes[-1].v)
        print(pairs([i % 11 for i in range(3000)], nodes, 60))
        print(chain(nodes), sum(1 for n in nodes if n.next is None))
    """)
    assert r.loop(9)["native_iterations"] > 50 and r.loop(10)["native_iterations"] > 150_000, r.loop(10)
    assert r.loop(17)["native_iterations"] > 50 and r.loop(18)["native_iterations"] > 150_000, r.loop(18)
    assert r.loop(23)["status"] == "compiled", r.loop(23)


def test_zip_over_a_list_of_objects_with_none_in_it(tmp_path):
    # the list's None is the loop's: CPython's AttributeError, at its line (the loop is
    # typed and tried, its lists sampled; a None the sample missed fails the entry)
    r = jit(tmp_path, """
        class Cell:
            def __init__(self, v):
                self.v = v

        def total(cells, weights):
            t = 0
            for c, w in zip(cells, weights):
                t += c.v * w
            return t

        cells = [Cell(k % 13) for k in range(4000)]
        print(total(cells, list(range(4000))))
        cells[3000] = None
        print(total(cells, list(range(4000))))
    """)
    assert r.expected.returncode == 1 and "AttributeError" in r.expected.stderr
    assert r.loop(8)["status"] != "not compiled", r.loop(8)


def test_objects_made_in_turn_come_back_in_one_pass_each_one_object(tmp_path):
    # objects of numbers made and appended one an iteration (two lists of slotted ones in
    # turn): each list written back a record at a time in one pass
    # (EntryRecords._made_in_order), its fields those __init__ set, in its order; an
    # object held by a second list and a variable too stays one object
    r = jit(tmp_path, """
        class P:
            def __init__(self, x, y, flag):
                self.x = x
                self.y = y
                self.flag = flag

        class Q:
            __slots__ = ("a", "b")
            def __init__(self, a, b):
                self.a = a
                self.b = b

        def make(n):
            a = []
            b = []
            last = None
            for i in range(n):
                p = P(i * 0.5, i % 7, i % 3 == 0)
                a.append(p)
                if i % 4 == 0:
                    b.append(p)
                last = p
            return a, b, last

        def slotted(n):
            out = []
            other = []
            for i in range(n):
                out.append(Q(i, -i))
                other.append(Q(i * 2, 0.5 * i))
            return out, other

        a, b, last = make(6000)
        print(len(a), len(b), last is a[-1], all(x is a[4 * k] for k, x in enumerate(b)))
        print(sum(p.x for p in a), sum(p.y for p in a), sum(p.flag for p in a), type(a[3].flag), vars(a[5]))
        o, t = slotted(6000)
        print(sum(q.a for q in o), sum(q.b for q in t), type(t[1].b), len(set(map(id, o + t + a))))
    """)
    for line in (18, 29):
        assert r.loop(line)["native_iterations"] > 5000, r.loop(line)



def test_many_short_rows_copied_in_at_once(tmp_path):
    # lists of many short lists of numbers (adjacency lists appended to, rows of floats
    # stored into: EntryRecords._short_rows writes their records at once); a row held
    # twice is one record (written one row at a time), a bool or an int past 64 bits in a
    # row leaves the loop to the interpreter, and the program reads what CPython's does
    r = jit(tmp_path, """
        def build(adj, n, reps):
            for r in range(reps):
                for i in range(n):
                    adj[i].append((i * 7 + r) % n)
                    adj[i].append((i * 13 + 5) % n)

        def total(rows, reps):
            s = 0
            for _ in range(reps):
                for row in rows:
                    for x in row:
                        s += x
            return s

        def scale(rows, k, reps):
            for _ in range(reps):
                for row in rows:
                    for j in range(len(row)):
                        row[j] = row[j] * k

        n = 3000
        adj = [[] for _ in range(n)]
        adj[7].append(5)
        build(adj, n, 30)      # (an entry's work pays for 3,000 rows' rooms to grow: layout.ROOM_ROW_COST)
        print(total(adj, 30), adj[:3], adj[7], adj[-1])
        fl = [[i * 0.5, -i * 0.25, 1.5] for i in range(n)]
        scale(fl, 1.5, 20)
        print(fl[:2], fl[-1], type(fl[3][2]))
        shared = [1, 2, 3]
        rows = [[i, i + 1] for i in range(n)]
        rows[5] = shared
        rows[9] = shared
        scale(rows, 2, 20)
        print(rows[5] is rows[9], rows[5], rows[:3], total(rows, 30))
        rows[9] = [9, 10]
        rows[100] = [1, True]
        print(total(rows, 30))
        rows[100] = [1, 2 ** 70]
        print(total(rows, 30))
    """)
    for line in (11, 18):
        assert r.loop(line)["native_iterations"] > 2000, r.loop(line)
    assert r.loop(3)["native_iterations"] + r.loop(4)["native_iterations"] > 2000, (r.loop(3), r.loop(4))


def test_short_rows_one_of_which_a_nested_loops_variable_holds_at_the_entry(tmp_path):
    # at module level the inner loop's variable holds a row at the outer loop's entry: its
    # record is made first, and the rows written at once take that one for it (one object,
    # one record); stores through the variable and through the table read alike after
    r = jit(tmp_path, """
        vs = [[(i * j) % 11 * 0.5 for j in range(8)] for i in range(2000)]
        vs[17] = vs[3]
        tot = 0.0
        for rep in range(20):
            for v in vs:
                s = 0.0
                for x in v:
                    s += x * x
                v[rep % 8] = s * 0.001
                tot += s
        print(round(tot, 6), vs[3] is vs[17], vs[3], vs[-1], v is vs[-1])
    """)
    assert r.loop(5)["native_iterations"] + r.loop(6)["native_iterations"] > 2000, (r.loop(5), r.loop(6))


def test_a_table_of_short_rows_of_bools_enters(tmp_path):
    # (EntryRecords._short_rows packed every row's numbers as ints and refused bools: a
    # table of short rows of flags failed every entry, its loops left to the baseline)
    r = jit(tmp_path, """
        def count(grid, reps):
            c = 0
            for rep in range(reps):
                for row in grid:
                    for b in row:
                        if b:
                            c += 1
            return c

        def flip(grid, reps):
            for rep in range(reps):
                for row in grid:
                    row[rep % len(row)] = not row[rep % len(row)]

        grid = [[(i * j) % 3 == 0 for j in range(6)] for i in range(400)]
        print(count(grid, 30), count([[1.5, 2.5]] * 20, 3))
        flip(grid, 7)
        print(count(grid, 5), grid[:3], type(grid[5][2]))
    """)
    assert r.loop(4)["entries"] >= 1 and r.loop(4)["native_iterations"] >= 20, r.loop(4)
    assert r.loop(13)["native_iterations"] >= 1, r.loop(13)
