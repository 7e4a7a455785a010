"""The types compiled code works with, and how a Python value gets one.

A JType says how a value lives in wasm (its *parts*, each a wasm local) and how
it crosses between the interpreter and native code (its slot *tag* and payload
words). Speculating on a type is only safe for values whose every operation we
lower exactly: ints that fit in 64 bits, floats, bools, lists and tuples of
ints or floats, range iterators, and a few builtins called with such values.
"""
from __future__ import annotations

import math
import array as _array
import operator
import struct
import sys
import types as _types
from gc import get_referents as _referents
from itertools import islice as _islice
from weakref import WeakValueDictionary as _WeakValueDictionary

from ..boundary import BOUNDARY, BUILTINS_MODULE as builtins
from ..cache import compiled
from ..compiler.code import UNBOUND
from .flags import all_flags

I64_MIN = -(1 << 63)
I64_MAX = (1 << 63) - 1


class JType:
    """parts: (suffix, wasm valtype) of the wasm locals holding one value."""

    def __init__(self, name: str, parts, tag: int, static=False):
        self.name = name
        self.parts = tuple(parts)
        self.tag = tag
        self.static = static          # no runtime value: known at compile time

    def __repr__(self):
        return self.name

    @property
    def numeric(self):
        return self in (INT, FLOAT, BOOL)


class SeqType(JType):
    """A list or tuple whose elements are all ``elem`` (int, float, bool, or objects of
    one InstanceType: ``object_seq``), copied into linear memory; the value is the
    address of its record [len, dirty, elements...] and the length. (An object
    element's word is the address of the object's record.)"""

    def __init__(self, kind: str, elem: JType, tag: int, resizable: bool = False):
        # the length rides along: native code cannot change it, so bounds checks and
        # len() read a local instead of memory -- except for a list the region resizes
        # (``resizable``, see resizable_type): its length lives in its record only, so
        # two names for the list see one length
        super().__init__("%s[%s]" % (kind, elem.name) if not resizable else "resizable list[%s]" % elem.name,
                         [("", "i32"), ("len", "i64")] if not resizable else [("", "i32")], tag)
        self.kind = kind
        self.elem = elem
        self.mutable = kind == "list"
        self.resizable = resizable


# list methods compiled code runs on a resizable list (ListMethod), and what each takes
LIST_METHODS = {"append": (1,), "pop": (0, 1), "insert": (2,)}


class ListMethod(JType):
    """``lst.append``, ``lst.pop`` or ``lst.insert`` of a resizable list, between the
    attribute load and its call: its value is the list's record."""
    _interned: dict = {}

    def __new__(cls, name, seq):
        t = cls._interned.get((name, seq))
        if t is None:
            t = cls._interned[(name, seq)] = super().__new__(cls)
            JType.__init__(t, "method %s of a %s" % (name, seq.name), [("", "i32")], 47)
            t.method = name
            t.seq = seq
        return t

    def __init__(self, name, seq):
        pass


# str methods compiled code runs on a whole str (StrMethod), with one str argument
STR_METHODS = ("startswith", "endswith")
# and those making a str (wasmgen/strmethods): strip and its sides with no argument or one
# str, lower and upper with none (of ASCII strs: another leaves)
STR_MAKING = ("strip", "lstrip", "rstrip", "lower", "upper")
# and split() with no argument: a list of str made natively (its words' records)
STR_SPLITTING = ("split",)


class StrMethod(JType):
    """``s.startswith``, ``s.endswith`` or a method making a str (STR_MAKING) or its words
    (STR_SPLITTING) of a str, between the attribute load and its call: its value is the
    string's record."""
    _interned: dict = {}

    def __new__(cls, name):
        t = cls._interned.get(name)
        if t is None:
            t = cls._interned[name] = super().__new__(cls)
            JType.__init__(t, "str.%s of a str" % name, [("", "i32")], 50)
            t.method = name
        return t

    def __init__(self, name):
        pass


class SeqIterType(JType):
    """An iterator over a list or tuple of ints or floats: its record and position."""

    def __init__(self, seq: SeqType, tag: int):
        super().__init__("%s_iterator" % seq.kind, [("seq", "i32"), ("idx", "i64")], tag)
        self.seq = seq
        self.name = "iterator over %s" % seq.name


class BuiltinType(JType):
    def __init__(self, fn):
        super().__init__("builtin %s" % fn.__name__, [], 0, static=True)
        self.fn = fn


class OtherType(JType):
    """A value native code cannot use; it stays in its Python register untouched.

    Interned by name: version signatures compare types by identity."""
    _interned: dict = {}

    def __new__(cls, pytype: str):
        t = cls._interned.get(pytype)
        if t is None:
            t = cls._interned[pytype] = super().__new__(cls)
            JType.__init__(t, pytype, [], 0, static=True)
        return t

    def __init__(self, pytype: str):
        pass


class Opaque(OtherType):
    """A stand-in for an object, or a list of objects, whose type a loop's full typing
    would work out by walking it (``instance_type``, ``objects_type``): what a typing with
    stand-ins computes from one is a stand-in too (``Inference(stand_ins=True)``), so an
    exit it finds at an operation on no stand-in is one the full typing finds as well.
    Interned by name, apart from OtherType's."""
    _interned: dict = {}


INT = JType("int", [("", "i64")], 1)
FLOAT = JType("float", [("", "f64")], 2)
BOOL = JType("bool", [("", "i32")], 3)
NONE = JType("None", [], 4, static=True)
UNBOUND_T = JType("unbound", [], 5, static=True)
# a string of one character (what indexing or iterating a string gives, and a one-character
# constant): its code point; boxed as chr(code) only where an exit needs the string
CHAR = JType("str (one character)", [("", "i64")], 40)

# str methods of a character compiled code computes (for ASCII characters; another's is an
# exit, and the interpreter calls it): name -> the runs of code points below 128 it is true of
CHAR_METHODS = {
    "isdigit": ((48, 57),), "isdecimal": ((48, 57),), "isnumeric": ((48, 57),),
    "isalpha": ((65, 90), (97, 122)), "isalnum": ((48, 57), (65, 90), (97, 122)),
    "isspace": ((9, 13), (28, 32)), "isupper": ((65, 90),), "islower": ((97, 122),),
    # (these two give a character: the runs they change, by CHAR_CASE's difference)
    "upper": ((97, 122),), "lower": ((65, 90),),
}
# upper() and lower() of an ASCII character: a letter of the run moves by this much, any
# other is itself (a non-ASCII one leaves: "ß".upper() is "SS")
CHAR_CASE = {"upper": -32, "lower": 32}


class CharMethod(JType):
    """``c.isdigit`` and the other CHAR_METHODS of a character: its value is the character's."""
    _interned: dict = {}

    def __new__(cls, name):
        t = cls._interned.get(name)
        if t is None:
            t = cls._interned[name] = super().__new__(cls)
            JType.__init__(t, "str.%s of a character" % name, CHAR.parts, 42)
            t.method = name
            t.runs = CHAR_METHODS[name]
        return t

    def __init__(self, name):
        pass
class RangeType(JType):
    """range(start, stop, step) and its iterators ([cur, stop, step]), specialised on the
    sign of the step when it is known: then the loop test is one comparison; and, counting
    up, on starting at 0 or above (``nonneg``: every value it gives is >= 0, which the range
    analysis uses: unsigned division, no negative index)."""

    def __init__(self, name, parts, tag, direction: int, nonneg: bool = False):
        super().__init__(name + {1: " (step > 0)", -1: " (step < 0)", 0: ""}[direction]
                         + (" from 0 up" if nonneg else ""), parts, tag)
        self.direction = direction
        self.nonneg = nonneg


_RANGE_PARTS = [("start", "i64"), ("stop", "i64"), ("step", "i64")]
_ITER_PARTS = [("cur", "i64"), ("stop", "i64"), ("step", "i64")]
RANGE = RangeType("range", _RANGE_PARTS, 7, 0)
RANGE_UP = RangeType("range", _RANGE_PARTS, 17, 1)
RANGE_DOWN = RangeType("range", _RANGE_PARTS, 18, -1)
RANGE_ITER = RangeType("range_iterator", _ITER_PARTS, 8, 0)
RANGE_ITER_UP = RangeType("range_iterator", _ITER_PARTS, 19, 1)
RANGE_ITER_DOWN = RangeType("range_iterator", _ITER_PARTS, 20, -1)
RANGE_UP_NN = RangeType("range", _RANGE_PARTS, 27, 1, nonneg=True)
RANGE_ITER_UP_NN = RangeType("range_iterator", _ITER_PARTS, 28, 1, nonneg=True)
RANGES = (RANGE, RANGE_UP, RANGE_DOWN, RANGE_UP_NN)
RANGE_ITERS = (RANGE_ITER, RANGE_ITER_UP, RANGE_ITER_DOWN, RANGE_ITER_UP_NN)
ITER_OF_RANGE = {RANGE: RANGE_ITER, RANGE_UP: RANGE_ITER_UP, RANGE_DOWN: RANGE_ITER_DOWN,
                 RANGE_UP_NN: RANGE_ITER_UP_NN}
ITER_OF_RANGE.update({t: t for t in RANGE_ITERS})


def range_by_step(step, iterator=False, start=None):
    """The range (iterator) type of a step, and of a start (an iterator's position) if
    known."""
    if step > 0 and start is not None and start >= 0:
        return RANGE_ITER_UP_NN if iterator else RANGE_UP_NN
    if iterator:
        return RANGE_ITER_UP if step > 0 else RANGE_ITER_DOWN
    return RANGE_UP if step > 0 else RANGE_DOWN
