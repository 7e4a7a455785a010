# break out of nested loops via flags and via for-else
target = 42
found = None
done = False
for i in range(10):
    for j in range(10):
        if i * j == target:
            found = (i, j)
            done = True
            break
    if done:
        break
print(found, i, j)
for i in range(10):
    for j in range(10):
        if i * j == 63:
            break
    else:
        continue
    break
print("for-else break:", i, j)
def search(grid, val):
    for r, row in enumerate(grid):
        for c, x in enumerate(row):
            if x == val:
                return r, c
    return None
g = [[r * 10 + c for c in range(10)] for r in range(10)]
print(search(g, 57), search(g, 100))
count = 0
stop = False
i = 0
while i < 100 and not stop:
    j = 0
    while j < 100:
        count += 1
        if i * 100 + j >= 1234:
            stop = True
            break
        j += 1
    i += 1
print(count, i, j)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print(a, b, end="; ")
    else:
        print("inner-else", a, end="; ")
print()
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
