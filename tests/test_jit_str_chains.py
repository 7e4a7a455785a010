"""Strs made only to make another at once (``prev + " " + w``'s ``prev + " "``: emit
``_str_chains``) are not made canonical; the last str of the chain is, and gives back the
heap from before the first when an equal str was there already. Each program is compared
with CPython on stdout, exit code and the whole of stderr: chains of two and three
concatenations keyed into dicts, a chain whose last step gives the first str back (an
empty operand), chains whose words repeat (the heap given back at every iteration) and
ones whose keys are new (kept), an exit in the middle of a chain (a word past ASCII that
``lower()`` leaves to the interpreter), and the strs' identity after the loop; the unit
test reads which instructions a recorded graph chains."""
from test_jit import Result
from test_jit_lazy_split import _row

from tauraro.jit.emit import _str_chains

_TEXT = '''
    WORDS = "the cat sat on the mat and the dog ran to the door of the barn".split()

    def words(n, seed=3):
        s = seed
        out = []
        for i in range(n):
            s = (s * 1103515245 + 12345) & 0x7FFFFFFF
            out.append(WORDS[(s >> 4) % len(WORDS)])
        return out
'''


def test_chains_of_concatenations_keyed_into_dicts(tmp_path):
    r = Result(tmp_path, _TEXT + """
    def pairs(text):
        seen = {}
        prev = ""
        for w in text.split():
            if prev:
                key = prev + " " + w
                seen[key] = seen.get(key, 0) + 1
            prev = w
        return len(seen), sorted(seen.items())[:5], key

    def triples(text, sep):
        seen = {}
        a = b = ""
        for w in text.split():
            key = a + sep + b + sep + w
            seen[key] = seen.get(key, 0) + 1
            a, b = b, w
        return len(seen), max(seen.items(), key=lambda kv: (kv[1], kv[0])), key

    def tails(text, pad):
        seen = {}
        last = None
        for w in text.split():
            key = pad + w + pad     # (pad empty: the chain's last step gives its first str back)
            seen[key] = seen.get(key, 0) + 1
            last = key
        return len(seen), sorted(seen.items())[:3], last

    text = " ".join(words(40_000))
    for k in range(2):
        print(pairs(text))
        print(triples(text, "/"), triples(text, ""))
        print(tails(text, ""), tails(text, "-"))
    fresh = " ".join("w%d" % (i * 7919 % 50_000) for i in range(50_000))      # (keys mostly new)
    print(pairs(fresh)[0], triples(fresh, "+")[0])
    """, "--jit-threshold", "50").same()
    for function in ("pairs", "triples", "tails"):
        assert _row(r, function)["native_iterations"] >= 35_000, _row(r, function)


def test_an_exit_in_the_middle_of_a_chain(tmp_path):
    # lower() of a word past ASCII leaves native code with the chain's first str made: the
    # interpreter finishes the iteration from it
    Result(tmp_path, _TEXT + """
    def keys(text):
        seen = {}
        prev = "<s>"
        for w in text.split():
            key = (prev + "|" + w).lower()
            seen[key] = seen.get(key, 0) + 1
            prev = w
        return len(seen), sorted(seen.items())[-3:]

    ws = words(30_000, 5)
    print(keys(" ".join(ws)))
    ws[20_000] = "Caf\\u00c9"
    print(keys(" ".join(ws)))
    """, "--jit-threshold", "50").same()


def test_the_chains_of_a_graph():
    # ``prev + " " + w``: the first concatenation is chained to the second, whose str is
    # kept (made canonical); a store between them, or the first kept in a variable read
    # after, and there is no chain
    from tauraro.jit.ir.graph import Block, Graph, Ins
    g = Graph.__new__(Graph)
    g.interning = True
    g.preheader = []
    a, c = Ins("addr", imm=64), Ins("addr", imm=128)
    x = Ins("str_concat", (a, Ins("int", imm=0), Ins("addr", imm=0), Ins("int", imm=32)), imm=2)
    y = Ins("str_concat", (x, Ins("int", imm=0), c, Ins("int", imm=0)), imm=0)
    z = Ins("seq_len", (y,))
    b = Block(0, "b0")
    g.blocks = {0: b}
    b.instrs = [x, y, z]
    assert _str_chains(g) == {y: x}
    b.instrs = [x, Ins("store_int", (c, Ins("int", imm=1))), y, z]
    assert _str_chains(g) == {}
    g.interning = False
    b.instrs = [x, y, z]
    assert _str_chains(g) == {}
