"""The interval of an int op's result, from its operands' intervals: range analysis's rules.

A rule is ``rule(analysis, ins) -> (lo, hi)`` (unclamped: the analysis clamps to 64 bits)
or None; it reads its operands' intervals through ``analysis.of`` (and ``analysis.values``,
which holds those computed so far) and, for ``load_int``, ``analysis.elements``. ``RULES``
maps each op name to its rule; an op without one is ``default``: BOOL for a bool result,
FULL for an int result, else None (nothing known).

(A table, not a chain of tests: range analysis asks it for every int and bool value on every
round of its flow, and a comparison's rule was a chain's last test.)
"""
from __future__ import annotations

from . import accumulate

I64_MIN, I64_MAX = -(1 << 63), (1 << 63) - 1
FULL = (I64_MIN, I64_MAX)
BOOL = (0, 1)
LENGTH = (0, 1 << 32)         # a record's length: it fits in the 4 GiB of linear memory


def _operands(an, ins):
    a, b = ins.args[0], ins.args[1]
    get = an.values.get             # (an interval is a non-empty tuple: true)
    return get(a) or an.of(a), get(b) or an.of(b)


def _const(an, ins):
    return (ins.imm, ins.imm)


def _add(an, ins):
    a, b = _operands(an, ins)
    return (a[0] + b[0], a[1] + b[1])


def _sub(an, ins):
    a, b = _operands(an, ins)
    return (a[0] - b[1], a[1] - b[0])


def _mul(an, ins):
    a, b = _operands(an, ins)
    c = [x * y for x in a for y in b]
    return (min(c), max(c))


def _neg(an, ins):
    a = an.of(ins.args[0])
    return (-a[1], -a[0])


def _abs(an, ins):
    a = an.of(ins.args[0])
    if a[0] >= 0:
        return a
    if a[1] <= 0:
        return (-a[1], -a[0])
    return (0, max(-a[0], a[1]))


def _mod_const(an, ins):        # the divisor's sign
    c = ins.imm[0] if ins.op == "mod_mul" else ins.imm
    return (0, c - 1) if c > 0 else (c + 1, 0)


def _floordiv_const(an, ins):
    a = an.of(ins.args[0])
    c = ins.imm[0] if ins.op == "floordiv_mul" else ins.imm
    return (a[0] // c, a[1] // c) if c > 0 else (a[1] // c, a[0] // c)


def _mod(an, ins):              # the divisor's sign, and no further from 0 than a
    a, b = _operands(an, ins)
    if b[0] > 0:
        return (0, b[1] - 1) if a[0] < 0 else (0, min(a[1], b[1] - 1))
    if b[1] < 0:
        return (b[0] + 1, 0) if a[1] > 0 else (max(a[0], b[0] + 1), 0)
    return FULL


def _floordiv(an, ins):
    a, b = _operands(an, ins)
    if b[0] > 0 or b[1] < 0:        # a // b is monotonic in each operand: the corners
        c = [x // y for x in a for y in b]
        return (min(c), max(c))
    return FULL


def _band(an, ins):
    a, b = _operands(an, ins)
    if a[0] >= 0 and b[0] >= 0:
        return (0, min(a[1], b[1]))
    if a[0] >= 0:
        return (0, a[1])
    if b[0] >= 0:
        return (0, b[1])
    return FULL


def _bor(an, ins):
    a, b = _operands(an, ins)
    if a[0] >= 0 and b[0] >= 0:
        return (0, (1 << max(a[1], b[1]).bit_length()) - 1)
    return FULL


def _rshift(an, ins):
    a = an.of(ins.args[0])
    if a[0] >= 0:
        return (0, a[1])
    return (min(a[0], -1), max(a[1], 0))


def _min(an, ins):
    a, b = _operands(an, ins)
    return (min(a[0], b[0]), min(a[1], b[1]))


def _max(an, ins):
    a, b = _operands(an, ins)
    return (max(a[0], b[0]), max(a[1], b[1]))


def _same(an, ins):
    return an.of(ins.args[0])


def _select_int(an, ins):       # either value
    a, b = an.of(ins.args[1]), an.of(ins.args[2])
    return (min(a[0], b[0]), max(a[1], b[1]))


def _load_int(an, ins):
    if an.elements and accumulate.base_var(ins.args[0]) in an.elements:
        return (-(1 << accumulate.ELEMENT_BITS), 1 << accumulate.ELEMENT_BITS)
    return default(ins)


def _invert(an, ins):
    a = an.of(ins.args[0])
    return (~a[1], ~a[0])


def default(ins):
    """The interval of a value whose op has no rule: any bool, any int, or None."""
    t = ins.type
    return BOOL if t == "bool" else FULL if t == "int" else None


RULES = {}
for _ops, _rule in ((("int", "bool"), _const), (("add_ov", "add_ov_nn", "add"), _add),
                    (("sub_ov", "sub_ov_nn", "sub"), _sub), (("mul_ov", "mul"), _mul),
                    (("neg_ov", "neg"), _neg), (("abs_ov", "abs"), _abs),
                    (("mod_const", "mod_nn", "mod_mul"), _mod_const),
                    (("floordiv_const", "floordiv_nn", "floordiv_mul"), _floordiv_const),
                    (("mod", "mod_nnv"), _mod), (("floordiv_ov", "floordiv", "floordiv_nnv"), _floordiv),
                    (("band",), _band), (("bor", "bxor"), _bor), (("rshift",), _rshift),
                    (("min",), _min), (("max",), _max), (("bool_to_int",), _same),
                    (("select_int",), _select_int),
                    (("isqrt",), lambda an, ins: (0, 1 << 32)),
                    (("seq_len", "list_len", "set_len"), lambda an, ins: LENGTH),
                    (("str_cmp", "str_cmp_char"), lambda an, ins: (-1, 1)),
                    (("load_int",), _load_int), (("invert",), _invert)):
    for _op in _ops:
        RULES[_op] = _rule
del _ops, _rule, _op
