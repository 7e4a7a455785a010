# weakref callbacks and finalizers run when the referent dies
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


events = []


def make_callback(tag):
    def cb(ref):
        events.append(("callback", tag, ref() is None))
    return cb


o = Obj("one")
r = weakref.ref(o, make_callback("one"))
print(r() is o, r().name)
del o
print(events, r())

o2 = Obj("two")
f = weakref.finalize(o2, events.append, ("finalize", "two"))
print(f.alive)
o2 = None
print(f.alive, events[-1])

cache = weakref.WeakValueDictionary()
keep = [Obj(str(i)) for i in range(4)]
for k in keep:
    cache[k.name] = k
print(sorted(cache.keys()))
del keep[1:3]
print(sorted(cache.keys()))

wset = weakref.WeakSet([Obj("a")])
print(len(wset))
items = [Obj("b"), Obj("c")]
wset.update(items)
print(len(wset), sorted(x.name for x in wset))
items.pop()
print(len(wset))

keyd = weakref.WeakKeyDictionary()
k1 = Obj("key")
keyd[k1] = "value"
print(list(keyd.values()))
del k1
print(len(keyd))


class Cyclic:
    def __init__(self, name):
        self.me = self
        self.name = name


gc.disable()
c = Cyclic("cyc")
rc = weakref.ref(c, make_callback("cyc"))
del c
print("cycle alive before collect:", rc() is not None)
gc.collect()
print("after collect:", rc(), events[-1])
gc.enable()


def method_ref():
    o = Obj("m")
    wm = weakref.WeakMethod(o.__repr__)
    print(wm()())
    del o
    return wm()


print(method_ref())
p = Obj("proxied")
proxy = weakref.proxy(p)
print(proxy.name, weakref.getweakrefcount(p))
del p
try:
    proxy.name
except ReferenceError as e:
    print("ReferenceError:", e)
print(len(events), events)
