# calling a string
# warm-up: caught variants before the final uncaught error
names = ["upper", "lower"]
for n in names:
    print(getattr("MiXed", n)())
try:
    not_a_function = "abc"
    not_a_function()
except TypeError as e:
    print("caught:", e)
name = "len"
print(len("abc"))
name("abc")
