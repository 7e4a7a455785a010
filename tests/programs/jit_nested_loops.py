# nested loops
def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    c = [[0] * p for _ in range(n)]
    for i in range(n):
        for j in range(p):
            s = 0
            for k in range(m):
                s += a[i][k] * b[k][j]
            c[i][j] = s
    return c
A = [[(i * 3 + j) % 7 - 3 for j in range(12)] for i in range(12)]
B = [[(i + 2 * j) % 5 - 2 for j in range(12)] for i in range(12)]
C = matmul(A, B)
print(C[0], C[11], sum(map(sum, C)))
count = 0
for i in range(60):
    for j in range(i):
        for k in range(j):
            if (i + j + k) % 5 == 0:
                count += 1
print(count)
triples = []
for a in range(1, 40):
    for b in range(a, 40):
        for c in range(b, 40):
            if a * a + b * b == c * c:
                triples.append((a, b, c))
print(triples)
grid = [[0] * 20 for _ in range(20)]
for i in range(20):
    for j in range(20):
        grid[i][j] = (i * j) % 9
total = 0
for row in grid:
    for v in row:
        total += v
print(total, grid[19][-1], grid[-1][7])
