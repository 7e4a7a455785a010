"""Objects of ``__slots__`` classes in compiled loops (issue 9, docs/jit-data.md, "Slots"):
a slot the loop uses is a field of the object's record, read at entry and written back
through its member descriptor; an unset slot is not a field (reading it leaves native
code, and the interpreter raises CPython's AttributeError); ``C(...)`` of a slotted class
is made natively and materialised as ``object.__new__(C)`` with its slots set.

Each test compares a program's stdout, exit code and whole stderr under CPython and
under Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively (the
loop's line is the one marked ``# loop``)."""
import textwrap

from test_jit import jit


def line(src, mark="# loop"):
    """The line of ``src`` (as the test writes it: dedented) carrying ``mark``."""
    lines = textwrap.dedent(src).splitlines()
    found = [k + 1 for k, text in enumerate(lines) if mark in text]
    assert len(found) == 1, found
    return found[0]


def test_slots_read_and_written_natively_with_methods_and_a_subclass_adding_slots(tmp_path):
    src = """
        class Base:
            __slots__ = ("x",)
            def __init__(self, x):
                self.x = x
            def bump(self, k):
                self.x += k
                return self.x

        class Point(Base):
            __slots__ = ("y", "w")
            def __init__(self, x, y):
                self.x = x
                self.y = y
                self.w = 0.5

        def run(p, q, n):
            t = 0
            for i in range(n):                  # loop
                t += p.bump(1) + q.y
                if p is q:
                    t += 1
                q.y = q.x - i
                p.w = p.w * 0.5 + 1.0
            return t

        a = Point(1, 2)
        b = Point(3, 4)
        first = (a, b)
        print(run(a, b, 5000), a.x, a.y, a.w, b.x, b.y, b.w)
        print(run(a, a, 3000), a.x, a.y, a.w, first[0] is a, first[1] is b)
        print(hasattr(a, "__dict__"), Point.__slots__, Base.x.__get__(a))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "compiled" and row["native_iterations"] > 7000, row


def test_a_slot_read_before_it_is_set_raises_cpythons_attribute_error(tmp_path):
    # an unset slot is not a field: native code leaves at the read, and the interpreter
    # raises CPython's AttributeError with its traceback
    src = """
        class S:
            __slots__ = ("a", "b")
            def __init__(self):
                self.a = 1

        def total(o, n):
            t = 0
            for i in range(n):                  # loop
                t += o.a
                o.a += 1
                if i == n - 1:
                    t += o.b
            return t

        s = S()
        try:
            total(s, 3000)
        except AttributeError as e:
            print("caught", e, s.a)
        total(s, 3000)
    """
    r = jit(tmp_path, src)
    assert r.got.returncode == 1 and "AttributeError" in r.got.stderr
    assert r.loop(line(src))["native_iterations"] > 5000


def test_a_slot_never_set_on_an_object_made_natively(tmp_path):
    # __init__ sets one slot of two: the object made natively has only that one set, when
    # it escapes (into the list) and when the loop reads the other (AttributeError)
    src = """
        class T:
            __slots__ = ("b", "a")
            def __init__(self, a):
                self.a = a

        def make(n, keep):
            t = 0
            for i in range(n):                  # loop
                o = T(i)
                t += o.a
                if i % 1000 == 0:
                    keep.append(o)
                if i == n - 1:
                    t += o.b
            return t

        keep = [T(-1)]
        try:
            make(5000, keep)
        except AttributeError as e:
            print("caught", e)
        print(len(keep), [o.a for o in keep], [hasattr(o, "b") for o in keep], type(keep[1]) is T)
        make(3000, keep)
    """
    r = jit(tmp_path, src)
    assert r.got.returncode == 1 and "AttributeError" in r.got.stderr
    assert r.loop(line(src))["native_iterations"] > 4000


def test_a_slot_deleted_mid_loop_by_an_uncompiled_callee(tmp_path):
    src = """
        class S:
            __slots__ = ("x", "y")
            def __init__(self):
                self.x = 1
                self.y = 2

        def drop(o, i):
            if i == 2500:
                delattr(o, "y")

        def total(o, n):
            t = 0
            for i in range(n):                  # loop
                t += o.x + o.y
                o.x += 1
                drop(o, i)
            return t

        s = S()
        try:
            total(s, 5000)
        except AttributeError as e:
            print("caught", e, s.x)
        s.y = 10
        print(total(s, 2000), s.x, s.y)
        s.y = 1
        del s.y
        total(s, 100)
    """
    r = jit(tmp_path, src)
    assert r.got.returncode == 1 and "AttributeError" in r.got.stderr
    assert r.loop(line(src))["native_iterations"] > 3000


def test_slots_and_a_dict(tmp_path):
    # an attribute in the dict and one in a slot: a class naming __dict__ among its slots,
    # and a subclass without __slots__ of a slotted class; made natively too, the dict's
    # order the order __init__ assigned
    src = """
        class Mixed:
            __slots__ = ("s", "__dict__")
            def __init__(self, s):
                self.d = 2.5
                self.s = s
                self.e = s * 2

        class Base:
            __slots__ = ("x",)

        class Open(Base):
            def __init__(self, x):
                self.x = x
                self.y = 0.0

        def run(m, o, n):
            t = 0.0
            last = m
            for i in range(n):                  # loop
                m.s += 1
                m.d = m.d * 0.5 + i
                o.x -= 1
                o.y += 0.25
                last = Mixed(i)
                last.e += m.s
                t += last.d + last.e
            return t, last

        m = Mixed(1)
        o = Open(7)
        t, last = run(m, o, 4000)
        print(t, m.s, vars(m), o.x, vars(o), last.s, vars(last), list(vars(last)))
        m.z = 1
        print(run(m, o, 2000)[0], vars(m), Mixed.s.__get__(m))
    """
    r = jit(tmp_path, src)
    assert r.loop(line(src))["native_iterations"] > 5000


def test_a_slot_shadowed_in_a_subclass(tmp_path):
    # a property (plain getter: inlined) or a class attribute of the slot's name in a
    # subclass: o.x is that, as in CPython; with a __dict__, __init__'s self.x goes to the
    # dict and the slot stays unset
    src = """
        class A:
            __slots__ = ("x", "y")
            def __init__(self):
                self.y = 4
                self.x = 3

        class WithProperty(A):
            __slots__ = ()
            @property
            def x(self):
                return self.y * 100
            @x.setter
            def x(self, v):
                self.y = v

        class WithDict(A):
            __slots__ = ("__dict__",)
            x = 10

        class Plain(A):
            __slots__ = ()
            def __init__(self):
                self.y = 5

        Plain.x = 20            # (after the class is made: the slot of A stays unset)

        def total(o, n):
            t = 0
            for i in range(n):                  # loop
                t += o.x + o.y
            return t

        for o in (A(), WithProperty(), WithDict(), Plain()):
            print(type(o).__name__, total(o, 3000), getattr(o, "__dict__", None), A.x.__get__(o) if type(o) is A else "")
        try:
            A.x.__get__(WithDict())
        except AttributeError as e:
            print("unset:", e)
    """
    r = jit(tmp_path, src)
    # (A, WithProperty and WithDict natively; Plain's x is a class attribute read by the
    # interpreter: an exit every iteration)
    assert r.loop(line(src))["native_iterations"] > 8000


def test_a_method_rebound_mid_loop(tmp_path):
    src = """
        class C:
            __slots__ = ("k",)
            def __init__(self):
                self.k = 0
            def step(self, i):
                return i
            def run(self, n):
                t = 0
                for i in range(n):              # loop
                    t += self.step(i)
                    self.k += 1
                    change(self, i)
                return t, self.k

        def twice(self, i):
            return i * 2

        def thrice(self, i):
            return i * 3

        def change(obj, i):
            if i == 3000:
                C.step = twice
            if i == 5000:
                C.step.__code__ = thrice.__code__
            if i == 7000:
                try:
                    obj.step = twice            # (no __dict__: read-only)
                except AttributeError as e:
                    print(e)

        print(C().run(10000))
        print(C().run(10000))
    """
    r = jit(tmp_path, src)
    assert r.loop(line(src))["native_iterations"] > 10000


def test_objects_made_natively_escaping_into_a_list_and_identity(tmp_path):
    # a made object stored where copied ones were (one type for both: the fields in
    # __init__'s order, not __slots__'), temporaries never allocated, escaping ones one
    # Python object each however many places hold them
    src = """
        class V:
            __slots__ = ("y", "x")
            def __init__(self, x, y):
                self.x = x
                self.y = y
            def add(self, o):
                return V(self.x + o.x, self.y + o.y)

        def f(pts, n, keep):
            acc = V(0, 0)
            first = acc
            for i in range(n):                  # loop
                d = V(i, -i)
                acc = acc.add(d)
                if i % 500 == 0:
                    keep.append(d)
                    keep.append(acc)
                    keep.append(d)
                pts[i % len(pts)] = acc if i % 3 else pts[(i + 1) % len(pts)]
            return acc, first

        pts = [V(k, k) for k in range(10)]
        alias = pts[4]
        keep = [alias]
        acc, first = f(pts, 4000, keep)
        print(acc.x, acc.y, first.x, first.y, len(keep), [(v.x, v.y) for v in keep[:7]])
        print(keep[1] is keep[3], keep[-1] is keep[-3], keep[0] is alias, alias.x)
        print(len(set(map(id, pts))), [(p.x, p.y) for p in pts], pts.count(acc), acc in keep)
        print([type(v) is V and not hasattr(v, "__dict__") for v in keep[:5]])
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["native_iterations"] > 3500, row


