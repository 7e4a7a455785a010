# comparison chains inside loops
count_in = 0
count_chain = 0
for i in range(-1000, 1000):
    if -10 < i < 10:
        count_in += 1
    if 0 <= i % 7 < 3 <= i % 11 <= 8:
        count_chain += 1
print(count_in, count_chain)
def classify(n):
    buckets = [0, 0, 0, 0]
    for i in range(n):
        x = (i * 37) % 101
        if x < 25:
            buckets[0] += 1
        elif 25 <= x < 50:
            buckets[1] += 1
        elif 50 <= x < 75 != x:
            buckets[2] += 1
        else:
            buckets[3] += 1
    return buckets
print(classify(20000))
eq = ne = 0
for a in range(200):
    for b in range(0, 200, 7):
        if a == b:
            eq += 1
        if a != b and a > b >= 10:
            ne += 1
print(eq, ne)
def monotone_runs(seq):
    runs = 0
    for i in range(1, len(seq) - 1):
        if seq[i - 1] < seq[i] < seq[i + 1]:
            runs += 1
    return runs
print(monotone_runs([(i * 13) % 29 for i in range(500)]))
flags = []
for i in range(20):
    flags.append(1 < i < 5 or 10 <= i <= 12 and i != 11)
print(flags)
