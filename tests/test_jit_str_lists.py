"""Lists and tuples of str in compiled loops, and whole-string operations (issue 9, scope
3): a list of str's elements are str records' addresses (copied in at once,
transfer.EntryRecords._strs); ==, !=, <, <=, >, >= of whole strs and str constants, and
``in`` of a str or a character in a str, are wasm functions of the module
(wasmgen/strings). Each test compares stdout, exit code and the whole of stderr with
CPython's, and checks the loop ran natively."""
from test_jit import jit


def test_comparisons_of_list_elements_non_ascii_empty_and_lengths_only(tmp_path):
    r = jit(tmp_path, """
        words = ["the", "of", "", "a", "café", "cafe", "x\\U0001F600y", "x\\U0001F600", "the",
                 "ab", "abc", "abd", "b", "\\u20ac", "\\U0001F600", "\\x00", "\\x00\\x00", "ÿ", "Ā"] * 20
        n = len(words)
        eq = ne = lt = le = gt = ge = 0
        for i in range(n):
            a = words[i]
            for j in range(0, n, 3):
                b = words[j]
                if a == b: eq += 1
                if a != b: ne += 1
                if a < b: lt += 1
                if a <= b: le += 1
                if a > b: gt += 1
                if a >= b: ge += 1
        print(eq, ne, lt, le, gt, ge)
    """)
    assert r.loop(8)["native_iterations"] > 1000


def test_str_constants_characters_and_membership(tmp_path):
    r = jit(tmp_path, """
        words = ("the", "", "a", "b", "ab", "ba", "théa", "\\U0001F600", "the cat", "abc") * 150
        c = [0] * 12
        for w in words:
            if w == "the": c[0] += 1
            if "abc" > w: c[1] += 1
            if w < "b": c[2] += 1
            if w >= "": c[3] += 1
            if "b" <= w: c[4] += 1
            if w == "a": c[5] += 1
            if w in "the cat abc": c[6] += 1
            if "b" in w: c[7] += 1
            if "h" not in w: c[8] += 1
            if "" in w: c[9] += 1
            if "\\U0001F600" in w: c[10] += 1
            if "cat" in w: c[11] += 1
        print(c)
    """)
    assert r.loop(4)["native_iterations"] > 1000


def test_a_list_of_str_mutated_between_entries_and_an_element_not_a_str(tmp_path):
    r = jit(tmp_path, """
        def count(words, key):
            k = 0
            for w in words:
                if w == key:
                    k += 1
            return k

        words = ["red", "green", "blue", "green"] * 500
        for rnd in range(6):
            print(rnd, count(words, "green"), count(words, "blue"))
            words[rnd] = "green"
            words.append("blue" + "!" * rnd)
            if rnd == 3:
                words[7] = 5        # no longer a list of str: the interpreter runs it, exactly
            if rnd == 4:
                words[7] = "green"
    """)
    assert r.loop(4)["native_iterations"] > 1000


def test_a_list_of_str_written_natively_keeps_its_strings(tmp_path):
    r = jit(tmp_path, """
        a = "alpha" * 3
        b = "beta" * 3
        words = [a, b, "gamma", "é" * 4, ""] * 400
        n = len(words)
        for i in range(n - 1):
            if words[i] < words[i + 1]:
                words[i] = words[i + 1]
            elif words[i] == "":
                words[i] = "empty"
        print(words[:12], len(words))
        print(sum(1 for w in words if w is a), sum(1 for w in words if w is b))
        print(words[0] is words[1], words[-2] is words[-7])
    """)
    assert r.loop(6)["native_iterations"] > 1000


def test_len_of_elements_and_their_characters(tmp_path):
    r = jit(tmp_path, """
        lines = ["def f(x):", "    return x + 1", "", "# é ✓ \\U0001F600", "x = 'a'"] * 300
        total = chars = upper = 0
        for line in lines:
            total += len(line)
            for ch in line:
                if "a" <= ch <= "z":
                    chars += 1
                elif ord(ch) > 127:
                    upper += 1
        print(total, chars, upper)
    """)
    assert r.loop(4)["native_iterations"] > 1000


def test_an_exit_in_a_loop_over_strs_resumes_exactly(tmp_path):
    r = jit(tmp_path, """
        words = ["aa", "bb", "", "cc"] * 400 + [None, "dd"]
        k = 0
        try:
            for i in range(len(words)):
                if words[i] == "bb":
                    k += 1
                k += len(words[i])
        except TypeError as e:
            print("TypeError", e, k)
    """)


def test_startswith_and_endswith_of_strs_constants_and_characters(tmp_path):
    r = jit(tmp_path, """
        words = ["the", "", "a", "b", "ab", "ba", "théa", "\\U0001F600", "the cat", "abc", "tab", "é", "aé"] * 150
        c = [0] * 10
        for w in words:
            if w.startswith("th"): c[0] += 1
            if w.endswith("ab"): c[1] += 1
            if w.startswith(""): c[2] += 1
            if w.endswith("a"): c[3] += 1
            if w.startswith("a"): c[4] += 1
            if w.endswith("é"): c[5] += 1
            if w.startswith(w): c[6] += 1
            if "xthe".endswith(w): c[7] += 1
            if w.endswith("\\U0001F600"): c[8] += 1
            if not w.startswith(words[3]): c[9] += 1
        print(c)
        k = 0
        for w in words:     # (a tuple of prefixes, a start: the interpreter's)
            if w.startswith(("a", "b")): k += 1
            if w.endswith("a", 1): k += 10
        print(k)
    """)
    assert r.loop(4)["native_iterations"] > 1000


