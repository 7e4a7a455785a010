# string building: f-strings, joins, slicing, methods
parts = []
for i in range(500000):
    s = f"{i:05d}-{i % 13}"
    if s.endswith("-0"):
        parts.append(s.upper()[:5])
    else:
        parts.append(s[-2:].replace("-", "+"))
text = ",".join(parts)
print(len(text), text[:60], text.count("+1"))
