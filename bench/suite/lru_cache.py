"""LRU caches (hand-made and OrderedDict-based), memoisation and a cached "backend".

Workload: dict-heavy code. A hand-written LRU cache (dict of nodes in a
doubly-linked list with sentinel), an ``OrderedDict`` LRU with
``move_to_end``/``popitem``, an LFU-ish cache (dict of counts plus buckets),
and ``functools.lru_cache`` are driven with the same skewed, phase-shifting key
stream; their hit counts are compared (the two LRUs must agree exactly). Then
dict memoisation of recursive functions (Collatz lengths, lattice paths),
``functools.lru_cache`` memoisation (ways to climb stairs), and a read-through
cache in front of a fake backend dict, with write-through updates.
"""
import functools
import random
from collections import OrderedDict


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key = key
        self.value = value
        self.prev = self
        self.next = self


class LinkedLRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.map = {}
        self.head = _Node()
        self.hits = 0
        self.misses = 0

    def _unlink(self, node):
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node):
        head = self.head
        node.next = head.next
        node.prev = head
        head.next.prev = node
        head.next = node

    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.map) >= self.capacity:
            lru = self.head.prev
            self._unlink(lru)
            del self.map[lru.key]
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)

    def keys_mru(self):
        out = []
        node = self.head.next
        while node is not self.head:
            out.append(node.key)
            node = node.next
        return out


class OrderedLRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            self.data.move_to_end(key)
            return self.data[key]
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.move_to_end(key)
        elif len(self.data) >= self.capacity:
            self.data.popitem(last=False)
        self.data[key] = value


class LFUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.values = {}
        self.counts = {}
        self.buckets = {}  # count -> dict of keys (insertion order = age)
        self.min_count = 0
        self.hits = 0
        self.misses = 0

    def _touch(self, key):
        c = self.counts[key]
        bucket = self.buckets[c]
        del bucket[key]
        if not bucket:
            del self.buckets[c]
            if self.min_count == c:
                self.min_count = c + 1
        self.counts[key] = c + 1
        self.buckets.setdefault(c + 1, {})[key] = None

    def get(self, key, default=None):
        if key not in self.values:
            self.misses += 1
            return default
        self.hits += 1
        self._touch(key)
        return self.values[key]

    def put(self, key, value):
        if key in self.values:
            self.values[key] = value
            self._touch(key)
            return
        if len(self.values) >= self.capacity:
            bucket = self.buckets[self.min_count]
            victim = next(iter(bucket))
            del bucket[victim]
            if not bucket:
                del self.buckets[self.min_count]
            del self.values[victim]
            del self.counts[victim]
        self.values[key] = value
        self.counts[key] = 1
        self.buckets.setdefault(1, {})[key] = None
        self.min_count = 1


def key_stream(rng, n):
    hot = 400
    for i in range(n):
        phase = i // 25000
        if rng.random() < 0.8:
            k = phase * 97 + int(rng.random() ** 3 * hot)
        else:
            k = rng.randrange(20000)
        yield "obj:%d" % k


_collatz = {1: 1}


def collatz_len(n):
    if n in _collatz:
        return _collatz[n]
    result = 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
    _collatz[n] = result
    return result


def lattice_paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    v = lattice_paths(r - 1, c, memo) + lattice_paths(r, c - 1, memo)
    memo[key] = v
    return v


@functools.lru_cache(maxsize=None)
def climb(n, steps):
    if n == 0:
        return 1
    return sum(climb(n - s, steps) for s in steps if s <= n)


class Backend:
    def __init__(self, rng):
        self.store = {"row%d" % i: rng.randrange(10 ** 6) for i in range(5000)}
        self.reads = 0

    def read(self, key):
        self.reads += 1
        return self.store[key]

    def write(self, key, value):
        self.store[key] = value


class ReadThrough:
    def __init__(self, backend, capacity):
        self.backend = backend
        self.cache = LinkedLRU(capacity)

    def get(self, key):
        v = self.cache.get(key)
        if v is None:
            v = self.backend.read(key)
            self.cache.put(key, v)
        return v

    def set(self, key, value):
        self.backend.write(key, value)
        self.cache.put(key, value)


def main():
    rng = random.Random(314)
    linked = LinkedLRU(500)
    ordered = OrderedLRU(500)
    lfu = LFUCache(500)
    fetched = {}

    @functools.lru_cache(maxsize=500)
    def fetch(key):
        fetched[key] = fetched.get(key, 0) + 1
        return len(key)

    for key in key_stream(rng, 520000):
        for cache in (linked, ordered, lfu):
            if cache.get(key) is None:
                cache.put(key, len(key))
        fetch(key)
    info = fetch.cache_info()
    print("linked LRU hits/misses:", linked.hits, linked.misses)
    print("ordered LRU hits/misses:", ordered.hits, ordered.misses,
          "agree:", (linked.hits, linked.misses) == (ordered.hits, ordered.misses))
    print("LFU hits/misses:", lfu.hits, lfu.misses)
    print("functools.lru_cache hits/misses:", info.hits, info.misses, "distinct fetched:", len(fetched))
    print("MRU keys:", linked.keys_mru()[:4], "same order:", linked.keys_mru() == list(reversed(ordered.data)))

    best = max(range(1, 150000), key=lambda n: (collatz_len(n), -n))
    print("longest collatz start below 150000:", best, collatz_len(best), "memo size:", len(_collatz))
    memo = {}
    print("lattice paths 120x120 mod 1e9+7:", lattice_paths(120, 120, memo) % 1000000007, "memo:", len(memo))
    for k in range(0, 301, 25):
        climb(k, (1, 3, 5, 7))  # fill the cache bottom-up: keeps the recursion shallow
    print("climb(300, (1, 3, 5, 7)) mod 1e9+7:", climb(300, (1, 3, 5, 7)) % 1000000007,
          climb.cache_info().currsize, "cached")

    backend = Backend(rng)
    front = ReadThrough(backend, 800)
    total = 0
    for i in range(150000):
        k = "row%d" % int(rng.random() ** 2 * 5000)
        if i % 17 == 0:
            front.set(k, i)
        else:
            total += front.get(k)
    print("read-through: backend reads", backend.reads, "cache hits", front.cache.hits, "sum", total)


if __name__ == "__main__":
    main()
