# modular arithmetic, modpow by hand
def modpow(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result
M = 1_000_000_007
print(modpow(2, 10, 1000), modpow(3, 200, M), modpow(7, 12345678901234, M), pow(7, 12345678901234, M))
print(all(modpow(b, e, m) == pow(b, e, m) for b in range(2, 12) for e in range(0, 40, 7) for m in (2, 97, 10 ** 9 + 9)))
def is_prime_mr(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = modpow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(1, 100) if is_prime_mr(n)])
print(is_prime_mr(2 ** 61 - 1), is_prime_mr(2 ** 61 + 1), is_prime_mr(1_000_000_007), is_prime_mr(561))
fib_mod = [0, 1]
for i in range(2, 2000):
    fib_mod.append((fib_mod[-1] + fib_mod[-2]) % 1000)
print(fib_mod[1999], fib_mod[1500], fib_mod.index(0, 1))
h = 0
for ch in "the quick brown fox" * 100:
    h = (h * 257 + ord(ch)) % 1_000_000_009
print(h)
inv = [modpow(a, M - 2, M) for a in range(1, 8)]
print(inv, [(a + 1) * inv[a] % M for a in range(7)])
lcg = 12345
for _ in range(10000):
    lcg = (1103515245 * lcg + 12345) % (2 ** 31)
print(lcg)
