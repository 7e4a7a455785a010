"""Native execution of JIT-compiled WebAssembly through wasmtime's C API.

This is the ONLY module in Tauraro that calls the wasmtime C library (the one
wasmtime-py ships, loaded through ctypes without importing wasmtime-py: see
``ffi``).  Everything else in the JIT talks to the small API below:

    eng  = NativeEngine(cache_dir=None)          # Engine + one Store
    mod  = eng.compile(wasm_bytes)               # NativeModule (disk cache aware)
    inst = eng.instantiate(mod, imports=[HostFunction(...), ...])
    run  = inst.entry("run")                     # fast callable
    run(123)                                     # -> int / float / None / tuple
    inst.memory_address / memory_size / memory_view() / grow_memory(pages)

Why the private bindings: wasmtime-py's public ``Func.__call__`` reflects the
function type, converts every argument through ``Val`` objects and wraps the
call in a context manager, which costs 10-40 us per call; a host import called
through the public ``Func`` costs ~18 us per call.  The JIT enters compiled
loops often and compiled code calls back into Python helpers, so both paths
are rebuilt here on the raw C API (``wasmtime_func_call_unchecked`` and
``wasmtime_func_new_unchecked``) through ctypes prototypes built once, which
brings them to well under a microsecond (measured on the dev machine: entry
~0.8 us, host import call ~0.6-0.7 us; see bench/native_entry.py).  The rest
(config, engine, store, modules, the code cache's serializing) calls the C API
too, with the few struct layouts wasmtime-py's bindings declare: importing
wasmtime-py made ~1,000 ctypes prototypes and its classes, 20-30 ms of the
JIT's start.  wasmtime-py's version is pinned in pyproject.toml because the
library and these layouts can change between releases.

Threading: ctypes releases the GIL around every foreign call, so while wasm
runs other Python threads run too (the JIT's Ctrl-C watchdog writes an
interrupt flag word into linear memory that compiled loops poll).  Host
callbacks re-acquire the GIL automatically.  A NativeEngine (its Store) must
only be *entered* from one thread at a time, as wasmtime stores are not
thread-safe.
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from importlib.machinery import PathFinder
from ctypes import (CFUNCTYPE, POINTER, Structure, Union, byref, c_double,
                    c_float, c_int32, c_int64, c_size_t, c_uint8, c_uint64,
                    c_void_p)

from .. import cache
from ..boundary import BOUNDARY

try:
    # BLAKE2b from CPython's own module: hashlib's import loads OpenSSL, 4-8 ms of the JIT's
    # start on the dev VM (_blake2 0.3 ms), for hashing that is as fast here (14 KB: ~20 us)
    from _blake2 import blake2b as _blake2b
except ImportError:             # (a Python built without it)
    from hashlib import blake2b as _blake2b


def _digest(data: bytes = b""):
    """The hash of the native-code cache: its keys and its files' checksums (32 bytes)."""
    return _blake2b(data, digest_size=32)

__all__ = [
    "NativeEngine", "NativeModule", "NativeInstance", "HostFunction",
    "NativeTrap", "NativeError", "NativeStats", "WASM_PAGE_SIZE",
]

WASM_PAGE_SIZE = 65536

# ---------------------------------------------------------------------------
# Raw C prototypes.
#
# Built once at import from the symbols of the shared library wasmtime-py
# loaded (ffi.dll).  Every pointer is declared as c_void_p so that Python ints
# and prebuilt c_void_p objects pass straight through with no per-call
# conversion objects; the ctypes call itself is then the dominant cost.
# ---------------------------------------------------------------------------

def _library_path() -> str:
    """The wasmtime C library wasmtime-py ships, found as its ``_ffi`` finds it, without
    importing the package (see ``ffi``)."""
    spec = PathFinder.find_spec("wasmtime")       # (importlib.util's costs ~4 ms to import)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wasmtime-py is not installed")
    plat = sys.platform
    if hasattr(sys, "getandroidapilevel"):
        plat = "android"
    libname = {"linux": "_libwasmtime.so", "android": "_libwasmtime.so", "win32": "_wasmtime.dll",
               "darwin": "_libwasmtime.dylib"}.get(plat)
    if libname is None:
        raise RuntimeError("unsupported platform `%s` for wasmtime" % plat)
    machine = _machine()
    machine = {"AMD64": "x86_64", "arm64": "aarch64", "ARM64": "aarch64"}.get(machine, machine)
    return os.path.join(list(spec.submodule_search_locations)[0], plat + "-" + machine, libname)


def _machine() -> str:
    """What ``platform.machine()`` says, without importing platform (~4-9 ms, its regexes
    compiled at import): the kernel's name for the machine, where there is one."""
    if hasattr(os, "uname"):
        return os.uname().machine
    with BOUNDARY:
        import platform
    return platform.machine()


class _store_index(Structure):
    _fields_ = [("store_id", c_uint64), ("__private1", ctypes.c_uint32)]


class _table_t(Structure):
    _fields_ = [("_anon_1", _store_index), ("__private2", ctypes.c_uint32)]


class _tag_t(Structure):
    _fields_ = [("_anon_1", _store_index), ("__private2", ctypes.c_uint32)]


class _global_t(Structure):
    _fields_ = [("store_id", c_uint64), ("__private1", ctypes.c_uint32),
                ("__private2", ctypes.c_uint32), ("__private3", ctypes.c_uint32)]


class ffi:
    """The C library and the few structs of its API this module uses, declared as wasmtime-py's
    ``_ffi``/``_bindings`` declare them (wasmtime-py's version is pinned). Importing
    wasmtime-py itself declares all of its ~1,000 functions and its classes: 20-30 ms of the
    JIT's start on the dev VM, against ~1 ms to load the library and declare these."""
    filename = _library_path()
    dll = ctypes.CDLL(filename)

    class wasm_byte_vec_t(Structure):
        _fields_ = [("size", c_size_t), ("data", POINTER(ctypes.c_ubyte))]

    class wasm_importtype_vec_t(Structure):
        _fields_ = [("size", c_size_t), ("data", POINTER(c_void_p))]

    wasm_exporttype_vec_t = wasm_importtype_vec_t       # (the same layout: size, pointers)

    class wasmtime_module_t(Structure):                 # (opaque)
        _fields_: list = []

    class wasmtime_func_t(Structure):
        _fields_ = [("store_id", c_uint64), ("__private", c_void_p)]

    class wasmtime_memory_t(Structure):
        _fields_ = [("_anon_1", _store_index), ("__private2", ctypes.c_uint32)]

    class wasmtime_instance_t(Structure):
        _fields_ = [("store_id", c_uint64), ("__private", c_size_t)]

    class wasmtime_val_raw_t(Union):
        _fields_ = [("i32", c_int32), ("i64", c_int64), ("f32", c_float), ("f64", c_double),
                    ("v128", c_uint8 * 16), ("anyref", ctypes.c_uint32),
                    ("externref", ctypes.c_uint32), ("exnref", ctypes.c_uint32),
                    ("funcref", c_void_p)]


