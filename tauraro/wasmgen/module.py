"""An in-memory WebAssembly module description with a binary encoder.

Standard library only.  The same description is printed as WebAssembly text
by :mod:`tauraro.wasmgen.text` (``Module.to_text()``).

Example::

    from tauraro.wasmgen.module import Module, FuncType

    m = Module(name="prog_py_line12")
    h = m.import_function("helpers", "float_repr", FuncType(("f64",), ("i64",)),
                          name="float_repr")
    m.set_memory(min_pages=1, export="memory")
    g = m.add_global("i32", mutable=True, init=0, name="interrupt")
    f = m.add_function(
        name="loop_12",
        params=[("entry", "i64")],
        results=["i64"],
        locals=[("total", "i64")],
        body=[("local.get", 0), ("i64.const", 1), ("i64.add",)],
        export="run",
    )
    wasm_bytes = m.to_binary()
    wat_text = m.to_text()

Index spaces follow the wasm rules: imported functions (globals) come before
defined ones, so every ``import_function`` (``import_global``) call must come
before the first ``add_function`` (``add_global``) -- the indices returned
earlier would otherwise shift.  To let a body call a function defined later
(or itself), add the function with ``body=None`` first and give it a body
with :meth:`Module.set_function_body`.

Function bodies are lists of instruction tuples, see
:mod:`tauraro.wasmgen.instructions`; an instruction without an immediate may be
its bare name (``"i64.add"`` for ``("i64.add",)``).  The body normally does NOT contain the
function's final ``end``: the encoder appends it.  A body whose ``end``\\ s
outnumber its ``block``/``loop``/``if``\\ s by exactly one, the extra one being
the last real instruction (comments may follow), is accepted as already
closed and nothing is appended.  Any other imbalance raises
:class:`WasmEncodeError`.
"""

from __future__ import annotations

import struct

from .instructions import INSTRUCTIONS, VALTYPES

__all__ = [
    "FuncType",
    "Module",
    "Function",
    "Global",
    "Import",
    "WasmEncodeError",
    "encode_body",
    "uleb128",
    "sleb128",
]


class WasmEncodeError(ValueError):
    """An instruction or module description that cannot be encoded."""


# ---------------------------------------------------------------------------
# LEB128
# ---------------------------------------------------------------------------

def uleb128(value: int) -> bytes:
    """Unsigned LEB128 (minimal length)."""
    if value < 0:
        raise WasmEncodeError(f"unsigned LEB128 of negative value {value}")
    if value < 0x80:
        return bytes((value,))
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb128(value: int) -> bytes:
    """Signed LEB128 (minimal length)."""
    if -0x40 <= value < 0x40:
        return bytes((value & 0x7F,))
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7  # arithmetic shift for negative ints
        if (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40):
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


def _u32(value: int) -> bytes:
    if not 0 <= value < 1 << 32:
        raise WasmEncodeError(f"index/u32 immediate out of range: {value!r}")
    return uleb128(value)


def _s64(value: int) -> bytes:
    """i64.const immediate: any int in [-2**63, 2**64)."""
    if value >= 1 << 63:
        if value >= 1 << 64:
            raise WasmEncodeError(f"i64.const out of range: {value}")
        value -= 1 << 64
    elif value < -(1 << 63):
        raise WasmEncodeError(f"i64.const out of range: {value}")
    return sleb128(value)


def _s32(value: int) -> bytes:
    """i32.const immediate: any int in [-2**31, 2**32)."""
    if value >= 1 << 31:
        if value >= 1 << 32:
            raise WasmEncodeError(f"i32.const out of range: {value}")
        value -= 1 << 32
    elif value < -(1 << 31):
        raise WasmEncodeError(f"i32.const out of range: {value}")
    return sleb128(value)


def _name(s: str) -> bytes:
    b = s.encode("utf-8")
    return uleb128(len(b)) + b


def _vec(items) -> bytes:
    items = list(items)
    return uleb128(len(items)) + b"".join(items)


def _valtype(t: str) -> int:
    try:
        return VALTYPES[t]
    except (KeyError, TypeError):
        raise WasmEncodeError(f"unknown value type {t!r}") from None


# ---------------------------------------------------------------------------
# The function body encoder (hot path: runs on the JIT's compile path)
# ---------------------------------------------------------------------------

# Encoder kinds (small ints so the dispatch below is a chain of int compares).
_K_NONE, _K_U32, _K_I64, _K_END, _K_BLOCK, _K_MEM, _K_F64, _K_I32, _K_BRTABLE, \
    _K_COMMENT, _K_F32 = range(11)

