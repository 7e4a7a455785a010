# augmented assignment for every operator
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x &= 0xFF; print(x)
x |= 0x100; print(x)
x ^= 0x3; print(x)
x /= 8; print(repr(x))
y = -7
y //= 2; print(y)
y %= 3; print(y)
f = 2.5
f *= 2; f -= 0.5; f **= 2; print(repr(f))
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2]; lst *= 2
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 1
print(d)
class C:
    def __init__(self):
        self.v = 1
c = C()
c.v += 41
print(c.v)
m = [[1, 2], [3, 4]]
m[1][0] *= 100
print(m)
st = {1, 2}
st |= {3}; st &= {2, 3}; st -= {2}; st ^= {9}
print(sorted(st))
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [5]
arr[idx()] += 1
print(arr, calls)
big = 1
for _ in range(5):
    big *= 10 ** 5
print(big)
