# exception raised inside a generator, uncaught
def gen():
    for i in range(5):
        if i == 3:
            raise ValueError("generator failed at %d" % i)
        yield i * i
for v in gen():
    print("got", v)
