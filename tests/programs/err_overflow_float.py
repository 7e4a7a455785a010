# OverflowError converting a huge int to float
# warm-up: caught variants before the final uncaught error
for e in (10, 100, 300, 308, 309):
    try:
        print(e, float(10 ** e))
    except OverflowError as err:
        print(e, "OverflowError:", err)
print(10 ** 400 // 10 ** 399, repr(2.0 ** 1000 > 1e300))
big = 10 ** 300
print(float(big) > 0)
print(float(big * big))
