# set membership, list of ints, while loop
seen = set()
x = 1
steps = 0
while x not in seen and steps < 400000:
    seen.add(x)
    x = (x * 48271) % 2147483647
    steps += 1
vals = sorted(seen)
acc = 0
for i in range(len(vals) - 1):
    if vals[i + 1] - vals[i] < 5000:
        acc += 1
print(steps, acc)