_KIND_OF_IMM = {
    None: _K_NONE, "local": _K_U32, "global": _K_U32, "func": _K_U32, "label": _K_U32,
    "i32": _K_I32, "i64": _K_I64, "f32": _K_F32, "f64": _K_F64, "memarg": _K_MEM,
    "blocktype": _K_BLOCK, "br_table": _K_BRTABLE, "comment": _K_COMMENT,
}

#: name -> (opcode bytes, encoder kind, natural alignment)
_ENC: dict[str, tuple[bytes, int, int]] = {}
for _ins in INSTRUCTIONS.values():
    _ENC[_ins.name] = (_ins.opcode, _KIND_OF_IMM[_ins.imm], _ins.align)
_ENC["end"] = (b"\x0b", _K_END, 0)
del _ins

_BLOCKTYPE = {None: 0x40, **VALTYPES}
_pack_f64 = struct.Struct("<d").pack
_pack_f32 = struct.Struct("<f").pack


# Encoded bytes of every "simple" instruction tuple seen so far: anything but
# block/loop/if/end (they need nesting bookkeeping), comments, and float
# constants equal to zero (0.0 == -0.0 as dict keys).  JIT bodies repeat the same
# few hundred tuples (local.get 3, i64.add, i64.const 1 ...), so almost every
# instruction costs one dict lookup and one bytearray append.
_CACHE: dict[tuple, bytes] = {}
_CACHE_LIMIT = 1 << 16


def _encode_simple(op: bytes, kind: int, align: int, ins: tuple) -> bytes:
    """Encoding of one instruction whose bytes depend only on the tuple."""
    n = len(ins)
    if kind == _K_NONE:
        if n != 1:
            raise WasmEncodeError("takes no immediate")
        return op
    if kind == _K_MEM:
        if n > 3:
            raise WasmEncodeError("expected (name, offset=0, align_log2=natural)")
        a = ins[2] if n > 2 and ins[2] is not None else align
        if not 0 <= a <= align:
            raise WasmEncodeError(f"alignment 2**{a} exceeds natural alignment 2**{align}")
        return op + _u32(a) + _u32(ins[1] if n > 1 else 0)
    if kind == _K_BRTABLE:
        if n != 3:
            raise WasmEncodeError("expected ('br_table', (depths...), default)")
        targets = ins[1]
        return op + _u32(len(targets)) + b"".join(_u32(d) for d in targets) + _u32(ins[2])
    if n != 2:
        raise WasmEncodeError("takes exactly one immediate")
    v = ins[1]
    if not isinstance(v, int):
        raise WasmEncodeError(f"integer immediate expected, got {v!r}")
    if kind == _K_U32:
        return op + _u32(v)
    if kind == _K_I64:
        return op + _s64(v)
    if kind == _K_I32:
        return op + _s32(v)
    raise AssertionError(kind)