class _extern_union(Union):
    _fields_ = [("func", ffi.wasmtime_func_t), ("global_", _global_t), ("table", _table_t),
                ("memory", ffi.wasmtime_memory_t), ("sharedmemory", c_void_p), ("tag", _tag_t)]


class _extern_t(Structure):
    _fields_ = [("kind", c_uint8), ("of", _extern_union)]


ffi.wasmtime_extern_t = _extern_t


_dll = ffi.dll


def _proto(name: str, restype: Any, *argtypes: Any) -> Any:
    """A private function pointer for `name` (not shared with wasmtime-py's
    own, so changing restype/argtypes here cannot disturb the public API)."""
    fn = _dll[name]  # indexing creates a new _FuncPtr each time
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


# wasmtime_error_t *wasmtime_func_call_unchecked(wasmtime_context_t *store,
#     const wasmtime_func_t *func, wasmtime_val_raw_t *args_and_results,
#     size_t args_and_results_len, wasm_trap_t **trap);
# The hot path: argtypes=None and every argument a prebuilt ctypes object, so
# ctypes performs no conversion; restype c_size_t gives a plain int (0 = ok).
_call_unchecked = _dll["wasmtime_func_call_unchecked"]
_call_unchecked.restype = c_size_t
_call_unchecked.argtypes = None

# The unchecked host callback: (env, caller, args_and_results, len) -> trap*.
# args_and_results arrives as an int address so that one
# Structure.from_address gives typed access to every argument slot.
_UNCHECKED_CB = CFUNCTYPE(c_size_t, c_void_p, c_void_p, c_void_p, c_size_t)
_FINALIZER = CFUNCTYPE(None, c_void_p)
_NULL_FINALIZER = ctypes.cast(0, _FINALIZER)

_func_new_unchecked = _proto(
    "wasmtime_func_new_unchecked", None,
    c_void_p, c_void_p, _UNCHECKED_CB, c_void_p, _FINALIZER,
    POINTER(ffi.wasmtime_func_t))
_trap_new = _proto("wasmtime_trap_new", c_size_t, ctypes.c_char_p, c_size_t)
_trap_delete = _proto("wasm_trap_delete", None, c_void_p)
_trap_message = _proto("wasm_trap_message", None, c_void_p,
                       POINTER(ffi.wasm_byte_vec_t))
_trap_code = _proto("wasmtime_trap_code", ctypes.c_bool, c_void_p,
                    POINTER(c_uint8))
_error_delete = _proto("wasmtime_error_delete", None, c_void_p)
_error_message = _proto("wasmtime_error_message", None, c_void_p,
                        POINTER(ffi.wasm_byte_vec_t))
_byte_vec_delete = _proto("wasm_byte_vec_delete", None,
                          POINTER(ffi.wasm_byte_vec_t))
_memory_data = _proto("wasmtime_memory_data", c_void_p, c_void_p,
                      POINTER(ffi.wasmtime_memory_t))
_memory_data_size = _proto("wasmtime_memory_data_size", c_size_t, c_void_p,
                           POINTER(ffi.wasmtime_memory_t))
_memory_grow = _proto("wasmtime_memory_grow", c_size_t, c_void_p,
                      POINTER(ffi.wasmtime_memory_t), c_uint64,
                      POINTER(c_uint64))
# wasmtime-py's Module(engine, wasm) copies the bytes into a ctypes array of a new type
# per length (a type is made for every module size) before this same call: passing the
# bytes object itself (c_char_p: its buffer, no copy) skips both.
_module_new = _proto("wasmtime_module_new", c_size_t, c_void_p, ctypes.c_char_p, c_size_t,
                     POINTER(POINTER(ffi.wasmtime_module_t)))
_module_imports = _proto("wasmtime_module_imports", None, c_void_p,
                         POINTER(ffi.wasm_importtype_vec_t))
_importtype_vec_delete = _proto("wasm_importtype_vec_delete", None,
                                POINTER(ffi.wasm_importtype_vec_t))
_instance_new = _proto("wasmtime_instance_new", c_size_t, c_void_p,
                       c_void_p, POINTER(ffi.wasmtime_extern_t), c_size_t,
                       POINTER(ffi.wasmtime_instance_t), POINTER(c_void_p))
_instance_export_get = _proto("wasmtime_instance_export_get", ctypes.c_bool,
                              c_void_p, POINTER(ffi.wasmtime_instance_t),
                              ctypes.c_char_p, c_size_t,
                              POINTER(ffi.wasmtime_extern_t))
_instance_export_nth = _proto("wasmtime_instance_export_nth", ctypes.c_bool,
                              c_void_p, POINTER(ffi.wasmtime_instance_t),
                              c_size_t, POINTER(POINTER(ctypes.c_char)),
                              POINTER(c_size_t),
                              POINTER(ffi.wasmtime_extern_t))
_func_type = _proto("wasmtime_func_type", c_void_p, c_void_p,
                    POINTER(ffi.wasmtime_func_t))
_functype_params = _proto("wasm_functype_params", c_void_p, c_void_p)
_functype_results = _proto("wasm_functype_results", c_void_p, c_void_p)
_functype_delete = _proto("wasm_functype_delete", None, c_void_p)
_valtype_kind = _proto("wasm_valtype_kind", c_uint8, c_void_p)
# what wasmtime-py's Config, Engine, Store, Module, FuncType and wat2wasm call
_config_new = _proto("wasm_config_new", c_void_p)
_CONFIG_SETTERS = {     # Config attribute -> (setter, the value's C form)
    "strategy": ("wasmtime_config_strategy_set", {"auto": 0, "cranelift": 1}.__getitem__),
    "cranelift_opt_level": ("wasmtime_config_cranelift_opt_level_set",
                            {"none": 0, "speed": 1, "speed_and_size": 2}.__getitem__),
    "memory_may_move": ("wasmtime_config_memory_may_move_set", bool),
    "wasm_relaxed_simd": ("wasmtime_config_wasm_relaxed_simd_set", bool),
    "wasm_relaxed_simd_deterministic": ("wasmtime_config_wasm_relaxed_simd_deterministic_set", bool),
    "wasm_wide_arithmetic": ("wasmtime_config_wasm_wide_arithmetic_set", bool),
    "native_unwind_info": ("wasmtime_config_native_unwind_info_set", bool),
    "parallel_compilation": ("wasmtime_config_parallel_compilation_set", bool),
}
_engine_new_with_config = _proto("wasm_engine_new_with_config", c_void_p, c_void_p)
_engine_delete = _proto("wasm_engine_delete", None, c_void_p)
_store_new = _proto("wasmtime_store_new", c_void_p, c_void_p, c_void_p, _FINALIZER)
_store_context = _proto("wasmtime_store_context", c_void_p, c_void_p)
_store_delete = _proto("wasmtime_store_delete", None, c_void_p)
_module_delete = _proto("wasmtime_module_delete", None, c_void_p)
_module_serialize = _proto("wasmtime_module_serialize", c_size_t, c_void_p,
                           POINTER(ffi.wasm_byte_vec_t))
