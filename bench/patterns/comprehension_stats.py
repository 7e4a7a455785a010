# list comprehensions with conditions and sum over generator
data = [(i * 2654435761) % 1000003 for i in range(300000)]
evens = [x for x in data if x % 2 == 0]
sq = sum(x * x for x in evens if x % 3)
big = max(x for x in data if x % 7 == 1)
print(len(evens), sq, big)
