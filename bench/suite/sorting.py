"""Six sorting algorithms written by hand, over lists of ints from a linear congruential
generator.

Workload: insertion sort (nested while loops shifting elements), a recursive quicksort
with Hoare partitioning (while loops around recursive calls of itself -- two call sites,
so inlining it into its own loop multiplies), a top-down merge sort building new lists,
heap sort (sift-down loops), shell sort with Ciura's gaps, and a counting sort. Each sort
is checked against ``sorted`` and the results are summed into a checksum. The lists are
small to medium (200-6,000 elements), so each loop's runs are short: the JIT's costs --
its start, compiles of big inlined regions -- must not outweigh what they save.
"""


def lcg_list(n, seed, mod):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        out.append((x >> 33) % mod - mod // 3)
    return out


def insertion(a):
    for i in range(1, len(a)):
        k = a[i]
        j = i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a


def quick(a, lo, hi):
    while lo < hi:
        p = a[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while a[i] < p:
                i += 1
            while a[j] > p:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if j - lo < hi - i:
            quick(a, lo, j)
            lo = i
        else:
            quick(a, i, hi)
            hi = j
    return a


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def sift_down(a, start, end):
    root = start
    while 2 * root + 1 <= end:
        child = 2 * root + 1
        if child + 1 <= end and a[child] < a[child + 1]:
            child += 1
        if a[root] < a[child]:
            a[root], a[child] = a[child], a[root]
            root = child
        else:
            return


def heap_sort(a):
    n = len(a)
    for start in range((n - 2) // 2, -1, -1):
        sift_down(a, start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift_down(a, 0, end - 1)
    return a


def shell_sort(a):
    for gap in (701, 301, 132, 57, 23, 10, 4, 1):
        for i in range(gap, len(a)):
            t = a[i]
            j = i
            while j >= gap and a[j - gap] > t:
                a[j] = a[j - gap]
                j -= gap
            a[j] = t
    return a


def counting_sort(a, lo, hi):
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    out = []
    for k, c in enumerate(counts):
        out.extend([k + lo] * c)
    return out


def checksum(a):
    s = 0
    for i, x in enumerate(a):
        s = (s * 31 + x * (i + 1)) % 1000000007
    return s


def main():
    total = 0
    for round_ in range(3):
        for n, mod in ((200, 1000), (1500, 5000), (6000, 30000)):
            data = lcg_list(n, 17 + round_ * 7 + n, mod)
            want = sorted(data)
            results = [
                ("insertion", insertion(list(data)) if n <= 1500 else want),
                ("quick", quick(list(data), 0, n - 1)),
                ("merge", merge_sort(list(data))),
                ("heap", heap_sort(list(data))),
                ("shell", shell_sort(list(data))),
                ("counting", counting_sort(data, min(data), max(data))),
            ]
            for name, got in results:
                if got != want:
                    raise AssertionError("%s sort failed for n=%d" % (name, n))
            c = checksum(want)
            total = (total + c) % 1000000007
            print("round %d n=%5d checksum %10d min %6d max %6d" % (round_, n, c, want[0], want[-1]))
    print("total", total)


main()
