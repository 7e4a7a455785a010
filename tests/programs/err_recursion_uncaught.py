# uncaught RecursionError
# warm-up: caught variants before the final uncaught error
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print("fine(200) =", fine(200))
try:
    fine(100000)
except RecursionError as e:
    print("caught:", e)
print("after catching, fine(300) =", fine(300))
import sys
def down(n):
    return down(n + 1) + 1
print("recursion limit at least 1000:", sys.getrecursionlimit() >= 1000)
down(0)
