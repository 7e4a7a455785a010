# sys.exit() without argument -> exit code 0; exit() in nested function with finally and with-block
import sys
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit sees", a[0].__name__)
        return False
def deep():
    with CM():
        try:
            sys.exit()
        finally:
            print("inner finally")
print("start")
deep()
print("unreachable")
