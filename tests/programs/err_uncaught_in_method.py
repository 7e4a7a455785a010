# exception raised inside a method, several frames deep
# warm-up: caught variants before the final uncaught error
class Queue:
    def __init__(self):
        self.items = []
    def get(self):
        try:
            return self.items.pop(0)
        except IndexError:
            return None
q = Queue()
q.items.extend([1, 2])
print(q.get(), q.get(), q.get())
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items.pop()
s = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.pop())
s.pop()
