# variables changing type mid-loop: int -> float, int -> str, int -> big int
v = 0
for i in range(20):
    if i == 10:
        v = v + 0.5
    v = v + 1
print(repr(v), type(v).__name__)
w = 1
for i in range(10):
    w = w * 2
    if i == 6:
        w = w / 4
print(repr(w), type(w).__name__)
s = 0
for i in range(12):
    if i == 8:
        s = str(s)
    s = s + (str(i) if isinstance(s, str) else i)
print(repr(s))
vals = []
x = 1
for i in range(8):
    vals.append(type(x).__name__)
    if i == 2:
        x = x / 2
    elif i == 4:
        x = "s" * 2
    elif i == 5:
        x = [x]
    elif i == 6:
        x = None
print(vals, x)
acc = 0
for i in range(50):
    acc += i if i % 10 else i * 1.0
print(repr(acc), type(acc).__name__)
n = 5
for i in range(30):
    n = n * n if n < 10 ** 30 else n % 1000
print(n)
b = True
for i in range(5):
    b = b + 1
print(b, type(b).__name__)
q = 10
for i in range(4):
    q = q / 2
    print(repr(q), end=" ")
print()
z = 7
for i in range(3):
    z = -z // 2
    z = float(z) if i == 1 else z
print(repr(z))
