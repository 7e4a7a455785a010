# uncaught exception raised while handling another (implicit __context__)
# warm-up: caught variants before the final uncaught error
try:
    try:
        [][0]
    except IndexError:
        raise KeyError("while handling")
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))
try:
    print("dividing")
    1 / 0
except ZeroDivisionError:
    print("handling")
    raise RuntimeError("handler failed too")
