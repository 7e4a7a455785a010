"""A mini regular-expression engine: parser, backtracking matcher and Thompson NFA.

Workload: a mini regex matcher. Patterns with literals, ``.``, character
classes (``[a-z0-9_]``, negated ``[^...]``), escapes (``\\d \\w \\s``), groups,
alternation ``|``, and the quantifiers ``* + ?`` (greedy) and anchors ``^ $``
are parsed by recursive descent into AST tuples. Two matchers must agree: a
backtracking matcher written with continuation closures, and a Thompson
construction (NFA of state objects) simulated with state sets. Both are also
checked against Python's ``re`` module (``re.search``) on generated strings.
"""
import random
import re


class RegexError(Exception):
    pass


# ---- parser: AST nodes are tuples -----------------------------------------
# ("char", c) ("any",) ("class", frozenset/ranges, negated) ("cat", [nodes])
# ("alt", [nodes]) ("star", node) ("plus", node) ("opt", node) ("bol",) ("eol",)

DIGITS = [("0", "9")]
WORD = [("a", "z"), ("A", "Z"), ("0", "9"), ("_", "_")]
SPACE = [(" ", " "), ("\t", "\t"), ("\n", "\n"), ("\r", "\r"), ("\f", "\f"), ("\v", "\v")]


class Parser:
    def __init__(self, pattern):
        self.p = pattern
        self.i = 0

    def parse(self):
        node = self.alternation()
        if self.i != len(self.p):
            raise RegexError("unexpected %r at %d" % (self.p[self.i], self.i))
        return node

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def alternation(self):
        branches = [self.concat()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.concat())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def concat(self):
        items = []
        while self.peek() is not None and self.peek() not in "|)":
            items.append(self.repeat())
        return ("cat", items)

    def repeat(self):
        atom = self.atom()
        while self.peek() is not None and self.peek() in "*+?":
            op = self.p[self.i]
            self.i += 1
            atom = ({"*": "star", "+": "plus", "?": "opt"}[op], atom)
        return atom

    def atom(self):
        ch = self.p[self.i]
        self.i += 1
        if ch == "(":
            node = self.alternation()
            if self.peek() != ")":
                raise RegexError("missing )")
            self.i += 1
            return node
        if ch == ".":
            return ("any",)
        if ch == "^":
            return ("bol",)
        if ch == "$":
            return ("eol",)
        if ch == "[":
            return self.char_class()
        if ch == "\\":
            return self.escape()
        if ch in "*+?":
            raise RegexError("nothing to repeat")
        return ("char", ch)

    def escape(self):
        ch = self.p[self.i]
        self.i += 1
        if ch == "d":
            return ("class", DIGITS, False)
        if ch == "w":
            return ("class", WORD, False)
        if ch == "s":
            return ("class", SPACE, False)
        return ("char", ch)

    def char_class(self):
        negated = False
        if self.peek() == "^":
            negated = True
            self.i += 1
        ranges = []
        first = True
        while first or self.peek() != "]":
            first = False
            if self.peek() is None:
                raise RegexError("unterminated class")
            lo = self.p[self.i]
            self.i += 1
            if lo == "\\":
                esc = self.escape()
                if esc[0] == "class":
                    ranges.extend(esc[1])
                    continue
                lo = esc[1]
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                hi = self.p[self.i + 1]
                self.i += 2
                ranges.append((lo, hi))
            else:
                ranges.append((lo, lo))
        self.i += 1
        return ("class", ranges, negated)


def class_match(ranges, negated, ch):
    for lo, hi in ranges:
        if lo <= ch <= hi:
            return not negated
    return negated


# ---- backtracking matcher with continuations ---------------------------------

def compile_bt(node):
    """Return m(s, i, k): try to match node at s[i:], calling k(j) on success."""
    kind = node[0]
    if kind == "char":
        c = node[1]
        return lambda s, i, k: i < len(s) and s[i] == c and k(i + 1)
    if kind == "any":
        return lambda s, i, k: i < len(s) and s[i] != "\n" and k(i + 1)
    if kind == "class":
        _, ranges, neg = node
        return lambda s, i, k: i < len(s) and class_match(ranges, neg, s[i]) and k(i + 1)
    if kind == "bol":
        return lambda s, i, k: i == 0 and k(i)
    if kind == "eol":
        return lambda s, i, k: (i == len(s) or (i == len(s) - 1 and s[i] == "\n")) and k(i)
    if kind == "cat":
        parts = [compile_bt(n) for n in node[1]]

        def cat(s, i, k, idx=0):
            if idx == len(parts):
                return k(i)
            return parts[idx](s, i, lambda j: cat(s, j, k, idx + 1))
        return cat
    if kind == "alt":
        branches = [compile_bt(n) for n in node[1]]

        def alt(s, i, k):
            for b in branches:
                if b(s, i, k):
                    return True
            return False
        return alt
    if kind in ("star", "plus", "opt"):
        inner = compile_bt(node[1])
        if kind == "opt":
            return lambda s, i, k: inner(s, i, k) or k(i)

        def star(s, i, k):
            # greedy; refuse empty iterations to avoid infinite loops
            return inner(s, i, lambda j: j != i and star(s, j, k)) or k(i)
        if kind == "star":
            return star
        return lambda s, i, k: inner(s, i, lambda j: star(s, j, k))
    raise RegexError(kind)


def bt_search(matcher, s):
    for start in range(len(s) + 1):
        if matcher(s, start, lambda j: True):
            return True
    return False


# ---- Thompson NFA ------------------------------------------------------------