# a string: a sequence of characters, a record [len][0][one word per character: its code
# point] (native code never changes one)
STR = SeqType("str", CHAR, 6)
STR.name = "str"
# (str constants up to this length get a record in the module's data, layout.constant_records:
# compared with a str or searched in one natively; a longer one is an exit there)
STR_CONST_MAX = 4096
LIST_INT = SeqType("list", INT, 9)
LIST_FLOAT = SeqType("list", FLOAT, 10)
TUPLE_INT = SeqType("tuple", INT, 11)
TUPLE_FLOAT = SeqType("tuple", FLOAT, 12)
# (bools: a word 0 or 1 each, as a comprehension's list of bools is built)
LIST_BOOL = SeqType("list", BOOL, 32)
TUPLE_BOOL = SeqType("tuple", BOOL, 33)

LIST_INT_ITER = SeqIterType(LIST_INT, 13)
LIST_FLOAT_ITER = SeqIterType(LIST_FLOAT, 14)
TUPLE_INT_ITER = SeqIterType(TUPLE_INT, 15)
TUPLE_FLOAT_ITER = SeqIterType(TUPLE_FLOAT, 16)
LIST_BOOL_ITER = SeqIterType(LIST_BOOL, 34)
TUPLE_BOOL_ITER = SeqIterType(TUPLE_BOOL, 35)
STR_ITER = SeqIterType(STR, 41)


def _array_type(typecode: str, elem, tag: int, writable: bool) -> SeqType:
    t = SeqType("array", elem, tag)
    t.name = "array('%s')" % typecode
    t.typecode = typecode
    t.mutable = writable
    return t


# array.array of numbers: 'd' (floats) and the 8-byte ints ('q', and 'l' where it has 8 bytes)
# as they are in memory, and stored into; the other int types and 'f' only read (a store
# could overflow the type or round, which CPython does and compiled code would not). 'L'
# and 'Q' may hold ints beyond 64 bits signed.
ARRAYS = {"d": _array_type("d", FLOAT, 43, True), "f": _array_type("f", FLOAT, 44, False)}
for _code in "bBhHiIlq":
    ARRAYS[_code] = _array_type(_code, INT, 45, _array.array(_code).itemsize == 8 and _code in "lq")
ITER_OF = {t.seq: t for t in (LIST_INT_ITER, LIST_FLOAT_ITER, TUPLE_INT_ITER, TUPLE_FLOAT_ITER, LIST_BOOL_ITER,
                              TUPLE_BOOL_ITER, STR_ITER)}
ITER_OF.update({t: SeqIterType(t, 46) for t in ARRAYS.values()})

class BuiltListType(JType):
    """The list a list comprehension builds, grown by compiled code: a record
    [capacity][dirty][elements...] reserved at entry (the iterator's length), its length
    riding along as the sequences' does. Only the comprehension holds it (no alias can see
    it grow); an exit makes the Python list of the elements appended so far."""

    def __init__(self, elem: JType, tag: int):
        super().__init__("list being built of %s" % elem.name, [("", "i32"), ("len", "i64")], tag)
        self.elem = elem


BUILT_LISTS = {INT: BuiltListType(INT, 23), FLOAT: BuiltListType(FLOAT, 24), BOOL: BuiltListType(BOOL, 25)}


# sum() of floats compensates the rounding of each addition (Neumaier) from 3.12 on
COMPENSATED_SUM = sys.version_info >= (3, 12)


class ReducerType(JType):
    """What ``sum``, ``min``, ``max``, ``any`` or ``all`` has computed so far from a
    generator expression's elements (all ``elem``), folded in by compiled code instead of
    building a list: ``sum`` of ints, the int total; ``sum`` of floats, the float total
    and a count (3.12+ compensates rounding as CPython's sum does: the total, the
    compensation and the count, ``COMPENSATED_SUM``); ``min``/``max``, the extreme so
    far and a count;
    ``any``/``all``, how many elements did not decide (the one that does leaves native
    code). An exit makes it a tuple of those parts (see ``tauraro.vm.comprehensions``)."""
    _interned: dict = {}

    def __new__(cls, kind, elem):
        t = cls._interned.get((kind, elem))
        if t is None:
            t = cls._interned[(kind, elem)] = super().__new__(cls)
            acc = "i64" if elem is not FLOAT else "f64"
            counted = kind in ("min", "max") or kind == "sum" and elem is FLOAT   # (else 0 is empty)
            # (any and all leave as soon as they know: what they saw is their count)
            parts = ([("acc", acc)] if kind not in ("any", "all") else [("n", "i64")]) + \
                ([("lo", "f64")] if kind == "sum" and elem is FLOAT and COMPENSATED_SUM else []) + \
                ([("n", "i64")] if counted else [])
            JType.__init__(t, "%s of %ss so far" % (kind, elem.name), parts, 26)
            t.kind = kind
            t.elem = elem
        return t

    def __init__(self, kind, elem):
        pass

    # the element types each folds natively (a sum of bools is an int)
    ELEMS = {"sum": (INT, BOOL, FLOAT), "min": (INT, FLOAT), "max": (INT, FLOAT),
             "any": (INT, BOOL, FLOAT), "all": (INT, BOOL, FLOAT)}


class Building:
    """A comprehension's empty list, handed to compiled code with the element type to
    build it of (the comprehension site's guess) and the room to reserve; or, with
    ``reduce`` ("sum", "min" or "max"), where the reduction of its elements starts."""
    __slots__ = ("list", "elem", "capacity", "reduce")

    def __init__(self, lst: list, elem: JType, capacity: int, reduce=None):
        self.list = lst
        self.elem = elem
        self.capacity = capacity
        self.reduce = reduce


class _Members(JType):
    """A value native code never builds, whose members live in their own parts; interned
    per class by its members. A subclass gives ``_interned``, ``_label`` (its name,
    formatted with the members' names) and ``_tag``."""

    def __new__(cls, members):
        members = tuple(members)
        t = cls._interned.get(members)
        if t is None:
            t = cls._interned[members] = super().__new__(cls)
            parts = [("%d%s" % (i, "_" + sfx if sfx else ""), vt)
                     for i, m in enumerate(members) for sfx, vt in m.parts]
            JType.__init__(t, cls._label % ", ".join(m.name for m in members), parts, cls._tag)
            t.members = members
        return t

    def __init__(self, members):
        pass


class TupleValue(_Members):
    """A tuple of numbers that native code never builds: its members live in their own
    parts (what ``for i, x in enumerate(...)`` unpacks). Built as a Python tuple only if
    an exit needs it."""
    _interned: dict = {}
    _label, _tag = "tuple (%s)", 21


class ArgsList(_Members):
    """The list a call with ``*`` arguments builds for them (``f(a, *t)``: BUILD_LIST,
    LIST_EXTEND, then LIST_TO_TUPLE), which nothing but those instructions sees: its
    members' values, like a TupleValue's; a Python list only if an exit needs one."""
    _interned: dict = {}
    _label, _tag = "argument list [%s]", 27


class SliceValue(_Members):
    """``slice(start, stop, step)`` as ``a[i:j:k]`` builds it (BUILD_SLICE) for the SUBSCR
    right after it: three members, each an int (a bool's 0 or 1) or None, in their own
    parts. Native code never builds the slice object; an exit between the two
    instructions makes it (``slice(...)``). A slice constant (``a[::-1]``) is one too."""
    _interned: dict = {}
    _label, _tag = "slice (%s)", 51


def slice_type(start, stop, step) -> JType | None:
    """The SliceValue of a slice constant's members, or None (not ints within 64 bits and
    None)."""
    members = []
    for m in (start, stop, step):
        if m is None:
            members.append(NONE)
        elif type(m) in (int, bool) and I64_MIN <= m <= I64_MAX:
            members.append(INT)
        else:
            return None
    return SliceValue(members)


class CombinedIter(JType):
    """``enumerate(it)``, ``zip(a, b)`` or ``reversed(seq)`` made inside compiled code,
    over range, list and tuple iterators: ``inner`` are the iterators it advances, whose
    parts come first (then an enumerate's count); ``elem`` is what it yields."""
    _interned: dict = {}

    def __new__(cls, kind, inner):
        key = (kind, tuple(inner))
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            parts = [("%s%d_%s" % (kind[0], i, sfx) if sfx else "%s%d" % (kind[0], i), vt)
                     for i, it in enumerate(inner) for sfx, vt in it.parts]
            if kind == "enumerate":
                parts.append(("count", "i64"))
                elem = TupleValue((INT, iter_elem(inner[0])))
            elif kind == "zip":
                elem = TupleValue(tuple(iter_elem(it) for it in inner))
            else:
                elem = inner[0].seq.elem
            JType.__init__(t, "%s(%s)" % (kind, ", ".join(it.name for it in inner)), parts, 22)
            t.kind = kind
            t.inner = tuple(inner)
            t.elem = elem
        return t

    def __init__(self, kind, inner):
        pass


def iter_elem(it: JType) -> JType:
    """What an iterator type yields."""
    if isinstance(it, SeqIterType):
        return it.seq.elem
    if isinstance(it, DictIterType):
        return it.elem
    if isinstance(it, CombinedIter):
        return it.elem
    return INT          # a range iterator


