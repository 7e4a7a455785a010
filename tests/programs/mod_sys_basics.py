# sys module basics (deterministic parts only)
import sys
print(sys.version_info[0], sys.version_info >= (3, 0), sys.version_info.major == 3)
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("mod_sys_basics.py"))
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize > 2 ** 31)
print(type(sys.path).__name__, "sys" in sys.modules, type(sys.modules).__name__)
print(sys.getrecursionlimit() >= 1000)
old = sys.getrecursionlimit()
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.stdout is not None, hasattr(sys.stdout, "write"), sys.byteorder in ("little", "big"))
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit in (15, 30) or True, isinstance(sys.platform, str))
sys.stdout.write("direct write\n")
sys.stderr.write("stderr line (not compared)\n")
print(__name__)
def show_exc():
    try:
        1 / 0
    except ZeroDivisionError:
        et, ev, tb = sys.exc_info()
        print(et.__name__, ev, tb is not None)
    print(sys.exc_info())
show_exc()
print("done")
