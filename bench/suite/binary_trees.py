"""Allocate and walk many complete binary trees (the classic GC/alloc benchmark).

Workload: tree algorithms / allocation. A long-lived tree is built once; then,
for a range of depths, many short-lived complete binary trees are built
recursively (as node objects), walked to count their nodes, and dropped. A
second variant builds the same trees as nested tuples and walks them with an
explicit stack. Stresses object allocation, deallocation and recursive calls.
"""


class Tree:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def make(depth):
    if depth == 0:
        return Tree(None, None)
    depth -= 1
    return Tree(make(depth), make(depth))


def make_tuple(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tuple(depth), make_tuple(depth))


def walk_tuple(tree):
    count = 0
    stack = [tree]
    while stack:
        left, right = stack.pop()
        count += 1
        if left is not None:
            stack.append(left)
            stack.append(right)
    return count


def main(max_depth):
    min_depth = 4
    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, make(stretch).check()))
    long_lived = make(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += make(depth).check()
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, check))
    print("long lived tree of depth %d\t check: %d" % (max_depth, long_lived.check()))
    total = 0
    for depth in range(min_depth, max_depth, 3):
        iterations = 2 ** (max_depth - depth + min_depth - 2)
        for _ in range(iterations):
            total += walk_tuple(make_tuple(depth))
    print("tuple trees walked, nodes:", total)


if __name__ == "__main__":
    main(15)