# math functions whose wasm gives CPython's result bit for bit (exp, log, sin, cos and atan2
# only where tauraro.jit.mathlib finds the ported C library agrees with this machine's)
MATH_FUNCTIONS = ("sqrt", "fabs", "copysign", "floor", "ceil", "isqrt", "exp", "log", "sin", "cos", "atan2")
COMPILED_BUILTINS = {f: BuiltinType(f) for f in (
    builtins.abs, builtins.min, builtins.max, builtins.len, builtins.int, builtins.float,
    builtins.range, builtins.bool, builtins.enumerate, builtins.zip, builtins.reversed, builtins.ord,
    builtins.chr, builtins.isinstance)
    + tuple(getattr(math, n) for n in MATH_FUNCTIONS)}


class ModuleType(JType):
    """The ``math`` module, read from a global: ``math.sqrt`` and the other compiled
    functions are known at compile time. The entry check also checks that each of them
    is still the builtin (native code runs no Python code that could rebind them)."""

    def __init__(self, module, names):
        super().__init__("module %s" % module.__name__, [], 0, static=True)
        self.module = module
        self.attrs = {n: COMPILED_BUILTINS[getattr(module, n)] for n in names}

    def unchanged(self, value) -> bool:
        return value is self.module and all(
            getattr(value, n, None) is bt.fn for n, bt in self.attrs.items())


MATH_MODULE = ModuleType(math, MATH_FUNCTIONS)


class CellVar:
    """A cell of an inlined function's closure that compiled code reads and writes as a
    variable, ``("c", CellVar, name)`` (the loop's own cells are ``("c", register,
    name)``): one per cell object, which it keeps alive while it is held. Sorts after
    registers (``serial``: the order made in)."""
    _interned = _WeakValueDictionary()
    _made = 0
    __slots__ = ("cell", "serial", "__weakref__")

    def __new__(cls, cell):
        v = cls._interned.get(id(cell))
        if v is None:
            v = cls._interned[id(cell)] = super().__new__(cls)
            v.cell = cell
            CellVar._made += 1
            v.serial = CellVar._made
        return v

    def __lt__(self, other):
        return (1, self.serial) < ((1, other.serial) if isinstance(other, CellVar) else (0, other))

    def __gt__(self, other):
        return (1, self.serial) > ((1, other.serial) if isinstance(other, CellVar) else (0, other))

    def __repr__(self):
        return "cell#%d" % self.serial


class LiveCell:
    """In a FunctionType's ``cells``, a cell whose contents are not a constant: compiled
    code reads (and writes) it as the frame variable ``var`` -- the loop's own closure
    variable if it is that very cell, else ``("c", CellVar(cell), name)``. The version's
    key then holds which variable, not the contents."""
    _interned = _WeakValueDictionary()
    __slots__ = ("var", "cell", "__weakref__")

    def __new__(cls, var, cell):
        key = (var, id(cell))
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            t.var, t.cell = var, cell
        return t

    def __repr__(self):
        return "live %s" % (self.var,)


class FunctionType(JType):
    """One function of the program, known at compile time: calls of it are inlined.

    Interned per function object *and* its code, defaults and keyword defaults (the dict,
    and the values in it: KwDefaults), so a function whose ``__code__`` or defaults are
    replaced or changed is another type: the entry check (``func.__code__ is code`` ...)
    sends the loop to another version. Native
    code runs no Python code, so nothing rebinds a function during a native run.

    Interned weakly, as CellVar and LiveCell are: a type holds its function and the
    values its closure's cells held, which are the program's (a list of 20,000 rows a
    function's closure read, an object whose ``__del__`` CPython runs when the function
    returns); a type no version or typing holds any more lets go of them."""
    _interned = _WeakValueDictionary()

    def __new__(cls, func, cells=()):
        # by identity (defaults and cells may hold unhashable values); the type keeps every
        # object of its key alive, so no id is reused while it is interned
        values = KwDefaults.of(func)
        key = (id(func), id(func.__code__), id(func.__defaults__), id(func.__kwdefaults__),
               tuple((name, id(v)) for name, v in values),
               None if cells is None else tuple(map(id, cells)))
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            JType.__init__(t, "function %s" % func.__qualname__, [], 0, static=True)
            t.func, t.code, t.defaults, t.kwdefaults, t.cells = (
                func, func.__code__, func.__defaults__, func.__kwdefaults__, cells)
            t.kwdefault_values = values     # (what calls inlined take: the dict may change in place)
            # a closure's variables: name -> the value its cell holds (native code takes it as
            # a constant; every entry checks the cell still holds that very object), or a
            # LiveCell: a frame variable of the loop (its cell written in compiled code);
            # cells None: not known (no closure is inlined)
            t.closure = dict(zip(func.__code__.co_freevars, cells or ()))
            t.register_code = None        # the callee's register bytecode, found when inlining
        return t

    def __init__(self, func, cells=()):
        pass


class ClassType(JType):
    """A class of the program, known at compile time (its identity checked at entry):
    its static methods, class methods, functions and number attributes are read at
    compile time, and every entry checks each of those still is what was read."""
    _interned: dict = {}

    def __new__(cls, klass):
        t = cls._interned.get(id(klass))
        if t is None:
            t = cls._interned[id(klass)] = super().__new__(cls)
            JType.__init__(t, "class %s" % klass.__qualname__, [], 0, static=True)
            t.klass = klass
        return t

    def __init__(self, klass):
        pass

    def lookup(self, name):
        """The raw attribute (as in the class's and its bases' dicts), or MISSING."""
        return class_lookup(self.klass, name)


MISSING = object()


class KwDefaults(tuple):
    """The (name, value) pairs of a function's keyword-only defaults, as a compile read
    them. ``__kwdefaults__`` is the function's own dict, which ``f.__kwdefaults__["z"] =
    1000`` changes in place: code that took a default as a constant checks, at every entry,
    that the very values are still there -- the dict's identity says only that it was not
    replaced."""
    __slots__ = ()

    @classmethod
    def of(cls, func):
        d = func.__kwdefaults__
        return cls(d.items()) if d else cls()

    def held(self, d) -> bool:
        """Does the dict ``d`` (a ``__kwdefaults__``, or None) hold exactly these values?"""
        if not d:
            return not self
        return len(d) == len(self) and all(d.get(name, MISSING) is v for name, v in self)


# the pseudo-attribute of a function a compile's class attributes hold its keyword-only
# defaults' values by (a KwDefaults, compared item by item: lookup_unchanged,
# class_attributes_changed)
KWDEFAULT_VALUES = "__kwdefaults__ values"
# class_lookup's name for a class's method resolution order (not an identifier, so no
# attribute's): isinstance() decided at compile time relies on it (__bases__ can be assigned)
MRO = " mro"


class InstanceType(JType):
    """An instance of one of the program's classes, with the number attributes compiled
    code reads and writes (docs/jit-data.md): a record [class][dirty][one word per field]
    that the entry copies in through the identity map (``transfer.EntryRecords``); the
    value is the record's address, so two names for one object are one record.

    ``fields``: (name, INT, FLOAT or BOOL) of the attributes the region uses that the
    instance's ``__dict__`` holds as numbers, in that dict's order; nothing else of the
    object is copied. A field may be a slot (``__slots__``: ``slots`` holds its member
    descriptor, else None): read at entry and written back through that descriptor, never
    through the class's attribute lookup; an unset slot fails the entry (``fetch`` raises
    AttributeError). Slots are fields in the order ``__init__`` assigns them
    (``init_order``), the order an object made natively has. ``methods``: the names the region uses that the dict does not
    have and the class holds plain functions for (``self.m()``), or numbers (``self.limit``
    of a class's ``limit = 100``: ``class_number``): the entry checks the dict still has
    none of them. The entry checks the class (``type(o) is C``) and each field's
    type (the layout); the class's attribute of each field's name, and its
    ``__getattribute__`` and ``__setattr__``, are class attributes every entry checks
    (a data descriptor or a custom hook would take the dict's place).

    ``site``: not None for an object compiled code is making (``C(...)`` with ``__init__``
    inlined, docs/jit-data.md section 4) while its ``__init__`` runs: ``fields`` are the
    attributes assigned so far, in the order of their first assignment (the order of its
    ``__dict__``), each a prefix of the next, so the record (allocated for all of them)
    has one layout throughout; a store of a new attribute gives the next type. The site
    (the construction's code and pc) keeps two objects being made apart."""
    _interned: dict = {}

    def __new__(cls, klass, fields, methods=(), site=None):
        # (each field's slot, if the class's attribute of its name is a member descriptor:
        # part of the key, as a class attribute rebound over a slot makes the name a
        # __dict__ entry again)
        slots = tuple(slot_member(klass, name) for name, _ in fields)
        key = (klass, fields, methods, site, slots)
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            JType.__init__(t, "%s object%s" % (klass.__qualname__, " being initialised" if site else ""),
                           [("", "i32")], 30)
            t.klass = klass
            # (LINK: a field holding an object of this very class or None, ``node.next``:
            # the object-or-None of this type, a recursive type)
            fields = tuple((name, MaybeType(t) if ft is LINK else ft) for name, ft in fields)
            t.fields = fields
            t.methods = methods
            t.site = site
            t.offsets = {name: k for k, (name, _) in enumerate(fields)}
            t.fmt = "<" + "".join("d" if ft is FLOAT else "q" for _, ft in fields)
            # (the fields holding objects: their words are the objects' records' addresses)
            # (and the fields holding containers -- lists, tuples, strs, dicts: their words
            # are their records' addresses too, read only: _held_type)
            t.object_fields = tuple(k for k, (_, ft) in enumerate(fields)
                                    if isinstance(ft, (InstanceType, SeqType, DictType)))
            # (the fields holding an object of this class or None: followed by the entry
            # one object at a time, not recursively: EntryRecords._instance)
            t.link_fields = tuple(k for k, (_, ft) in enumerate(fields) if isinstance(ft, MaybeType))
            # (for the entry: the fields' values in one C-level call, their Python types,
            # the record's layout and size)
            names = [name for name, _ in fields]
            t.slots = slots
            # (a record of an object with slots among its fields, or with no __dict__ at
            # all, is read from the object, not its dict: ``fetch`` then takes the object)
            t.slotted = any(slots) or not klass.__dictoffset__
            # (fields of names the class has no attribute of are read from the object, not
            # its __dict__: see instance_attrs. ``by_object``: fetch takes the object)
            t.by_object = not t.slotted and all(class_lookup(klass, name) is MISSING for name in names)
            if t.slotted:
                t.fetch = _slot_fetch(klass, names, slots)
            else:
                t.fetch = _fields_getter(operator.attrgetter if t.by_object else operator.itemgetter, names)
            t.pytypes = tuple(ft.klass if isinstance(ft, (InstanceType, MaybeType)) else _held_class(ft)
                              if isinstance(ft, (SeqType, DictType)) else {FLOAT: float, INT: int, BOOL: bool}[ft]
                              for _, ft in fields)
            t.struct = struct.Struct(t.fmt)
            t.words = struct.Struct("<%dQ" % len(fields))     # (the fields' bits)
            t.record_struct = struct.Struct("<qq" + t.fmt[1:])
            t.size = 16 + 8 * len(fields)
        return t

    def __init__(self, klass, fields, methods=(), site=None):
        pass

    def field(self, name):
        """(index, type) of a field, or None."""
        k = self.offsets.get(name)
        return None if k is None else (k, self.fields[k][1])


