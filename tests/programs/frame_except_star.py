# except* splits an ExceptionGroup; handlers run once per matching type; the
# rest propagates; traceback of a caught group printed with traceback.print_exc()
import traceback


def work(items):
    errors = []
    for i in items:
        try:
            if i % 3 == 0:
                raise ValueError("bad value %d" % i)
            if i % 5 == 0:
                raise TypeError("bad type %d" % i)
            if i == 7:
                raise KeyError(i)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("work failed", errors)


try:
    work(range(1, 11))
except* ValueError as eg:
    print("ValueErrors:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("KeyErrors:", [repr(e) for e in eg.exceptions])

try:
    try:
        work([3, 5, 7])
    except* ValueError:
        print("handled the ValueError only")
except ExceptionGroup as rest:
    print("left over:", rest.message, [type(e).__name__ for e in rest.exceptions])
    traceback.print_exc()

eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.subgroup(lambda e: isinstance(e, TypeError)))

try:
    raise eg
except* TypeError as g:
    print("got", repr(g))
except* ValueError as g:
    print("got", repr(g))
    raise RuntimeError("re-raised from a handler")
