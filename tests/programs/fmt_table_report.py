# mixed formatting producing a report
rows = [("Widget", 4, 3.5), ("Gadget", 10, 12.25), ("Doohickey", 1, 199.99), ("Thingamajig", 250, 0.1)]
header = f"{'Item':<12} {'Qty':>5} {'Price':>8} {'Total':>10}"
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12.12} {qty:>5d} {price:>8.2f} {total:>10,.2f}")
print("-" * len(header))
print(f"{'TOTAL':<12} {sum(r[1] for r in rows):>5d} {'':>8} {grand:>10,.2f}")
print(repr(grand))
pct = [(n, q * p / grand) for n, q, p in rows]
for n, share in pct:
    bar = "#" * int(share * 40)
    print("%-12s %6.2f%% %s" % (n, share * 100, bar))
print("{:*^40}".format(" summary "))
print("items: {0}, max price: {1:.2f}, min qty: {2}".format(len(rows), max(r[2] for r in rows), min(r[1] for r in rows)))
for i in range(0, 17, 4):
    print(f"{i:3d} {i:#06x} {i:#010b} {i ** 3:>6,} {1 / (i + 1):8.5f} {i * 1e-3:.1e}")
