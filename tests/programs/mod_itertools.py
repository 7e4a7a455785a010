# itertools with user lambdas
import itertools as it
import operator
print(list(it.islice(it.count(10, 3), 5)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=9)))
print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.starmap(pow, [(2, 3), (3, 2), (10, 0)])))
for key, group in it.groupby("aaabccdddd"):
    print(key, list(group))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "akee"]
for k, g in it.groupby(sorted(words), key=lambda w: w[0]):
    print(k, list(g))
print([(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 2, 2, 1])])
print(list(it.product("ab", [1, 2])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.pairwise([1, 2, 4, 7])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
print(list(it.islice(range(100), 10, 20, 3)), list(it.islice("abcdef", None, 4)))
squares = (x * x for x in it.count(1))
print(list(it.takewhile(lambda v: v < 50, squares)))
print(sum(1 for _ in it.combinations(range(10), 3)), sorted(set(it.permutations([1, 1, 2]))))
def primes():
    yield 2
    for n in it.count(3, 2):
        if all(n % p for p in range(3, int(n ** 0.5) + 1, 2)):
            yield n
print(list(it.islice(primes(), 20)))
print(list(map(operator.itemgetter(1), [(1, "a"), (2, "b")])), sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)))
print(list(it.starmap(lambda x, y: x * y, zip(range(5), range(5, 10)))))