def test_a_linked_list_of_slotted_nodes_walked_and_modified(tmp_path):
    src = """
        class Node:
            __slots__ = ("v", "next")
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(300):        # (what an entry may copy for a walk of its own: SMALL_COPY)
            head = Node(k, head)
        second = head.next

        def walk(head, n):
            t = 0
            node = head
            while node is not None:             # loop
                t += node.v
                node.v += 1
                if node.v % 100 == 0 and node.next is not None:
                    node.next = node.next.next  # (relinked natively: a node removed)
                if node.v % 140 == 0:           # (an exit: made by the interpreter)
                    node.next = Node(-node.v, node.next)
                    node = node.next
                node = node.next
            return t

        print(walk(head, 0), walk(head, 1), head.next is second, head.v, second.v)
        node, vs = head, []
        while node is not None:
            vs.append(node.v)
            node = node.next
        print(len(vs), sum(vs), vs[:5], [v for v in vs if v < 0])
    """
    r = jit(tmp_path, src)
    # (natively up to the first exit at least, some 140 nodes: whether entering again after
    # an exit pays is the cost model's call -- copying a node in costs ~50-100 times what
    # the baseline spends on it, and on a slow machine one entry's copies use up the
    # allowance)
    row = r.loop(line(src))
    assert row["native_iterations"] > 100 and row["exits"], row


