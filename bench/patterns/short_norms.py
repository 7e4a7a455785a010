# functions with short loops called often from an interpreted loop
import math
def norm(v):
    s = 0.0
    for x in v:
        s += x * x
    return math.sqrt(s)
vs = [[(i * j) % 11 * 0.5 for j in range(8)] for i in range(2000)]
tot = 0.0
for rep in range(20):
    for v in vs:
        tot += norm(v)
print(round(tot, 6))
