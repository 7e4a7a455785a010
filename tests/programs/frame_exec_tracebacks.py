# code run by exec / eval / compile: the tracebacks name "<string>" and custom
# file names with their own line numbers, mixed with the program's frames
import traceback

source = """
def helper(v):
    return 10 / v

result = helper(5)
"""
ns = {}
exec(source, ns)
print(ns["result"], ns["helper"].__code__.co_filename, ns["helper"].__code__.co_firstlineno)

try:
    eval("1 + [][0]")
except IndexError:
    traceback.print_exc()

code = compile("x = 1\ny = x / 0\n", "generated.py", "exec")
try:
    exec(code, {})
except ZeroDivisionError:
    traceback.print_exc()


def run_snippet(text):
    scope = {}
    exec(text, scope)
    return scope


try:
    run_snippet("def f():\n    raise ValueError('from snippet')\nf()\n")
except ValueError as e:
    print([(fs.filename, fs.lineno, fs.name) for fs in traceback.extract_tb(e.__traceback__)])

print(eval("sum(x * x for x in range(n))", {"n": 4}))
try:
    compile("def broken(:\n    pass\n", "broken_source.py", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.lineno, e.offset)
    print("".join(traceback.format_exception_only(type(e), e)), end="")
ns["helper"](0)
