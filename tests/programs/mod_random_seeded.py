# random with fixed seeds
import random
random.seed(12345)
print([random.randint(1, 100) for _ in range(10)])
print([round(random.random(), 10) for _ in range(3)])
print(random.choice("abcdefg"), random.choice([10, 20, 30]))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), sorted(random.sample("abcdefgh", 3)))
print(random.randrange(0, 100, 5), random.randrange(10), round(random.uniform(1, 2), 8))
random.seed(12345)
print([random.randint(1, 100) for _ in range(10)])
rng = random.Random(42)
print([rng.randint(0, 9) for _ in range(15)])
print(rng.choices("xyz", k=5), rng.choices([1, 2, 3], weights=[10, 1, 1], k=6))
rng2 = random.Random(42)
print([rng2.randint(0, 9) for _ in range(15)])
random.seed("string seed")
print(random.randint(0, 10 ** 6))
random.seed(0)
print(round(random.gauss(0, 1), 8), round(random.normalvariate(10, 2), 8), round(random.expovariate(1.5), 8))
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b)
random.seed(7)
print(random.getrandbits(64), random.getrandbits(8))
deck = [r + s for r in "A23456789TJQK" for s in "shdc"]
random.seed(99)
random.shuffle(deck)
print(deck[:8])
hist = [0] * 6
random.seed(2024)
for _ in range(600):
    hist[random.randint(1, 6) - 1] += 1
print(hist, sum(hist))
