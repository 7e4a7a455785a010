"""Loops over ``text.split()`` (tauraro.jit.splits) and the str methods making strs
(wasmgen.strmethods: strip, lstrip, rstrip, lower, upper), each program compared with
CPython on stdout, exit code and the whole of stderr.

The list a loop over ``text.split()`` walks is written by the module from ``text`` when
``text`` is a local the loop never assigns and a str exactly: every kind of whitespace
``str.split()`` splits at, words not latin-1, a str subclass whose ``split`` differs, a
loop rebinding ``text``, an exception raised mid-loop, the loop variable after the loop
(the list's very element), ``strip`` giving back the very str when it strips nothing and
``lower`` a new one, as CPython's."""
from test_jit import Result

# an ASCII text's words, with sentence punctuation
_WORDS = '''
    WORDS = ("The cat sat on the mat while the dog slept by the door and the bird sang "
             "of harbour and meadow and copper lanterns").split()

    def text_of(n, seed=7):
        s = seed
        out = []
        for i in range(n):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            w = WORDS[(s >> 4) % len(WORDS)]
            if (s >> 12) % 7 == 0:
                w += "."
            elif (s >> 12) % 11 == 0:
                w += ","
            out.append(w)
        return " ".join(out)
'''


def _loop(r, function):
    """The row of the (first) loop of ``function``, and its exits' reasons."""
    row = next(row for row in r.rows if row["function"] == function)
    return row, [reason for reason, _ in r.exit_reasons(row["line"])]


def test_a_loop_over_a_texts_words_runs_natively_from_the_text(tmp_path):
    r = Result(tmp_path, _WORDS + """
    def count(text):
        counts = {}
        for raw in text.split():
            w = raw.strip(".,").lower()
            counts[w] = counts.get(w, 0) + 1
        return counts, raw

    def lengths(text):
        lengths = {}
        letters = {}
        for raw in text.split():
            w = raw.rstrip(".,").upper()
            n = len(w)
            lengths[n] = lengths.get(n, 0) + 1
            for ch in w:
                letters[ch] = letters.get(ch, 0) + 1
        return sorted(lengths.items()), sorted(letters.items())[:5]

    def pairs(text):
        seen = {}
        last = "<s>"
        for raw in text.split():
            word = raw.rstrip(",.").upper()
            pair = last + "/" + word
            seen[pair] = seen.get(pair, 0) + 1
            last = "<s>" if raw.endswith(".") else word
        return len(seen), max(seen.items(), key=lambda kv: (kv[1], kv[0]))

    count(text_of(3000))
    lengths(text_of(3000))
    pairs(text_of(3000))
    text = text_of(60_000, 11)
    c, last = count(text)
    print(sorted(c.items()), last, last == text.split()[-1])
    print(lengths(text))
    print(pairs(text))
    """, "--jit-threshold", "50").same()
    for function in ("count", "lengths", "pairs"):
        row, reasons = _loop(r, function)
        assert row["native_iterations"] >= 60_000, (function, row)
        assert row["copied_in"]["split_words"] >= 60_000, (function, row)       # (written from the text)
        assert not any("no room" in x or "not numbered" in x for x in reasons), (function, reasons)


def test_every_whitespace_and_words_not_latin_1(tmp_path):
    # the whitespace str.split() splits at (str.isspace), ASCII and not; words with code
    # points past latin-1 (the text copied as UTF-32) and astral ones; a lone surrogate
    # ("surrogatepass": a code point as any other)
    r = Result(tmp_path, """
    def count(text):
        counts = {}
        total = 0
        for raw in text.split():
            total += len(raw)
            counts[raw] = counts.get(raw, 0) + 1
        return sorted(counts.items()), total

    def pairs(text):
        seen = {}
        last = "<s>"
        for raw in text.split():
            pair = last + "/" + raw
            seen[pair] = seen.get(pair, 0) + 1
            last = raw
        return len(seen), sorted(seen.items())[:4], sorted(seen.items())[-3:]

    spaces = "\\t\\n\\x0b\\x0c\\r\\x1c\\x1d\\x1e\\x1f \\x85\\xa0\\u1680\\u2000\\u2005\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
    words = ["alpha", "b\\u0101ta", "\\U0001F600", "x\\u200by", "\\ufeffz", "\\ud800", "\\u180e"]
    parts = []
    for i in range(4000):
        parts.append(words[i % len(words)])
        parts.append(spaces[i % len(spaces)] * (1 + i % 3))
    text = "".join(parts)
    for k in range(3):
        print(count(text))
        print(pairs(text))      # (made strs not latin-1, written back with their key words)
    print(count(text[:5000].encode("latin-1", "ignore").decode("latin-1")))
    """, "--jit-threshold", "50").same()
    for function in ("count", "pairs"):
        row, _ = _loop(r, function)
        assert row["native_iterations"] > 4000 and row["copied_in"]["split_words"] > 4000, row


