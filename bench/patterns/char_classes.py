# scanning a string char by char
text = "".join("word%d, (x+%d)*y; " % (i, i % 13) for i in range(40000))
digits = letters = punct = 0
for ch in text:
    if ch.isdigit():
        digits += 1
    elif ch.isalpha():
        letters += 1
    elif ch in ",;()*+":
        punct += 1
print(digits, letters, punct)
