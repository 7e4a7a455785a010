"""A module built with tauraro.wasmgen, instantiated alone, for the tests of its functions."""
from __future__ import annotations

import ctypes
import functools
import struct

import wasmtime


def instantiate(module) -> tuple:
    """(store, exports) of the wasmgen Module ``module``, compiled and instantiated with no
    imports in a store of its own."""
    store = wasmtime.Store()
    instance = wasmtime.Instance(store, wasmtime.Module(store.engine, module.to_binary()), [])
    return store, instance.exports(store)


class LoneModule:
    """A module with a memory and only the functions ``add(module)`` puts in it (the wasmgen
    helpers the host calls between runs: ``add_flag_functions``, ``add_expand`` ...),
    instantiated alone. Each export of ``names`` is an attribute taking its wasm function's
    arguments; the memory is written and read at byte addresses."""

    def __init__(self, add, names, pages=1):
        from tauraro.wasmgen.module import Module
        m = Module()
        m.set_memory(min_pages=pages, export="memory")
        add(m)
        self.store, exports = instantiate(m)
        self.memory = exports["memory"]
        for name in names:
            setattr(self, name, functools.partial(exports[name], self.store))

    @property
    def address(self) -> int:
        """The host address of the memory's first byte."""
        return ctypes.addressof(self.memory.data_ptr(self.store).contents)

    def write(self, at, data):
        self.memory.write(self.store, data, at)

    def read(self, at, end) -> bytes:
        return self.memory.read(self.store, at, end)

    def words(self, at, n) -> list:
        """The ``n`` i64 words at ``at``."""
        return list(struct.unpack("<%dq" % n, self.read(at, at + 8 * n)))
