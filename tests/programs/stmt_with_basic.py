# with statement: enter/exit, as binding, multiple items, exception passing, suppression
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, repr(exc) if exc else None, tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("outer") as o, CM("inner") as i:
    print("body", o, i)
with CM("s", suppress=True):
    print("about to raise")
    raise ValueError("swallowed")
    print("never")
print("after suppressed")
try:
    with CM("ns"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
try:
    with CM("one", suppress=True), CM("two"):
        raise RuntimeError("inner raise")
except RuntimeError:
    print("should not get here")
print("outer suppressed it")
def f():
    with CM("ret"):
        return "returned value"
print(f())
for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
class NoAs:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit args", args)
        return None
with NoAs() as me:
    print(type(me).__name__)
class FalseyTrue:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return 1
with FalseyTrue() as nothing:
    print("nothing is", nothing)
    1 / 0
print("truthy non-bool __exit__ result suppresses")
with CM("tgt") as (target_list):
    print(target_list)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (p, q):
    print(p, q)
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
