"""Sets in compiled loops (issue 9, docs/jit-data.md "Sets"): a set or frozenset of ints or
strs is a dict's native table without values, copied in at entry through the identity map;
``x in s``, ``x not in s``, ``len(s)``, its truth, ``s.add(x)``, ``s.discard(x)`` and
``s.remove(x)`` run natively, and an exit replays the changes native code made, in order, so
the set ends as CPython's would, iteration order included. Each test compares stdout, exit
code and the whole of stderr with CPython's, and checks that the loop ran natively."""
from test_jit import jit


def _natively(r, line, at_least):
    row = r.loop(line)
    assert row["native_iterations"] >= at_least, (row["native_iterations"], r.exit_reasons(line))
    return row


def test_membership_in_module_level_set_and_frozenset_constants(tmp_path):
    r = jit(tmp_path, """
        PRIMES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, -31, 2 ** 62}
        ODD = frozenset(range(1, 100, 2))
        def count(n):
            hits = misses = odd = 0
            for i in range(n):
                if i % 40 in PRIMES:
                    hits += 1
                if i % 40 not in PRIMES:
                    misses += 1
                if (i % 101) in ODD and PRIMES and len(ODD) == 50:
                    odd += len(PRIMES)
                if True in ODD:
                    odd += 1000
            return hits, misses, odd
        print(count(20000))
    """)
    _natively(r, 6, 19000)


def test_str_sets_of_characters_and_constants_non_ascii_too(tmp_path):
    r = jit(tmp_path, """
        DIGITS = set("0123456789")
        WIDE = {"é", "€", "😀", "\\ud800", "ab", "naïve"}
        def scan(text):
            d = w = k = 0
            for c in text:
                if c in DIGITS:
                    d += 1
                elif c in WIDE:
                    w += 1
                if "ab" in WIDE and "zz" not in WIDE and "naïve" in WIDE:
                    k += 1
            return d, w, k
        print(scan("ab 12 cd é€😀 \\ud800 x9 naïve " * 1000))
    """)
    _natively(r, 6, 20000)


def test_adds_and_discards_leave_cpythons_order_after_write_back(tmp_path):
    # ints that collide in a small table (multiples of 8, 32, 64), added, removed and
    # added again: the set's order depends on that sequence
    r = jit(tmp_path, """
        def churn(s, n):
            for i in range(n):
                x = (i * 8) % 200 + (i % 3) * 64
                if i % 5 == 0:
                    s.discard(x - 8)
                elif x in s:
                    s.discard(x)
                else:
                    s.add(x)
                s.add(i % 7 * 32)
            return s
        a = churn(set(), 5000)
        print(len(a), list(a))
        b = churn({1, 9, 17, 2 ** 40, -3}, 3000)
        print(len(b), list(b))
        words = {"x", "total", "count"}
        def names(s, n):
            for i in range(n):
                if i % 3 == 0:
                    s.add("café")
                s.add("x")
                if i % 4 == 0:
                    s.discard("total")
                if i % 6 == 1:
                    s.discard("café")
                s.add("é")
            return s
        print(list(names(words, 1000)), list(names(set(), 1000)))
    """)
    _natively(r, 3, 7000)
    _natively(r, 19, 1500)


def test_remove_of_a_missing_element_raises_cpythons_key_error(tmp_path):
    r = jit(tmp_path, """
        def drain(s, xs):
            for x in xs:
                s.remove(x)
            return s
        s = set(range(3000))
        print(len(drain(s, list(range(0, 3000, 2)))), list(s)[:5])
        def drain_strs(s, n):
            for i in range(n):
                s.remove("é" if i == 700 else "a")
                s.add("a")
        t = {"a", "b"}
        try:
            drain_strs(t, 2000)
        except KeyError as e:
            print("KeyError", repr(e), sorted(t))
        print(drain(s, list(range(1, 3000, 2)) + [5]))
    """)
    _natively(r, 3, 1400)
    assert any(reason == "KeyError" for reason, _ in r.exit_reasons(3)), r.exit_reasons(3)
    assert any(reason == "KeyError" for reason, _ in r.exit_reasons(9)), r.exit_reasons(9)


def test_a_set_under_two_names_and_a_callee_changing_it_between_entries(tmp_path):
    r = jit(tmp_path, """
        def meddle(s, k):
            s.add(-k)
            s.discard(k - 1)
            return len(s)
        def run(a, b, rounds):
            total = 0
            for r in range(rounds):
                for i in range(300):
                    a.add(i % 50 + r)
                    if i % 4 == 0:
                        b.discard(i % 50)
                    total += len(a) + (i in b)
                total += meddle(a, r)      # (not compiled: called between entries)
            return total
        s = {1000, 2000}
        print(run(s, s, 20), len(s), list(s))
        u, v = {5, 6}, {5, 6}
        print(run(u, v, 5), list(u), list(v))
    """)
    _natively(r, 9, 5000)


