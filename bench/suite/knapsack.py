"""0/1 knapsack and subset-sum by recursive search: memoised recursion and branch & bound.

Workload: recursive search. For generated item sets (seeded ``random.Random``)
the best value is found three ways that must agree: top-down recursion memoised
in a dict keyed by ``(index, capacity)``, depth-first branch and bound over
items sorted by value density with a fractional-relaxation upper bound, and
(on small instances) brute-force enumeration via ``itertools.combinations``.
The chosen items are reconstructed. Then a subset-sum/partition search with
pruning, and a bin-packing first-fit-decreasing vs exact backtracking
comparison.
"""
import itertools
import random


class Item:
    __slots__ = ("name", "weight", "value")

    def __init__(self, name, weight, value):
        self.name = name
        self.weight = weight
        self.value = value

    def __repr__(self):
        return "%s(w=%d,v=%d)" % (self.name, self.weight, self.value)


def make_items(rng, n, max_w=60, max_v=100):
    return [Item("i%02d" % i, rng.randint(5, max_w), rng.randint(1, max_v)) for i in range(n)]


def knapsack_memo(items, capacity):
    memo = {}

    def best(i, cap):
        if i == len(items):
            return 0
        key = (i, cap)
        if key in memo:
            return memo[key]
        item = items[i]
        result = best(i + 1, cap)
        if item.weight <= cap:
            take = item.value + best(i + 1, cap - item.weight)
            if take > result:
                result = take
        memo[key] = result
        return result

    value = best(0, capacity)
    chosen = []
    cap = capacity
    for i, item in enumerate(items):
        if best(i, cap) != best(i + 1, cap):
            chosen.append(item.name)
            cap -= item.weight
    return value, chosen, len(memo)


def knapsack_bb(items, capacity):
    order = sorted(items, key=lambda it: (-it.value / it.weight, it.name))
    n = len(order)
    best_value = 0
    best_set = []
    nodes = 0
    taken = []

    def bound(i, cap, value):
        for j in range(i, n):
            it = order[j]
            if it.weight <= cap:
                cap -= it.weight
                value += it.value
            else:
                return value + it.value * cap / it.weight
        return value

    def search(i, cap, value):
        nonlocal best_value, best_set, nodes
        nodes += 1
        if value > best_value:
            best_value = value
            best_set = list(taken)
        if i == n or bound(i, cap, value) <= best_value:
            return
        it = order[i]
        if it.weight <= cap:
            taken.append(it.name)
            search(i + 1, cap - it.weight, value + it.value)
            taken.pop()
        search(i + 1, cap, value)

    search(0, capacity, 0)
    return best_value, sorted(best_set), nodes


def knapsack_brute(items, capacity):
    best = 0
    for r in range(len(items) + 1):
        for combo in itertools.combinations(items, r):
            w = 0
            v = 0
            for it in combo:
                w += it.weight
                v += it.value
            if w <= capacity and v > best:
                best = v
    return best


def subset_sum_count(nums, target):
    nums = sorted(nums, reverse=True)
    suffix = [0] * (len(nums) + 1)
    for i in range(len(nums) - 1, -1, -1):
        suffix[i] = suffix[i + 1] + nums[i]
    count = 0

    def go(i, remaining):
        nonlocal count
        if remaining == 0:
            count += 1
            return
        if i == len(nums) or remaining < 0 or suffix[i] < remaining:
            return
        go(i + 1, remaining - nums[i])
        go(i + 1, remaining)

    go(0, target)
    return count


def first_fit_decreasing(sizes, cap):
    bins = []
    for s in sorted(sizes, reverse=True):
        for b in bins:
            if b[0] + s <= cap:
                b[0] += s
                b.append(s)
                break
        else:
            bins.append([s, s])
    return len(bins)


def exact_bins(sizes, cap):
    sizes = sorted(sizes, reverse=True)
    best = [first_fit_decreasing(sizes, cap)]
    loads = []

    def place(i):
        if len(loads) >= best[0]:
            return
        if i == len(sizes):
            best[0] = len(loads)
            return
        s = sizes[i]
        tried = set()
        for k in range(len(loads)):
            if loads[k] + s <= cap and loads[k] not in tried:
                tried.add(loads[k])
                loads[k] += s
                place(i + 1)
                loads[k] -= s
        loads.append(s)
        place(i + 1)
        loads.pop()

    place(0)
    return best[0]


def main():
    rng = random.Random(606)
    for n, cap in ((14, 150), (20, 260)):
        items = make_items(rng, n)
        a = knapsack_memo(items, cap)
        b = knapsack_bb(items, cap)
        c = knapsack_brute(items, cap)
        print("n=%d cap=%d memo %d bb %d brute %d same choice %s" % (n, cap, a[0], b[0], c, sorted(a[1]) == b[1]))
    total = 0
    memo_states = 0
    bb_nodes = 0
    for k in range(30):
        items = make_items(rng, 60, 80, 120)
        cap = 600 + 40 * k
        value, chosen, states = knapsack_memo(items, cap)
        v2, chosen2, nodes = knapsack_bb(items, cap)
        if value != v2:
            print("MISMATCH", k, value, v2)
        total += value
        memo_states += states
        bb_nodes += nodes
        if k == 0:
            print("instance 0 best value", value, "items", chosen)
    print("30 instances: total value", total, "memo states", memo_states, "bb nodes", bb_nodes)
    rng = random.Random(602)
    nums = [rng.randint(1, 60) for _ in range(28)]
    print("subset sums of 28 numbers hitting 240:", subset_sum_count(nums, 240))
    rng = random.Random(608)
    for trial in range(3):
        sizes = [rng.randint(10, 60) for _ in range(16)]
        print("bins: first-fit-decreasing %d exact %d" % (first_fit_decreasing(sizes, 100), exact_bins(sizes, 100)))


if __name__ == "__main__":
    main()
