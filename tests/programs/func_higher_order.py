# higher-order functions: functions as values, returning functions, callbacks
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"), apply_n(lambda s: s + "!", 3, "hi"))
def pipeline(*funcs):
    def run(x):
        for f in funcs:
            x = f(x)
        return x
    return run
clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello Big World  "))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(float(tok) if "." in tok else int(tok))
    return stack[0]
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("1.5 2 /"))
def on_event(handlers, event, *args):
    return [h(event, *args) for h in handlers]
handlers = [lambda e, *a: "log:" + e, lambda e, *a: "%s x%d" % (e, len(a))]
print(on_event(handlers, "click", 1, 2))
def memoize(f):
    memo = {}
    def g(*args):
        if args not in memo:
            memo[args] = f(*args)
        return memo[args]
    return g
@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16))
def flip(f):
    return lambda a, b: f(b, a)
print(flip(pow)(2, 10), flip(lambda a, b: a - b)(1, 10))
def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def size():
        return len(items)
    return {"push": push, "pop": pop, "size": size}
st = make_stack()
st["push"](1); st["push"](2); st["push"](3)
print(st["pop"](), st["size"]())
funcs = [len, str.upper, sorted, reversed, sum]
args = ["hello", "hello", "hello", "hello", [1, 2, 3]]
print([f(a) if f is not reversed else list(f(a)) for f, a in zip(funcs, args)])
print(sorted(["aa", "b", "cccc"], key=len), list(map(max, [1, 5], [3, 2])), list(filter(str.isdigit, "a1b2c3")))
print((lambda f: f(f, 10))(lambda self, n: 1 if n == 0 else n * self(self, n - 1)))
