# deep and irregular recursion: Takeuchi's tak, Ackermann's function (recursion ~510 deep)
import sys
import time


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def tak_float(x, y, z):
    if y < x:
        return tak_float(tak_float(x - 1.0, y, z), tak_float(y - 1.0, z, x), tak_float(z - 1.0, x, y))
    return z


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def ack_table(rounds, top):
    # ack(m, n) for m <= 3 and n < top, summed over several rounds
    total = 0
    for r in range(rounds):
        for m in range(4):
            for n in range(top):
                total += ack(m, n) * (r + 1)
    return total


warm = (tak(12, 8, 4), tak_float(12.0, 8.0, 4.0), ack(2, 9), ack_table(2, 5))

t0 = time.perf_counter()
r1 = tak(26, 18, 9)
r2 = tak_float(24.0, 17.0, 8.0)
r3 = ack(3, 6)
r4 = ack_table(20, 7)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(r1, repr(r2), r3, r4)
