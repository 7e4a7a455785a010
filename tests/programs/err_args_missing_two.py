# missing two required positional arguments
# warm-up: caught variants before the final uncaught error
def three(a, b, c):
    return a + b + c
for n in range(5):
    try:
        print(n, three(*range(n)))
    except TypeError as e:
        print(n, "TypeError:", e)
def connect(host, port, timeout=5):
    return "%s:%d" % (host, port)
print(connect("h", 1))
connect()
