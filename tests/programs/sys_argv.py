# args: foo 12 bar --flag=x -v
import sys
print(len(sys.argv), sys.argv[1:])
print(sys.argv[0].endswith("sys_argv.py"))
args = sys.argv[1:]
nums = [int(a) for a in args if a.isdigit()]
flags = {a.split("=")[0]: (a.split("=")[1] if "=" in a else True) for a in args if a.startswith("-")}
print(nums, sorted(flags.items()))
for i, a in enumerate(args, 1):
    print(i, repr(a), a.upper())
print(int(sys.argv[2]) * 2)