_module_deserialize = _proto("wasmtime_module_deserialize", c_size_t, c_void_p, ctypes.c_char_p,
                             c_size_t, POINTER(POINTER(ffi.wasmtime_module_t)))
_module_exports = _proto("wasmtime_module_exports", None, c_void_p,
                         POINTER(ffi.wasm_exporttype_vec_t))
_exporttype_vec_delete = _proto("wasm_exporttype_vec_delete", None,
                                POINTER(ffi.wasm_exporttype_vec_t))
_exporttype_name = _proto("wasm_exporttype_name", POINTER(ffi.wasm_byte_vec_t), c_void_p)
_importtype_module = _proto("wasm_importtype_module", POINTER(ffi.wasm_byte_vec_t), c_void_p)
_importtype_name = _proto("wasm_importtype_name", POINTER(ffi.wasm_byte_vec_t), c_void_p)
_importtype_type = _proto("wasm_importtype_type", c_void_p, c_void_p)
_externtype_kind = _proto("wasm_externtype_kind", c_uint8, c_void_p)
_externtype_as_functype = _proto("wasm_externtype_as_functype_const", c_void_p, c_void_p)
_valtype_new = _proto("wasm_valtype_new", c_void_p, c_uint8)
_valtype_vec_new = _proto("wasm_valtype_vec_new", None, c_void_p, c_size_t, c_void_p)
_functype_new = _proto("wasm_functype_new", c_void_p, c_void_p, c_void_p)
_wat2wasm = _proto("wasmtime_wat2wasm", c_size_t, ctypes.c_char_p, c_size_t,
                   POINTER(ffi.wasm_byte_vec_t))

_EXTERN_FUNC = 0      # WASMTIME_EXTERN_FUNC
_EXTERN_MEMORY = 3    # WASMTIME_EXTERN_MEMORY
_VALKIND_NAMES = {0: "i32", 1: "i64", 2: "f32", 3: "f64", 4: "v128",
                  128: "externref", 129: "funcref"}
_VALTYPES = ("i32", "i64", "f32", "f64")
_CTYPE_OF = {"i32": c_int32, "i64": c_int64, "f32": c_float, "f64": c_double}
_RAW_SLOT = ctypes.sizeof(ffi.wasmtime_val_raw_t)   # 16 (v128 member)

# names for NativeTrap.code: wasmtime-py's TrapCode enum (wasmtime_trap_code_t's values)
_TRAP_CODE_NAMES: Dict[int, str] = dict(enumerate((
    "STACK_OVERFLOW", "MEMORY_OUT_OF_BOUNDS", "HEAP_MISALIGNED", "TABLE_OUT_OF_BOUNDS",
    "INDIRECT_CALL_TO_NULL", "BAD_SIGNATURE", "INTEGER_OVERFLOW", "INTEGER_DIVISION_BY_ZERO",
    "BAD_CONVERSION_TO_INTEGER", "UNREACHABLE", "INTERRUPT", "OUT_OF_FUEL",
    "ATOMIC_WAIT_NON_SHARED_MEMORY", "NULL_REFERENCE", "ARRAY_OUT_OF_BOUNDS",
    "ALLOCATION_TOO_LARGE", "CAST_FAILURE")))
_EXTERN_KINDS = {0: "func", 1: "global", 2: "table", 3: "memory", 4: "tag"}   # wasm_externkind_t
_VALKIND_CODES = {"i32": 0, "i64": 1, "f32": 2, "f64": 3}                      # wasm_valkind_t


class _Owned:
    """A pointer the C library made, deleted with this object (as wasmtime-py's objects do),
    after nothing needs ``keep`` (a store keeps its engine, as wasmtime-py's Store does)."""
    __slots__ = ("addr", "_delete", "_keep")

    def __init__(self, addr: int, delete: Any, keep: Any = None):
        self.addr = addr
        self._delete = delete
        self._keep = keep

    def __del__(self) -> None:
        addr, self.addr = self.addr, None
        if addr and self._delete is not None:
            self._delete(addr)


def _bytes_of(vec: "ffi.wasm_byte_vec_t") -> bytes:
    return ctypes.string_at(vec.data, vec.size) if vec.size and vec.data else b""


def _wat_to_wasm(wat: str) -> bytes:
    """WebAssembly text to binary (wasmtime's wat2wasm)."""
    raw = wat.encode("utf-8")
    vec = ffi.wasm_byte_vec_t()
    err = _wat2wasm(raw, len(raw), byref(vec))
    if err:
        raise NativeError("wat2wasm failed: " + _consume_error_message(err))
    try:
        return _bytes_of(vec)
    finally:
        _byte_vec_delete(byref(vec))


def _new_functype(params: Sequence[str], results: Sequence[str]) -> int:
    """A wasm_functype_t* (owned by the caller: _functype_delete)."""
    vecs = []
    for kinds in (params, results):
        vec = _ValtypeVec()
        types = (c_void_p * max(len(kinds), 1))(*[_valtype_new(_VALKIND_CODES[k]) for k in kinds])
        _valtype_vec_new(byref(vec), len(kinds), types)      # (takes the valtypes)
        vecs.append(vec)
    return _functype_new(byref(vecs[0]), byref(vecs[1]))     # (takes the vectors)

_HOST_EXC_MSG = b"tauraro: Python exception in host function"


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------

class NativeError(Exception):
    """Compilation, linking or instantiation failed (not a runtime trap)."""


