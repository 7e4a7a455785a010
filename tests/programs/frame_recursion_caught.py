# unbounded recursion caught: the depth reached is printed; it is exactly the
# recursion limit minus the frames already on the stack, so extra frames show
import sys

depth = 0


def dive():
    global depth
    depth += 1
    dive()


def measure():
    global depth
    depth = 0
    try:
        dive()
    except RecursionError as e:
        print("RecursionError:", e)
    return depth


print("limit", sys.getrecursionlimit())
first = measure()
print("depth reached", first)
print("again", measure() == first)


def nested_measure():
    return measure()


print("one frame deeper", first - nested_measure())


# recursion that is caught, then the program goes on normally
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), len(str(fact(400))))
