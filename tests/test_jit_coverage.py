"""No silent gaps between the tables: every bytecode instruction is either compiled (a
typing rule and a recording into IR) or listed as not compiled with its reason
(tauraro/jit/coverage.py), and every IR op has an emitter rule."""
import json
import subprocess
import sys

import pytest

from harness import _env
from tauraro.compiler.opcodes import OPS
from tauraro.jit.coverage import COMPILED, NOT_COMPILED, not_compiled_reason
from tauraro.jit.infer import ARITH, COMPARE, Inference
from tauraro.jit.emit import RULES
from tauraro.jit.ir.ops import OPS as IR_OPS
from tauraro.jit.ir.record import Recorder

# recorded as the region's control flow (Recorder.terminator), not by Recorder.instruction
TERMINATORS = {"JUMP", "JUMP_BACK", "JUMP_IF_FALSE", "JUMP_IF_TRUE", "FOR_ITER"}


def test_every_opcode_is_compiled_or_listed_with_its_reason():
    names = {op.name for op in OPS}
    assert not (COMPILED & set(NOT_COMPILED))
    assert sorted(names - COMPILED - set(NOT_COMPILED)) == []      # in the table, not placed
    assert sorted((COMPILED | set(NOT_COMPILED)) - names) == []    # placed, not in the table
    assert all(reason.strip() for reason in NOT_COMPILED.values())


@pytest.mark.parametrize("name", sorted(COMPILED))
def test_a_compiled_opcode_is_recorded(name):
    family = name in ARITH or (name.startswith("I") and name[1:] in ARITH) or name in COMPARE
    assert family or name in TERMINATORS or hasattr(Recorder, "op_" + name)


def test_every_ir_op_has_an_emitter_rule_and_no_rule_is_for_an_unknown_op():
    assert sorted(set(IR_OPS) - set(RULES)) == []
    assert sorted(set(RULES) - set(IR_OPS)) == []


def test_the_ir_table_is_well_formed():
    from tauraro.jit.ir.ops import HEAP_OPS, VALUE_TYPES
    assert HEAP_OPS <= set(IR_OPS)      # (the ops allocating from an entry's heap)
    for op in IR_OPS.values():
        assert op.result in (None, "slot", "call") or op.result in VALUE_TYPES, op.name
        assert all(t in VALUE_TYPES or t == "any" for t in op.operands), op.name
        assert op.flags <= {"pure", "guard", "load", "store", "const", "traps", "long"}, op.name
        assert not op.traps or op.pure, op.name      # (a pure op that must stay behind its guard)
        assert op.doc, op.name
        assert not (op.pure and op.guard), op.name
        if op.unguarded is not None:      # a guard's twin: same operands and result, no guard
            twin = IR_OPS[op.unguarded]
            assert op.guard and (twin.pure or twin.guard) and twin.result == op.result, op.name


@pytest.mark.parametrize("name", sorted(NOT_COMPILED))
def test_a_listed_opcode_is_an_exit_with_the_listed_reason(name):
    assert Inference._rule(None, name, (), (), {}) == ("exit", not_compiled_reason(name))


def _stats(tmp_path, src):
    prog = tmp_path / "prog.py"
    prog.write_text(src)
    stats = tmp_path / "stats.json"
    got = subprocess.run([sys.executable, "-m", "tauraro", "run", "--jit-threshold", "50",
                          "--jit-stats-json", str(stats), str(prog)], capture_output=True,
                         env=_env(), timeout=60)
    want = subprocess.run([sys.executable, str(prog)], capture_output=True, env=_env(), timeout=60)
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)
    return json.loads(stats.read_text())


def test_a_listed_opcode_on_a_rare_path_is_a_side_exit_with_its_reason(tmp_path):
    rows = _stats(tmp_path, "t = 0\nlast = None\nfor i in range(20000):\n    t += i\n"
                            "    if i % 5000 == 4999:\n        last = [i, t]\nprint(t, last)\n")
    assert rows[0]["status"] == "compiled"
    assert [(e["reason"], e["count"]) for e in rows[0]["exits"] if e["line"] == 6] == [
        ("BUILD_LIST: building a container", 4)]


def test_a_listed_opcode_on_every_path_keeps_the_loop_from_compiling(tmp_path):
    rows = _stats(tmp_path, "s = (3, 5, 7)\nt = 0\nfor i in range(20000):\n"
                            "    a, *b = s\n    t += a + i\nprint(t, b)\n")
    assert rows[0]["status"] == "not compiled"
    assert rows[0]["reason"].startswith("UNPACK_EX: starred unpacking is not compiled yet")
