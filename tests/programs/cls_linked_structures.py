# linked list, binary search tree, user containers
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self):
        return "LL[" + " -> ".join(map(repr, self)) + "]"
ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), list(ll), sum(ll), 3 in ll)
ll.reverse()
ll.push(0)
print(ll, len(ll))
class BST:
    def __init__(self):
        self.root = None
        self.n = 0
    def insert(self, k):
        def ins(node):
            if node is None:
                self.n += 1
                return [k, None, None]
            if k < node[0]:
                node[1] = ins(node[1])
            elif k > node[0]:
                node[2] = ins(node[2])
            return node
        self.root = ins(self.root)
    def inorder(self):
        out = []
        def walk(node):
            if node:
                walk(node[1])
                out.append(node[0])
                walk(node[2])
        walk(self.root)
        return out
    def height(self):
        def h(node):
            return 0 if node is None else 1 + max(h(node[1]), h(node[2]))
        return h(self.root)
    def __contains__(self, k):
        node = self.root
        while node:
            if k == node[0]:
                return True
            node = node[1] if k < node[0] else node[2]
        return False
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30, 65, 10]:
    t.insert(k)
print(t.inorder(), t.n, t.height(), 65 in t, 66 in t)
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __mul__(self, o):
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __pow__(self, n):
        result = Matrix([[int(i == j) for j in range(len(self.rows))] for i in range(len(self.rows))])
        base = self
        while n:
            if n & 1:
                result = result * base
            base = base * base
            n >>= 1
        return result
    def __eq__(self, o):
        return self.rows == o.rows
    def __repr__(self):
        return "Matrix(%r)" % self.rows
fib = Matrix([[1, 1], [1, 0]])
print(fib ** 10, (fib ** 90).rows[0][1], fib * fib == fib ** 2)
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = {}
    def get(self, k):
        if k not in self.data:
            return -1
        v = self.data.pop(k)
        self.data[k] = v
        return v
    def put(self, k, v):
        self.data.pop(k, None)
        self.data[k] = v
        if len(self.data) > self.cap:
            del self.data[next(iter(self.data))]
c = LRU(2)
c.put(1, "a"); c.put(2, "b"); c.get(1); c.put(3, "c")
print(c.get(2), c.get(1), c.get(3), list(c.data))