# the Python class of a SeqType's values, by its kind
SEQ_CLASSES = {"list": list, "tuple": tuple, "str": str, "array": _array.array}


def _held_class(ft) -> type:
    """The Python class of a container field's value of type ``ft`` (_held_type)."""
    return dict if isinstance(ft, DictType) else SEQ_CLASSES[ft.kind]


# in the fields given to InstanceType: a field holding an object of the instance's own
# class or None (made that InstanceType's MaybeType)
LINK = JType("link", [("", "i32")], 32)


class MaybeType(JType):
    """An object of one InstanceType, or None (docs/jit-data.md, "Objects or None"): one
    i32, the object's record's address, or 0 for None (no record lives at address 0: the
    layout's header is there). Not an InstanceType, so no rule for objects takes one
    unawares: ``is None``, ``is not None`` and truth test the word; an attribute read or
    a method call first guards it non-zero (``check_ref``: None leaves, and the
    interpreter raises CPython's AttributeError), then is the object's."""
    _interned: dict = {}

    def __new__(cls, inner):
        t = cls._interned.get(inner)
        if t is None:
            t = cls._interned[inner] = super().__new__(cls)
            JType.__init__(t, "%s or None" % inner.name, [("", "i32")], 31)
            t.inner = inner
            t.klass = inner.klass
        return t

    def __init__(self, inner):
        pass


def maybe(t):
    """The MaybeType of an InstanceType (or of a MaybeType: itself); None for another type."""
    if isinstance(t, MaybeType):
        return t
    if isinstance(t, InstanceType) and t.site is None:
        return MaybeType(t)
    return None


def widen(a, b):
    """The one type of a value that is ``a`` on one path and ``b`` on another, if an
    object-or-None holds both (None and an object, an object and an object-or-None of
    its type); else None."""
    if a is b:
        return a
    if a is NONE:
        return maybe(b)
    if b is NONE:
        return maybe(a)
    ma, mb = maybe(a), maybe(b)
    return ma if ma is not None and ma is mb else None


def ref_class(t):
    """The class of an object or object-or-None type, else None."""
    return t.klass if isinstance(t, (InstanceType, MaybeType)) else None


# a class whose instances' attributes live in their __dict__, read and written by
# object's own __getattribute__ and __setattr__ (checked again at every entry: see
# InstanceType)
_HEAPTYPE = 1 << 9
_OBJECT_HOOKS = {"__getattribute__": object.__dict__["__getattribute__"],
                 "__setattr__": object.__dict__["__setattr__"]}


def object_seq(kind: str, elem) -> SeqType:
    """The SeqType of a list or tuple of objects of type ``elem``, or of lists or tuples of
    type ``elem`` (with its iterator type): its elements are records' addresses."""
    key = (kind, elem)
    t = _OBJECT_SEQS.get(key)
    if t is None:
        t = _OBJECT_SEQS[key] = SeqType(kind, elem, 36 if kind == "list" else 37)
        ITER_OF[t] = SeqIterType(t, 38 if kind == "list" else 39)
    return t


_OBJECT_SEQS: dict = {}
_RESIZABLE: dict = {}


def resizable_type(t: JType) -> JType:
    """``t`` with every list it holds made resizable, for a region that resizes a list
    (appends, pops or inserts): lists, the lists in a list or tuple, and iterators over
    them. (All lists of such a region, not only the one resized: a list reached through
    another name or as an element of a list of lists has one type, and one record.)"""
    if isinstance(t, SeqType) and t.kind in ("list", "tuple") and (
            t.elem in (INT, FLOAT, BOOL) or isinstance(t.elem, (InstanceType, SeqType))):
        if t.resizable:
            return t
        r = _RESIZABLE.get(t)
        if r is None:
            elem = resizable_type(t.elem)
            if t.kind == "tuple":
                r = t if elem is t.elem else object_seq("tuple", elem)
            else:
                r = SeqType("list", elem, 48, resizable=True)
                ITER_OF[r] = SeqIterType(r, 49)
            _RESIZABLE[t] = r
        return r
    if isinstance(t, SeqIterType) and t.seq.kind in ("list", "tuple"):
        seq = resizable_type(t.seq)
        return t if seq is t.seq else ITER_OF[seq]
    if isinstance(t, InstanceType) and any(isinstance(ft, (SeqType, InstanceType)) for _, ft in t.fields):
        # (an object's fields holding lists, or objects holding them: a list reached through
        # a field and through a variable is one record, of one type)
        r = _RESIZABLE.get(t)
        if r is None:
            _RESIZABLE[t] = t       # (a cycle of objects' types comes back to this one as it is)
            fields = tuple((name, LINK if isinstance(ft, MaybeType) and ft.inner is t else resizable_type(ft))
                           for name, ft in t.fields)
            r = _RESIZABLE[t] = InstanceType(t.klass, fields, t.methods, t.site)
        return r
    if isinstance(t, CombinedIter):
        inner = tuple(map(resizable_type, t.inner))
        return t if inner == t.inner else CombinedIter(t.kind, inner)
    return t


def object_seq_type(value, names, names_of=None, _outer=()) -> JType | None:
    """The SeqType of a list or tuple of objects of one plain class, for a region using
    the attributes ``names``, from its first element (the entry checks every element
    against it); None if it is not one -- objects of several classes among them too (typed
    by the first, each entry failed its check: deltablue.py's Plan.execute loop, over
    constraints of four classes, was compiled, then typed again and refused 13 times)."""
    if type(value) not in (list, tuple) or not value:
        return None
    first = _first_object(value)
    if first is None:
        return None
    classes = set(map(type, value))
    if len(classes - {_NoneType}) > 1:
        return None
    elem = instance_type(first, names, names_of, _outer)
    if elem is None:
        return None
    if _NoneType in classes:                    # (elements sometimes None: MaybeType; not
        elem = MaybeType(elem)                  # ``None in value``, which calls __eq__)
    return object_seq("list" if type(value) is list else "tuple", elem)


_NoneType = type(None)


def _first_object(seq):
    """The first element of ``seq`` that is not None (None if there is none)."""
    for x in seq:
        if x is not None:
            return x
    return None


def refinable(value) -> bool:
    """May a loop's full typing type ``value`` beyond its OtherType, by walking it: an
    object of a plain class (``instance_type``), a list, tuple or zip, or an iterator over a
    list or tuple (``objects_type``)?"""
    t = type(value)
    return t in (list, tuple, zip) or t in _seq_iterators or plain_class(t)


def objects_type(value, names_of) -> JType | None:
    """The type of a list or tuple of objects (object_seq_type), or of an iterator over
    one, for a region using the attributes ``names_of(klass)`` of their class; None if
    ``value`` is neither."""
    if type(value) in _seq_iterators:
        seq = _iterated(value)
        st = None if seq is None else object_seq_type(seq, names_of(type(_first_object(seq))), names_of)
        return None if st is None else ITER_OF[st]
    if type(value) in (list, tuple) and value:
        return object_seq_type(value, names_of(type(_first_object(value))), names_of)
    if type(value) is zip:      # (zip(nodes, nodes[1:]): a loop's own zip over such iterators)
        state = value.__reduce__()
        if len(state) != 2 or not state[1]:
            return None
        inner = [objects_type(it, names_of) or classify_sampled(it) for it in state[1]]
        if any(t not in RANGE_ITERS and not isinstance(t, SeqIterType) for t in inner):
            return None
        return CombinedIter("zip", inner)
    return None


# (sample_iterator: a list or tuple longer than this is judged by its first and last
# SAMPLE_HALF elements)
SAMPLE_HALF = 16


def sample_iterator(it):
    """An iterator over a sample of what ``it`` (a list or tuple iterator) runs over -- its
    sequence's first and last SAMPLE_HALF elements -- or ``it`` itself (a short sequence,
    another iterator): a loop's first trip rejects one that native code never takes by
    the sample's type (a sample of mixed or unsupported elements means the whole is so),
    without a look at every element (graph_structure's 135,000 adjacency lists: ~11 ms a
    look)."""
    if type(it) not in _seq_iterators:
        return it
    seq = _iterated(it)
    if seq is None or type(seq) not in (list, tuple):
        return it
    sample = _sample(seq)
    return it if sample is seq else iter(sample)


