# pdb.set_trace() inside a loop body; commands from frame_pdb_set_trace.stdin:
# step into a call, return from it, set a breakpoint by line number, continue to it,
# inspect locals and the stack, clear it and continue to the end
import pdb


def square(n):
    result = n * n
    return result


def accumulate(limit):
    total = 0
    for i in range(limit):
        if i == 2:
            pdb.set_trace()
        total += square(i)
        marker = i
    return total


print("start")
print("total", accumulate(5))
print("end")
