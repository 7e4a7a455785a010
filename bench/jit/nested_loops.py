# nested loops: matrix multiply on flat lists, and a 2D grid sum with index math
import sys
import time


def matmul(a, b, n):
    c = [0] * (n * n)
    for i in range(n):
        for j in range(n):
            s = 0
            for k in range(n):
                s += a[i * n + k] * b[k * n + j]
            c[i * n + j] = s
    check = 0
    for i in range(n * n):
        check = (check * 31 + c[i]) % 1000000007
    return check


def grid(w, h):
    total = 0
    diag = 0
    for y in range(h):
        row = y * w
        for x in range(w):
            total += (row + x) % 7 + abs(x - y)
            if x == y:
                diag += row + x
    return total, diag


def make(n, seed):
    return [(i * seed + 7) % 19 - 9 for i in range(n * n)]


wa, wb = make(12, 3), make(12, 5)
warm = (matmul(wa, wb, 12), grid(40, 30))

N = 230
a, b = make(N, 3), make(N, 5)
t0 = time.perf_counter()
r1 = matmul(a, b, N)
r2 = grid(2500, 1800)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2)
