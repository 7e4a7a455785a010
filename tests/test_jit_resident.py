"""Lists of numbers kept in a version's memory from one entry to the next
(``tauraro.jit.resident``), and the comprehension runs that made them worth keeping.

A list copied by two entries of one version is kept; a later entry that finds it holding
the very same elements copies nothing. Every way the list can change between entries --
an element replaced by another number, by an equal number of another type, by ``-0.0``
where it held ``0.0``, its length -- must make the entry copy it again: each program
prints what CPython prints.
"""
from test_jit import jit


def test_a_list_read_by_many_runs_is_copied_in_twice_not_at_every_run(tmp_path):
    r = jit(tmp_path, """
        def spread(xs, m):
            return max(abs(x - m) for x in xs)

        xs = [((i * 7919) % 10007) / 1000.0 - 5.0 for i in range(20000)]
        ts = tuple(xs)
        out = []
        for rep in range(10):
            out.append((spread(xs, rep * 0.1), spread(ts, -rep * 0.1)))
        print(out)
    """)
    row = r.loop(3)
    assert row["native_iterations"] >= 15 * 20000, row
    # (the list and the tuple copied by the first two entries each, then found kept; without
    # keeping, every entry copies its 20,000 floats)
    assert row["copied_in"]["words"] <= 4 * 20000, row


def test_a_list_changed_between_entries_is_copied_again(tmp_path):
    # max() and min() of the elements themselves: a kept record would give back what was
    # copied. Each list is kept first (four runs), then changed once -- in its middle, away
    # from the elements a long list is typed by (its first and last few) -- and read again.
    r = jit(tmp_path, """
        def top(xs):
            return max(x for x in xs)

        def low(xs):
            return min(x for x in xs)

        def sample(n):
            xs = [((i * 7919) % 10007) / 1000.0 + 1.0 for i in range(n)]
            xs[n // 2] = 20.0
            xs[n // 2 + 1] = 0.0
            return xs

        def kept(xs):
            for rep in range(4):
                top(xs), low(xs)
            return xs

        xs = kept(sample(5000))
        xs[2500] = 30.25                # another float
        print(top(xs), low(xs))
        xs = kept(sample(5000))
        xs[2500] = 20                   # an equal int (20 == 20.0 is not the same number)
        print(top(xs), low(xs))
        xs = kept(sample(5000))
        xs[2501] = -0.0                 # equal to 0.0, not the same number
        print(top(xs), repr(low(xs)))
        xs = kept(sample(5000))
        xs.append(40.5)                 # longer
        print(top(xs), low(xs))
        xs = kept(sample(5000))
        xs.pop(2500)                    # shorter
        print(top(xs), low(xs))
        ns = [0] * 5000
        ns[2500] = 1
        ns = kept(ns)
        ns[2500] = True                 # True == 1, and not an int
        print(top(ns), low(ns), [type(v).__name__ for v in (top(ns), low(ns))])
    """)
    assert r.loop(3)["native_iterations"] > 0


def test_a_generator_expression_inside_a_list_comprehension_runs_natively(tmp_path):
    # a histogram: a pass over the sample per bin; short warm-up runs, where an entry's
    # fixed costs weigh on each element, do not keep the long ones from running natively
    r = jit(tmp_path, """
        def histogram(xs, lo, width, bins):
            return [sum(1 for x in xs if lo + k * width <= x < lo + (k + 1) * width) for k in range(bins)]

        xs = [((i * 7919) % 10007) / 1000.0 - 5.0 for i in range(30000)]
        print(histogram(xs[:300], -5.0, 1.0, 10))
        print(histogram(xs[:300], -5.0, 1.0, 10))
        for rep in range(5):
            h = histogram(xs, -5.0, 1.0, 10)
        print(h, sum(h))
    """)
    row = r.loop(3)
    assert row["status"] == "compiled", row
    assert row["native_iterations"] >= 30 * 30000, row


