# towers of Hanoi with the pegs as lists of discs (pop from one, append to another,
# checking a disc never lands on a smaller one): recursive, iterative (the smallest disc
# moves cyclically), and a Tower class holding the pegs with a move method
import sys
import time


def move_rec(n, pegs, src, dst, via):
    if n == 0:
        return 0
    moves = move_rec(n - 1, pegs, src, via, dst)
    disc = pegs[src].pop()
    target = pegs[dst]
    if target and target[-1] < disc:
        raise ValueError("bigger disc on a smaller one")
    target.append(disc)
    moves += 1
    moves += move_rec(n - 1, pegs, via, dst, src)
    return moves


def recursive(n):
    pegs = [list(range(n, 0, -1)), [], []]
    moves = move_rec(n, pegs, 0, 2, 1)
    return moves, len(pegs[0]), len(pegs[1]), pegs[2][:3]


def legal_move(pegs, a, b):
    # the one legal move between pegs a and b, either way; returns the disc moved
    pa = pegs[a]
    pb = pegs[b]
    if not pa:
        d = pb.pop()
        pa.append(d)
    elif not pb:
        d = pa.pop()
        pb.append(d)
    elif pa[-1] < pb[-1]:
        d = pa.pop()
        pb.append(d)
    else:
        d = pb.pop()
        pa.append(d)
    return d


def iterative(n):
    pegs = [list(range(n, 0, -1)), [], []]
    if n % 2 == 0:
        order = [(0, 1), (0, 2), (1, 2)]
    else:
        order = [(0, 2), (0, 1), (1, 2)]
    total = (1 << n) - 1
    weighted = 0
    for m in range(total):
        a, b = order[m % 3]
        d = legal_move(pegs, a, b)
        weighted += d * (m % 7)
    return total, weighted, len(pegs[2]), pegs[2][-3:]


class Tower:
    def __init__(self, n):
        self.pegs = [list(range(n, 0, -1)), [], []]
        self.moves = 0
        self.biggest_moved = 0

    def move(self, src, dst):
        disc = self.pegs[src].pop()
        self.pegs[dst].append(disc)
        self.moves += 1
        if disc > self.biggest_moved:
            self.biggest_moved = disc

    def solve(self, n, src, dst, via):
        if n == 1:
            self.move(src, dst)
            return
        self.solve(n - 1, src, via, dst)
        self.move(src, dst)
        self.solve(n - 1, via, dst, src)

    def heights(self):
        return [len(p) for p in self.pegs]


def with_class(n):
    t = Tower(n)
    t.solve(n, 0, 1, 2)
    return t.moves, t.biggest_moved, t.heights()


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
warm = (recursive(8), iterative(8), with_class(8))

t0 = time.perf_counter()
r1 = recursive(21)
r2 = iterative(21)
r3 = with_class(21)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1)
print(r2)
print(r3)