def test_an_empty_set_guessed_by_its_use_and_sets_not_compiled(tmp_path):
    r = jit(tmp_path, """
        def firsts(words):
            seen = set()
            out = 0
            for w in words:
                if w not in seen:
                    seen.add(w)
                    out += 1
            return out, seen
        print(firsts("the quick brown fox jumps over the lazy dog é😀" * 200))
        print(firsts([i % 97 for i in range(5000)]))
        def mixed(s, n):
            c = 0
            for i in range(n):
                if i in s:
                    c += 1
            return c
        print(mixed({1, "a", 2.5}, 3000), mixed({True, 2}, 3000), mixed({2 ** 70, 1}, 3000))
        class S(set):
            pass
        print(mixed(S({1, 2}), 3000))
    """)
    _natively(r, 5, 8000)


def test_str_slices_in_sets_added_and_discarded_keep_cpythons_order(tmp_path):
    # (a slice's number by its contents: docs/jit-data.md "Strs made natively as keys";
    # the set's log replays the adds and removals of new strs, which write-back makes once)
    r = jit(tmp_path, """
        KEYWORDS = {"def", "return", "if", "naïve", "\\ud800"}
        TWO = frozenset(["==", "!=", "<=", "é€"])
        def scan(text, seen):
            kw = two = 0
            i = 0
            n = len(text)
            while i < n:
                j = i
                while j < n and text[j] != " ":
                    j += 1
                w = text[i:j]
                if w in KEYWORDS:
                    kw += 1
                if text[i:i + 2] in TWO or w[1:] in TWO:
                    two += 1
                if w not in seen:
                    seen.add(w)
                elif len(w) > 4:
                    seen.discard(w)
                    seen.add(w[::-1])
                i = j + 1
            return kw, two, len(seen), list(seen)
        text = " ".join(("def x == naïve xé€ \\ud800 return !=x abcdef fedcba if <= ab 日本語 " * 300).split(" "))
        print(scan(text, set()))
        print(scan(text, {"ab", "fedcba", "zz", "日本語"}))
    """)
    assert r.loop(8)["native_iterations"] > 8000, r.exit_reasons(8)


def test_long_str_slices_alike_in_their_ends_are_told_apart(tmp_path):
    # (a long str is hashed by its ends and length: strs differing only in the middle share
    # a hash, and str_eq tells them apart)
    r = jit(tmp_path, """
        base = "x" * 100
        keys = {base[:50] + c + base[:49] for c in "abcdefg"}
        def scan(text, keys):
            hits = []
            for i in range(len(text) - 100):
                if text[i:i + 100] in keys:
                    hits.append(i)
            return len(hits), hits[:5], hits[-3:]
        text = "".join(base[:50] + c + base[:49] + "y" for c in "abcdefghijk" * 100)
        print(scan(text, keys))
    """)
    assert r.loop(6)["native_iterations"] > 100000, r.exit_reasons(6)


def test_big_sets_and_dicts_typed_by_a_sample_then_in_full_where_it_misleads(tmp_path):
    # a set's and a dict's type taken from their first keys (jtypes.classify_sampled), as a
    # list's from its ends: the entry checks every key and value as it copies them, and a
    # set with a str past the sample, or a dict with a float value there, fails that entry,
    # which types them in full -- the counts are CPython's either way
    r = jit(tmp_path, """
        def count(xs, a, b, d):
            c = 0
            t = 0
            for x in xs:
                if x in a and x not in b:
                    c += 1
                t += d.get(x % 50, 0)
            return c, t

        a = set(range(0, 30000, 3))
        b = set(range(0, 30000, 5))
        d = {k: k * 2 for k in range(50)}
        xs = list(range(30000)) * 4     # (work enough that the first entry pays for its copies)
        print(count(xs, a, b, d))
        a.add("deep")
        print(count(xs, a, b, d))
        a.discard("deep")
        d[49] = 0.5
        print(count(xs, a, b, d))
        d[49] = 98
        b.add(2 ** 70)
        print(count(xs, a, b, d))
    """)
    assert r.loop(5)["native_iterations"] > 20000, r.loop(5)     # (the first call's, typed by the sample)
