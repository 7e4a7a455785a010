# 51 nested function frames (even(50) ... even(0)), alternating between two
# functions so that no line repeats consecutively: the uncaught traceback shows them all
def even(n):
    if n == 0:
        raise RuntimeError("bottom reached from even")
    return odd(n - 1)


def odd(n):
    if n == 0:
        raise RuntimeError("bottom reached from odd")
    return even(n - 1)


def count_frames(n):
    try:
        even(n)
    except RuntimeError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return len(names), names[:3], names[-3:]


print(count_frames(10))
print(count_frames(7))
even(50)
