"""Strings in compiled loops (issue 9): indexing and iterating by character, comparisons of
characters, ``in`` a string constant, ord, chr and str.isdigit-style tests of a character.
A string is a record of its code points; a character is its code point, made a string again
only where an exit needs it. Each test compares stdout, exit code and the whole of stderr
with CPython's, and checks the loop ran natively."""
from test_jit import jit


def test_scanning_a_string_by_index_non_ascii_and_a_length_a_multiple_of_eight(tmp_path):
    r = jit(tmp_path, """
        def scan(src):
            i, n = 0, len(src)
            digits = letters = other = 0
            while i < n:
                c = src[i]
                if "0" <= c <= "9":
                    digits += 1
                elif c in "abcdefghijklmnopqrstuvwxyz" or c == "é":
                    letters += 1
                elif c != " ":
                    other += ord(c) % 11
                i += 1
            return digits, letters, other

        for text in ("ab12 cd34" * 8, "héllo wörld 42 ✓ \\ud800x" * 50, "x" * 4096):
            print(len(text), scan(text))
    """)
    assert r.loop(5)["native_iterations"] > 4000


def test_iterating_characters_ord_chr_and_a_character_carried_across_iterations(tmp_path):
    r = jit(tmp_path, """
        def runs(text):
            prev = ""
            count = 0
            shifted = 0
            for ch in text:
                if ch == prev:
                    count += 1
                shifted += ord(chr(ord(ch) + 1)) - ord(ch)
                prev = ch
            return count, shifted, prev

        print(runs("aabbbcdddde" * 300), runs("ééé✓✓x" * 200))
    """)
    assert r.loop(6)["native_iterations"] > 2000


def test_character_tests_ascii_natively_others_by_the_interpreter(tmp_path):
    r = jit(tmp_path, """
        def classes(text):
            d = a = s = u = l = n = 0
            for k in range(len(text)):
                c = text[k]
                if c.isdigit():
                    d += 1
                if c.isalpha():
                    a += 1
                if c.isspace():
                    s += 1
                if c.isupper():
                    u += 1
                if c.islower():
                    l += 1
                if c.isalnum():
                    n += 1
            return d, a, s, u, l, n

        ascii = "".join(chr(k) for k in range(128)) * 20
        print(classes(ascii))
        print(classes("Ab3 \\x1c\\x1f٣ Ωé" * 50))
    """)
    assert r.loop(4)["native_iterations"] > 2000


def test_chr_out_of_range_and_an_index_past_the_end_raise_as_in_cpython(tmp_path):
    r = jit(tmp_path, """
        def shift(text, k):
            out = 0
            for i in range(len(text) + 1):
                out += ord(chr(ord(text[i]) + k))
            return out

        try:
            shift("abc" * 500, 1)
        except IndexError as e:
            print("IndexError", e)
        try:
            shift("abc" * 500, 0x10FFFF)
        except ValueError as e:
            print("ValueError", e)
        shift("xyz" * 500, -200)
    """)
    assert r.got.returncode == 1 and "ValueError" in r.got.stderr


def test_a_long_string_is_copied_once_for_many_entries(tmp_path):
    # a tokenizer's inner loop is entered once a token: the text's record is kept in the
    # version's memory between entries (a string cannot change), not copied each time
    r = jit(tmp_path, """
        def number_end(src, i):
            n = len(src)
            while i < n and "0" <= src[i] <= "9":
                i += 1
            return i

        text = "".join("%d " % (k * 7919 % 100000) for k in range(2000))
        i = 0
        ends = []
        while i < len(text):
            j = number_end(text, i)
            ends.append(j)                      # (the outer loop stays interpreted)
            i = j + 1
        print(sum(ends), len(text))
    """)
    row = r.loop(4)
    assert row["entries"] >= 8, row
    assert row["copied_in"]["words"] < 2 * 11000, row      # the text once (~10,900 characters)