class State:
    __slots__ = ("kind", "arg", "out", "out2", "ident")
    counter = 0

    def __init__(self, kind, arg=None, out=None, out2=None):
        self.kind = kind      # "char", "any", "class", "split", "bol", "eol", "match"
        self.arg = arg
        self.out = out
        self.out2 = out2
        State.counter += 1
        self.ident = State.counter


class Frag:
    def __init__(self, start, outs):
        self.start = start
        self.outs = outs  # list of (state, attr) to patch


def patch(outs, target):
    for st, attr in outs:
        setattr(st, attr, target)


def build(node):
    kind = node[0]
    if kind in ("char", "any", "class", "bol", "eol"):
        st = State(kind, node[1:] if kind == "class" else (node[1] if kind == "char" else None))
        return Frag(st, [(st, "out")])
    if kind == "cat":
        if not node[1]:
            st = State("split")
            return Frag(st, [(st, "out"), (st, "out2")])
        frags = [build(n) for n in node[1]]
        for a, b in zip(frags, frags[1:]):
            patch(a.outs, b.start)
        return Frag(frags[0].start, frags[-1].outs)
    if kind == "alt":
        frags = [build(n) for n in node[1]]
        start = frags[-1].start
        outs = list(frags[-1].outs)
        for f in reversed(frags[:-1]):
            start = State("split", None, f.start, start)
            outs = f.outs + outs
        return Frag(start, outs)
    inner = build(node[1])
    if kind == "star":
        sp = State("split", None, inner.start, None)
        patch(inner.outs, sp)
        return Frag(sp, [(sp, "out2")])
    if kind == "plus":
        sp = State("split", None, inner.start, None)
        patch(inner.outs, sp)
        return Frag(inner.start, [(sp, "out2")])
    if kind == "opt":
        sp = State("split", None, inner.start, None)
        return Frag(sp, inner.outs + [(sp, "out2")])
    raise RegexError(kind)


def compile_nfa(node):
    frag = build(node)
    match = State("match")
    patch(frag.outs, match)
    return frag.start


def add_state(lst, seen, st, s, i):
    if st is None or st.ident in seen:
        return
    seen.add(st.ident)
    if st.kind == "split":
        add_state(lst, seen, st.out, s, i)
        add_state(lst, seen, st.out2, s, i)
    elif st.kind == "bol":
        if i == 0:
            add_state(lst, seen, st.out, s, i)
    elif st.kind == "eol":
        if i == len(s) or (i == len(s) - 1 and s[i] == "\n"):
            add_state(lst, seen, st.out, s, i)
    else:
        lst.append(st)


def nfa_search(start, s):
    current = []
    seen = set()
    add_state(current, seen, start, s, 0)
    for i in range(len(s) + 1):
        for st in current:
            if st.kind == "match":
                return True
        if i == len(s):
            break
        ch = s[i]
        nxt = []
        seen = set()
        for st in current:
            k = st.kind
            if (k == "char" and st.arg == ch) or (k == "any" and ch != "\n") or \
                    (k == "class" and class_match(st.arg[0], st.arg[1], ch)):
                add_state(nxt, seen, st.out, s, i + 1)
        add_state(nxt, seen, start, s, i + 1)  # unanchored search: a new start at every position
        current = nxt
    return False


PATTERNS = [
    r"ab*c", r"a(b|c)*d", r"^[a-c]+$", r"\d\d?-\d+", r"(foo|bar|baz)+q", r"x.y.z", r"[^aeiou ]+x",
    r"colou?r", r"(a|ab)(c|bcd)(d*)", r"^\w+@\w+\.(com|org)$", r"(ab|a)*b", r"[0-9]+\.[0-9]*",
    r"\s+\w", r"^(a*)*b", r"((a|b)(c|d))+e?", r"[-+]?\d+", r"z+$", r"(x|y|z)(x|y|z)(x|y|z)x",
]


def main():
    rng = random.Random(12)
    patterns = PATTERNS
    alphabet = "abcdxyz01-+.@ qfoubrcemg\n"
    compiled = []
    for p in patterns:
        ast = Parser(p).parse()
        compiled.append((p, compile_bt(ast), compile_nfa(ast), re.compile(p)))
    agree_bt = agree_nfa = total = 0
    hits = {}
    for trial in range(4000):
        length = rng.randrange(0, 24)
        s = "".join(alphabet[rng.randrange(len(alphabet))] for _ in range(length))
        if trial % 3 == 0:
            # splice in a likely match
            samples = ["abbbc", "abcbd", "12-345", "foobarq", "colour", "me@foo.org", "ababab", "3.14",
                       "acdbde", "xyzx", "aaab", "cada"]
            pos = rng.randrange(len(s) + 1)
            s = s[:pos] + samples[rng.randrange(len(samples))] + s[pos:]
        for p, bt, nfa, rx in compiled:
            expected = rx.search(s) is not None
            got_bt = bt_search(bt, s)
            got_nfa = nfa_search(nfa, s)
            total += 1
            agree_bt += got_bt == expected
            agree_nfa += got_nfa == expected
            if expected:
                hits[p] = hits.get(p, 0) + 1
    print("checks:", total, "backtracking agrees:", agree_bt, "nfa agrees:", agree_nfa)
    for p in patterns:
        print("  %-24s matched %4d strings" % (p, hits.get(p, 0)))
    errors = 0
    for bad in ["(ab", "*a", "[abc", "a)"]:
        try:
            Parser(bad).parse()
        except (RegexError, IndexError):
            errors += 1
    print("bad patterns rejected:", errors)


if __name__ == "__main__":
    main()
