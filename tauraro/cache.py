"""Tauraro's caches on disk: where they live, their bound, and what they hold.

Everything Tauraro keeps between runs lives under one root
(``$XDG_CACHE_HOME/tauraro``, else ``~/.cache/tauraro``):

- ``code/``: the program's compiled and instrumented code objects (as ``.pyc``
  files are), written by ``tauraro.vm.loader``;
- ``jit/``: native code wasmtime compiled from the JIT's wasm, written by
  ``tauraro.jit.native``;
- ``startup/``: which modules ``python3`` has at start-up, per interpreter
  (``tauraro.boundary``).

The whole root is bounded (``TAURARO_CACHE_SIZE`` bytes, default 64 MiB): after a
run that wrote to it, the least recently used files are evicted until it fits.
``TAURARO_CACHE=0`` turns every cache off. This module imports nothing of Tauraro.
"""
from __future__ import annotations

import os
import sys

DEFAULT_LIMIT = 64 * 1024 * 1024
KINDS = {"code": "compiled program code", "jit": "native code of compiled loops",
         "startup": "the host's start-up modules"}

writes = 0          # files written to the cache in this run (pruned at exit when > 0)
_warned = False


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


def wrote() -> None:
    global writes
    writes += 1


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
    files = list(_files(top))
    total = sum(size for _, size, _ in files)
    removed = 0
    if total <= limit:
        return 0
    files.sort()
    for _, size, p in files:
        if total <= limit:
            break
        try:
            os.remove(p)
            total -= size
            removed += 1
        except OSError:
            pass
    return removed


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
