# a local module's main guard must not run on import; ours must run
import _mainguard
from _mainguard import helper
print("main __name__:", __name__)
print(helper(14), _mainguard.__name__)
def main():
    print("main() running")
    return 0
if __name__ == "__main__":
    print("main guard taken")
    main()
else:
    print("SHOULD NOT PRINT")
