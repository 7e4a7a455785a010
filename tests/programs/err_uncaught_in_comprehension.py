# exception raised inside a list comprehension
# warm-up: caught variants before the final uncaught error
print({int(v) for v in ["1", "1", "2"]}, {v: int(v) for v in ["3"]})
try:
    [1 / x for x in (1, 2, 0)]
except ZeroDivisionError as e:
    print("caught in comprehension:", e)
vals = ["1", "2", "x3", "4"]
print([int(v) for v in vals[:2]])
print([int(v) for v in vals])
