"""Objects or None in compiled loops (issue 9, scope 1; docs/jit-data.md, "Objects or
None"): a variable, a list element or an attribute holding an object of one class or None
is one word natively (the record's address, 0 for None). ``is None``, ``is not None`` and
truth test the word; an attribute read on None leaves native code and the interpreter
raises CPython's AttributeError. Links (``node = node.next``) are followed natively: the
entry copies the structure they reach through the identity map.

Each test compares a program's stdout, exit code and whole stderr under CPython and under
Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively."""
from test_jit import jit


def test_a_list_element_that_is_sometimes_none(tmp_path):
    r = jit(tmp_path, """
        class P:
            def __init__(self, x):
                self.x = x

        items = [P(i) if i % 3 else None for i in range(3000)]
        first = items[1]

        def f(items):
            total = 0
            holes = 0
            for rep in range(8):
                for p in items:
                    if p is not None:
                        total += p.x
                        p.x += 1
                    if p is None:
                        holes += 1
                    if not p:
                        holes += 1
            return total, holes

        for k in range(3):
            print(f(items))
        print(items[1] is first, items[0], items[1].x, items[2].x)
    """)
    # (eight passes an entry: copying 2000 objects in, ~1 ms, pays for that many iterations)
    assert r.loop(13)["native_iterations"] > 2000


def test_none_and_objects_stored_into_a_list(tmp_path):
    # list[i] = None and list[i] = obj natively, written back as None and the very objects
    r = jit(tmp_path, """
        class P:
            def __init__(self, x):
                self.x = x

        items = [P(i) if i % 4 else None for i in range(2000)]
        keep = list(items)

        def shift(items):
            for i in range(len(items) - 1):
                if items[i] is None:
                    items[i] = items[i + 1]
                    items[i + 1] = None
                else:
                    items[i].x += 1

        for k in range(3):
            shift(items)
        print(sum(1 for p in items if p is None), [p.x if p is not None else None for p in items[:12]])
        print(all(p is None or any(p is q for q in keep) for p in items))
    """)
    assert r.loop(10)["native_iterations"] > 1000


def test_a_variable_that_starts_none_and_becomes_an_object(tmp_path):
    r = jit(tmp_path, """
        class P:
            def __init__(self, x):
                self.x = x

        # (60 objects, each 50 times: a loop over 3000 distinct ones would not pay
        # for copying them in, layout.copy_limit)
        items = [P((i * 7919) % 1009) for i in range(60)] * 50

        def best_of(items):
            best = None
            for p in items:
                if best is None or p.x > best.x:
                    best = p
            return best

        b = best_of(items)
        print(b.x, b is items[[p.x for p in items].index(b.x)])
        print(best_of(items[:0]))
    """)
    assert r.loop(12)["native_iterations"] > 2000


def test_a_linked_list_walked_natively(tmp_path):
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(3000):
            head = Node(k, head)
        second = head.next

        def walk(head, reps):
            t = 0
            for rep in range(reps):
                node = head
                while node is not None:
                    t += node.v
                    node.v += 1
                    node = node.next
            return t

        print(walk(head, 1), walk(head, 200), head.next is second, head.v, second.v)
    """)
    # (walked many times in one entry: a single walk would copy the nodes in for longer
    # than it takes the baseline, ~2.5-6 us a node against ~0.1, and is left to it)
    row = r.loop(16)
    assert row["native_iterations"] > 200000, row


def test_nodes_removed_and_inserted_between_entries(tmp_path):
    # uncompiled code changes the links between two native walks: the next entry copies
    # the structure as it then is. (Each call walks the list 500 times, one entry for all:
    # copying a node in costs ~50-100 times what the baseline spends on it, so an entry
    # per single walk does not pay, and the JIT leaves it to the baseline after a few)
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(1500):
            head = Node(k, head)

        def walk(head):
            for rep in range(500):
                t = 0
                n = 0
                node = head
                while node:
                    t += node.v
                    n += 1
                    node = node.next
            return t, n

        print(walk(head))
        head.next = head.next.next              # removed
        print(walk(head))
        node = head
        for k in range(500):
            node = node.next
        node.next = Node(-5, node.next)         # inserted
        print(walk(head))
        node.next.next = None                   # cut
        print(walk(head))
    """)
    # (every call's walks run natively, but the first few: the first entry leaves where
    # ``t`` becomes an int, and the walk is entered again)
    assert r.loop(12)["entries"] >= 4 and r.loop(16)["native_iterations"] > 4 * 490 * 500, (r.loop(12), r.loop(16))


