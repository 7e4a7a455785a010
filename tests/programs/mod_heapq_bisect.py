# heapq with tuples, bisect
import heapq
import bisect
h = []
for item in [(5, "e"), (1, "a"), (3, "c"), (1, "a2"), (4, "d"), (2, "b")]:
    heapq.heappush(h, item)
print(h[0], len(h))
print([heapq.heappop(h) for _ in range(len(h))])
nums = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(nums)
print(nums[0], sorted(nums) == [1, 2, 4, 6, 7, 8, 9])
print(heapq.nsmallest(3, [5, 1, 8, 3, 9]), heapq.nlargest(2, [5, 1, 8, 3, 9]))
words = ["banana", "kiwi", "apple", "fig", "cherry"]
print(heapq.nsmallest(2, words, key=len), heapq.nlargest(2, words, key=lambda w: (len(w), w)))
print(heapq.heappushpop([1, 5, 7], 3), heapq.heapreplace([1, 5, 7], 9))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
def dijkstra(graph, start):
    dist = {start: 0}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(pq, (nd, nxt))
    return dict(sorted(dist.items()))
g = {"A": [("B", 4), ("C", 1)], "B": [("D", 1)], "C": [("B", 2), ("D", 5)], "D": []}
print(dijkstra(g, "A"))
class Task:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name
    def __lt__(self, other):
        return self.pri < other.pri
tasks = []
for p, n in [(3, "low"), (1, "urgent"), (2, "mid")]:
    heapq.heappush(tasks, Task(p, n))
print([heapq.heappop(tasks).name for _ in range(3)])
a = [1, 3, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 100))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
def grade(score, cuts=[60, 70, 80, 90], letters="FDCBA"):
    return letters[bisect.bisect(cuts, score)]
print([grade(s) for s in [33, 60, 75, 89, 90, 100]])
recs = [(1, "a"), (3, "c"), (5, "e")]
print(bisect.bisect_left(recs, (3, "")), bisect.bisect_left([r[0] for r in recs], 4))
print(bisect.bisect_left(recs, 4, key=lambda r: r[0]))
