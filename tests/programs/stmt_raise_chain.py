# raise from, __cause__, __context__, from None, bare raise
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("conversion failed") from e
except RuntimeError as r:
    print("r:", r)
    print("cause:", type(r.__cause__).__name__, r.__cause__)
    print("context is cause:", r.__context__ is r.__cause__, r.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("during handling")
except ValueError as v:
    print("v:", v, "cause:", v.__cause__, "context:", repr(v.__context__), v.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("hidden context") from None
except TypeError as t:
    print("t:", t, t.__cause__, repr(t.__context__), t.__suppress_context__)
def bare():
    try:
        raise LookupError("original")
    except LookupError:
        print("handling, re-raising")
        raise
try:
    bare()
except LookupError as e:
    print("got", repr(e))
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__context__)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args, str(e) == "")
try:
    raise ValueError(1, 2, "three")
except ValueError as e:
    print(e, e.args)
err = KeyError("reused")
for i in range(2):
    try:
        raise err
    except KeyError as e:
        print(i, e is err, e)
try:
    try:
        raise OSError("disk")
    except OSError as first:
        try:
            raise ValueError("second")
        except ValueError as second:
            raise TypeError("third")
except TypeError as third:
    print(third, "<-", third.__context__, "<-", third.__context__.__context__)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 3
except TypeError as e:
    print("TypeError:", e)
def gen_ctx():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield "yielded while handling"
for item in gen_ctx():
    print(item)
e1 = Exception("msg", 42)
print(str(e1), repr(e1), e1.args[1])
print(repr(Exception()), str(Exception("only")), repr(ValueError("q")))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(bool, int))
print([c.__name__ for c in KeyError.__mro__])
