# raise SystemExit(4)
print("before")
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code:", e.code)
try:
    raise SystemExit(None)
except SystemExit as e:
    print("None code:", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("tuple code:", e.code)
raise SystemExit(4)
