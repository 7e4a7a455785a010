# failures in the middle of an expression: the traceback's ^^^^ / ~~~~ markers
# point at the failing sub-expression
import traceback


def compute(a, b, c):
    x = a[1] + b["k"] / c
    return x


def attr_chain(obj):
    return obj.first.second.third


def call_in_expr(f, n):
    return 10 + f(n) * 2


class Node:
    pass


def broken(n):
    return [1, 2, 3][n]


for args in [([1, 2], {"k": 4}, 2), ([1], {"k": 4}, 2), ([1, 2], {}, 2), ([1, 2], {"k": 4}, 0)]:
    try:
        print("compute ->", compute(*args))
    except Exception:
        print(traceback.format_exc())

n = Node()
n.first = Node()
try:
    attr_chain(n)
except AttributeError:
    print(traceback.format_exc())

try:
    call_in_expr(broken, 5)
except IndexError:
    print(traceback.format_exc())

compute([1, 2], {"k": 9}, 0)
