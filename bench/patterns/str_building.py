# string building in a loop, join
parts = []
for i in range(200000):
    if i % 3 == 0:
        parts.append(str(i))
    else:
        parts.append("-")
s = "".join(parts)
print(len(s), s[:30])
