# sys.settrace over loops whose heads span lines: the line events come in CPython's order
# (the iterable's or the condition's line first, then the loop's own), whatever the loop's
# instrumentation runs before its first iteration
import sys

events = []


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_name.startswith("loop_"):
        events.append((code.co_name, frame.f_lineno - code.co_firstlineno, event))
    return tracer


def loop_for(xs):
    t = 0
    for x in (
        xs
    ):
        t += x
    return t


def loop_while(n):
    i = 0
    while (
        i < n
    ):
        i += 1
    return i


def loop_enumerate(xs):
    t = 0
    for k, x in enumerate(
        xs
    ):
        t += k * x
    return t


def loop_nested(rows):
    t = 0
    for row in (
        rows
    ):
        j = 0
        while (j <
               len(row)):
            t += row[j]
            j += 1
    return t


sys.settrace(tracer)
results = [loop_for([1, 2, 3]), loop_while(3), loop_enumerate([4, 5]), loop_nested([[1, 2], [3]])]
sys.settrace(None)
print(results)
for e in events:
    print(e)
