"""The JIT's typed IR: the stage between a region's bytecode and its wasm.

    ops.py      the IR table: every op once, with operand and result types and flags
    graph.py    instructions, blocks, snapshots, and the text form ``--jit-dump`` shows
    record.py   bytecode + entry types -> IR with explicit guards, each with a snapshot
    passes/     constant folding, CSE, range analysis, loop-invariant code motion,
                if-conversion and the predicates it leaves, where a loop polls for Ctrl-C

The emitter that turns IR into wasm is ``tauraro.jit.emit``; nothing here knows wasm.
"""
