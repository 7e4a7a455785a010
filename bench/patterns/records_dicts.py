# records: build dicts per row, filter, aggregate
rows = []
for i in range(200000):
    rows.append({"id": i, "v": i % 97, "name": "n%d" % (i % 50)})
tot = {}
for r in rows:
    if r["v"] > 10:
        tot[r["name"]] = tot.get(r["name"], 0) + r["v"]
print(len(tot), sum(tot.values()))
