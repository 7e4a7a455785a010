# dict of counters updated with tuples keys
grid = {}
for i in range(300000):
    k = (i % 97, i % 89)
    grid[k] = grid.get(k, 0) + 1
print(len(grid), max(grid.values()))
