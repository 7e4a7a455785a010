# an IndexError in a hot loop over a list at iteration 5000: the list is shorter
# than the range it is indexed with; uncaught, raised two frames deep
def checksum(values, count):
    acc = 0
    for i in range(count):
        acc = (acc * 31 + values[i]) % 1000003
    return acc


def build(n):
    return [(i * 7) % 101 for i in range(n)]


def main():
    data = build(5000)
    print("full pass", checksum(data, 5000))
    print("partial", checksum(data, 1234))
    print("too far", checksum(data, 8000))


main()
