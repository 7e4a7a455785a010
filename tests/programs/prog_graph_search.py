# BFS, DFS, topological sort, connected components
from collections import deque
edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g"), ("e", "h"), ("c", "h")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)
for k in graph:
    graph[k].sort()
def bfs(start):
    dist = {start: 0}
    order = []
    q = deque([start])
    while q:
        u = q.popleft()
        order.append(u)
        for v in graph[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                q.append(v)
    return order, dist
order, dist = bfs("a")
print(order, sorted(dist.items()))
def dfs(u, seen=None):
    if seen is None:
        seen = []
    seen.append(u)
    for v in graph[u]:
        if v not in seen:
            dfs(v, seen)
    return seen
print(dfs("a"), dfs("g"))
def components():
    seen = set()
    comps = []
    for node in sorted(graph):
        if node not in seen:
            comp = bfs(node)[0]
            seen.update(comp)
            comps.append(sorted(comp))
    return comps
print(components())
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": [], "tests": ["app"]}
def topo(deps):
    state = {}
    out = []
    def visit(n):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError("cycle at " + n)
        state[n] = "active"
        for d in sorted(deps[n]):
            visit(d)
        state[n] = "done"
        out.append(n)
    for n in sorted(deps):
        visit(n)
    return out
print(topo(deps))
deps["core"] = ["app"]
try:
    topo(deps)
except ValueError as e:
    print("ValueError:", e)
def shortest_path(start, goal):
    prev = {start: None}
    q = deque([start])
    while q:
        u = q.popleft()
        if u == goal:
            break
        for v in graph[u]:
            if v not in prev:
                prev[v] = u
                q.append(v)
    if goal not in prev:
        return None
    path = []
    while goal is not None:
        path.append(goal)
        goal = prev[goal]
    return path[::-1]
print(shortest_path("a", "h"), shortest_path("b", "h"), shortest_path("a", "g"))
maze = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def solve_maze(m):
    R, C = len(m), len(m[0])
    start = next((r, c) for r in range(R) for c in range(C) if m[r][c] == "S")
    q = deque([(start, 0)])
    seen = {start}
    while q:
        (r, c), d = q.popleft()
        if m[r][c] == "E":
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and m[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
    return -1
print("maze distance", solve_maze(maze))
