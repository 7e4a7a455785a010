"""A tokenizer, Pratt parser and tree-walking interpreter for a tiny language.

Workload: a tiny interpreter. Source text of a small imperative language
(integers, strings, variables, ``while``/``if``/``else``, functions with
recursion, ``return``, ``print``, lists with indexing) is tokenised by a
hand-written scanner, parsed by a Pratt (precedence-climbing) expression parser
plus recursive-descent statements into AST node objects, and evaluated by
method dispatch on node classes with environments as chained dicts. Programs
run in the toy language: primes by trial division, recursive Fibonacci,
Euclid's gcd table, a bubble sort, and string building. A separate
expression-only evaluator checks arithmetic expressions against Python's own
``eval`` on generated expressions.
"""
import random


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line

    def __repr__(self):
        return "%s:%r" % (self.kind, self.text)


KEYWORDS = {"let", "fn", "while", "if", "else", "return", "print", "and", "or", "not"}
TWO_CHAR = {"==", "!=", "<=", ">=", "//"}
ONE_CHAR = set("+-*/%<>=(){}[],;")


def tokenize(src):
    tokens = []
    i, n, line = 0, len(src), 1
    while i < n:
        ch = src[i]
        if ch == "\n":
            line += 1
            i += 1
        elif ch in " \t\r":
            i += 1
        elif ch == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif ch.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(Token("num", src[i:j], line))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(Token("kw" if word in KEYWORDS else "name", word, line))
            i = j
        elif ch == '"':
            j = i + 1
            while src[j] != '"':
                j += 1
            tokens.append(Token("str", src[i + 1:j], line))
            i = j + 1
        elif src[i:i + 2] in TWO_CHAR:
            tokens.append(Token("op", src[i:i + 2], line))
            i += 2
        elif ch in ONE_CHAR:
            tokens.append(Token("op", ch, line))
            i += 1
        else:
            raise SyntaxError("bad character %r on line %d" % (ch, line))
    tokens.append(Token("eof", "", line))
    return tokens


# ---- AST ---------------------------------------------------------------

class Num:
    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value


class Str(Num):
    pass


class Name:
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return env.lookup(self.name)


class Binary:
    OPS = {
        "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
        "//": lambda a, b: a // b, "/": lambda a, b: a // b, "%": lambda a, b: a % b,
        "<": lambda a, b: a < b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
        ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
    }

    def __init__(self, op, left, right):
        self.op = op
        self.fn = self.OPS[op]
        self.left = left
        self.right = right

    def eval(self, env):
        return self.fn(self.left.eval(env), self.right.eval(env))


class Logical:
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env):
        v = self.left.eval(env)
        if self.op == "and":
            return self.right.eval(env) if v else v
        return v if v else self.right.eval(env)


class Unary:
    def __init__(self, op, operand):
        self.op = op
        self.operand = operand

    def eval(self, env):
        v = self.operand.eval(env)
        return -v if self.op == "-" else (not v)


class Call:
    def __init__(self, callee, args):
        self.callee = callee
        self.args = args

    def eval(self, env):
        fn = self.callee.eval(env)
        args = [a.eval(env) for a in self.args]
        return fn.call(args)


class ListLit:
    def __init__(self, items):
        self.items = items

    def eval(self, env):
        return [i.eval(env) for i in self.items]


class Index:
    def __init__(self, target, index):
        self.target = target
        self.index = index

    def eval(self, env):
        return self.target.eval(env)[self.index.eval(env)]


class Let:
    def __init__(self, name, expr):
        self.name = name
        self.expr = expr

    def exec(self, env):
        env.define(self.name, self.expr.eval(env))


class Assign:
    def __init__(self, target, expr):
        self.target = target
        self.expr = expr

    def exec(self, env):
        value = self.expr.eval(env)
        if isinstance(self.target, Name):
            env.assign(self.target.name, value)
        else:
            self.target.target.eval(env)[self.target.index.eval(env)] = value


class ExprStmt:
    def __init__(self, expr):
        self.expr = expr

    def exec(self, env):
        self.expr.eval(env)


class Print:
    def __init__(self, args):
        self.args = args

    def exec(self, env):
        env.output.append(" ".join(str(a.eval(env)) for a in self.args))


class Block:
    def __init__(self, stmts):
        self.stmts = stmts

    def exec(self, env):
        for s in self.stmts:
            s.exec(env)