def test_zip_over_long_lists_typed_by_a_sample_checks_every_element(tmp_path):
    # a zip's lists are typed by their first and last elements at each run; an element of
    # another type in the middle is found as the entry copies the list
    r = jit(tmp_path, """
        def dot(xs, ys):
            return sum(x * y for x, y in zip(xs, ys))

        xs = [i * 0.5 for i in range(5000)]
        ys = [1.0 - i * 0.25 for i in range(5000)]
        for rep in range(4):
            print(dot(xs, ys))
        ys[2500] = 3                    # an int among floats: float * int, as CPython does
        print(dot(xs, ys), dot(ys, xs))
        xs[2501] = 2 ** 70              # past 64 bits
        print(dot(xs, ys))
        ys = [1 - i for i in range(5000)]
        ys[2500] = 0.5
        print(dot(ys, ys), dot(ys[::-1], ys))
    """)
    assert r.loop(3)["native_iterations"] >= 2 * 5000


def test_packed_bodies_are_held_for_every_version_and_dropped_when_changed(monkeypatch):
    # (resident.PACKED: the packed body of a long list of numbers or of a str, from its first
    # packing by any version; of a list of bools, from its second; given back only while the
    # object is unchanged)
    from tauraro.jit import resident
    packed = resident.PackedBodies()
    xs = [i * 0.5 for i in range(5000)]
    body = bytes(8 * len(xs))
    packed.offer(xs, "d", body)
    assert packed.get(xs, "d") == (body, None) and packed.holds(xs)
    assert packed.get(xs, "q") is None                               # (another packing)
    xs[2500] = 1250.0               # an equal float, another object
    assert packed.get(xs, "d") is None and not packed.holds(xs)
    flags = [k % 3 == 0 for k in range(5000)]      # (packed only to be offered: asked first)
    assert not packed.wants(flags, "flags") and packed.wants(flags, "flags")
    text = "abc" * 2000
    assert packed.wants(text, "str")
    packed.offer(text, "str", b"t" * 8)
    assert packed.get(text, "str") == (b"t" * 8, None)
    # at most PACKED_LIMIT bytes, the oldest dropped first
    monkeypatch.setattr(resident, "PACKED_LIMIT", 40_000)
    small = resident.PackedBodies()
    strs = ["%d" % k * 500 for k in range(10)]
    for s in strs:
        small.offer(s, "str", bytes(8000))
    assert small.size <= 40_000
    assert small.get(strs[-1], "str") is not None and small.get(strs[0], "str") is None


def test_a_long_str_scanned_by_two_loops_reads_the_same_in_each(tmp_path):
    # the second loop's entry copies the text's packed body (held since the first packed it)
    r = jit(tmp_path, """
        def vowels(s):
            n = 0
            for c in s:
                if c in "aeiou":
                    n += 1
            return n

        def digits(s):
            n = 0
            i = 0
            while i < len(s):
                if "0" <= s[i] <= "9":
                    n += 1
                i += 1
            return n

        text = "".join("word%d é%s " % (k, "aei"[k % 3]) for k in range(3000))
        print(vowels(text), digits(text), vowels(text[1:]), digits(text + "9"))
    """)
    assert r.loop(4)["native_iterations"] > 0 and r.loop(12)["native_iterations"] > 0


def test_a_generator_refused_its_list_enters_once_another_version_packed_it(tmp_path):
    # sum(x for x in xs) does too little an element to pay for packing 200,000 floats, and
    # is refused; the second genexpr's entries pack xs, and from its second PACKED holds
    # the body: the first then costs a memory copy and enters (its refusal remembered, and
    # the lengths counted before it has a version, once ignored that: stats() in
    # bench/calls/comprehensions.py ran its mean as written at every call)
    r = jit(tmp_path, """
        def total(xs):
            return sum(x for x in xs)

        def spread(xs, m):
            return max(abs(x - m) * 0.5 + (x - m) * (x - m) * 0.25 for x in xs)

        xs = [float(k % 1000) * 0.5 - 100.0 for k in range(200_000)]
        out = []
        for rep in range(10):
            m = total(xs) / len(xs)
            out.append((m, spread(xs, m)))
        xs[7] = 2.5
        out.append((total(xs), spread(xs, 0.0)))
        print(out[-3:])
    """)
    assert r.loop(3)["entries"] >= 4, r.loop(3)
    assert r.loop(6)["entries"] >= 8, r.loop(6)


