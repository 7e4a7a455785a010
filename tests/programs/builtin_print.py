# print with sep/end/file/flush
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" <- continued")
print()
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=" | ")
print("to stdout explicitly", file=sys.stdout)
print("to stderr (not compared)", file=sys.stderr)
print("flushed", flush=True)
print(*range(5))
print(*range(5), sep="-")
print(*[], sep="x")
print("", end="")
print("multi\nline", "arg")
print("tab\tsep", end="|\n")
print(sep="ignored")
print("end with spaces", end="   \n")
sys.stdout.write("written with sys.stdout.write\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
print("a", "b", sep=None, end=None)
print("%s-%s" % ("x", "y"), "{}".format("z"), f"{'w'}")
class Out:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
o = Out()
print("captured", 42, file=o, sep="_")
print("captured text:", repr("".join(o.parts)))
print("unicode: é ü 日本 🐍")
print(b"bytes print", bytearray(b"ba"))
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
