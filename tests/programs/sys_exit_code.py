# sys.exit(3): exit code 3, output before is kept
import sys
print("starting")
for i in range(3):
    print("step", i)
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code, repr(e.args))
def finalizer_demo():
    try:
        sys.exit(3)
    finally:
        print("finally runs during sys.exit")
finalizer_demo()
print("never printed")
