"""Lists of tuples of numbers copied in a chunk at a time (``EntryRecords._tuples``), and the
tuples native code made written back a column at a time (``EntryRecords._tuples_in_step``).
Each test compares stdout, exit code and the whole of stderr with CPython's; the lists are
longer than a chunk (``TUPLE_CHUNK``), so what spoils a chunk after the first is checked."""
import pytest

from tauraro.jit.transfer import TUPLE_CHUNK
from test_jit import jit

N = 5 * TUPLE_CHUNK + 17


SUM_ROWS = """
    def total(rows, reps):
        s = 0
        picked = []
        for r in range(reps):
            for a, b, c in rows:
                s += a * 3 + b - c
                if b == 2 and r == 0:
                    picked.append((a, c))
        return s, picked

    def rows_of(n):
        return [(i % 97, i * 7, -i) for i in range(n)]
"""


def test_a_long_list_of_triples_is_copied_and_read_natively(tmp_path):
    r = jit(tmp_path, SUM_ROWS + """
    rows = rows_of(%d)
    print(total(rows, 40))
    """ % N)
    assert r.loop(6)["native_iterations"] > 30 * N, r.loop(6)


@pytest.mark.parametrize("spoiler", ["(True, 2, 3)", "(1, 2)", "(1, 2, 3, 4)", "[1, 2, 3]",
                                     "(1, 2.5, 3)", "(1, 2 ** 70, 3)", "(1, 2 ** 63, 3)", "iter((1, 2, 3))"])
def test_a_tuple_unlike_the_others_late_in_the_list(tmp_path, spoiler):
    # a bool, a tuple of another length, a list, a float, an int past 64 bits, an iterator
    # (which only its unpacking may consume), far past the
    # first chunk: the entry does not copy them as the others (it writes them one by one,
    # or leaves the loop to the interpreter), and the program runs as CPython runs it, its
    # error included (what the loop picks shows a bool as True)
    r = jit(tmp_path, SUM_ROWS + """
    rows = rows_of(%d)
    print(total(rows, 40))
    rows[%d] = %s
    try:
        print(total(rows, 40))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
    rows[%d] = (5, 2, 7)
    print(total(rows, 40))
    """ % (N, 4 * TUPLE_CHUNK + 5, spoiler, 4 * TUPLE_CHUNK + 5))
    assert r.loop(6)["native_iterations"] > 30 * N, r.loop(6)     # (the version the spoilt list met)


def test_pairs_made_natively_come_back_as_new_tuples_of_their_numbers(tmp_path):
    # a loop that makes only pairs (records one after another at one step in its heap) and
    # one that makes triples of floats and 1-tuples: each written back as a tuple of exactly
    # the numbers, of their types
    r = jit(tmp_path, """
        def pairs(n):
            out = []
            for i in range(n):
                if i % 3:
                    out.append((i % 1013, -i * 7))
            return out

        def triples(n):
            out = []
            for i in range(n):
                out.append((i * 0.5, -1.25, i / 3))
            return out

        def singles(n):
            out = []
            for i in range(n):
                out.append((i * i,))
            return out

        p = pairs(N)
        print(len(p), p[:3], p[-3:], sum(a - b for a, b in p), type(p[7]), type(p[7][1]))
        t = triples(N)
        print(len(t), t[:2], t[-2:], sum(c for _, _, c in t), type(t[5][0]))
        s = singles(N)
        print(len(s), s[:3], s[-2:], sum(x for x, in s))
    """.replace("N", str(N)))
    for line in (4, 11, 17):
        assert r.loop(line)["native_iterations"] > N // 2, r.loop(line)


def test_copied_tuples_and_made_ones_in_one_list_keep_who_they_are(tmp_path):
    # a list holding tuples copied in (each written back as the very tuple it was) and pairs
    # the loop made (new tuples): the copied ones lie outside the heap and are found among
    # the entry's copies, the made ones are made from their records
    jit(tmp_path, """
        def mix(edges, n):
            out = []
            for i in range(n):
                e = edges[i %% len(edges)]
                if i %% 4 == 0:
                    out.append(e)
                else:
                    out.append((e[0] + i, e[1]))
            return out

        edges = [(i %% 50, i * 3) for i in range(%d)]
        out = mix(edges, %d)
        print(len(out), out[:5], out[-3:])
        print(sum(x is edges[i %% len(edges)] for i, x in enumerate(out)), sum(x in edges for x in out[:200]))
    """ % (N, 2 * N))




def test_a_tuple_appended_and_held_on_is_one_object(tmp_path):
    # a tuple built in the loop and appended is made a record there: a loop that also holds
    # it on (a second list, a variable, a second append) is not compiled -- made twice, it
    # would be two tuples where CPython has one (the second append's record, or the
    # variable's tuple made at the exit)
    r = jit(tmp_path, """
        def two(n):
            a = []
            b = []
            last = None
            for i in range(n):
                t = (i, i * 2)
                a.append(t)
                if i % 3 == 0:
                    b.append(t)
                last = t
            return a, b, last

        def twice(n):
            out = []
            for i in range(n):
                t = (-i, i % 7, i * i)
                out.append(t)
                if i == n // 2:
                    out.append(t)
            return out

        a, b, last = two(COUNT)
        print(len(a), len(b), a[:3], b[-2:], last)
        print(all(x is a[3 * k] for k, x in enumerate(b)), last is a[-1])
        w = twice(COUNT)
        print(len(w), w[COUNT // 2 - 1:COUNT // 2 + 3], w[COUNT // 2] is w[COUNT // 2 + 1], w[-1])
    """.replace("COUNT", str(N)))
    for line in (6, 16):
        assert "used again" in r.loop(line)["reason"], r.loop(line)


def test_tuples_made_in_turn_for_two_lists_come_back_in_one_pass(tmp_path):
    # two lists each appended a new tuple an iteration, in turn: each list's records lie
    # one after another at twice a record's size, written back a record at a time in one
    # pass (EntryRecords._made_in_order), each a new tuple of its numbers; a list appended
    # at its front is not in the heap's order (its records are found one by one)
    r = jit(tmp_path, """
        def interleaved(n):
            a = []
            b = []
            for i in range(n):
                a.append((i * 0.5, -i * 1.5))
                b.append((i, i % 5, 7))
            front = []
            for i in range(n):
                front.insert(0, (i, -i))
            return a, b, front

        a, b, front = interleaved(COUNT)
        print(a[:2], a[-2:], b[:2], b[-1], sum(x for x, _ in a), sum(y for _, y, _ in b), type(a[3][0]))
        print(front[:2], front[-2:], len(set(map(id, a + b + front))) == 3 * COUNT)
    """.replace("COUNT", str(N)))
    # (more than a chunk of each list natively, written back: how much more is the entries'
    # judgement, timed -- under a loaded CI run the front-inserting loop made 1,247)
    for line in (5, 9):
        assert r.loop(line)["native_iterations"] > TUPLE_CHUNK, r.loop(line)
