# logging.exception() inside except: the message and the traceback go to stderr
import logging

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("app")


def divide(a, b):
    return a / b


def process(pairs):
    done = 0
    for a, b in pairs:
        try:
            print("result", divide(a, b))
            done += 1
        except ZeroDivisionError:
            log.exception("could not divide %d by %d", a, b)
        except TypeError as e:
            log.error("bad operands: %s", e, exc_info=True)
    return done


log.info("starting")
print("done", process([(6, 3), (1, 0), (4, "x"), (9, 3)]))
logging.warning("root logger warning")
try:
    [][0]
except IndexError:
    logging.exception("module level failure")
log.critical("finished with stack", stack_info=True)
