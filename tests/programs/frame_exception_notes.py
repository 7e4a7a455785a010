# exception notes (add_note): shown after the message in tracebacks
import traceback


def parse_row(lineno, row):
    try:
        return [int(x) for x in row.split(",")]
    except ValueError as e:
        e.add_note("while parsing line %d: %r" % (lineno, row))
        raise


def parse(rows):
    out = []
    for i, row in enumerate(rows, 1):
        out.append(parse_row(i, row))
    return out


try:
    parse(["1,2", "3,x"])
except ValueError as e:
    print("notes:", e.__notes__)
    traceback.print_exc()

e = TypeError("several notes")
e.add_note("first note")
e.add_note("second note\nspanning two lines")
print("".join(traceback.format_exception_only(e)), end="")

try:
    parse(["10,20", "30,40", "50,,60"])
except ValueError as e:
    e.add_note("while loading the table")
    raise
