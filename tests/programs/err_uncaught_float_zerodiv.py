# uncaught float division by zero
xs = [2.0, 1.0, 0.5, 0.0]
for x in xs:
    print(repr(x), repr(1 / x))