class While:
    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def exec(self, env):
        while self.cond.eval(env):
            self.body.exec(env)


class If:
    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def exec(self, env):
        if self.cond.eval(env):
            self.then.exec(env)
        elif self.orelse is not None:
            self.orelse.exec(env)


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class Return:
    def __init__(self, expr):
        self.expr = expr

    def exec(self, env):
        raise ReturnSignal(self.expr.eval(env) if self.expr is not None else None)


class FnDef:
    def __init__(self, name, params, body):
        self.name = name
        self.params = params
        self.body = body

    def exec(self, env):
        env.define(self.name, Function(self, env))


class Function:
    def __init__(self, decl, closure):
        self.decl = decl
        self.closure = closure

    def call(self, args):
        env = Env(self.closure)
        for p, a in zip(self.decl.params, args):
            env.vars[p] = a
        try:
            self.decl.body.exec(env)
        except ReturnSignal as r:
            return r.value
        return None


class Builtin:
    def __init__(self, fn):
        self.fn = fn

    def call(self, args):
        return self.fn(*args)


class Env:
    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent
        self.output = parent.output if parent is not None else []

    def lookup(self, name):
        env = self
        while env is not None:
            if name in env.vars:
                return env.vars[name]
            env = env.parent
        raise NameError(name)

    def define(self, name, value):
        self.vars[name] = value

    def assign(self, name, value):
        env = self
        while env is not None:
            if name in env.vars:
                env.vars[name] = value
                return
            env = env.parent
        raise NameError(name)


# ---- parser ------------------------------------------------------------

PRECEDENCE = {"or": 1, "and": 2, "==": 3, "!=": 3, "<": 4, ">": 4, "<=": 4, ">=": 4,
              "+": 5, "-": 5, "*": 6, "/": 6, "//": 6, "%": 6}


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def accept(self, text):
        if self.tokens[self.pos].text == text and self.tokens[self.pos].kind in ("op", "kw"):
            self.pos += 1
            return True
        return False

    def expect(self, text):
        if not self.accept(text):
            tok = self.peek()
            raise SyntaxError("expected %r, got %r on line %d" % (text, tok.text, tok.line))

    def program(self):
        stmts = []
        while self.peek().kind != "eof":
            stmts.append(self.statement())
        return Block(stmts)

    def block(self):
        self.expect("{")
        stmts = []
        while not self.accept("}"):
            stmts.append(self.statement())
        return Block(stmts)

    def statement(self):
        tok = self.peek()
        if tok.kind == "kw":
            if self.accept("let"):
                name = self.next().text
                self.expect("=")
                expr = self.expression(0)
                self.expect(";")
                return Let(name, expr)
            if self.accept("while"):
                cond = self.expression(0)
                return While(cond, self.block())
            if self.accept("if"):
                cond = self.expression(0)
                then = self.block()
                orelse = None
                if self.accept("else"):
                    orelse = self.statement() if self.peek().text == "if" else self.block()
                return If(cond, then, orelse)
            if self.accept("fn"):
                name = self.next().text
                self.expect("(")
                params = []
                while not self.accept(")"):
                    params.append(self.next().text)
                    self.accept(",")
                return FnDef(name, params, self.block())
            if self.accept("return"):
                expr = None if self.peek().text == ";" else self.expression(0)
                self.expect(";")
                return Return(expr)
            if self.accept("print"):
                args = [self.expression(0)]
                while self.accept(","):
                    args.append(self.expression(0))
                self.expect(";")
                return Print(args)
        expr = self.expression(0)
        if self.accept("="):
            value = self.expression(0)
            self.expect(";")
            return Assign(expr, value)
        self.expect(";")
        return ExprStmt(expr)

    def expression(self, min_prec):
        left = self.unary()
        while True:
            tok = self.peek()
            prec = PRECEDENCE.get(tok.text)
            if prec is None or prec <= min_prec or tok.kind not in ("op", "kw"):
                return left
            self.next()
            right = self.expression(prec)
            if tok.text in ("and", "or"):
                left = Logical(tok.text, left, right)
            else:
                left = Binary(tok.text, left, right)

    def unary(self):
        if self.accept("-"):
            return Unary("-", self.unary())
        if self.accept("not"):
            return Unary("not", self.unary())
        return self.postfix(self.primary())

    def postfix(self, expr):
        while True:
            if self.accept("("):
                args = []
                while not self.accept(")"):
                    args.append(self.expression(0))
                    self.accept(",")
                expr = Call(expr, args)
            elif self.accept("["):
                idx = self.expression(0)
                self.expect("]")
                expr = Index(expr, idx)
            else:
                return expr

    def primary(self):
        tok = self.next()
        if tok.kind == "num":
            return Num(int(tok.text))
        if tok.kind == "str":
            return Str(tok.text)
        if tok.kind == "name":
            return Name(tok.text)
        if tok.text == "(":
            e = self.expression(0)
            self.expect(")")
            return e
        if tok.text == "[":
            items = []
            while not self.accept("]"):
                items.append(self.expression(0))
                self.accept(",")
            return ListLit(items)
        raise SyntaxError("unexpected %r on line %d" % (tok.text, tok.line))


