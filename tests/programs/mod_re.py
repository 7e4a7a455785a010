# re module incl. re.sub with a user function
import re
text = "Order 66 shipped on 2023-04-05, order 7 on 2024-12-31. Total: $1,234.50"
print(re.findall(r"\d+", text))
print(re.findall(r"(\d{4})-(\d{2})-(\d{2})", text))
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", text)
print(m.group(), m.group(1), m.group("month"), m.groupdict(), m.span(), m.start(2), m.end())
print(re.match(r"Order", text) is not None, re.match(r"order", text), re.match(r"order", text, re.I) is not None)
print(re.fullmatch(r"\d+", "12345") is not None, re.fullmatch(r"\d+", "123a"))
print(re.sub(r"\s+", " ", "a   b \t\n c"), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host admin@site"))
def double(m):
    return str(int(m.group()) * 2)
print(re.sub(r"\d+", double, "1 apple, 20 pears, 300 plums"))
def censor(m):
    w = m.group(0)
    return w[0] + "*" * (len(w) - 1)
print(re.sub(r"\b(bad|ugly)\b", censor, "the bad, the ugly and the good", flags=re.I))
print(re.subn(r"o", "0", "foo boo"), re.sub(r"a", "b", "aaaa", count=2))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(\d)", "a1b2c"), re.split(r"x", "no match"))
pat = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)")
print([(m.group("key"), m.group("val")) for m in pat.finditer("a=1;bb=two;c=")])
print(pat.pattern, bool(pat.search("x=y")), pat.sub(lambda m: m.group("val") + ":" + m.group("key"), "k=v;q=w"))
print(re.findall(r"[A-Z][a-z]+", "Hello World From Python"), re.findall(r"\b\w{5}\b", "these are short words here"))
print(re.escape("a.b*c"), re.findall(r"a.c", "abc a.c a\nc"), re.findall(r"a.c", "abc a\nc", re.S))
print(re.findall(r"^\w+", "line one\nline two", re.M), re.findall(r"(a)(b)?", "ab a"))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
m2 = re.match(r"(\w+) (\w+)", "John Smith extra")
print(m2.groups(), m2.group(2, 1), m2[0], m2.string[m2.end():])
print(re.findall(r"\d+?", "12345"), re.findall(r"<.*?>", "<a><b></b>"), re.findall(r"<.*>", "<a><b></b>"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e)
print(re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2).lower(), "hELLO wORLD"))
print(re.findall(r"[^aeiou\s]+", "programming is fun"), len(re.findall(r".", "héllo")))
