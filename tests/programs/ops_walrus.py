# assignment expressions
data = [3, 1, 4, 1, 5, 9, 2, 6]
i = 0
while (n := data[i]) != 9:
    print("n =", n)
    i += 1
print("stopped at", n, "index", i)
if (m := max(data)) > 5:
    print("max is big:", m)
print([y for x in data if (y := x * 2) > 5])
print("y leaks from comprehension:", y)
results = [(x, sq) for x in range(6) if (sq := x * x) % 2 == 0]
print(results, sq)
total = 0
print([total := total + x for x in range(5)], total)
chunks = iter([[1, 2], [3], [], [4]])
while (chunk := next(chunks)):
    print("chunk", chunk)
def f(a):
    if (b := a + 1) > 3:
        return b
    return -b
print(f(1), f(5))
print((w := 10), w + 1)
vals = {k: (v := k * 3) for k in range(3)}
print(vals, v)
import re
for line in ["x=1", "nothing", "y=22"]:
    if (mt := re.match(r"(\w)=(\d+)", line)):
        print(mt.group(1), int(mt.group(2)))
    else:
        print("no match:", line)
def counter():
    c = 0
    def inc():
        nonlocal c
        return (c := c + 1)
    return inc
inc = counter()
print(inc(), inc(), inc())
