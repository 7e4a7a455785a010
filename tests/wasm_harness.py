"""A module built with tauraro.wasmgen, instantiated alone, for the tests of its functions."""
from __future__ import annotations

import wasmtime


def instantiate(module) -> tuple:
    """(store, exports) of the wasmgen Module ``module``, compiled and instantiated with no
    imports in a store of its own."""
    store = wasmtime.Store()
    instance = wasmtime.Instance(store, wasmtime.Module(store.engine, module.to_binary()), [])
    return store, instance.exports(store)
