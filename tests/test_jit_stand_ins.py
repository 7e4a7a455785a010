"""A loop its typing refuses whatever its objects' types are is refused before they are
walked (``JitController._refused_unwalked``): its objects and lists of objects are typed as
stand-ins (``jtypes.Opaque``), and an exit on every iteration at an operation on no
stand-in is one the full typing finds too (``Inference.settled_exit``).

Each program runs under CPython and under Tauraro (stdout, exit code and the whole of
stderr compared), and once more under Tauraro with ``JitController._object_types`` -- the
walk of the objects -- counted per loop."""
import json
import subprocess
import sys
import textwrap

from harness import ROOT, _env
from test_jit import jit
from test_jit_refusals import LINKED_LIST
from test_jit_slots import line
from tauraro.jit.jtypes import refinable

# runs a program under Tauraro (threshold 1) with the walks of its loops' objects counted
WALKS = r"""
import atexit, collections, json, sys
from tauraro.jit import controller
walks = collections.Counter()
walk = controller.JitController._object_types
def counted(self, st, r, G, builtins):
    walks[st.loop.line] += 1
    return walk(self, st, r, G, builtins)
controller.JitController._object_types = counted
atexit.register(lambda: sys.stderr.write("@walks %s\n" % json.dumps({str(k): n for k, n in walks.items()})))
sys.argv = ["tauraro", "run", "--jit-threshold", "1", "--no-jit-cache", sys.argv[1]]
from tauraro.cli.main import entry
entry()
"""


def walks(tmp_path, src) -> dict:
    """{loop line: the walks of its objects} of ``src`` run under Tauraro."""
    prog = tmp_path / "walked.py"
    prog.write_text(textwrap.dedent(src))
    p = subprocess.run([sys.executable, "-c", WALKS, str(prog)], capture_output=True, text=True,
                       cwd=str(ROOT), env=_env(), timeout=120)
    assert p.returncode == 0, p.stderr[-3000:]
    mark = [l for l in p.stderr.splitlines() if l.startswith("@walks ")]
    assert mark, p.stderr[-3000:]
    return json.loads(mark[-1][len("@walks "):])


def test_a_str_constant_formatted_on_every_iteration_refuses_the_loop_unwalked(tmp_path):
    # deltablue.py's projection_test made a Variable("src%d" % i, ...) per iteration: typing
    # the planner and the constraints its objects reach took 27 ms, to refuse the loop at
    # the str's % -- which no type of theirs changes. The linked list is a stand-in; what
    # ``head.v`` computes from it too, and the % of a str constant an exit all the same
    src = LINKED_LIST % 30000 + """
        def labels(head, n):
            names = []
            for i in range(n):                      # loop
                names.append("n%d" % (i + head.v))
            return names

        print(len(labels(head, 5000)), labels(head, 3))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "not compiled", row
    assert row["reason"] == "MOD of a str at line %d runs on every iteration of the loop at line %d" % (
        line(src) + 1, line(src)), row
    assert str(line(src)) not in walks(tmp_path, src)


def test_an_exit_after_an_operation_on_a_stand_in_is_found_unwalked(tmp_path):
    # avl_tree.py's ``tree.insert(rng.randrange(...))``: the method of the tree (a stand-in)
    # comes first, and is a stand-in too; the method of the Random, which native code never
    # takes, is an exit on every iteration whatever the tree is
    src = LINKED_LIST % 20000 + """
        import random
        rng = random.Random(5)

        class Bag:
            def __init__(self, head):
                self.head = head
                self.items = []
            def add(self, x):
                self.items.append(x + self.head.v)

        def fill(bag, n):
            for i in range(n):                      # loop
                bag.add(rng.randrange(10))
            return len(bag.items)

        print(fill(Bag(head), 3000), sum(Bag(head).items))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "not compiled", row
    assert "a Random at line %d runs on every iteration" % (line(src) + 1) in row["reason"], row
    assert str(line(src)) not in walks(tmp_path, src)


def test_a_loop_its_objects_decide_is_walked_and_compiled(tmp_path):
    # an exit at an operation on a stand-in says nothing: the objects are walked, and this
    # loop over their numbers compiles
    src = """
        class Box:
            def __init__(self, v, w):
                self.v = v
                self.w = w

        def scaled(box, n):
            t = 0
            for i in range(n):                      # loop
                t += box.v * i + box.w
            return t

        print(scaled(Box(3, 4), 20000), scaled(Box(5, 6), 30000))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "compiled" and row["native_iterations"] > 19000, row
    assert walks(tmp_path, src)[str(line(src))] >= 1


def test_an_exit_its_objects_decide_is_left_to_the_full_typing(tmp_path):
    # the attribute holds a str, known only once the object is walked: the stand-in typing
    # cannot tell, so the loop's objects are walked, and the reason is the full typing's
    src = LINKED_LIST % 50 + """
        class Tag:
            def __init__(self, name):
                self.name = name

        def shout(tag, n):
            out = 0
            for i in range(n):                      # loop
                out += len(tag.name % i)
            return out

        print(shout(Tag("x%d"), 3000))
    """
    r = jit(tmp_path, src)
    row = r.loop(line(src))
    assert row["status"] == "not compiled", row
    assert walks(tmp_path, src)[str(line(src))] >= 1


def test_refinable_values_are_objects_of_plain_classes_and_sequences():
    import random

    class Plain:
        pass

    assert refinable(Plain()) and refinable([Plain()]) and refinable((1, Plain()))
    assert refinable(iter([Plain()])) and refinable(zip([1], [2]))
    assert not refinable(random.Random(1)) and not refinable({}) and not refinable("s")
    assert not refinable(3) and not refinable(iter(range(3)))
