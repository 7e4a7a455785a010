# list grown (append) or shrunk (pop) by the loop while indexing it
a = [1, 2, 3]
i = 0
while i < len(a):
    if a[i] < 20:
        a.append(a[i] * 3)
    i += 1
print(a, i)
b = list(range(20))
i = 0
while i < len(b):
    if b[i] % 3 == 0:
        b.pop(i)
    else:
        i += 1
print(b)
c = list(range(10))
removed = []
while c:
    removed.append(c.pop())
    if len(c) % 3 == 0 and c:
        removed.append(c.pop(0))
print(removed)
d = [5]
for i in range(10):
    d.append(d[-1] * 2 - i)
print(d)
e = list(range(10))
for x in e:
    if x % 2 == 0 and x < 20:
        e.append(x + 11)
print(e)
f = list(range(8))
seen = []
for x in f:
    seen.append(x)
    if f:
        f.remove(x)
print(seen, f)
stack = [10]
steps = 0
while stack:
    top = stack.pop()
    steps += 1
    if top > 1:
        stack.append(top // 2)
        stack.append(top - top // 2 - 1)
print(steps)
g = [0]
for i in range(1, 200):
    g.append(g[-1] + i)
    if len(g) > 150:
        g.pop(0)
print(len(g), g[0], g[-1], g[75])
