# backtracking: N-queens counts and a small sudoku
def queens(n):
    count = 0
    sols = []
    cols, d1, d2 = set(), set(), set()
    board = []
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            if len(sols) < 2:
                sols.append(list(board))
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); board.pop()
    place(0)
    return count, sols
for n in range(1, 7):
    print(n, queens(n))
puzzle = [
    "53467.9..", "6..195...", ".98....6.", "8...6...3", "4..8.3..1", "7...2...6", ".6....28.", "...419..5", "....8..79",
]
grid = [[0 if ch == "." else int(ch) for ch in row] for row in puzzle]
def ok(g, r, c, v):
    if v in g[r]:
        return False
    if any(g[i][c] == v for i in range(9)):
        return False
    br, bc = 3 * (r // 3), 3 * (c // 3)
    return all(g[br + i][bc + j] != v for i in range(3) for j in range(3))
calls = 0
def solve(g):
    global calls
    calls += 1
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                for v in range(1, 10):
                    if ok(g, r, c, v):
                        g[r][c] = v
                        if solve(g):
                            return True
                        g[r][c] = 0
                return False
    return True
print(solve(grid), calls)
for row in grid:
    print("".join(map(str, row)))
print(all(sorted(row) == list(range(1, 10)) for row in grid), all(sorted(col) == list(range(1, 10)) for col in zip(*grid)))
