"""The IR table: every op of the JIT's IR, declared once.

Each row gives an op's operand types, its result type and its flags; the recorder
makes ops by name, each pass dispatches on the name with an explicit default, and
the emitter (``tauraro.jit.emit``) has one rule per name -- a test holds the
emitter and the range analysis to this table. Adding an op is adding a row here
and a rule there.

Value types are scalars, each one wasm value (see ``VALUE_TYPES``); a Python value
of a compound JType (a range, a list record) is several scalars. Immediates (a
constant, a frame variable's slot, a divisor known at compile time) ride in the
instruction's ``imm``.

Flags:
    PURE    no effect, result a function of operands and imm: folded, CSE'd, hoisted
    GUARD   may leave native code: carries a snapshot, is never removed or moved
            except by a pass that proves it cannot fail (then it becomes its PURE twin)
    LOAD    reads a frame variable or memory that STORE ops may write
    STORE   writes a frame variable or memory
    CONST   a constant (imm is the value)
    TRAPS   PURE, but wasm traps on operands a guard before it rules out (a divisor checked
            non-zero): it must not run where that guard did not (hoisted, made unconditional)
    LONG    its time grows with the data it reads (a str's length, a dict's probes, the
            elements it moves) or it runs other code (a native call): a loop holding one
            polls for Ctrl-C at every back edge, not once a chunk of iterations (passes/polls)
"""
from __future__ import annotations

PURE, GUARD, LOAD, STORE, CONST, TRAPS, LONG = "pure", "guard", "load", "store", "const", "traps", "long"

# the value types of IR values and the wasm type holding each
VALUE_TYPES = {"int": "i64", "float": "f64", "bool": "i32", "addr": "i32"}
# seq_slice's imm bit saying the slice is a str (wasmgen/slices does not read it: the
# emitter makes such a str canonical in a version that interns, emit._canonical)
SLICE_OF_STR = 16


class OpDef:
    __slots__ = ("name", "operands", "result", "flags", "doc", "unguarded", "pure", "guard", "traps", "long")

    def __init__(self, name, operands, result, flags, doc, unguarded=None):
        self.name = name
        self.operands = tuple(operands.split()) if operands else ()
        self.result = result             # a value type, None, "slot" (the slot's type) or "call"
        self.flags = frozenset(flags.split()) if flags else frozenset()
        self.doc = doc
        self.unguarded = unguarded       # a GUARD op's PURE twin, once the guard is proved
        # (the passes ask these of every instruction)
        self.pure = PURE in self.flags
        self.guard = GUARD in self.flags
        self.traps = TRAPS in self.flags
        self.long = LONG in self.flags

    def __repr__(self):
        return "OpDef(%s)" % self.name


