# warnings.warn(..., stacklevel=2 / 3): the warning is attributed to the caller's line
import warnings


def deprecated(func):
    def wrapper(*args):
        warnings.warn("%s is deprecated" % func.__name__, DeprecationWarning, stacklevel=2)
        return func(*args)
    return wrapper


@deprecated
def legacy(x):
    return x * 3


def check(value):
    if value < 0:
        warnings.warn("negative value %d" % value, stacklevel=2)
    return abs(value)


def deeper(value):
    warnings.warn("reported two levels up", FutureWarning, stacklevel=3)
    return value


def middle(value):
    return deeper(value)


print(legacy(2))
print(check(-4))
print(check(5))
print(middle(7))


def user():
    return check(-1) + legacy(1)


print(user())
warnings.warn("too far up the stack", stacklevel=5)
