# list indexing loads and stores incl. negative indices, int and float lists, tuple indexing
ints = list(range(100))
for i in range(100):
    ints[i] = ints[i] * 2 - ints[-1 - i]
print(ints[:5], ints[-5:], sum(ints))
floats = [0.0] * 50
for i in range(50):
    floats[i] = i * 0.1
for i in range(1, 50):
    floats[-i] += floats[i - 1] * 0.5
print([repr(f) for f in floats[:3]], repr(floats[-1]), repr(sum(floats)))
def prefix_sums(a):
    out = [0] * (len(a) + 1)
    for i in range(len(a)):
        out[i + 1] = out[i] + a[i]
    return out
ps = prefix_sums([(i * 7) % 13 - 6 for i in range(2000)])
print(ps[-1], ps[1000], ps[-1000], min(ps), max(ps))
t = (3, 1, 4, 1, 5, 9, 2, 6)
acc = 0
for i in range(8000):
    acc += t[i % 8] * t[-(i % 8) - 1]
print(acc)
buf = [0] * 16
for i in range(10000):
    buf[i & 15] += i
    buf[-(i % 16) - 1] -= 1
print(buf)
def reverse_inplace(a):
    i, j = 0, len(a) - 1
    while i < j:
        a[i], a[j] = a[j], a[i]
        i += 1
        j -= 1
    return a
print(reverse_inplace(list(range(11))), reverse_inplace([]), reverse_inplace([1]))
def bubble(a):
    a = list(a)
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
print(bubble([(i * 31) % 47 for i in range(60)]))
sieve = [True] * 2000
sieve[0] = sieve[1] = False
for i in range(2, 45):
    if sieve[i]:
        for j in range(i * i, 2000, i):
            sieve[j] = False
primes = [i for i in range(2000) if sieve[i]]
print(len(primes), primes[-3:])
try:
    idx = 0
    for idx in range(0, 200, 7):
        ints[idx] += 1
except IndexError as e:
    print("IndexError at idx", idx, e)
