# dynamic programming over lists of lists: minimum-cost path through a grid of costs
# (dp[i][j] from the row above and the cell to the left), counting monotone paths that
# avoid blocked cells, edit distance between two sequences, and the largest all-open
# square, each filling a table row by row
import sys
import time


def make_grid(rows, cols, seed):
    # a fixed LCG: every interpreter gets the same grid
    grid = []
    s = seed
    for i in range(rows):
        row = []
        for j in range(cols):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            row.append(1 + (s >> 8) % 9)
        grid.append(row)
    return grid


def min_path(grid):
    rows = len(grid)
    cols = len(grid[0])
    dp = [[0] * cols for _ in range(rows)]
    dp[0][0] = grid[0][0]
    for j in range(1, cols):
        dp[0][j] = dp[0][j - 1] + grid[0][j]
    for i in range(1, rows):
        dp[i][0] = dp[i - 1][0] + grid[i][0]
        for j in range(1, cols):
            up = dp[i - 1][j]
            left = dp[i][j - 1]
            if up < left:
                dp[i][j] = up + grid[i][j]
            else:
                dp[i][j] = left + grid[i][j]
    return dp[rows - 1][cols - 1]


def count_paths(grid, modulus):
    # monotone paths (right/down) through cells whose cost is not 9, modulo modulus
    rows = len(grid)
    cols = len(grid[0])
    ways = [[0] * cols for _ in range(rows)]
    ways[0][0] = 1
    for i in range(rows):
        row = grid[i]
        w = ways[i]
        for j in range(cols):
            if row[j] == 9:
                w[j] = 0
                continue
            if i > 0:
                w[j] += ways[i - 1][j]
            if j > 0:
                w[j] += w[j - 1]
            w[j] %= modulus
    return ways[rows - 1][cols - 1]


def edit_distance(a, b):
    n = len(a)
    m = len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = d[i - 1][j] + 1
            if d[i][j - 1] + 1 < best:
                best = d[i][j - 1] + 1
            if d[i - 1][j - 1] + cost < best:
                best = d[i - 1][j - 1] + cost
            d[i][j] = best
    return d[n][m]


def largest_square(grid):
    # side of the largest square of cells with cost <= 6
    rows = len(grid)
    cols = len(grid[0])
    side = [[0] * cols for _ in range(rows)]
    best = 0
    for i in range(rows):
        for j in range(cols):
            if grid[i][j] > 6:
                continue
            if i == 0 or j == 0:
                side[i][j] = 1
            else:
                side[i][j] = 1 + min(side[i - 1][j], side[i][j - 1], side[i - 1][j - 1])
            if side[i][j] > best:
                best = side[i][j]
    return best


def sequence(n, seed):
    return [row[0] for row in make_grid(n, 1, seed)]


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
wg = make_grid(30, 40, 5)
warm = (min_path(wg), count_paths(wg, 1000003), edit_distance(sequence(50, 1), sequence(40, 2)),
        largest_square(wg))

grid = make_grid(800, 1000, 42)
a = sequence(1400, 3)
b = sequence(1300, 4)
t0 = time.perf_counter()
r1 = min_path(grid)
r2 = count_paths(grid, 1000000007)
r3 = edit_distance(a, b)
r4 = largest_square(grid)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3, r4)
