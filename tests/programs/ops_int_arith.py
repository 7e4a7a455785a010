# integer arithmetic with negative operands
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 7), (-1, 7), (100, -9)]
for a, b in pairs:
    print(a, b, "|", a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, -a, abs(a))
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 4, 2 ** -1, (-2) ** -2, 10 ** -3)
print(7 // 2 * 2 + 7 % 2, -7 // 2 * 2 + -7 % 2)
print(2 + 3 * 4 ** 2 // 5 - 1, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(17 % 5, -17 % 5, 17 % -5, -17 % -5)
print(1 / 1, 10 / 4, -10 / 4, 2 ** 62 / 2, 10 ** 20 / 10 ** 10)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(2, -1, 7), pow(5, 0, 1), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
for a, b in [(1, 0), (0, 0), (-5, 0)]:
    for op in ("/", "//", "%", "divmod"):
        try:
            if op == "/":
                a / b
            elif op == "//":
                a // b
            elif op == "%":
                a % b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(op, "ZeroDivisionError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
big = 3 ** 50
print(big // -7, big % -7, -big // 7, -big % 7, divmod(-big, 10 ** 10))
print(10 ** 18 * 10 + 1, (2 ** 64) // (2 ** 32), (2 ** 64) % (2 ** 32 - 1))
print(int(7 / 2), round(7 / 2), 7 // 2, -(7 // 2), -7 // 2)
