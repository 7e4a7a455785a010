# class-level state, instance counters, class attribute shadowing, methods added later
class Widget:
    created = 0
    registry = {}
    default_color = "grey"
    def __init__(self, name, color=None):
        Widget.created += 1
        self.serial = Widget.created
        self.name = name
        if color:
            self.color = color
        Widget.registry[name] = self
    @property
    def color(self):
        return getattr(self, "_color", self.default_color)
    @color.setter
    def color(self, c):
        self._color = c
    @classmethod
    def count(cls):
        return cls.created
    def __repr__(self):
        return "Widget(%s#%d,%s)" % (self.name, self.serial, self.color)
ws = [Widget("a"), Widget("b", "red"), Widget("c")]
print(ws, Widget.count(), sorted(Widget.registry))
Widget.default_color = "blue"
print(ws)
ws[2].default_color = "green"
print(ws, Widget.default_color)
class Special(Widget):
    default_color = "gold"
    created = 100
s = Special("s")
print(s, Special.created, Widget.created, Special.count(), Widget.count())
def describe(self):
    return "I am " + self.name
Widget.describe = describe
print(s.describe(), ws[0].describe())
class Temp:
    unit = "C"
t1, t2 = Temp(), Temp()
t1.unit = "F"
print(t1.unit, t2.unit, Temp.unit)
del t1.unit
print(t1.unit)
class Cfg:
    options = {"debug": False}
    def enable(self):
        self.options["debug"] = True
Cfg().enable()
print(Cfg.options, Cfg().options)
class Seq:
    next_id = 0
    def __init__(self):
        self.id = Seq.next_id
        Seq.next_id += 1
print([Seq().id for _ in range(5)], Seq.next_id)
