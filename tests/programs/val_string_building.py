# building strings: join, concatenation in loops, multiplication, list of chars
parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for ch in "hello world":
    s = ch + s
print(s)
acc = ""
for i in range(200):
    acc += chr(97 + i % 26)
print(len(acc), acc[:30], acc[-5:], acc.count("a"))
chars = list("mutable")
chars[0] = "M"
chars.insert(3, "-")
print("".join(chars), "".join(reversed(chars)))
print("=" * 20, "-" * 0, "ab" * 5)
lines = ["%2d: %s" % (i, "#" * i) for i in range(1, 6)]
print("\n".join(lines))
table = [[str(i * j).rjust(3) for j in range(1, 6)] for i in range(1, 6)]
for row in table:
    print("".join(row))
csv = "name,age,city\nann,30,rome\nbob,25,oslo"
rows = [line.split(",") for line in csv.splitlines()]
header, *data = rows
print(header, data)
print([dict(zip(header, r)) for r in data])
words = "Python strings are immutable sequences".split()
print(" ".join(w[::-1] for w in words), " ".join(w.capitalize() for w in words[::-1]))
print("_".join(w.lower() for w in words), "".join(w[0] for w in words))
print("{:>10}|{:<10}|{:^10}".format("r", "l", "c"), "x".center(11, "-"))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.islower() else c for c in "attack at dawn!")
print(caesar)
print(repr("\t".join(["a", "b"])), repr("\n".join([])), repr("".join(["single"])))
print(str(12) + str(3.5) + str(None) + str([1]) + str((2,)) + str({"k": 1}))
print("%s" % "x" * 3, ("%s" % "x") * 3, "a" "b" * 2)
