"""Tauraro's caches on disk: where they live, their bound, and what they hold.

Everything Tauraro keeps between runs lives under one root
(``$XDG_CACHE_HOME/tauraro``, else ``~/.cache/tauraro``):

- ``code/``: the program's compiled and instrumented code objects (as ``.pyc``
  files are), written by ``tauraro.vm.loader``, the register bytecode of its files
  whose loops got hot (``tauraro.vm.register_cache``), and the Python code Tauraro
  generates at run time, compiled (``compiled``);
- ``jit/``: native code wasmtime compiled from the JIT's wasm, written by
  ``tauraro.jit.native``, and under ``jit/starts/`` the loops a run's JIT gave up on,
  which later runs of the same source do not start the JIT for (``tauraro.vm.start_memory``);
- ``startup/``: which modules ``python3`` has at start-up, per interpreter
  (``tauraro.boundary``).

The whole root is bounded (``TAURARO_CACHE_SIZE`` bytes, default 64 MiB): after a
run that wrote to it, the least recently used files are evicted until it fits. A ledger
(``.size``) holds the root's size as last counted plus what runs wrote since, so a run
walks the root only when the ledger says it may be over its bound (``settle``): a walk
of 10,000 files took ~80 ms of every run that wrote one.
``TAURARO_CACHE=0`` turns every cache off. This module imports nothing of Tauraro.
"""
from __future__ import annotations

import marshal
import os
import sys
import zlib

DEFAULT_LIMIT = 64 * 1024 * 1024
KINDS = {"code": "compiled program code, and Tauraro's generated code",
         "jit": "native code of compiled loops, and the loops earlier runs gave up on",
         "startup": "the host's start-up modules"}

writes = 0          # files written to the cache in this run (settled at exit when > 0)
written = 0         # and their bytes
_warned = False
LEDGER = ".size"
# a walk that finds the root past its bound evicts down to LOW_WATER quarters of it: a cache
# kept just under its bound was walked again by every run that wrote (10,000 files, ~70 ms)
LOW_WATER = 3


