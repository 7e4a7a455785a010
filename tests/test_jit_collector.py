"""The program's young objects set aside while the JIT compiles (tauraro.jit.collector):
the collections a compile's allocations cause walk only what the compile makes, and the
program's objects are then in the oldest generation; nothing is done with the collector
off, or when the program froze objects itself."""
import gc

import pytest

from tauraro.jit.collector import CompileAside


def _generation_of(obj):
    for g in range(3):
        if any(o is obj for o in gc.get_objects(generation=g)):
            return g
    return None


@pytest.mark.skipif(gc.get_freeze_count() != 0, reason="this Python starts with objects frozen: nothing is set aside")
def test_young_objects_are_set_aside_then_put_in_the_oldest_generation():
    gc.collect()
    young = [[] for _ in range(3)]
    assert _generation_of(young) == 0
    with CompileAside():
        assert gc.get_freeze_count() > 0 and _generation_of(young) is None
        made = [[k] for k in range(5000)]      # (no collection runs: the collector is off)
        assert _generation_of(made) in (0, 1, 2)
        assert not gc.isenabled()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert _generation_of(young) == 2


def test_no_collection_runs_during_a_compile_and_the_collector_is_on_again_after():
    runs = []
    callback = lambda phase, info: runs.append(phase)      # noqa: E731
    gc.callbacks.append(callback)
    try:
        with CompileAside():
            with CompileAside():        # (nested: the inner one leaves the collector as it found it)
                made = [[[k]] for k in range(20000)]
            assert not gc.isenabled()
            during = len(runs)
        assert gc.isenabled() and during == 0 and len(made) == 20000
        [[k] for k in range(2000)]      # (and after it, they run again)
        assert runs
    finally:
        gc.callbacks.remove(callback)


def test_nothing_is_done_with_the_collector_off_or_objects_frozen_by_the_program():
    young = [[]]
    before = gc.get_freeze_count()
    gc.disable()
    try:
        with CompileAside():
            assert gc.get_freeze_count() == before
        assert not gc.isenabled()       # (the program's choice, kept)
    finally:
        gc.enable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with CompileAside():
            pass
        assert gc.get_freeze_count() == frozen      # (the program's frozen objects stay frozen)
    finally:
        if not before:
            gc.unfreeze()
    assert young == [[]]
