# the traceback module inside a function inside a loop: print_exc, format_exc,
# print_stack, extract_stack, walk_stack, TracebackException
import sys
import traceback


def risky(i):
    if i == 1:
        return {}["missing"]
    if i == 2:
        return int("two")
    return i * 10


def report(i):
    try:
        value = risky(i)
    except Exception:
        if i == 1:
            traceback.print_exc()
        else:
            text = traceback.format_exc()
            print("format_exc gave %d lines, last: %s" % (len(text.splitlines()), text.splitlines()[-1]))
            sys.stdout.write(text)
        return None
    print("value", value)
    print("stack at report(%d):" % i)
    traceback.print_stack(file=sys.stdout)
    for fs in traceback.extract_stack():
        print("  frame", fs.name, fs.lineno, repr(fs.line))
    return value


def loop():
    results = []
    for i in range(4):
        results.append(report(i))
    return results


print(loop())


def where():
    return [(f.f_code.co_name, lineno) for f, lineno in traceback.walk_stack(None)]


def outer():
    return where()


print(outer())
traceback.print_stack()

try:
    risky(2)
except ValueError as e:
    te = traceback.TracebackException.from_exception(e)
    print([(f.name, f.lineno, f.line) for f in te.stack])
    print("".join(te.format_exception_only()), end="")
    summary = traceback.extract_tb(e.__traceback__)
    print(traceback.format_list(summary))
    print(traceback.format_exception(type(e), e, e.__traceback__, limit=1))