def _sample(seq):
    """A list or tuple longer than 4 * SAMPLE_HALF: its first and last SAMPLE_HALF elements;
    a shorter one itself."""
    return seq[:SAMPLE_HALF] + seq[-SAMPLE_HALF:] if len(seq) > 4 * SAMPLE_HALF else seq


def classify_sampled(value, G=None) -> JType:
    """``classify``, a long list or tuple (or an iterator over one), set or dict by a sample
    of its elements (``sample_iterator``): the type a version is compiled for, which its
    entry checks element by element as it copies (a loop refused by its typing never looks
    at every element; an entry failing that check is typed again in full: the controller's
    ``_object_types``)."""
    t = type(value)
    if t is list or t is tuple:
        return classify(_sample(value), G)
    if t in _seq_iterators:
        return classify(sample_iterator(value), G)
    if (t is set or t is frozenset or t is dict) and len(value) > 4 * SAMPLE_HALF:
        # (its first keys, and values, as a list's first and last elements: its entry checks
        # each as it copies it -- two sets of 100,000 and 60,000 ints typed whole cost a
        # loop testing membership ~10 ms before it was compiled)
        if t is dict:
            return dict_type(dict(_islice(value.items(), 2 * SAMPLE_HALF)))
        return set_type(t(_islice(value, 2 * SAMPLE_HALF)))
    if t is zip or t in _reversed_iterators:
        return _combined_type(value, t, sampled=True)
    return classify(value, G)


def over_objects(it) -> bool:
    """Is ``it`` an iterator over a list or tuple of objects of a plain class (by its first
    element), which native code may take (objects_type)?"""
    if type(it) is zip:         # (a zip over such iterators, and range, list and tuple ones)
        state = it.__reduce__()
        return len(state) == 2 and any(map(over_objects, state[1])) and all(
            over_objects(i) or not isinstance(classify_sampled(i), OtherType) for i in state[1])
    seq = _iterated(it) if type(it) in _seq_iterators else None
    return seq is not None and plain_class(type(_first_object(seq)))


def _iterated(it):
    """The list or tuple, not empty, that a list, tuple or array iterator runs over; else None."""
    state = it.__reduce__()
    if len(state) != 3 or type(state[1][0]) not in (list, tuple) or not state[1][0]:
        return None
    return state[1][0]


# the most a Python class's object holds beyond its slots' words: a dict and a weak
# reference list (3.11; 3.12 keeps both before the object)
_PLAIN_BASICSIZE = object.__basicsize__ + 16


def plain_class(klass) -> bool:
    """Are ``klass``'s instances plain Python objects whose attributes (in a ``__dict__``,
    or slots of ``__slots__``) object's own hooks get and set?"""
    if not klass.__flags__ & _HEAPTYPE or klass.__mro__[-1] is not object:
        return False
    if any(not b.__flags__ & _HEAPTYPE for b in klass.__mro__[:-1]):
        return False        # (a subclass of int, list, dict...)
    if klass.__basicsize__ > _PLAIN_BASICSIZE and klass.__basicsize__ > _PLAIN_BASICSIZE + 8 * sum(
            type(v) is _types.MemberDescriptorType for c in klass.__mro__ for v in c.__dict__.values()):
        # (a subclass of a C extension's heap type whose objects hold C state beyond their
        # slots: random.Random, whose methods native code could never inline, and whose
        # module walking them compiled to register bytecode for 64 ms of avl_tree.py)
        return False
    return all(class_lookup(klass, n) is raw for n, raw in _OBJECT_HOOKS.items())


_object_new = object.__dict__["__new__"]


def constructor(klass):
    """The ``__init__`` of a class whose calls compiled code may make itself (a virtual
    record, docs/jit-data.md section 4): a plain class (``plain_class``) whose metaclass is
    ``type``, with object's own ``__new__`` and no ``__del__``, and an ``__init__`` that is
    a plain function; None for any other. (What the call then does is
    ``object.__new__(C)`` and ``__init__``: materialising the object as ``C.__new__(C)``
    with its ``__dict__`` filled and its slots set is the same object. A class with
    ``__slots__`` is one too: its slots are fields like the dict's attributes.)"""
    if type(klass) is not type or not plain_class(klass):
        return None
    if class_lookup(klass, "__new__") is not _object_new or class_lookup(klass, "__del__") is not MISSING:
        return None
    init = class_lookup(klass, "__init__")
    return init if type(init) is _function else None


CONSTRUCTOR_ATTRIBUTES = ("__new__", "__del__", "__slots__", "__init__", "__getattribute__", "__setattr__")


_MEMBER = _types.MemberDescriptorType
_GETSET = _types.GetSetDescriptorType


def slot_member(klass, name):
    """The member descriptor that is ``klass``'s attribute ``name`` (a slot of a
    ``__slots__`` in its order, which ``o.name`` reads and writes), or None. A slot
    shadowed by a subclass's class attribute or property is not one: ``o.name`` is that."""
    raw = class_lookup(klass, name)
    # (a member descriptor of another class, assigned as a class attribute, raises
    # TypeError on this class's objects: not a slot)
    return raw if type(raw) is _MEMBER and raw.__objclass__ in klass.__mro__ else None


def _fields_getter(make, names):
    """The fields' values as a tuple, in one C-level call whatever their number (``make``:
    operator.itemgetter, taking an object's dict, or attrgetter, taking the object)."""
    if not names:
        return lambda o: ()
    if len(names) == 1:
        get = make(names[0])
        return lambda o: (get(o),)
    return make(*names)


def _slot_fetch(klass, names, slots):
    """For an InstanceType with slots among its fields, or of a class with no ``__dict__``:
    the fields' values of an object, one function call (a slot through its member
    descriptor -- never the class's attribute lookup, which could run code --, an unset
    one raising AttributeError; a ``__dict__`` field from the dict, a KeyError if missing)."""
    env = {}
    parts = []
    for k, (name, member) in enumerate(zip(names, slots)):
        if member is not None:
            env["g%d" % k] = member.__get__
            parts.append("g%d(o)" % k)
        else:
            parts.append("D(o)[%r]" % name)
    dd = class_lookup(klass, "__dict__")
    env["D"] = dd.__get__ if type(dd) is _GETSET else None
    return eval(compiled("lambda o: (%s)" % "".join(p + ", " for p in parts), "<tauraro fields>", "eval"), env)


def instance_attrs(value, klass, names) -> dict | None:
    """The attributes among ``names`` that ``value``'s ``__dict__`` holds, {name: value}, read
    without touching the ``__dict__``; None if that cannot be told (a class attribute of
    one of the names that is neither a plain function nor a data descriptor: the
    instance's value and the class's would look alike). Under 3.11 and 3.12 an object's
    attributes live in an array of values until something reads its ``__dict__``, which
    turns them into a dict for good: every later attribute access on it takes a slower
    path (a small method on such objects ran 1.6-1.8x slower, measured; raytracer.py's
    loop 0.25 s slower once the JIT had copied its spheres in). So the entry reads
    attributes the class has none of through the object (a plain class: no
    ``__getattr__``; an entry checks the class's attributes), and a method is shadowed
    if the object gives something other than its bound method. The names come in the
    order ``__init__`` assigns them (``init_order``), the rest by name: the order of an
    object's dict made by its ``__init__``, and of the fields of one made natively."""
    get = object.__getattribute__
    out = {}
    order = init_order(klass)
    for name in sorted(names, key=lambda n: (order.index(n) if n in order else len(order), n)):
        if type(name) is not str:
            continue
        raw = class_lookup(klass, name)
        if raw is MISSING:
            try:
                out[name] = get(value, name)
            except AttributeError:
                pass
        elif type(raw) is _function:
            if shadows_method(value, klass, name):
                out[name] = get(value, name)
        elif not _data_descriptor(raw):
            return None
    return out


def shadows_method(obj, klass, name) -> bool:
    """Does ``obj`` hold an attribute ``name`` of its own where its class has a plain
    function, a number (``class_number``) or a property (read without touching its
    ``__dict__``: see instance_attrs)?"""
    raw = class_lookup(klass, name)
    if class_number(raw):
        return object.__getattribute__(obj, name) is not raw
    if type(raw) is not _function:
        return False        # (a property: a data descriptor, which no instance attribute shadows)
    v = object.__getattribute__(obj, name)
    return not (type(v) is _types.MethodType and v.__func__ is raw and v.__self__ is obj)


def init_order(klass) -> tuple:
    """The attribute names ``klass``'s ``__init__`` (a plain function) assigns on ``self``,
    in the order of their first assignment in its code: the order of the fields of an
    object compiled code makes (Inference._construct), which an object of a class with
    slots copied in is given too, so the two have one type (a ``__dict__``'s order is
    that order by itself)."""
    init = class_lookup(klass, "__init__")
    if type(init) is not _function or not init.__code__.co_argcount:
        return ()
    code = init.__code__
    order = _INIT_ORDERS.get(code)
    if order is None:       # (once per code: types are made again at every entry)
        me = code.co_varnames[0]
        order = []
        prev = None
        with BOUNDARY:      # (here: ~1.4 ms of the JIT's start for a program constructing no objects)
            import dis
        for ins in dis.get_instructions(code):
            if ins.opname == "STORE_ATTR" and prev is not None and ins.argval not in order and (
                    prev.opname == "LOAD_FAST" and prev.argval == me
                    or prev.opname == "LOAD_FAST_LOAD_FAST" and prev.argval[1] == me):
                order.append(ins.argval)
            prev = ins
        order = _INIT_ORDERS[code] = tuple(order)
    return order