PROGRAM = """
# primes by trial division
fn is_prime(n) {
    if n < 2 { return 0; }
    let d = 2;
    while d * d <= n {
        if n % d == 0 { return 0; }
        d = d + 1;
    }
    return 1;
}
let count = 0;
let i = 0;
let last = 0;
while i < LIMIT {
    if is_prime(i) { count = count + 1; last = i; }
    i = i + 1;
}
print "primes below", LIMIT, ":", count, "largest", last;

fn fib(n) { if n < 2 { return n; } return fib(n - 1) + fib(n - 2); }
print "fib", FIB, "=", fib(FIB);

fn gcd(a, b) { while b != 0 { let t = b; b = a % b; a = t; } return a; }
let total = 0;
let a = 1;
while a <= 60 {
    let b = 1;
    while b <= 60 { total = total + gcd(a, b); b = b + 1; }
    a = a + 1;
}
print "sum of gcd table", total;

let xs = [];
let k = 0;
let seed = 12345;
while k < 120 {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    xs = xs + [seed % 1000];
    k = k + 1;
}
let swapped = 1;
while swapped {
    swapped = 0;
    let j = 0;
    while j < len(xs) - 1 {
        if xs[j] > xs[j + 1] {
            let t = xs[j]; xs[j] = xs[j + 1]; xs[j + 1] = t; swapped = 1;
        }
        j = j + 1;
    }
}
print "sorted head", xs[0], xs[1], xs[2], "tail", xs[len(xs) - 1];

fn make_adder(n) { fn add(x) { return x + n; } return add; }
let add7 = make_adder(7);
let s = "";
let m = 0;
while m < 30 { s = s + str(add7(m) % 10); m = m + 1; }
print "digits", s;
print "logic", 1 and 0 or 5, not 0, -3 // 2, -3 % 2;
"""


def run_program(source, **consts):
    tokens = tokenize(source)
    tree = Parser(tokens).program()
    env = Env()
    env.define("len", Builtin(len))
    env.define("str", Builtin(str))
    for k, v in consts.items():
        env.define(k, v)
    tree.exec(env)
    return env.output, len(tokens)


def random_expr(rng, depth):
    if depth == 0 or rng.random() < 0.25:
        return str(rng.randrange(1, 50))
    op = ["+", "-", "*", "//", "%", "<", "=="][rng.randrange(7)]
    left = random_expr(rng, depth - 1)
    right = random_expr(rng, depth - 1)
    if op in ("//", "%"):
        right = "(%s * 0 + %d)" % (right, rng.randrange(1, 9))
    if rng.random() < 0.2:
        return "-(%s %s %s)" % (left, op, right)
    return "(%s %s %s)" % (left, op, right)


def main():
    output, ntokens = run_program(PROGRAM, LIMIT=26000, FIB=24)
    for line in output:
        print(line)
    print("tokens:", ntokens)
    rng = random.Random(3)
    agree = 0
    total = 0
    for _ in range(1500):
        src = random_expr(rng, 6)
        expr = Parser(tokenize(src)).expression(0)
        mine = expr.eval(Env())
        theirs = eval(src.replace("==", "=="), {})
        if int(mine) == int(theirs):
            agree += 1
        total = (total + int(mine)) % 1000000007
    print("random expressions agreeing with Python:", agree, "of 1500; checksum", total)


if __name__ == "__main__":
    main()
