"""The placeholder constants the instrumenter leaves in compiled code, and the loader binds;
the size of the chunks the instrumented code counts a loop's iterations in, which the hooks
split a countdown into; and ``SiteInfo``, what the instrumenter tells the hooks of a site,
which the loader makes again from the code cache. (Here, not in the instrumenter: the hooks
and the loader are imported at every start, the instrumenter -- with ``ast`` -- only when a
program is compiled, not when its instrumented code comes from the cache: ~4 ms.)

The placeholders are strings (``compile`` takes only plain constants); after compiling or
loading from the cache, ``tauraro.vm.loader`` replaces them in the code objects' constants."""

BUILTINS_PLACEHOLDER = "\x00tauraro:builtins"    # -> the builtins module
SYS_PLACEHOLDER = "\x00tauraro:sys"              # -> the sys module
SITE_PREFIX = "\x00tauraro:site:"                # + N -> the LoopSite of loop N

# (a countdown is chunks of 2**CHUNK_BITS iterations: tauraro.vm.instrument._chunked)
CHUNK_BITS = 8
# runs of a loop that counted no iteration before its site judges them (LoopSite.emptied)
EMPTY_RUNS = 256                # (an int CPython does not allocate, nor its counts down)


class SiteInfo:
    """What the hook needs to know about one instrumented loop, or one function compiled
    whole (``kind`` "function"; ``written`` then holds its parameters) (static facts)."""
    __slots__ = ("id", "kind", "line", "col", "written", "parent", "module_level", "plain", "target", "nests",
                 "once")

    def __init__(self, id, kind, line, col, written, parent, module_level, plain=False, target=None,
                 nests=False, once=False):
        self.id = id
        self.kind = kind                  # "for" or "while"
        self.line = line
        self.col = col
        self.written = written            # names the loop assigns, written back after native code
        self.parent = parent              # the enclosing instrumented loop's site id, or -1
        self.module_level = module_level
        self.plain = plain                # may its hook have the run go on as written (code 6)?
        # (a plain loop's target, the names it binds: a name, a tuple of targets, a starred
        # one as a list of one -- the element it took, made again from them where its
        # iterator cannot be moved back: LoopSite._from_this_element)
        self.target = target
        # (a loop that would be plain but for the loops nested in it: its run goes on as
        # written -- as the source has it, the nested loops unhooked too -- only once they
        # are all dead, code 6 only: LoopSite._nested_dead. A function's: it is compiled
        # whole for its loops, not for recursion -- instrument._compilable_whole)
        self.nests = nests
        # (a comprehension whose code runs once -- module-level code outside any loop: its
        # runs are all the work it will ever do, and a run too short to pay for the JIT's
        # start does not start it late either: tauraro.vm.start_gate.StartGate.may_start)
        self.once = once
