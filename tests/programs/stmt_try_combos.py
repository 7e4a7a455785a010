# try/except/else/finally combinations
def run(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "zero":
            1 / 0
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (KeyError, IndexError) as e:
        log.append("except tuple " + type(e).__name__)
    except Exception as e:
        log.append("except Exception " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "key", "zero"]:
    print(k, run(k))
def ret_in_try():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(ret_in_try())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed exception"
print(finally_swallows())
def except_return():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("cleanup")
print(except_return())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "break discarded exception at i=%d" % i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
            if i == 1:
                raise KeyError(i)
        finally:
            continue
    return out
print(continue_in_finally())
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    else:
        print("outer else not run")
nested()
def reraise_in_except():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise
    except ValueError as e:
        return "re-raised " + str(e)
print(reraise_in_except())
e = "outer e"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside", e)
try:
    print(e)
except NameError as err:
    print("NameError after except block:", err)
try:
    try:
        raise IndexError("idx")
    finally:
        print("finally while exception propagating")
except IndexError as ex:
    print("caught", repr(ex))
class Base(Exception):
    pass
class Child(Base):
    pass
try:
    raise Child("c")
except Base as b:
    print("caught by base:", type(b).__name__, b)
try:
    raise Child
except Child as c:
    print("raised class, args:", c.args)
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x *= 10
finally:
    x += 1
print("x", x)
try:
    pass
finally:
    print("try/finally without except")
def count_finallies(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        count_finallies(n - 1)
    finally:
        print("unwinding", n)
try:
    count_finallies(3)
except ValueError as e:
    print("bottom reached:", e)
