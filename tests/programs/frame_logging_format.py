# a logging format that names the file, line number and function of each call,
# one handler on stdout and one on stderr
import logging
import sys

fmt = "%(levelname)s %(filename)s:%(lineno)d %(funcName)s [%(name)s] %(message)s"
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter(fmt))
err = logging.StreamHandler(sys.stderr)
err.setLevel(logging.WARNING)
err.setFormatter(logging.Formatter("%(module)s.%(funcName)s@%(lineno)d: %(levelname)s %(message)s"))
root = logging.getLogger()
root.setLevel(logging.DEBUG)
root.addHandler(out)
root.addHandler(err)

log = logging.getLogger("inventory")


class Store:
    def __init__(self):
        self.items = {}
        log.debug("store created")

    def add(self, name, count):
        if count <= 0:
            log.warning("refusing to add %d of %s", count, name)
            return
        self.items[name] = self.items.get(name, 0) + count
        log.info("added %d %s, now %d", count, name, self.items[name])


def helper(store):
    for name, count in [("apple", 3), ("pear", 0), ("apple", 2)]:
        store.add(name, count)
    log.error("helper done")


def log_with_stacklevel():
    log.info("reported at the caller's line", stacklevel=2)


s = Store()
helper(s)
log_with_stacklevel()
logging.info("from the module")
print(s.items)
