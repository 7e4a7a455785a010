# float formatting in various ways
x = 3.14159265358979
for spec in [".0f", ".1f", ".2f", ".5f", "10.3f", "<10.2f", "^10.2f", "+.2f", "e", ".3e", "E", "g", ".3g", "%", ".1%", "012.4f", ",.2f", "_.3f"]:
    print(spec, repr(format(x, spec)))
big = 1234567.891
for spec in [",", ",.1f", ".2e", "g", ".10g", "15,.2f", "-^20,.3f"]:
    print(spec, repr(format(big, spec)))
for v in [0.0, -0.0, 1e-10, 1e100, 123.0, 0.000123, float("inf"), float("nan"), -float("inf")]:
    print(repr(v), "{:g}".format(v), "{:.3f}".format(v), "{:e}".format(v), f"{v:10}")
print("%f %e %g" % (2.5, 2.5, 2.5))
print("%.3f|%8.2f|%-8.2f|%+.1f" % (1 / 3, 2 / 3, 1.5, 7))
print(str(1.0), str(10.0 ** 20), str(1e-3), str(2.5e-5))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(1.25, ".1f"), format(1.35, ".1f"))
