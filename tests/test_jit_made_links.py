"""Objects whose ``__init__`` sets a link to None (``Node(v)``'s ``self.next = None``), made
in compiled loops and linked there, and objects holding None in such a field copied in: a
None field is an object-or-None of the object's own class (jtypes.LINK), for an object
made natively and one copied in alike, so the two mix (docs/jit-data.md, "Objects or
None, and following links").

Each test compares a program's stdout, exit code and whole stderr under CPython and under
Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively."""
from test_jit import jit


def test_a_linked_list_made_natively_node_by_node(tmp_path):
    # 20,000 nodes linked natively, each the next of the one made after it: the exit makes
    # them one after another, not by recursion (a chain this long overflowed the stack)
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v):
                self.v = v
                self.next = None

        def build(n):
            head = None
            total = 0
            for i in range(n):
                node = Node(i * 3 % 7)
                node.next = head
                head = node
                total += node.v
            return head, total

        head, total = build(20000)
        s = n = 0
        p = head
        while p is not None:
            s += p.v
            n += 1
            last = p
            p = p.next
        print(total, s, n, vars(head.next)["v"], last.next, type(last).__name__, list(vars(last)))
    """)
    row = r.loop(10)
    assert row["status"] == "compiled" and row["native_iterations"] > 19000, row


def test_objects_with_none_links_copied_in_beside_linked_ones(tmp_path):
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v):
                self.v = v
                self.next = None

        def count(nodes, n):
            c = 0
            for i in range(n):
                p = nodes[i % len(nodes)]
                if p.next is None:
                    c += 1
                    p.next = nodes[0]
                elif i % 7 == 0:
                    p.next = None
                else:
                    c += p.next.v
            return c

        nodes = [Node(k) for k in range(10)]
        for a, b in zip(nodes, nodes[1:]):
            a.next = b
        print(count(nodes, 3000), [n.next.v if n.next is not None else None for n in nodes])
        print(count(nodes + [Node(99)], 3000))
    """)
    row = r.loop(9)
    assert row["status"] == "compiled" and row["native_iterations"] > 5000, row


def test_a_none_link_given_an_object_of_another_class(tmp_path):
    # the field is typed a link of the object's own class: another class's object there
    # leaves native code where it is stored, and fails the entries of the objects holding it
    r = jit(tmp_path, """
        class Node:
            def __init__(self, v):
                self.v = v
                self.next = None

        class Other:
            def __init__(self):
                self.v = 1000

        def run(n):
            head = Node(0)
            t = 0
            for i in range(n):
                node = Node(i)
                if i != 1500:
                    node.next = head
                else:
                    node.next = Other()
                head = node
                t += node.v
            return t, type(head.next).__name__, head.next.v, type(head.next.next).__name__

        print(run(3000))
        print(run(3000))
    """)
    assert r.loop(14)["native_iterations"] > 1400