def encode_body(body, labels=None) -> bytearray:
    """Encode a list of instruction tuples into an expression (ending in ``end``).

    See the module docstring for the rule about the final ``end``.  Encodings
    of instruction tuples are memoised in a process-wide, size-bounded cache
    keyed by the tuple, so a repeated ``("local.get", 3)`` costs one dict
    lookup; a 3,000-instruction body encodes in roughly 0.35 ms.  If
    ``labels`` is a list, ``(label_index, name)`` pairs are appended to it for
    every ``block``/``loop``/``if`` that carries a label name (label indices
    count all block instructions of the body in order, as in the name
    section).
    """
    out = bytearray()
    cache = _CACHE
    get = cache.get
    enc = _ENC
    depth = 0
    nblocks = 0
    closed_at = -1
    ins = None
    try:
        for ins in body:
            try:
                b = get(ins)
            except TypeError:  # unhashable, e.g. a br_table with a list of depths
                b = None
            if b is not None:
                out += b
                continue
            if type(ins) is str:    # a bare name: no immediate (cached by the name below)
                ins = (ins,)
                b = get(ins)
                if b is not None:
                    out += b
                    cache[ins[0]] = b
                    continue
            op, kind, align = enc[ins[0]]
            if kind == _K_END:
                if len(ins) != 1:
                    raise WasmEncodeError("takes no immediate")
                out += op
                depth -= 1
                if depth < 0:
                    if depth < -1:
                        raise WasmEncodeError("'end' without a matching block/loop/if")
                    closed_at = len(out)
            elif kind == _K_BLOCK:
                if depth < 0:
                    raise WasmEncodeError("instruction after the function's final 'end'")
                depth += 1
                out += op
                n = len(ins)
                if n > 1:
                    bt = _BLOCKTYPE.get(ins[1], -1)
                    if bt < 0:
                        raise WasmEncodeError(f"unknown block type {ins[1]!r}")
                    out.append(bt)
                    if n > 2:
                        if n > 3:
                            raise WasmEncodeError("expected (name, blocktype, label)")
                        if labels is not None and ins[2]:
                            labels.append((nblocks, ins[2]))
                else:
                    out.append(0x40)
                nblocks += 1
            elif kind == _K_COMMENT:
                pass
            elif kind == _K_F64 or kind == _K_F32:
                if len(ins) != 2:
                    raise WasmEncodeError("takes exactly one immediate")
                v = ins[1]
                b = op + (_pack_f64(v) if kind == _K_F64 else _pack_f32(v))
                out += b
                if v:  # cacheable unless zero: 0.0 and -0.0 are equal dict keys
                    if len(cache) >= _CACHE_LIMIT:
                        cache.clear()
                    cache[ins] = b
            else:
                b = _encode_simple(op, kind, align, ins)
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                try:
                    cache[ins] = b
                except TypeError:
                    pass
                if len(ins) == 1:
                    cache[ins[0]] = b      # (its bare name too)
                out += b
    except (WasmEncodeError, KeyError, IndexError, TypeError, ValueError, OverflowError,
            struct.error) as e:
        raise _instruction_error(body, ins, e) from None
    if depth == 0:
        out.append(0x0B)
    elif depth == -1:
        if closed_at != len(out):
            raise WasmEncodeError("instructions after the function's final 'end'")
    else:
        raise WasmEncodeError(f"{depth} block/loop/if not closed by 'end'")
    return out


def _instruction_error(body, ins, e) -> WasmEncodeError:
    where = next((f"instruction #{j} " for j, x in enumerate(body) if x is ins), "")
    if (not isinstance(ins, tuple) or not ins or not isinstance(ins[0], str)
            or ins[0] not in _ENC):
        return WasmEncodeError(f"{where}{ins!r}: not a known instruction tuple")
    if isinstance(e, WasmEncodeError):
        return WasmEncodeError(f"{where}{ins!r}: {e}")
    return WasmEncodeError(f"{where}{ins!r}: bad immediate ({type(e).__name__}: {e})")


# ---------------------------------------------------------------------------
# Module description
# ---------------------------------------------------------------------------

class _Record:
    """What these descriptions use of a dataclass -- fields set from the arguments,
    equality and a repr by fields -- without importing dataclasses (~10 ms, paid when
    the JIT's first loop gets hot)."""
    __slots__ = ()
    _fields: tuple = ()

    def _values(self):
        return tuple(getattr(self, f) for f in self._fields)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % (f, getattr(self, f)) for f in self._fields))


class FuncType(_Record):
    """A function type (immutable, hashable)."""
    __slots__ = ("params", "results")
    _fields = __slots__

    def __init__(self, params: tuple = (), results: tuple = ()):
        object.__setattr__(self, "params", tuple(params))
        object.__setattr__(self, "results", tuple(results))
        for t in self.params + self.results:
            _valtype(t)

    def __setattr__(self, name, value):
        raise AttributeError("cannot assign to field %r of a FuncType" % name)

    def __delattr__(self, name):
        raise AttributeError("cannot delete field %r of a FuncType" % name)

    def __hash__(self):
        return hash((self.params, self.results))

    def encode(self) -> bytes:
        return (b"\x60" + uleb128(len(self.params)) + bytes(VALTYPES[t] for t in self.params)
                + uleb128(len(self.results)) + bytes(VALTYPES[t] for t in self.results))


_FUNCTYPES: dict = {}


def _functype(params: tuple, results: tuple) -> FuncType:
    """The FuncType of these valtypes, made (and checked) once per signature."""
    key = (params, results)
    ft = _FUNCTYPES.get(key)
    if ft is None:
        ft = _FUNCTYPES[key] = FuncType(params, results)
    return ft


class Import(_Record):
    __slots__ = ("module", "field", "kind", "desc", "name")
    _fields = __slots__

    def __init__(self, module: str, field: str, kind: str, desc: object, name: str | None = None):
        self.module = module
        self.field = field
        self.kind = kind        # "func" | "memory" | "global"
        self.desc = desc        # type index | (min, max) | (valtype, mutable)
        self.name = name


