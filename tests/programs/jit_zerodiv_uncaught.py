# ZeroDivisionError on the k-th iteration, uncaught
def run():
    s = 0
    for k in range(20):
        s += 360 // (12 - k)
        print(k, s)
    return s
run()
