# objects with methods in a loop, list of objects
class Acc:
    def __init__(self, name):
        self.name = name
        self.balance = 0
        self.history = []
    def deposit(self, x):
        self.balance += x
        self.history.append(x)
accs = [Acc("a%d" % i) for i in range(100)]
for i in range(300000):
    accs[i % 100].deposit(i % 13)
print(sum(a.balance for a in accs), max(len(a.history) for a in accs))
