# permutations and n-queens over lists: every permutation of a list by Heap's algorithm
# (swaps in place) and in lexicographic order (next_permutation: find, swap, reverse),
# scored as they are made; n-queens by backtracking with a list of columns per row and
# lists of bools for the columns and both diagonals in use
import sys
import time


def heap_permutations(n):
    # Heap's algorithm, iterative; a checksum of every permutation made
    a = list(range(n))
    c = [0] * n
    total = 0
    count = 1
    fixed = 0
    i = 1
    while i < n:
        if c[i] < i:
            if i % 2 == 0:
                a[0], a[i] = a[i], a[0]
            else:
                a[c[i]], a[i] = a[i], a[c[i]]
            count += 1
            total += a[0] * 3 + a[n - 1]
            if a[0] == 0:
                fixed += 1
            c[i] += 1
            i = 1
        else:
            c[i] = 0
            i += 1
    return count, total, fixed


def next_permutation(a):
    i = len(a) - 2
    while i >= 0 and a[i] >= a[i + 1]:
        i -= 1
    if i < 0:
        return False
    j = len(a) - 1
    while a[j] <= a[i]:
        j -= 1
    a[i], a[j] = a[j], a[i]
    lo = i + 1
    hi = len(a) - 1
    while lo < hi:
        a[lo], a[hi] = a[hi], a[lo]
        lo += 1
        hi -= 1
    return True


def lexicographic(n):
    # count permutations with no fixed point (derangements) and the rank of one pattern
    a = list(range(n))
    count = 0
    deranged = 0
    while True:
        count += 1
        ok = True
        for k in range(n):
            if a[k] == k:
                ok = False
                break
        if ok:
            deranged += 1
        if not next_permutation(a):
            break
    return count, deranged


def place(row, n, cols, used_col, diag1, diag2):
    if row == n:
        return 1
    found = 0
    for c in range(n):
        if used_col[c] or diag1[row + c] or diag2[row - c + n - 1]:
            continue
        cols[row] = c
        used_col[c] = True
        diag1[row + c] = True
        diag2[row - c + n - 1] = True
        found += place(row + 1, n, cols, used_col, diag1, diag2)
        used_col[c] = False
        diag1[row + c] = False
        diag2[row - c + n - 1] = False
    return found


def queens(n):
    cols = [0] * n
    return place(0, n, cols, [False] * n, [False] * (2 * n - 1), [False] * (2 * n - 1))


def first_solution(n):
    # iterative backtracking: the first placement found, as a list of columns
    cols = [-1] * n
    row = 0
    while 0 <= row < n:
        c = cols[row] + 1
        while c < n:
            ok = True
            for r in range(row):
                d = cols[r] - c
                if d == 0 or d == row - r or d == r - row:
                    ok = False
                    break
            if ok:
                break
            c += 1
        if c < n:
            cols[row] = c
            row += 1
        else:
            cols[row] = -1
            row -= 1
    return cols


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
warm = (heap_permutations(5), lexicographic(5), queens(6), first_solution(8))

t0 = time.perf_counter()
r1 = heap_permutations(9)
r2 = lexicographic(9)
r3 = queens(12)
r4 = first_solution(18)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(r1, r2, r3)
print(r4)
