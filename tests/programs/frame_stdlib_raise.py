# an exception raised inside a library call: the library's own frames appear in
# the traceback (json/__init__.py, json/decoder.py)
import json


def parse_config(text):
    print("parsing", len(text), "characters")
    return json.loads(text)


def load(texts):
    out = []
    for t in texts:
        out.append(parse_config(t))
    return out


try:
    json.loads("{bad")
except json.JSONDecodeError as e:
    print("caught:", e.msg, e.lineno, e.colno, e.pos)

print(load(['{"a": 1}', '[1, 2, 3]']))
load(['{"ok": true}', '{"broken": [1, 2,, 3]}'])