def test_a_list_of_slotted_objects_with_none_holes_and_a_class_with_its_own_new(tmp_path):
    # for over a list of objects or None; a slotted class with its own __new__ is made
    # by the interpreter (an exit at the call), exactly
    src = """
        class P:
            __slots__ = ("x", "y")
            def __init__(self, x, y):
                self.x = x
                self.y = y

        class Q:
            __slots__ = ("x", "tag")
            def __new__(cls, x):
                o = object.__new__(cls)
                o.tag = "new"
                return o
            def __init__(self, x):
                self.x = x

        def scan(ps, n):
            t = 0
            for k in range(n):
                for p in ps:                    # loop
                    if p is not None:
                        p.x += p.y
                        t += p.x
            return t

        def make(n):
            t = 0
            for i in range(n):                  # made
                q = Q(i)
                t += q.x
            return t, q.tag, q.x

        ps = [P(i, 1) if i % 4 else None for i in range(50)]
        first = ps[1]
        print(scan(ps, 200), ps[1] is first, [(p.x, p.y) for p in ps[:6] if p is not None])
        print(make(3000))
    """
    r = jit(tmp_path, src)
    assert r.loop(line(src))["native_iterations"] > 5000
    assert r.loop(line(src, "# made"))["native_iterations"] == 0


def test_a_member_descriptor_of_another_class_is_not_a_slot(tmp_path):
    # B.y is A's slot descriptor: reading it on a B raises CPython's TypeError, which the
    # interpreter raises at the exit (no entry reads it)
    src = """
        class A:
            __slots__ = ("x",)
            def __init__(self):
                self.x = 1

        class B:
            __slots__ = ("z",)
            y = A.x
            def __init__(self):
                self.z = 2

        def total(o, n):
            t = 0
            for i in range(n):                  # loop
                t += o.z
                o.z += 1
                if i == n - 1:
                    t += o.y
            return t

        b = B()
        try:
            total(b, 3000)
        except TypeError as e:
            print("caught", e, b.z)
        total(b, 3000)
    """
    r = jit(tmp_path, src)
    assert r.got.returncode == 1 and "TypeError" in r.got.stderr
    assert r.loop(line(src))["native_iterations"] > 5000


def test_a_short_walk_down_a_big_tree_is_left_to_the_baseline(tmp_path):
    # each get() walks ~15 nodes of 20,000: its entry would copy the whole tree through
    # the links, so it is refused (layout.LINK_LIMIT, or the work left's limit
    # COPY_REFUSALS_DEAD times first) and the loop left to the baseline for good; the
    # results are CPython's
    src = """
        class Node:
            __slots__ = ("key", "left", "right")
            def __init__(self, key, left, right):
                self.key = key
                self.left = left
                self.right = right

        class Tree:                             # (build: not a function compiled whole)
            @staticmethod
            def build(lo, hi):
                if lo >= hi:
                    return None
                mid = (lo + hi) // 2
                return Node(mid * 2, Tree.build(lo, mid), Tree.build(mid + 1, hi))

        def get(root, key):
            n = root
            while n is not None:                # loop
                if key < n.key:
                    n = n.left
                elif key > n.key:
                    n = n.right
                else:
                    return True
            return False

        root = Tree.build(0, 20000)
        print(sum(get(root, k) for k in range(0, 8000, 3)))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "left to the baseline" and row["entries"] == 0, row
    assert "follow links" in row["reason"] or "more than its work left pays for, at" in row["reason"], row


def test_an_exit_inside_init_materialises_the_partly_made_object(tmp_path):
    # an int overflow in __init__ after one slot is set: the exit materialises the object
    # with that slot only, and the interpreter finishes __init__ on it
    src = """
        class R:
            __slots__ = ("a", "b", "c")
            def __init__(self, a, k):
                self.a = a
                self.b = a * k
                self.c = self.b - a

        def f(n):
            t = 0
            big = []
            for i in range(n):                  # loop
                k = 3 if i % 1000 else 2 ** 62
                r = R(i, k)
                t += r.a + r.c % 7
                if i % 1000 == 500:
                    big.append(r)
            return t, [(o.a, o.b, o.c) for o in big[:3]], type(big[0]) is R

        print(f(5000))
    """
    r = jit(tmp_path, src)
    assert r.loop(line(src))["native_iterations"] > 4000
