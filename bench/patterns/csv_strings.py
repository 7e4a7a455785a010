# string processing: split lines, strip, join
lines = ["  item %d , value %d , tag%d  " % (i, i * 3, i % 7) for i in range(150000)]
out = []
for ln in lines:
    parts = [p.strip() for p in ln.split(",")]
    if parts[2].endswith("3"):
        out.append("|".join(parts))
print(len(out), out[-1])
