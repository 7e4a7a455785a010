# generator pipeline and enumerate
def gen(n):
    for i in range(n):
        yield i * i % 1000
tot = 0
for k, v in enumerate(gen(500000)):
    if v % 3 == 0:
        tot += k
print(tot)
