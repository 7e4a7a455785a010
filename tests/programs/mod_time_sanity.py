# time module sanity: only booleans printed
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
total = 0
for i in range(20000):
    total += i * i
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(total)
print(t0 > 1_600_000_000, t1 >= t0, 0 <= t1 - t0 < 60)
print(p1 >= p0, 0 <= p1 - p0 < 60, m1 >= m0)
print(type(t0).__name__, type(p0).__name__, type(time.time_ns()).__name__, time.time_ns() > 10 ** 18)
time.sleep(0.01)
p2 = time.perf_counter()
print(p2 - p1 >= 0.005, p2 - p1 < 60)
lt = time.localtime()
print(lt.tm_year >= 2023, 1 <= lt.tm_mon <= 12, isinstance(time.strftime("%Y"), str))
g = time.gmtime(0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, time.strftime("%Y-%m-%d %H:%M:%S", g))
print(time.strftime("%d/%m/%y", time.gmtime(86400 * 365)))
elapsed = []
for _ in range(3):
    s = time.perf_counter()
    sum(range(1000))
    elapsed.append(time.perf_counter() - s)
print(all(0 <= e < 1 for e in elapsed), len(elapsed))
