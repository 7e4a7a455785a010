# code objects, closures, inspect.getsource / signature / getsourcelines
import dis
import inspect


def area(width, height=2, *rest, scale: float = 1.0, **opts) -> float:
    """Area of a rectangle."""
    product = width * height
    return product * scale


def make_counter(start, step):
    count = start
    unused = "x"

    def counter():
        nonlocal count
        count += step
        return count

    return counter


class Shape:
    sides = 0

    def describe(self, verbose=False):
        return "%s with %d sides" % (type(self).__name__, self.sides)

    @staticmethod
    def unit():
        return Shape()


print(inspect.getsource(area), end="")
print(inspect.getsource(Shape.describe), end="")
lines, first = inspect.getsourcelines(make_counter)
print(first, len(lines), lines[-1].strip())
print(inspect.signature(area))
print(inspect.signature(make_counter), inspect.signature(Shape.describe), inspect.signature(Shape().describe))
print(inspect.getdoc(area), inspect.getfile(area) == __file__, inspect.getmodule(area).__name__)

c = area.__code__
print(c.co_name, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals)
print(c.co_varnames, c.co_firstlineno, c.co_filename == __file__)
print(bool(c.co_flags & inspect.CO_VARARGS), bool(c.co_flags & inspect.CO_VARKEYWORDS))
print(area.__defaults__, area.__kwdefaults__, area.__annotations__)
print(area.__name__, area.__qualname__, area.__module__, area.__doc__)

counter = make_counter(10, 5)
print(counter(), counter())
print(counter.__code__.co_freevars, make_counter.__code__.co_cellvars)
print([cell.cell_contents for cell in counter.__closure__])
print(counter.__qualname__, counter.__code__.co_firstlineno)
counter.__closure__[0].cell_contents = 100
print(counter())
print(inspect.getclosurevars(counter))
print(area.__closure__, area.__globals__ is globals())

print(inspect.getsource(Shape.unit).strip().splitlines())
print([name for name, _ in inspect.getmembers(Shape, inspect.isfunction)])
print(inspect.isfunction(area), inspect.ismethod(Shape().describe), inspect.isclass(Shape))

lines = [(i.opname, i.argval) for i in dis.get_instructions(counter) if i.opname in ("LOAD_DEREF", "STORE_DEREF")]
print(lines)
print(sorted(set(l for _, l in dis.findlinestarts(area.__code__) if l is not None)))
print(inspect.getsource(lambda x: x + 1).strip())


def outer():
    a = 1

    def middle():
        b = 2

        def inner():
            return a + b
        return inner
    return middle()


fn = outer()
print(fn(), fn.__code__.co_freevars, [c.cell_contents for c in fn.__closure__], fn.__qualname__)
code2 = compile("x = 1\ny = x + 1\n", "<generated>", "exec")
ns = {}
exec(code2, ns)
print(ns["y"], code2.co_filename, code2.co_firstlineno)
