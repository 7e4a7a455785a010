# BFS over adjacency lists
from collections import deque
n = 60000
adj = [[] for _ in range(n)]
for i in range(n):
    adj[i].append((i * 7 + 1) % n)
    adj[i].append((i * 13 + 5) % n)
dist = [-1] * n
dist[0] = 0
q = deque([0])
while q:
    u = q.popleft()
    for v in adj[u]:
        if dist[v] < 0:
            dist[v] = dist[u] + 1
            q.append(v)
print(max(dist), sum(dist))
