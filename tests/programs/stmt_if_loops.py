# if/elif/else, while/for with break/continue/else
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 42)])
for n in range(10):
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
else:
    print("for-else should NOT run")
for n in range(3):
    pass
else:
    print("for-else runs, n =", n)
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print("while", i)
else:
    print("while-else runs, i =", i)
while True:
    i -= 1
    if i < 2:
        break
print("after while True", i)
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
for x in range(3):
    for y in range(3):
        if y == 2:
            break
        if x == y:
            continue
        print("pair", x, y)
    else:
        print("inner else never")
count = 0
while count < 3:
    count += 1
else:
    print("while else", count)
k = 10
while k > 0:
    k -= 3
    if k == 4:
        break
else:
    print("no break")
print("k", k)
for ch in "abc":
    pass
print("ch after loop:", ch)
v = "before"
for v in []:
    pass
print("v unchanged:", v)
if []:
    print("no")
elif {}:
    print("no")
elif "x":
    print("truthy string branch")
if 0: pass
else: print("single-line else")
total = 0
for i in range(100):
    if i % 3 == 0:
        continue
    if i % 7 == 0:
        continue
    total += i
print("total", total)
for i in range(5):
    try:
        if i == 2:
            continue
        if i == 4:
            break
        print("loop body", i)
    finally:
        print("finally", i)
