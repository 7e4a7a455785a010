# uncaught AttributeError on an instance
# warm-up: caught variants before the final uncaught error
class Plain:
    pass
for obj, attr in [(Plain(), "x"), ("s", "foo_bar_baz"), (5, "zork"), (Plain, "missing_attr")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print("AttributeError:", e)
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
a = Account("ann")
print(a.owner, a.balance)
a.balance += 50
print(a.balance)
print(a.overdraft_limit)
