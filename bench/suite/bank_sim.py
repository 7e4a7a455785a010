"""Bank branch simulation: customers queue for tellers and run transactions.

Workload: object-oriented simulation. An account class hierarchy (savings with
interest, checking with an overdraft limit, a business account with fees), a
custom exception for refused transactions, customers waiting in a deque, tellers
with per-transaction service times, and a month-end batch that pays interest and
charges fees. Everything is driven by a seeded ``random.Random``; amounts are in
integer cents so the printed totals are exact.
"""
import random
from collections import deque


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("account %d cannot pay %d" % (account.number, amount))
        self.account = account
        self.amount = amount


class Account:
    kind = "basic"

    def __init__(self, number, owner, balance=0):
        self.number = number
        self.owner = owner
        self.balance = balance
        self.history = []

    def available(self):
        return self.balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):
        return 0

    def __repr__(self):
        return "%s#%d(%d)" % (self.kind, self.number, self.balance)


class SavingsAccount(Account):
    kind = "savings"
    rate_bp = 35  # basis points per month

    def month_end(self):
        interest = self.balance * self.rate_bp // 10000
        if interest > 0:
            self.balance += interest
            self.history.append(("int", interest))
        return interest


class CheckingAccount(Account):
    kind = "checking"

    def __init__(self, number, owner, balance=0, overdraft=50000):
        super().__init__(number, owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            fee = 1500 + (-self.balance) // 100
            self.balance -= fee
            self.history.append(("fee", fee))
            return -fee
        return 0


class BusinessAccount(CheckingAccount):
    kind = "business"

    def __init__(self, number, owner, balance=0):
        super().__init__(number, owner, balance, overdraft=250000)
        self.tx_count = 0

    def deposit(self, amount):
        super().deposit(amount)
        self.tx_count += 1

    def withdraw(self, amount):
        super().withdraw(amount)
        self.tx_count += 1

    def month_end(self):
        fee = 25 * self.tx_count
        self.tx_count = 0
        self.balance -= fee
        return super().month_end() - fee


class Customer:
    def __init__(self, ident, name, accounts):
        self.ident = ident
        self.name = name
        self.accounts = accounts
        self.visits = 0
        self.refusals = 0

    def pick_account(self, rng):
        return self.accounts[rng.randrange(len(self.accounts))]


class Transaction:
    def __init__(self, customer, kind, amount, target=None):
        self.customer = customer
        self.kind = kind
        self.amount = amount
        self.target = target

    def service_time(self):
        return {"deposit": 2, "withdraw": 3, "transfer": 5, "balance": 1}[self.kind]


class Teller:
    def __init__(self, name, speed):
        self.name = name
        self.speed = speed
        self.busy_until = 0
        self.served = 0
        self.busy_time = 0

    def free(self, now):
        return now >= self.busy_until

    def serve(self, now, tx, bank):
        duration = max(1, tx.service_time() * 10 // self.speed)
        self.busy_until = now + duration
        self.busy_time += duration
        self.served += 1
        bank.execute(tx)


class Bank:
    def __init__(self, rng, n_customers, n_tellers):
        self.rng = rng
        self.accounts = []
        self.customers = []
        self.ledger = {"deposit": 0, "withdraw": 0, "transfer": 0, "balance": 0}
        self.refused = 0
        kinds = [SavingsAccount, CheckingAccount, BusinessAccount, Account]
        for i in range(n_customers):
            accs = []
            for _ in range(1 + rng.randrange(3)):
                cls = kinds[rng.randrange(len(kinds))]
                acc = cls(len(self.accounts) + 1000, i, rng.randrange(1000, 200000))
                self.accounts.append(acc)
                accs.append(acc)
            self.customers.append(Customer(i, "cust%04d" % i, accs))
        self.tellers = [Teller("T%d" % k, 8 + 3 * k) for k in range(n_tellers)]
        self.queue = deque()
        self.max_queue = 0
        self.total_wait = 0
        self.served = 0

    def total_money(self):
        total = 0
        for a in self.accounts:
            total += a.balance
        return total

    def make_transaction(self, customer):
        r = self.rng.random()
        amount = self.rng.randrange(100, 60000)
        if r < 0.35:
            return Transaction(customer, "deposit", amount)
        if r < 0.7:
            return Transaction(customer, "withdraw", amount)
        if r < 0.9:
            target = self.accounts[self.rng.randrange(len(self.accounts))]
            return Transaction(customer, "transfer", amount, target)
        return Transaction(customer, "balance", 0)

    def execute(self, tx):
        acc = tx.customer.pick_account(self.rng)
        try:
            if tx.kind == "deposit":
                acc.deposit(tx.amount)
            elif tx.kind == "withdraw":
                acc.withdraw(tx.amount)
            elif tx.kind == "transfer":
                if tx.target is acc:
                    raise ValueError("same account")
                acc.withdraw(tx.amount)
                tx.target.deposit(tx.amount)
            else:
                acc.available()
            self.ledger[tx.kind] += tx.amount
        except InsufficientFunds as exc:
            self.refused += 1
            exc.account.history.append(("refused", exc.amount))
            tx.customer.refusals += 1
        except ValueError:
            self.refused += 1

    def tick(self, now):
        arrivals = self.rng.randrange(4)
        for _ in range(arrivals):
            c = self.customers[self.rng.randrange(len(self.customers))]
            c.visits += 1
            self.queue.append((now, self.make_transaction(c)))
        if len(self.queue) > self.max_queue:
            self.max_queue = len(self.queue)
        for t in self.tellers:
            if self.queue and t.free(now):
                arrived, tx = self.queue.popleft()
                self.total_wait += now - arrived
                self.served += 1
                t.serve(now, tx, self)

    def month_end(self):
        net = 0
        for a in self.accounts:
            net += a.month_end()
        return net


def main():
    rng = random.Random(20240607)
    bank = Bank(rng, 600, 4)
    start = bank.total_money()
    net_month = 0
    minutes_per_month = 26000
    for now in range(1, 12 * minutes_per_month + 1):
        bank.tick(now)
        if now % minutes_per_month == 0:
            net_month += bank.month_end()
    end = bank.total_money()
    print("customers served:", bank.served, "still queued:", len(bank.queue), "max queue:", bank.max_queue)
    print("refused:", bank.refused, "avg wait x100:", bank.total_wait * 100 // max(1, bank.served))
    print("ledger:", sorted(bank.ledger.items()))
    print("money start/end:", start, end, "interest-fees:", net_month)
    print("check:", end - start - net_month == bank.ledger["deposit"] - bank.ledger["withdraw"])
    for t in bank.tellers:
        print("  teller", t.name, "served", t.served, "busy", t.busy_time)
    richest = sorted(bank.accounts, key=lambda a: (-a.balance, a.number))[:3]
    print("richest:", richest)
    by_kind = {}
    for a in bank.accounts:
        by_kind[a.kind] = by_kind.get(a.kind, 0) + len(a.history)
    print("history entries by kind:", sorted(by_kind.items()))
    worst = max(bank.customers, key=lambda c: (c.refusals, -c.ident))
    print("most refused:", worst.name, worst.refusals, "visits", worst.visits)


if __name__ == "__main__":
    main()
