# unbounded recursion, uncaught: RecursionError with "[Previous line repeated N more times]"
# (N depends on how many frames are below the program's code: none, under CPython)
def walk(node, depth):
    if node is None:
        return depth
    return walk(node, depth + 1) + 1


def start():
    print("starting the walk")
    return walk("root", 0)


print(start())
