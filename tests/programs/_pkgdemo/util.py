print("_pkgdemo.util loading, __name__ =", __name__)
def shout(s):
    return s.upper() + "!"
def whisper(s):
    return s.lower() + "..."
