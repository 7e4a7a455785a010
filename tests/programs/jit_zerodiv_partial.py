# ZeroDivisionError on the k-th iteration, caught; partial state printed
total = 0
k = 0
try:
    for k in range(10, -10, -1):
        total += 1000 // (k - 3)
except ZeroDivisionError as e:
    print("caught at k =", k, "total =", total, "msg:", e)
vals = [5, 4, 2, 0, 1]
results = []
for v in vals:
    try:
        results.append(100 / v)
    except ZeroDivisionError:
        results.append(None)
print(results)
def safe_mod(n):
    out = 0
    i = 0
    while True:
        try:
            out += n % (5 - i)
        except ZeroDivisionError as e:
            return out, i, str(e)
        i += 1
print(safe_mod(47))
acc = 1.0
i = 0
try:
    for i in range(5, -1, -1):
        acc /= i
except ZeroDivisionError as e:
    print("float:", i, repr(acc), e)
