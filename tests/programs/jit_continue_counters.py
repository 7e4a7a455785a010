# counters with continue
evens = odds = skipped = 0
for i in range(20000):
    if i % 7 == 0:
        skipped += 1
        continue
    if i % 2:
        odds += 1
        continue
    evens += 1
print(evens, odds, skipped, evens + odds + skipped)
i = 0
hits = 0
while i < 10000:
    i += 1
    if i % 3:
        continue
    if i % 5:
        continue
    hits += 1
print(hits, i)
def count_words(text):
    n = 0
    in_word = False
    for ch in text:
        if ch == " ":
            in_word = False
            continue
        if not in_word:
            n += 1
            in_word = True
    return n
print(count_words("  the quick  brown fox   jumps " * 50))
total = 0
for a in range(100):
    if a % 10 == 0:
        continue
    for b in range(100):
        if b % 10 == 0:
            continue
        if (a + b) % 10 == 0:
            continue
        total += 1
print(total)
