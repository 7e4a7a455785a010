"""Long lists of CPython's small ints (-5 to 256) copied in through their arrays of element
pointers (tauraro.jit.smallints, tauraro.wasmgen.smallints): the module's function on its
own, and programs whose lists go that way -- or hold something that sends them the general
way -- compared with CPython on stdout, exit code and the whole of stderr."""
import ctypes
import struct

import pytest
from wasm_harness import LoneModule

from test_jit import jit
from tauraro.jit.smallints import SMALL_INTS, SMALL_INTS_MIN
from tauraro.wasmgen.smallints import add_small_int_functions

pytestmark = pytest.mark.skipif(SMALL_INTS is None, reason="small ints laid out otherwise here")


class Memory(LoneModule):
    """A module with only ``ints_in``, and its memory."""

    def __init__(self):
        super().__init__(add_small_int_functions, ("ints_in",))

    def pointers(self, at, values):
        self.write(at, struct.pack("<%dQ" % len(values), *map(id, values)))


def test_ints_in_turns_pointers_to_small_ints_into_their_values():
    m = Memory()
    xs = [int(s) for s in "-5 -1 0 1 7 100 255 256".split()]
    m.pointers(64, xs)
    assert m.ints_in(64, len(xs), *SMALL_INTS) == 1
    assert m.words(64, len(xs)) == xs
    assert m.ints_in(64, 0, *SMALL_INTS) == 1


@pytest.mark.parametrize("bad", ["-6", "257", "True", "False", "None", "1.0", "(1 << 70)"])
def test_ints_in_refuses_anything_else_wherever_it_is(bad):
    m = Memory()
    value = eval(bad)
    for where in (0, 3, 7):
        xs = [int(s) for s in "1 2 3 4 5 6 7 8".split()]
        xs[where] = value
        m.pointers(64, xs)
        assert m.ints_in(64, len(xs), *SMALL_INTS) == 0, (bad, where)


def test_ints_in_refuses_a_pointer_into_the_array_between_two_ints():
    m = Memory()
    base, span, shift, low = SMALL_INTS
    m.write(64, struct.pack("<3Q", id(3), id(4) + 8, id(5)))
    assert m.ints_in(64, 3, base, span, shift, low) == 0


PROGRAM = """
    import sys
    def table(rows, cols, seed):
        s = seed
        out = []
        for i in range(rows):
            row = []
            for j in range(cols):
                s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                row.append(s %% 262 - 5)         # -5 .. 256: CPython's cached ints
            out.append(row)
        return out

    def weigh(grid, marks):
        total = 0
        best = -10
        for row in grid:                        # loop
            for j in range(len(row)):
                v = row[j]
                total += v * marks[j]
                if v > best:
                    best = v
        return total, best

    grid = table(60, %(cols)d, 7)
    marks = [k %% 7 - 2 for k in range(%(cols)d)]
    %(change)s
    print(weigh(grid, marks))
    print(weigh(grid, marks))
    print(sum(map(sum, grid)), grid[0][:5], grid[-1][-3:], marks[:4])
"""


def _line(src, mark="# loop"):
    return next(i for i, l in enumerate(src.splitlines(), 1) if mark in l)


def _program(cols, change=""):
    src = PROGRAM % {"cols": cols, "change": change}
    return src, _line(src)


def test_a_table_of_small_ints_is_copied_through_its_pointers(tmp_path):
    src, line = _program(300)
    r = jit(tmp_path, src)
    row = r.loop(line)
    assert row["native_iterations"] >= 60, row
    # (every row of the table, and the marks, at both runs of the loop)
    assert row["copied_in"]["small_int_lists"] >= 2 * 61 * (row["entries"] // 2), row


@pytest.mark.parametrize("change", [
    "grid[30][150] = 257",
    "grid[59][299] = -6",
    "grid[0][0] = True",
    "marks[200] = 10 ** 6",
    "grid[10][5] = 1 << 70",
    "import enum; grid[5][7] = enum.IntEnum('E', 'A B').B",
])
def test_a_list_holding_another_value_is_copied_the_general_way_with_the_same_results(tmp_path, change):
    src, line = _program(300, change)
    r = jit(tmp_path, src)       # (the same output as CPython's: jit compares)
    row = r.loop(line)
    assert row["entries"] >= 1 or row["native_iterations"] == 0, row


def test_a_short_list_of_small_ints_is_packed_as_before(tmp_path):
    src, line = _program(SMALL_INTS_MIN - 1)
    r = jit(tmp_path, src)
    row = r.loop(line)
    assert row["native_iterations"] >= 60 and row["copied_in"]["small_int_lists"] == 0, row


def test_a_list_of_small_ints_the_loop_stores_into_is_written_back(tmp_path):
    src = """
        def bump(xs, k):
            for i in range(len(xs)):        # loop
                xs[i] = (xs[i] * 3 + k) % 262 - 5     # (small ints still)
            return xs

        xs = [i % 262 - 5 for i in range(1000)]
        ys = xs
        for k in range(6):
            bump(xs, k)
        print(sum(xs), xs[:6], xs[-4:], ys is xs, len(xs))
    """
    r = jit(tmp_path, src)
    # (bump's loop, or the loop calling it, which inlines it: either copies xs in)
    native = sum(row["native_iterations"] + (row.get("in_function") or {}).get("native_iterations", 0)
                 for row in r.rows)
    assert native >= 3000 and sum(row["copied_in"]["small_int_lists"] for row in r.rows
                                  if "copied_in" in row) >= 1, r.rows
