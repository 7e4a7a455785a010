# generator pipelines
def read_lines():
    data = """alpha 3
beta 10
# comment
gamma x
delta 7

epsilon 12"""
    for line in data.splitlines():
        yield line
def non_empty(lines):
    for l in lines:
        if l.strip() and not l.startswith("#"):
            yield l
def parse(lines):
    for l in lines:
        name, _, val = l.partition(" ")
        try:
            yield name, int(val)
        except ValueError:
            print("skipping bad line:", repr(l))
def above(pairs, threshold):
    return ((n, v) for n, v in pairs if v > threshold)
pipeline = above(parse(non_empty(read_lines())), 5)
for name, v in pipeline:
    print(name, v)
def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
print(list(chunks(range(11), 4)))
def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) > n:
            win.pop(0)
        if len(win) == n:
            yield tuple(win)
print(list(window("abcdef", 3)))
def running_total(nums):
    t = 0
    for n in nums:
        t += n
        yield t
print(list(running_total(x * x for x in range(10))))
def unique(it):
    seen = set()
    for x in it:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique("abracadabra")))
def interleave(*gens):
    iters = [iter(g) for g in gens]
    while iters:
        nxt = []
        for it in iters:
            try:
                yield next(it)
                nxt.append(it)
            except StopIteration:
                pass
        iters = nxt
print(list(interleave("abc", [1, 2], (True,))))
def tree_walk(node, depth=0):
    name, kids = node
    yield "  " * depth + name
    for k in kids:
        yield from tree_walk(k, depth + 1)
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
for line in tree_walk(tree):
    print(line)
gen_of_gens = ((i * j for j in range(3)) for i in range(3))
print([list(g) for g in gen_of_gens])
