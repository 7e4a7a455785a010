# match: literal, capture, wildcard, OR, AS, guards
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case True:
            return "true literal"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 3.5:
            return "three and a half"
        case int(n) if n > 100:
            return "big int %d" % n
        case int() as n:
            return "other int %d" % n
        case str() as s if len(s) > 3:
            return "long str " + s
        case _:
            return "something else: %r" % (x,)
for v in [0, 2, "hello", True, None, -1, 3.5, 1000, 50, "abcdef", "ab", [1], 1.0, False]:
    print(repr(v), "->", describe(v))
def cmd(command):
    match command.split():
        case ["go", direction]:
            return "going " + direction
        case ["go", *_]:
            return "go where?"
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case ["drop", *items] if items:
            return "dropping " + ",".join(items)
        case ["drop"]:
            return "drop what?"
        case [("quit" | "exit") as word]:
            return "bye via " + word
        case []:
            return "empty"
        case other:
            return "unknown %r" % other
for c in ["go north", "go", "go a b", "pick up lamp", "take key", "drop a b c", "drop", "quit", "exit", "", "dance now"]:
    print(repr(c), "->", cmd(c))
x = 5
match x:
    case y:
        print("irrefutable capture binds", y)
print("y after match:", y)
match 42:
    case 1:
        print("no")
print("no case matched, fine")
for val in [b"bytes", "str", 7]:
    match val:
        case bytes(b):
            print("bytes", b)
        case str(s):
            print("str", s)
        case _:
            print("other", val)
