# explicit chaining with "raise ... from ...", and "from None" hiding the context;
# caught versions printed with traceback, then an uncaught "from" chain of three
import sys
import traceback


class ConfigError(Exception):
    pass


def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad port %r" % text) from e


def parse_quiet(text):
    try:
        return int(text)
    except ValueError:
        raise ConfigError("bad port (details hidden)") from None


def load(text):
    try:
        return parse_port(text)
    except ConfigError as e:
        raise RuntimeError("cannot load configuration") from e


for fn in (parse_port, parse_quiet):
    try:
        fn("eighty")
    except ConfigError as e:
        print(fn.__name__, "cause:", repr(e.__cause__), "suppress:", e.__suppress_context__)
        traceback.print_exc(file=sys.stdout)
        print("-" * 20)

try:
    raise KeyError("k") from OSError("disk")
except KeyError:
    lines = traceback.format_exc().splitlines()
    print(len(lines), lines[-1])

print(load("8080"))
load("http")
