"""vm/bycode.ByCode: code objects as keys by identity (their own hash is recomputed from
their bytecode at every lookup)."""
import pytest

from tauraro.vm.bycode import ByCode


def test_equal_code_objects_are_distinct_keys():
    src = "def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n"
    a = compile(src, "prog.py", "exec").co_consts[0]
    b = compile(src, "prog.py", "exec").co_consts[0]
    assert a == b and a is not b        # (equal by value: a dict would take one for the other)
    m = ByCode()
    assert len(m) == 0 and m.get(a) is None and m.get(a, 7) == 7
    m[a] = "first"
    assert m.get(a) == "first" and m[a] == "first"
    assert m.get(b) is None
    with pytest.raises(KeyError):
        m[b]
    m[b] = "second"
    assert (m[a], m[b], len(m)) == ("first", "second", 2)
