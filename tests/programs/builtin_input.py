# input() reading from stdin (see builtin_input.stdin)
name = input()
print("Hello,", name)
age = int(input("Age? "))
print()
print("next year", age + 1)
nums = [float(x) for x in input().split()]
print(nums, repr(sum(nums)))
raw = input()
print(repr(raw), repr(raw.strip()))
print(repr(input("prompt> ")))
try:
    input()
except EOFError as e:
    print("EOFError:", repr(str(e)))
