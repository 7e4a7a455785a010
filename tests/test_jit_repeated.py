"""Lists holding one number at every index (``tauraro.jit.resident.repeated``): a row made
``[0] * n``, a DP table before it is filled. An entry writes such a list's record as one
word repeated, not each element typed and packed, and the cost model counts it so
(``layout.list_cost``). Identity decides, never equality: ``0``, ``0.0`` and ``False``
compare equal, and a list holding them is not one number repeated."""
import pytest

from test_jit import jit
from tauraro.jit.layout import ELEMENT_COST, ELEMENT_OUT_COST, list_cost
from tauraro.jit.jtypes import LIST_INT
from tauraro.jit.resident import REPEATED_AFTER, REPEATED_MIN, repeated


def test_repeated_is_by_identity_after_a_few_first_elements():
    n = 1000
    assert repeated([0] * n) == (0, 0)
    row = [0] * n
    row[0], row[1] = 5, 7                       # (a DP table's boundary cells)
    assert repeated(row) == (2, 0)
    row[REPEATED_AFTER + 1] = 3                 # (too many before the repeated ones)
    assert repeated(row) is None
    zero = 0                                    # (the cached small int: compared by identity)
    for odd in (False, 0.0, -0, 10 ** 30 - 10 ** 30):
        row = [0] * n
        row[n // 3] = odd
        # (-0 is 0 itself; 10**30 - 10**30 is an equal int but another object)
        assert (repeated(row) == (0, 0)) is (odd is zero), odd
    big = 1 << 70
    assert repeated([big] * n) == (0, big)      # (its copy then fails: past 64 bits)
    assert repeated([0] * (REPEATED_MIN - 1)) is None
    assert repeated((0,) * n) is None           # (lists only)
    x = [1.5] * n
    x[-1] = 2.5
    assert repeated(x) is None
    # (the first looks compare by equality, at C speed: an equal element just where they
    # look is found by the pointers' comparison)
    for i in range(1, 16):
        row = [0] * n
        row[n * i >> 4] = False
        assert repeated(row) is None, i
    row = [0] * n
    for i in range(1, 16):
        row[n * i >> 4] = 0.0
    assert repeated(row) is None


def test_the_pointer_arrays_repeated_compares_with_are_kept_within_a_bound():
    # (made once per pointer and length: a DP table's rows of zeros were 8 KB made at each
    # look; at most _PATTERNS_BYTES of them kept)
    from tauraro.jit import resident
    for n in range(REPEATED_MIN, REPEATED_MIN + 3000, 7):
        assert repeated([n] * n) == (0, n)
        assert sum(map(len, resident._PATTERNS.values())) <= resident._PATTERNS_BYTES
    assert repeated([0] * 10 ** 6) == (0, 0)        # (too long to keep: made for the look)


def test_a_repeated_list_costs_its_first_elements_and_its_writing_back():
    t = LIST_INT
    row = [0] * 800
    row[0] = 9
    assert list_cost(row, t, False) == ELEMENT_COST + 799 // 8
    assert list_cost(row, t, True) == ELEMENT_COST + ELEMENT_OUT_COST + 799 // 8 + 799 * ELEMENT_OUT_COST
    mixed = list(range(800))
    assert list_cost(mixed, t, True) == 800 * (ELEMENT_COST + ELEMENT_OUT_COST)


@pytest.mark.parametrize("odd", ["False", "0.0", "True", "2 ** 64", "None"])
def test_a_table_of_zeros_with_one_odd_cell_reads_as_cpythons(tmp_path, odd):
    # a cell that compares equal to 0 (or is of another type) among zeros, in a column the
    # loop does not store into: the inner loop's entry, copying a row at a time, must not
    # take that row for one number repeated (0.0 makes the total a float, False stays False)
    r = jit(tmp_path, """
        def fill(n, m, odd):
            d = [[0] * (m + 1) for _ in range(n + 1)]
            for i in range(n + 1):
                d[i][0] = i
            d[n // 2][m // 3 + 1] = odd
            total = 0
            for i in range(1, n + 1):
                row = d[i]
                for j in range(1, m + 1):
                    total += (row[j] * 3 + j) * (i % 5) - (j ^ i) % 11
                    if j % 2 == 0:
                        row[j] = total % 7
            return total, d[n // 2][m // 3 - 1:m // 3 + 3], d[n][-3:], type(d[n // 2][m // 3 + 1]).__name__

        print(fill(600, 400, 0))
        print(fill(600, 400, ODD))
    """.replace("ODD", odd))
    assert r.loop(10)["native_iterations"] > 0


def test_a_dp_table_before_it_is_filled_copies_as_one_word_a_row(tmp_path):
    r = jit(tmp_path, """
        def distance(a, b):
            n, m = len(a), len(b)
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

        a = [(i * 7919) % 13 for i in range(600)]
        b = [(i * 104729) % 13 for i in range(500)]
        print(distance(a, b), distance(b, a))
    """)
    assert r.loop(9)["native_iterations"] > 0 or r.loop(10)["native_iterations"] > 0


def test_an_entrys_weighings_look_at_each_row_once(tmp_path):
    # a loop's first entry weighs its table before the compile and again for the version
    # made (layout.least_cost), then copies it: each row of zeros is looked at by
    # resident.repeated once for the weighings (they share what it said); the copy, of a
    # table of rows of small ints in a version storing into lists, goes through the rows'
    # pointers (EntryRecords._small_int_rows), checked by the module, and looks at none
    # (what a row holds decides what is copied: never taken from a weighing). Three looks
    # a row were ~2 us each of grid_dp's 18,000.
    from collections import Counter
    from harness import launched
    got, expected = launched(tmp_path, (
        "import atexit\n"
        "import tauraro.jit.resident as R, tauraro.jit.layout as L, tauraro.jit.transfer as T\n"
        "looks = {}\n"
        "real = R.repeated\n"
        "def counted(obj):\n"
        "    if type(obj) is list and len(obj) == 300:\n"
        "        looks[id(obj)] = looks.get(id(obj), 0) + 1\n"
        "    return real(obj)\n"
        "L.repeated = T.repeated = counted\n"
        "atexit.register(lambda: sys.stderr.write('looks: ' + repr(sorted(looks.values())) + chr(10)))\n"), (
        "def fill(rows, cols):\n"
        "    dp = [[0] * cols for _ in range(rows)]\n"
        "    for i in range(1, rows):\n"
        "        row, up = dp[i], dp[i - 1]\n"
        "        for j in range(1, cols):\n"
        "            row[j] = (up[j] + row[j - 1] + 1) % 1000\n"
        "    return dp[rows - 1][cols - 1]\n"
        "print(fill(200, 300))\n"), "--jit-threshold", "50")
    assert got.returncode == 0 and got.stdout == expected.stdout, got.stderr
    looks = eval([l for l in got.stderr.splitlines() if l.startswith("looks: ")][0][len("looks: "):])
    # (the rows the outer loop's entry took in: weighed once, copied through their pointers;
    # a few rows were taken in by the inner loop's own entries too, before the outer loop
    # was compiled)
    assert sum(1 for n in looks if n == 1) >= 150, Counter(looks)