class Function(_Record):
    __slots__ = ("index", "name", "type_index", "functype", "param_names", "locals", "body")
    _fields = __slots__

    def __init__(self, index: int, name: str | None, type_index: int, functype: FuncType,
                 param_names: list, locals: list | None = None, body: list | None = None):
        self.index = index
        self.name = name
        self.type_index = type_index
        self.functype = functype
        self.param_names = param_names      # name or None per param
        self.locals = [] if locals is None else locals      # [(name or None, valtype)]
        self.body = body


class Global(_Record):
    __slots__ = ("index", "valtype", "mutable", "init", "name")
    _fields = __slots__

    def __init__(self, index: int, valtype: str, mutable: bool, init: object, name: str | None = None):
        self.index = index
        self.valtype = valtype
        self.mutable = mutable
        self.init = init
        self.name = name


def _split_named(items, what):
    """[("x", "i64") | "i64", ...] -> [(name|None, valtype)]"""
    out = []
    for it in items:
        if type(it) is tuple and len(it) == 2 and type(it[1]) is str and it[1] in VALTYPES:
            out.append(it)          # (the JIT's locals: already (name, valtype))
            continue
        if isinstance(it, str):
            name, t = None, it
        else:
            try:
                name, t = it
            except (TypeError, ValueError):
                raise WasmEncodeError(f"{what} must be (name, valtype) or valtype, got {it!r}") \
                    from None
        _valtype(t)
        out.append((name, t))
    return out


def _export_names(export):
    if export is None:
        return ()
    if isinstance(export, str):
        return (export,)
    return tuple(export)


_EXPORT_KIND = {"func": 0x00, "table": 0x01, "memory": 0x02, "global": 0x03}


