# %-formatting
print("%d %i %5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42, 42, 42))
print("%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f|%.0f|%.0f" % (3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 2.5, 3.5))
print("%e|%.2e|%E|%g|%G|%g|%g" % (12345.678, 12345.678, 0.00012, 0.00001234, 1e20, 100000.0, 1000000.0))
print("%s|%r|%a|%s|%r" % ("str", "str", "é", [1, "a"], None))
print("%x|%X|%#x|%o|%#o|%08x|%c|%c" % (255, 255, 255, 8, 8, 3054, 65, "z"))
print("100%% sure|%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abcdef", "xyz"))
print("%(name)s is %(age)d years, %(name)r again" % {"name": "Ann", "age": 30})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, 2), "%d%%" % 50)
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159))
print("%d" % 3.99, "%d" % -3.99, "%i" % True, "%s" % True, "%x" % -255, "%d" % (2 ** 70))
print("%.3s|%5.2f%%" % ("abcdef", 12.345))
print("%-10s|%10s|" % ("left", "right"))
print("%r" % {"k": (1, 2.5)}, "%s" % {"k": "v"}, "%s" % 1e100, "%r" % 0.1)
for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5)]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
print("no args %%" % ())
print(b"%s %d %x" % (b"bytes", 5, 255))
print("%5.1f%%|%-+6d|%+06.1f" % (99.5, 3, -2.25))
