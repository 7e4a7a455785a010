# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(5)), slice(None, None, -1))
data = list(range(20))
print(data[s], data[slice(5)], data[slice(-3, None)], data[slice(None, None, -4)])
print(s.indices(5), s.indices(100), slice(None, None, -1).indices(10), slice(-3, None).indices(10), slice(-100, 100).indices(7))
print("hello world"[slice(0, 5)], (1, 2, 3, 4)[slice(1, None)])
class Probe:
    def __getitem__(self, key):
        return key
p = Probe()
print(p[1:2], p[::3], p[1:2, 3], p[...], p[:, 1], p[5])
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[::3] = [0, 0, 0]
print(lst)
try:
    lst[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del lst[1::2]
print(lst)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    [1, 2, 3][::0]
except ValueError as e:
    print("ValueError:", e)
print(list(range(100))[slice(90, None, 3)], "abcdef"[slice(None, None, 2)])
t = tuple(range(10))
print(t[-2:-8:-2], t[100:-100:-1])
