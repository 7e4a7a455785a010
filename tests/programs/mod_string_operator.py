# string and operator modules
import string
import operator
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.punctuation)
print(repr(string.whitespace), len(string.printable), string.octdigits)
print(string.capwords("hello   wide world"), string.Template("$who likes ${what}!").substitute(who="tim", what="kung pao"))
t = string.Template("$a and $b")
print(t.safe_substitute(a="A"))
try:
    t.substitute(a="A")
except KeyError as e:
    print("KeyError:", e)
print(string.Formatter().format("{0}-{x}", 1, x=2))
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("a", 3), operator.truediv(7, 2), operator.floordiv(-7, 2), operator.mod(-7, 2), operator.pow(2, 8), operator.neg(5))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0), operator.truth([]), operator.contains([1, 2], 2), operator.is_(None, None))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.lshift(1, 10), operator.rshift(1024, 3))
print(operator.getitem([1, 2, 3], 1), operator.getitem("abc", slice(1, None)), operator.index(7), operator.concat([1], [2]))
get1 = operator.itemgetter(1)
get02 = operator.itemgetter(0, 2)
print(get1("xyz"), get02("xyz"), sorted([(1, "b"), (2, "a")], key=get1))
class P:
    def __init__(self, n, a):
        self.name, self.age = n, a
    def greet(self, g):
        return g + " " + self.name
people = [P("x", 3), P("y", 1), P("z", 2)]
print([p.name for p in sorted(people, key=operator.attrgetter("age"))], operator.attrgetter("name", "age")(people[0]))
print(operator.methodcaller("greet", "hi")(people[0]), list(map(operator.methodcaller("upper"), ["a", "b"])))
import functools
print(functools.reduce(operator.mul, range(1, 8)), functools.reduce(operator.or_, [1, 2, 4, 8]))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d)
x = [1]
x = operator.iadd(x, [2])
print(x, operator.length_hint([1, 2, 3]))
