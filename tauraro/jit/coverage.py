"""Which bytecode instructions compiled code runs, and why the others leave it.

Every opcode of the table (``tauraro.compiler.opcodes``) is in exactly one of:

- ``COMPILED``: type inference has a rule for it and the recorder turns it into IR
  (for the operand types the rule accepts; other types are side exits with
  their own reasons);
- ``NOT_COMPILED``: native code never runs it. On a path some iterations take, it
  is a side exit whose reason, shown by ``--jit-stats``, is the one written here;
  on the path every iteration takes, the loop is not compiled, for that reason.

``tests/test_jit_coverage.py`` holds the table to the opcode table, to inference
and to the recorder (and the IR table to the emitter), so no opcode falls through a
gap unnoticed.
"""
from __future__ import annotations

COMPILED = frozenset((
    # moves, globals, checks
    "NOP", "MOVE", "LOAD_GLOBAL", "STORE_GLOBAL", "CHECK_BOUND",
    # arithmetic on ints, floats and bools (augmented forms too), comparisons, identity
    "ADD", "SUB", "MUL", "TRUEDIV", "FLOORDIV", "MOD", "POW", "LSHIFT", "RSHIFT", "AND", "OR",
    "XOR", "IADD", "ISUB", "IMUL", "ITRUEDIV", "IFLOORDIV", "IMOD", "IPOW", "ILSHIFT", "IRSHIFT",
    "IAND", "IOR", "IXOR", "LT", "LE", "EQ", "NE", "GT", "GE", "IS", "IS_NOT",
    # a character in a string constant (c in "+-*/"); other membership tests are exits
    "IN", "NOT_IN",
    "NEG", "POS", "INVERT", "NOT",
    # control flow and iteration over ranges, lists and tuples, and enumerate, zip and
    # reversed of those (UNPACK: of the tuples they yield)
    "JUMP", "JUMP_BACK", "JUMP_IF_FALSE", "JUMP_IF_TRUE", "GET_ITER", "FOR_ITER", "UNPACK",
    # lists and tuples of numbers; the builtins abs, min, max, len, int, float, range, bool
    # and math.sqrt, fabs, copysign, floor and ceil (LOAD_ATTR: of the math module, and of
    # a class: its static and class methods, functions and numbers); calls of the program's
    # own functions, inlined (tauraro.jit.inline), keywords too; LOAD_ATTR and STORE_ATTR
    # of the number attributes of the program's objects (jtypes.InstanceType, copied in)
    "SUBSCR", "STORE_SUBSCR", "CALL", "CALL_KW", "LOAD_ATTR", "STORE_ATTR",
    # tuples of numbers and None made in compiled code: virtuals (their members' values),
    # unpacked, indexed by constants, returned by inlined callees; a Python tuple only
    # where an exit needs one
    "BUILD_TUPLE",
    # a[i:j:k] of lists, tuples and strs: the slice a virtual of its members (SliceValue),
    # the result a new record made natively (docs/jit-data.md "Slices")
    "BUILD_SLICE",
    # f(*t) and f(a, *t) with t of known length (a tuple virtual, a constant tuple,
    # [x, y], *args forwarded), f a program function: the call (CALL_EX) is inlined as
    # f(a, t[0], t[1]), the argument list it builds a virtual too. Other lists
    # (BUILD_LIST), extending them (LIST_EXTEND) or making them tuples (LIST_TO_TUPLE)
    # exit as "building a container"; a CALL_EX with **kwargs, keyword arguments, *args
    # of unknown length (a list, a tuple from outside the loop), or of a builtin, exits too
    "BUILD_LIST", "LIST_EXTEND", "LIST_TO_TUPLE", "CALL_EX",
    # closure variables: the contents of a cell (the loop's own, or one an inlined
    # closure writes), read at entry and written back at exits -- as are the globals
    # (STORE_GLOBAL) the loop and its inlined callees write
    "LOAD_DEREF", "STORE_DEREF",
    # a list comprehension's list of numbers, grown in compiled code (tauraro.vm.comprehensions)
    "LIST_APPEND",
))

_NAMESPACES = "a name looked up in a namespace dict (class bodies, exec)"
_DELETE = "deleting a binding"
_EXCEPTIONS = "exception handling"
_GENERATORS = "generators and coroutines"
_BUILD = "building a container"
_MATCH = "structural pattern matching"
_IMPORT = "importing"

NOT_COMPILED = {
    "DELETE_GLOBAL": _DELETE, "DELETE_FAST": _DELETE, "DELETE_DEREF": _DELETE,
    "DELETE_NAME": _DELETE, "DELETE_ATTR": _DELETE, "DELETE_SUBSCR": _DELETE,
    "LOAD_GLOBALS": _NAMESPACES, "LOAD_NAME": _NAMESPACES, "STORE_NAME": _NAMESPACES,
    "SETUP_ANNOTATIONS": _NAMESPACES,
    "MAKE_CELL": "making a cell (a loop does not define the functions that would share it)",
    "LOAD_CLASSDEREF": _NAMESPACES,
    "MATMUL": "matrix multiplication (no compiled type has it)",
    "IMATMUL": "matrix multiplication (no compiled type has it)",
    "RETURN": "return",
    "RAISE": _EXCEPTIONS, "RAISE_FROM": _EXCEPTIONS, "RERAISE": _EXCEPTIONS,
    "RERAISE_CURRENT": _EXCEPTIONS, "PUSH_EXC": _EXCEPTIONS, "POP_EXC": _EXCEPTIONS,
    "EXC_MATCH": _EXCEPTIONS,
    "WITH_ENTER": "with statements", "WITH_EXIT": "with statements",
    "YIELD": _GENERATORS, "GET_YIELD_FROM_ITER": _GENERATORS, "SEND": _GENERATORS,
    "BUILD_SET": _BUILD, "BUILD_MAP": _BUILD,
    "BUILD_STRING": "building a string", "FORMAT": "formatting a value",
    "SET_ADD": _BUILD,
    "SET_UPDATE": _BUILD, "MAP_ADD": _BUILD, "DICT_UPDATE": _BUILD, "DICT_MERGE": _BUILD,
    "UNPACK_EX": "starred unpacking is not compiled yet",
    "MAKE_FUNCTION": "defining a function", "BUILD_CLASS": "defining a class",
    "IMPORT_NAME": _IMPORT, "IMPORT_FROM": _IMPORT, "IMPORT_STAR": _IMPORT,
    "MATCH_CLASS": _MATCH, "MATCH_SEQUENCE": _MATCH, "MATCH_MAPPING": _MATCH,
    "MATCH_KEYS": _MATCH, "MATCH_REST": _MATCH, "GET_LEN": _MATCH,
}


def not_compiled_reason(name: str) -> str:
    """Why native code does not run the opcode ``name`` (an exit's reason)."""
    return "%s: %s" % (name, NOT_COMPILED[name]) if name != "RETURN" else "return"
