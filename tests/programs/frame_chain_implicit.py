# implicit chaining: an exception raised while handling another, uncaught
# ("During handling of the above exception, another exception occurred")
import traceback


def read_setting(settings, key):
    try:
        return settings[key]
    except KeyError:
        return int(settings["default"])


def cleanup(log):
    try:
        1 / 0
    except ZeroDivisionError:
        log.append("cleanup failed")
        log.missing_method()


try:
    read_setting({"default": "x"}, "port")
except ValueError as e:
    print("context:", type(e.__context__).__name__, e.__context__)
    print("suppressed?", e.__suppress_context__, "cause:", e.__cause__)
    traceback.print_exc()

print(read_setting({"port": 80}, "port"), read_setting({"default": "8"}, "port"))
cleanup([])
