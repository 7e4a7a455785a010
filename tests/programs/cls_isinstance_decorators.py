# isinstance/issubclass, class decorators, __init_subclass__, class-level registries
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, getattr(self, k)) for k in cls.fields)
        return "%s(%s)" % (cls.__name__, fields)
    cls.__repr__ = __repr__
    return cls
def register(registry):
    def deco(cls):
        registry.append(cls.__name__)
        return cls
    return deco
REG = []
@register(REG)
@add_repr
class Point:
    fields = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), REG)
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, name):
        self.name = name
c1 = Config("first")
c2 = Config("second")
print(c1 is c2, c1.name)
class Plugin:
    plugins = []
    def __init_subclass__(cls, kind="generic", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Plugin.plugins.append((cls.__name__, kind))
class CsvPlugin(Plugin, kind="csv"):
    pass
class JsonPlugin(Plugin, kind="json"):
    pass
class Other(Plugin):
    pass
class SubCsv(CsvPlugin):
    pass
print(Plugin.plugins, CsvPlugin.kind, SubCsv.kind, Other.kind)
print(isinstance(3, int), isinstance(3, (str, float)), isinstance(3.0, (str, float)), isinstance(True, int))
print(isinstance([], list), isinstance((), list), isinstance({}, dict), isinstance("s", str), isinstance(b"", bytes))
print(issubclass(bool, int), issubclass(int, bool), issubclass(CsvPlugin, Plugin), issubclass(Plugin, object), issubclass(int, (str, int)))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(Point, type), type(type).__name__)
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
class Meta_free_counter:
    created = 0
    def __new__(cls, *args):
        cls.created += 1
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v
objs = [Meta_free_counter(i) for i in range(4)]
print(Meta_free_counter.created, objs[2].v)
class Immutable:
    def __setattr__(self, name, value):
        raise AttributeError("cannot set %s" % name)
try:
    Immutable().x = 1
except AttributeError as e:
    print("AttributeError:", e)
class Dynamic:
    def __getattr__(self, name):
        return "dynamic_" + name
d = Dynamic()
d.real = "real"
print(d.real, d.anything, getattr(d, "other"), hasattr(d, "whatever"))
class Tracker:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
t = Tracker()
t.a = 1
t.b = 2
del t.a
print(t.log, t.b)
def make_class(name, base):
    return type(name, (base,), {"hello": lambda self: "hi from " + name})
Dyn = make_class("Dyn", object)
print(Dyn().hello(), Dyn.__name__, [c.__name__ for c in Dyn.__mro__])
