"""The register bytecode of a program's files, kept on disk between runs.

The first time one of a file's loops gets hot, the JIT needs the file's register bytecode
(``tauraro.compiler``): 5-30 ms of compiling for the files of bench/suite, every run. It
is kept, pickled, under ``<cache root>/code`` beside the baseline's code objects
(``tauraro.vm.loader.CodeCache``), and loads in a tenth of the time. An entry names its
file and the stamp of its source; the key holds Tauraro's version, the interpreter's cache
tag and the stamp of every file of the register compiler, so a changed compiler never
reads an entry another one wrote. Instructions keep their ops by name
(``OpDef.__reduce__``).
"""
from __future__ import annotations

import os
import sys

try:    # (pickle's C half, all this needs: the pickle module's own import is ~3 ms more)
    from _pickle import PicklingError, dumps as _dumps, load as _load
except ImportError:     # pragma: no cover (an implementation without it)
    from pickle import PicklingError, dumps as _dumps, load as _load

from .. import __version__
from .. import cache
from .loader import CodeCache

# (found, not imported: this module is imported, as the compiler is, once a loop gets hot:
# tauraro.vm.hooks.HookRuntime.register_code)
_COMPILER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "compiler")


def _compiler_stamp() -> tuple:
    """The register compiler's files, as they are: (name, mtime, size) of each."""
    folder = _COMPILER
    out = []
    try:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                out.append((name, st.st_mtime_ns, st.st_size))
    except OSError:
        return ()
    return tuple(out)


_PROTOCOL = 5       # (pickle.HIGHEST_PROTOCOL in 3.11-3.13)
_MAGIC = None       # (made at the first use: the compiler's stamp costs a directory listing)


def _magic():
    global _MAGIC
    if _MAGIC is None:
        _MAGIC = ("tauraro-register-1", __version__, sys.implementation.cache_tag, _compiler_stamp(), sys.flags.optimize)
    return _MAGIC


class RegisterCache:
    """Pickled module CodeObjects under ``<root>/code``; ``root`` None: no cache."""

    def __init__(self, root: str | None):
        self.dir = os.path.join(root, "code") if root else None

    def _path(self, filename: str) -> str:
        return cache.entry(self.dir, cache.key((_magic(), filename)), ".reg")

    @staticmethod
    def _stamp(source) -> tuple:
        """The source's stamp, as the baseline's code cache stamps it (CodeCache.stamp)."""
        return CodeCache.stamp(source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source)

    def get(self, filename: str, source):
        """The module CodeObject kept for ``filename`` compiled from ``source``, or None."""
        if self.dir is None:
            return None
        path = self._path(filename)
        try:
            with open(path, "rb") as f:
                name, stamp, mod = _load(f)
        except Exception:       # (missing, truncated, or written by another version)
            return None
        if name != filename or stamp != self._stamp(source):
            return None
        try:
            os.utime(path)      # recently used
        except OSError:
            pass
        return mod

    def put(self, filename: str, source, mod) -> None:
        if self.dir is None:
            return
        try:
            data = _dumps((filename, self._stamp(source), mod), protocol=_PROTOCOL)
        except (PicklingError, TypeError, AttributeError, RecursionError):
            return      # (not kept: compiled again next time)
        cache.store(self._path(filename), data, self.dir)