#   name            operands            result  flags               what it computes
_ROWS = """
int             -                   int     pure const          an int constant (imm)
float           -                   float   pure const          a float constant (imm)
bool            -                   bool    pure const          a bool constant (imm 0 or 1)
addr            -                   addr    pure const          the address of a constant record (imm)
getvar          -                   slot    load                a frame variable's part (imm: the slot)
setvar          any                 -       store               a frame variable's part := operand (imm: the slot)
bool_to_int     bool                int     pure                False, True -> 0, 1
int_to_float    int                 float   pure                the nearest float (exact below 2**53)
float_to_int    float               int     guard               truncation; exits outside 64 bits
check_int53     int                 -       guard               exits unless |a| <= 2**53 (an int meeting a float)
check_nonzero   int                 -       guard               exits if a is 0 (a divisor, a range step)
check_nonneg    int                 -       guard               exits if a < 0 (a shift count, an exponent, isqrt)
check_len       int                 -       guard               exits unless a == imm (unpacking a list or tuple of a length known only at run time)
check_abs       int                 -       guard               exits unless |a| <= imm (at entry: a sum the loop carries, a range's ends; passes/accumulate)
check_le        int int             -       guard               exits unless a <= b (at entry: a range's stop against a list's length; passes/bounds)
check_fnonzero  float               -       guard               exits if a is 0.0 (a divisor)
check_fnonneg   float               -       guard               exits if a < 0.0 (math.sqrt)
add_ov          int int             int     guard               a + b; exits on overflow
sub_ov          int int             int     guard               a - b; exits on overflow
mul_ov          int int             int     guard               a * b; exits on overflow
neg_ov          int                 int     guard               -a; exits on overflow
abs_ov          int                 int     guard               abs(a); exits on overflow
floordiv_ov     int int             int     guard               a // b (Python's floor), b != 0; exits on overflow (MIN // -1)
pow_ov          int int             int     guard               a ** b, b >= 0; exits on overflow
lshift_ov       int int             int     guard               a << b, b >= 0; exits on overflow
add_ov_nn       int int             int     guard               a + b, b >= 0 proved; exits on overflow (the sum wraps below a)
sub_ov_nn       int int             int     guard               a - b, b >= 0 proved; exits on overflow (the difference wraps above a)
add             int int             int     pure                a + b, proved not to overflow
sub             int int             int     pure                a - b, proved not to overflow
mul             int int             int     pure                a * b, proved not to overflow
neg             int                 int     pure                -a, proved not to overflow
abs             int                 int     pure                abs(a), proved not to overflow
floordiv        int int             int     pure traps          a // b, b != 0, proved not to overflow
mod             int int             int     pure traps          a % b (the sign of b), b != 0
floordiv_const  int                 int     pure                a // c for a constant c > 0 or < -1 (imm)
mod_const       int                 int     pure                a % c for a constant c != 0 (imm)
floordiv_nn     int                 int     pure                a // c for a >= 0 proved and a constant c > 0 (imm): unsigned, no floor correction
mod_nn          int                 int     pure                a % c for a >= 0 proved and a constant c > 0 (imm): unsigned, no sign correction
floordiv_nnv    int int             int     pure traps          a // b for a >= 0 and b > 0 proved: unsigned, no floor correction, no sign test
mod_nnv         int int             int     pure traps          a % b for a >= 0 and b > 0 proved: unsigned, no sign correction, no sign test
floordiv_mul    int                 int     pure                a // c as (a * m) >> s, exact for the a proved (imm: c, m, s; see ranges.reciprocal)
mod_mul         int                 int     pure                a % c as a - c * ((a * m) >> s), exact for the a proved (imm: c, m, s)
rshift          int int             int     pure                a >> b (floor), b >= 0
band            int int             int     pure                a & b
bor             int int             int     pure                a | b
bxor            int int             int     pure                a ^ b
invert          int                 int     pure                ~a
min             int int             int     pure                min(a, b)
max             int int             int     pure                max(a, b)
isqrt           int                 int     pure traps          math.isqrt(a), a >= 0
truediv_int     int int             float   pure traps          a / b, b != 0, both within 2**53
bool_and        bool bool           bool    pure                a & b of bools
bool_or         bool bool           bool    pure                a | b of bools
bool_xor        bool bool           bool    pure                a ^ b of bools
not             bool                bool    pure                not a
int_truth       int                 bool    pure                a != 0
float_truth     float               bool    pure                a != 0.0
fadd            float float         float   pure                a + b
fsub            float float         float   pure                a - b
fmul            float float         float   pure                a * b
fdiv            float float         float   pure                a / b, b != 0
fmod            float float         float   pure traps          a % b as CPython computes it, b != 0
ffloordiv       float float         float   pure traps          a // b as CPython computes it, b != 0
fpow            float float         float   guard               a ** b by the host helper; exits where CPython raises
fexp            float               float   guard               math.exp(a) (the C library's, ported); exits where it overflows
flog            float               float   guard               math.log(a); exits for a <= 0
fsin            float               float   guard               math.sin(a); exits for an infinite a
fcos            float               float   guard               math.cos(a); exits for an infinite a
fatan2          float float         float   pure                math.atan2(a, b)
fneg            float               float   pure                -a
fabs            float               float   pure                abs(a), math.fabs(a)
fmin            float float         float   pure                min(a, b) (b only if b < a)
fmax            float float         float   pure                max(a, b) (b only if b > a)
fcopysign       float float         float   pure                math.copysign(a, b)
fsqrt           float               float   pure                math.sqrt(a), a >= 0 or NaN
ffloor          float               float   pure                the float floor (then float_to_int)
fceil           float               float   pure                the float ceiling (then float_to_int)
select_int      bool int int        int     pure                c ? a : b (an arm made straight-line by ifconv)
select_float    bool float float    float   pure                c ? a : b
select_bool     bool bool bool      bool    pure                c ? a : b
lt              int int             bool    pure                a < b
le              int int             bool    pure                a <= b
gt              int int             bool    pure                a > b
ge              int int             bool    pure                a >= b
eq              int int             bool    pure                a == b
ne              int int             bool    pure                a != b
bool_eq         bool bool           bool    pure                a == b of bools
bool_ne         bool bool           bool    pure                a != b of bools
flt             float float         bool    pure                a < b
fle             float float         bool    pure                a <= b
fgt             float float         bool    pure                a > b
fge             float float         bool    pure                a >= b
feq             float float         bool    pure                a == b
fne             float float         bool    pure                a != b
range_check     int int             -       guard               range(.., stop, step): exits if stop + step overflows (the iterator steps past stop once)
range_done      int int int         bool    pure                is a range iterator (cur, stop, step) exhausted (imm: step's direction)
seq_len         addr                int     pure                a record's length (native code never changes one)
index           addr int int        addr    guard               the address of element i of a record of length n (Python's negative i); exits with IndexError
index_nonneg    addr int int        addr    guard               the same, i proved >= 0
elem            addr int            addr    pure                the address of element i, proved 0 <= i < len
load_int        addr                int     load                an int element
load_float      addr                float   load                a float element
store_int       addr int            -       store               an int element := b
load_addr       addr                addr    load                an object element: the address of the object's record
same            addr addr           bool    pure                a is b of two records (the identity map gives an object one record)
store_addr      addr addr           -       store               an object element := b (an object's record)
store_float     addr float          -       store               a float element := b
mark_dirty      addr                -       store               the record's list is written back to Python at exit
str_eq          addr addr           bool    pure long           a == b of two str records (lengths, then code points; records of strs never change)
str_cmp         addr addr           int     pure long           -1, 0 or 1 as str a <, ==, > str b (code point order)
str_cmp_char    addr int            int     pure                str_cmp of str a and the one-character str of code point b
str_starts      addr addr           bool    pure long           str a startswith str b
str_ends        addr addr           bool    pure long           str a endswith str b
str_find        addr addr           bool    pure long           str b in str a (a substring)
str_find_char   addr int            bool    pure long           the one-character str of code point b in str a
str_starts_char addr int            bool    pure                str a startswith the one-character str of code point b
str_ends_char   addr int            bool    pure                str a endswith the one-character str of code point b
dict_find       addr int            addr    load long           the address of key b's value in dict table a (as an element's: load_int reads it), or 0 if b is missing
dict_slot       addr int            addr    guard store long    the same, adding key b (value 0) at the end if missing (a full table grows); exits if memory cannot grow
dict_slot_at    addr int addr       addr    guard store long    dict_slot(a, b), where c is a dict_find of them since the last dict_slot: c if not 0
dict_len        addr                int     load                a dict table's number of entries
str_key         addr                int     guard               the key word of str record a (jtypes.STR_KEYS): a character's code point, else the record's second word; exits if it has none (a str not copied in)
dict_iter_table addr                addr    load                a dict iterator record's table (docs/jit-data.md, "Iterating a dict")
dict_iter_pos   addr                int     load                a dict iterator record's position: the number of the entry it yields next
dict_iter_end   addr                int     load                a dict iterator record's end: the dict's size when the iterator was made
dict_iter_keys  addr                addr    load                a dict iterator record's list record of its keys' str records
dict_iter_set   addr int            -       store               a dict iterator record's position := b
dict_entry      addr int            addr    load                the address of entry b's key (imm 0) or value (imm 1) of table a, as an element's (load_int reads it)
set_has         addr int            bool    load long           key b is in set table a (wasmgen/dicts set_has)
set_len         addr                int     load                a set table's number of elements (its log's size word)
set_add         addr int            -       guard store long    adds key b to set table a (logged for write-back; a full log or table grows); exits first if memory cannot grow
set_discard     addr int            -       guard store long    removes key b from set table a if there (logged for write-back; a full log grows); exits first if memory cannot grow
check_true      bool                -       guard               exits unless a is true (s.remove(x) of an x not in the set: the interpreter raises KeyError)
check_found     addr                -       guard               exits if a is 0 (a key dict_find did not find: the interpreter raises KeyError)
check_ref       addr                -       guard               exits if a is 0 (an object-or-None that is None: the interpreter raises AttributeError)
addr_nonzero    addr                bool    pure                a != 0 (a key dict_find found)
new_obj         -                   addr    guard store         a new object's record of imm bytes from the heap (layout HEAP); exits if it has no room
new_list        -                   addr    guard store         a new empty resizable list's record from the heap, room for as many elements as the layout's MADE_ROOM word says; exits if the heap has no room
seq_slice       addr int int int int addr   guard store long    a new record of the elements c:d:e of record a (length b; imm: wasmgen/slices flags), or a itself; exits if the heap has no room
str_concat      addr int addr int   addr    guard store long    a new str record of str a (or the character b, imm & 1) followed by str c (or the character d, imm & 2; nothing, imm & 4), or a or c itself if the other is empty; exits if the heap has no room
str_strip       addr addr int       addr    guard store long    str a stripped at the left (imm & 1) and the right (imm & 2) of the code points of str b, of the code point c (imm & 8) or of whitespace (imm & 4), or a itself if nothing is (wasmgen/strmethods); exits if the heap has no room
str_case        addr                addr    guard store long    a new str, str a lowered (imm 0) or uppered (imm 1) (wasmgen/strmethods); exits for a code point past ASCII (the interpreter's case mapping) or if the heap has no room
str_words       addr                addr    guard store long    a new list of new str records, the words of str a (a.split(); wasmgen/strmethods str_split_list); exits if the heap has no room
list_room       addr int            -       guard               exits unless a list being built (record, length) has room for one more (its capacity: the record's first word)
decided         bool                -       guard               exits if a is true: any() met a true element (all(), a false one)
list_len        addr                int     load                a resizable list's length: its record's first word, which append, pop and insert change
check_room      addr int            -       guard               exits unless a resizable list (record, length) has room for one more (its capacity: the word before the record)
list_set_len    addr int            -       store               a resizable list's length := b
list_remove     addr int int        -       store long          removes element c (0 <= c < b proved) of a resizable list of length b: the elements after it move down one, the length becomes b - 1
list_open       addr int int        -       store long          opens a hole at c (0 <= c <= b) in a resizable list of length b (room checked): the elements from c move up one (the length is set after the store)
undo_log        addr                -       guard store         before a store into a loop's list by a function compiled whole called from the loop: logs a's address and word (layout UNDO); exits if the log is full
call_self       any                 call    guard long          a compiled function calling itself natively (imm: the inlined depth of the call); a failure inside fails this call
call_fn         any                 call    guard long          a native call of a function compiled whole (imm: NativeFunction, inlined depth); exits before the call if it fails
"""

