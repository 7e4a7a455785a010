"""Random programs over issue 9's data: objects, lists of objects, dicts and strs.

``program(seed)`` returns the source of one program, the same for the same seed. Its
loop (``for`` over a range or a ``while``, in ``main()`` or at module level) runs 50 to
3000 iterations of two to six random statements among:

- reads and writes of an object's number attributes (``p.x``, ``p.v += ...``), method
  calls that read a class number through ``self`` (``self.scale``), a ``super()`` call,
  a property, a ``__slots__`` object's slot;
- objects taken from a list of objects by index, followed by a link that may be None
  (``p.nxt is not None``), made (``Pt(...)``, a subclass's), appended and popped;
- dicts with int and one-character str keys (``d.get(k, 0) + 1``, ``in``, ``len``), and a
  ``for`` over one that may add a key (CPython's RuntimeError);
- a str's characters by index, by ``for``, sliced, compared, ``in``, ``ord``/``chr``,
  ``startswith``/``endswith``, non-ASCII characters, a str built by ``+``;
- a list of lists, a list of tuples, an alias of a list written through;
- what the JIT must see happen between entries or leave for: a class number and a method
  rebound on the class, an attribute added to and deleted from an object, a link cut;
- ``if``/``else``, ``break``/``continue``, a nested ``for`` (two deep), a generator
  expression and a list comprehension over the objects.

At the end it prints every variable (floats with ``repr``), the objects' attributes and
types, and the dicts sorted. Every operation is on small ints (products reduced mod
primes, divisors kept non-zero), so a program finishes in well under a second under
CPython; a program may still raise (an index, an attribute made to be missing), and
then Tauraro must raise the same, with the same traceback.
"""
from __future__ import annotations

import random

INT_EXPRS = ["i", "j", "k", "n", "p.x", "p.y", "q.x", "len(ps)", "len(d)", "len(s)", "acc", "ord(s[i % len(s)])",
             "d.get(i % 7, 0)", "d.get(k, -1)", "ps[i % len(ps)].x", "ps[-1].y", "cnt"]
FLOAT_EXPRS = ["p.v", "q.v", "ps[i % len(ps)].v", "fa", "p.v * 0.5", "fa + 1.5"]


def rexpr(r, depth=0):
    if depth > 1 or r.random() < 0.4:
        return r.choice(INT_EXPRS)
    op = r.choice(["+", "-", "*", "//", "%", "&", "|", "^"])
    a, b = rexpr(r, depth + 1), rexpr(r, depth + 1)
    if op in ("//", "%"):
        return "(%s %s (abs(%s) + 1))" % (a, op, b)
    if op == "*":
        return "((%s) %% 1009 * (%s) %% 1013)" % (a, b)
    return "(%s %s %s)" % (a, op, b)


def rcond(r):
    c = r.choice([
        "%s < %s" % (rexpr(r), rexpr(r)), "%s == %s" % (rexpr(r), rexpr(r)), "%s %% 3 == 0" % rexpr(r),
        "p is q", "p is not None", "q.nxt is None", "p.nxt is not None", "(i % 5) in d", "s[i % len(s)] == 'a'",
        "s[i % len(s)] < 'm'", "s.startswith('ab')", "s.endswith(s[-1])", "'%s' in s" % r.choice("abcxé"),
        "isinstance(p, Pt)", "isinstance(q, Sub)", "%s > %s" % (r.choice(FLOAT_EXPRS), r.choice(FLOAT_EXPRS)),
    ])
    return c


