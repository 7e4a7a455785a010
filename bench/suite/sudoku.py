"""Sudoku solver by constraint propagation over candidate sets, plus search.

Workload: constraint propagation. Each cell holds a set of candidate digits;
assigning a digit eliminates it from the cell's 20 peers, and eliminations
cascade (a cell left with one candidate is assigned; a unit where a digit fits
in only one place gets that digit). When propagation stalls, the solver
branches on the cell with the fewest candidates, copying the grid (a dict of
sets). Puzzles are generated deterministically: a valid grid is shuffled by
symmetry operations drawn from a seeded ``random.Random`` and cells are blanked
out. Each puzzle is solved and, to test uniqueness, solutions are counted up to
two.
"""
import random

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS
CELLS = [r + c for r in ROWS for c in COLS]
UNITS_LIST = (
    [[r + c for c in COLS] for r in ROWS]
    + [[r + c for r in ROWS] for c in COLS]
    + [[r + c for r in rs for c in cs] for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")]
)
UNITS = {cell: [u for u in UNITS_LIST if cell in u] for cell in CELLS}
PEERS = {}
for _cell in CELLS:
    _peers = []
    for _u in UNITS[_cell]:
        for _p in _u:
            if _p != _cell and _p not in _peers:
                _peers.append(_p)
    PEERS[_cell] = _peers


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self):
        self.nodes = 0
        self.eliminations = 0

    def parse(self, text):
        grid = {cell: set(range(1, 10)) for cell in CELLS}
        for cell, ch in zip(CELLS, text):
            if ch in DIGITS:
                self.assign(grid, cell, int(ch))
        return grid

    def assign(self, grid, cell, digit):
        for other in sorted(grid[cell]):
            if other != digit:
                self.eliminate(grid, cell, other)

    def eliminate(self, grid, cell, digit):
        cands = grid[cell]
        if digit not in cands:
            return
        cands.discard(digit)
        self.eliminations += 1
        if not cands:
            raise Contradiction(cell)
        if len(cands) == 1:
            (last,) = cands
            for peer in PEERS[cell]:
                self.eliminate(grid, peer, last)
        for unit in UNITS[cell]:
            places = [c for c in unit if digit in grid[c]]
            if not places:
                raise Contradiction(cell)
            if len(places) == 1 and len(grid[places[0]]) > 1:
                self.assign(grid, places[0], digit)

    def search(self, grid, limit, found):
        self.nodes += 1
        best = None
        best_len = 10
        for cell in CELLS:
            n = len(grid[cell])
            if 1 < n < best_len:
                best, best_len = cell, n
        if best is None:
            found.append("".join(str(next(iter(grid[c]))) for c in CELLS))
            return
        for digit in sorted(grid[best]):
            copy = {c: set(s) for c, s in grid.items()}
            try:
                self.assign(copy, best, digit)
            except Contradiction:
                continue
            self.search(copy, limit, found)
            if len(found) >= limit:
                return

    def solve(self, text, limit=2):
        try:
            grid = self.parse(text)
        except Contradiction:
            return []
        found = []
        self.search(grid, limit, found)
        return found


def valid(solution):
    for unit in UNITS_LIST:
        if sorted(solution[CELLS.index(c)] for c in unit) != list(DIGITS):
            return False
    return True


def make_grid(rng):
    """A random valid grid: the usual shift pattern, shuffled by symmetries."""
    base = [[(3 * (r % 3) + r // 3 + c) % 9 + 1 for c in range(9)] for r in range(9)]
    digits = list(range(1, 10))
    rng.shuffle(digits)
    bands = [0, 1, 2]
    rng.shuffle(bands)
    rows = []
    for b in bands:
        inner = [0, 1, 2]
        rng.shuffle(inner)
        rows.extend(3 * b + i for i in inner)
    stacks = [0, 1, 2]
    rng.shuffle(stacks)
    cols = []
    for s in stacks:
        inner = [0, 1, 2]
        rng.shuffle(inner)
        cols.extend(3 * s + i for i in inner)
    grid = [[digits[base[r][c] - 1] for c in cols] for r in rows]
    if rng.random() < 0.5:
        grid = [list(col) for col in zip(*grid)]
    return "".join(str(grid[r][c]) for r in range(9) for c in range(9))


def make_puzzle(rng, solver, max_blanks):
    """Blank cells in random order while the puzzle keeps a unique solution."""
    original = make_grid(rng)
    text = list(original)
    order = list(range(81))
    rng.shuffle(order)
    blanks = 0
    for i in order:
        if blanks >= max_blanks:
            break
        keep = text[i]
        text[i] = "."
        if len(solver.solve("".join(text), limit=2)) != 1:
            text[i] = keep
        else:
            blanks += 1
    return "".join(text), original


def main():
    rng = random.Random(1234)
    maker = Solver()
    solver = Solver()
    unique = multiple = unsolved = wrong = 0
    checksum = 0
    matches_original = 0
    n_puzzles = 16
    total_blanks = 0
    for i in range(n_puzzles):
        puzzle, original = make_puzzle(rng, maker, 50 + i)
        total_blanks += puzzle.count(".")
        sols = solver.solve(puzzle, limit=2)
        if not sols:
            unsolved += 1
            continue
        if len(sols) == 1:
            unique += 1
        else:
            multiple += 1
        for s in sols:
            if not valid(s):
                wrong += 1
            for j in range(0, 81, 9):
                checksum = (checksum * 7 + int(s[j:j + 9])) % 1000000007
        if original in sols:
            matches_original += 1
        if i < 3:
            print("puzzle", i, puzzle)
    print("puzzles:", n_puzzles, "blanks:", total_blanks, "unique:", unique, "multiple:", multiple,
          "unsolved:", unsolved, "invalid:", wrong, "contain original:", matches_original)
    print("generator: search nodes", maker.nodes, "eliminations", maker.eliminations)
    print("solver: search nodes", solver.nodes, "eliminations", solver.eliminations)
    print("checksum:", checksum)


if __name__ == "__main__":
    main()
