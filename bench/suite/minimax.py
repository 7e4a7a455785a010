"""Game-tree search: tic-tac-toe solved by minimax and alpha-beta, Connect-Four by depth-limited negamax.

Workload: recursive search (a small game tree). Tic-tac-toe is solved from the
empty board by plain minimax over the full tree (counting nodes), then by
alpha-beta, then by negamax with a transposition table (a dict keyed by the
board string); all three must agree that the game is a draw. Connect-Four on a
6x5 board is played out by two depth-limited alpha-beta players with a
window-counting heuristic evaluation and centre-first move ordering; the game
record and node counts are printed.
"""

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


class TicTacToe:
    def __init__(self):
        self.board = [" "] * 9
        self.nodes = 0

    def winner(self):
        b = self.board
        for i, j, k in LINES:
            if b[i] != " " and b[i] == b[j] == b[k]:
                return b[i]
        return None

    def moves(self):
        return [i for i in range(9) if self.board[i] == " "]

    def minimax(self, player):
        self.nodes += 1
        w = self.winner()
        if w is not None:
            return 1 if w == "X" else -1
        moves = self.moves()
        if not moves:
            return 0
        other = "O" if player == "X" else "X"
        best = -2 if player == "X" else 2
        for m in moves:
            self.board[m] = player
            score = self.minimax(other)
            self.board[m] = " "
            if player == "X":
                if score > best:
                    best = score
            elif score < best:
                best = score
        return best

    def alphabeta(self, player, alpha, beta):
        self.nodes += 1
        w = self.winner()
        if w is not None:
            return 1 if w == "X" else -1
        moves = self.moves()
        if not moves:
            return 0
        other = "O" if player == "X" else "X"
        if player == "X":
            value = -2
            for m in moves:
                self.board[m] = player
                value = max(value, self.alphabeta(other, alpha, beta))
                self.board[m] = " "
                alpha = max(alpha, value)
                if alpha >= beta:
                    break
            return value
        value = 2
        for m in moves:
            self.board[m] = player
            value = min(value, self.alphabeta(other, alpha, beta))
            self.board[m] = " "
            beta = min(beta, value)
            if alpha >= beta:
                break
        return value

    def negamax_tt(self, player, table):
        key = "".join(self.board) + player
        if key in table:
            return table[key]
        self.nodes += 1
        w = self.winner()
        if w is not None:
            result = 1 if w == player else -1
        elif " " not in self.board:
            result = 0
        else:
            other = "O" if player == "X" else "X"
            result = -2
            for m in self.moves():
                self.board[m] = player
                score = -self.negamax_tt(other, table)
                self.board[m] = " "
                if score > result:
                    result = score
        table[key] = result
        return result


class ConnectFour:
    ROWS = 5
    COLS = 6

    def __init__(self):
        self.grid = [[0] * self.COLS for _ in range(self.ROWS)]
        self.heights = [0] * self.COLS
        self.nodes = 0
        self.windows = self._windows()
        self.order = sorted(range(self.COLS), key=lambda c: (abs(2 * c - (self.COLS - 1)), c))

    def _windows(self):
        wins = []
        R, C = self.ROWS, self.COLS
        for r in range(R):
            for c in range(C):
                for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                    cells = [(r + k * dr, c + k * dc) for k in range(4)]
                    if all(0 <= rr < R and 0 <= cc < C for rr, cc in cells):
                        wins.append(cells)
        return wins

    def play(self, col, who):
        self.grid[self.heights[col]][col] = who
        self.heights[col] += 1

    def undo(self, col):
        self.heights[col] -= 1
        self.grid[self.heights[col]][col] = 0

    def legal(self):
        return [c for c in self.order if self.heights[c] < self.ROWS]

    def won(self, who):
        g = self.grid
        for cells in self.windows:
            for r, c in cells:
                if g[r][c] != who:
                    break
            else:
                return True
        return False

    def evaluate(self, who):
        g = self.grid
        score = 0
        for cells in self.windows:
            mine = theirs = 0
            for r, c in cells:
                v = g[r][c]
                if v == who:
                    mine += 1
                elif v:
                    theirs += 1
            if theirs == 0:
                score += (0, 1, 4, 16, 1000)[mine]
            elif mine == 0:
                score -= (0, 1, 4, 16, 1000)[theirs]
        return score

    def negamax(self, who, depth, alpha, beta):
        self.nodes += 1
        if self.won(3 - who):
            return -100000 - depth
        moves = self.legal()
        if not moves:
            return 0
        if depth == 0:
            return self.evaluate(who)
        best = -10 ** 9
        for c in moves:
            self.play(c, who)
            score = -self.negamax(3 - who, depth - 1, -beta, -alpha)
            self.undo(c)
            if score > best:
                best = score
            if best > alpha:
                alpha = best
            if alpha >= beta:
                break
        return best

    def best_move(self, who, depth):
        best_col, best = None, -10 ** 9
        alpha, beta = -10 ** 9, 10 ** 9
        for c in self.legal():
            self.play(c, who)
            score = -self.negamax(3 - who, depth - 1, -beta, -alpha)
            self.undo(c)
            if score > best:
                best, best_col = score, c
            if best > alpha:
                alpha = best
        return best_col, best

    def show(self):
        return "|".join("".join(".XO"[v] for v in row) for row in reversed(self.grid))


def main():
    t = TicTacToe()
    v1 = t.minimax("X")
    n1 = t.nodes
    t.nodes = 0
    v2 = t.alphabeta("X", -2, 2)
    n2 = t.nodes
    t.nodes = 0
    table = {}
    v3 = t.negamax_tt("X", table)
    print("tic-tac-toe value: minimax %d (%d nodes), alpha-beta %d (%d nodes), negamax+TT %d (%d positions)"
          % (v1, n1, v2, n2, v3, len(table)))
    # the best replies to every first move
    replies = []
    for first in range(9):
        t.board[first] = "X"
        t.nodes = 0
        scores = []
        for m in t.moves():
            t.board[m] = "O"
            scores.append((t.minimax("X"), m))
            t.board[m] = " "
        t.board[first] = " "
        replies.append(min(scores)[1])
    print("O's best reply to each first move:", replies)

    game = ConnectFour()
    record = []
    who = 1
    depths = {1: 8, 2: 7}
    result = "draw"
    while game.legal():
        col, score = game.best_move(who, depths[who])
        game.play(col, who)
        record.append(col)
        if game.won(who):
            result = "player %d wins" % who
            break
        who = 3 - who
    print("connect four:", result, "after", len(record), "moves; nodes", game.nodes)
    print("moves:", "".join(str(c) for c in record))
    print("final:", game.show())


if __name__ == "__main__":
    main()
