# loop variable value after the loop
for i in range(10):
    pass
print("after full loop:", i)
for i in range(100):
    if i * i > 50:
        break
print("after break:", i)
i = "untouched"
for i in range(0):
    pass
print("empty range keeps old value:", i)
for i in range(5, 5):
    pass
print("still:", i)
for i in range(3, 0, -1):
    pass
print("after negative step:", i)
def f():
    for k in range(7):
        pass
    return k
print(f())
def g():
    for k in []:
        pass
    try:
        return k
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(g())
j = 0
while j < 17:
    j += 5
print("while var:", j)
for x, y in [(1, 2), (3, 4)]:
    pass
print(x, y)
for ch in "hello":
    if ch == "l":
        break
print(ch)
n = 0
for n in range(1):
    pass
print("single trip:", n)
for big in range(2 ** 70, 2 ** 70 + 3):
    pass
print(big)
for idx, val in enumerate("abc"):
    pass
print(idx, val)