def rstmt(r, ind, depth):
    pad = "    " * ind
    k = r.random()
    lines = []
    if k < 0.10:
        lines.append("%sacc += %s" % (pad, rexpr(r)))
    elif k < 0.18:
        lines.append("%sp.x = %s" % (pad, rexpr(r)))
    elif k < 0.24:
        lines.append("%sp.v += %s" % (pad, r.choice(FLOAT_EXPRS + ["0.25", "1.0 / (abs(p.v) + 1.0)"])))
    elif k < 0.30:
        lines.append("%sp = ps[%s %% len(ps)]" % (pad, rexpr(r)))
    elif k < 0.34:
        lines.append("%sq = p.nxt if p.nxt is not None else q" % pad)
    elif k < 0.40:
        lines.append("%sd[%s %% 11] = d.get(%s %% 11, 0) + 1" % (pad, rexpr(r), rexpr(r)))
    elif k < 0.44:
        lines.append("%sw = s[i %% len(s)]" % pad)
        lines.append("%sdw[w] = dw.get(w, 0) + 1" % pad)
    elif k < 0.48:
        lines.append("%scnt += p.step(%s)" % (pad, rexpr(r)))
    elif k < 0.52:
        lines.append("%sfa = fa * 0.5 + q.mag()" % pad)
    elif k < 0.56:
        lines.append("%sps.append(Pt(%s, %s))" % (pad, rexpr(r), rexpr(r)))
    elif k < 0.59:
        lines.append("%sif len(ps) > 3: last = ps.pop()" % pad)
    elif k < 0.62:
        lines.append("%sout.append(s[i %% len(s)])" % pad)
    elif k < 0.65:
        lines.append("%st = t + chr(97 + %s %% 26)" % (pad, rexpr(r)))
    elif k < 0.67:
        lines.append("%sif %s: ps[i %% len(ps)] = Sub(%s, 2)" % (pad, rcond(r), rexpr(r)))
    elif k < 0.69:
        lines.append("%sif i == %d: Pt.scale = %d" % (pad, r.randrange(50), r.randrange(1, 5)))
    elif k < 0.70:
        lines.append("%sif i == %d: Pt.step = lambda self, a: a %% 3" % (pad, r.randrange(60)))
    elif k < 0.71:
        lines.append("%sif i == %d: p.extra = i" % (pad, r.randrange(60)))
    elif k < 0.72:
        lines.append("%sif i == %d and hasattr(p, 'extra'): del p.extra" % (pad, r.randrange(60)))
    elif k < 0.74:
        lines.append("%sif i == %d: ps[0].nxt = None" % (pad, r.randrange(60)))
    elif k < 0.76:
        lines.append("%sif i == %d: s = s + 'é€'" % (pad, r.randrange(60)))
    elif k < 0.765:
        lines.append("%sg[%s %% 3][%s %% 4] += 1" % (pad, rexpr(r), rexpr(r)))
    elif k < 0.77:
        lines.append("%stp.append((i, acc %% 7))" % pad)
    elif k < 0.775:
        lines.append("%sfor a1, b1 in tp[-3:]: cnt += a1 - b1" % pad)
    elif k < 0.78:
        lines.append("%ssp.u = (sp.u + %s) %% 1000" % (pad, rexpr(r)))
    elif k < 0.785:
        lines.append("%sacc += p.area %% 1000" % pad)
    elif k < 0.79:
        lines.append("%sal = ps; al[%s %% len(al)] = ps[-1]" % (pad, rexpr(r)))
    elif k < 0.795:
        lines.append("%sif s[i %% len(s):i %% len(s) + 2] == 'ab': cnt += 1" % pad)
    elif k < 0.80:
        lines.append("%sfor kk in d:" % pad)
        lines.append("%s    cnt += d[kk]" % pad)
        if r.random() < 0.3:
            lines.append("%s    if cnt %% 97 == 5: d[kk + 100] = 1" % pad)
    elif k < 0.80 and depth < 2:
        lines.append("%sfor j in range(%s %% 5):" % (pad, rexpr(r)))
        for _ in range(r.randrange(1, 3)):
            lines += rstmt(r, ind + 1, depth + 1)
    elif k < 0.83 and depth < 2:
        lines.append("%sfor e in ps:" % pad)
        lines.append("%s    acc += e.x - e.y" % pad)
        if r.random() < 0.5:
            lines.append("%s    if e.nxt is None: cnt += 1" % pad)
    elif k < 0.86 and depth < 2:
        lines.append("%sfor ch in s:" % pad)
        lines.append("%s    if ch in 'aeiou': cnt += 1" % pad)
    elif k < 0.90:
        lines.append("%sif %s:" % (pad, rcond(r)))
        for _ in range(r.randrange(1, 3)):
            lines += rstmt(r, ind + 1, depth + 1)
        if r.random() < 0.5:
            lines.append("%selse:" % pad)
            lines += rstmt(r, ind + 1, depth + 1)
    elif k < 0.93:
        lines.append("%sif %s: continue" % (pad, rcond(r)))
    elif k < 0.95:
        lines.append("%sif %s: break" % (pad, rcond(r)))
    elif k < 0.97:
        lines.append("%sacc += sum(e.x for e in ps) %% 1000" % pad)
    else:
        lines.append("%sm = [e.y * 2 for e in ps if e.x %% 2]" % pad)
        lines.append("%sacc += len(m)" % pad)
    return lines


HEADER = '''
class Pt:
    scale = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.v = x * 0.5
        self.nxt = None
    def step(self, a):
        self.x = (self.x + a * self.scale) % 100003
        return self.x % 7
    def mag(self):
        return abs(self.v) ** 0.5
    @property
    def area(self):
        return self.x * self.y

class SlotPt:
    __slots__ = ("u", "w")
    def __init__(self, u):
        self.u = u
        self.w = u * 2

class Sub(Pt):
    def step(self, a):
        return super().step(a) + 1

def state(ps, d, dw, s, t, acc, cnt, fa, out):
    print(acc, cnt, repr(fa), sorted(d.items()), sorted(dw.items()), s, t[-20:], len(t), ''.join(out[-10:]), len(out))
    print([(e.x, e.y, repr(e.v), type(e).__name__, e.nxt is None, getattr(e, 'extra', '-')) for e in ps[:12]], len(ps))
'''


def program(seed):
    r = random.Random(seed)
    lines = [HEADER]
    fn = r.random() < 0.8
    body = []
    body.append("ps = [Pt(%d * i %% 17, i) for i in range(%d)]" % (r.randrange(1, 9), r.randrange(3, 9)))
    body.append("for a, b in zip(ps, ps[1:]): a.nxt = b")
    body.append("g = [[0] * 4 for _ in range(3)]; tp = [(1, 2)]; sp = SlotPt(3); al = ps")
    body.append("p = ps[0]; q = ps[-1]; d = {}; dw = {}; s = %r; t = ''; acc = 0; cnt = 0; fa = 1.0; out = []; n = %d; k = 3; last = None; i = 0; j = 0"
                % (r.choice(["abcabcxyz", "hello world", "abécédaire", "aaaa", "zebra€ab", "mississippi"]), r.randrange(50, 3000)))
    loop = r.choice(["for i in range(n):", "while i < n:"])
    body.append(loop)
    inner = []
    for _ in range(r.randrange(2, 7)):
        inner += rstmt(r, 1, 0)
    if loop.startswith("while"):
        inner.insert(0, "    i += 1")
    body += inner
    body.append("state(ps, d, dw, s, t, acc, cnt, fa, out)")
    body.append("print(g, tp[-5:], len(tp), sp.u, sp.w, al is ps)")
    if fn:
        lines.append("def main():")
        lines += ["    " + l for l in body]
        lines.append("main()")
    else:
        lines += body
    return "\n".join(lines) + "\n"
