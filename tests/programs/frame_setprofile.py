# sys.setprofile: call/return/c_call/c_return events for a small function
import sys

events = []


def profiler(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, arg.__name__, frame.f_code.co_name))
    else:
        events.append((event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno))


def inner(xs):
    return max(xs) + len(xs)


def work(xs):
    ys = sorted(xs)
    ys.append(inner(ys))
    return sum(ys)


sys.setprofile(profiler)
r = work([3, 1, 2])
sys.setprofile(None)
print("result", r)
for e in events:
    print(*e)


def failing():
    return [].pop()


events.clear()
sys.setprofile(profiler)
try:
    failing()
except IndexError:
    pass
sys.setprofile(None)
for e in events:
    print(*e)
print(sys.getprofile())
