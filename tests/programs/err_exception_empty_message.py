# raising with an empty-string message
# warm-up: caught variants before the final uncaught error
for exc in [RuntimeError(""), RuntimeError(), ValueError(" "), KeyError(""), Exception(None)]:
    print(type(exc).__name__, repr(str(exc)), repr(exc), exc.args)
print("about to raise")
raise RuntimeError("")
