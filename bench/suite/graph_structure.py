"""Union-find, Kruskal and Prim MSTs, topological sorts and strongly connected components.

Workload: graph algorithms. On generated graphs: a union-find class with path
halving and union by size; Kruskal's minimum spanning forest over sorted edge
tuples; Prim's algorithm with ``heapq`` (checked to give the same weight);
Kahn's topological sort and a DFS-based one on a random DAG (both checked to
be valid orders), longest path in the DAG by dynamic programming over the
order; Tarjan's strongly connected components (iterative, with an explicit
stack of iterators) on a random digraph, and the condensation's size.
"""
import heapq
import random
from collections import deque


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.size = [1] * n
        self.sets = n

    def find(self, x):
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.sets -= 1
        return True


def random_edges(rng, n, m):
    edges = []
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            edges.append((rng.randint(1, 1000), a, b))
    return edges


def kruskal(n, edges):
    uf = UnionFind(n)
    total = 0
    used = []
    for w, a, b in sorted(edges):
        if uf.union(a, b):
            total += w
            used.append((a, b))
    return total, len(used), uf.sets


def prim_forest(n, edges):
    adj = [[] for _ in range(n)]
    for w, a, b in edges:
        adj[a].append((w, b))
        adj[b].append((w, a))
    seen = [False] * n
    total = 0
    trees = 0
    for root in range(n):
        if seen[root]:
            continue
        trees += 1
        seen[root] = True
        heap = list(adj[root])
        heapq.heapify(heap)
        while heap:
            w, v = heapq.heappop(heap)
            if seen[v]:
                continue
            seen[v] = True
            total += w
            for e in adj[v]:
                if not seen[e[1]]:
                    heapq.heappush(heap, e)
    return total, trees


def random_dag(rng, n, m):
    perm = list(range(n))
    rng.shuffle(perm)
    succ = [[] for _ in range(n)]
    edges = set()
    while len(edges) < m:
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        if i > j:
            i, j = j, i
        a, b = perm[i], perm[j]
        if (a, b) not in edges:
            edges.add((a, b))
            succ[a].append(b)
    for lst in succ:
        lst.sort()
    return succ


def kahn(succ):
    n = len(succ)
    indeg = [0] * n
    for lst in succ:
        for v in lst:
            indeg[v] += 1
    q = deque(v for v in range(n) if indeg[v] == 0)
    order = []
    while q:
        u = q.popleft()
        order.append(u)
        for v in succ[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    return order


def dfs_topo(succ):
    n = len(succ)
    state = [0] * n
    out = []

    def visit(u):
        state[u] = 1
        for v in succ[u]:
            if state[v] == 0:
                visit(v)
        state[u] = 2
        out.append(u)

    for u in range(n):
        if state[u] == 0:
            visit(u)
    out.reverse()
    return out


def valid_order(succ, order):
    pos = {v: i for i, v in enumerate(order)}
    for u, lst in enumerate(succ):
        for v in lst:
            if pos[u] >= pos[v]:
                return False
    return len(order) == len(succ)


def longest_path(succ, order):
    best = [0] * len(succ)
    for u in order:
        bu = best[u] + 1
        for v in succ[u]:
            if bu > best[v]:
                best[v] = bu
    return max(best)


def tarjan(succ):
    n = len(succ)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack = []
    sccs = []
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            u, it = work[-1]
            advanced = False
            for v in it:
                if index[v] == -1:
                    index[v] = low[v] = counter
                    counter += 1
                    stack.append(v)
                    on_stack[v] = True
                    work.append((v, iter(succ[v])))
                    advanced = True
                    break
                if on_stack[v] and index[v] < low[u]:
                    low[u] = index[v]
            if advanced:
                continue
            work.pop()
            if work:
                p = work[-1][0]
                if low[u] < low[p]:
                    low[p] = low[u]
            if low[u] == index[u]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp.append(w)
                    if w == u:
                        break
                sccs.append(comp)
    return sccs


def main():
    rng = random.Random(2718)
    total_check = 0
    for n, m in ((45000, 135000), (70000, 85000)):
        edges = random_edges(rng, n, m)
        kw, used, sets = kruskal(n, edges)
        pw, trees = prim_forest(n, edges)
        print("n=%d m=%d kruskal weight %d edges %d sets %d | prim weight %d trees %d | agree %s"
              % (n, len(edges), kw, used, sets, pw, trees, kw == pw and sets == trees))
        total_check += kw
    for n, m in ((16000, 60000), (40000, 100000)):
        succ = random_dag(rng, n, m)
        o1 = kahn(succ)
        o2 = dfs_topo(succ)
        print("dag n=%d m=%d kahn valid %s dfs valid %s longest path %d"
              % (n, m, valid_order(succ, o1), valid_order(succ, o2), longest_path(succ, o1)))
        total_check += longest_path(succ, o2) + o1[0] + o2[-1]
    for n, m in ((40000, 52000), (40000, 80000)):
        succ = [[] for _ in range(n)]
        for _ in range(m):
            a, b = rng.randrange(n), rng.randrange(n)
            succ[a].append(b)
        sccs = tarjan(succ)
        sizes = sorted((len(c) for c in sccs), reverse=True)
        print("digraph n=%d m=%d sccs %d largest %s singletons %d"
              % (n, m, len(sccs), sizes[:3], sizes.count(1)))
        total_check += len(sccs) + sizes[0]
    print("checksum:", total_check)


if __name__ == "__main__":
    main()
