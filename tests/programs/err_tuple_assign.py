# item assignment to a tuple
# warm-up: caught variants before the final uncaught error
t0 = (1, [2, 3])
t0[1].append(4)
print(t0)
try:
    t0[1] += [5]
except TypeError as e:
    print("TypeError:", e)
print(t0)
for target in ["abc", (1, 2), frozenset([1])]:
    try:
        target[0] = 1
    except TypeError as e:
        print("TypeError:", e)
point = (1, 2)
print(point)
point[0] = 5
