# eval/exec/locals/vars/dir run through Tauraro's own compiler
x = 10
print(eval("x + 1"), eval("y * 2", {"y": 4}), eval("a + b", {"a": 1}, {"b": 2}))
exec("z = x * 3")
print(z)
ns = {}
exec("def f(n):\n    return n * 2\nq = f(21)", ns)
print(ns["q"], sorted(k for k in ns if k != "__builtins__"))
def g(a, b=2):
    c = a + b
    print(sorted(locals().items()), eval("a * c"))
    print(dir())
g(5)
class K:
    p = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
print(vars(K)["p"])
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
