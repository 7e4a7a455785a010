# raising an exception class without arguments: last line has no colon
# warm-up: caught variants before the final uncaught error
class Stop(Exception):
    pass
for i in range(3):
    try:
        if i == 1:
            raise Stop
        print("iteration", i)
    except Stop as s:
        print("caught bare class, args:", s.args, "repr:", repr(s))
class Halt(Exception):
    pass
print("halting")
raise Halt
