# a hot loop calls a function that raises after many iterations; the try/except
# around the loop catches it and prints the traceback with traceback.print_exc()
import traceback


def check(i, limit):
    if i >= limit:
        raise ValueError("value %d reached the limit %d" % (i, limit))
    return i % 7


def scan(limit):
    total = 0
    i = 0
    try:
        while True:
            total += check(i, limit)
            i += 1
    except ValueError:
        traceback.print_exc()
        print("stopped at", i, "total", total)
    return total


def scan_for(limit):
    total = 0
    try:
        for i in range(limit * 2):
            total += check(i, limit)
    except ValueError as e:
        print("caught:", e, "i =", i)
        print(traceback.format_exc(), end="")
    return total


print(scan(20000))
print(scan_for(6000))
print(scan(3))
