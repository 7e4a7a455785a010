"""N-queens by backtracking, three ways, plus a knight's tour (Warnsdorff with backtracking).

Workload: recursive search. Counting all N-queens solutions with (a) sets of
attacked columns/diagonals, (b) a board list checked against previous rows,
and (c) a generator that yields each solution (the first few are printed as
board strings). The counts must agree with each other. Then a knight's tour on
boards of several sizes by recursive backtracking, trying moves in
Warnsdorff order (fewest onward moves first), and an exhaustive count of all
open knight's tours on a 5x5 board from two starting squares.
"""


def queens_sets(n):
    cols, diag1, diag2 = set(), set(), set()
    count = 0

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            place(row + 1)
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)

    place(0)
    return count


def queens_list(n):
    board = []

    def safe(c):
        row = len(board)
        for r, bc in enumerate(board):
            if bc == c or abs(bc - c) == row - r:
                return False
        return True

    def solve():
        if len(board) == n:
            return 1
        total = 0
        for c in range(n):
            if safe(c):
                board.append(c)
                total += solve()
                board.pop()
        return total

    return solve()


def queens_gen(n, row=0, placed=()):
    if row == n:
        yield placed
        return
    for c in range(n):
        if all(pc != c and abs(pc - c) != row - pr for pr, pc in enumerate(placed)):
            yield from queens_gen(n, row + 1, placed + (c,))


def show(solution):
    n = len(solution)
    return "/".join("".join("Q" if c == col else "." for c in range(n)) for col in solution)


MOVES = ((1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2))


def knights_tour(n, start):
    board = [[0] * n for _ in range(n)]
    tries = 0

    def onward(x, y):
        count = 0
        for dx, dy in MOVES:
            nx, ny = x + dx, y + dy
            if 0 <= nx < n and 0 <= ny < n and board[ny][nx] == 0:
                count += 1
        return count

    def tour(x, y, step):
        nonlocal tries
        tries += 1
        board[y][x] = step
        if step == n * n:
            return True
        options = []
        for dx, dy in MOVES:
            nx, ny = x + dx, y + dy
            if 0 <= nx < n and 0 <= ny < n and board[ny][nx] == 0:
                options.append((onward(nx, ny), nx, ny))
        options.sort()
        for _, nx, ny in options:
            if tour(nx, ny, step + 1):
                return True
        board[y][x] = 0
        return False

    ok = tour(start[0], start[1], 1)
    return ok, tries, board


def count_tours(n, sx, sy):
    """Exhaustively count open knight's tours from (sx, sy), plain move order."""
    board = [[False] * n for _ in range(n)]
    nodes = 0

    def go(x, y, step):
        nonlocal nodes
        nodes += 1
        if step == n * n:
            return 1
        board[y][x] = True
        total = 0
        for dx, dy in MOVES:
            nx, ny = x + dx, y + dy
            if 0 <= nx < n and 0 <= ny < n and not board[ny][nx]:
                total += go(nx, ny, step + 1)
        board[y][x] = False
        return total

    return go(sx, sy, 1), nodes


def main():
    for n in range(4, 11):
        a = queens_sets(n)
        b = queens_list(n)
        c = sum(1 for _ in queens_gen(n))
        print("n=%d solutions: sets %d list %d gen %d agree %s" % (n, a, b, c, a == b == c))
    print("n=11 via sets:", queens_sets(11))
    first = []
    for sol in queens_gen(8):
        first.append(show(sol))
        if len(first) == 3:
            break
    for s in first:
        print(" ", s)
    for n, start in ((5, (0, 0)), (6, (0, 0)), (7, (3, 3)), (8, (0, 0)), (12, (5, 2)), (20, (0, 0))):
        ok, tries, board = knights_tour(n, start)
        checksum = 0
        for y in range(n):
            for x in range(n):
                checksum = (checksum * 3 + board[y][x]) % 1000003
        print("knight's tour %dx%d from %s: found %s after %d tries, checksum %d" % (n, n, start, ok, tries, checksum))
    for start in ((0, 0), (2, 2)):
        tours, nodes = count_tours(5, start[0], start[1])
        print("all knight's tours on 5x5 from %s: %d (search nodes %d)" % (start, tours, nodes))


if __name__ == "__main__":
    main()
