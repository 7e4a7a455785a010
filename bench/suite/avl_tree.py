"""An AVL tree (a sorted map) with insert, delete, lookup, range and traversal.

Workload: tree algorithms. Recursive insert and delete with the four rotation
cases, heights kept in nodes, an in-order traversal written as a recursive
generator (``yield from``), range queries, rank/select via subtree sizes, and
a full structural check (order, balance factors, sizes) after each phase.
Keys come from a seeded ``random.Random``; the results are compared against a
plain dict / sorted list at the end.
"""
import random


class Node:
    __slots__ = ("key", "value", "left", "right", "height", "size")

    def __init__(self, key, value):
        self.key = key
        self.value = value
        self.left = None
        self.right = None
        self.height = 1
        self.size = 1


def height(n):
    return n.height if n is not None else 0


def size(n):
    return n.size if n is not None else 0


def update(n):
    hl, hr = height(n.left), height(n.right)
    n.height = (hl if hl > hr else hr) + 1
    n.size = size(n.left) + size(n.right) + 1


def rotate_right(y):
    x = y.left
    y.left = x.right
    x.right = y
    update(y)
    update(x)
    return x


def rotate_left(x):
    y = x.right
    x.right = y.left
    y.left = x
    update(x)
    update(y)
    return y


def rebalance(n):
    update(n)
    balance = height(n.left) - height(n.right)
    if balance > 1:
        if height(n.left.left) < height(n.left.right):
            n.left = rotate_left(n.left)
        return rotate_right(n)
    if balance < -1:
        if height(n.right.right) < height(n.right.left):
            n.right = rotate_right(n.right)
        return rotate_left(n)
    return n


class AVLTree:
    def __init__(self):
        self.root = None
        self.rotations = 0

    def __len__(self):
        return size(self.root)

    def insert(self, key, value):
        self.root = self._insert(self.root, key, value)

    def _insert(self, n, key, value):
        if n is None:
            return Node(key, value)
        if key < n.key:
            n.left = self._insert(n.left, key, value)
        elif key > n.key:
            n.right = self._insert(n.right, key, value)
        else:
            n.value = value
            return n
        return rebalance(n)

    def delete(self, key):
        self.root = self._delete(self.root, key)

    def _delete(self, n, key):
        if n is None:
            raise KeyError(key)
        if key < n.key:
            n.left = self._delete(n.left, key)
        elif key > n.key:
            n.right = self._delete(n.right, key)
        else:
            if n.left is None:
                return n.right
            if n.right is None:
                return n.left
            succ = n.right
            while succ.left is not None:
                succ = succ.left
            n.key, n.value = succ.key, succ.value
            n.right = self._delete(n.right, succ.key)
        return rebalance(n)

    def get(self, key, default=None):
        n = self.root
        while n is not None:
            if key < n.key:
                n = n.left
            elif key > n.key:
                n = n.right
            else:
                return n.value
        return default

    def __contains__(self, key):
        return self.get(key, self) is not self

    def items(self):
        yield from self._walk(self.root)

    def _walk(self, n):
        if n is not None:
            yield from self._walk(n.left)
            yield n.key, n.value
            yield from self._walk(n.right)

    def range(self, lo, hi):
        out = []
        self._range(self.root, lo, hi, out)
        return out

    def _range(self, n, lo, hi, out):
        if n is None:
            return
        if lo < n.key:
            self._range(n.left, lo, hi, out)
        if lo <= n.key <= hi:
            out.append(n.key)
        if n.key < hi:
            self._range(n.right, lo, hi, out)

    def rank(self, key):
        """Number of keys < key."""
        r = 0
        n = self.root
        while n is not None:
            if key <= n.key:
                n = n.left
            else:
                r += size(n.left) + 1
                n = n.right
        return r

    def select(self, i):
        n = self.root
        while n is not None:
            left = size(n.left)
            if i < left:
                n = n.left
            elif i > left:
                i -= left + 1
                n = n.right
            else:
                return n.key
        raise IndexError(i)

    def check(self):
        def rec(n, lo, hi):
            if n is None:
                return 0, 0
            assert (lo is None or lo < n.key) and (hi is None or n.key < hi)
            hl, sl = rec(n.left, lo, n.key)
            hr, sr = rec(n.right, n.key, hi)
            assert abs(hl - hr) <= 1, "unbalanced"
            assert n.height == max(hl, hr) + 1 and n.size == sl + sr + 1
            return n.height, n.size
        return rec(self.root, None, None)


def main():
    rng = random.Random(99)
    tree = AVLTree()
    shadow = {}
    n = 60000
    for _ in range(n):
        k = rng.randrange(10 * n)
        v = rng.randrange(1000)
        tree.insert(k, v)
        shadow[k] = v
    h, s = tree.check()
    print("after inserts: size", s, "height", h)
    keys = sorted(shadow)
    doomed = keys[::3]
    for k in doomed:
        tree.delete(k)
        del shadow[k]
    h, s = tree.check()
    print("after deletes: size", s, "height", h)
    # mixed phase
    hits = misses = 0
    for i in range(120000):
        k = rng.randrange(10 * n)
        op = i % 4
        if op == 0:
            tree.insert(k, i)
            shadow[k] = i
        elif op == 1 and k in shadow:
            tree.delete(k)
            del shadow[k]
        else:
            if tree.get(k) == shadow.get(k):
                hits += 1
            else:
                misses += 1
    h, s = tree.check()
    print("after mixed: size", s, "height", h, "lookups agree", hits, "disagree", misses)
    items = list(tree.items())
    print("in-order matches dict:", items == sorted(shadow.items()))
    total = 0
    for _ in range(2000):
        lo = rng.randrange(10 * n)
        got = tree.range(lo, lo + 2000)
        total += len(got)
    print("range results:", total)
    srt = sorted(shadow)
    ok = True
    for i in range(0, len(srt), 97):
        if tree.select(i) != srt[i] or tree.rank(srt[i]) != i:
            ok = False
    print("rank/select ok:", ok, "median key:", tree.select(len(tree) // 2))
    checksum = 0
    for k, v in items:
        checksum = (checksum * 31 + k * 7 + v) % 1000000007
    print("checksum:", checksum)


if __name__ == "__main__":
    main()
