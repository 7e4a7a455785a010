"""Lists a compiled loop only appends to (``out.append(w)``, nothing else of ``out`` in the
loop): an entry copies none of their elements in, and an exit adds those appended
(``LoopRegion.tail_lists``, ``EntryRecords.tail``; docs/jit-data.md, "Lists only appended
to"). Each test compares stdout, exit code and the whole of stderr with CPython's, and
checks the loop ran natively without copying the list."""
from test_jit import jit

BIG = 5000      # (elements the lists hold before the loop: an entry copying them would show)


def test_lists_of_each_element_type_appended_to_are_not_copied_in(tmp_path):
    r = jit(tmp_path, """
        class P:
            def __init__(self, v):
                self.v = v

        WORDS = ("ab", "cd", "efg")
        def f(n, ints, floats, flags, strs, objs):
            t = 0
            for i in range(n):
                ints.append(i * 3)
                floats.append(i * 0.5)
                flags.append(i %% 3 == 0)
                w = WORDS[i %% 3]
                strs.append(w)
                p = P(i)
                objs.append(p)
                t += p.v
            return t

        big = %d
        lists = ([7] * big, [0.25] * big, [False] * big, ["x"] * big, [P(-1) for _ in range(big)])
        print(f(3000, *lists))
        ints, floats, flags, strs, objs = lists
        print([len(x) for x in lists], ints[-3:], floats[-2:], flags[-4:], strs[-4:], ints[big - 1:big + 2])
        print([o.v for o in objs[big - 2:big + 3]], type(objs[-1]).__name__, strs[-1] is WORDS[2999 %% 3])
    """ % BIG)
    row = r.loop(9)
    assert row["native_iterations"] > 2900, row
    assert row["copied_in"]["words"] < BIG, row


def test_strs_made_natively_and_appended_wide_and_narrow(tmp_path):
    # the strs native code made are read back at once (EntryRecords._made_strs); one with
    # a character past latin-1 is read again on its own
    r = jit(tmp_path, """
        WORDS = ("river", "garden", "lantern", "copper")
        def f(n, out):
            left = 0
            for i in range(n):
                w = WORDS[(i * 7) % 4]
                if left == 0:
                    w = w[0].upper() + w[1:]
                    left = 3 + i % 5
                left -= 1
                if left == 0:
                    w += "."
                elif i % 11 == 0:
                    w += "\u20ac"
                elif i % 13 == 0:
                    w += "\\x00\u00e9"
                out.append(w)
            return len(out)

        out = ["start"] * 3000
        print(f(4000, out))
        print(out[2998:3012])
        print(sum(map(len, out)), sorted(set(out))[:8], out.count("Garden."), out[-1])
    """)
    row = r.loop(5)
    assert row["native_iterations"] > 3900, row
    assert row["copied_in"]["words"] < 3000, row


def test_a_list_appended_to_and_read_through_another_name(tmp_path):
    # an alias copied whole: its record serves both names
    r = jit(tmp_path, """
        def f(n, out, alias):
            t = 0
            for i in range(n):
                out.append(i)
                t += alias[-1] + len(alias)
            return t

        a = list(range(100))
        print(f(3000, a, a), len(a), a[98:103], a[-1])
        b = list(range(100))
        c = list(range(100))
        print(f(3000, b, c), len(b), len(c), b[-1], c[-1])
    """)
    assert r.loop(4)["native_iterations"] > 2900


def test_an_exception_mid_loop_sees_every_element_appended(tmp_path):
    r = jit(tmp_path, """
        def f(n, out):
            for i in range(n):
                out.append(i * i)
                if i == n - 5:
                    out.append(1 // (i - i))
            return out

        out = [0] * 2000
        try:
            f(3000, out)
        except ZeroDivisionError as e:
            print("caught", e, len(out), out[-3:])
        f(10, out)
    """)
    assert r.loop(3)["native_iterations"] > 2900
    assert r.got.returncode == 1


def test_a_list_typed_when_empty_then_holding_objects_gets_a_version_of_its_own(tmp_path):
    r = jit(tmp_path, """
        class Q:
            def __init__(self, v):
                self.v = v

        def f(n, out):
            for i in range(n):
                if i % 100 == 50:
                    out.append(Q(i))
            return len(out)

        out = []
        print(f(3000, out), f(3000, out), f(3000, out), all(type(q) is Q for q in out), out[-1].v)
    """)
    row = r.loop(7)
    assert row["native_iterations"] > 8000, row


def test_a_str_made_natively_is_one_object_in_the_list_and_in_its_variable(tmp_path):
    r = jit(tmp_path, """
        def f(n, out, s):
            w = ""
            for i in range(n):
                w = s[i % 6] + s[i % 5]
                out.append(w)
                out.append(w)
            return w

        out = ["x"] * 100
        w = f(3000, out, "abcdef")
        print(out[-1] is w, out[-2] is out[-1], out[-3] is out[-4], out[100] is out[101], out[-6:])
    """)
    assert r.loop(4)["native_iterations"] > 2500
