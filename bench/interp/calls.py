# function calls: recursion, positional/keyword/default arguments, closures
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def add(a, b=1, *, c=0):
    return a + b + c

def make_adder(k):
    def adder(x):
        return x + k
    return adder

total = 0
inc = make_adder(3)
for i in range(400000):
    total += add(i) + add(i, 2) + add(i, c=1) + inc(i)
print(fib(27), total)
