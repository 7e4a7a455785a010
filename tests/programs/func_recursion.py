# recursion: fib, ackermann, mutual recursion, RecursionError caught
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print([[ack(m, n) for n in range(4)] for m in range(3)], ack(2, 3))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([(n, is_even(n), is_odd(n)) for n in (0, 1, 10, 37)])
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(50))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])
def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"), len(perms("abcde")))
def flatten(x):
    if isinstance(x, list):
        return [z for y in x for z in flatten(y)]
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], [[6]]]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def infinite(n):
    return infinite(n + 1) + 1
try:
    infinite(0)
except RecursionError as e:
    print("caught RecursionError:", e)
print("still alive, depth(100) =", depth(100))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20))
def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]
print(sorted(power_set([1, 2, 3])))
def binsearch(arr, x, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == x:
        return mid
    if arr[mid] < x:
        return binsearch(arr, x, mid + 1, hi)
    return binsearch(arr, x, lo, mid - 1)
arr = list(range(0, 100, 3))
print([binsearch(arr, x, 0, len(arr) - 1) for x in (0, 3, 51, 99, 50)])
class Node:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = list(kids)
    def total(self):
        return self.v + sum(k.total() for k in self.kids)
tree = Node(1, [Node(2, [Node(4)]), Node(3, [Node(5), Node(6, [Node(7)])])])
print(tree.total())