_INIT_ORDERS: dict = {}


def _data_descriptor(raw) -> bool:
    t = type(raw)
    return hasattr(t, "__set__") or hasattr(t, "__delete__")


def class_number(raw) -> bool:
    """Is ``raw`` (a class's attribute) a number native code holds as a constant: an int
    within 64 bits, a float or a bool, of exactly that type? ``self.limit`` of a class's
    ``limit = 100`` reads it through the object, when the object's dict has no ``limit``
    (InstanceType.methods: the entry checks it has not)."""
    t = type(raw)
    return (t is float or t is bool or t is int and -(1 << 63) <= raw < (1 << 63))


def read_from_class(raw) -> bool:
    """Is ``raw`` (a class's attribute) one the region reads through an object that its
    dict must not shadow (InstanceType.methods): a plain function (``self.m()``) or a
    number (``class_number``)?"""
    return type(raw) is _function or class_number(raw)


def _plain_property(raw) -> bool:
    """Is ``raw`` a property (not a subclass) whose getter is a plain function? Its value
    is that function's call with the object (inlined: ``Inference._property``); it takes
    the instance dict's place, being a data descriptor."""
    return type(raw) is property and type(raw.fget) is _function


def methods_named(klass, name) -> list:
    """The plain functions (methods, properties' getters: ``method_function``) that the
    classes of ``klass``'s order define for ``name``: the one ``o.name`` runs and those it
    overrides, which it may call through ``super()``."""
    return [f for f in map(method_function, (c.__dict__.get(name) for c in klass.__mro__)) if f is not None]


def method_function(raw):
    """The plain function a class attribute ``raw`` runs for ``o.name``: a method's own, a
    plain property's getter; else None."""
    if type(raw) is _function:
        return raw
    if _plain_property(raw):
        return raw.fget
    return None


