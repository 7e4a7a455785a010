# generators: yield, generator expressions, laziness, StopIteration
def countdown(n):
    print("start countdown")
    while n > 0:
        yield n
        n -= 1
    print("end countdown")
g = countdown(3)
print("created")
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
print(list(itertools.islice(fib(), 100, 102)))
gen = (x * x for x in range(5))
print(sum(gen), sum(gen))
print(list(x for x in "abc" if x != "b"), max(len(w) for w in ["a", "abc", "ab"]))
def ret_value():
    yield 1
    return "done"
g = ret_value()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value)
def lazy():
    for i in range(3):
        print("producing", i)
        yield i
for v in lazy():
    print("consuming", v)
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)
print(list(pairs([1, 2, 3, 4, 5])))
def squares_gen(n):
    yield from (i * i for i in range(n))
print(list(squares_gen(6)))
print(tuple(enumerate(countdown(2))))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def early_return(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early_return(10)))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for x in gen_with_finally():
    print(x)
    break
print("after break")
g = gen_with_finally()
print(next(g))
g.close()
print("closed explicitly")
def empty_gen():
    return
    yield
print(list(empty_gen()))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
print(list(zip(countdown(3), "abc")))
def infinite_counter(start):
    n = start
    while True:
        yield n
        n += 1
print(list(itertools.takewhile(lambda x: x < 5, infinite_counter(0))))
print(next(x for x in infinite_counter(10) if x % 7 == 0))
