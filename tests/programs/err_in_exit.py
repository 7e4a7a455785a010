# exception raised inside __exit__ replaces the body exception
class Res:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, et, ev, tb):
        print("release; body raised", et.__name__ if et else None)
        raise OSError("release failed")
with Res():
    print("working")
    raise ValueError("body failed")
