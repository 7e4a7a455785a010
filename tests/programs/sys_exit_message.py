# sys.exit("message"): message goes to stderr, exit code 1
import sys
print("about to exit with a message")
try:
    sys.exit("caught message")
except SystemExit as e:
    print("caught:", e.code, type(e.code).__name__)
sys.exit("fatal: configuration missing")
