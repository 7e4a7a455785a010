# uncaught exception with multiple args: last line shows the args tuple
# warm-up: caught variants before the final uncaught error
for exc in [ValueError("one"), ValueError("code", 42), OSError(2, "No such file"), KeyError("k", "extra"), Exception()]:
    print(type(exc).__name__, "|", str(exc), "|", repr(exc), "|", exc.args)
print("raising with two args")
raise ValueError("code", 42)
