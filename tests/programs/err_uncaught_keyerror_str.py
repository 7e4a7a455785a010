# uncaught KeyError with a string key -> repr in message
# warm-up: caught variants before the final uncaught error
d0 = {"a": 1}
for k in ["a", "b", "it's", 'say "hi"']:
    try:
        print(k, d0[k])
    except KeyError as e:
        print("KeyError:", e)
config = {"host": "localhost", "port": 8080}
for key in ["host", "port"]:
    print(key, config[key])
print(config["user name"])
