# range objects
r = range(10)
print(r, len(r), r[3], r[-1], r[2:5], r[::-1], r[::3], list(r[1:8:2]))
print(range(5, 0, -1), list(range(5, 0, -1)), list(range(0, -10, -3)), list(range(3, 3)), list(range(5, 1)))
print(len(range(0, 100, 7)), len(range(10, 0, -3)), len(range(0)), len(range(-5, 5)))
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2), -3 in range(0, -10, -3))
print(3.0 in range(5), "a" in [1] or "skip")
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))))
print(range(0, 10, 2).index(6), range(10).count(3))
print(range(0, 5) == range(0, 5), range(0) == range(5, 5), range(0, 3) == range(0, 4, 3) if False else "skip")
print(sum(range(101)), max(range(-5, 5)), min(range(3, 100, 9)))
big = range(2 ** 70, 2 ** 70 + 10, 3)
print(big, len(big), big[1], list(big), 2 ** 70 + 3 in big)
r2 = range(-10, 10, 4)
print(r2.start, r2.stop, r2.step, list(r2), r2[-2])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
for i in range(3):
    for j in range(i):
        print(i, j, end="; ")
print()
print(list(range(10))[::-2], list(range(20, 0, -5)), range(10)[-3:])
print(bool(range(0)), bool(range(1)), repr(range(1, 2)), str(range(0, 10, 2)))
