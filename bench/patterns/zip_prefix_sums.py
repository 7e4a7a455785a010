# enumerate + zip over lists, prefix sums
a = [(i * 37) % 101 for i in range(300000)]
b = [(i * 53) % 103 for i in range(300000)]
pre = [0] * (len(a) + 1)
for i, (x, y) in enumerate(zip(a, b)):
    pre[i + 1] = pre[i] + x * y
print(pre[-1], pre[len(pre) // 2])
