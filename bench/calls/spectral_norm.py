# spectral norm: a function A(i, j) called in double loops over enumerate(v), products made as closures
import math
import sys
import time


def A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def make_times(transpose):
    def times(v):
        n = len(v)
        out = [0.0] * n
        for i in range(n):
            s = 0.0
            if transpose:
                for j, vj in enumerate(v):
                    s += A(j, i) * vj
            else:
                for j, vj in enumerate(v):
                    s += A(i, j) * vj
            out[i] = s
        return out
    return times


times_a = make_times(False)
times_at = make_times(True)


def times_ata(v):
    return times_at(times_a(v))


def spectral_norm(n, rounds):
    u = [1.0] * n
    v = u
    for _ in range(rounds):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for k, ue in enumerate(u):
        vbv += ue * v[k]
        vv += v[k] * v[k]
    return math.sqrt(vbv / vv)


def a_sum(n):
    # the entries of the n x n matrix, row by row
    s = 0.0
    for i in range(n):
        for j in range(n):
            s += A(i, j)
    return s


warm = (spectral_norm(40, 3), a_sum(60))

t0 = time.perf_counter()
r1 = spectral_norm(400, 10)
r2 = a_sum(2000)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(repr(warm))
print(repr(r1), repr(r2))
