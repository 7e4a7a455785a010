"""A JSON parser written in Python (recursive descent), checked against json.loads.

Workload: parsing. A nested document (objects, arrays, strings with escapes and
non-ASCII characters including surrogate pairs, integers, floats with
exponents, true/false/null) is generated from a seeded ``random.Random`` and
serialised with ``json.dumps``. A hand-written recursive-descent parser class
(character-at-a-time scanning with an index, ``str.find`` for fast string
runs, escape decoding, number scanning) parses it repeatedly; the result must
equal ``json.loads``. A few malformed inputs must raise the parser's error. A
structural checksum and a CRC of the canonical re-serialisation are printed.
"""
import json
import random
import zlib

WHITESPACE = " \t\n\r"
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
NUMBER_CHARS = set("0123456789+-.eE")


class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__("%s at %d" % (msg, pos))
        self.pos = pos


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.n = len(text)

    def parse(self):
        value = self.value()
        self.skip_ws()
        if self.pos != self.n:
            raise ParseError("trailing data", self.pos)
        return value

    def skip_ws(self):
        text, pos, n = self.text, self.pos, self.n
        while pos < n and text[pos] in WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self):
        self.skip_ws()
        if self.pos >= self.n:
            raise ParseError("unexpected end", self.pos)
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch == "-" or ch.isdigit():
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        raise ParseError("unexpected character %r" % ch, self.pos)

    def expect(self, ch):
        self.skip_ws()
        if self.pos >= self.n or self.text[self.pos] != ch:
            raise ParseError("expected %r" % ch, self.pos)
        self.pos += 1

    def obj(self):
        self.pos += 1
        result = {}
        self.skip_ws()
        if self.pos < self.n and self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_ws()
            if self.pos >= self.n or self.text[self.pos] != '"':
                raise ParseError("expected key", self.pos)
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            self.skip_ws()
            if self.pos < self.n and self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result

    def array(self):
        self.pos += 1
        result = []
        self.skip_ws()
        if self.pos < self.n and self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_ws()
            if self.pos < self.n and self.text[self.pos] == ",":
                self.pos += 1
                continue
            self.expect("]")
            return result

    def hex4(self, pos):
        digits = self.text[pos:pos + 4]
        if len(digits) != 4:
            raise ParseError("short unicode escape", pos)
        try:
            return int(digits, 16)
        except ValueError:
            raise ParseError("bad unicode escape", pos) from None

    def string(self):
        text = self.text
        pos = self.pos + 1
        parts = []
        while True:
            q = text.find('"', pos)
            b = text.find("\\", pos, q if q != -1 else self.n)
            if q == -1:
                raise ParseError("unterminated string", self.pos)
            if b == -1:
                parts.append(text[pos:q])
                self.pos = q + 1
                return "".join(parts)
            parts.append(text[pos:b])
            esc = text[b + 1:b + 2]
            if esc == "u":
                code = self.hex4(b + 2)
                pos = b + 6
                if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                    low = self.hex4(pos + 2)
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        pos += 6
                parts.append(chr(code))
            elif esc in ESCAPES:
                parts.append(ESCAPES[esc])
                pos = b + 2
            else:
                raise ParseError("bad escape", b)

    def number(self):
        text, start = self.text, self.pos
        pos = start
        while pos < self.n and text[pos] in NUMBER_CHARS:
            pos += 1
        token = text[start:pos]
        self.pos = pos
        body = token[1:] if token.startswith("-") else token
        if not body or not body[0].isdigit() or (len(body) > 1 and body[0] == "0" and body[1].isdigit()):
            raise ParseError("bad number %r" % token, start)
        try:
            if "." in token or "e" in token or "E" in token:
                return float(token)
            return int(token)
        except ValueError:
            raise ParseError("bad number %r" % token, start) from None


WORDS = ["alpha", "beta", "gamma", "delta", "naïve", "café", "Ωmega", "日本語", "emoji 😀",
         "tab\there", "quote\"d", "back\\slash", "new\nline", "ctrl\x01char", "slash/ok"]


def gen_value(rng, depth):
    r = rng.random()
    if depth > 5 or r < 0.45:
        k = rng.randrange(8)
        if k == 0:
            return rng.randrange(-10 ** 6, 10 ** 6)
        if k == 1:
            return rng.randrange(10 ** 18, 10 ** 20)
        if k == 2:
            return round(rng.uniform(-1e4, 1e4), rng.randrange(1, 9))
        if k == 3:
            return rng.uniform(-1, 1) * 10.0 ** rng.randrange(-30, 30)
        if k == 4:
            return [True, False, None][rng.randrange(3)]
        return " ".join(WORDS[rng.randrange(len(WORDS))] for _ in range(rng.randrange(1, 5)))
    if r < 0.72:
        return [gen_value(rng, depth + 1) for _ in range(rng.randrange(0, 7))]
    obj = {}
    for i in range(rng.randrange(0, 7)):
        obj["%s_%d" % (WORDS[rng.randrange(len(WORDS))], i)] = gen_value(rng, depth + 1)
    return obj


def checksum(value):
    if isinstance(value, dict):
        h = 7
        for k, v in value.items():
            h = (h * 31 + len(k) * 17 + checksum(v)) % 1000000007
        return h
    if isinstance(value, list):
        h = 11
        for v in value:
            h = (h * 37 + checksum(v)) % 1000000007
        return h
    if isinstance(value, str):
        return (len(value) * 131 + sum(map(ord, value))) % 1000000007
    if value is None:
        return 3
    if value is True or value is False:
        return 5 if value else 13
    if isinstance(value, int):
        return value % 1000000007
    return int(value * 1000) % 1000000007 if abs(value) < 1e12 else 99


def main():
    rng = random.Random(8080)
    doc = {"items": [gen_value(rng, 0) for _ in range(1600)], "meta": {"version": 3, "ok": True}}
    compact = json.dumps(doc)
    pretty = json.dumps(doc, indent=2, ensure_ascii=False)
    print("document sizes:", len(compact), len(pretty))
    expected = json.loads(compact)
    same = 0
    for text in (compact, pretty, compact, pretty):
        result = Parser(text).parse()
        if result == expected:
            same += 1
    print("parses equal to json.loads:", same, "of 4")
    print("structure checksum:", checksum(result))
    print("canonical crc32:", zlib.crc32(json.dumps(result, sort_keys=True).encode()))
    bad = ['{"a": 1,}', "[1, 2", '"\\x"', "01", '{"a" 1}', "[1 2]", "tru", '"abc', "-", "[1.5e]"]
    errors = 0
    for b in bad:
        try:
            Parser(b).parse()
        except ParseError:
            errors += 1
    print("malformed inputs rejected:", errors, "of", len(bad))
    small = [json.dumps(gen_value(rng, 2)) for _ in range(3000)]
    agree = 0
    for s in small:
        if Parser(s).parse() == json.loads(s):
            agree += 1
    print("small documents agreeing:", agree, "of", len(small))


if __name__ == "__main__":
    main()
