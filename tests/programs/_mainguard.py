# helper module with its own main guard that must NOT run on import
print("_mainguard imported, __name__ =", __name__)
def helper(x):
    return x * 3
if __name__ == "__main__":
    print("THIS MUST NOT PRINT WHEN IMPORTED")
    raise SystemExit(99)
