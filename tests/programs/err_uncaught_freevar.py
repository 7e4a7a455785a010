# NameError for a free variable referenced before assignment in the enclosing scope
# warm-up: caught variants before the final uncaught error
def ok_outer():
    v = 3
    def ok_inner():
        return v * 2
    return ok_inner()
print("ok_outer", ok_outer())
def outer():
    def inner():
        return late_bound_quantity * 2
    print("inner defined")
    result = inner()
    late_bound_quantity = 21
    return result
outer()
