"""Shortest paths and searches on generated graphs: Dijkstra, BFS, DFS, A*.

Workload: graph algorithms. A weighted random graph (adjacency lists of
``(neighbour, weight)`` tuples) and a grid maze with walls are generated from a
seeded ``random.Random``. On them: Dijkstra with a ``heapq`` priority queue and
lazy deletion (from several sources, with path reconstruction), breadth-first
search with a deque, iterative depth-first search for connected components,
A* on the grid with a Manhattan heuristic (checked to agree with BFS), and
bidirectional BFS. Results are summarised as checksums.
"""
import heapq
import random
from collections import deque


def random_graph(rng, n, extra_edges):
    adj = [[] for _ in range(n)]
    # a random spanning path keeps most of it connected, plus random extra edges
    order = list(range(n))
    rng.shuffle(order)
    for a, b in zip(order, order[1:]):
        if rng.random() < 0.995:
            w = rng.randint(1, 100)
            adj[a].append((b, w))
            adj[b].append((a, w))
    for _ in range(extra_edges):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            w = rng.randint(1, 100)
            adj[a].append((b, w))
            adj[b].append((a, w))
    return adj


def dijkstra(adj, source):
    inf = float("inf")
    dist = [inf] * len(adj)
    prev = [-1] * len(adj)
    dist[source] = 0
    heap = [(0, source)]
    pops = 0
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        pops += 1
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev, pops


def path_to(prev, target):
    path = []
    while target != -1:
        path.append(target)
        target = prev[target]
    path.reverse()
    return path


def bfs(adj, source):
    depth = {source: 0}
    q = deque([source])
    while q:
        u = q.popleft()
        du = depth[u] + 1
        for v, _w in adj[u]:
            if v not in depth:
                depth[v] = du
                q.append(v)
    return depth


def components(adj):
    comp = [-1] * len(adj)
    sizes = []
    for start in range(len(adj)):
        if comp[start] != -1:
            continue
        label = len(sizes)
        comp[start] = label
        stack = [start]
        count = 0
        while stack:
            u = stack.pop()
            count += 1
            for v, _w in adj[u]:
                if comp[v] == -1:
                    comp[v] = label
                    stack.append(v)
        sizes.append(count)
    return sizes


def make_maze(rng, w, h, wall_prob):
    grid = []
    for y in range(h):
        row = []
        for x in range(w):
            row.append("#" if rng.random() < wall_prob else ".")
        grid.append(row)
    grid[0][0] = "."
    grid[h - 1][w - 1] = "."
    return ["".join(r) for r in grid]


def neighbours(maze, x, y):
    h, w = len(maze), len(maze[0])
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nx, ny = x + dx, y + dy
        if 0 <= nx < w and 0 <= ny < h and maze[ny][nx] == ".":
            yield nx, ny


def grid_bfs(maze, start, goal):
    seen = {start: 0}
    q = deque([start])
    while q:
        cur = q.popleft()
        if cur == goal:
            return seen[cur], len(seen)
        for nb in neighbours(maze, cur[0], cur[1]):
            if nb not in seen:
                seen[nb] = seen[cur] + 1
                q.append(nb)
    return -1, len(seen)


def astar(maze, start, goal):
    gx, gy = goal
    g = {start: 0}
    heap = [(abs(start[0] - gx) + abs(start[1] - gy), 0, start)]
    closed = set()
    while heap:
        f, cost, cur = heapq.heappop(heap)
        if cur == goal:
            return cost, len(closed)
        if cur in closed:
            continue
        closed.add(cur)
        for nb in neighbours(maze, cur[0], cur[1]):
            nc = cost + 1
            if nc < g.get(nb, 1 << 30):
                g[nb] = nc
                heapq.heappush(heap, (nc + abs(nb[0] - gx) + abs(nb[1] - gy), nc, nb))
    return -1, len(closed)


def bidirectional_bfs(adj, s, t):
    if s == t:
        return 0
    front = {s: 0}
    back = {t: 0}
    qf, qb = deque([s]), deque([t])
    while qf and qb:
        if len(qf) <= len(qb):
            q, mine, other = qf, front, back
        else:
            q, mine, other = qb, back, front
        best = None
        for _ in range(len(q)):
            u = q.popleft()
            for v, _w in adj[u]:
                if v in other:
                    cand = mine[u] + 1 + other[v]
                    if best is None or cand < best:
                        best = cand
                if v not in mine:
                    mine[v] = mine[u] + 1
                    q.append(v)
        if best is not None:
            return best
    return -1


def main():
    rng = random.Random(31337)
    n = 20000
    adj = random_graph(rng, n, 40000)
    edges = 0
    for lst in adj:
        edges += len(lst)
    print("graph: nodes", n, "directed edges", edges)
    sizes = components(adj)
    print("components:", len(sizes), "largest:", max(sizes))
    check = 0
    for src in (0, 1, 2, 3, 4):
        dist, prev, pops = dijkstra(adj, src)
        reach = [d for d in dist if d != float("inf")]
        far = max(range(n), key=lambda v: (dist[v] if dist[v] != float("inf") else -1, -v))
        path = path_to(prev, far)
        check += int(sum(reach)) + len(path) * 7 + pops
        print("dijkstra from", src, "reached", len(reach), "farthest", far, "at", dist[far],
              "hops", len(path) - 1)
    depth = bfs(adj, 0)
    hist = {}
    for d in depth.values():
        hist[d] = hist.get(d, 0) + 1
    print("bfs levels:", sorted(hist.items())[:12])
    agree = 0
    for _ in range(30):
        s, t = rng.randrange(n), rng.randrange(n)
        b1 = bidirectional_bfs(adj, s, t)
        full = bfs(adj, s)
        if b1 == full.get(t, -1):
            agree += 1
    print("bidirectional bfs agrees with bfs:", agree, "/ 30")
    total_len = 0
    expanded = 0
    for k in range(6):
        maze = make_maze(rng, 90, 90, 0.28)
        d1, seen = grid_bfs(maze, (0, 0), (89, 89))
        d2, closed = astar(maze, (0, 0), (89, 89))
        if d1 != d2:
            print("MISMATCH in maze", k, d1, d2)
        total_len += d1
        expanded += seen + closed
    print("maze path lengths total:", total_len, "expanded:", expanded)
    print("checksum:", check)


if __name__ == "__main__":
    main()
