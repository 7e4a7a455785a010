"""Lists native code makes (docs/jit-data.md, "Lists made natively"): ``row = []`` in a
compiled loop is a record bump-allocated in the entry's heap (``new_list``), of the element
type the list made there last held at the entry (ints before any), with room the entry sets
(``Transfer.made_room``: twice the longest such list seen, doubled at each exit that found a
list's room full). It is made a Python list exactly where something outside needs it: an
exit, or a list written back that holds it -- one list however many places hold it.

Each test compares a program's stdout, exit code and whole stderr under CPython and under
Tauraro (``jit``), and reads --jit-stats to check the loop really ran natively."""
from test_jit import jit


def test_rows_made_natively_escape_into_a_list_of_lists(tmp_path):
    # the outer loop is compiled at its first trip (threshold 1): no list made yet, so ints
    # are guessed and the room is the first one's; the float rows are then typed by the row
    # the register held at the next entry, and their room by its length
    r = jit(tmp_path, """
        def grid(rows, cols, seed):
            g = []
            s = seed
            for i in range(rows):
                row = []
                for j in range(cols):
                    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                    row.append(1 + (s >> 8) % 9)
                g.append(row)
            return g

        def shades(h, w):
            image = []
            for r in range(h):
                line = []
                y = 1.0 - 2.0 * r / h
                for c in range(w):
                    line.append(y * c * 0.5)
                image.append(line)
            return image

        g = grid(60, 300, 42)
        print(sum(map(sum, g)), len(g), [len(row) for row in g[:3]], g[7][:5], type(g[0]) is list)
        im = shades(50, 200)
        print(sum(map(sum, im)), len(im), im[3][:3], len({id(line) for line in im}))
    """)
    row = r.loop(5)
    assert row["status"] == "compiled" and row["native_iterations"] > 30, row
    assert r.loop(15)["native_iterations"] > 30


def test_one_made_list_in_many_places_is_one_list(tmp_path):
    r = jit(tmp_path, """
        def f(n):
            out = []
            for i in range(n):
                a = []
                b = a
                a.append(i)
                b.append(i * 2)
                out.append(a)
                out.append(b)
                if i % 3 == 0:
                    out.append([])
            return out

        out = f(3000)
        print(len(out), out[:7], out[0] is out[1], out[2] is out[3], out[3] == [])
        print(all(out[k] is out[k + 1] for k in range(0, 30, 2) if out[k]))
        out[0].append(99)
        print(out[1], out[2] is out[5])
    """)
    assert r.loop(4)["native_iterations"] > 1000


def test_a_made_list_alive_at_an_exit_mid_row_is_the_interpreters_to_finish(tmp_path):
    # a big int, then a str, appended mid-row: the row is made a list at the exit, and the
    # interpreter appends to that very list; a ZeroDivisionError mid-row leaves its partial
    # row behind, as CPython does
    r = jit(tmp_path, """
        def rows(n, w):
            done = []
            for i in range(n):
                row = []
                for j in range(w):
                    if i == 7 and j == 5:
                        row.append(2 ** 70)
                    elif i == 9 and j == 3:
                        row.append("x")
                    else:
                        row.append(i * j)
                done.append(row)
            return done

        d = rows(40, 100)
        print(len(d), d[7][4:7], d[9][2:5], sum(len(r) for r in d), sum(x for x in d[20]))

        def partial(n):
            kept = []
            row = None
            try:
                for i in range(n):
                    row = []
                    for j in range(50):
                        row.append(100 // (i - 30 + j))
                    kept.append(row)
            except ZeroDivisionError:
                print("stopped", len(kept), len(row), row[:3])
            return kept

        print(len(partial(40)))
    """)
    assert r.loop(4)["native_iterations"] > 10


def test_rows_longer_than_their_room_and_a_row_of_another_type(tmp_path):
    # rows of 3 ** i elements: later ones find the room full and leave (the room then
    # doubles); a row typed ints by the one before gets floats (an exit at the append)
    r = jit(tmp_path, """
        def build(n):
            t = []
            for i in range(n):
                row = []
                for j in range(3 ** i):
                    if i < 9:
                        row.append(j)
                    else:
                        row.append(j * 0.5)
                t.append(row)
            return t

        t = build(11)
        print(len(t), list(map(len, t)), t[8][-1], t[9][-1], t[10][:3], sum(map(sum, t)))
    """)
    row = r.loop(4)
    assert row["status"] == "compiled" and row["native_iterations"] >= 3, row
    assert any(reason == "the list's reserved room is full" for reason, _ in r.exit_reasons(4))
    assert any(reason.startswith("a float given to append") for reason, _ in r.exit_reasons(6))


def test_a_list_of_objects_made_at_every_iteration_is_left_to_the_baseline(tmp_path):
    # the list made at line 8 held objects at the entry: native code does not make such a
    # list, and the loop, which makes one at every iteration, is not compiled
    r = jit(tmp_path, """
        class P:
            def __init__(self, v):
                self.v = v

        def groups(n):
            out = []
            for i in range(n):
                g = []
                for j in range(5):
                    g.append(P(i + j))
                out.append(g)
            return out

        gs = groups(3000)
        print(len(gs), sum(p.v for g in gs for p in g), type(gs[0][0]).__name__)
    """, threshold="50")
    row = r.loop(8)
    assert row["status"] == "not compiled" and "not a number" in row["reason"], row


def test_a_made_list_kept_in_a_variable_the_loop_takes_in(tmp_path):
    # ``last = row``: ``last`` holds the list the previous iteration made when the loop is
    # entered, typed resizable like the lists made in it (else every entry left at its
    # first ``last = row``, the variable "becoming" another type); rows made at exits too
    r = jit(tmp_path, """
        def f(n):
            last = None
            longest = []
            for i in range(n):
                row = []
                for j in range(i % 13):
                    row.append(j * i)
                if len(row) > len(longest):
                    longest = row
                last = row
                if i % 500 == 0:
                    row.sort(reverse=True)       # (an exit with the row made)
            return last, longest, longest is last

        print(f(3000))
    """)
    row = r.loop(5)
    assert row["native_iterations"] > 2000, row
    assert not any("becomes" in reason for reason, _ in r.exit_reasons(5)), r.exit_reasons(5)