class NativeTrap(Exception):
    """WebAssembly trapped (unreachable, out-of-bounds access, integer divide
    by zero, stack overflow, ...).

    `message` (also str(exc)) is the root cause as wasmtime words it, e.g.
    "wasm trap: integer divide by zero"; `details` is wasmtime's full text
    including the wasm backtrace; `code` is the wasmtime trap-code name
    (e.g. "UNREACHABLE", "STACK_OVERFLOW") when wasmtime reports one."""

    def __init__(self, message: str, code: Optional[str] = None,
                 details: Optional[str] = None):
        short = _short_message(message)
        super().__init__(short)
        self.message = short
        self.details = details if details is not None else message
        self.code = code


def _short_message(full: str) -> str:
    """wasmtime's "error while executing at wasm backtrace: ... Caused by:
    0: context 1: root cause" -> "root cause (context)"."""
    if "Caused by:" not in full:
        return full.strip()
    causes = []
    for line in full.split("Caused by:", 1)[1].splitlines():
        line = line.strip()
        if line:
            head, sep, rest = line.partition(": ")
            causes.append(rest if sep and head.isdigit() else line)
    if not causes:
        return full.strip()
    root, context = causes[-1], causes[:-1]
    return root + (f" ({'; '.join(context)})" if context else "")


def _vec_to_str(vec: "ffi.wasm_byte_vec_t", strip_nul: bool) -> str:
    if not vec.size or not vec.data:
        return ""
    data = ctypes.string_at(vec.data, vec.size)
    if strip_nul and data.endswith(b"\0"):
        data = data[:-1]
    return data.decode("utf-8", "replace")


def _consume_trap(trap_addr: int) -> NativeTrap:
    """Turn an owned wasm_trap_t* into a NativeTrap and free it."""
    vec = ffi.wasm_byte_vec_t()
    _trap_message(trap_addr, byref(vec))
    msg = _vec_to_str(vec, strip_nul=True)
    _byte_vec_delete(byref(vec))
    code_c = c_uint8(0)
    code = None
    if _trap_code(trap_addr, byref(code_c)):
        code = _TRAP_CODE_NAMES.get(code_c.value, str(code_c.value))
    _trap_delete(trap_addr)
    return NativeTrap(msg, code)


def _consume_error_message(err_addr: int) -> str:
    vec = ffi.wasm_byte_vec_t()
    _error_message(err_addr, byref(vec))
    msg = _vec_to_str(vec, strip_nul=False)
    _byte_vec_delete(byref(vec))
    _error_delete(err_addr)
    return msg


# ---------------------------------------------------------------------------
# Public value types
# ---------------------------------------------------------------------------

class HostFunction:
    """A Python callable importable by wasm as (module, name).

    params/results are tuples of "i32" | "i64" | "f32" | "f64".  The callable
    receives Python ints (i32/i64) and floats (f32/f64) and returns None (no
    results), a single value (one result) or a sequence (several results).

    It is bound to wasm through wasmtime_func_new_unchecked with a ctypes
    callback that reads the raw argument slots and writes the raw result
    slots directly (one Structure.from_address per call), ~25x cheaper than
    wasmtime-py's public Func trampoline, which builds Val objects.  A Python
    exception raised by the callable comes out of the wasm call that reached
    it as that same exception object.

    Treat it as immutable: an engine creates the wasm function for a
    HostFunction once (on its first instantiate) and reuses it afterwards.
    (A plain class rather than a dataclass: importing dataclasses costs
    ~10 ms, paid when the first loop gets hot.)
    """
    __slots__ = ("module", "name", "params", "results", "fn")

    def __init__(self, module: str, name: str, params: Sequence[str] = (),
                 results: Sequence[str] = (),
                 fn: Optional[Callable[..., Any]] = None):
        self.module = module
        self.name = name
        self.params: Tuple[str, ...] = tuple(params)
        self.results: Tuple[str, ...] = tuple(results)
        self.fn = fn
        for t in self.params + self.results:
            if t not in _VALTYPES:
                raise ValueError(f"unsupported value type {t!r} "
                                 f"(use one of {_VALTYPES})")
        if not callable(fn):
            raise TypeError("HostFunction.fn must be callable")

    def __repr__(self) -> str:
        return (f"HostFunction({self.module!r}, {self.name!r}, "
                f"params={self.params}, results={self.results}, fn={self.fn!r})")


class NativeStats:
    __slots__ = ("compile_count", "compile_seconds", "cache_hits",
                 "cache_misses", "cache_errors", "cache_writes",
                 "cache_write_errors", "cache_load_seconds", "memo_hits")

    def __init__(self) -> None:
        self.compile_count = 0        # Cranelift compilations performed
        self.compile_seconds = 0.0    # time spent in those compilations
        self.cache_hits = 0           # modules loaded from cache_dir
        self.cache_misses = 0         # cache_dir lookups that found no file
        self.cache_errors = 0         # unreadable/corrupt/incompatible files
        self.cache_writes = 0         # cache files written
        self.cache_write_errors = 0   # cache files that could not be written
        self.cache_load_seconds = 0.0 # time spent loading cache hits
        self.memo_hits = 0            # same wasm compiled earlier by this engine

    def as_dict(self) -> Dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}

    def __repr__(self) -> str:
        return "NativeStats(" + ", ".join(
            f"{k}={v!r}" for k, v in self.as_dict().items()) + ")"


class _ImportDecl:
    __slots__ = ("module", "name", "kind", "params", "results")

    def __init__(self, module: str, name: str, kind: str,
                 params: Tuple[str, ...] = (), results: Tuple[str, ...] = ()):
        self.module = module
        self.name = name
        self.kind = kind              # "func" | "memory" | "global" | "table"
        self.params = params
        self.results = results


