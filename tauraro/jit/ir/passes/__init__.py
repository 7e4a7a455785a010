"""The optimization passes over a recorded graph, in the order they run.

Each pass walks instructions and dispatches on the op name, with an explicit
default for ops it has no rule for (keep the instruction as it is). ``optimize``
runs them in order and, when asked (``--jit-dump``), keeps the graph's text
after each one.
"""
from __future__ import annotations

from . import bounds, cse, dce, fold, ifconv, licm, polls, predicates, ranges, virtuals

# each pass is its module's run(graph)
PIPELINE = (("cse", cse.run), ("fold", fold.run), ("ranges", ranges.run), ("bounds", bounds.run),
            ("licm", licm.run), ("ifconv", ifconv.run), ("predicates", predicates.run), ("dce", dce.run),
            ("polls", polls.run), ("virtuals", virtuals.run))


def optimize(graph, stages: list | None = None):
    """Run every pass over ``graph`` in place; append ("after <pass>", text) to ``stages``."""
    for name, run in PIPELINE:
        run(graph)
        if stages is not None:
            stages.append(("after " + name, graph.text()))
