# sys.settrace: record (event, function, line relative to the function's first line)
# of call/line/return/exception events for a function with a loop, an if/else and
# a try/except, and print them
import sys

events = []


def tracer(frame, event, arg):
    code = frame.f_code
    if event == "return":
        events.append((event, code.co_name, frame.f_lineno - code.co_firstlineno, arg))
    elif event == "exception":
        events.append((event, code.co_name, frame.f_lineno - code.co_firstlineno, arg[0].__name__))
    else:
        events.append((event, code.co_name, frame.f_lineno - code.co_firstlineno))
    return tracer


def helper(k):
    if k == 3:
        raise ValueError(k)
    return k * 2


def subject(n):
    total = 0
    for i in range(n):
        if i % 2 == 0:
            total += i
        else:
            total -= 1
    try:
        helper(3)
    except ValueError as e:
        total += 100
    squares = [j * j for j in range(2)]
    return total + helper(1) + len(squares)


sys.settrace(tracer)
result = subject(5)
sys.settrace(None)
print("result", result)
for e in events:
    print(*e)

# the trace function sees the caller chain of each traced frame
seen = []


def local_only(frame, event, arg):
    if event == "call":
        caller = frame.f_back
        seen.append((frame.f_code.co_name, caller.f_code.co_name, caller.f_lineno - caller.f_code.co_firstlineno))
    return None


def leaf():
    return 1


def branch():
    return leaf() + leaf()


sys.settrace(local_only)
branch()
sys.settrace(None)
print(seen)
print(sys.gettrace())


# a generator traced: call/line/return around each yield
gen_events = []


def gen_tracer(frame, event, arg):
    if frame.f_code.co_name == "countdown":
        gen_events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return gen_tracer


def countdown(n):
    while n > 0:
        yield n
        n -= 1


sys.settrace(gen_tracer)
values = list(countdown(2))
sys.settrace(None)
print(values, gen_events)