class NativeModule:
    """A compiled module (native code), bound to the NativeEngine that made it."""

    def __init__(self, engine: "NativeEngine", module: _Owned,
                 key: Optional[str], from_cache: bool):
        self.engine = engine
        self._module = module
        self.key = key                  # cache key (hex), if cached
        self.from_cache = from_cache
        self._imports: Optional[List[_ImportDecl]] = None

    @property
    def imports(self) -> List[_ImportDecl]:
        """The module's imports, in its order (reflected once, when first asked: most
        loops import nothing, and counting them costs one C call where wasmtime-py's
        reflection makes several objects per import)."""
        if self._imports is None:
            out: List[_ImportDecl] = []
            vec = ffi.wasm_importtype_vec_t()
            _module_imports(self._module.addr, byref(vec))
            try:
                for k in range(vec.size):
                    imp = vec.data[k]
                    module = _bytes_of(_importtype_module(imp).contents).decode("utf-8", "replace")
                    name = _bytes_of(_importtype_name(imp).contents).decode("utf-8", "replace")
                    ty = _importtype_type(imp)
                    kind = _EXTERN_KINDS.get(_externtype_kind(ty), "unknown")
                    if kind == "func":
                        ft = _externtype_as_functype(ty)
                        out.append(_ImportDecl(module, name, "func", _valtype_vec(_functype_params(ft)),
                                               _valtype_vec(_functype_results(ft))))
                    else:
                        out.append(_ImportDecl(module, name, kind))
            finally:
                _importtype_vec_delete(byref(vec))
            self._imports = out
        return self._imports

    @property
    def export_names(self) -> List[str]:
        """(Reflected when asked: wasmtime-py makes an object per export, and the JIT,
        which knows its exports, never asks.)"""
        vec = ffi.wasm_exporttype_vec_t()
        _module_exports(self._module.addr, byref(vec))
        try:
            return [_bytes_of(_exporttype_name(vec.data[k]).contents).decode("utf-8", "replace")
                    for k in range(vec.size)]
        finally:
            _exporttype_vec_delete(byref(vec))

    def serialize(self) -> bytes:
        vec = ffi.wasm_byte_vec_t()
        err = _module_serialize(self._module.addr, byref(vec))
        if err:
            raise NativeError("serializing the module failed: " + _consume_error_message(err))
        try:
            return _bytes_of(vec)
        finally:
            _byte_vec_delete(byref(vec))


# ---------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------

# Everything in the Config that changes generated code; part of the cache key.
_CONFIG = (
    ("strategy", "cranelift"),
    ("cranelift_opt_level", "speed"),
    # Linear memories never move: an address read from memory_address stays
    # valid while wasm runs (the Ctrl-C watchdog writes through it).  With the
    # default 4 GiB reservation a 32-bit memory can still grow to 4 GiB.
    ("memory_may_move", False),
    # f64x2.relaxed_madd is how wasm code gets a fused multiply-add (the libm
    # ports in tauraro.wasmgen.libm need one).  Deterministic mode makes Cranelift
    # emit its exact `fma` for it on every host: vfmadd where the CPU has FMA (the
    # same code as the non-deterministic mode there), a call of a correctly
    # rounded fma otherwise -- never the separate multiply and add.
    ("wasm_relaxed_simd", True),
    ("wasm_relaxed_simd_deterministic", True),
    # i64.mul_wide_s (the 128-bit product): the emitter's overflow check of a multiply
    # by a variable (one x86 imul and a compare, where MVP wasm needed a division's
    # worth of blocks: a tenth of a millisecond of Cranelift per multiply)
    ("wasm_wide_arithmetic", True),
    # No .eh_frame per module: only native debuggers and profilers use it (wasmtime walks
    # wasm frames by their frame pointers, and host functions never unwind through wasm:
    # their exceptions come back as traps). Making and registering it was ~10 us of
    # every module's compile.
    ("native_unwind_info", False),
)
_CACHE_MAGIC = b"TAURNAT2"                  # (2: BLAKE2b checksums, SHA-256 before)
_CACHE_FORMAT = "tauraro-native-cache-v2"
_wasmtime_version: Optional[str] = None


def _get_wasmtime_version() -> str:
    """What identifies the wasmtime build for the code cache: its dist-info name and
    the native library's size and mtime. (importlib.metadata would cost ~50 ms of
    imports on the first hot loop.)"""
    global _wasmtime_version
    if _wasmtime_version is None:
        st = os.stat(ffi.filename)
        try:
            # (the library is <site>/wasmtime/<platform>/<library>)
            site = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(ffi.filename))))
            infos = ",".join(sorted(n for n in os.listdir(site)
                                    if n.startswith("wasmtime-") and n.endswith(".dist-info")))
        except OSError:
            infos = "unknown"
        _wasmtime_version = f"{infos}|{st.st_size}|{st.st_mtime_ns}"
    return _wasmtime_version


class _CallState:
    """Per-engine state shared by every entry and host callback: the Python
    exception raised by a host function that is on its way out of wasm."""
    __slots__ = ("pending",)

    def __init__(self) -> None:
        self.pending: Optional[BaseException] = None


