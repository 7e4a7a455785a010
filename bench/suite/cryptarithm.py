"""Combinatorial search: cryptarithms, permutations, Langford pairings and exact cover.

Workload: recursive search (permutations / combinatorial search). Letter-sum
puzzles such as SEND+MORE=MONEY are solved by recursive backtracking that
assigns digits column by column with carries (and, for a cross-check, by
brute force over ``itertools.permutations`` on the smallest puzzle). A
hand-written recursive permutation generator enumerates permutations (counting
derangements and checking against ``itertools``); Langford pairings are
counted by backtracking; and the tilings of small rectangles by dominoes and
L-trominoes are counted as an exact-cover problem with Knuth's Algorithm X on
a dict of sets.
"""
import itertools


def solve_cryptarithm(words, result):
    """Column-wise backtracking; returns all solutions as sorted letter->digit lists."""
    width = len(result)
    columns = []
    for k in range(width):
        col = [w[-1 - k] for w in words if k < len(w)]
        columns.append((col, result[-1 - k]))
    leading = {w[0] for w in words + [result] if len(w) > 1}
    assign = {}
    used = [False] * 10
    solutions = []

    def try_letter(letter, cont):
        if letter in assign:
            cont()
            return
        for d in range(10):
            if used[d] or (d == 0 and letter in leading):
                continue
            used[d] = True
            assign[letter] = d
            cont()
            del assign[letter]
            used[d] = False

    def column(k, carry):
        if k == width:
            if carry == 0:
                solutions.append(sorted(assign.items()))
            return
        letters, target = columns[k]

        def assign_operands(i):
            if i == len(letters):
                total = carry
                for ch in letters:
                    total += assign[ch]
                digit, new_carry = total % 10, total // 10
                if target in assign:
                    if assign[target] == digit:
                        column(k + 1, new_carry)
                elif not used[digit] and not (digit == 0 and target in leading):
                    used[digit] = True
                    assign[target] = digit
                    column(k + 1, new_carry)
                    del assign[target]
                    used[digit] = False
                return
            try_letter(letters[i], lambda: assign_operands(i + 1))

        assign_operands(0)

    column(0, 0)
    return solutions


def brute_cryptarithm(words, result):
    letters = sorted(set("".join(words) + result))
    leading = {w[0] for w in words + [result]}
    found = []
    for digits in itertools.permutations(range(10), len(letters)):
        m = dict(zip(letters, digits))
        if any(m[ch] == 0 for ch in leading):
            continue

        def val(w):
            v = 0
            for ch in w:
                v = v * 10 + m[ch]
            return v
        total = 0
        for w in words:
            total += val(w)
        if total == val(result):
            found.append(sorted(m.items()))
    return found


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def langford(n):
    """Count Langford pairings of 1..n (each k's two copies are k apart)."""
    seq = [0] * (2 * n)
    count = 0

    def place(k):
        nonlocal count
        if k == 0:
            count += 1
            return
        for i in range(2 * n - k - 1):
            j = i + k + 1
            if seq[i] == 0 and seq[j] == 0:
                seq[i] = seq[j] = k
                place(k - 1)
                seq[i] = seq[j] = 0

    place(n)
    return count // 2  # each pairing counted with its mirror image


def exact_cover_count(X, Y):
    """Algorithm X: X maps each constraint to the set of rows covering it."""
    count = 0

    def select(r):
        cols = []
        for j in Y[r]:
            for i in X[j]:
                for k in Y[i]:
                    if k != j:
                        X[k].discard(i)
            cols.append(X.pop(j))
        return cols

    def deselect(r, cols):
        for j in reversed(Y[r]):
            X[j] = cols.pop()
            for i in X[j]:
                for k in Y[i]:
                    if k != j:
                        X[k].add(i)

    def search():
        nonlocal count
        if not X:
            count += 1
            return
        c = min(X, key=lambda col: (len(X[col]), col))
        for r in sorted(X[c]):
            cols = select(r)
            search()
            deselect(r, cols)

    search()
    return count


def tiling_problem(w, h):
    shapes = [
        [(0, 0), (1, 0)], [(0, 0), (0, 1)],
        [(0, 0), (1, 0), (0, 1)], [(0, 0), (1, 0), (1, 1)],
        [(0, 0), (0, 1), (1, 1)], [(1, 0), (0, 1), (1, 1)],
    ]
    Y = {}
    for si, shape in enumerate(shapes):
        for y in range(h):
            for x in range(w):
                cells = [(x + dx, y + dy) for dx, dy in shape]
                if all(0 <= cx < w and 0 <= cy < h for cx, cy in cells):
                    Y[(si, x, y)] = [cy * w + cx for cx, cy in cells]
    X = {j: set() for j in range(w * h)}
    for r, cols in Y.items():
        for j in cols:
            X[j].add(r)
    return X, Y


def main():
    puzzles = [
        (["SEND", "MORE"], "MONEY"),
        (["TWO", "TWO"], "FOUR"),
        (["BASE", "BALL"], "GAMES"),
        (["CROSS", "ROADS"], "DANGER"),
        (["FORTY", "TEN", "TEN"], "SIXTY"),
        (["DONALD", "GERALD"], "ROBERT"),
        (["EAT", "THAT"], "APPLE"),
    ]
    for words, result in puzzles:
        sols = solve_cryptarithm(words, result)
        shown = "".join(str(d) for _, d in sols[0]) if sols else "-"
        print("%s = %s: %d solution(s), first %s" % (" + ".join(words), result, len(sols), shown))
    small = brute_cryptarithm(["TWO", "TWO"], "FOUR")
    print("brute force TWO+TWO=FOUR agrees:", small == solve_cryptarithm(["TWO", "TWO"], "FOUR"))

    count = derange = 0
    for p in permutations(list(range(8))):
        count += 1
        if all(p[i] != i for i in range(8)):
            derange += 1
    same = list(permutations(list("abcdef"))) == [list(t) for t in itertools.permutations("abcdef")]
    print("permutations of 8:", count, "derangements:", derange, "order matches itertools:", same)

    for n in (7, 8, 11):
        print("Langford pairings L(2,%d): %d" % (n, langford(n)))

    for w, h in ((4, 4), (5, 4), (6, 4)):
        X, Y = tiling_problem(w, h)
        print("tilings of %dx%d by dominoes and L-trominoes: %d" % (w, h, exact_cover_count(X, Y)))


if __name__ == "__main__":
    main()
