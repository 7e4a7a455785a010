# int('abc')
for s in ["10", "-3", "0x1f"]:
    try:
        print(int(s))
    except ValueError as e:
        print("caught:", e)
print(int("abc"))
