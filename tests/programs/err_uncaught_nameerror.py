# uncaught NameError for an undefined global
# warm-up: caught variants before the final uncaught error
try:
    print(not_defined_anywhere_xyz)
except NameError as e:
    print("caught:", e)
x_defined = 1
del x_defined
try:
    x_defined
except NameError as e:
    print("caught:", e)
def compute():
    return undefined_variable_xyz + 1
print("calling compute")
compute()
