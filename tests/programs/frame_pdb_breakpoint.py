# breakpoint() inside a function with locals; pdb reads its commands from stdin
# (frame_pdb_breakpoint.stdin): p, w, n, s, l, args, display of locals, c
def scale(values, factor):
    x = len(values)
    y = sum(values) * factor
    breakpoint()
    z = x + y
    label = "n=%d" % x
    return z, label


def main():
    data = [3, 4, 5]
    result = scale(data, 2)
    print("result", result)
    return result


print("before")
main()
print("after")