def test_an_attribute_of_none_raises_cpythons_attribute_error(tmp_path):
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        head = None
        for k in range(300):        # (what an entry may copy for a walk of its own: SMALL_COPY)
            head = Node(k, head)

        def broken(head):
            t = 0
            node = head
            while True:
                t += node.v
                node = node.next

        print(broken(head))
    """)
    assert r.loop(14)["native_iterations"] > 200


def test_a_cycle_of_nodes_is_copied_once(tmp_path):
    # nodes pointing back: the identity map keeps the copy finite, and the walk sees the
    # very node again
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v, nxt):
                self.v = v
                self.next = nxt

        first = Node(0, None)
        head = first
        for k in range(1, 300):
            head = Node(k, head)
        first.next = head           # a ring of 300

        def around(head, n):
            t = 0
            node = head
            for i in range(n):
                t += node.v
                node = node.next
                if node is head:
                    t += 1000000
            return t, node.v

        print(around(head, 5000), around(first, 1234))
    """)
    assert r.loop(16)["native_iterations"] > 3000


def test_truth_of_an_object_whose_class_defines_bool(tmp_path):
    # __bool__ or __len__: the interpreter decides the truth, as CPython calls them
    r = jit(tmp_path, """
        class E:
            def __init__(self, n):
                self.n = n
            def __len__(self):
                return self.n

        class F:
            def __init__(self, n):
                self.n = n
            def __bool__(self):
                return self.n % 2 == 0

        def count(items):
            c = 0
            for p in items:
                if p:
                    c += 1
                if p is not None and not p:
                    c += 100
            return c

        print(count([E(i % 3) if i % 5 else None for i in range(3000)]))
        print(count([F(i) if i % 5 else None for i in range(3000)]))
    """)


def test_trees_followed_left_and_right(tmp_path):
    r = jit(tmp_path, """
        class T:
            def __init__(self, key):
                self.key = key
                self.left = None
                self.right = None

        def insert(root, key):
            node = root
            while True:
                if key < node.key:
                    if node.left is None:
                        node.left = T(key)
                        return
                    node = node.left
                else:
                    if node.right is None:
                        node.right = T(key)
                        return
                    node = node.right

        root = T(5000)
        root.left = T(2500)
        root.right = T(7500)
        for i in range(3000):
            insert(root, (i * 7919) % 10007)

        def depth_of(root, key):
            d = 0
            node = root
            while node is not None and node.key != key:
                node = node.left if key < node.key else node.right
                d += 1
            return d

        t = 0
        for i in range(0, 10007, 3):
            t += depth_of(root, i)
        print(t)
    """)


def test_a_method_called_on_an_element_that_may_be_none(tmp_path):
    # the call's guard: None leaves, and the interpreter raises the AttributeError at
    # the call, with CPython's traceback
    r = jit(tmp_path, """
        class P:
            def __init__(self, x):
                self.x = x
            def double(self):
                return self.x * 2

        def run(items):
            t = 0
            for p in items:
                t += p.double()
            return t

        items = [P(i) for i in range(60)] * 50
        print(run(items))
        items[2500] = None
        print(run(items))
    """)
    assert r.loop(10)["native_iterations"] > 2000


def test_len_given_to_the_class_between_entries(tmp_path):
    # truth of an object is compiled while its class has no __len__ or __bool__: the entry
    # checks that, and a class given one later is asked again
    r = jit(tmp_path, """
        class P:
            def __init__(self, x):
                self.x = x

        def count(items):
            c = 0
            for p in items:
                if p:
                    c += p.x
            return c

        items = [P(i % 2) if i % 7 else None for i in range(60)] * 50
        print(count(items))
        P.__len__ = lambda self: self.x
        print(count(items))
        del P.__len__
        print(count(items))
    """)
    assert r.loop(8)["native_iterations"] > 2000


def test_a_variable_none_on_one_path_and_an_object_on_another_inside_the_loop(tmp_path):
    # ``best`` and ``node`` are assigned inside the loop's body before they are read:
    # where their paths merge they are typed object-or-None (infer._Widen), and every
    # assignment writes that type's word
    r = jit(tmp_path, """
        class Item:
            def __init__(self, x):
                self.x = x

        class Node:
            def __init__(self, x, nxt):
                self.x = x
                self.next = nxt

        items = [Item((k * 37) % 101) for k in range(300)]
        head = None
        for k in range(300):
            head = Node((k * 53) % 97, head)

        def scan(items, head, reps):
            t = 0
            for rep in range(reps):
                best = None
                for p in items:
                    if best is None or p.x > best.x:
                        best = p
                t += best.x
                node = head
                while node is not None and node.x != rep:
                    node = node.next
                if node is not None:
                    t += node.x * 2
                node = head
                while node.next is not None:
                    node = node.next
                t += node.x
            return t

        print(scan(items, head, 5), scan(items, head, 200))
        print(scan([], Node(3, None), 3))
    """, threshold="100")
    assert r.loop(20)["native_iterations"] > 150
