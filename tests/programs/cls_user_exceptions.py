# user exception classes: custom __init__/__str__, hierarchies, caught by base
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return "config key %r is %s" % (self.key, self.reason)
class NetworkError(AppError):
    def __init__(self, code):
        self.code = code
        super().__init__("network failure code %d" % code)
class Timeout(NetworkError):
    pass
def risky(n):
    if n == 0:
        raise ConfigError("port")
    if n == 1:
        raise ConfigError("host", "invalid")
    if n == 2:
        raise NetworkError(503)
    if n == 3:
        raise Timeout(408)
    if n == 4:
        raise AppError("generic", 4)
    return "ok"
for n in range(6):
    try:
        print(n, risky(n))
    except Timeout as e:
        print(n, "Timeout:", e, e.code, e.args)
    except NetworkError as e:
        print(n, "NetworkError:", e, e.code)
    except AppError as e:
        print(n, type(e).__name__ + ":", e, repr(e.args))
print([c.__name__ for c in Timeout.__mro__])
print(issubclass(Timeout, AppError), isinstance(Timeout(1), NetworkError), isinstance(ConfigError("x"), Exception))
e = ConfigError("k")
print(str(e), repr(e), e.args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("a")), str(WithRepr("a")))
class NoArgs(Exception):
    def __init__(self):
        pass
print(repr(str(NoArgs())), NoArgs().args)
class Payload(Exception):
    def __init__(self, data):
        super().__init__()
        self.data = data
try:
    raise Payload({"x": 1})
except Payload as p:
    print("payload", p.data, repr(str(p)))
class Retry(Exception):
    attempts = 0
def flaky():
    Retry.attempts += 1
    if Retry.attempts < 3:
        raise Retry("attempt %d" % Retry.attempts)
    return "succeeded after %d" % Retry.attempts
while True:
    try:
        print(flaky())
        break
    except Retry as r:
        print("retrying:", r)
try:
    try:
        raise ConfigError("db")
    except AppError as inner:
        raise NetworkError(500) from inner
except NetworkError as outer:
    print(outer, "| caused by:", outer.__cause__)
class BaseExc(BaseException):
    pass
try:
    try:
        raise BaseExc("not an Exception")
    except Exception:
        print("not caught here")
except BaseException as be:
    print("caught BaseException subclass:", type(be).__name__, be)
errors = [ValueError("v"), KeyError("k"), ConfigError("c"), Timeout(1)]
for err in errors:
    try:
        raise err
    except (KeyError, NetworkError) as caught:
        print("tuple caught", type(caught).__name__)
    except Exception as caught:
        print("generic caught", type(caught).__name__)
