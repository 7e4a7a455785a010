# warnings.simplefilter("always"): a warning in a loop is printed every time;
# a custom showwarning sees the file name (basename) and line number
import os
import warnings

warnings.simplefilter("always")


def step(i):
    if i % 2:
        warnings.warn("odd step %d" % i)
    return i


for i in range(6):
    step(i)

original = warnings.showwarning


def show(message, category, filename, lineno, file=None, line=None):
    print("custom:", category.__name__, message, os.path.basename(filename), lineno, repr(line))


warnings.showwarning = show
for i in range(3):
    step(i * 2 + 1)
warnings.showwarning = original

warnings.simplefilter("error", UserWarning)
try:
    step(9)
except UserWarning as e:
    print("turned into an error:", e)
warnings.simplefilter("ignore")
step(11)
warnings.resetwarnings()
warnings.simplefilter("default")
for i in range(3):
    step(13)
step(3)