def root() -> str | None:
    """The cache root, or None when caching is off (``TAURARO_CACHE=0``)."""
    if os.environ.get("TAURARO_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "tauraro")


def limit() -> int:
    try:
        return int(os.environ.get("TAURARO_CACHE_SIZE", DEFAULT_LIMIT))
    except ValueError:
        return DEFAULT_LIMIT


def wrote(size: int) -> None:
    """A file of ``size`` bytes was written to the cache."""
    global writes, written
    writes += 1
    written += size


def key(what) -> str:
    """A cache file's name for ``what`` (a tuple of plain values): 16 hex digits of its repr."""
    k = repr(what).encode()
    return "%08x%08x" % (zlib.crc32(k), zlib.adler32(k))


def entry(directory: str, name: str, suffix: str) -> str:
    """Where the file named ``name`` (``key``) lives under ``directory``: in one of 256
    subdirectories, by its first two digits."""
    return os.path.join(directory, name[:2], name[2:] + suffix)


def store(path: str, data: bytes, where: str) -> None:
    """Write ``data`` to the cache file ``path`` whole (a temporary file renamed over it:
    a reader never sees half of it), and count it (``wrote``); a failure is ``failed``
    (``where``: the cache it is in)."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _replace(path, data)
        wrote(len(data))
    except OSError as e:
        failed(where, e)


def _replace(path: str, data: bytes) -> None:
    """``path`` holds ``data`` whole: a temporary file renamed over it (removed if that
    fails; the OSError is raised)."""
    tmp = "%s.%d.tmp" % (path, os.getpid())
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise


def settle(top: str, limit: int) -> int:
    """After a run that wrote to the cache under ``top``: the ledger gets what the run
    wrote, and if that may take the root past ``limit`` bytes (or there is no ledger),
    the root is walked and pruned (``prune``: down to LOW_WATER quarters of ``limit``) and
    the ledger set to what it holds.
    Returns the number of files removed. (Runs writing at once may each miss the
    other's bytes: the bound is soft, and every walk counts again.)"""
    ledger = os.path.join(top, LEDGER)
    try:
        with open(ledger) as f:
            known = int(f.read())
    except (OSError, ValueError):
        known = None
    if known is not None and known + written <= limit:
        _write_ledger(ledger, known + written)
        return 0
    removed, total = _prune(top, limit, limit * LOW_WATER // 4)
    _write_ledger(ledger, total)
    return removed


def _write_ledger(ledger: str, size: int) -> None:
    try:
        _replace(ledger, str(size).encode())
    except OSError:
        pass


def failed(where: str, exc: BaseException) -> None:
    """Writing to the cache failed: the run goes on without it, and says so once."""
    global _warned
    if _warned:
        return
    _warned = True
    try:
        sys.stderr.write("tauraro: warning: cannot write to the cache at %s: %s; running "
                         "without it (TAURARO_CACHE=0 turns it off)\n"
                         % (where, getattr(exc, "strerror", None) or exc))
    except Exception:
        pass


def _files(top: str):
    for dirpath, _, names in os.walk(top):
        for n in names:
            p = os.path.join(dirpath, n)
            try:
                st = os.stat(p)
            except OSError:
                continue
            yield st.st_mtime, st.st_size, p


def prune(top: str, limit: int) -> int:
    """Evict least recently used files under ``top`` until it holds at most ``limit``
    bytes. Returns the number of files removed."""
    return _prune(top, limit)[0]


def _prune(top: str, limit: int, low: int | None = None) -> tuple[int, int]:
    """(files removed, bytes left) of ``prune``; past ``limit``, down to ``low`` (if given)."""
    files = list(_files(top))
    total = sum(size for _, size, _ in files)
    removed = 0
    if total <= limit:
        return 0, total
    files.sort()
    for _, size, p in files:
        if total <= (limit if low is None else low):
            break
        try:
            os.remove(p)
            total -= size
            removed += 1
        except OSError:
            pass
    return removed, total


def info(top: str) -> dict:
    """Per kind of cache: its directory, how many files and how many bytes it holds."""
    out = {}
    for kind in KINDS:
        d = os.path.join(top, kind)
        files = list(_files(d))
        out[kind] = (d, len(files), sum(size for _, size, _ in files))
    return out


def clear(top: str) -> tuple[int, int]:
    """Remove every cache under ``top``; returns (files, bytes) removed."""
    n = size = 0
    try:
        os.remove(os.path.join(top, LEDGER))     # (counted again at the next run that writes)
    except OSError:
        pass
    for kind in KINDS:
        d = os.path.join(top, kind)
        for _, s, _ in _files(d):
            n += 1
            size += s
        for dirpath, dirs, names in os.walk(d, topdown=False):
            for name in names:
                try:
                    os.remove(os.path.join(dirpath, name))
                except OSError:
                    pass
            try:
                os.rmdir(dirpath)
            except OSError:
                pass
    return n, size


# --- Python source Tauraro generates, compiled --------------------------------------------
# The JIT generates Python code as it runs: a compiled loop's entry and exits
# (tauraro.jit.transfer), a compiled function's checks (tauraro.jit.functions), the
# baseline's blocks (tauraro.vm.blockgen). The same program generates the same text run
# after run, and compile() took 0.3 ms a text, ~2.5 ms for a process's first (it makes the
# C-level ast's types): 4-9 ms of the runs of bench/objects. A text's code object is kept
# under ``code/`` with the text itself, which a later run compares with its own before
# using the code: a file whose text differs, or is unreadable, is compiled again.
_GENERATED_MAGIC = ("tauraro-generated-1", sys.implementation.cache_tag, sys.flags.optimize)
_compiled: dict = {}        # (text, filename, mode) -> code, in this process


def _named(code, filename: str):
    """``code`` and the code objects nested in it with ``filename`` itself, the caller's
    str object, as their ``co_filename``, as compile() leaves it: a traceback printed by
    CPython collapses a recursion's frames ("[Previous line repeated ...]") only while
    their code objects' file names are one object, and marshal makes another."""
    consts = code.co_consts
    if any(type(c) is _CODE for c in consts):
        consts = tuple(_named(c, filename) if type(c) is _CODE else c for c in consts)
        return code.replace(co_filename=filename, co_consts=consts)
    return code.replace(co_filename=filename)


_CODE = type(_named.__code__)


def compiled(text: str, filename: str, mode: str = "exec"):
    """``compile(text, filename, mode, dont_inherit=True)``, from the cache when a run
    kept the same text's code (see above); what it compiles is kept."""
    asked = (text, filename, mode)
    code = _compiled.get(asked)
    if code is not None:
        return code
    top = root()
    path = None
    if top is not None:
        path = entry(os.path.join(top, "code"), key((_GENERATED_MAGIC, filename, mode, text)), ".gen")
        try:
            with open(path, "rb") as f:
                magic, kept_name, kept_mode, kept_text, code = marshal.load(f)
            if magic != _GENERATED_MAGIC or kept_name != filename or kept_mode != mode or kept_text != text:
                code = None
            else:
                os.utime(path)      # recently used
                code = _named(code, filename)
        except Exception:       # (missing, truncated, written by another Python)
            code = None
    if code is None:
        code = compile(text, filename, mode, dont_inherit=True)
        if path is not None:
            store(path, marshal.dumps((_GENERATED_MAGIC, filename, mode, text, code)), os.path.join(top, "code"))
    _compiled[asked] = code
    return code
