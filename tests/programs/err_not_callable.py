# calling a non-callable
# warm-up: caught variants before the final uncaught error
things = [len, "str", 3, None, [1], (lambda: "lam"), type]
for t in things:
    try:
        r = t() if t not in (len, type) else t("xy")
        print("called ok:", r)
    except TypeError as e:
        print("TypeError:", e)
handlers = {"a": print, "b": 42}
handlers["a"]("handler a works")
handlers["b"]("x")
