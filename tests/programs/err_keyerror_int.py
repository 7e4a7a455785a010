# KeyError with an int key and with an empty-string key
counts = {1: "one", 2: "two"}
print(counts[1])
try:
    counts[""]
except KeyError as e:
    print("repr of empty key error:", repr(e), "str:", str(e))
counts[3]