class NativeEngine:
    """A wasmtime Engine (Cranelift, opt level "speed") plus one Store that
    every instance of this engine lives in.

    cache_dir: a directory for compiled native code so that a second run of
    the same program skips Cranelift.  Entries are keyed by a hash (BLAKE2b) of the
    wasm bytes, the wasmtime version, the codegen-relevant Config and the
    platform; each file carries a hash of its payload, is written
    atomically (temp file + os.replace) so processes can share the directory,
    and any unreadable, corrupt or incompatible file falls back to compiling.
    cache_dir=None disables caching (nothing is written).
    """

    def __init__(self, cache_dir: Optional[str] = None):
        cfg = _config_new()
        # A loop's module is a few functions, one of them nearly all the code: handing
        # them to a thread pool costs more than it gains (measured over the modules of
        # tests/programs/jit_*.py and bench/jit: median Cranelift time 10% lower serial,
        # the largest modules no slower). Does not change the code, so not in _CONFIG.
        for attr, value in _CONFIG + (("parallel_compilation", False),):
            setter, c_value = _CONFIG_SETTERS[attr]
            _proto(setter, None, c_void_p, c_uint8 if c_value is not bool else ctypes.c_bool)(
                cfg, c_value(value))
        # (the engine takes the config; the store is deleted before the engine)
        self._engine = _Owned(_engine_new_with_config(cfg), _engine_delete)
        self._engine_addr: int = self._engine.addr
        self._store = _Owned(_store_new(self._engine_addr, None, _NULL_FINALIZER), _store_delete,
                             self._engine)
        ctx_addr = _store_context(self._store.addr)
        self._ctx_addr: int = ctx_addr
        self._ctx = c_void_p(ctx_addr)    # prebuilt argument object
        self._state = _CallState()
        self.stats = NativeStats()
        self.cache_dir = os.fspath(cache_dir) if cache_dir is not None else None
        self._memo: Dict[Any, NativeModule] = {}
        # Host functions already created in this store, by id(HostFunction):
        # (HostFunction kept alive so the id stays unique, wasmtime_func_t,
        # ctypes callback object that must outlive the store).
        self._host_funcs: Dict[int, Tuple[HostFunction, Any, Any]] = {}

    # -- compilation ------------------------------------------------------

    def cache_key(self, wasm: bytes) -> str:
        h = _digest()
        meta = "\0".join([
            _CACHE_FORMAT, _get_wasmtime_version(), repr(_CONFIG),
            sys.platform, _machine(),
        ])
        h.update(meta.encode())
        h.update(b"\0\0")
        h.update(wasm)
        return h.hexdigest()

    def _cache_path(self, key: str) -> str:
        assert self.cache_dir is not None
        return os.path.join(self.cache_dir, key + ".cwasm")

    def compile(self, wasm: Any) -> NativeModule:
        """Compile wasm bytes (or WAT text) to native code, through the
        in-process memo and the on-disk cache when there is one."""
        if isinstance(wasm, str):
            wasm = _wat_to_wasm(wasm)
        wasm = bytes(wasm)
        # memo key: the cache key, or the bytes themselves without a cache
        key: Any = self.cache_key(wasm) if self.cache_dir is not None else wasm
        mod = self._memo.get(key)
        if mod is not None:
            self.stats.memo_hits += 1
            return mod

        module = None
        from_cache = False
        if self.cache_dir is not None:
            module = self._cache_load(key)
            from_cache = module is not None
        if module is None:
            t0 = time.perf_counter()
            ptr = POINTER(ffi.wasmtime_module_t)()
            err = _module_new(self._engine_addr, wasm, len(wasm), byref(ptr))
            if err:
                raise NativeError("wasm compilation failed: " + _consume_error_message(err))
            module = _Owned(ctypes.cast(ptr, c_void_p).value, _module_delete)
            self.stats.compile_seconds += time.perf_counter() - t0
            self.stats.compile_count += 1
            if self.cache_dir is not None:
                self._cache_store(key, module)
        mod = NativeModule(self, module,
                           key if self.cache_dir is not None else None,
                           from_cache)
        self._memo[key] = mod
        return mod

    def _cache_load(self, key: str) -> Optional[_Owned]:
        path = self._cache_path(key)
        t0 = time.perf_counter()
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            self.stats.cache_misses += 1
            return None
        except OSError:
            self.stats.cache_errors += 1
            return None
        try:
            if (len(data) < len(_CACHE_MAGIC) + 32
                    or not data.startswith(_CACHE_MAGIC)):
                raise ValueError("bad header")
            digest = data[len(_CACHE_MAGIC):len(_CACHE_MAGIC) + 32]
            payload = data[len(_CACHE_MAGIC) + 32:]
            if _digest(payload).digest() != digest:
                raise ValueError("checksum mismatch")
            # wasmtime itself rejects artifacts from another version, config
            # or CPU feature set with an error (-> fall back to compiling).
            ptr = POINTER(ffi.wasmtime_module_t)()
            err = _module_deserialize(self._engine_addr, payload, len(payload), byref(ptr))
            if err:
                raise NativeError(_consume_error_message(err))
            module = _Owned(ctypes.cast(ptr, c_void_p).value, _module_delete)
        except Exception:
            self.stats.cache_errors += 1
            return None
        self.stats.cache_hits += 1
        self.stats.cache_load_seconds += time.perf_counter() - t0
        return module

    def _cache_store(self, key: str, module: _Owned) -> None:
        assert self.cache_dir is not None
        tmp = None
        try:
            payload = NativeModule(self, module, None, False).serialize()
            os.makedirs(self.cache_dir, exist_ok=True)
            # (tempfile.mkstemp's way, without importing tempfile: shutil, random, bz2 and
            # lzma came with it, ~4 ms of the JIT's start)
            tmp = os.path.join(self.cache_dir, ".tmp-%s-%s" % (key[:16], os.urandom(6).hex()))
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(_CACHE_MAGIC)
                f.write(_digest(payload).digest())
                f.write(payload)
            os.replace(tmp, self._cache_path(key))
            tmp = None
            self.stats.cache_writes += 1
            cache.wrote(len(_CACHE_MAGIC) + _digest(b"").digest_size + len(payload))
        except Exception as e:
            self.stats.cache_write_errors += 1
            cache.failed(self.cache_dir, e)
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    # -- host functions ---------------------------------------------------

    def _host_func(self, hf: HostFunction) -> Any:
        """The wasmtime_func_t for `hf` in this store (created once)."""
        got = self._host_funcs.get(id(hf))
        if got is not None and got[0] is hf:
            return got[1]
        cb = _make_host_callback(hf, self._state)
        ftype = _new_functype(hf.params, hf.results)
        func = ffi.wasmtime_func_t()
        try:
            _func_new_unchecked(self._ctx_addr, ftype, cb, None, _NULL_FINALIZER, byref(func))
        finally:
            _functype_delete(ftype)
        self._host_funcs[id(hf)] = (hf, func, cb)
        return func

    # -- instantiation ----------------------------------------------------

    def instantiate(self, mod: NativeModule,
                    imports: Sequence[HostFunction] = ()) -> "NativeInstance":
        """Instantiate `mod` in this engine's store.  Imports are matched by
        (module, name) against the module's declared imports, in the order
        the module declares them."""
        if mod.engine is not self:
            raise NativeError("module was compiled by another NativeEngine")
        by_key: Dict[Tuple[str, str], HostFunction] = {}
        for hf in imports:
            if not isinstance(hf, HostFunction):
                raise TypeError(f"imports must be HostFunction, got {hf!r}")
            by_key[(hf.module, hf.name)] = hf
        n = len(mod.imports)
        externs = (ffi.wasmtime_extern_t * max(n, 1))()
        for i, decl in enumerate(mod.imports):
            if decl.kind != "func":
                raise NativeError(f"unsupported import kind {decl.kind} for "
                                  f"{decl.module}.{decl.name}")
            hf = by_key.get((decl.module, decl.name))
            if hf is None:
                raise NativeError(f"missing import {decl.module}.{decl.name}")
            if hf.params != decl.params or hf.results != decl.results:
                raise NativeError(
                    f"import {decl.module}.{decl.name}: module expects "
                    f"{decl.params} -> {decl.results}, host function is "
                    f"{hf.params} -> {hf.results}")
            func = self._host_func(hf)
            externs[i].kind = _EXTERN_FUNC
            externs[i].of.func = func
        instance = ffi.wasmtime_instance_t()
        trap = c_void_p()
        state = self._state
        err = _instance_new(self._ctx_addr,
                            mod._module.addr,
                            externs, n, byref(instance), byref(trap))
        if err or trap.value:
            raise _failure(err, trap, state, NativeError)
        return NativeInstance(self, mod, instance)