def test_a_kept_list_is_not_referenced_by_the_jit_and_its_id_taken_again_reads_right(tmp_path):
    # (a version's kept record and PACKED's body hold the list's elements, not the list:
    # sys.getrefcount(xs) is CPython's. A new list at the freed one's id with the very same
    # element objects -- [7] * n again, 7 a cached int -- has the very same values; one with
    # other elements is copied again)
    r = jit(tmp_path, """
        import sys

        def spread(xs, m):
            return max(abs(x - m) for x in xs)

        def total(xs):
            t = 0
            for x in xs:
                t += x
            return t

        xs = [((i * 7919) % 10007) / 1000.0 - 5.0 for i in range(20000)]
        for rep in range(6):
            print(spread(xs, rep * 0.1))
        print(sys.getrefcount(xs))
        kept = tuple(xs)
        del xs
        xs = [*kept]                    # (the same floats, at the freed list's id: its free list)
        print(spread(xs, 0.7), spread(xs, 0.8))
        del xs
        xs = [x + 0.5 for x in kept]    # (other floats)
        print(spread(xs, 0.7), spread(xs, 0.8))
        ys = [7] * 9000
        for rep in range(4):
            print(total(ys))
        print(sys.getrefcount(ys))
        del ys
        ys = [7] * 9000
        print(total(ys), total(ys))
        del ys
        ys = [8] * 9000
        print(total(ys), total(ys))
        ys[4500] = 9
        print(total(ys), sys.getrefcount(ys))
    """)
    row = r.loop(5)
    # (its runs after the first two native ones copy nothing: the list was kept)
    assert row["native_iterations"] >= 3 * 20000 and row["copied_in"]["words"] < row["native_iterations"], row
    assert r.loop(9)["entries"] >= 6, r.loop(9)


def test_the_cost_models_look_at_a_held_list_is_a_sample_and_the_copys_is_whole():
    # (PackedBodies.holds answers the cost model before an entry from LOOKS elements spread
    # over the list; get, which the copy asks, compares every element's pointer: a change
    # between the samples is found there, and the body dropped)
    from tauraro.jit import resident
    packed = resident.PackedBodies()
    xs = [i * 0.5 for i in range(5000)]
    packed.offer(xs, "d", bytes(8 * len(xs)))
    assert packed.holds(xs)
    step = len(xs) // resident.LOOKS
    xs[step + 1] = 7.25                 # (between two of the elements looked at)
    assert packed.holds(xs)
    assert packed.get(xs, "d") is None and not packed.holds(xs)
    ys = [i * 0.5 for i in range(5000)]
    packed.offer(ys, "d", bytes(8 * len(ys)))
    ys[step] = 7.25                     # (one looked at)
    assert not packed.holds(ys)
    zs = [i * 0.5 for i in range(5000)]
    packed.offer(zs, "d", bytes(8 * len(zs)))
    zs.append(1.0)                      # (another length)
    assert not packed.holds(zs)


def test_versions_keeping_one_list_share_its_snapshot_and_each_sees_it_change(tmp_path):
    # (EntryRecords._keep takes PACKED's snapshot of a list, checked or made by the same
    # copy: the four versions over one sample share one; a change between two of the
    # elements the cost model looks at is still found by each version's next entry)
    r = jit(tmp_path, """
        def stats(xs):
            m = sum(x for x in xs) / len(xs)
            return (m, sum(abs(x - m) for x in xs), max(x * x - m for x in xs),
                    min(x + 1.5 for x in xs if x < m))

        xs = [((i * 7919) % 10007) * 0.001 - 5.0 for i in range(100_000)]
        out = []
        for rep in range(6):
            out.append(stats(xs))
            if rep % 2:
                xs[12345 + rep] = 9.5 + rep     # (not one of the 16 looked at)
        print(out)
    """)
    for line in (3, 4, 5):
        assert r.loop(line)["entries"] >= 4, r.loop(line)
