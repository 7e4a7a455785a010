"""Matrix operations on lists of lists: products, powers, exact elimination, LU and inverses.

Workload: matrix ops with lists of lists. A small ``Matrix`` class over nested
Python lists with ``__matmul__``/``__add__``/``__eq__``, transposition via
``zip(*rows)``, list comprehensions for products, integer matrix powers by
repeated squaring (Fibonacci and path counting in a graph), exact Gaussian
elimination over ``fractions.Fraction`` (determinant, rank, inverse checked by
multiplying back to the identity), and a float LU decomposition with partial
pivoting used to solve linear systems (residuals printed rounded).
"""
import random
from fractions import Fraction


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0

    @classmethod
    def identity(cls, n, one=1):
        zero = one - one
        return cls([[one if i == j else zero for j in range(n)] for i in range(n)])

    def transpose(self):
        return Matrix(zip(*self.rows))

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def scale(self, k):
        return Matrix([[k * a for a in row] for row in self.rows])

    def __eq__(self, other):
        return self.rows == other.rows

    def __pow__(self, e):
        result = Matrix.identity(self.n)
        base = self
        while e:
            if e & 1:
                result = result @ base
            base = base @ base
            e >>= 1
        return result

    def map(self, fn):
        return Matrix([[fn(a) for a in row] for row in self.rows])

    def trace(self):
        t = 0
        for i in range(min(self.n, self.m)):
            t += self.rows[i][i]
        return t


def mod_matrix(mat, mod):
    return mat.map(lambda v: v % mod)


def mat_pow_mod(mat, e, mod):
    result = Matrix.identity(mat.n)
    base = mod_matrix(mat, mod)
    while e:
        if e & 1:
            result = mod_matrix(result @ base, mod)
        base = mod_matrix(base @ base, mod)
        e >>= 1
    return result


def gauss_exact(mat):
    """Row-reduce a copy over Fractions; return (det, rank, reduced rows)."""
    a = [[Fraction(v) for v in row] for row in mat.rows]
    n, m = len(a), len(a[0])
    det = Fraction(1)
    rank = 0
    row = 0
    for col in range(m):
        pivot = None
        for r in range(row, n):
            if a[r][col] != 0:
                pivot = r
                break
        if pivot is None:
            det = Fraction(0)
            continue
        if pivot != row:
            a[row], a[pivot] = a[pivot], a[row]
            det = -det
        pv = a[row][col]
        det *= pv
        inv = 1 / pv
        a[row] = [v * inv for v in a[row]]
        for r in range(n):
            if r != row and a[r][col] != 0:
                f = a[r][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[row])]
        row += 1
        rank += 1
        if row == n:
            break
    if rank < min(n, m):
        det = Fraction(0)
    return det, rank, a


def inverse_exact(mat):
    n = mat.n
    aug = Matrix([list(r) + [1 if i == j else 0 for j in range(n)] for i, r in enumerate(mat.rows)])
    det, rank, reduced = gauss_exact(aug)
    if rank < n or any(reduced[i][i] != 1 for i in range(n)):
        return None
    return Matrix([row[n:] for row in reduced])


def lu_decompose(mat):
    n = mat.n
    a = [list(map(float, row)) for row in mat.rows]
    perm = list(range(n))
    for k in range(n):
        p = max(range(k, n), key=lambda r: (abs(a[r][k]), -r))
        if p != k:
            a[k], a[p] = a[p], a[k]
            perm[k], perm[p] = perm[p], perm[k]
        pivot = a[k][k]
        rowk = a[k]
        for i in range(k + 1, n):
            rowi = a[i]
            f = rowi[k] / pivot
            rowi[k] = f
            for j in range(k + 1, n):
                rowi[j] -= f * rowk[j]
    return a, perm


def lu_solve(lu, perm, b):
    n = len(lu)
    y = [b[perm[i]] for i in range(n)]
    for i in range(n):
        s = y[i]
        row = lu[i]
        for j in range(i):
            s -= row[j] * y[j]
        y[i] = s
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = y[i]
        row = lu[i]
        for j in range(i + 1, n):
            s -= row[j] * x[j]
        x[i] = s / row[i]
    return x


def random_matrix(rng, n, m, lo=-9, hi=9):
    return Matrix([[rng.randint(lo, hi) for _ in range(m)] for _ in range(n)])


def main():
    rng = random.Random(17)
    fib = Matrix([[1, 1], [1, 0]]) ** 300
    print("F(300) =", fib.rows[0][1])
    print("F(10**6) mod 1e9+7 =", mat_pow_mod(Matrix([[1, 1], [1, 0]]), 10 ** 6, 1000000007).rows[0][1])

    # walks in a random directed graph: entries of A^k count paths of length k
    adj = Matrix([[1 if rng.random() < 0.15 and i != j else 0 for j in range(24)] for i in range(24)])
    walks = adj ** 12
    total = 0
    for row in walks.rows:
        for v in row:
            total += v
    print("closed 12-walks (trace):", walks.trace(), "all 12-walks:", total)

    a = random_matrix(rng, 40, 30)
    b = random_matrix(rng, 30, 40)
    ab = a @ b
    print("(AB)^T == B^T A^T:", ab.transpose() == b.transpose() @ a.transpose(), "trace", ab.trace())

    dets = []
    for size in (6, 10, 14, 18, 22, 26, 30, 34):
        m = random_matrix(rng, size, size)
        det, rank, _ = gauss_exact(m)
        inv = inverse_exact(m)
        ok = inv is not None and (m.map(Fraction) @ inv) == Matrix.identity(size, Fraction(1))
        dets.append(det)
        print("n=%2d det=%s rank=%d inverse ok=%s" % (size, det, rank, ok))
    singular = Matrix([[1, 2, 3], [2, 4, 6], [1, 0, 1]])
    sdet, srank, _ = gauss_exact(singular)
    print("singular 3x3 det", sdet, "rank", srank, "inverse:", inverse_exact(singular))

    worst = 0.0
    checksum = 0.0
    for trial in range(10):
        n = 80
        m = random_matrix(rng, n, n)
        lu, perm = lu_decompose(m)
        for _ in range(3):
            xs = [rng.randint(-5, 5) for _ in range(n)]
            b = [0] * n
            for i in range(n):
                s = 0
                row = m.rows[i]
                for j in range(n):
                    s += row[j] * xs[j]
                b[i] = s
            x = lu_solve(lu, perm, b)
            for i in range(n):
                err = abs(x[i] - xs[i])
                if err > worst:
                    worst = err
                checksum += round(x[i])
    print("LU solves: max error below 1e-6:", worst < 1e-6, "checksum", int(checksum))


if __name__ == "__main__":
    main()
