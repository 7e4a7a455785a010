# sys.exit(2) raised from inside an except handler
import sys
print("processing")
try:
    int("not a number")
except ValueError as e:
    print("bad input:", e)
    sys.exit(2)
