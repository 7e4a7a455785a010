# warnings.warn from a function under the default filter: printed once per
# location to stderr with file name and line number
import warnings


def old_api(x):
    warnings.warn("old_api is deprecated, use new_api", UserWarning)
    return x * 2


def other(x):
    warnings.warn("other warns too")
    return x + 1


total = 0
for i in range(5):
    total += old_api(i)
    total += other(i)
print("total", total)
old_api(1)
warnings.warn("module level warning", RuntimeWarning)
warnings.warn("DeprecationWarning from __main__ is shown", DeprecationWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api(3)
    other(3)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
print("end")