def _failure(err: int, trap: c_void_p, state: _CallState,
             error_cls: type = NativeTrap) -> BaseException:
    """Build the exception for a failed call and free the wasmtime
    error/trap: the pending Python exception if a host function raised (the
    same object), else a NativeTrap for a trap, else `error_cls` for any
    other wasmtime error (a host trap surfaces as an error, not a trap)."""
    trap_addr = trap.value
    trap.value = None
    exc: Optional[BaseException] = None
    if trap_addr:
        exc = _consume_trap(trap_addr)
    if err:
        msg = _consume_error_message(err)
        if exc is None:
            exc = error_cls(msg)
    pending = state.pending
    if pending is not None:
        state.pending = None
        return pending
    if exc is None:  # pragma: no cover - wasmtime reported nothing
        exc = error_cls("wasm call failed")
    return exc


# ---------------------------------------------------------------------------
# Code generation for the fast paths
# ---------------------------------------------------------------------------


def _slot_struct(nslots: int, params: Sequence[str],
                 results: Sequence[str]) -> type:
    """A Structure laying out `nslots` wasmtime_val_raw_t slots, where slot i
    is readable as field p{i} (param type) and writable as r{i} (result
    type).  Slot i is an anonymous union so both names alias its bytes."""
    fields = []
    for i in range(nslots):
        ufields = [("_pad", c_uint8 * _RAW_SLOT)]
        if i < len(params):
            ufields.append((f"p{i}", _CTYPE_OF[params[i]]))
        if i < len(results):
            ufields.append((f"r{i}", _CTYPE_OF[results[i]]))
        slot = type(f"_Slot{i}", (Union,), {"_fields_": ufields})
        fields.append((f"s{i}", slot))
    return type("_RawSlots", (Structure,), {
        "_anonymous_": [f"s{i}" for i in range(nslots)],
        "_fields_": fields,
    })


def _make_host_callback(hf: HostFunction, state: _CallState) -> Any:
    params, results = hf.params, hf.results
    nslots = max(len(params), len(results))
    args = ", ".join(f"s.p{i}" for i in range(len(params)))
    lines = ["def _cb(env, caller, addr, n):", "    try:"]
    if nslots:
        lines.append("        s = FROM_ADDRESS(addr)")
    if len(results) == 0:
        lines.append(f"        FN({args})")
    elif len(results) == 1:
        lines.append(f"        s.r0 = FN({args})")
    else:
        lines.append(f"        r = FN({args})")
        lines.append(f"        if len(r) != {len(results)}:")
        lines.append(f"            raise ValueError('host function "
                     f"{hf.module}.{hf.name} must return {len(results)} "
                     f"values')")
        for i in range(len(results)):
            lines.append(f"        s.r{i} = r[{i}]")
    lines += [
        "        return 0",
        "    except BaseException as e:",
        "        STATE.pending = e",
        "        return TRAP_NEW(MSG, MSG_LEN)",
    ]
    ns: Dict[str, Any] = {
        "FN": hf.fn, "STATE": state, "TRAP_NEW": _trap_new,
        "MSG": _HOST_EXC_MSG, "MSG_LEN": len(_HOST_EXC_MSG),
    }
    if nslots:
        ns["FROM_ADDRESS"] = _slot_struct(nslots, params, results).from_address
    exec(cache.compiled("\n".join(lines), "<tauraro host function>"), ns)
    return _UNCHECKED_CB(ns["_cb"])


_ENTRY_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "<tauraro entry>")
_ENTRY_MAKERS: Dict[Any, Dict[str, Any]] = {}


_VIEW_OF = {"i64": ("I64", 2), "f64": ("F64", 2), "i32": ("I32", 4), "f32": ("F32", 4)}


def _entry_source(params, results, views) -> str:
    view_of = _VIEW_OF
    argnames = [f"a{i}" for i in range(len(params))]
    lines = [f"def make({', '.join(['CALL', 'CTX', 'FUNC', 'BUF', 'N', 'TRAPREF', 'TRAP', 'FAIL'] + list(views))}):",
             f"    def entry({', '.join(argnames)}):"]
    for i, t in enumerate(params):
        v, stride = view_of[t]
        lines.append(f"        {v}[{i * stride}] = a{i}")
    lines.append("        err = CALL(CTX, FUNC, BUF, N, TRAPREF)")
    lines.append("        if err or TRAP.value:")
    lines.append("            raise FAIL(err)")
    if not results:
        lines.append("        return None")
    elif len(results) == 1:
        v, _ = view_of[results[0]]
        lines.append(f"        return {v}[0]")
    else:
        parts = []
        for i, t in enumerate(results):
            v, stride = view_of[t]
            parts.append(f"{v}[{i * stride}]")
        lines.append(f"        return ({', '.join(parts)},)")
    lines.append("    return entry")
    return "\n".join(lines)


def _make_entry(inst: "NativeInstance", name: str, func: Any,
                params: Tuple[str, ...], results: Tuple[str, ...]) -> Callable:
    """A specialised Python function that calls `func` through
    wasmtime_func_call_unchecked with preallocated buffers.

    Per call it does: store each argument into the raw slot buffer (typed
    ctypes array views, no Val objects), one ctypes call with five prebuilt
    argument objects (no argtypes, so no conversion), one check of the
    returned error and of the trap out-pointer, and a read of the result.

    The shared buffer is safe for nested calls of the same entry (wasm ->
    host -> same entry): wasmtime reads the arguments at entry and writes the
    results at exit, so the outermost call writes its results last.
    """
    nslots = max(len(params), len(results), 1)
    buf = (c_uint8 * (nslots * _RAW_SLOT))()
    n8 = nslots * _RAW_SLOT // 8
    n4 = nslots * _RAW_SLOT // 4
    used = {_VIEW_OF[t][0] for t in params + results}      # (only the views it uses)
    views = {}
    if "I64" in used:
        views["I64"] = (c_int64 * n8).from_buffer(buf)
    if "F64" in used:
        views["F64"] = (c_double * n8).from_buffer(buf)
    if "I32" in used:
        views["I32"] = (c_int32 * n4).from_buffer(buf)
    if "F32" in used:
        views["F32"] = (c_float * n4).from_buffer(buf)
    key = (params, results)
    ns = _ENTRY_MAKERS.get(key)
    if ns is None:    # the generated source depends only on the signature: compile it once
        ns = {}
        # (a file name in Tauraro's folder: a Ctrl-C raised as a native call returns -- in
        # this code -- is printed without it, as Tauraro's own frames are)
        exec(cache.compiled(_entry_source(params, results, views), _ENTRY_FILE), ns)
        # (kept once made: a compile that failed left an empty namespace here, and every
        # later entry of the signature failed on its missing ``make``)
        _ENTRY_MAKERS[key] = ns

    engine = inst.engine
    trap = c_void_p()
    state = engine._state

    def fail(err: int) -> BaseException:
        return _failure(err, trap, state)

    entry = ns["make"](
        _call_unchecked, engine._ctx, c_void_p(ctypes.addressof(func)),
        c_void_p(ctypes.addressof(buf)), c_size_t(nslots),
        c_void_p(ctypes.addressof(trap)), trap, fail, *views.values())
    entry.__name__ = entry.__qualname__ = f"entry_{name}"
    entry.__doc__ = (f"Call wasm export {name!r}: "
                     f"{params} -> {results} (raw unchecked call).")
    # Keep the instance (store, memories), the func struct and the buffers
    # alive as long as the callable is.
    entry._native_keepalive = (inst, func, buf, trap)  # type: ignore[attr-defined]
    entry.params = params                              # type: ignore[attr-defined]
    entry.results = results                            # type: ignore[attr-defined]
    entry.export_name = name                           # type: ignore[attr-defined]
    return entry


