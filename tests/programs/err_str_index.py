# string index out of range
# warm-up: caught variants before the final uncaught error
s = "hello"
print(s[0], s[-1], s[1:100], s[-100:2])
for i in (4, -5, 5, -6):
    try:
        print(i, s[i])
    except IndexError as e:
        print(i, "IndexError:", e)
s = "abc"
for i in range(4):
    print(i, s[i])
