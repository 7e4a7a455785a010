# integer sums in hot loops, module level and in functions
total = 0
for i in range(100000):
    total += i
print(total)
def sum_squares(n):
    s = 0
    for i in range(n):
        s += i * i
    return s
print(sum_squares(50000), sum_squares(0), sum_squares(1), sum_squares(2))
def sum_step(a, b, step):
    s = 0
    for i in range(a, b, step):
        s += i
    return s
print(sum_step(0, 1000, 7), sum_step(1000, 0, -7), sum_step(-500, 500, 3), sum_step(5, 5, 1), sum_step(10, 0, 1))
def alternating(n):
    s = 0
    sign = 1
    for i in range(1, n + 1):
        s += sign * i
        sign = -sign
    return s
print(alternating(10001), alternating(10000))
def triangular_while(n):
    s = 0
    i = n
    while i > 0:
        s += i
        i -= 1
    return s, i
print(triangular_while(20000))
acc = 0
for i in range(1, 30001):
    if i % 15 == 0:
        acc += 15
    elif i % 5 == 0:
        acc += 5
    elif i % 3 == 0:
        acc += 3
    else:
        acc += 1
print(acc)
