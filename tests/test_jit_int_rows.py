"""Tables of rows of small ints copied in at once (EntryRecords._small_int_rows): each program
against CPython (stdout, exit code, stderr), and its loop run natively."""
from test_jit import jit


def test_a_dp_table_and_its_grid_are_copied_in_at_once(tmp_path):
    # a grid of digits and a table of zeros, rows of 300: both through the rows' pointers;
    # the table's first row, filled before the loop, has big ints: it goes on its own
    r = jit(tmp_path, """
        def table(rows, cols, seed):
            s = seed
            grid = []
            for i in range(rows):
                row = []
                for j in range(cols):
                    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                    row.append((s >> 8) % 10 - 3)
                grid.append(row)
            return grid

        def best(grid):
            rows, cols = len(grid), len(grid[0])
            dp = [[0] * cols for _ in range(rows)]
            dp[0][0] = grid[0][0]
            for j in range(1, cols):
                dp[0][j] = dp[0][j - 1] + grid[0][j] + 1000
            for i in range(1, rows):
                dp[i][0] = dp[i - 1][0] + grid[i][0]
                for j in range(1, cols):
                    up, left = dp[i - 1][j], dp[i][j - 1]
                    dp[i][j] = (up if up > left else left) + grid[i][j]
            return dp[rows - 1][cols - 1], dp[rows // 2][:5], sum(map(sum, dp))

        g = table(40, 300, 7)
        print(best(g))
        print(best(table(30, 200, 11)))
        g[5][150] = 10 ** 20                   # (a big int in the middle of one row)
        g[6][0] = True                         # (and a bool at a row's start)
        print(best(g)[0] > 10 ** 19)
    """)
    assert r.loop(19)["native_iterations"] > 30


def test_one_row_many_times_and_a_row_held_by_a_variable_are_one_record(tmp_path):
    # [row] * n: every row the same list -- a store through one is seen through all; and the
    # row a variable holds at the entry is the table's
    r = jit(tmp_path, """
        def fill(t, held):
            for i in range(len(t)):
                row = t[i]
                for j in range(len(row)):
                    row[j] += i + j % 3
                held[0] -= 1
            return t

        counter = [0] * 200
        shared = [[-5, 1] + [0] * 198] * 20 + [[k % 7 for k in range(200)] for _ in range(20)]
        fill(shared, counter)
        print(shared[0][:6], shared[19][:6], shared[0] is shared[7], sum(map(sum, shared)), counter[0])
        rows = [[k % 256 for k in range(150)] for _ in range(24)]
        mine = rows[10]
        fill(rows, mine)
        print(rows[10][:4], mine is rows[10], sum(map(sum, rows)), [r[149] for r in rows], mine[0])
    """)
    assert r.loop(3)["native_iterations"] > 30
