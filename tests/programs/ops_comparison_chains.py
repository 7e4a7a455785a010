# chained comparisons with side effects evaluated once, identity, membership
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(1) < v(3) < v(2), calls)
calls.clear()
print(v(3) < v(1) < v(2), calls)
calls.clear()
print(v(1) == v(1) != v(2) < v(5) >= v(5) > v(0), calls)
calls.clear()
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5 > 4, x == 5 == 5.0, 0 <= x <= 4)
print(1 < 2 > 1 < 2, (1 < 2) > 0, not 1 < 2, 1 < 2 == True)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, a is not b)
print(None is None, 1 in a, 3 not in a, not 3 in a, "x" in "xyz", "xz" in "xyz")
print(2 in {1: "a", 2: "b"}, "b" in {1: "a", 2: "b"}, (1, 2) in [(1, 2)], [1] in [[1]])
print("abc" < "abd" < "b", [1, 2] < [1, 2, 3] <= [1, 3], (1, 2) == (1, 2) != (2, 1))
print(1 == 1.0 == True, 0 == False == 0.0, "" == [] , [] == [], () == [])
class Noisy:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print("lt", self.n, other.n)
        return self.n < other.n
    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n
p, q, r = Noisy(1), Noisy(2), Noisy(3)
print(p < q < r)
print(p < r < q)
print(p == p == q == r)
print(q > p)
lst = [Noisy(1), Noisy(2)]
print(Noisy(2) in lst)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
print(1 != "a", "a" == 1, None == 0)
nan = float("nan")
print(nan in [nan], [nan] == [nan], nan == nan)
