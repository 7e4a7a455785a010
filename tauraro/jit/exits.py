"""ExitRecord: what native code tells the interpreter when it gives control back."""
from __future__ import annotations


# kinds of exit
LOOP_EXIT = "loop-exit"      # control left the loop normally (loop done, break, return)
GUARD = "guard"              # a speculation failed (overflow, zero division, index...)
SIDE = "side"                # an operation native code does not do, on a path rarely taken
TYPE_CHANGE = "type-change"  # a loop variable is about to change type
INTERRUPT = "interrupt"      # Ctrl-C (or another signal) arrived
ROOM_FULL = "the list's reserved room is full"     # (check_room's reason: a resizable list's room)
ROOM = "room"                # a list being built filled the room reserved (at an iteration's start)
DECIDED = "decided"          # any() met a true element, all() a false one: the fold's answer


class ExitRecord:
    """One place native code can leave: resume the interpreter at ``pc``.

    ``extras`` are the registers live at ``pc`` that the region computed but that
    are not loop variables (temporaries mid-statement, say): they are written to
    the exit area in this order, each as a tag word (which native code leaves
    unwritten: the types are these) and its payload words, and ``fmt`` is their
    struct format. Loop variables are written back by every exit.

    An exit inside inlined callees has ``frames``: ((code, pc), ...) from the loop's
    frame (at its call) to the innermost callee (at ``pc``), and ``callees``: (graph
    frame id, FunctionType, result register in the caller) per callee frame; the
    callees' registers among ``extras`` are ``CalleeRegister``s.
    """
    __slots__ = ("id", "pc", "line", "reason", "kind", "extras", "fmt", "key", "failed", "frames",
                 "callees")

    def __init__(self, id: int, pc: int, line: int, reason: str, kind: str, extras=(), fmt="<",
                 frames=(), callees=()):
        self.id = id
        self.frames = tuple(frames)
        self.callees = tuple(callees)
        self.pc = pc
        self.line = line
        self.reason = reason
        self.kind = kind
        self.extras = list(extras)
        self.fmt = fmt
        self.key = (reason, line)     # how --jit-stats groups exits
        # did a speculation fail (as opposed to the loop ending or an interrupt)?
        self.failed = kind in (GUARD, SIDE, TYPE_CHANGE)

    def __repr__(self):
        return "ExitRecord(%d: pc %d, line %d, %s: %s)" % (self.id, self.pc, self.line, self.kind, self.reason)


class NewObject(int):
    """In an ExitRecord's ``callees``, the result register of a call ``C(...)`` that native
    code made itself (its ``__init__`` inlined): when the resumed ``__init__`` returns, the
    caller gets the object -- the callee's ``self``, register 0 -- not what ``__init__``
    returned (which must be None, else CPython's TypeError)."""
    constructed = True
