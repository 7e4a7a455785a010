# statistics, textwrap, copy
import statistics as st
import textwrap
import copy
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), repr(st.stdev(data)), repr(st.variance(data)), st.pvariance(data))
print(st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.multimode("aabbc"), repr(st.fmean([1, 2, 4])))
print(repr(st.mean([0.1, 0.2, 0.3])), st.harmonic_mean([1, 2, 4]), round(st.geometric_mean([1, 4, 16]), 9))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text.strip(), width=25))
print(textwrap.shorten("Hello world, this is a long sentence", width=20))
print(repr(textwrap.dedent("""
    indented
      more
    back
""")))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.fill("x" * 30, 12))
orig = {"list": [1, [2, 3]], "num": 5}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append(4)
orig["num"] = 6
print(orig, shallow, deep)
class Node:
    def __init__(self, v, kids=None):
        self.v = v
        self.kids = kids or []
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.kids)
n = Node(1, [Node(2)])
n2 = copy.deepcopy(n)
n3 = copy.copy(n)
n.kids[0].v = 99
print(n, n2, n3, n2.kids[0] is n.kids[0], n3.kids is n.kids)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[1] is cyc, len(cc))
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v + 100)
print(copy.copy(Custom(1)).v)
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) == (1, 2))
