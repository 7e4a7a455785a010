# bytes and bytearray
b = b"hello world"
print(b, b[0], b[-1], b[0:5], b[::-1], type(b[0]).__name__, type(b[0:1]).__name__)
print(list(b"abc"), bytes([104, 105]), bytes(3), bytes("héllo", "utf-8"))
print(b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(b.startswith(b"he"), b"abc" + b"def", b"ab" * 3, b"a" in b"cat", 97 in b"cat")
print(b.decode(), b.decode("ascii"), b"\xff\xfe".hex(), bytes.fromhex("de ad be ef"))
print(b"\x00\x01\x7f\x80\xff", repr(b"'"), repr(b'"'), b"tab\tnl\n")
print(len(b"\x00\x00"), b"abc" < b"abd", b"abc" == b"abc", b"" == bytes())
print(b"-".join([b"a", b"b"]), b"  x ".strip(), b"a,b".split(b","))
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
ba.extend(b"ef")
print(ba, len(ba), bytes(ba), ba[1:3])
del ba[0]
print(ba, ba.pop(), ba)
print(bytearray(3), bytearray([1, 2, 3]))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(b"%d-%s" % (5, b"x"), b"abc".isalpha(), b"123".isdigit())
print(int.from_bytes(b"\x00\x10", "big"), (258).to_bytes(2, "big"))
print(sorted(b"zyx"), max(b"hello"), sum(b"\x01\x02\x03"))
print("é".encode("utf-8").decode("latin-1"), "abc".encode())
print(b"a\\b", len(b"a\\b"), rb"\n", len(rb"\n"))
