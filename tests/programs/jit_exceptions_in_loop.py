# try/except inside hot loops; exceptions raised on some iterations
errors = 0
total = 0
for i in range(10000):
    try:
        total += 1000 // (i % 17)
    except ZeroDivisionError:
        errors += 1
print(total, errors)
data = {str(i): i for i in range(0, 200, 3)}
hits = misses = 0
for i in range(200):
    try:
        hits += data[str(i)]
    except KeyError:
        misses += 1
print(hits, misses)
def parse_all(tokens):
    ok, bad = [], 0
    for t in tokens:
        try:
            ok.append(int(t))
        except ValueError:
            bad += 1
        finally:
            pass
    return sum(ok), bad
print(parse_all([str(i) if i % 5 else "x" + str(i) for i in range(2000)]))
class Skip(Exception):
    pass
kept = 0
for i in range(3000):
    try:
        if i % 7 == 0:
            raise Skip(i)
        kept += i
    except Skip as e:
        kept -= e.args[0] // 7
print(kept)
last = None
for i in range(100):
    try:
        if i == 50:
            break
        last = i
    finally:
        last = (last or 0) + 0
print(last)
