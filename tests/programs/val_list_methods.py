# list operations and methods
lst = [5, 3, 8, 1]
lst.append(7)
lst.insert(0, 10)
lst.insert(-1, 99)
lst.insert(100, 42)
print(lst, len(lst))
lst.extend([2, 2])
print(lst, lst.count(2), lst.index(8), lst.index(2, 8))
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove(99)
print(lst)
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
c = lst.copy()
c.append("x")
print(lst, c)
c.clear()
print(c, lst[::-1], lst[1:-1], lst[::2])
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, [1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(3 in lst, 100 in lst, min(lst), max(lst), sum(lst))
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], nested)
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
b = b + [5]
print(a, b, a is b)
for op in ["remove", "index", "pop"]:
    try:
        if op == "remove":
            [1].remove(5)
        elif op == "index":
            [1].index(5)
        else:
            [].pop()
    except ValueError as e:
        print("ValueError:", e)
    except IndexError as e:
        print("IndexError:", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
r = []
r.append(r)
print(r, len(r))
print(list(range(5)), list("ab"), list((1, 2)), list({"k": 1}))
print([x * x for x in range(6)], [(i, j) for i in range(2) for j in range(2)])
mixed = [3, 1.5, True, -2]
print(sorted(mixed), max(mixed))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
