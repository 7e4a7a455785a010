# list elements of another type appearing mid-loop
data = list(range(20))
data[7] = 7.5
data[13] = True
total = 0
for i in range(len(data)):
    total += data[i]
print(repr(total), type(total).__name__)
items = [1, 2, 3, "4", 5]
acc = 0
bad = []
for i, v in enumerate(items):
    try:
        acc += v
    except TypeError as e:
        bad.append((i, str(e)))
print(acc, bad)
mixed = [3, 2.5, 10 ** 20, -1, 0.0, 2 ** 64]
prod = 1
for v in mixed[:4]:
    prod *= v
print(repr(prod))
mx = mixed[0]
for v in mixed:
    if v > mx:
        mx = v
print(mx)
strs = [1, 2, 3]
out = []
for i in range(6):
    if i == 3:
        strs.append("x")
    out.append(strs[i % len(strs)] * 2)
print(out)
arr = [0] * 10
for i in range(10):
    arr[i] = i if i % 3 else float(i)
print(arr, repr(sum(arr)))
arr2 = [1, 2, 3, 4]
for i in range(4):
    if i == 2:
        arr2[3] = "four"
    print(repr(arr2[i] * 2), end=" ")
print()
nums = [1, 2, 3, None, 5]
s = 0
for n in nums:
    if n is None:
        continue
    s += n
print(s)
