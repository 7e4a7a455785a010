# contextlib.contextmanager and exceptions in __exit__
import contextlib
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name * 2
    finally:
        print("</%s>" % name)
with tag("b") as t:
    print("inside", t)
with tag("x"), tag("y"):
    print("nested")
@contextlib.contextmanager
def catcher():
    try:
        yield
    except ZeroDivisionError as e:
        print("caught in generator:", e)
with catcher():
    1 / 0
print("continued after catcher")
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("outer got", e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("exit failed")
try:
    with BadExit():
        raise KeyError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
try:
    with BadExit():
        print("no error in body")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", e.__context__)
with contextlib.suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
@contextlib.contextmanager
def resource(log):
    log.append("open")
    yield log
    log.append("close")
log = []
with resource(log) as l:
    l.append("use")
print(log)
class Closer:
    def close(self):
        print("closed!")
with contextlib.closing(Closer()):
    print("using closer")
with contextlib.ExitStack() as stack:
    for n in ("p", "q"):
        stack.enter_context(tag(n))
    print("stack body")
@contextlib.contextmanager
def no_yield_after_error():
    yield
    print("only on success")
try:
    with no_yield_after_error():
        raise TypeError("t")
except TypeError as e:
    print("TypeError:", e)
with no_yield_after_error():
    pass
