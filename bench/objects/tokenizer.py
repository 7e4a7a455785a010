# a tokenizer scanning a string by index (text[i], ranges of character classes): names
# and keywords, ints and floats, strings with escapes, one- and two-character operators,
# comments, newlines and indentation; source text generated from fixed pieces by an LCG;
# tokens counted by kind in a dict, brackets matched with a list as a stack
import sys
import time

KEYWORDS = {"def", "return", "if", "else", "while", "for", "in", "and", "or", "not", "None"}
TWO_CHAR = {"==", "!=", "<=", ">=", "**", "//", "+=", "-=", "->"}
NAMES = ["x", "total", "count", "value", "node", "items", "result", "alpha", "beta_2",
         "_private", "index", "size", "left", "right", "café", "naïve"]
OPS = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">="]


def make_source(n_lines, seed):
    s = seed
    lines = []
    depth = 0
    for i in range(n_lines):
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        kind = (s >> 8) % 8
        s = (s * 1103515245 + 12345) & 0x7FFFFFFF
        a = NAMES[(s >> 4) % len(NAMES)]
        b = NAMES[(s >> 9) % len(NAMES)]
        op = OPS[(s >> 14) % len(OPS)]
        num = str((s >> 3) % 100000)
        pad = "    " * depth
        if kind == 0 and depth < 4:
            lines.append(pad + "def f%d(%s, %s=%s):" % (i, a, b, num))
            depth += 1
        elif kind == 1 and depth < 4:
            lines.append(pad + "if %s %s %s and not %s:" % (a, op, num, b))
            depth += 1
        elif kind == 2:
            lines.append(pad + "%s = [%s, %s.%s, (%s %s 2.5e-3)]" % (a, num, b, a, b, op))
        elif kind == 3:
            lines.append(pad + "%s += %s(%s, \"str \\\"%s\\\" end\")  # note %s" % (a, b, num, a, op))
        elif kind == 4 and depth > 0:
            lines.append(pad + "return %s %s {%s: %s}" % (a, op, b, num))
            depth -= 1
        elif kind == 5:
            lines.append(pad + "while %s[%s] %s %s.%s:" % (a, num, op, b, a))
            lines.append(pad + "    %s -= 1" % b)
        else:
            lines.append(pad + "%s = %s %s %s * (%s - 0.%s)" % (a, b, op, num, a, num))
    return "\n".join(lines) + "\n"


def is_name_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or c > "\x7f"


def is_name_char(c):
    return is_name_start(c) or ("0" <= c <= "9")


def tokenize(text):
    # returns counts by kind, the sum of the ints, the longest name, bracket depth errors
    counts = {}
    int_sum = 0
    longest = ""
    stack = []
    mismatched = 0
    indents = [0]
    i = 0
    n = len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start:
            col = 0
            while i < n and text[i] == " ":
                col += 1
                i += 1
            if col > indents[-1]:
                indents.append(col)
                counts["INDENT"] = counts.get("INDENT", 0) + 1
            while col < indents[-1]:
                indents.pop()
                counts["DEDENT"] = counts.get("DEDENT", 0) + 1
            line_start = False
            continue
        if c == "\n":
            counts["NEWLINE"] = counts.get("NEWLINE", 0) + 1
            line_start = True
            i += 1
        elif c == " ":
            i += 1
        elif c == "#":
            while i < n and text[i] != "\n":
                i += 1
            counts["COMMENT"] = counts.get("COMMENT", 0) + 1
        elif is_name_start(c):
            j = i + 1
            while j < n and is_name_char(text[j]):
                j += 1
            word = text[i:j]
            kind = "KEYWORD" if word in KEYWORDS else "NAME"
            counts[kind] = counts.get(kind, 0) + 1
            if len(word) > len(longest) or (len(word) == len(longest) and word < longest):
                longest = word
            i = j
        elif "0" <= c <= "9":
            j = i
            value = 0
            while j < n and "0" <= text[j] <= "9":
                value = value * 10 + (ord(text[j]) - 48)
                j += 1
            if j < n and (text[j] == "." or text[j] == "e"):
                while j < n and (text[j].isdigit() or text[j] in ".e-"):
                    j += 1
                counts["FLOAT"] = counts.get("FLOAT", 0) + 1
            else:
                int_sum += value
                counts["INT"] = counts.get("INT", 0) + 1
            i = j
        elif c == '"':
            j = i + 1
            while text[j] != '"':
                if text[j] == "\\":
                    j += 1
                j += 1
            counts["STRING"] = counts.get("STRING", 0) + 1
            i = j + 1
        elif c in "([{":
            stack.append(c)
            counts["OP"] = counts.get("OP", 0) + 1
            i += 1
        elif c in ")]}":
            opener = stack.pop() if stack else ""
            if (opener + c) not in ("()", "[]", "{}"):
                mismatched += 1
            counts["OP"] = counts.get("OP", 0) + 1
            i += 1
        else:
            if text[i:i + 2] in TWO_CHAR:
                i += 2
            else:
                i += 1
            counts["OP"] = counts.get("OP", 0) + 1
    return sorted(counts.items()), int_sum, longest, len(stack), mismatched


def char_classes(text):
    # a second, simpler scan: characters by class, by ord ranges
    letters = digits = spaces = other = wide = 0
    for ch in text:
        o = ord(ch)
        if o > 127:
            wide += 1
        elif ch.isalpha():
            letters += 1
        elif 48 <= o <= 57:
            digits += 1
        elif ch == " " or ch == "\n":
            spaces += 1
        else:
            other += 1
    return letters, digits, spaces, other, wide


# warm-up (untimed): small calls, so whatever the JIT compiles is compiled before the timed part
ws = make_source(300, 11)
warm = (tokenize(ws), char_classes(ws))

source = make_source(80_000, 777)
t0 = time.perf_counter()
r1 = tokenize(source)
r2 = char_classes(source)
t1 = time.perf_counter()
sys.stderr.write("@loop-seconds %r\n" % (t1 - t0))
print(warm)
print(len(source), r1)
print(r2)
