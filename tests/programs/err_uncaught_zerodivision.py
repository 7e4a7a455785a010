# uncaught ZeroDivisionError on the k-th iteration
acc = 0
for k in range(5, -5, -1):
    acc += 100 // k
    print(k, acc)
