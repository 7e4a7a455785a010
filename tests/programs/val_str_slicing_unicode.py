# str slicing, indexing, unicode, escapes
s = "abcdefghij"
print(s[0], s[-1], s[3:7], s[:3], s[7:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3], s[8:2:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[2:100])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
u = "naïve café 日本語 🐍"
print(u, len(u), u[-1], u[11:14], u.upper())
print([ord(c) for c in "aé日🐍"], chr(97), chr(233), chr(26085), chr(128013))
print(u.encode("utf-8"), len(u.encode("utf-8")))
print(b"caf\xc3\xa9".decode("utf-8"), "é".encode("latin-1"))
print("tab:\t|", "newline escaped:", repr("a\nb"), "backslash: \\", "quote: \' \"")
print("\x41\u00e9\U0001F600", repr("\x00\x1f\x7f"), repr("\u200b"), ascii("é日🐍"))
print(r"raw \n string", len(r"\n"), len("\n"))
print("multi\
line continuation")
print("""triple
quoted""")
print('implicit' ' concat' " works")
print("\N{GREEK SMALL LETTER ALPHA}", "\101\102")
print(repr("é"), repr("日本"), repr("\t"), repr("\r\n"))
for i, c in enumerate("héj"):
    print(i, c, ord(c))
print("".join(reversed("stressed")), "racecar" == "racecar"[::-1])
print("Straße".lower(), "ǅ".lower(), "İ".lower() == "i̇")
print(sorted(["b", "a", "C", "é", "A"]), "a" < "é")
print("x".join("abc"), "abc".find(""), "abc".count(""))