def instance_type(value, names, names_of=None, _outer=()) -> JType | None:
    """The InstanceType of ``value`` for a region that uses the attributes ``names`` of
    it; None if its class is not plain or it has no usable field. Its fields are the
    number (or object) attributes among ``names`` its ``__dict__`` holds and the slots
    among them that are set (an unset slot is not a field: reading it is an exit, and the
    interpreter raises CPython's AttributeError); with slots among them, in the order
    ``__init__`` assigns them (``init_order``). With ``names_of``
    (class -> the names the region uses of its objects), a field holding an object of a
    plain class is one too, of that object's InstanceType (``ray.origin.x``: a tree of
    types, each object's class at most once on a path; the entry copies the objects in
    and checks their classes and layouts as it does the outer one's)."""
    klass = type(value)
    if not plain_class(klass):
        return None
    if klass.__dictoffset__:
        d = instance_attrs(value, klass, names)
        if d is None:
            d = class_lookup(klass, "__dict__")
            d = d.__get__(value) if type(d) is _GETSET else None
            if type(d) is not dict:
                return None
    else:
        d = {}
    # the slots the region uses that are set on ``value`` (an unset one is not a field:
    # reading it is an exit, and the interpreter raises CPython's AttributeError)
    slotted = {}
    for name in names:
        member = slot_member(klass, name)
        if member is not None:
            try:
                slotted[name] = member.__get__(value)
            except AttributeError:
                pass
    fields = []
    methods = tuple(sorted(n for n in names if n not in d and n not in slotted
                           and read_from_class(class_lookup(klass, n))
                           or _plain_property(class_lookup(klass, n))))
    items = [kv for kv in d.items() if kv[0] not in slotted]
    if slotted:     # (after the dict's, in the order __init__ assigns them: see init_order)
        items += sorted(slotted.items())
        order = init_order(klass)
        items.sort(key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    for name, v in items:
        if name not in names or type(name) is not str:
            continue
        tv = type(v)
        if tv is float:
            ft = FLOAT
        elif tv is bool:
            ft = BOOL
        elif tv is int and I64_MIN <= v <= I64_MAX:
            ft = INT
        elif (tv is klass or v is None) and names_of is not None:
            # (node.next: this object's type or None -- and a None there, which an object
            # of the class may hold one day: ``Node(v)``'s ``self.next = None``, the type of
            # an object made natively, is this too, so the two mix in a list)
            ft = LINK
        elif names_of is not None and len(_outer) < 3 and tv not in _outer and tv is not klass \
                and type(tv) is type and plain_class(tv):
            ft = instance_type(v, names_of(tv), names_of, _outer + (klass,))
            if ft is None:
                continue
        elif tv in _HELD and names_of is not None:
            ft = _held_type(v, names_of, _outer + (klass,))
            if ft is None:
                continue
        else:
            continue
        raw = class_lookup(klass, name)
        if raw is not MISSING and _data_descriptor(raw) and name not in slotted:
            continue
        fields.append((name, ft))
    return InstanceType(klass, tuple(fields), methods)     # (no field: compared by identity only)


# (the types of the containers an object's field may hold: see _held_type)
_HELD = (list, tuple, str, dict)


def _held_type(value, names_of, outer) -> JType | None:
    """The type of a container an object's field holds (``self.cells``, ``self.text``,
    ``self.counts``), if an entry copies it in: a list or tuple of numbers, bools, strs or
    such lists (by a sample of its elements: the entry checks each as it copies), of
    objects of a plain class not on the path to it (``outer``: the classes whose objects
    hold it, at most three deep), a str of two characters or more (one is a CHAR, a code
    point: a str field that is sometimes one character long would change type), or a dict
    copied as a native table. The field's word is the record's address: the container is
    one record however many names reach it (the identity map). None: the field is not
    copied, and reading it is an exit."""
    t = classify_sampled(value)
    if isinstance(t, SeqType) and t.kind in ("list", "tuple", "str"):
        return t
    if isinstance(t, DictType):
        return t
    if type(t) is OtherType and type(value) in (list, tuple) and value and len(outer) < 3:
        first = _first_object(value)
        tf = type(first)
        if tf not in outer and type(tf) is type and plain_class(tf):
            return object_seq_type(value, names_of(tf), names_of, outer)
    return None


class DictType(JType):
    """A dict whose keys are all ints (``key`` INT: not bools, within 64 bits) or all strs
    (``key`` STR), and whose values are all ints within 64 bits or all floats (``value``):
    copied into a native table (docs/jit-data.md, "Dicts"); the value is the table's
    address, so two names for one dict are one table. A str key's word is its code point
    if it has one character (what a CHAR is natively), else its number in ``STR_KEYS``
    (constant keys get theirs at compile time). An empty dict is ``EMPTY_DICT``'s type,
    and every dict type's entry takes an empty dict too (a loop that fills a dict starts
    with one), so a version compiled for a filled dict runs it again when it starts empty."""
    _interned: dict = {}

    def __new__(cls, key, value):
        t = cls._interned.get((key, value))
        if t is None:
            t = cls._interned[(key, value)] = super().__new__(cls)
            JType.__init__(t, "dict[%s, %s]" % (key.name, value.name), [("", "i32")], 47)
            t.key = key
            t.value = value
        return t

    def __init__(self, key, value):
        pass


class DictGet(JType):
    """``d.get`` of a dict copied in: called with a key and a default; its value is the
    dict's table."""
    _interned: dict = {}

    def __new__(cls, dt):
        t = cls._interned.get(dt)
        if t is None:
            t = cls._interned[dt] = super().__new__(cls)
            JType.__init__(t, "method get of a %s" % dt.name, dt.parts, 48)
            t.dict = dt
        return t

    def __init__(self, dt):
        pass


class StrKeys:
    """The numbers str keys of native tables have, for the whole process: a string of one
    character is its code point; a longer one gets the next number from ``FIRST`` on, the
    first time an entry or a compiled key meets it, and keeps it (so a number means one
    string in every version). ``strs`` maps a number back to the string it was given
    for, which write-back uses as the key of an entry native code added."""
    FIRST = 0x110000

    def __init__(self):
        self.ids: dict = {}
        self.strs: list = []

    def word(self, s: str) -> int:
        if len(s) == 1:
            return ord(s)
        w = self.ids.get(s)
        if w is None:
            w = self.ids[s] = self.FIRST + len(self.strs)
            self.strs.append(s)
        return w

    # (strings numbered at most: each is kept for the process's life; a dict of more new
    # strings than that stays in the interpreter)
    LIMIT = 1 << 20

    def words(self, keys) -> list | None:
        """The words of a dict's str keys (in one comprehension), or None if numbering
        them would pass LIMIT."""
        get, word = self.ids.get, self.word
        if len(self.strs) + len(keys) > self.LIMIT and sum(1 for k in keys if len(k) > 1 and k not in self.ids) \
                + len(self.strs) > self.LIMIT:
            return None
        return [ord(k) if len(k) == 1 else (get(k) or word(k)) for k in keys]

    def key(self, w: int) -> str:
        return chr(w) if w < self.FIRST else self.strs[w - self.FIRST]


STR_KEYS = StrKeys()


def dict_type(d) -> JType:
    """The DictType of a dict (its keys' and values' types), or an OtherType saying why
    it has none."""
    if not d:
        return EMPTY_DICT
    kt = set(map(type, d))
    vt = set(map(type, d.values()))
    if kt == {int}:
        key = INT if _ints_fit(d) else None
    elif kt == {str}:
        key = STR
    else:
        key = None
    if key is None:
        return OtherType("dict with keys of %s" % "/".join(sorted(t.__name__ for t in kt)))
    if vt == {int} and _ints_fit(d.values()):
        return DictType(key, INT)
    if vt == {float}:
        return DictType(key, FLOAT)
    return OtherType("dict with values of %s" % "/".join(sorted(t.__name__ for t in vt)))


class SetType(JType):
    """A set (``frozen``: a frozenset) whose elements are all ints within 64 bits (``key``
    INT: not bools) or all strs (``key`` STR), copied into a dict's native table without
    values (docs/jit-data.md, "Sets"): an entry's value word is 1 while its key is in the
    set and 0 once removed (a table never deletes), and the table's log records every add
    and removal native code made, in order, for write-back to replay. The value is the
    table's address, so two names for one set are one table. Str elements have the words
    str keys have (``STR_KEYS``). An empty set is ``EMPTY_SET``'s (or
    ``EMPTY_FROZENSET``'s) type, and every set type's entry takes an empty set too."""
    _interned: dict = {}

    def __new__(cls, key, frozen=False):
        t = cls._interned.get((key, frozen))
        if t is None:
            t = cls._interned[(key, frozen)] = super().__new__(cls)
            JType.__init__(t, "%s[%s]" % ("frozenset" if frozen else "set", key.name), [("", "i32")], 47)
            t.key = key
            t.frozen = frozen
            t.pytype = frozenset if frozen else set
        return t

    def __init__(self, key, frozen=False):
        pass


# set methods compiled code runs on a set (SetMethod); each takes one element
SET_METHODS = ("add", "discard", "remove")


class SetMethod(JType):
    """``s.add``, ``s.discard`` or ``s.remove`` of a set copied in, between the attribute
    load and its call: its value is the set's table."""
    _interned: dict = {}

    def __new__(cls, name, st):
        t = cls._interned.get((name, st))
        if t is None:
            t = cls._interned[(name, st)] = super().__new__(cls)
            JType.__init__(t, "method %s of a %s" % (name, st.name), st.parts, 48)
            t.method = name
            t.set = st
        return t

    def __init__(self, name, st):
        pass


# id(stand-in) -> (the stand-in, the program's dict iterator it stands in for), while native
# code may take it (tauraro.vm.rewind: a dict iterator cannot move back)
STAND_INS: dict = {}

_DICT_ITERATORS = {type(iter({})): "keys", type(iter({}.values())): "values", type(iter({}.items())): "items"}


class DictIterType(JType):
    """An iterator over a dict copied in (``for k in d``, ``d.keys()``, ``d.values()``,
    ``d.items()``) that the loop took over at entry: its value is the address of its
    record ``[table][position][the dict's size when it was made][the keys' str records]``
    (docs/jit-data.md, "Iterating a dict"). It yields the keys (ints, or strs: the records
    the entry wrote for them), the values, or (key, value) pairs (a TupleValue)."""
    _interned: dict = {}

    def __new__(cls, dt, kind):
        t = cls._interned.get((dt, kind))
        if t is None:
            t = cls._interned[(dt, kind)] = super().__new__(cls)
            JType.__init__(t, "dict_%siterator over a %s" % ("key" if kind == "keys" else kind[:-1], dt.name),
                           [("", "i32")], 49)
            t.dict = dt
            t.kind = kind
            t.elem = dt.key if kind == "keys" else dt.value if kind == "values" else TupleValue([dt.key, dt.value])
        return t

    def __init__(self, dt, kind):
        pass


def dict_iter_type(it) -> JType:
    """The DictIterType of a dict iterator (its dict's type, read through the iterator's
    one reference to it), or an OtherType saying why it has none."""
    dicts = [o for o in _referents(it) if type(o) is dict]
    if len(dicts) != 1:
        return OtherType("iterator over a dict subclass")
    dt = dict_type(dicts[0])
    if not isinstance(dt, DictType):
        return OtherType("iterator over a %s" % dt.name)
    return DictIterType(dt, _DICT_ITERATORS[type(it)])


def set_type(s) -> JType:
    """The SetType of a set or frozenset (its elements' type), or an OtherType saying why
    it has none."""
    frozen = type(s) is frozenset
    if not s:
        return EMPTY_FROZENSET if frozen else EMPTY_SET
    kt = set(map(type, s))
    if kt == {int} and _ints_fit(s):
        return SetType(INT, frozen)
    if kt == {str}:
        return SetType(STR, frozen)
    return OtherType("%s of %s" % (type(s).__name__, "/".join(sorted(t.__name__ for t in kt))))


class BoundMethodType(JType):
    """``o.m`` for a method ``m`` of an object copied in (InstanceType.methods): the
    function, called with the object first; its value is the object's record. (A property
    among the methods is called where it is read: it has no BoundMethodType.)"""
    _interned: dict = {}

    def __new__(cls, function, instance, attr, via=None):
        key = (function, instance, attr, via)
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            JType.__init__(t, "method %s" % function.func.__qualname__, instance.parts, 31)
            t.function = function
            t.instance = instance
            t.attr = attr
            t.via = via         # super(via, o).attr, found past ``via`` (SuperType); None: o.attr
        return t

    def __init__(self, function, instance, attr, via=None):
        pass


class SuperType(JType):
    """``super(K, o)`` (``super()`` in a method of ``K``) for an object ``o`` copied in, whose
    class's method resolution order after ``K`` is ``nxt``'s own (single inheritance, or
    any chain whose rest is one class's order): its methods are ``nxt``'s, bound to ``o``.
    Its value is ``o``'s record."""
    _interned: dict = {}

    def __new__(cls, klass, instance, nxt):
        key = (klass, instance)
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            JType.__init__(t, "super of %s" % instance.name, instance.parts, 49)
            t.klass = klass
            t.instance = instance
            t.next = nxt
        return t

    def __init__(self, klass, instance, nxt):
        pass


def super_next(klass, instance_class):
    """The class whose attributes ``super(klass, o)`` finds for an ``o`` of
    ``instance_class``, if that is one class's lookup (the rest of the order after
    ``klass`` is that class's own order); else None."""
    mro = instance_class.__mro__
    if klass not in mro:
        return None
    k = mro.index(klass)
    if k + 1 >= len(mro) or mro[k + 1].__mro__ != mro[k + 1:]:
        return None
    return mro[k + 1]


def class_lookup(klass, name):
    """The raw attribute ``name`` of a class, as in its and its bases' dicts, or MISSING.
    (Of a function: its attribute, ``__code__`` or ``__defaults__``: the class attributes
    compiled code relies on include the code of the methods it inlines.)"""
    if type(klass) is _function:
        return getattr(klass, name)
    if name == MRO:
        return klass.__mro__
    for k in klass.__mro__:
        v = k.__dict__.get(name, MISSING)
        if v is not MISSING:
            return v
    return MISSING


def lookup_unchanged(klass, name, raw, const) -> str:
    """A Python expression, for generated code, true while ``class_lookup(klass, name) is
    raw`` holds -- without its call: the class order compared once, then each class's own
    dict (a live ``mappingproxy``, held by ``const``) up to the one ``raw`` came from. Each
    entry of a loop reading a ray tracer's methods made ~70 lookups (~0.5 us each); these
    tests are a few dict probes. ``const(value)``: the name generated code reads ``value`` by."""
    if type(klass) is _function and name == KWDEFAULT_VALUES:
        return "%s.held(%s.__kwdefaults__)" % (const(raw), const(klass))
    if type(klass) is _function and name.isidentifier():
        return "%s.%s is %s" % (const(klass), name, const(raw))
    if type(klass) is _function or not isinstance(klass, type):
        return "%s(%s, %r) is %s" % (const(class_lookup), const(klass), name, const(raw))
    if name == MRO:
        return "%s.__mro__ is %s" % (const(klass), const(raw))
    mro = klass.__mro__
    tests = ["%s.__mro__ is %s" % (const(klass), const(mro))]
    for k in mro:
        d = const(k.__dict__)
        if k.__dict__.get(name, MISSING) is not MISSING:
            tests.append("%s.get(%r, %s) is %s" % (d, name, const(MISSING), const(raw)))
            return " and ".join(tests)
        tests.append("%r not in %s" % (name, d))
    if raw is not MISSING:      # (not there now: the test fails, as class_lookup's would)
        tests.append("False")
    return " and ".join(tests)


def class_attributes_changed(attributes) -> bool:
    """Is any of ((class, name), raw attribute) -- read at compile time -- not there now?"""
    return any(not raw.held(k.__kwdefaults__) if n == KWDEFAULT_VALUES else class_lookup(k, n) is not raw
               for (k, n), raw in attributes)


class BoundClassMethod(JType):
    """``C.m`` for a class method ``m``: its function, called with the class first."""
    _interned: dict = {}

    def __new__(cls, function, klass):
        key = (function, klass)
        t = cls._interned.get(key)
        if t is None:
            t = cls._interned[key] = super().__new__(cls)
            JType.__init__(t, "class method %s" % function.func.__qualname__, [], 0, static=True)
            t.function = function
            t.klass = klass
        return t

    def __init__(self, function, klass):
        pass


# functions Tauraro can inline: plain (not generators or coroutines), no **kwargs parameter
# (co_flags: VARKEYWORDS 8, GENERATOR 32, COROUTINE 128, ITERABLE_COROUTINE 256,
# ASYNC_GENERATOR 512); *args (VARARGS 4) is a tuple of the call's extra arguments
_NOT_INLINED_FLAGS = 8 | 32 | 128 | 256 | 512

_range_iterator = type(iter(range(0)))
_function = type(lambda: None)
_seq_iterators = (type(iter([])), type(iter(())), type(iter(_array.array("d"))))
STR_ITERATORS = (type(iter("")), type(iter("\u0100")))       # (ASCII and other strings')
_reversed_iterators = (type(reversed([])), reversed)


def fits(v: int) -> bool:
    return I64_MIN <= v <= I64_MAX


def _seq_type(v, kind):
    if kind == "list" and v and type(v[0]) is bool and all_flags(v):
        # (a list of bools, known exactly at C speed through marshal, ~8 ns an element
        # against ~24 for the set of their types: a sieve's 5*10^6 flags are typed at each
        # new version's entry)
        return LIST_BOOL
    types = set(map(type, v))
    if types == {float}:
        return LIST_FLOAT if kind == "list" else TUPLE_FLOAT
    if types == {bool}:
        return LIST_BOOL if kind == "list" else TUPLE_BOOL
    if types <= {int}:
        if all(I64_MIN <= x <= I64_MAX for x in v) if v and len(v) < 64 else _ints_fit(v):
            return LIST_INT if kind == "list" else TUPLE_INT
        return OtherType("%s with big ints" % kind)
    if types == {str}:
        # lists of str (words, lines): each element its own STR record, its address the
        # element's word (transfer.EntryRecords._strs copies them in at once)
        return object_seq(kind, STR)
    if len(types) == 1 and (list in types or tuple in types):
        # lists of lists (grids, tables): the rows' type from the first (the entry checks
        # every row against it)
        inner = _seq_type(v[0], "list" if list in types else "tuple")
        if isinstance(inner, SeqType):
            return object_seq(kind, inner)
    return OtherType("%s of %s" % (kind, "/".join(sorted(t.__name__ for t in types))))


# (an empty dict's guess: int keys and values; any dict type's entry takes an empty dict)
EMPTY_DICT = DictType(INT, INT)
# (what the controller tries for an empty dict, in this order: see Controller._guess_dicts)
DICT_GUESSES = (EMPTY_DICT, DictType(STR, INT), DictType(INT, FLOAT), DictType(STR, FLOAT))
# (the same for an empty set or frozenset: int elements, or str ones)
EMPTY_SET = SetType(INT)
EMPTY_FROZENSET = SetType(INT, True)
# (each empty type's guesses: Controller._guess_dicts)
GUESSES = {EMPTY_DICT: DICT_GUESSES, EMPTY_SET: (EMPTY_SET, SetType(STR)),
           EMPTY_FROZENSET: (EMPTY_FROZENSET, SetType(STR, True))}
# (an empty list taken in: a list of ints to every stage, but a type of its own, so a
# version compiled for its guess is not filed under a list of ints that has elements.
# The controller types it as the guess with which the loop has the fewest exits: a stack
# of characters, ``stack = []`` then ``stack.append(c)``, a list of str. Every list
# type's entry takes an empty list. Its resizable twin likewise)
EMPTY_LIST = SeqType("list", INT, 9)
ITER_OF[EMPTY_LIST] = LIST_INT_ITER
LIST_GUESSES = (LIST_INT, object_seq("list", STR), LIST_FLOAT)
GUESSES[EMPTY_LIST] = LIST_GUESSES
GUESSES[resizable_type(EMPTY_LIST)] = tuple(map(resizable_type, LIST_GUESSES))


def _ints_fit(v) -> bool:
    if not v:
        return True
    return I64_MIN <= min(v) and max(v) <= I64_MAX


def range_iter_state(it):
    """(cur, stop, step) of a range iterator, or None if it cannot be native."""
    _, (rng,), index = it.__reduce__()
    index = index or 0          # 3.12+: the range left to run, and no index
    start, stop, step = rng.start, rng.stop, rng.step
    cur = start + index * step
    n = len(rng)
    last = start + (n - 1) * step
    if not (fits(cur) and fits(stop) and fits(step) and fits(last + step) and fits(start)):
        return None
    return cur, stop, step


def _combined_type(value, t, sampled=False) -> JType:
    """A loop's own ``zip`` (of range, list and tuple iterators, and zips of them; an
    ``enumerate`` in a ``for`` header is made one by the baseline) or ``reversed`` over a list or tuple
    (``sampled``: their lists typed by a sample, ``classify_sampled``)."""
    state = value.__reduce__()
    if t is zip:
        if len(state) != 2:
            return OtherType("zip(strict=True)")
        inner = [classify_sampled(it) if sampled else classify(it) for it in state[1]]
        # (a zip inside one: ``enumerate(zip(a, b))``, which the baseline makes a zip of a
        # count and that zip)
        bad = [i for i in inner if i not in RANGE_ITERS and not isinstance(i, SeqIterType)
               and not (isinstance(i, CombinedIter) and i.kind == "zip")]
        if bad or not inner:
            return OtherType("zip over %s" % ", ".join(i.name for i in bad) if bad else "zip()")
        return CombinedIter("zip", inner)
    if len(state) != 3:
        return OtherType("exhausted iterator")
    seq = state[1][0]
    st = _seq_type(_sample(seq) if sampled else seq, "list" if type(seq) is list else "tuple") \
        if type(seq) in (list, tuple) else None
    if not isinstance(st, SeqType):
        return OtherType("reversed over a " + (st.name if st else type(seq).__name__))
    return CombinedIter("reversed", [ITER_OF[st]])


def classify(value, G=None) -> JType:
    """The JType a live value has at loop entry (``G``: the loop's module globals; a
    function of that module may be inlined)."""
    t = type(value)
    if t is int:
        return INT if I64_MIN <= value <= I64_MAX else OtherType("big int")
    if t is float:
        return FLOAT
    if t is bool:
        return BOOL
    if value is None:
        return NONE
    if value is UNBOUND:
        return UNBOUND_T
    if t is list:
        return _seq_type(value, "list")
    if t is tuple:
        return _seq_type(value, "tuple")
    if t is str:
        return CHAR if len(value) == 1 else STR
    if t is dict:
        return dict_type(value)
    if t is set or t is frozenset:
        return set_type(value)
    if t in _DICT_ITERATORS:
        return dict_iter_type(value)
    if t is _array.array:
        return ARRAYS.get(value.typecode) or OtherType("array('%s')" % value.typecode)
    if t in STR_ITERATORS:
        state = value.__reduce__()
        return STR_ITER if len(state) == 3 else OtherType("exhausted iterator")
    if t is range:
        if fits(value.start) and fits(value.stop) and fits(value.step) and fits(value.stop + value.step):
            return range_by_step(value.step, start=value.start)
        return OtherType("range over big ints")
    if t is _range_iterator:
        state = range_iter_state(value)
        if state is None:
            return OtherType("range_iterator over big ints")
        return range_by_step(state[2], iterator=True, start=state[0])
    if t.__name__ == "longrange_iterator":
        return OtherType("range iterator over big ints")
    if t in _seq_iterators:
        state = value.__reduce__()
        if len(state) == 3:
            seq = state[1][0]
            st = classify(seq) if type(seq) is _array.array else _seq_type(seq, "list" if type(seq) is list else "tuple")
            if isinstance(st, SeqType):
                return ITER_OF[st]
            return OtherType("iterator over a " + st.name)
        return OtherType("exhausted iterator")
    if t is zip or t in _reversed_iterators:
        return _combined_type(value, t)
    if t is Building:
        return BUILT_LISTS[value.elem] if value.reduce is None else ReducerType(value.reduce, value.elem)
    for fn, bt in COMPILED_BUILTINS.items():
        if value is fn:
            return bt
    if value is math:
        return MATH_MODULE if MATH_MODULE.unchanged(value) else OtherType("module with changed functions")
    if t is type and G is not None:
        return ClassType(value)
    if t is _function and G is not None:
        code = value.__code__
        if value.__globals__ is G and not code.co_flags & _NOT_INLINED_FLAGS:
            try:
                cells = tuple(c.cell_contents for c in value.__closure__ or ())
            except ValueError:
                return OtherType("closure with an empty cell")
            return FunctionType(value, cells)
    return OtherType(t.__name__)


def virtual_tuple_type(value) -> JType | None:
    """The TupleValue a tuple of numbers, bools and None (and such tuples) has, where a
    loop keeps the tuples its variable holds as virtuals; None if it has none."""
    if type(value) is not tuple or not 0 < len(value) <= 8:
        return None
    members = []
    for m in value:
        t = virtual_tuple_type(m) if type(m) is tuple else classify(m)
        if t is None or not (t in (INT, FLOAT, BOOL, NONE) or isinstance(t, TupleValue)):
            return None
        members.append(t)
    return TupleValue(members)


def str_tuple(value) -> bool:
    """Is ``value`` a tuple of strs compiled code tests membership in (``x in ("==",
    "!=")``: Recorder.in_str_tuple compares it with each member; layout gives each a constant record)?"""
    return type(value) is tuple and 0 < len(value) <= 64 and all(
        type(m) is str and len(m) <= STR_CONST_MAX for m in value)


def const_type(value) -> JType:
    """The JType of a constant operand: numbers and None inline, tuples of numbers
    as records in the module's constant data (a str constant is not inlined)."""
    t = type(value)
    if t is str and len(value) == 1:
        return CHAR
    if t is slice:
        st = slice_type(value.start, value.stop, value.step)
        return st if st is not None else OtherType("slice of other than ints and None")
    if t in (int, float, bool, tuple) or value is None:
        ct = classify(value)
        if isinstance(ct, SeqType) and isinstance(ct.elem, SeqType):
            return OtherType("tuple of tuples")     # (constant records hold numbers only)
        return ct
    return OtherType(t.__name__)