def test_a_str_constant_stored_into_a_list_of_str_is_the_constant(tmp_path):
    r = jit(tmp_path, """
        SEVEN = "seven"

        def mark(words):
            for i in range(len(words)):
                if i % 7 == 0:
                    words[i] = "seven"
                elif words[i] == "":
                    words[i] = words[i - 1]
            return words

        words = ["apple", "zebra", "é", "", "mango", "", "\\U0001F600"] * 300
        mark(words)
        print(words[:15])
        print(sum(1 for w in words if w is SEVEN), sum(1 for w in words if w == "seven"))
        print(sum(1 for k in range(1, len(words)) if words[k] is words[k - 1]))
    """)
    assert r.loop(5)["native_iterations"] > 1000


def test_random_strings_and_characters_compared_every_way(tmp_path):
    # short strings over an alphabet with a surrogate, BMP and astral characters and NUL,
    # so prefixes, equal strings and strings differing only in length are common
    r = jit(tmp_path, """
        ALPHA = ["a", "b", "\\x00", "\\xff", "\\u0100", "\\ud800", "\\uffff", "\\U0001F600", "\\U0010FFFF"]
        s = 12345
        words = []
        for i in range(400):
            w = ""
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            for k in range(s % 4):
                s = (s * 1103515245 + 12345) & 0x7FFFFFFF
                w += ALPHA[s % len(ALPHA)]
            words.append(w)
        text = "".join(words)

        def compare(words, text):
            out = [0] * 16
            n = len(words)
            for i in range(n):
                a = words[i]
                b = words[(i * 7 + 3) % n]
                c = text[i % len(text)]
                out[0] += (a == b) + 2 * (a != b)
                out[1] += (a < b) + 2 * (a <= b)
                out[2] += (a > b) + 2 * (a >= b)
                out[3] += (a == c) + 2 * (c != a)
                out[4] += (a < c) + 2 * (c <= a)
                out[5] += (c > a) + 2 * (a >= c)
                out[6] += (b in a) + 2 * (c in a)
                out[7] += (a not in "ab\\x00\\U0001F600b") + 2 * (b not in a)
                out[8] += a.startswith(b) + 2 * a.endswith(b)
                out[9] += a.startswith(c) + 2 * a.endswith(c)
                out[10] += (a < "a\\ud800") + 2 * ("\\U0001F600" <= a)
                out[11] += len(a) + (a == "")
            return out

        print(compare(words, text))
        print(compare(words[::-1], text[::-1]))
    """)
    assert r.loop(17)["native_iterations"] > 300


def test_a_long_list_of_long_strs_copied_at_once_and_made_words_by_the_module(tmp_path):
    # (their characters past WIDEN_MIN words are copied in as bytes and made words by the
    # module's widen: latin-1 strs, and strs a record header of 300 or more makes UTF-32 --
    # astral characters and a lone surrogate among them; their key words index a dict)
    r = jit(tmp_path, """
        base = ["alpha beta", "gamma", "delta\\u00e9", "x" * 300, "caf\\u00e9 " * 70,
                "\\U0001F600 and \\u20ac", "lone \\ud800 surrogate", "", "a"]
        docs = [base[i % len(base)] + str(i % 7) for i in range(400)]
        counts = {}
        chars = 0
        for d in docs:
            counts[d] = counts.get(d, 0) + 1
            if len(d) > 2:
                chars += ord(d[2]) + ord(d[-1])
        print(len(counts), chars, sorted(counts.values())[:5])
        print(sum(len(k) for k in counts), ascii(min(counts)), ascii(max(counts)))
    """)
    assert r.loop(7)["native_iterations"] > 300


def test_a_long_list_of_latin_1_strs_copied_at_once(tmp_path):
    # (a byte a character, widened by the module; the strs shorter than 256 characters)
    r = jit(tmp_path, """
        docs = [("w%d caf\\u00e9 \\u00ff" % (i % 50)) * (1 + i % 9) for i in range(600)]
        seen = {}
        total = 0
        for d in docs:
            seen[d] = len(d)
            total += ord(d[-1]) + ord(d[len(d) // 2])
        print(len(seen), total, max(seen.values()), ascii(docs[-1][-8:]))
    """)
    assert r.loop(5)["native_iterations"] > 500



def test_a_text_s_repeating_words_counted_natively(tmp_path):
    # the words of a text, a few strings again and again (the list written from one record
    # made a distinct string, joined: EntryRecords._repeated_strs), counted into a dict of
    # str keys, non-ASCII and astral words among them; the last word the loop held is the
    # list's own object
    r = jit(tmp_path, """
        text = "le café été x\\U0001F600 the of a the zeta \\u20ac a " * 900
        words = text.split()
        counts = {}
        lengths = 0
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            lengths += len(w)
        last = w
        print(sorted(counts.items()), lengths, last is words[-1], len(words))
    """)
    assert r.loop(6)["native_iterations"] > 8000, r.loop(6)
