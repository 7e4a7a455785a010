# a tokenizer and recursive-descent calculator
import re
TOKEN = re.compile(r"\s*(?:(\d+\.\d*|\d+)|(\*\*|[-+*/%()^,])|([a-z]+))")
def tokenize(s):
    pos = 0
    out = []
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m:
            raise SyntaxError("bad char %r at %d" % (s[pos], pos))
        num, op, name = m.groups()
        if num:
            out.append(("num", float(num) if "." in num else int(num)))
        elif op:
            out.append(("op", op))
        else:
            out.append(("name", name))
        pos = m.end()
    return out
class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0
    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)
    def take(self):
        t = self.peek()
        self.i += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op = self.take()[1]
            r = self.factor()
            if op == "*":
                v *= r
            elif op == "/":
                v /= r
            else:
                v %= r
        return v
    def factor(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek()[1] in ("**", "^"):
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return val
        if kind == "name":
            if self.take()[1] != "(":
                raise SyntaxError("expected (")
            args = [self.expr()]
            while self.peek()[1] == ",":
                self.take()
                args.append(self.expr())
            self.take()
            return self.FUNCS[val](*args)
        if val == "(":
            v = self.expr()
            if self.take()[1] != ")":
                raise SyntaxError("expected )")
            return v
        raise SyntaxError("unexpected %r" % (val,))
def calc(s):
    p = Parser(tokenize(s))
    v = p.expr()
    if p.i != len(p.toks):
        raise SyntaxError("trailing tokens")
    return v
exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ^ 2", "10 / 4", "10 % 4 - -3", "max(1, 7, 3) * min(4, 2)",
         "abs(-3.5) + 0.25", "2 ** 100", "((((5))))", "1 +", "3 $ 4", "(1 + 2", "1 / 0", "7 7"]
for e in exprs:
    try:
        print("%-26s = %r" % (e, calc(e)))
    except SyntaxError as err:
        print("%-26s ! SyntaxError: %s" % (e, err))
    except ZeroDivisionError as err:
        print("%-26s ! ZeroDivisionError: %s" % (e, err))
print(tokenize("max(2.5,x)"))
