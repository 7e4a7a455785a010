# finally ordering, exceptions in finally, finally in loops/generators/functions
log = []
def step(name):
    log.append(name)
def nested_finally():
    try:
        try:
            try:
                step("innermost try")
                raise ValueError("deep")
            finally:
                step("innermost finally")
        finally:
            step("middle finally")
    except ValueError as e:
        step("caught " + str(e))
    finally:
        step("outer finally")
nested_finally()
print(log)
def finally_return_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x changed to", x, "but return value already computed")
print(finally_return_value())
def finally_mutates_returned_list():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)
print(finally_mutates_returned_list())
def exception_in_finally_replaces():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e).__name__, str(e), type(e.__context__).__name__
print(exception_in_finally_replaces())
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i % 2:
                continue
            out.append(i)
            if i == 4:
                break
        finally:
            out.append("f%d" % i)
    return out
print(loop_with_finally())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("while finally", n)
print(while_finally())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
print(list(gen()))
def count_up(limit):
    i = 0
    try:
        while i < limit:
            i += 1
        return i
    finally:
        print("counted to", i)
print(count_up(10))
def deep(n):
    try:
        if n == 0:
            raise KeyError("bottom")
        return deep(n - 1)
    finally:
        print("unwind", n)
try:
    deep(3)
except KeyError as e:
    print("caught", e)
def finally_no_exception():
    try:
        value = "computed"
    finally:
        print("finally saw", value)
    return value
print(finally_no_exception())
def try_except_finally_else_order():
    order = []
    try:
        order.append("try")
    except Exception:
        order.append("except")
    else:
        order.append("else")
        try:
            raise RuntimeError("in else")
        except RuntimeError:
            order.append("caught in else")
    finally:
        order.append("finally")
    return order
print(try_except_finally_else_order())
