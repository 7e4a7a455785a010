# helper module holding state; imported twice to show caching
print("_counter_state executing (should happen once)")
count = 0
def bump():
    global count
    count += 1
    return count
