# word frequency and text statistics
import re
from collections import Counter
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = re.findall(r"[a-z]+", text.lower())
print(len(words), len(set(words)))
freq = Counter(words)
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print("%-10s %3d %s" % (w, c, "*" * c))
lengths = Counter(len(w) for w in words)
print(sorted(lengths.items()))
print(max(words, key=len), min(words, key=len), sorted(set(w for w in words if len(w) > 6)))
lines = text.splitlines()
for i, line in enumerate(lines, 1):
    print(i, len(line), line.count(","), line.split()[0], line.split()[-1])
sentences = [s.strip() for s in re.split(r"[,.]", text) if s.strip()]
print(len(sentences), sentences[-1])
caps = re.findall(r"\b[A-Z][a-z]*", text)
print(caps)
vowels = sum(text.lower().count(v) for v in "aeiou")
print("vowels", vowels, "ratio", round(vowels / len(text), 4))
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, text[:20].title(), text[-20:].swapcase())
bigrams = Counter(zip(words, words[1:]))
print(bigrams.most_common(3))
