# sys.exit(0) in the middle of the program: exit code 0, nothing after runs
import sys
def work(n):
    for i in range(n):
        print("work", i)
        if i == 3:
            print("exiting cleanly")
            sys.exit(0)
try:
    work(10)
except Exception:
    print("SystemExit is not an Exception, so this never prints")
print("never printed")
