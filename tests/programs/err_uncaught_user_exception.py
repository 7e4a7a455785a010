# uncaught user-defined exception class
# warm-up: caught variants before the final uncaught error
class LowBalance(Exception):
    pass
class Frozen(LowBalance):
    def __str__(self):
        return "account frozen"
for exc in (LowBalance("low"), Frozen(), LowBalance()):
    try:
        raise exc
    except LowBalance as e:
        print(type(e).__name__, repr(str(e)))
class InsufficientFunds(Exception):
    pass
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds("need %d more" % (amount - balance))
    return balance - amount
b = 100
b = withdraw(b, 30)
print("balance", b)
b = withdraw(b, 100)
