"""A left-leaning red-black tree: insert, delete, delete-min, ordered walks.

Workload: tree algorithms. Recursive insertion and deletion with colour flips
and rotations (the left-leaning variant: every 3-node leans left), an
iterative in-order iterator class (``__iter__``/``__next__`` with an explicit
stack), floor/ceiling queries, and a validation pass checking the BST order,
that no red link leans right or is doubled, and that every root-to-leaf path
has the same number of black links. String keys (zero-padded numbers) so that
comparisons are of ``str``s. Seeded ``random.Random``.
"""
import random

RED = True
BLACK = False


class Node:
    __slots__ = ("key", "val", "left", "right", "color")

    def __init__(self, key, val):
        self.key = key
        self.val = val
        self.left = None
        self.right = None
        self.color = RED


def is_red(n):
    return n is not None and n.color is RED


def rotate_left(h):
    x = h.right
    h.right = x.left
    x.left = h
    x.color = h.color
    h.color = RED
    return x


def rotate_right(h):
    x = h.left
    h.left = x.right
    x.right = h
    x.color = h.color
    h.color = RED
    return x


def flip_colors(h):
    h.color = not h.color
    h.left.color = not h.left.color
    h.right.color = not h.right.color


def fix_up(h):
    if is_red(h.right) and not is_red(h.left):
        h = rotate_left(h)
    if is_red(h.left) and is_red(h.left.left):
        h = rotate_right(h)
    if is_red(h.left) and is_red(h.right):
        flip_colors(h)
    return h


def move_red_left(h):
    flip_colors(h)
    if is_red(h.right.left):
        h.right = rotate_right(h.right)
        h = rotate_left(h)
        flip_colors(h)
    return h


def move_red_right(h):
    flip_colors(h)
    if is_red(h.left.left):
        h = rotate_right(h)
        flip_colors(h)
    return h


def min_node(h):
    while h.left is not None:
        h = h.left
    return h


class InOrder:
    def __init__(self, root):
        self.stack = []
        self._push_left(root)

    def _push_left(self, n):
        while n is not None:
            self.stack.append(n)
            n = n.left

    def __iter__(self):
        return self

    def __next__(self):
        if not self.stack:
            raise StopIteration
        n = self.stack.pop()
        self._push_left(n.right)
        return n.key


class RedBlackTree:
    def __init__(self):
        self.root = None
        self.count = 0

    def __iter__(self):
        return InOrder(self.root)

    def __len__(self):
        return self.count

    def get(self, key):
        n = self.root
        while n is not None:
            if key < n.key:
                n = n.left
            elif key > n.key:
                n = n.right
            else:
                return n.val
        return None

    def put(self, key, val):
        self.root = self._put(self.root, key, val)
        self.root.color = BLACK

    def _put(self, h, key, val):
        if h is None:
            self.count += 1
            return Node(key, val)
        if key < h.key:
            h.left = self._put(h.left, key, val)
        elif key > h.key:
            h.right = self._put(h.right, key, val)
        else:
            h.val = val
        return fix_up(h)

    def delete_min(self):
        if not is_red(self.root.left) and not is_red(self.root.right):
            self.root.color = RED
        self.root = self._delete_min(self.root)
        self.count -= 1
        if self.root is not None:
            self.root.color = BLACK

    def _delete_min(self, h):
        if h.left is None:
            return None
        if not is_red(h.left) and not is_red(h.left.left):
            h = move_red_left(h)
        h.left = self._delete_min(h.left)
        return fix_up(h)

    def delete(self, key):
        if self.get(key) is None:
            return False
        if not is_red(self.root.left) and not is_red(self.root.right):
            self.root.color = RED
        self.root = self._delete(self.root, key)
        self.count -= 1
        if self.root is not None:
            self.root.color = BLACK
        return True

    def _delete(self, h, key):
        if key < h.key:
            if not is_red(h.left) and not is_red(h.left.left):
                h = move_red_left(h)
            h.left = self._delete(h.left, key)
        else:
            if is_red(h.left):
                h = rotate_right(h)
            if key == h.key and h.right is None:
                return None
            if not is_red(h.right) and not is_red(h.right.left):
                h = move_red_right(h)
            if key == h.key:
                m = min_node(h.right)
                h.key, h.val = m.key, m.val
                h.right = self._delete_min(h.right)
            else:
                h.right = self._delete(h.right, key)
        return fix_up(h)

    def floor(self, key):
        n, best = self.root, None
        while n is not None:
            if key < n.key:
                n = n.left
            elif key > n.key:
                best = n.key
                n = n.right
            else:
                return n.key
        return best

    def ceiling(self, key):
        n, best = self.root, None
        while n is not None:
            if key > n.key:
                n = n.right
            elif key < n.key:
                best = n.key
                n = n.left
            else:
                return n.key
        return best

    def validate(self):
        def rec(n, lo, hi):
            if n is None:
                return 1
            if (lo is not None and n.key <= lo) or (hi is not None and n.key >= hi):
                raise AssertionError("order")
            if is_red(n.right):
                raise AssertionError("right-leaning red")
            if is_red(n) and is_red(n.left):
                raise AssertionError("two reds in a row")
            bl = rec(n.left, lo, n.key)
            br = rec(n.right, n.key, hi)
            if bl != br:
                raise AssertionError("black height")
            return bl + (0 if is_red(n) else 1)
        return rec(self.root, None, None)

    def height(self):
        def rec(n):
            if n is None:
                return 0
            a, b = rec(n.left), rec(n.right)
            return (a if a > b else b) + 1
        return rec(self.root)


def key_of(i):
    return "k%07d" % i


def main():
    rng = random.Random(4242)
    tree = RedBlackTree()
    shadow = {}
    for _ in range(90000):
        i = rng.randrange(1000000)
        tree.put(key_of(i), i)
        shadow[key_of(i)] = i
    print("size", len(tree), "height", tree.height(), "black height", tree.validate())
    removed = 0
    victims = sorted(shadow)
    rng.shuffle(victims)
    victims = victims[:55000]
    for i in range(70000):
        k = victims[i] if i < len(victims) else key_of(rng.randrange(1000000))
        if tree.delete(k):
            del shadow[k]
            removed += 1
        if i % 5 == 0:
            j = rng.randrange(1000000)
            tree.put(key_of(j), j)
            shadow[key_of(j)] = j
    print("removed", removed, "size", len(tree), "height", tree.height(), "black height", tree.validate())
    for _ in range(5000):
        smallest = next(iter(tree))
        tree.delete_min()
        del shadow[smallest]
    print("after delete_min x5000: size", len(tree), "black height", tree.validate())
    keys = list(tree)
    print("iteration sorted and matches:", keys == sorted(shadow))
    fc = 0
    for _ in range(50000):
        q = key_of(rng.randrange(1000000))
        f, c = tree.floor(q), tree.ceiling(q)
        if f is not None:
            fc += int(f[1:])
        if c is not None:
            fc -= int(c[1:])
    print("floor/ceiling checksum", fc)
    print("first keys", keys[:4], "last", keys[-2:])


if __name__ == "__main__":
    main()
