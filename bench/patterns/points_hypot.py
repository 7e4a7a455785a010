# 2D points: tuples, min/max, distance
import math
pts = [((i * 7919) % 1000 / 10.0, (i * 104729) % 1000 / 10.0) for i in range(200000)]
best = 1e18
cx, cy = 50.0, 50.0
for x, y in pts:
    d = math.hypot(x - cx, y - cy)
    if d < best:
        best = d
far = sorted(pts, key=lambda p: (p[0] - cx) ** 2 + (p[1] - cy) ** 2)[-3:]
print(best, far)
