# small bank simulation with classes, exceptions and formatting
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(account.owner, amount)
        self.account = account
        self.amount = amount
    def __str__(self):
        return "%s cannot withdraw %.2f (balance %.2f)" % (self.account.owner, self.amount, self.account.balance)
class Account:
    rate = 0.02
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self.balance:
            raise InsufficientFunds(self, amt)
        self.balance -= amt
        self.history.append(("wd", amt))
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.balance += interest
        return interest
    def __repr__(self):
        return "<%s %s %.2f>" % (type(self).__name__, self.owner, self.balance)
class Savings(Account):
    rate = 0.05
    def withdraw(self, amt):
        if len([h for h in self.history if h[0] == "wd"]) >= 2:
            raise PermissionError("withdrawal limit reached for " + self.owner)
        super().withdraw(amt)
accounts = [Account("ann", 100), Savings("bob", 500), Account("cy")]
ops = [("ann", "withdraw", 30), ("bob", "withdraw", 100), ("cy", "deposit", 50), ("cy", "withdraw", 80),
       ("bob", "withdraw", 50), ("bob", "withdraw", 10), ("ann", "deposit", -5), ("ann", "deposit", 12.5)]
by_name = {a.owner: a for a in accounts}
for who, op, amt in ops:
    acct = by_name[who]
    try:
        getattr(acct, op)(amt)
        print("ok   %-4s %-8s %8.2f -> %r" % (who, op, amt, acct))
    except InsufficientFunds as e:
        print("FAIL", e)
    except (ValueError, PermissionError) as e:
        print("FAIL", type(e).__name__, e)
for a in accounts:
    print(a.owner, "interest", a.add_interest(), repr(round(a.balance, 2)), a.history)
total = sum(a.balance for a in accounts)
print("total %.2f" % total, repr(round(total, 2)))
print(sorted(accounts, key=lambda a: -a.balance))