OPS: dict[str, OpDef] = {}
for _line in _ROWS.strip().splitlines():
    # fixed columns, as in the header above
    _name, _operands, _result, _flags, _doc = (_line[0:16].strip(), _line[16:36].strip(), _line[36:44].strip(),
                                               _line[44:64].strip(), _line[64:].strip())
    OPS[_name] = OpDef(_name, "" if _operands == "-" else _operands, None if _result == "-" else _result,
                       _flags, _doc)

# a guard op and what it becomes once a pass proves it cannot fail
for _g, _p in (("add_ov", "add"), ("sub_ov", "sub"), ("mul_ov", "mul"), ("neg_ov", "neg"),
               ("abs_ov", "abs"), ("floordiv_ov", "floordiv"), ("add_ov_nn", "add"), ("sub_ov_nn", "sub")):
    OPS[_g].unguarded = _p

# the ops allocating from the heap an entry gives (layout HEAP): a version holding one gives
# its entries that room (transfer.EntryRecords.heap)
HEAP_OPS = frozenset(("new_obj", "new_list", "seq_slice", "str_concat", "str_strip", "str_case", "str_words"))

# the names of the pure ops (the passes ask of every instruction; a set, not OPS[op].pure)
PURE_OPS = frozenset(name for name, d in OPS.items() if d.pure)
