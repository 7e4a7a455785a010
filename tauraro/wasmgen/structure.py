"""Structured control flow for wasm from a reducible control-flow graph.

WebAssembly has no goto: only nested ``block``/``loop``/``if`` and branches to
enclosing labels. This is Norman Ramsey's algorithm ("Beyond Relooper:
recursive translation of unstructured control flow to structured control flow",
ICFP 2022): walk the dominator tree; a node with several forward predecessors
(a *merge node*) gets a ``block`` that ends just before it, so every forward
edge into it is a ``br`` out of that block; a loop header gets a ``loop``, so
every back edge is a ``br`` to it; any other edge just places its target's code
inline. Python's own control flow is structured, so its graphs are reducible.

The algorithm is independent of what blocks contain: a :class:`Sink` emits
block bodies, conditions and exits, and receives the control instructions.
"""
from __future__ import annotations


class Sink:
    """What the structurer needs from the code generator."""

    def emit(self, instr: tuple):
        raise NotImplementedError

    def block_code(self, node):
        """Emit the node's instructions (not its final branch)."""
        raise NotImplementedError

    def terminator(self, node):
        """("goto", target) | ("cond", emit_condition, target_if_true, target_if_false[, on_false])
        | ("stop",)

        Targets not in the graph are exits; ``emit_condition`` pushes an i32;
        ``on_false`` emits code at the start of the false branch (an edge's own work)."""
        raise NotImplementedError

    def exit_edge(self, source, target, depth_to_exit: int):
        """Emit code leaving the graph from ``source`` to ``target``; ``depth_to_exit``
        is the branch depth of the outermost (exit) block."""
        raise NotImplementedError

    def loop_back(self, source, header, depth_to_exit: int):
        """Called before each back edge to ``header`` (e.g. to count iterations)."""

    def label(self, node) -> str:
        """The node's name in the text form's ``block`` and ``loop`` labels."""
        return str(node)

    exit_depth = 0   # set before block_code/terminator: branch depth of the exit block


def reverse_postorder(entry, succs, nodes) -> list:
    """The nodes reachable from ``entry`` in reverse postorder; ``succs(node)`` lists a
    node's successors, and those not in ``nodes`` (a region's exits) are left out."""
    seen = {entry}
    order = []
    stack = [(entry, iter(succs(entry)))]
    while stack:
        node, it = stack[-1]
        for t in it:
            if t in nodes and t not in seen:
                seen.add(t)
                stack.append((t, iter(succs(t))))
                break
        else:
            order.append(node)
            stack.pop()
    order.reverse()
    return order


def immediate_dominators(entry, succs, order):
    """Cooper, Harvey and Kennedy's iterative algorithm over reverse postorder: (node ->
    its immediate dominator, the entry's itself; node -> its predecessors)."""
    preds = {n: [] for n in order}
    for n in order:
        for t in succs[n]:
            if t in preds:
                preds[t].append(n)
    return dominator_tree(entry, order, preds.__getitem__), preds


def dominator_tree(entry, order, preds) -> dict:
    """Node -> its immediate dominator (the entry's: itself), for the nodes of ``order``
    (reverse postorder from ``entry``) reached from it; ``preds(node)`` lists a node's
    predecessors (those not in ``order`` are not looked at)."""
    index = {n: i for i, n in enumerate(order)}
    idom = {entry: entry}

    def intersect(a, b):
        while a != b:
            while index[a] > index[b]:
                a = idom[a]
            while index[b] > index[a]:
                b = idom[b]
        return a
    changed = True
    while changed:
        changed = False
        for n in order:
            if n == entry:
                continue
            ps = [p for p in preds(n) if p in idom]
            if not ps:
                continue
            new = ps[0]
            for p in ps[1:]:
                new = intersect(p, new)
            if idom.get(n) != new:
                idom[n] = new
                changed = True
    return idom


class Structurer:
    def __init__(self, entry, succs: dict, sink: Sink, loop_headers: set):
        """``succs``: node -> successor nodes (only nodes of the graph are keys)."""
        self.sink = sink
        self.succs = succs
        self.order = reverse_postorder(entry, succs.__getitem__, succs)
        self.rpo = {n: i for i, n in enumerate(self.order)}
        self.idom, self.preds = immediate_dominators(entry, succs, self.order)
        self.children = {n: [] for n in self.order}
        for n in self.order:
            if n != entry and n in self.idom:
                self.children[self.idom[n]].append(n)
        self.loop_headers = {h for h in loop_headers if h in self.rpo and self._has_back_edge(h)}
        self.entry = entry
        self._merges: dict = {}

    def _has_back_edge(self, h):
        return any(self.rpo[p] >= self.rpo[h] for p in self.preds[h])

    def is_merge(self, n) -> bool:
        m = self._merges.get(n)
        if m is None:
            rpo = self.rpo
            at = rpo[n]
            m = self._merges[n] = sum(1 for p in self.preds[n] if rpo[p] < at) >= 2
        return m

    def run(self, context: list):
        """Emit the whole graph; ``context`` lists enclosing frames, outermost first,
        the first being the exit block ("exit",)."""
        self.do_tree(self.entry, context)

    # context frames: ("exit",), ("loop", node), ("block", node), ("if",)
    def _depth(self, context, frame) -> int:
        for depth, f in enumerate(reversed(context)):
            if f == frame:
                return depth
        raise AssertionError("no enclosing frame %r" % (frame,))

    def do_tree(self, x, context):
        merges = sorted((c for c in self.children[x] if self.is_merge(c)),
                        key=self.rpo.get, reverse=True)
        if x in self.loop_headers:
            self.sink.emit(("loop", None, "L" + self.sink.label(x)))
            self.node_within(x, merges, context + [("loop", x)])
            self.sink.emit(("end",))
        else:
            self.node_within(x, merges, context)

    def node_within(self, x, merges, context):
        if merges:
            y, rest = merges[0], merges[1:]
            self.sink.emit(("block", None, "B" + self.sink.label(y)))
            self.node_within(x, rest, context + [("block", y)])
            self.sink.emit(("end",))
            self.do_tree(y, context)
            return
        self.sink.exit_depth = self._depth(context, ("exit",))
        self.sink.block_code(x)
        term = self.sink.terminator(x)
        if term[0] == "goto":
            self.do_branch(x, term[1], context)
        elif term[0] == "cond":
            _, condition, if_true, if_false = term[:4]
            on_false = term[4] if len(term) > 4 else None
            self.sink.exit_depth = self._depth(context, ("exit",))
            condition()
            self.sink.emit(("if", None))
            self.do_branch(x, if_true, context + [("if",)])
            self.sink.emit(("else",))
            if on_false is not None:
                self.sink.exit_depth = self._depth(context + [("if",)], ("exit",))
                on_false()
            self.do_branch(x, if_false, context + [("if",)])
            self.sink.emit(("end",))

    def do_branch(self, source, target, context):
        if target not in self.rpo:
            self.sink.exit_edge(source, target, self._depth(context, ("exit",)))
            return
        if self.rpo[target] <= self.rpo[source]:
            self.sink.loop_back(source, target, self._depth(context, ("exit",)))
            self.sink.emit(("br", self._depth(context, ("loop", target))))
        elif self.is_merge(target):
            self.sink.emit(("br", self._depth(context, ("block", target))))
        else:
            self.do_tree(target, context)
