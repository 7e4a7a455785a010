# uncaught custom BaseException subclass passes through "except Exception"
# warm-up: caught variants before the final uncaught error
class Soft(Exception):
    pass
class Hard(BaseException):
    pass
for exc in (Soft("s"), Hard("h")):
    try:
        try:
            raise exc
        except Exception as e:
            print("except Exception caught", type(e).__name__)
    except BaseException as e:
        print("only except BaseException caught", type(e).__name__)
print(issubclass(Hard, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
class Abort(BaseException):
    pass
try:
    raise Abort("stop now")
except Exception:
    print("not reached")
finally:
    print("finally still runs")
