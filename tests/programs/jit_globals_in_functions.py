# loops in functions that read (and write) globals
SCALE = 3
OFFSET = -7
TABLE = [i * i for i in range(16)]
def compute(n):
    s = 0
    for i in range(n):
        s += (i * SCALE + OFFSET) % 11 + TABLE[i & 15]
    return s
print(compute(10000))
SCALE = 5
print(compute(10000))
counter = 0
def bump_many(n):
    global counter
    for _ in range(n):
        counter += 1
bump_many(5000)
bump_many(2500)
print(counter)
history = []
def record(n):
    for i in range(n):
        if i % 1000 == 0:
            history.append(i)
record(5001)
print(history)
def reads_changing_global():
    out = []
    global LIMIT
    for i in range(6):
        out.append(i < LIMIT)
        LIMIT -= 1
    return out
LIMIT = 4
print(reads_changing_global(), LIMIT)
FACT = 1.0001
def grow(x, n):
    for _ in range(n):
        x *= FACT
    return x
print(repr(grow(1.0, 10000)))
