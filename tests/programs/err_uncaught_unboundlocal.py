# UnboundLocalError: function reads a local before assignment
# warm-up: caught variants before the final uncaught error
total_g = 5
def reads_global():
    return total_g + 1
def shadows():
    try:
        print(total_g)
    except UnboundLocalError as e:
        print("caught:", e)
    total_g = 1
    return total_g
print(reads_global(), shadows())
counter = 10
def increment():
    print("incrementing")
    counter = counter + 1
    return counter
print("counter is", counter)
increment()
