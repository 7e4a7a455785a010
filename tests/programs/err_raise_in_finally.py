# exception raised in finally replaces the original one
# warm-up: caught variants before the final uncaught error
def safe():
    try:
        raise ValueError("inner")
    except ValueError as e:
        return "handled " + str(e)
    finally:
        print("safe finally")
print(safe())
try:
    try:
        raise ValueError("a")
    finally:
        raise KeyError("b")
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__))
def f():
    try:
        raise ValueError("original")
    finally:
        print("finally block raising")
        raise KeyError("from finally")
f()