class Module:
    """A WebAssembly module under construction."""

    def __init__(self, name: str | None = None):
        self.name = name
        self.types: list[FuncType] = []
        self._type_index: dict[FuncType, int] = {}
        self.imports: list[Import] = []
        self.functions: list[Function] = []  # defined functions only
        self.func_names: list[str | None] = []  # every function index -> name
        self.func_types: list[int] = []  # every function index -> type index
        self.num_imported_funcs = 0
        self.memory: tuple | None = None  # (min_pages, max_pages) of a defined memory
        self.memory_import: Import | None = None
        self.globals: list[Global] = []  # defined globals only
        self.global_names: list[str | None] = []  # every global index -> name
        self.global_types: list[tuple[str, bool]] = []  # every global index -> (valtype, mutable)
        self.num_imported_globals = 0
        self.exports: list[tuple[str, str, int]] = []  # (export name, kind, index)
        self._export_set: set[str] = set()
        self.data: list[tuple[int, bytes]] = []  # active segments in memory 0
        self.start: int | None = None

    # -- types --------------------------------------------------------------
    def type_index(self, functype: FuncType) -> int:
        """Index of ``functype`` in the type section (added if new)."""
        idx = self._type_index.get(functype)
        if idx is None:
            idx = self._type_index[functype] = len(self.types)
            self.types.append(functype)
        return idx

    # -- imports ------------------------------------------------------------
    def import_function(self, module: str, field: str, functype: FuncType,
                        name: str | None = None) -> int:
        """Import a function; returns its function index."""
        if self.functions:
            raise WasmEncodeError("import_function() must be called before add_function()")
        tidx = self.type_index(functype)
        self.imports.append(Import(module, field, "func", tidx, name))
        idx = self.num_imported_funcs
        self.num_imported_funcs += 1
        self.func_names.append(name)
        self.func_types.append(tidx)
        return idx

    def import_global(self, module: str, field: str, valtype: str, mutable: bool = False,
                      name: str | None = None) -> int:
        """Import a global; returns its global index."""
        if self.globals:
            raise WasmEncodeError("import_global() must be called before add_global()")
        _valtype(valtype)
        self.imports.append(Import(module, field, "global", (valtype, bool(mutable)), name))
        idx = self.num_imported_globals
        self.num_imported_globals += 1
        self.global_names.append(name)
        self.global_types.append((valtype, bool(mutable)))
        return idx

    def import_memory(self, module: str, field: str, min_pages: int = 1,
                      max_pages: int | None = None) -> None:
        """Import memory 0 (instead of defining it with :meth:`set_memory`)."""
        if self.memory is not None or self.memory_import is not None:
            raise WasmEncodeError("module already has a memory")
        imp = Import(module, field, "memory", (min_pages, max_pages))
        self.imports.append(imp)
        self.memory_import = imp

    # -- definitions ----------------------------------------------------------
    def set_memory(self, min_pages: int = 1, max_pages: int | None = None,
                   export: str | None = None) -> None:
        """Define memory 0 (sizes in 64 KiB pages), optionally exported."""
        if self.memory_import is not None:
            raise WasmEncodeError("module already imports its memory")
        if self.memory is not None:
            raise WasmEncodeError("set_memory() called twice")
        self.memory = (min_pages, max_pages)
        for e in _export_names(export):
            self.add_export(e, "memory", 0)

    def add_global(self, valtype: str, mutable: bool = False, init=0,
                   name: str | None = None, export: str | None = None) -> int:
        """Define a global initialised to the constant ``init``; returns its index."""
        _valtype(valtype)
        idx = len(self.global_names)
        self.globals.append(Global(idx, valtype, bool(mutable), init, name))
        self.global_names.append(name)
        self.global_types.append((valtype, bool(mutable)))
        for e in _export_names(export):
            self.add_export(e, "global", idx)
        return idx

    def add_function(self, name: str | None = None, params=(), results=(), locals=(),
                     body=None, export=None) -> int:
        """Define a function; returns its function index.

        ``params`` and ``locals`` are lists of ``(name, valtype)`` pairs (a bare
        valtype string means unnamed); ``results`` a list of valtypes.  Params
        are locals ``0..len(params)-1``, then come ``locals``.  ``body`` is a
        list of instruction tuples (without the final ``end``), or ``None`` to
        set it later with :meth:`set_function_body`.  ``export`` is an export
        name, a list of names, or ``None``.
        """
        params = _split_named(params, "param")
        functype = _functype(tuple([t for _, t in params]), tuple(results))
        tidx = self.type_index(functype)
        idx = len(self.func_names)
        fn = Function(idx, name, tidx, functype, [n for n, _ in params],
                      _split_named(locals, "local"), None if body is None else list(body))
        self.functions.append(fn)
        self.func_names.append(name)
        self.func_types.append(tidx)
        for e in _export_names(export):
            self.add_export(e, "func", idx)
        return idx

    def function(self, index: int) -> Function:
        """The defined function with function index ``index``."""
        i = index - self.num_imported_funcs
        if i < 0:
            raise WasmEncodeError(f"function {index} is imported")
        return self.functions[i]

    def set_function_body(self, index: int, body, locals=None) -> None:
        """Set (or replace) the body, and optionally the locals, of a defined function."""
        fn = self.function(index)
        fn.body = list(body)
        if locals is not None:
            fn.locals = _split_named(locals, "local")

    def add_export(self, name: str, kind: str, index: int) -> None:
        if kind not in _EXPORT_KIND:
            raise WasmEncodeError(f"unknown export kind {kind!r}")
        if name in self._export_set:
            raise WasmEncodeError(f"duplicate export name {name!r}")
        self._export_set.add(name)
        self.exports.append((name, kind, index))

    def add_data(self, offset: int, data: bytes) -> None:
        """An active data segment copying ``data`` to ``offset`` in memory 0 at instantiation."""
        self.data.append((offset, bytes(data)))

    def set_start(self, funcidx: int) -> None:
        self.start = funcidx

    # -- encoding --------------------------------------------------------------
    def _const_expr(self, valtype: str, value) -> bytes:
        if valtype == "i32":
            return b"\x41" + _s32(value) + b"\x0b"
        if valtype == "i64":
            return b"\x42" + _s64(value) + b"\x0b"
        if valtype == "f32":
            return b"\x43" + _pack_f32(value) + b"\x0b"
        return b"\x44" + _pack_f64(value) + b"\x0b"

    @staticmethod
    def _limits(min_pages, max_pages) -> bytes:
        if max_pages is None:
            return b"\x00" + _u32(min_pages)
        return b"\x01" + _u32(min_pages) + _u32(max_pages)

    @staticmethod
    def _locals_decl(locals_) -> bytes:
        # Consecutive locals of one type form one group (what wat2wasm emits).
        groups: list[list] = []
        for _, t in locals_:
            if groups and groups[-1][1] == t:
                groups[-1][0] += 1
            else:
                groups.append([1, t])
        return _vec(uleb128(n) + bytes((VALTYPES[t],)) for n, t in groups)

    def encode_function(self, fn: Function, labels=None) -> bytes:
        """The code-section entry of ``fn`` (size prefix included)."""
        if fn.body is None:
            raise WasmEncodeError(f"function {fn.index} ({fn.name}) has no body")
        try:
            code = encode_body(fn.body, labels)
        except WasmEncodeError as e:
            raise WasmEncodeError(f"function {fn.index} ({fn.name}): {e}") from None
        entry = self._locals_decl(fn.locals) + code
        return uleb128(len(entry)) + entry

    def to_binary(self, names: bool = True) -> bytes:
        """The binary module, with a ``name`` custom section unless ``names`` is false
        (the JIT leaves it out unless its wasm is shown: encoding it, and wasmtime
        reading it, are part of every loop's compile time)."""
        out = bytearray(b"\x00asm\x01\x00\x00\x00")

        def section(sid: int, payload: bytes) -> None:
            out.append(sid)
            out.extend(uleb128(len(payload)))
            out.extend(payload)

        if self.types:
            section(1, _vec(t.encode() for t in self.types))
        if self.imports:
            items = []
            for imp in self.imports:
                b = _name(imp.module) + _name(imp.field)
                if imp.kind == "func":
                    b += b"\x00" + _u32(imp.desc)
                elif imp.kind == "memory":
                    b += b"\x02" + self._limits(*imp.desc)
                else:
                    t, mut = imp.desc
                    b += b"\x03" + bytes((VALTYPES[t], 1 if mut else 0))
                items.append(b)
            section(2, _vec(items))
        if self.functions:
            section(3, _vec(_u32(fn.type_index) for fn in self.functions))
        if self.memory is not None:
            section(5, b"\x01" + self._limits(*self.memory))
        if self.globals:
            section(6, _vec(bytes((VALTYPES[g.valtype], 1 if g.mutable else 0))
                            + self._const_expr(g.valtype, g.init) for g in self.globals))
        if self.exports:
            section(7, _vec(_name(n) + bytes((_EXPORT_KIND[k],)) + _u32(i)
                            for n, k, i in self.exports))
        if self.start is not None:
            section(8, _u32(self.start))
        all_labels = []
        if self.functions:
            codes = []
            for fn in self.functions:
                labels = [] if names else None
                codes.append(self.encode_function(fn, labels))
                if labels:
                    all_labels.append((fn.index, labels))
            section(10, _vec(codes))
        if self.data:
            section(11, _vec(b"\x00\x41" + _s32(off) + b"\x0b" + _name_bytes(d)
                             for off, d in self.data))
        if names:
            payload = self._name_section(all_labels)
            if payload:
                section(0, payload)
        return bytes(out)

    def _name_section(self, labels) -> bytes:
        """Subsections: 0 module, 1 functions, 2 locals, 3 labels, 7 globals."""
        subs = bytearray()

        def sub(sid, payload):
            subs.append(sid)
            subs.extend(uleb128(len(payload)))
            subs.extend(payload)

        def namemap(pairs):
            out = bytearray(uleb128(len(pairs)))
            for i, n in pairs:
                if 0 <= i < 0x80:
                    out.append(i)
                else:
                    out += _u32(i)
                b = str(n).encode("utf-8")
                if len(b) < 0x80:
                    out.append(len(b))
                else:
                    out += uleb128(len(b))
                out += b
            return bytes(out)

        if self.name:
            sub(0, _name(self.name))
        fnames = [(i, n) for i, n in enumerate(self.func_names) if n]
        if fnames:
            sub(1, namemap(fnames))
        lnames = []
        for fn in self.functions:
            pairs = [(i, n) for i, n in enumerate(fn.param_names + [n for n, _ in fn.locals]) if n]
            if pairs:
                lnames.append(_u32(fn.index) + namemap(pairs))
        if lnames:
            sub(2, _vec(lnames))
        if labels:
            sub(3, _vec(_u32(fidx) + namemap(pairs) for fidx, pairs in labels))
        gnames = [(i, n) for i, n in enumerate(self.global_names) if n]
        if gnames:
            sub(7, namemap(gnames))
        if not subs:
            return b""
        return _name("name") + bytes(subs)

    def to_text(self) -> str:
        """The module as WebAssembly text (see :mod:`tauraro.wasmgen.text`)."""
        from .text import module_to_text
        return module_to_text(self)


def _name_bytes(b: bytes) -> bytes:
    return uleb128(len(b)) + b