def _valtype_vec(vec_addr: int) -> Tuple[str, ...]:
    vec = _ValtypeVec.from_address(vec_addr)
    if not vec.size:
        return ()
    kinds = [_valtype_kind(p) for p in (c_void_p * vec.size).from_address(vec.data)]
    return tuple(_VALKIND_NAMES.get(kind, f"kind{kind}") for kind in kinds)


class _ValtypeVec(Structure):
    """wasm_valtype_vec_t with its data as a plain address (no pointer object to cast)."""
    _fields_ = [("size", c_size_t), ("data", c_size_t)]


# ---------------------------------------------------------------------------
# Instance
# ---------------------------------------------------------------------------

class NativeInstance:
    """An instantiated module.  Holds a reference to its NativeEngine, so the
    store - and with it the instance and its memories - lives at least as
    long as this object (and as long as any entry() callable made from it)."""

    def __init__(self, engine: NativeEngine, mod: NativeModule,
                 instance: Any):
        self.engine = engine
        self.module = mod
        self._instance = instance
        self._entries: Dict[str, Callable] = {}
        self._memory = None
        ext = ffi.wasmtime_extern_t()
        if (_instance_export_get(engine._ctx_addr, byref(instance),
                                 b"memory", 6, byref(ext))
                and ext.kind == _EXTERN_MEMORY):
            self._memory = ffi.wasmtime_memory_t.from_buffer_copy(ext.of.memory)

    def _export(self, name: str, kind: int) -> Any:
        ext = ffi.wasmtime_extern_t()
        raw = name.encode("utf-8")
        if not _instance_export_get(self.engine._ctx_addr,
                                    byref(self._instance), raw, len(raw),
                                    byref(ext)):
            raise KeyError(f"no export named {name!r}")
        if ext.kind != kind:
            raise TypeError(f"export {name!r} has the wrong kind "
                            f"({ext.kind})")
        return ext

    def func_type(self, name: str) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
        """(params, results) of the exported function `name`."""
        ext = self._export(name, _EXTERN_FUNC)
        return self._func_type(ffi.wasmtime_func_t.from_buffer_copy(ext.of.func))

    def _func_type(self, func) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
        ft = _func_type(self.engine._ctx_addr, byref(func))
        try:
            return (_valtype_vec(_functype_params(ft)),
                    _valtype_vec(_functype_results(ft)))
        finally:
            _functype_delete(ft)

    def entry(self, name: str, signature=None) -> Callable:
        """A fast callable for the exported function `name`.

        Built for the JIT's (i64) -> i64 loop entry points but specialised
        for any signature of i32/i64/f32/f64 params and results (0 results ->
        None, 1 -> the value, several -> a tuple).  i32/i64 arguments wrap
        modulo 2**32 / 2**64.  Traps raise NativeTrap; an exception raised by
        a host function is re-raised as the same object.  The type is checked
        once here, which is what makes the unchecked call safe -- unless the
        caller, which made the module, gives ``signature`` ((params, results)):
        the JIT's loops all export run(i32) -> i32, and reflecting on the type
        was ~15 us of each loop's compile."""
        got = self._entries.get(name)
        if got is not None:
            return got
        ext = self._export(name, _EXTERN_FUNC)
        func = ffi.wasmtime_func_t.from_buffer_copy(ext.of.func)
        params, results = signature if signature is not None else self._func_type(func)
        for t in params + results:
            if t not in _VALTYPES:
                raise NativeError(f"export {name!r}: unsupported type {t}")
        e = _make_entry(self, name, func, params, results)
        self._entries[name] = e
        return e

    # -- memory -----------------------------------------------------------

    def _mem(self) -> Any:
        if self._memory is None:
            raise NativeError("the module exports no memory named 'memory'")
        return self._memory

    @property
    def has_memory(self) -> bool:
        return self._memory is not None

    @property
    def memory_address(self) -> int:
        """Base address of the exported "memory".  With this engine's config
        (memory_may_move=False) it does not change on growth, but callers
        should still re-read it after growing."""
        return _memory_data(self.engine._ctx_addr, byref(self._mem())) or 0

    @property
    def memory_size(self) -> int:
        """Current size of the exported "memory" in bytes."""
        return _memory_data_size(self.engine._ctx_addr, byref(self._mem()))

    def memory_view(self) -> memoryview:
        """A writable memoryview (format 'B') over the whole memory.  Valid
        until the memory grows; keeps this instance alive."""
        size = self.memory_size
        arr = (c_uint8 * size).from_address(self.memory_address)
        arr._native_keepalive = self  # type: ignore[attr-defined]
        return memoryview(arr).cast("B")

    def grow_memory(self, pages: int) -> int:
        """Grow the exported memory by `pages` 64 KiB pages; returns the
        previous size in pages.  Raises NativeError if it cannot grow."""
        if pages < 0:
            raise ValueError("cannot grow memory by a negative amount")
        prev = c_uint64(0)
        err = _memory_grow(self.engine._ctx_addr, byref(self._mem()), pages,
                           byref(prev))
        if err:
            raise NativeError("memory.grow failed: "
                              + _consume_error_message(err))
        return prev.value

    @property
    def exports(self) -> List[str]:
        out = []
        i = 0
        name_ptr = POINTER(ctypes.c_char)()
        name_len = c_size_t(0)
        ext = ffi.wasmtime_extern_t()
        while _instance_export_nth(self.engine._ctx_addr,
                                   byref(self._instance), i, byref(name_ptr),
                                   byref(name_len), byref(ext)):
            out.append(ctypes.string_at(name_ptr, name_len.value).decode())
            i += 1
        return out
