# sys.setrecursionlimit lowered, then recursion: caught once (depth printed), then uncaught
import sys

sys.setrecursionlimit(120)
print("limit", sys.getrecursionlimit())

calls = 0


def down(n):
    global calls
    calls += 1
    if n == 0:
        return 0
    return 1 + down(n - 1)


print(down(50))
calls = 0
try:
    down(500)
except RecursionError as e:
    print("caught", type(e).__name__, e)
print("calls before the error", calls)

sys.setrecursionlimit(200)
calls = 0
try:
    down(500)
except RecursionError:
    print("with limit 200:", calls, "calls")


def chain(n):
    return chain(n + 1)


sys.setrecursionlimit(80)
chain(0)