def test_a_str_subclass_or_a_rebound_text_is_not_split_natively(tmp_path):
    # a subclass's split() is its own; a loop assigning its text has no one text: both
    # copy the list as it is (and give CPython's results)
    r = Result(tmp_path, """
    class Odd(str):
        def split(self):
            return ["odd", "words", "only"] * 300

    def count(text):
        n = 0
        for raw in text.split():
            n += len(raw)
        return n

    def rebinding(text):
        n = 0
        for raw in text.split():
            n += len(raw)
            text = raw
        return n, text

    plain = "ab cd efg " * 300
    for k in range(4):
        print(count(plain), count(Odd(plain)), rebinding(plain))
    """, "--jit-threshold", "50").same()
    assert _loop(r, "count")[0]["copied_in"]["split_words"] <= 900 * 4      # (count(plain)'s, not Odd's)
    assert _loop(r, "rebinding")[0]["copied_in"]["split_words"] == 0


def test_an_exception_mid_loop_and_the_words_identity(tmp_path):
    # a KeyError raised by the interpreter at the word native code left at, with CPython's
    # traceback; strip() of a word with nothing to strip is the very word, lower() a new
    # str even where it changes nothing
    r = Result(tmp_path, _WORDS + """
    def identity(text):
        same = fresh = 0
        for raw in text.split():
            w = raw.strip("!")
            v = raw.lower()
            if w == raw:
                same += 1
            if v == raw:
                fresh += 1
        return same, fresh, w is raw, v is raw, w

    def lookup(text, known):
        total = 0
        for raw in text.split():
            total += known[raw.strip(".,").lower()]
        return total

    text = text_of(20_000, 5)
    for k in range(3):
        print(identity(text))
    known = {w.lower(): len(w) for w in WORDS}
    print(lookup(text, known))
    lookup(text + " Unknown.", known)
    """, "--jit-threshold", "50").same()
    row, _ = _loop(r, "identity")
    assert row["native_iterations"] >= 20_000 and row["copied_in"]["split_words"] >= 20_000, row


def test_split_inside_a_loop_makes_a_list_natively(tmp_path):
    # doc.split() in a loop's body (the inner loop's iterable, or a list kept in a
    # variable): a new list of new strs from the heap; written back when the loop leaves
    # (the last doc's words), and left to the interpreter with a separator or a count
    r = Result(tmp_path, """
    def freq_of(docs):
        freq = {}
        for doc in docs:
            for w in doc.split():
                freq[w] = freq.get(w, 0) + 1
        return sorted(freq.items())[:6], len(freq)

    def last_words(docs):
        total = 0
        longest = ""
        for doc in docs:
            words = doc.split()
            total += len(words)
            for w in words:
                if len(w) > len(longest):
                    longest = w
        return total, longest, words

    def by_comma(docs):
        n = 0
        for doc in docs:
            n += len(doc.split(",")) + len(doc.split(None, 1))
        return n

    docs = [" ".join("w%d" % ((i * 7 + j * 13) % 97) for j in range(i % 40)) + "  tail\\tend\\x85x\\n"
            for i in range(3000)]
    docs.append("na\\u00efve \\u2003 w\\u00f6rds \\U0001F600 here")
    for k in range(2):
        print(freq_of(docs))
        print(last_words(docs))
        print(by_comma(docs))
    """, "--jit-threshold", "50").same()
    for function in ("freq_of", "last_words"):
        row, reasons = _loop(r, function)
        assert row["native_iterations"] >= 2500, (function, row)
        assert not any("split" in x for x in reasons), (function, reasons)
