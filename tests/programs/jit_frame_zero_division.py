# an uncaught ZeroDivisionError inside a hot loop after 70000 iterations, in a
# function called from another function: the traceback shows both frames and
# the ^^^^ markers of the failing expression, whatever tier runs the loop
def accumulate(n):
    total = 0
    for i in range(n):
        total += 100 // (i - 70000)
    return total


def run():
    print("warm-up", accumulate(1000))
    result = accumulate(10 ** 5)
    print("never", result)


run()
